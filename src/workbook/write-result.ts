import { formatDay } from "../engine/dates";
import type { Lang, OutValue, PresentedResult } from "../engine/grade";
import { OUTPUT_PREFIX, type SheetTable } from "../engine/table";
import type { CellOut, OwnedColumns, Progress, SheetRead, WorkbookHost } from "./host";

/** Document settings the add-in keeps: the policy, and where its columns are. */
export const SETTING_RULES = "tier.rules";
export const SETTING_OWNED = "tier.owned";

/** The setting that records Tier's columns on one sheet: one record per sheet, so grading a second sheet
 * never makes the add-in forget (and later refuse to replace) the columns it wrote on the first. */
export function ownedSettingKey(sheetName: string): string {
  return `${SETTING_OWNED}:${sheetName}`;
}

/** Output sheet names per language. */
export const SHEET_NAMES = {
  results: { zh: "分级结果", en: "Tier results" },
  summary: { zh: "分级汇总", en: "Tier summary" },
} as const;

/** Headers of output columns, recognisable as the add-in's: "Tier · r", "分级 · 等级". */
const LABELS: Record<string, { zh: string; en: string }> = {
  customer_id: { zh: "客户编号", en: "Customer" },
  name: { zh: "客户名称", en: "Name" },
  recency_days: { zh: "距今天数", en: "Recency (days)" },
  frequency: { zh: "消费次数", en: "Frequency" },
  amount: { zh: "金额", en: "Amount" },
  r: { zh: "R", en: "R" },
  f: { zh: "F", en: "F" },
  m: { zh: "M", en: "M" },
  rfm: { zh: "RFM", en: "RFM" },
  segment: { zh: "细分", en: "Segment" },
  abc: { zh: "ABC", en: "ABC" },
  level: { zh: "层级", en: "Level" },
  benefits: { zh: "权益", en: "Benefits" },
  score: { zh: "得分", en: "Score" },
  stars: { zh: "星级", en: "Stars" },
  class: { zh: "维护类别", en: "Class" },
  cell: { zh: "九宫格", en: "Cell" },
  visits: { zh: "月拜访次数", en: "Visits / month" },
  tenure_days: { zh: "会龄（天）", en: "Tenure (days)" },
  tier: { zh: "等级", en: "Tier" },
  issue: { zh: "未分级原因", en: "Issue" },
  note: { zh: "备注", en: "Note" },
  cluster: { zh: "聚类排名", en: "Cluster rank" },
  strategy: { zh: "策略", en: "Strategy" },
};

/** The header the add-in writes for output key `key`. */
export function outputHeader(key: string, lang: Lang): string {
  return OUTPUT_PREFIX[lang] + (LABELS[key]?.[lang] ?? key);
}

const cell = (v: OutValue): CellOut => v;

export interface WriteGradeOptions {
  lang: Lang;
  onProgress?: Progress;
  /** At most this many customers are drawn in the Pareto chart (evenly by rank beyond it). */
  chartPoints?: number;
}

export interface WriteGradeReport {
  owned?: OwnedColumns;
  resultsSheet?: string;
  summarySheet: string;
}

/**
 * Writes a graded result into a workbook: tier columns beside a customer table (owned, replaced on a re-run,
 * never over the user's cells) or a results sheet for an orders table; a summary sheet with the per-tier
 * table, the row problems and a Pareto chart; and the rules, saved in the document.
 */
export async function writeGrade(
  host: WorkbookHost,
  read: SheetRead,
  table: SheetTable,
  result: PresentedResult,
  options: WriteGradeOptions,
): Promise<WriteGradeReport> {
  const { lang, onProgress } = options;
  // The tier column holds names in the sheet's language; each name gets its tier's colour.
  const tierColours = Object.fromEntries(result.tiers.map((t) => [t.name[lang], t.colour]));
  const report: WriteGradeReport = { summarySheet: SHEET_NAMES.summary[lang] };

  if (result.input === "customers") {
    // One output row per sheet row, in sheet order: the tier columns sit beside each customer.
    const keys = result.keys.filter((k) => k !== "customer_id" && k !== "name");
    const columns = keys.map((k) => result.columns[k].map(cell));
    const owned = await host.writeColumns(
      {
        sheetName: read.sheetName,
        headerRow: read.top + table.headerRow,
        dataEnd: read.left + table.headers.length,
        headers: keys.map((k) => outputHeader(k, lang)),
        columns,
        formats: keys.map((k) => formatOf(k)),
        tierColumn: keys.indexOf("tier"),
        tierColours,
      },
      onProgress,
    );
    // The host records its columns itself (before writing, so a half-finished write is still known).
    report.owned = owned;
  } else {
    const keys = result.keys;
    const rows: CellOut[][] = [keys.map((k) => LABELS[k]?.[lang] ?? k)];
    const n = result.columns.customer_id.length;
    for (let i = 0; i < n; i++) rows.push(keys.map((k) => cell(result.columns[k][i])));
    await host.writeSheet(
      { name: SHEET_NAMES.results[lang], rows, formats: keys.map((k) => formatOf(k)), asTable: true },
      onProgress,
    );
    report.resultsSheet = SHEET_NAMES.results[lang];
  }

  onProgress?.("summary", 0, 1);
  const { rows: summary, chartRow } = summaryRows(result, lang);
  const pareto = paretoRows(result, options.chartPoints ?? 2000, lang);
  const width = 6;
  const paretoLeft = width + 1;
  const rows: CellOut[][] = summary.map((r) => {
    const padded = [...r];
    while (padded.length < width) padded.push(null);
    return padded;
  });
  for (let i = 0; i < pareto.length; i++) {
    while (rows.length <= i) rows.push(new Array(width).fill(null));
    rows[i] = [...rows[i].slice(0, width), null, ...pareto[i]];
  }
  await host.writeSheet(
    {
      name: report.summarySheet,
      rows,
      formats: [
        undefined,
        "0",
        "0.0%",
        "#,##0.00",
        "0.0%",
        undefined,
        undefined,
        undefined,
        "#,##0.00",
        "0.0%",
      ],
      widths: [26, 12, 12, 16, 12, result.tiers.some((t) => t.strategies) ? 48 : 4, 4, 16, 14, 14],
    },
    onProgress,
  );
  if (pareto.length > 1) {
    onProgress?.("chart", 0, 1);
    await host.addParetoChart({
      sheetName: report.summarySheet,
      dataTop: 0,
      dataLeft: paretoLeft,
      points: pareto.length - 1,
      anchorRow: chartRow,
      anchorColumn: 0,
      title:
        lang === "zh" ? "帕累托图：客户销售额与累计占比" : "Pareto: sales per customer and cumulative share",
      marks: [0.8, 0.95],
    });
  }
  await host.saveSetting(SETTING_RULES, JSON.stringify(result.ruleSet));
  onProgress?.("summary", 1, 1);
  return report;
}

