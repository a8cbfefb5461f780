/**
 * The summary a manager prints: a title, the policy, the as-of date and the counts at the top; the
 * per-tier table with a header look, number formats, tier colours and a total row; the nine-grid or
 * R × F map as coloured cells; the charts of `chartsOf` beside the table, their data on a hidden sheet;
 * the rows that got no tier on a sheet of their own.
 */
import {
  chartsOf,
  type ChartDescription,
  type DistributionChart,
  type GridChart,
  type ParetoChart,
  type PyramidChart,
  type RfmChart,
} from "../engine/charts";
import { formatDay } from "../engine/dates";
import type { Lang, PresentedResult } from "../engine/grade";
import type { CellLook, CellOut, ChartRequest, Progress, WorkbookHost } from "./host";
import { chartText, percentText } from "./summary-text";

/** The sheets the summary writes, per language. */
export const SUMMARY_SHEETS = {
  problems: { zh: "分级问题", en: "Tier problems" },
  chartData: { zh: "分级图表数据", en: "Tier chart data" },
} as const;

/** Problems listed on the problems sheet; the rest are counted in a last line. */
const MAX_PROBLEMS = 5000;
/** The charts sit right of the table, from this column (H). */
const CHART_COLUMN = 7;
const CHART_WIDTH = 560;
const CHART_HEIGHT = 320;

export interface SummaryReport {
  summarySheet: string;
  problemsSheet?: string;
  chartDataSheet?: string;
  charts: ChartDescription["kind"][];
}

/** Rows and looks of a sheet being built, 0-based. */
class Grid {
  readonly rows: CellOut[][] = [];
  readonly looks: CellLook[] = [];
  put(row: number, column: number, value: CellOut, look?: Omit<CellLook, "row" | "column">): void {
    while (this.rows.length <= row) this.rows.push([]);
    const r = this.rows[row];
    while (r.length <= column) r.push(null);
    r[column] = value;
    if (look) this.looks.push({ row, column, ...look });
  }
  get height(): number {
    return this.rows.length;
  }
}

/** A chart's data block on the hidden sheet, and the chart request that reads it. */
interface Planned {
  request: Omit<ChartRequest, "sheetName" | "dataSheet" | "anchorRow" | "anchorColumn" | "dataTop"> & {
    /** Header row then one row per point, from column 0 of the block. */
    block: CellOut[][];
  };
}

/**
 * Writes the summary sheet (and, when needed, the problems sheet and the hidden chart-data sheet)
 * and draws the charts of the result's policy.
 *
 * @example await writeSummary(host, result, "zh", SHEET_NAMES.summary.zh)
 */
