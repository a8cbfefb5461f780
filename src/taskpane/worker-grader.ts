/**
 * The Excel pane's grading off its thread: the pane reads the sheet and writes the result through
 * Office.js (those calls must stay on its thread); what lies between — the table, the engine's grade,
 * the labels — runs in the workbook worker. Cancel ends the worker at once, mid-grade.
 */
import * as Comlink from "comlink";
import type { Graded, GradeRunRequest } from "../workbook/grade-run";
import { RunCancelled } from "../workbook/grading-host";
import type { Progress, SheetRead } from "../workbook/host";
import type { WorkbookWorker } from "./worker-api";
import { call } from "./worker-errors";
import { startWorkbookWorker } from "./worker-start";

/** Grades a read somewhere other than the page's thread; rejects with RunCancelled once `signal` aborts. */
export interface Grader {
  gradeRead(
    read: SheetRead,
    request: GradeRunRequest,
    progress: Progress,
    signal: AbortSignal,
  ): Promise<Graded>;
}

/** A worker, or anything that talks like one (a MessagePort in tests). */
export type WorkerLike = Comlink.Endpoint & { terminate(): void };

/** Cells sent to the worker per message: copying one slice is a short task on the page's thread. */
export const CELLS_PER_SLICE = 100_000;

/**
 * A Grader that starts a workbook worker for each run and ends it when the run ends or is cancelled
 * (ending it is what stops a grade that is running: the engine's grade is one synchronous call).
 *
 * @example await gradeRun(host, request, progress, stop, presentResult, (r, q, p) => workerGrader().gradeRead(r, q, p, signal));
 */
export function workerGrader(start: () => WorkerLike = startWorkbookWorker): Grader {
  return {
    async gradeRead(read, request, progress, signal) {
      if (signal.aborted) throw new RunCancelled();
      const worker = start();
      const remote = Comlink.wrap<WorkbookWorker>(worker);
      let onAbort = () => {};
      const cancelled = new Promise<never>((_, reject) => {
        onAbort = () => reject(new RunCancelled());
        signal.addEventListener("abort", onAbort, { once: true });
      });
      const work = async (): Promise<Graded> => {
        const { rows, ...sheet } = read;
        progress("grade", 0, rows.length);
        const width = Math.max(1, ...rows.slice(0, 1).map((r) => r.length));
        const step = Math.max(1, Math.floor(CELLS_PER_SLICE / width));
        for (let i = 0; i < rows.length; i += step) {
          await call(remote.addRows(rows.slice(i, i + step)));
          if (signal.aborted) throw new RunCancelled();
        }
        return call(remote.gradeRows(sheet, request));
      };
      const working = work();
      // Whichever loses the race settles unheeded: keep it from being reported as unhandled.
      working.catch(() => {});
      cancelled.catch(() => {});
      try {
        return await Promise.race([working, cancelled]);
      } finally {
        signal.removeEventListener("abort", onAbort);
        remote[Comlink.releaseProxy]();
        worker.terminate();
      }
    },
  };
}
