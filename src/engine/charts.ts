/**
 * One chart description per kind, as plain data: what the file writer (DrawingML), the Office host
 * (`sheet.charts.add`) and the pane (Fluent UI charts) each draw. Tiers travel as keys and colours,
 * never as sentences; the renderers label them at the edge.
 *
 * Every policy gets the tier distribution (share of customers beside share of sales, the seeds'
 * 客户数量金字塔 against 利润金字塔); the registry's `chart` adds the one that tells its story.
 */
import { mix } from "./colour";
import type { GradeResult, PresentedResult, TierCount } from "./grade";
import { methodOf } from "./methods";

/** One tier's bar: customers and the (non-negative) sales they make, with both shares. */
export interface TierBar {
  readonly key: string;
  readonly colour: string;
  readonly customers: number;
  readonly customerShare: number;
  readonly amount: number;
  readonly amountShare: number;
  readonly visits?: number;
}

/** Every policy: per tier, share of customers beside share of sales (`hasAmount` false: counts only). */
export interface DistributionChart {
  readonly kind: "distribution";
  readonly tiers: readonly TierBar[];
  readonly hasAmount: boolean;
}

/** One bar of a Pareto chart: a customer, or a percentile of customers when there are many. */
export interface ParetoPoint {
  /** Share of customers up to and including this bar (0..1): the x axis in percent. */
  readonly upTo: number;
  readonly customers: number;
  /** Sales of the customers in this bar. */
  readonly amount: number;
  /** Cumulative share of sales at the end of this bar (0..1). */
  readonly cumulative: number;
  /** Tier of the bar's customers (the tier of most of them when a percentile straddles two). */
  readonly tier: string;
}

/** ABC and membership: customers by sales, largest first, with the cumulative share and zones per tier. */
export interface ParetoChart {
  readonly kind: "pareto";
  readonly points: readonly ParetoPoint[];
  /** True when the bars are percentiles of customers rather than single customers. */
  readonly perPercentile: boolean;
  /** Where each tier's customers lie along the x axis (share of customers, from..to), best first. */
  readonly zones: readonly { key: string; colour: string; from: number; to: number }[];
}

/** The customer pyramid: levels best (smallest) first, with counts and share of sales. */
export interface PyramidChart {
  readonly kind: "pyramid";
  readonly levels: readonly TierBar[];
}

/** A cell of a heat map: its count, a value, and the fill that shows it (text colour by `textOn`). */
export interface HeatCell {
  /** The tier key of a nine-grid cell ("A1"), or "r,f" for an RFM cell. */
  readonly key: string;
  readonly customers: number;
  /** Mean monetary value (RFM) or planned visits a month (nine-grid); NaN where none. */
  readonly value: number;
  readonly fill: string;
}

/**
 * The nine-grid, laid out as read: rows are Y high (1) to low (3), columns X low (C) to high (A),
 * so A1 (high potential, high value) is top right. Shaded by count.
 */
export interface GridChart {
  readonly kind: "grid";
  readonly rows: readonly string[];
  readonly columns: readonly string[];
  /** Row-major, `rows.length × columns.length`. */
  readonly cells: readonly HeatCell[];
  /** The tier colours (legend), best first. */
  readonly tiers: readonly TierBar[];
}

/** RFM: the R × F heat map of mean monetary value (R high at top, F low to high), and segment sizes. */
export interface RfmChart {
  readonly kind: "rfm";
  readonly rows: readonly string[];
  readonly columns: readonly string[];
  readonly cells: readonly HeatCell[];
  readonly segments: readonly TierBar[];
}

export type ChartDescription = DistributionChart | ParetoChart | PyramidChart | GridChart | RfmChart;

/** Customers above which a Pareto chart draws one bar per percentile rather than per customer. */
export const PARETO_PER_CUSTOMER_MAX = 200;

/** Pale and deep ends of the heat maps' shading. */
export const HEAT = { low: "#F3F7FB", high: "#1F4E79" } as const;

/** A graded result, or one labelled at the edge (its tier column then holds names: keys are in `tierKeys`). */
export type ChartSource = GradeResult | PresentedResult;

function tierKeys(result: ChartSource): readonly (string | null)[] {
  return "tierKeys" in result
    ? result.tierKeys
    : result.columns.tier.map((t) => (t === null ? null : String(t)));
}