export async function writeSummary(
  host: WorkbookHost,
  result: PresentedResult,
  lang: Lang,
  summarySheet: string,
  onProgress?: Progress,
): Promise<SummaryReport> {
  const t = (key: Parameters<typeof chartText>[1], params?: Record<string, string | number>) =>
    chartText(lang, key, params);
  const charts = chartsOf(result);
  const dist = charts.find((c): c is DistributionChart => c.kind === "distribution")!;
  const tierName = new Map(result.tiers.map((x) => [x.key, x.name[lang]]));
  const name = (key: string) => tierName.get(key) ?? key;
  const report: SummaryReport = { summarySheet, charts: [] };

  // The table.
  const g = new Grid();
  g.put(0, 0, t("title", { policy: result.ruleSet.name[lang] }), { title: true });
  g.put(1, 0, t("policy"), { bold: true });
  g.put(1, 1, result.ruleSet.name[lang]);
  g.put(2, 0, t("asOf"), { bold: true });
  g.put(2, 1, formatDay(result.asOf));
  g.put(3, 0, t("customers"), { bold: true });
  g.put(3, 1, result.graded + result.ungraded);
  g.put(4, 0, t("gradedUngraded"), { bold: true });
  g.put(4, 1, `${result.graded} / ${result.ungraded}`);
  const withVisits = dist.tiers.some((x) => x.visits !== undefined);
  // The policy's actions per tier (策略), as the result presents them, beside its counts.
  const strategyOf = new Map(result.summary.map((s) => [s.tier, s.strategy]));
  const withStrategies = result.summary.some((s) => s.strategy);
  const head = [
    t("tier"),
    t("customers"),
    t("customerShare"),
    ...(dist.hasAmount ? [t("sales"), t("salesShare")] : []),
    ...(withVisits ? [t("visits")] : []),
    ...(withStrategies ? [t("strategy")] : []),
  ];
  const formats: (string | undefined)[] = [
    undefined,
    "#,##0",
    "0.0%",
    ...(dist.hasAmount ? ["#,##0.00", "0.0%"] : []),
    ...(withVisits ? ["0"] : []),
    ...(withStrategies ? [undefined] : []),
  ];
  const headerRow = 6;
  head.forEach((h, c) => g.put(headerRow, c, h, { header: true }));
  let row = headerRow + 1;
  let customers = 0;
  let amount = 0;
  for (const x of dist.tiers) {
    const cells: CellOut[] = [
      name(x.key),
      x.customers,
      x.customerShare,
      ...(dist.hasAmount ? [x.amount, x.amountShare] : []),
      ...(withVisits ? [x.visits ?? null] : []),
      ...(withStrategies ? [strategyOf.get(name(x.key)) ?? null] : []),
    ];
    cells.forEach((v, c) => g.put(row, c, v, c === 0 ? { fill: x.colour } : undefined));
    customers += x.customers;
    amount += x.amount;
    row++;
  }
  const total: CellOut[] = [t("total"), customers, customers ? 1 : 0, ...(dist.hasAmount ? [amount, 1] : [])];
  total.forEach((v, c) => g.put(row, c, v, { bold: true }));
  row += 2;

  // The nine-grid or the R × F map, as coloured cells under the table.
  const map = charts.find((c): c is GridChart | RfmChart => c.kind === "grid" || c.kind === "rfm");
  if (map?.kind === "grid") row = gridCells(g, row, map, result, lang, name) + 1;
  if (map?.kind === "rfm") row = rfmCells(g, row, map, lang) + 1;

  // A fitted model that does not fit these customers (the clv policy): one line each, in bold.
  for (const text of result.warningTexts ?? []) g.put(row++, 0, t("warning", { text }), { bold: true });

  // The problems: a line here, the list on a sheet of its own.
  if (result.problems.length) {
    report.problemsSheet = SUMMARY_SHEETS.problems[lang];
    g.put(row, 0, t("problemsSee", { count: result.problems.length, sheet: report.problemsSheet }));
  }

  // The charts: their data on the hidden sheet, one block under the other.
  const planned = charts.flatMap((c) => plan(c, lang, name));
  const widths = [
    28,
    12,
    18,
    ...(dist.hasAmount ? [16, 14] : []),
    ...(withVisits ? [14] : []),
    ...(withStrategies ? [48] : []),
  ];
  while (widths.length < CHART_COLUMN) widths.push(4);
  if (map?.kind === "rfm") for (let c = 1; c <= map.columns.length; c++) widths[c] = Math.max(widths[c], 12);
  if (map?.kind === "grid") for (let c = 1; c <= 3; c++) widths[c] = Math.max(widths[c], 34);
  await host.writeSheet(
    { name: summarySheet, rows: g.rows, formats, widths, looks: g.looks, printTitleRow: headerRow },
    onProgress,
  );
  if (report.problemsSheet) await writeProblems(host, result, lang, report.problemsSheet, onProgress);
  if (!planned.length || !host.addChart) return report;

  const data = new Grid();
  const dataSheet = SUMMARY_SHEETS.chartData[lang];
  data.put(0, 0, t("chartData", { sheet: summarySheet }));
  let top = 2;
  const placed: ChartRequest[] = [];
  let anchorRow = 0;
  for (const p of planned) {
    const { block, ...request } = p.request;
    block.forEach((r, i) => r.forEach((v, c) => data.put(top + i, c, v)));
    placed.push({
      ...request,
      sheetName: summarySheet,
      dataSheet,
      dataTop: top,
      anchorRow,
      anchorColumn: CHART_COLUMN,
    });
    top += block.length + 2;
    anchorRow += Math.ceil(request.heightPx / 20) + 1;
  }
  await host.writeSheet({ name: dataSheet, rows: data.rows, hidden: true }, onProgress);
  report.chartDataSheet = dataSheet;
  onProgress?.("chart", 0, placed.length);
  for (const [i, request] of placed.entries()) {
    await host.addChart(request);
    onProgress?.("chart", i + 1, placed.length);
  }
  report.charts = charts.filter((c) => c.kind !== "grid" && c.kind !== "rfm").map((c) => c.kind);
  return report;
}

