/**
 * Reading the history sheet back into snapshots, and the contacts of a graded sheet, for the pane.
 * Browser-safe: the command line has its own file readers (src/cli/history.ts); the pane must not
 * import Node code, so the two it needs live here and go through {@link WorkbookHost} only.
 */
import { readDate } from "../engine/dates";
import type { GradeResult, Lang } from "../engine/grade";
import { SNAPSHOT_HEADER, type Snapshot } from "../engine/history";
import type { Contact } from "../engine/notify";
import { reason, type Problem } from "../engine/reasons";
import type { SheetTable } from "../engine/table";
import { readNumber, readText } from "../engine/values";
import type { SheetRead, WorkbookHost } from "./host";
import { PLAN_SHEETS } from "./write-plan";

/** A row of the history sheet that could not be read: its 1-based sheet row and why. */
export type HistoryRowProblem = Problem;

export interface HistoryRead {
  /** The sheet read, or null when the workbook has no history sheet yet. */
  sheet: string | null;
  snapshots: Snapshot[];
  problems: HistoryRowProblem[];
}

const norm = (v: unknown) =>
  readText(v)
    .toLowerCase()
    .replace(/[\s_]+/g, "_");

/**
 * Snapshots from the rows of a history sheet as {@link appendHistory} writes them (header `period,
 * as_of, method, customer_id, tier, score`, dates as real dates or text). Blank rows are skipped; a row
 * with an id and a tier but no readable as-of date is reported, not guessed.
 *
 * @example historySnapshots({ rows: [["period", "as_of", "method", "customer_id", "tier", "score"], ["2025-Q4", "2025-12-31", "abc", "C1", "A", 900]], date1904: false, top: 0, … }).snapshots[0].tier // "A"
 */
export function historySnapshots(read: Pick<SheetRead, "rows" | "date1904" | "top">): {
  snapshots: Snapshot[];
  problems: HistoryRowProblem[];
} {
  const { rows } = read;
  // The header is the first row naming both customer_id and tier: a user may have typed a title above it.
  const headerAt = rows.findIndex((r) => {
    const cells = r.map(norm);
    return cells.includes("customer_id") && cells.includes("tier");
  });
  if (headerAt < 0) return { snapshots: [], problems: [] };
  const header = rows[headerAt].map(norm);
  const [pc, ac, mc, ic, tc, sc] = SNAPSHOT_HEADER.map((h) => header.indexOf(h));
  const snapshots: Snapshot[] = [];
  const problems: HistoryRowProblem[] = [];
  for (let r = headerAt + 1; r < rows.length; r++) {
    const row = rows[r];
    const id = readText(row[ic]);
    const tier = readText(row[tc]);
    if (!id && !tier) continue;
    const sheetRow = read.top + r + 1;
    if (!id || !tier) {
      problems.push({ row: sheetRow, column: !id ? "customer_id" : "tier", code: "cell.blank" });
      continue;
    }
    const asOf = ac < 0 ? reason("history.noAsOfColumn") : readDate(row[ac], { date1904: read.date1904 });
    if (typeof asOf !== "number") {
      problems.push({ row: sheetRow, column: "as_of", ...asOf });
      continue;
    }
    const score = sc < 0 ? NaN : readNumber(row[sc]);
    snapshots.push({
      period: pc < 0 ? "" : readText(row[pc]),
      asOf,
      method: mc < 0 ? "" : readText(row[mc]),
      customerId: id,
      tier,
      score: typeof score === "number" ? score : null,
    });
  }
  return { snapshots, problems };
}

/**
 * The workbook's history: the sheet in `lang` (分级历史 / Tier history), else the one in the other
 * language, read into snapshots; no sheet yet gives an empty history.
 *
 * @example (await readHistory(host, "zh")).snapshots.length // 240 after two saved evaluations of 120
 */
export async function readHistory(host: WorkbookHost, lang: Lang): Promise<HistoryRead> {
  const { sheets } = await host.listSheets();
  const other: Lang = lang === "zh" ? "en" : "zh";
  const sheet = [PLAN_SHEETS.history[lang], PLAN_SHEETS.history[other]].find((s) => sheets.includes(s));
  if (!sheet) return { sheet: null, snapshots: [], problems: [] };
  return { sheet, ...historySnapshots(await host.readSheet(sheet)) };
}

/**
 * Name, phone and e-mail per customer id from the columns the grading mapped, for the pane and the
 * command line. `table` must be the table `result` was graded from.
 *
 * @example contactsOf(table, result).get("M001") // { name: "王芳", phone: 13800138000, email: undefined }
 */
export function contactsOf(table: SheetTable, result: GradeResult): Map<string, Contact> {
  const c = (role: string) => (result.mapping[role] ? table.headers.indexOf(result.mapping[role]) : -1);
  const [nc, pc, ec] = ["name", "phone", "email"].map(c);
  const out = new Map<string, Contact>();
  result.columns.customer_id.forEach((id, i) => {
    const row = table.rows[result.sourceRow[i] - table.headerRow - 2] ?? [];
    out.set(String(id), {
      name: nc < 0 ? undefined : readText(row[nc]) || undefined,
      phone: pc < 0 ? undefined : row[pc],
      email: ec < 0 ? undefined : readText(row[ec]) || undefined,
    });
  });
  return out;
}
