/**
 * Writes the Potential step's results through a {@link WorkbookHost}: one row per customer (P(alive),
 * expected purchases, expected spend, CLV) and a sheet with the fitted model, P(alive) by recency, the
 * holdout check and the potential per tier of the graded policy, with a line chart of each check.
 */
import { aliveByRecency, type PotentialResult, type TierPotential } from "../engine/clv";
import type { Lang } from "../engine/reasons";
import type { CellOut, LineChartRequest, WorkbookHost } from "./host";

export const POTENTIAL_SHEETS = {
  customers: { zh: "潜力", en: "Potential" },
  model: { zh: "潜力模型", en: "Potential model" },
} as const;

/** Headers of the customer sheet, in the order of `tier clv`'s CSV columns. */
export const POTENTIAL_HEADERS = {
  en: ["customer_id", "x", "t_x", "T", "p_alive", "expected_purchases", "expected_spend", "clv"],
  zh: [
    "客户编号",
    "复购次数 x",
    "末次购买 t_x",
    "客户年龄 T",
    "存活概率",
    "预计购买次数",
    "预计客单价",
    "终身价值 CLV",
  ],
} as const;

/**
 * The two columns the nine-grid reads (headers its role synonyms know): potential = CLV, current
 * value = spend to date; added when the Potential step is to feed the nine-grid.
 */
export const GRID_HEADERS = {
  en: ["potential", "current value"],
  zh: ["潜力", "当前价值"],
} as const;

const num = (v: number): CellOut => (Number.isFinite(v) ? v : null);

/**
 * One row per customer under the headers; ids as text, so that Excel keeps leading zeros and never
 * reads an id as a formula. With `grid`, two more columns for the nine-grid: potential (= CLV) and
 * current value (spend to date).
 * @example potentialRows(result, "en")[0] // ["customer_id", "x", "t_x", "T", "p_alive", …]
 */
export function potentialRows(result: PotentialResult, lang: Lang, grid = false): CellOut[][] {
  const { summary, scores } = result;
  const rows: CellOut[][] = [[...POTENTIAL_HEADERS[lang], ...(grid ? GRID_HEADERS[lang] : [])]];
  for (let i = 0; i < summary.customerId.length; i++) {
    const row: CellOut[] = [
      summary.customerId[i],
      summary.x[i],
      summary.tx[i],
      summary.T[i],
      num(scores.pAlive[i]),
      num(scores.expectedPurchases[i]),
      num(scores.expectedSpend[i]),
      num(scores.clv[i]),
    ];
    if (grid) row.push(num(scores.clv[i]), num(summary.spend[i]));
    rows.push(row);
  }
  return rows;
}

const UNIT_NAMES = {
  day: { zh: "天", en: "days" },
  week: { zh: "周", en: "weeks" },
  month: { zh: "月", en: "months" },
} as const;

/** The model sheet's rows and where its two chart blocks start (0-based header rows). */
export interface ModelLayout {
  rows: CellOut[][];
  recency: { headerRow: number; points: number };
  holdout?: { headerRow: number; points: number };
}

/**
 * The model sheet: parameters and log-likelihoods; mean P(alive) per recency bucket; the holdout
 * check (x in calibration, customers, actual and predicted mean repeat transactions) when there is
 * one; and the potential per tier of the graded policy when given.
 */
