/**
 * The pane's one grading pipeline — read the sheet again, grade it, write the result — run by the pane
 * on the main thread (Excel) and by the standalone page's workbook worker (`workbook.worker.ts`), so the
 * two cannot drift. Between steps it yields and asks `stop()`, so a cancel is honoured at the next step.
 */
import { grade, type GradeResult, type InputKind, type Lang, type PresentedResult } from "../engine/grade";
import { resolveMapping, type Role } from "../engine/headers";
import type { RuleSet } from "../engine/ruleset";
import { columnLetter, dataIndex, tableFromRows, type SheetTable } from "../engine/table";
import type { Progress, SheetRead, WorkbookHost } from "./host";
import { writeGrade, type WriteGradeReport } from "./write-result";
import { hasFormulaForm } from "./formulas";
import { writeLiveTiers } from "./write-live";

export interface GradeRunRequest {
  sheet: string;
  ruleSet: RuleSet;
  input: InputKind;
  /** Role → header name (the sheet is read again and its columns may have moved). */
  map: Record<string, string>;
  /** Roles the user set to "none". */
  none: Role[];
  asOf: number;
  lang: Lang;
  /** Write the tiers as live formulas (docs/formulas.md) where the method has a formula form. */
  formulas?: boolean;
}

export interface GradeRunOutcome {
  result: PresentedResult;
  report: WriteGradeReport;
  /** The table as graded: the Visits and History steps read manager, area and phone from it. */
  table: SheetTable;
  read: SheetRead;
}

/** Lets the page paint (or a worker take a cancel message) between steps of long work. */
export const tick = () => new Promise<void>((resolve) => setTimeout(resolve));

/**
 * The table grading sees: columns whose role the user set to "none" get a neutral header, so the
 * engine's own guess cannot bring them back (the engine's --map has no "none").
 *
 * @example tableForGrading(table, { amount: "金额" }, ["manager"]).headers // manager's column renamed "column D"
 */
export function tableForGrading(
  table: SheetTable,
  map: Record<string, string>,
  none: readonly Role[],
): SheetTable {
  if (none.length === 0) return table;
  const again = resolveMapping(table.headers, map);
  const headers = [...table.headers];
  for (const role of none) {
    const col = again[role];
    if (col !== undefined) headers[col] = `column ${columnLetter(col)}`;
  }
  return { ...table, headers };
}

/** Labels a result in one language: `presentResult` from src/i18n, handed in by the page or worker. */
export type Present = (result: GradeResult, lang: Lang) => PresentedResult;

/** What grading a read gives: the table as read, the table as graded, and the labelled result. */
export interface Graded {
  /** The sheet's table (its headers and header row place the output columns). */
  fresh: SheetTable;
  /** The table the engine graded ({@link tableForGrading}). */
  table: SheetTable;
  result: PresentedResult;
}

/**
 * The CPU-heavy middle of {@link gradeRun}, between reading the sheet and writing the result: the
 * table from the raw rows (or `fresh`, made from them before), the engine's grade, the labels. Pure
 * (no host), so it runs the same on the page's thread and in a worker.
 *
 * @example const { result } = gradeRead(await host.readSheet("会员"), request, presentResult);
 */
export function gradeRead(
  read: SheetRead,
  request: GradeRunRequest,
  present: Present,
  fresh: SheetTable = tableFromRows(read.rows, read.date1904, request.sheet, read.top),
): Graded {
  const { ruleSet, input, map, none, asOf, lang } = request;
  const table = tableForGrading(fresh, map, none);
  const result = present(grade(table, ruleSet, { input, map, asOf, explain: true }), lang);
  return { fresh, table, result };
}

/**
 * Grades a read somewhere else (a Web Worker) and resolves with what {@link gradeRead} gives; rejects
 * with RunCancelled (src/workbook/grading-host.ts) when the run is cancelled meanwhile.
 */
export type GradeElsewhere = (
  read: SheetRead,
  request: GradeRunRequest,
  progress: Progress,
) => Promise<Graded>;

/**
 * Reads `request.sheet`, grades it and writes the result through `host`; `stop` throws to cancel.
 * `present` labels the result (the workbook layer words nothing itself). With `elsewhere`, the grading
 * between the read and the writes runs there (the Excel pane's worker); Office.js calls stay here.
 *
 * @example const { result, report } = await gradeRun(host, request, progress, () => {}, presentResult);
 */
export async function gradeRun(
  host: WorkbookHost,
  request: GradeRunRequest,
  progress: Progress,
  stop: () => void,
  present: Present,
  elsewhere?: GradeElsewhere,
): Promise<GradeRunOutcome> {
  const { sheet, ruleSet, lang } = request;
  await tick();
  stop();
  const read = await host.readSheet(sheet, progress);
  await tick();
  stop();
  let graded: Graded;
  if (elsewhere) graded = await elsewhere(read, request, progress);
  else {
    progress("grade", 0, read.rows.length);
    await tick();
    stop();
    graded = gradeRead(read, request, present);
  }
  const { fresh, table, result } = graded;
  progress("grade", read.rows.length, read.rows.length);
  await tick();
  stop();
  const live = request.formulas === true && hasFormulaForm(ruleSet.method);
  const report = await writeGrade(host, read, fresh, result, {
    lang,
    onProgress: progress,
    writeTiers: live ? () => writeLiveTiers(host, read, table, result, ruleSet, lang, progress) : undefined,
  });
  if (request.formulas && !live) report.live = { state: "values", method: ruleSet.method };
  return { result, report, table, read };
}

/**
 * The rows of `table` the later steps read (one per graded customer, at its source row), the others
 * left out: what the worker sends back instead of every order line of a large file.
 */
export function rowsOfResult(table: SheetTable, result: GradeResult): SheetTable {
  const rows: unknown[][] = new Array(table.rows.length);
  for (const sheetRow of result.sourceRow) {
    const i = dataIndex(table, sheetRow);
    if (i >= 0 && i < table.rows.length) rows[i] = table.rows[i];
  }
  return { ...table, rows };
}

/** Row problems kept whole when a result crosses to the page; the pane shows far fewer. */
export const PROBLEMS_SENT = 1000;

/**
 * The result as the page needs it: the problems past the first {@link PROBLEMS_SENT} left as holes of
 * a sparse array of the same length (the pane lists the first ones and counts the rest), because
 * copying 135,000 problem objects to the page is itself a long task on the page's thread.
 */
export function resultForPage(result: PresentedResult): PresentedResult {
  if (result.problems.length <= PROBLEMS_SENT) return result;
  const problems: GradeResult["problems"] = new Array(result.problems.length);
  const problemTexts: string[] = new Array(result.problems.length);
  for (let i = 0; i < PROBLEMS_SENT; i++) {
    problems[i] = result.problems[i];
    problemTexts[i] = result.problemTexts[i];
  }
  return { ...result, problems, problemTexts };
}