function gridCells(
  g: Grid,
  top: number,
  map: GridChart,
  result: PresentedResult,
  lang: Lang,
  name: (key: string) => string,
): number {
  const rs = result.ruleSet as {
    x?: { name: { zh: string; en: string } };
    y?: { name: { zh: string; en: string } };
  };
  g.put(top, 0, chartText(lang, "gridTitle"), { bold: true });
  g.put(top + 1, 0, chartText(lang, "gridAxes", { x: rs.x?.name[lang] ?? "X", y: rs.y?.name[lang] ?? "Y" }));
  map.columns.forEach((c, j) => g.put(top + 1, 1 + j, c, { header: true }));
  map.rows.forEach((r, i) => {
    g.put(top + 2 + i, 0, r, { header: true });
    map.columns.forEach((_, j) => {
      const cell = map.cells[i * map.columns.length + j];
      g.put(
        top + 2 + i,
        1 + j,
        chartText(lang, "gridCell", {
          cell: cell.key,
          tier: name(cell.key),
          customers: cell.customers,
          visits: Number.isFinite(cell.value) ? cell.value : "—",
        }),
        { fill: cell.fill },
      );
    });
  });
  return top + 2 + map.rows.length;
}

function rfmCells(g: Grid, top: number, map: RfmChart, lang: Lang): number {
  const block = (at: number, title: "rfmTitle" | "rfmCountTitle", value: (k: number) => CellOut) => {
    g.put(at, 0, chartText(lang, title), { bold: true });
    g.put(at + 1, 0, chartText(lang, "rfmAxes"));
    map.columns.forEach((c, j) => g.put(at + 1, 1 + j, `F${c}`, { header: true }));
    map.rows.forEach((r, i) => {
      g.put(at + 2 + i, 0, `R${r}`, { header: true });
      map.columns.forEach((_, j) => {
        const k = i * map.columns.length + j;
        g.put(at + 2 + i, 1 + j, value(k), { fill: map.cells[k].fill, format: "#,##0" });
      });
    });
    return at + 2 + map.rows.length;
  };
  // Rounded to whole units: a heat map is read by its shade, the exact mean is in the results.
  const end = block(top, "rfmTitle", (k) =>
    Number.isFinite(map.cells[k].value) ? Math.round(map.cells[k].value) : null,
  );
  return block(end + 1, "rfmCountTitle", (k) => map.cells[k].customers);
}

async function writeProblems(
  host: WorkbookHost,
  result: PresentedResult,
  lang: Lang,
  sheet: string,
  onProgress?: Progress,
): Promise<void> {
  const rows: CellOut[][] = [[chartText(lang, "column"), chartText(lang, "row"), chartText(lang, "problem")]];
  result.problems
    .slice(0, MAX_PROBLEMS)
    .forEach((p, i) => rows.push([p.column ?? null, p.row, result.problemTexts[i]]));
  if (result.problems.length > MAX_PROBLEMS)
    rows.push([chartText(lang, "more", { count: result.problems.length - MAX_PROBLEMS })]);
  await host.writeSheet(
    {
      name: sheet,
      rows,
      formats: [undefined, "0", undefined],
      widths: [18, 8, 90],
      looks: [0, 1, 2].map((column) => ({ row: 0, column, header: true })),
      printTitleRow: 0,
    },
    onProgress,
  );
}