export function potentialModelLayout(
  result: PotentialResult,
  lang: Lang,
  byTier?: { policy: string; rows: readonly (TierPotential & { name: string })[] },
): ModelLayout {
  const zh = lang === "zh";
  const { bgnbd, gammaGamma, holdout, summary, scores } = result;
  const rows: CellOut[][] = [
    [zh ? "参数" : "parameter", zh ? "值" : "value"],
    ["BG/NBD r", bgnbd.r],
    ["BG/NBD α", bgnbd.alpha],
    ["BG/NBD a", bgnbd.a],
    ["BG/NBD b", bgnbd.b],
    [zh ? "BG/NBD 对数似然" : "BG/NBD log-likelihood", bgnbd.logLikelihood],
    [zh ? "客户数" : "customers", bgnbd.customers],
  ];
  if (gammaGamma)
    rows.push(
      ["Gamma-Gamma p", gammaGamma.p],
      ["Gamma-Gamma q", gammaGamma.q],
      ["Gamma-Gamma γ", gammaGamma.gamma],
      [zh ? "复购客户数" : "repeat buyers", gammaGamma.customers],
    );
  const unit = UNIT_NAMES[summary.unit][lang];
  rows.push([]);
  const recencyRow = rows.length;
  rows.push([
    zh ? `距最近购买（${unit}）` : `${unit} since the last purchase`,
    zh ? "客户数" : "customers",
    zh ? "平均存活概率" : "mean P(alive)",
  ]);
  const buckets = aliveByRecency(summary, scores.pAlive).filter((b) => b.customers > 0);
  for (const b of buckets) rows.push([`${b.from}–${b.to}`, b.customers, b.meanAlive]);
  const layout: ModelLayout = { rows, recency: { headerRow: recencyRow, points: buckets.length } };
  if (holdout) {
    rows.push([]);
    layout.holdout = { headerRow: rows.length, points: holdout.length };
    rows.push([
      zh ? "校准期复购次数" : "x in calibration",
      zh ? "客户数" : "customers",
      zh ? "验证期实际" : "holdout actual",
      zh ? "验证期预测" : "holdout predicted",
    ]);
    for (const r of holdout)
      rows.push([r.atLeast ? `${r.x}+` : String(r.x), r.customers, r.actual, r.predicted]);
  }
  if (byTier) {
    rows.push([]);
    rows.push([zh ? `按「${byTier.policy}」分级的潜力` : `Potential by tier of "${byTier.policy}"`]);
    rows.push([
      zh ? "等级" : "tier",
      zh ? "客户数" : "customers",
      zh ? "平均存活概率" : "mean P(alive)",
      zh ? "平均终身价值" : "mean CLV",
      zh ? "终身价值合计" : "total CLV",
    ]);
    for (const r of byTier.rows)
      rows.push([r.name, r.customers, num(r.meanAlive), num(r.meanClv), num(r.totalClv)]);
  }
  return layout;
}

/** The model sheet's rows (see {@link potentialModelLayout}). */
export function potentialModelRows(result: PotentialResult, lang: Lang): CellOut[][] {
  return potentialModelLayout(result, lang).rows;
}

/** Chart names on the model sheet, replaced on a re-run. */
export const POTENTIAL_CHARTS = { recency: "TierPAlive", holdout: "TierHoldout" } as const;

/** The line charts of the model sheet: P(alive) by recency, and the holdout check when there is one. */
export function potentialCharts(layout: ModelLayout, sheetName: string, lang: Lang): LineChartRequest[] {
  const zh = lang === "zh";
  const charts: LineChartRequest[] = [];
  if (layout.recency.points > 0)
    charts.push({
      sheetName,
      name: POTENTIAL_CHARTS.recency,
      title: zh ? "存活概率与距最近购买的时间" : "P(alive) by time since the last purchase",
      headerRow: layout.recency.headerRow,
      points: layout.recency.points,
      categoryColumn: 0,
      seriesColumns: [2],
      anchorRow: 0,
      anchorColumn: 6,
      valueFormat: "0%",
    });
  if (layout.holdout)
    charts.push({
      sheetName,
      name: POTENTIAL_CHARTS.holdout,
      title: zh
        ? "验证期复购次数：实际与预测（按校准期复购次数）"
        : "Repeat purchases in the holdout: actual and predicted, by calibration purchases",
      headerRow: layout.holdout.headerRow,
      points: layout.holdout.points,
      categoryColumn: 0,
      seriesColumns: [2, 3],
      anchorRow: 20,
      anchorColumn: 6,
      valueFormat: "0.0",
    });
  return charts;
}

export interface WritePotentialOptions {
  /** Add the nine-grid's potential and current value columns to the customer sheet. */
  grid?: boolean;
  /** The potential per tier of the graded policy, written on the model sheet. */
  byTier?: { policy: string; rows: readonly (TierPotential & { name: string })[] };
}

/**
 * Writes both sheets (replacing the add-in's own earlier ones) and, where the host draws charts, the
 * two line charts on the model sheet; returns the sheets' names.
 */
export async function writePotential(
  host: WorkbookHost,
  result: PotentialResult,
  lang: Lang,
  options: WritePotentialOptions = {},
): Promise<{ customers: string; model: string }> {
  const customers = POTENTIAL_SHEETS.customers[lang];
  const model = POTENTIAL_SHEETS.model[lang];
  const grid = options.grid === true;
  await host.writeSheet({
    name: customers,
    rows: potentialRows(result, lang, grid),
    formats: ["@", "0", "0.00", "0.00", "0.000", "0.00", "0.00", "0.00", ...(grid ? ["0.00", "0.00"] : [])],
    widths: [16, 8, 10, 10, 10, 12, 12, 12, ...(grid ? [12, 12] : [])],
    asTable: true,
  });
  const layout = potentialModelLayout(result, lang, options.byTier);
  await host.writeSheet({
    name: model,
    rows: layout.rows,
    formats: [undefined, "0.0000", "0.000", "0.000", "0.00"],
    widths: [24, 14, 14, 16, 14],
  });
  if (host.addLineChart)
    for (const chart of potentialCharts(layout, model, lang)) await host.addLineChart(chart);
  return { customers, model };
}
