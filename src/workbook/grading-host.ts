/**
 * A workbook host that can also run the grading pipeline itself, away from the page's thread (the
 * standalone page's worker), and stop it when asked.
 */
import { TierError } from "../engine/errors";
import type { GradeRunOutcome, GradeRunRequest } from "./grade-run";
import type { SheetTable } from "../engine/table";
import type { Progress, SheetRead, WorkbookHost } from "./host";

export interface GradingHost extends WorkbookHost {
  /** Reads, grades and writes as `gradeRun` does; rejects with RunCancelled after `signal` aborts. */
  gradeRun(request: GradeRunRequest, onProgress: Progress, signal: AbortSignal): Promise<GradeRunOutcome>;
}

/**
 * The run stopped because the user pressed Cancel: a TierError (`run.cancelled`), so whoever catches it
 * can word it from the catalogue like any other reason.
 */
export class RunCancelled extends TierError {
  override name = "RunCancelled";
  constructor() {
    super("run.cancelled");
  }
}

/** True when `host` grades by itself (see GradingHost). */
export function isGradingHost(host: WorkbookHost): host is GradingHost {
  return typeof (host as Partial<GradingHost>).gradeRun === "function";
}

/** What the pane needs of one column of a sheet it did not receive whole. */
export interface ColumnFacts {
  /** A value repeats (an orders sheet's customer ids): `guessInputKind` on the column. */
  repeats: boolean;
  /** The column's last date, as `lastDateOf` reads it, or null. */
  lastDay: number | null;
}

/**
 * A sheet read for the pane without its every row: the table's headers and first rows, how many data
 * rows it has, and the facts of the columns its guessed roles point at (customer id, dates).
 */
export interface SheetSummary {
  /** The read, without its rows. */
  read: SheetRead;
  /** The table with its first rows only. */
  table: SheetTable;
  /** Data rows of the whole table. */
  rowCount: number;
  /** Facts by 0-based column, for the columns the guessed roles use. */
  facts: Record<number, ColumnFacts>;
}

/**
 * A host whose sheets stay where they are read (the standalone page's worker): the page asks for a
 * summary and for the facts of a column, never for a large file's every row.
 */
export interface SummaryHost extends WorkbookHost {
  readSummary(sheetName: string, onProgress?: Progress): Promise<SheetSummary>;
  columnFacts(sheetName: string, column: number): Promise<ColumnFacts>;
}

/** True when `host` summarises sheets by itself (see SummaryHost). */
export function isSummaryHost(host: WorkbookHost): host is SummaryHost {
  return typeof (host as Partial<SummaryHost>).readSummary === "function";
}