/** The data block and chart request of one description (none for the maps drawn as cells). */
function plan(c: ChartDescription, lang: Lang, name: (key: string) => string): Planned[] {
  const t = (key: Parameters<typeof chartText>[1], params?: Record<string, string | number>) =>
    chartText(lang, key, params);
  const base = { widthPx: CHART_WIDTH, heightPx: CHART_HEIGHT, categoryColumn: 0 };
  switch (c.kind) {
    case "distribution": {
      const block: CellOut[][] = [
        [t("tier"), t("customerShare"), ...(c.hasAmount ? [t("salesShare")] : [])],
        ...c.tiers.map((x) => [name(x.key), x.customerShare, ...(c.hasAmount ? [x.amountShare] : [])]),
      ];
      const colours = c.tiers.map((x) => x.colour);
      return [
        {
          request: {
            ...base,
            block,
            name: "TierDistribution",
            title: c.hasAmount ? t("distributionTitle") : t("distributionCountTitle"),
            type: "column",
            points: c.tiers.length,
            // Customers in grey beside sales in the tier's colour: the two pyramids of the seeds.
            series: c.hasAmount
              ? [
                  { column: 1, colour: "#A6A6A6", labels: "0%" },
                  { column: 2, colour: "#4472C4", pointColours: colours, labels: "0%" },
                ]
              : [{ column: 1, colour: "#4472C4", pointColours: colours, labels: "0%" }],
            valueFormat: "0%",
            legend: c.hasAmount,
          },
        },
      ];
    }
    case "pareto":
      return [{ request: { ...base, ...paretoPlan(c, lang) } }];
    case "pyramid":
      return [{ request: { ...base, ...pyramidPlan(c, lang, name) } }];
    default:
      return [];
  }
}

function paretoPlan(c: ParetoChart, lang: Lang): Planned["request"] {
  const block: CellOut[][] = [
    [chartText(lang, "customersUpTo"), chartText(lang, "sales"), chartText(lang, "cumulative")],
    // Per percentile, only every tenth bar is named (10%, 20% …): LibreOffice ignores tickLblSkip.
    ...c.points.map((p, k) => [
      c.perPercentile && (k + 1) % 10 ? "" : percentShort(p.upTo, c.perPercentile),
      p.amount,
      p.cumulative,
    ]),
  ];
  return {
    block,
    name: "TierPareto",
    title: chartText(lang, c.perPercentile ? "paretoPercentileTitle" : "paretoTitle"),
    type: "column",
    categoryColumn: 0,
    points: c.points.length,
    // Bars in the colour of their tier's zone, so the A/B/C zones read along the customer axis.
    series: [
      {
        column: 1,
        colour: "#4472C4",
        pointColours: c.points.map((p) => c.zones.find((z) => z.key === p.tier)?.colour ?? "#4472C4"),
      },
      { column: 2, colour: "#C00000", line: true },
    ],
    valueFormat: "#,##0",
    labelEvery: !c.perPercentile && c.points.length > 20 ? Math.ceil(c.points.length / 10) : 1,
    legend: true,
    widthPx: CHART_WIDTH,
    heightPx: CHART_HEIGHT,
  };
}

function percentShort(share: number, whole: boolean): string {
  return whole ? `${Math.round(share * 100)}%` : percentText(share);
}

function pyramidPlan(c: PyramidChart, lang: Lang, name: (key: string) => string): Planned["request"] {
  // Centred bars: a hidden spacer of (widest − width) / 2 before each level's share of customers.
  const widest = Math.max(...c.levels.map((l) => l.customerShare), 0);
  const block: CellOut[][] = [
    [chartText(lang, "tier"), chartText(lang, "spacer"), chartText(lang, "customerShare")],
    ...c.levels.map((l) => [
      chartText(lang, "pyramidLevel", {
        tier: name(l.key),
        customers: l.customers,
        sales: percentText(l.amountShare),
      }),
      (widest - l.customerShare) / 2,
      l.customerShare,
    ]),
  ];
  return {
    block,
    name: "TierPyramid",
    title: chartText(lang, "pyramidTitle"),
    type: "pyramid",
    categoryColumn: 0,
    points: c.levels.length,
    series: [
      { column: 1, colour: "#FFFFFF", hidden: true },
      { column: 2, colour: "#1F4E79", pointColours: c.levels.map((l) => l.colour), labels: "0%" },
    ],
    valueFormat: "0%",
    legend: false,
    widthPx: CHART_WIDTH,
    heightPx: CHART_HEIGHT,
  };
}