/** The summary by tier key (a labelled result names its tiers; its rows are in tier order). */
function summaryByKey(result: ChartSource): TierCount[] {
  if (!("tierKeys" in result)) return result.summary;
  const byName = new Map(result.tiers.map((t) => [t.name[result.lang], t.key]));
  return result.summary.map((s, i) => ({
    ...s,
    tier: byName.get(s.tier) ?? result.tiers[i]?.key ?? s.tier,
  }));
}

function tierBars(result: ChartSource): TierBar[] {
  const info = new Map(result.tiers.map((t) => [t.key, t]));
  return summaryByKey(result).map((s) => ({
    key: s.tier,
    colour: info.get(s.tier)?.colour ?? "#7F7F7F",
    customers: s.customers,
    customerShare: s.customerShare,
    amount: s.amount,
    amountShare: s.amountShare,
    ...(info.get(s.tier)?.visits !== undefined ? { visits: info.get(s.tier)!.visits } : {}),
  }));
}

/**
 * The tier distribution: per tier, its customers and share of customers beside its share of sales.
 *
 * @example distributionChart(grade(table, preset("abc"))).tiers.map((t) => t.key) // ["A", "B", "C"]
 */
export function distributionChart(result: ChartSource): DistributionChart {
  const tiers = tierBars(result);
  return { kind: "distribution", tiers, hasAmount: tiers.some((t) => t.amount > 0) };
}

/**
 * The Pareto chart: graded customers by sales, largest first (ties in sheet order), the cumulative
 * share of sales, and the A/B/C (or card) zones along the customer axis. Up to
 * {@link PARETO_PER_CUSTOMER_MAX} customers get a bar each; beyond, one bar per percentile of customers
 * (bar k holds customers ⌊(k−1)·n/100⌋ .. ⌊k·n/100⌋−1), so the chart reads the same at any size.
 * Null when there is no sales column or no positive sale.
 *
 * @example paretoChart(result)?.points.at(-1)?.cumulative // 1
 */
export function paretoChart(result: ChartSource): ParetoChart | null {
  const amount = result.columns.amount;
  const tier = tierKeys(result);
  if (!amount) return null;
  const idx: number[] = [];
  for (let i = 0; i < amount.length; i++)
    if (typeof amount[i] === "number" && Number.isFinite(amount[i]) && tier[i] !== null) idx.push(i);
  // Stable sort: equal sales keep sheet order.
  idx.sort((a, b) => (amount[b] as number) - (amount[a] as number));
  const value = (i: number) => Math.max(amount[i] as number, 0);
  let total = 0;
  for (const i of idx) total += value(i);
  const n = idx.length;
  if (!n || !total) return null;
  const perPercentile = n > PARETO_PER_CUSTOMER_MAX;
  const buckets = perPercentile ? 100 : n;
  const points: ParetoPoint[] = [];
  let cum = 0;
  for (let k = 0; k < buckets; k++) {
    const from = perPercentile ? Math.floor((k * n) / 100) : k;
    const to = perPercentile ? Math.floor(((k + 1) * n) / 100) : k + 1;
    if (to <= from) continue;
    let sum = 0;
    const votes = new Map<string, number>();
    for (let j = from; j < to; j++) {
      sum += value(idx[j]);
      const t = tier[idx[j]] as string;
      votes.set(t, (votes.get(t) ?? 0) + 1);
    }
    cum += sum;
    let best = "";
    let most = -1;
    for (const [t, c] of votes) if (c > most) [best, most] = [t, c];
    points.push({ upTo: to / n, customers: to - from, amount: sum, cumulative: cum / total, tier: best });
  }
  // Zones: where each tier's customers sit in the ranking (customer by customer, not by bar).
  const first = new Map<string, number>();
  const last = new Map<string, number>();
  idx.forEach((i, j) => {
    const t = tier[i] as string;
    if (!first.has(t)) first.set(t, j);
    last.set(t, j + 1);
  });
  const zones = result.tiers
    .filter((t) => first.has(t.key))
    .map((t) => ({ key: t.key, colour: t.colour, from: first.get(t.key)! / n, to: last.get(t.key)! / n }));
  return { kind: "pareto", points, perPercentile, zones };
}

