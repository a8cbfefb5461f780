/**
 * The standalone page's workbook, in a Web Worker: opening the file, reading, grading and writing run
 * here, so the page keeps answering (and its progress bar moving) while a large file is graded. The page
 * talks to it through Comlink (`worker-host.ts`); it runs the same grading pipeline as the Excel pane.
 */
import * as Comlink from "comlink";
import { TierError } from "../engine/errors";
import { presentResult } from "../i18n/result";
import { FileHost } from "../workbook/file-host";
import { PackageHost } from "../workbook/package-host";
import {
  gradeRun,
  resultForPage,
  rowsOfResult,
  type GradeRunOutcome,
  type GradeRunRequest,
} from "../workbook/grade-run";
import type {
  CellOut,
  ChartRequest,
  LineChartRequest,
  ParetoChartRequest,
  Progress,
  SheetWriteRequest,
  WorkbookHost,
  WriteColumnsRequest,
} from "../workbook/host";

/** Thrown inside the worker when the page asked to stop. */
export const CANCELLED = "tier.cancelled";

let host: (WorkbookHost & { toXlsx(): Promise<Uint8Array> }) | null = null;
let cancelled = false;

const open = () => {
  if (!host) throw new Error("no workbook is open");
  return host;
};

/** A TierError crosses to the page as its code and params, so the page words it in its own language. */
async function carry<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    if (e instanceof TierError) throw { tierError: { code: e.code, params: e.params, path: e.path } };
    throw e;
  }
}

const api = {
  async open(bytes: Uint8Array, fileName: string): Promise<void> {
    await carry(async () => {
      // A workbook is graded into a surgical copy of itself (the same writer as `tier grade --out`); a
      // CSV becomes a new workbook.
      host = /\.xls[xm]$/i.test(fileName)
        ? await PackageHost.fromBytes(bytes, fileName)
        : await FileHost.fromBytes(bytes, fileName);
    });
  },
  listSheets: () => carry(() => open().listSheets()),
  readSheet: (sheetName: string, onProgress?: Progress) =>
    carry(() => open().readSheet(sheetName, onProgress)),
  writeColumns: (request: WriteColumnsRequest, onProgress?: Progress) =>
    carry(() => open().writeColumns(request, onProgress)),
  writeSheet: (request: SheetWriteRequest, onProgress?: Progress) =>
    carry(() => open().writeSheet(request, onProgress)),
  appendRows: (sheetName: string, header: CellOut[], rows: CellOut[][]) =>
    carry(() => open().appendRows(sheetName, header, rows)),
  addParetoChart: (request: ParetoChartRequest) => carry(() => open().addParetoChart(request)),
  addChart: (request: ChartRequest) => carry(async () => open().addChart?.(request)),
  addLineChart: (request: LineChartRequest) => carry(async () => open().addLineChart?.(request)),
  saveSetting: (key: string, value: string) => carry(() => open().saveSetting(key, value)),
  loadSetting: (key: string) => carry(() => open().loadSetting(key)),
  selectCell: (sheetName: string, row: number, column: number) =>
    carry(() => open().selectCell(sheetName, row, column)),
  async toXlsx(): Promise<Uint8Array> {
    const bytes = await carry(() => open().toXlsx());
    return Comlink.transfer(bytes, [bytes.buffer as ArrayBuffer]);
  },
  /** Grades and writes; only the rows the later steps read travel back (not every line of the file). */
  async gradeRun(request: GradeRunRequest, onProgress: Progress): Promise<GradeRunOutcome> {
    cancelled = false;
    const stop = () => {
      if (cancelled) throw new Error(CANCELLED);
    };
    return carry(async () => {
      const out = await gradeRun(open(), request, onProgress, stop, presentResult);
      return {
        result: resultForPage(out.result),
        report: out.report,
        table: rowsOfResult(out.table, out.result),
        read: { ...out.read, rows: [] },
      };
    });
  },
  cancel(): void {
    cancelled = true;
  },
};

export type WorkbookWorker = typeof api;

Comlink.expose(api);
