/**
 * A workbook host that can also run the grading pipeline itself, away from the page's thread (the
 * standalone page's worker), and stop it when asked.
 */
import type { GradeRunOutcome, GradeRunRequest } from "./grade-run";
import type { Progress, WorkbookHost } from "./host";

export interface GradingHost extends WorkbookHost {
  /** Reads, grades and writes as `gradeRun` does; rejects with RunCancelled after `signal` aborts. */
  gradeRun(request: GradeRunRequest, onProgress: Progress, signal: AbortSignal): Promise<GradeRunOutcome>;
}

/** The run stopped because the user pressed Cancel. */
export class RunCancelled extends Error {
  override name = "RunCancelled";
}

/** True when `host` grades by itself (see GradingHost). */
export function isGradingHost(host: WorkbookHost): host is GradingHost {
  return typeof (host as Partial<GradingHost>).gradeRun === "function";
}