/**
 * The pyramid: the levels best first (the top 1 % is the pyramid's tip), with counts and share of sales.
 *
 * @example pyramidChart(result).levels[0].key // "top"
 */
export function pyramidChart(result: ChartSource): PyramidChart {
  return { kind: "pyramid", levels: tierBars(result) };
}

function shade(value: number, max: number): string {
  return Number.isFinite(value) && max > 0 ? mix(HEAT.low, HEAT.high, value / max) : "#FFFFFF";
}

/**
 * The nine-grid as a 3 × 3 map: customers per cell with its planned visits, shaded by count.
 *
 * @example gridChart(result).cells[2].key // "A1" (top right)
 */
export function gridChart(result: ChartSource): GridChart {
  const rows = ["1", "2", "3"];
  const columns = ["C", "B", "A"];
  const bars = new Map(tierBars(result).map((t) => [t.key, t]));
  const max = Math.max(0, ...[...bars.values()].map((b) => b.customers));
  const cells: HeatCell[] = [];
  for (const r of rows)
    for (const c of columns) {
      const b = bars.get(c + r);
      const customers = b?.customers ?? 0;
      cells.push({ key: c + r, customers, value: b?.visits ?? NaN, fill: shade(customers, max) });
    }
  return { kind: "grid", rows, columns, cells, tiers: [...bars.values()] };
}

/**
 * The R × F heat map the R package rfm draws (`rfm_heatmap`): for each recency score (rows, best at
 * the top) and frequency score (columns, 1 to the highest), the customers there and their mean
 * monetary value, shaded by that mean; with the segment sizes beside it. Null without r and f scores.
 *
 * @example rfmChart(result)?.cells.length // 25 for five bins
 */
export function rfmChart(result: ChartSource): RfmChart | null {
  const r = result.columns.r;
  const f = result.columns.f;
  const amount = result.columns.amount;
  const tier = tierKeys(result);
  if (!r || !f) return null;
  let bins = 0;
  for (let i = 0; i < r.length; i++)
    if (tier[i] !== null) bins = Math.max(bins, Number(r[i]) || 0, Number(f[i]) || 0);
  if (!bins) return null;
  const count = new Float64Array(bins * bins);
  const sum = new Float64Array(bins * bins);
  for (let i = 0; i < r.length; i++) {
    if (tier[i] === null) continue;
    const ri = Number(r[i]);
    const fi = Number(f[i]);
    if (!(ri >= 1 && fi >= 1)) continue;
    // Row 0 is the best recency score.
    const at = (bins - ri) * bins + (fi - 1);
    count[at]++;
    const m = amount ? Number(amount[i]) : NaN;
    sum[at] += Number.isFinite(m) ? m : 0;
  }
  const mean = Array.from(count, (c, k) => (c ? sum[k] / c : NaN));
  const max = Math.max(0, ...mean.filter((m) => Number.isFinite(m)));
  const rows = Array.from({ length: bins }, (_, k) => String(bins - k));
  const columns = Array.from({ length: bins }, (_, k) => String(k + 1));
  const cells: HeatCell[] = [];
  rows.forEach((rr, y) =>
    columns.forEach((ff, x) => {
      const k = y * bins + x;
      cells.push({ key: `${rr},${ff}`, customers: count[k], value: mean[k], fill: shade(mean[k], max) });
    }),
  );
  return { kind: "rfm", rows, columns, cells, segments: tierBars(result) };
}

/**
 * The charts of a graded result, chosen through the registry's `chart`: the tier distribution for
 * every policy, then the method's own (Pareto, pyramid, nine-grid, R × F heat map) where it has one.
 *
 * @example chartsOf(grade(table, preset("pyramid"))).map((c) => c.kind) // ["distribution", "pyramid"]
 */
export function chartsOf(result: ChartSource): ChartDescription[] {
  const out: ChartDescription[] = [distributionChart(result)];
  const kind = methodOf(result.ruleSet).chart;
  const own =
    kind === "pareto"
      ? paretoChart(result)
      : kind === "pyramid"
        ? pyramidChart(result)
        : kind === "grid"
          ? gridChart(result)
          : kind === "rfm"
            ? rfmChart(result)
            : null;
  if (own) out.push(own);
  return out;
}
