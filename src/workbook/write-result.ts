import type { Lang, OutValue, PresentedResult } from "../engine/grade";
import { OUTPUT_PREFIX, type SheetTable } from "../engine/table";
import type { CellOut, OwnedColumns, Progress, SheetRead, WorkbookHost } from "./host";
import { writeSummary } from "./write-summary";
import type { LiveReport } from "./write-live";

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
  reason: { zh: "原因", en: "Reason" },
  next_tier: { zh: "下一等级", en: "Next tier" },
  next_step: { zh: "升级建议", en: "Next step" },
  x: { zh: "复购次数 x", en: "Repeat purchases x" },
  t_x: { zh: "末次购买 t_x", en: "Last purchase t_x" },
  T: { zh: "客户年龄 T", en: "Customer age T" },
  p_alive: { zh: "存活概率", en: "P(alive)" },
  expected_purchases: { zh: "预计购买次数", en: "Expected purchases" },
  expected_spend: { zh: "预计客单价", en: "Expected spend" },
  clv: { zh: "终身价值 CLV", en: "CLV" },
  cluster: { zh: "聚类排名", en: "Cluster rank" },
  strategy: { zh: "策略", en: "Strategy" },
  review_date: { zh: "复评日期", en: "Review date" },
  review_days: { zh: "距复评天数（≤0 应复评）", en: "Days to review (≤ 0: due)" },
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
  /** Writes the tiers another way (live formulas, write-live.ts) instead of the value columns or results sheet. */
  writeTiers?: () => Promise<Pick<WriteGradeReport, "owned" | "resultsSheet" | "live">>;
}

export interface WriteGradeReport {
  owned?: OwnedColumns;
  resultsSheet?: string;
  summarySheet: string;
  /** The sheet listing the rows that got no tier, when there are some. */
  problemsSheet?: string;
  /** The charts drawn beside the summary (none on a host that cannot draw them). */
  charts?: string[];
  /** Set when live formulas were asked for: what was written (write-live.ts). */
  live?: LiveReport;
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

  if (options.writeTiers) Object.assign(report, await options.writeTiers());
  else if (result.input === "customers") {
    // One output row per sheet row, in sheet order: the tier columns sit beside each customer.
    const keys = resultColumnKeys(result, table.headers);
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
        widths: keys.map((k) => widthOf(k, lang)),
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
      {
        name: SHEET_NAMES.results[lang],
        rows,
        formats: keys.map((k) => formatOf(k)),
        asTable: true,
        printTitleRow: 0,
      },
      onProgress,
    );
    report.resultsSheet = SHEET_NAMES.results[lang];
  }

  onProgress?.("summary", 0, 1);
  const summary = await writeSummary(host, result, lang, report.summarySheet, onProgress);
  if (summary.problemsSheet) report.problemsSheet = summary.problemsSheet;
  report.charts = summary.charts;
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

/**
 * The output keys written beside a customer table: the tier first, then what explains it (the
 * method's scores and classes, the reason, the note), leaving out every column that repeats one of
 * the user's own (a mapped role or a header of the sheet, such as the amount the tier was read from).
 *
 * @example resultColumnKeys(abcResult, ["客户", "销售额"]) // ["tier", "abc", "issue"]
 */
export function resultColumnKeys(result: PresentedResult, headers: readonly string[]): string[] {
  const own = new Set([...Object.keys(result.mapping), ...headers]);
  const rest = result.keys.filter((k) => k !== "customer_id" && k !== "name" && k !== "tier" && !own.has(k));
  return ["tier", ...rest];
}

/** Column width in characters for an output column: its header, or its longest usual value. */
function widthOf(key: string, lang: Lang): number {
  const wide: Record<string, number> = { issue: 48, note: 36, benefits: 40, segment: 20 };
  const header = outputHeader(key, lang);
  const headerWidth = [...header].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e7f ? 2 : 1), 0) + 2;
  return Math.max(wide[key] ?? 10, headerWidth);
}