function formatOf(key: string): string | undefined {
  switch (key) {
    case "amount":
    case "score":
      return "#,##0.00";
    case "recency_days":
    case "frequency":
    case "tenure_days":
    case "r":
    case "f":
    case "m":
    case "stars":
    case "visits":
    case "level":
      return "0";
    case "customer_id":
    case "rfm":
      return "@";
    default:
      return undefined;
  }
}

/** Rows left free under the tier table for the Pareto chart, so the chart sits beside the numbers. */
export const CHART_ROWS = 22;

/**
 * The summary sheet's rows: the policy lines and the per-tier table, room for the chart (`chartRow`),
 * then the row problems (column header first, where the user looks; the reason spills to the right).
 */
export function summaryRows(result: PresentedResult, lang: Lang): { rows: CellOut[][]; chartRow: number } {
  const zh = lang === "zh";
  const rows: CellOut[][] = [
    [zh ? "分级政策" : "Policy", zh ? result.ruleSet.name.zh : result.ruleSet.name.en],
    [zh ? "截止日期" : "As of", formatDay(result.asOf)],
    [zh ? "客户数" : "Customers", result.graded + result.ungraded],
    [zh ? "已分级 / 未分级" : "Graded / not graded", `${result.graded} / ${result.ungraded}`],
    [],
    [
      zh ? "等级" : "Tier",
      zh ? "客户数" : "Customers",
      zh ? "客户占比" : "Share of customers",
      zh ? "销售额" : "Sales",
      zh ? "销售占比" : "Share of sales",
    ],
  ];
  for (const s of result.summary) rows.push([s.tier, s.customers, s.customerShare, s.amount, s.amountShare]);
  if (result.tiers.some((t) => t.strategies)) {
    // The policy's actions per tier (策略) beside its counts; the summary lists tiers in tier order.
    rows[5].push(zh ? "策略" : "Strategy");
    result.summary.forEach((s, i) => rows[6 + i].push(s.strategy ?? null));
  }
  const chartRow = rows.length + 1;
  if (result.problems.length) {
    for (let i = 0; i < CHART_ROWS; i++) rows.push([]);
    // The reason starts in D, clear of the right-aligned row number, and spills right over empty cells.
    rows.push([zh ? "列" : "Column", zh ? "行" : "Row", null, zh ? "未分级原因" : "Problem"]);
    result.problems
      .slice(0, 1000)
      .forEach((p, i) => rows.push([p.column ?? null, p.row, null, result.problemTexts[i]]));
    if (result.problems.length > 1000)
      rows.push([
        zh ? `另有 ${result.problems.length - 1000} 行` : `and ${result.problems.length - 1000} more`,
      ]);
  }
  return { rows, chartRow };
}

/**
 * Pareto data: customers by sales, largest first, with the cumulative share of sales. Beyond `maxPoints`
 * customers, every k-th is kept (and the last), so the curve keeps its shape and the chart stays light.
 */
export function paretoRows(result: PresentedResult, maxPoints: number, lang: Lang): CellOut[][] {
  const amount = result.columns.amount;
  if (!amount) return [];
  const idx: number[] = [];
  for (let i = 0; i < amount.length; i++)
    if (typeof amount[i] === "number" && result.columns.tier[i] !== null) idx.push(i);
  idx.sort((a, b) => (amount[b] as number) - (amount[a] as number));
  const total = idx.reduce((s, i) => s + Math.max(amount[i] as number, 0), 0);
  if (!total) return [];
  const step = Math.max(1, Math.ceil(idx.length / maxPoints));
  const rows: CellOut[][] = [
    [
      lang === "zh" ? "客户" : "Customer",
      lang === "zh" ? "销售额" : "Sales",
      lang === "zh" ? "累计占比" : "Cumulative share",
    ],
  ];
  let cum = 0;
  idx.forEach((i, k) => {
    cum += Math.max(amount[i] as number, 0);
    if (k % step === 0 || k === idx.length - 1)
      rows.push([String(result.columns.customer_id[i]), amount[i] as number, cum / total]);
  });
  return rows;
}
