/**
 * From a chart description (`src/engine/charts.ts`) to what the pane's Fluent UI charts draw and to
 * the text table beside each: the same numbers, labelled in the user's language. Pure, so the tests
 * read the numbers without drawing anything.
 */
import type {
  ChartDataPoint,
  ChartProps,
  HeatMapChartData,
  VerticalBarChartDataPoint,
} from "@fluentui/react-charts";
import type { GridChart, ParetoChart, PyramidChart, RfmChart, TierBar } from "../engine/charts";
import { HEAT } from "../engine/charts";
import type { PaneChartKey } from "../i18n/pane-charts";
import type { MessageParams } from "../i18n/locale";

/** What the builders need to label: the catalogue, tier names, and number and share formats. */
export interface ChartWords {
  t: (key: PaneChartKey, params?: MessageParams) => string;
  tier: (key: string) => string;
  number: (x: number) => string;
  /** A share as the user's language writes it ("27.4%" in Chinese). */
  share: (x: number) => string;
}

/** A text table: header cells and rows of cells, the accessible alternative of a chart. */
export interface TextTable {
  caption: string;
  head: string[];
  rows: string[][];
}

/** The red of the summary sheet's cumulative line. */
export const PARETO_LINE = "#C00000";

/**
 * The Pareto bars (x: share of customers up to the bar, 0..1, drawn in percent) in their tier's zone
 * colour, each with the cumulative share of sales (in percent, on the secondary axis).
 *
 * @example paretoBars(chart, words)[0] // { x: 0.2, y: 500, color: "#1F4E79", lineData: { y: 50, … }, … }
 */
export function paretoBars(chart: ParetoChart, words: ChartWords): VerticalBarChartDataPoint[] {
  const colour = new Map(chart.zones.map((z) => [z.key, z.colour]));
  return chart.points.map((p) => ({
    x: p.upTo,
    y: p.amount,
    legend: words.tier(p.tier),
    color: colour.get(p.tier) ?? "#4472C4",
    xAxisCalloutData: words.t("charts.topCustomers", { share: words.share(p.upTo) }),
    lineData: { y: Math.round(p.cumulative * 1000) / 10, useSecondaryYScale: true },
  }));
}

/** Where each tier lies along the customer axis, with its share of sales. */
export function paretoZoneTable(chart: ParetoChart, bars: readonly TierBar[], words: ChartWords): TextTable {
  const sales = new Map(bars.map((b) => [b.key, b.amountShare]));
  return {
    caption: words.t("charts.zonesCaption"),
    head: [words.t("charts.tier"), words.t("charts.customerRange"), words.t("charts.salesShare")],
    rows: chart.zones.map((z) => [
      words.tier(z.key),
      words.t("charts.zoneRange", { from: words.share(z.from), to: words.share(z.to) }),
      sales.has(z.key) ? words.share(sales.get(z.key)!) : words.t("charts.none"),
    ]),
  };
}

/**
 * The cumulative share of sales at each tenth of the customers: the first bar that reaches 10 %,
 * 20 % … of them (exactly 10 %, 20 % … when the bars are percentiles).
 */
export function paretoDecileTable(chart: ParetoChart, words: ChartWords): TextTable {
  const rows: string[][] = [];
  let k = 0;
  for (let d = 1; d <= 10; d++) {
    // Per percentile, bar 10·d ends the d-th tenth (⌊d·n/10⌋ customers); per customer, the first
    // bar that reaches d tenths (upTo is (j + 1) / n, a small tolerance absorbs its floating point).
    if (chart.perPercentile) k = Math.min(d * 10, chart.points.length) - 1;
    else while (k < chart.points.length - 1 && chart.points[k].upTo < d / 10 - 1e-9) k++;
    const p = chart.points[k];
    const row = [words.t("charts.topCustomers", { share: words.share(p.upTo) }), words.share(p.cumulative)];
    if (!rows.length || rows.at(-1)![0] !== row[0]) rows.push(row);
  }
  return {
    caption: words.t("charts.decilesCaption"),
    head: [words.t("charts.customerRange"), words.t("charts.cumulative")],
    rows,
  };
}

/**
 * The pyramid as centred bars, best level (the tip) first: each row is a transparent spacer of
 * (widest − share) / 2, the level's share of customers in its colour, and the same spacer again,
 * so every row has the widest level's width, as the summary sheet's stacked bars do.
 *
 * @example pyramidRows(chart, words)[0].chartData[1].horizontalBarChartdata // { x: 1, total: 50 }
 */
export function pyramidRows(chart: PyramidChart, words: ChartWords): ChartProps[] {
  const percent = (x: number) => Math.round(x * 1000) / 10;
  const widest = Math.max(0, ...chart.levels.map((l) => percent(l.customerShare)));
  return chart.levels.map((l) => {
    const share = percent(l.customerShare);
    const spacer: ChartDataPoint = {
      legend: "",
      color: "transparent",
      placeHolder: true,
      horizontalBarChartdata: { x: (widest - share) / 2, total: widest },
    };
    return {
      chartTitle: pyramidLabel(l, words),
      chartData: [
        spacer,
        {
          legend: words.tier(l.key),
          color: l.colour,
          horizontalBarChartdata: { x: share, total: widest },
          xAxisCalloutData: words.tier(l.key),
          yAxisCalloutData: words.share(l.customerShare),
        },
        spacer,
      ],
    };
  });
}

