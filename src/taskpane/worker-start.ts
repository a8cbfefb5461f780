/**
 * Starts the one workbook worker (workbook.worker.ts): the standalone page keeps its file there, the
 * Excel pane grades there. One place names the module, so the bundle has one worker chunk.
 */

/** Where Worker exists (browsers, Office's web views); not under jsdom, where the pane grades in place. */
export const HAS_WORKER = typeof Worker !== "undefined";

/**
 * A new workbook worker.
 *
 * @example const worker = startWorkbookWorker(); Comlink.wrap<WorkbookWorker>(worker);
 */
export function startWorkbookWorker(): Worker {
  return new Worker(new URL("./workbook.worker.ts", import.meta.url), { name: "workbook" });
}
