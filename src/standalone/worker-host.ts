/**
 * The page's side of the workbook worker: a WorkbookHost whose every call runs in the worker, plus the
 * grading pipeline there and a cancel. Progress callbacks cross as Comlink proxies; a TierError crosses
 * as its code and params and is rebuilt here.
 */
import * as Comlink from "comlink";
import type { GradeRunOutcome, GradeRunRequest } from "../workbook/grade-run";
import type { ColumnFacts, GradingHost, SheetSummary, SummaryHost } from "../workbook/grading-host";
import type {
  CellOut,
  ChartRequest,
  OwnedColumns,
  LineChartRequest,
  ParetoChartRequest,
  Progress,
  SheetRead,
  SheetWriteRequest,
  WriteColumnsRequest,
} from "../workbook/host";
import type { WorkbookWorker } from "../taskpane/worker-api";
import { call } from "../taskpane/worker-errors";
import { startWorkbookWorker } from "../taskpane/worker-start";

const proxy = (fn?: Progress) => (fn ? Comlink.proxy(fn) : undefined);

/**
 * A workbook opened in a worker.
 *
 * @example const host = await WorkerHost.open(bytes, "orders.csv"); await host.listSheets();
 */
export class WorkerHost implements GradingHost, SummaryHost {
  private constructor(
    private readonly worker: Worker,
    private readonly remote: Comlink.Remote<WorkbookWorker>,
  ) {}

  static async open(bytes: Uint8Array, fileName: string): Promise<WorkerHost> {
    const worker = startWorkbookWorker();
    const remote = Comlink.wrap<WorkbookWorker>(worker);
    try {
      await call(remote.open(Comlink.transfer(bytes, [bytes.buffer as ArrayBuffer]), fileName));
    } catch (e) {
      worker.terminate();
      throw e;
    }
    return new WorkerHost(worker, remote);
  }

  listSheets() {
    return call(this.remote.listSheets());
  }
  readSheet(sheetName: string, onProgress?: Progress): Promise<SheetRead> {
    return call(this.remote.readSheet(sheetName, proxy(onProgress)));
  }
  /** The sheet's headers, first rows and counts: a large file's rows stay in the worker. */
  readSummary(sheetName: string, onProgress?: Progress): Promise<SheetSummary> {
    return call(this.remote.readSummary(sheetName, proxy(onProgress)));
  }
  columnFacts(sheetName: string, column: number): Promise<ColumnFacts> {
    return call(this.remote.columnFacts(sheetName, column));
  }
  writeColumns(request: WriteColumnsRequest, onProgress?: Progress): Promise<OwnedColumns> {
    return call(this.remote.writeColumns(request, proxy(onProgress)));
  }
  writeSheet(request: SheetWriteRequest, onProgress?: Progress): Promise<void> {
    return call(this.remote.writeSheet(request, proxy(onProgress)));
  }
  appendRows(sheetName: string, header: CellOut[], rows: CellOut[][]): Promise<void> {
    return call(this.remote.appendRows(sheetName, header, rows));
  }
  addParetoChart(request: ParetoChartRequest): Promise<void> {
    return call(this.remote.addParetoChart(request));
  }
  addChart(request: ChartRequest): Promise<void> {
    return call(this.remote.addChart(request));
  }
  addLineChart(request: LineChartRequest): Promise<void> {
    return call(this.remote.addLineChart(request));
  }
  saveSetting(key: string, value: string): Promise<void> {
    return call(this.remote.saveSetting(key, value));
  }
  loadSetting(key: string): Promise<string | null> {
    return call(this.remote.loadSetting(key));
  }
  selectCell(sheetName: string, row: number, column: number): Promise<void> {
    return call(this.remote.selectCell(sheetName, row, column));
  }
  toXlsx(): Promise<Uint8Array> {
    return call(this.remote.toXlsx());
  }
  gradeRun(request: GradeRunRequest, onProgress: Progress, signal: AbortSignal): Promise<GradeRunOutcome> {
    const onAbort = () => void this.remote.cancel();
    signal.addEventListener("abort", onAbort, { once: true });
    return call(this.remote.gradeRun(request, Comlink.proxy(onProgress))).finally(() =>
      signal.removeEventListener("abort", onAbort),
    );
  }
  /** Ends the worker (the page opened another file). */
  close(): void {
    this.remote[Comlink.releaseProxy]();
    this.worker.terminate();
  }
}