/** "重要客户：44 位，销售占比 32.0%": a pyramid level's caption. */
export function pyramidLabel(l: TierBar, words: ChartWords): string {
  return words.t("charts.pyramidLevel", {
    tier: words.tier(l.key),
    customers: words.number(l.customers),
    sales: words.share(l.amountShare),
  });
}

/** Levels with customers, shares of customers and of sales. */
export function tierTable(
  caption: string,
  bars: readonly TierBar[],
  words: ChartWords,
  sales = true,
): TextTable {
  return {
    caption,
    head: [
      words.t("charts.tier"),
      words.t("charts.customers"),
      words.t("charts.customerShare"),
      ...(sales ? [words.t("charts.salesShare")] : []),
    ],
    rows: bars.map((b) => [
      words.tier(b.key),
      words.number(b.customers),
      words.share(b.customerShare),
      ...(sales ? [words.share(b.amountShare)] : []),
    ]),
  };
}

/** The nine cells as read (row 1 on top, A on the right) with their count and planned visits. */
export function gridTable(chart: GridChart, words: ChartWords): TextTable {
  return {
    caption: words.t("charts.gridTitle"),
    head: [
      words.t("charts.cell"),
      words.t("charts.tier"),
      words.t("charts.customers"),
      words.t("charts.visits"),
    ],
    rows: chart.cells.map((c) => [
      c.key,
      words.tier(c.key),
      words.number(c.customers),
      Number.isFinite(c.value) ? words.number(c.value) : words.t("charts.none"),
    ]),
  };
}

/**
 * The R × F heat map for Fluent's HeatMapChart: x the F score (low to high), y the R score (high on
 * top), the value the cell's mean monetary value (0 where no customer is, drawn palest and labelled
 * "—"), the text the mean in compact form. Listed R 1 first: the chart draws the first row at the bottom.
 *
 * @example rfmHeat(chart, words, compact)[0].data.length // 25 for five bins
 */
export function rfmHeat(
  chart: RfmChart,
  words: ChartWords,
  compact: (x: number) => string,
): HeatMapChartData[] {
  const n = chart.columns.length;
  // HeatMapChart stacks the y categories upwards in the order it meets them: the lowest R score
  // first, so the best (the description's first row) ends on top.
  const order = chart.cells.map((_, k) => k);
  order.sort((a, b) => Math.floor(b / n) - Math.floor(a / n) || (a % n) - (b % n));
  return [
    {
      legend: words.t("charts.mean"),
      value: 0,
      data: order.map((k) => {
        const c = chart.cells[k];
        const seen = c.customers > 0 && Number.isFinite(c.value);
        return {
          x: `F${chart.columns[k % n]}`,
          y: `R${chart.rows[Math.floor(k / n)]}`,
          value: seen ? c.value : 0,
          rectText: seen ? compact(c.value) : words.t("charts.none"),
          descriptionMessage: `${words.t("charts.customers")} ${words.number(c.customers)}`,
        };
      }),
    },
  ];
}

/** The heat map's colour scale: the summary sheet's palest and deepest shades over 0 .. the largest mean. */
export function rfmScale(chart: RfmChart): { domain: number[]; range: string[] } {
  const max = Math.max(0, ...chart.cells.map((c) => (Number.isFinite(c.value) ? c.value : 0)));
  return { domain: [0, max || 1], range: [HEAT.low, HEAT.high] };
}

/** The R × F cells as a table: R score, F score, customers and mean monetary value. */
export function rfmTable(chart: RfmChart, words: ChartWords): TextTable {
  const n = chart.columns.length;
  return {
    caption: words.t("charts.rfmTitle"),
    head: [
      words.t("charts.rfmR"),
      words.t("charts.rfmF"),
      words.t("charts.customers"),
      words.t("charts.mean"),
    ],
    rows: chart.cells.map((c, k) => [
      chart.rows[Math.floor(k / n)],
      chart.columns[k % n],
      words.number(c.customers),
      Number.isFinite(c.value) ? words.number(Math.round(c.value)) : words.t("charts.none"),
    ]),
  };
}

/** The segment sizes as one bar each, out of all graded customers (what rfm_plot_segment draws). */
export function segmentRows(chart: RfmChart, words: ChartWords): ChartProps[] {
  const total = chart.segments.reduce((s, b) => s + b.customers, 0);
  return chart.segments.map((b) => ({
    chartTitle: words.tier(b.key),
    chartData: [
      {
        legend: words.tier(b.key),
        color: b.colour,
        horizontalBarChartdata: { x: b.customers, total: total || 1 },
      },
    ],
  }));
}
