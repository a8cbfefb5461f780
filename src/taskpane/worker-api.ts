/**
 * What the one workbook worker (workbook.worker.ts) does, reached through Comlink:
 *
 * - for the standalone page (`src/standalone/worker-host.ts`): it opens the file and keeps it, reads,
 *   grades and writes there; the page receives a summary of a sheet (headers, first rows, counts), never
 *   a large file's every row, and a read or a table made once is reused until something is written;
 * - for the Excel pane (`worker-grader.ts`): it grades rows the pane read through Office.js, sent in
 *   slices, and sends back the labelled result (Office.js calls stay on the pane's thread).
 *
 * Kept apart from the worker's entry so tests can run it over a MessageChannel.
 */
import * as Comlink from "comlink";
import { guessInputKind, resolveMapping } from "../engine/headers";
import { tableFromRows, type SheetTable } from "../engine/table";
import { TierError } from "../engine/errors";
import { presentResult } from "../i18n/result";
import {
  gradeRead,
  gradeRun,
  resultForPage,
  rowsOfResult,
  type Graded,
  type GradeRunOutcome,
  type GradeRunRequest,
} from "../workbook/grade-run";
import { RunCancelled, type ColumnFacts, type SheetSummary } from "../workbook/grading-host";
import { hasFormulaForm } from "../workbook/formulas";
import type {
  CellOut,
  ChartRequest,
  LineChartRequest,
  ParetoChartRequest,
  Progress,
  SheetRead,
  SheetWriteRequest,
  WorkbookHost,
  WriteColumnsRequest,
} from "../workbook/host";
import { lastDateOf } from "./policy-needs";
import { carry } from "./worker-errors";

type FileWorkbook = WorkbookHost & { toXlsx(): Promise<Uint8Array> };

/** Rows of a sheet's table the page shows before grading (the data step previews 8). */
export const SUMMARY_ROWS = 20;

/**
 * The facts of one column of a table (see ColumnFacts), over every row: what the data step needs
 * from a column it does not hold.
 *
 * @example factsOf(table, 6) // { repeats: true, lastDay: 15317 } for Online Retail's CustomerID
 */
export function factsOf(table: SheetTable, column: number): ColumnFacts {
  return {
    repeats:
      guessInputKind(
        table.rows.map((r) => r[column]),
        true,
      ) === "orders",
    lastDay: lastDateOf(table, { date: column }),
  };
}

let host: FileWorkbook | null = null;
let cancelled = false;
/** The last sheet read and its table, until something is written (the file changes only by our writes). */
let last: { sheetName: string; read: SheetRead; table?: SheetTable } | null = null;
/** Rows the Excel pane sent for the next grade. */
let received: unknown[][] = [];

const open = () => {
  if (!host) throw new TierError("run.noWorkbook");
  return host;
};

async function readOnce(sheetName: string, onProgress?: Progress): Promise<SheetRead> {
  if (last?.sheetName !== sheetName)
    last = { sheetName, read: await open().readSheet(sheetName, onProgress) };
  return last.read;
}

function tableOnce(read: SheetRead, sheetName: string): SheetTable {
  if (last?.read === read)
    return (last.table ??= tableFromRows(read.rows, read.date1904, sheetName, read.top));
  return tableFromRows(read.rows, read.date1904, sheetName, read.top);
}

/** Whatever writes to the workbook forgets the read (a write may change the sheet). */
function writing<T>(work: () => Promise<T>): Promise<T> {
  last = null;
  return carry(work);
}

/** The open workbook as the grading pipeline sees it: reads remembered, writes forgetting them. */
function remembering(file: FileWorkbook): WorkbookHost {
  return new Proxy(file, {
    get(target, prop) {
      if (prop === "readSheet") return readOnce;
      const value: unknown = Reflect.get(target, prop, target);
      if (typeof value !== "function") return value;
      return (...args: unknown[]) => {
        if (prop !== "listSheets" && prop !== "loadSetting" && prop !== "selectCell") last = null;
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}

export const api = {
  async open(bytes: Uint8Array, fileName: string): Promise<void> {
    await carry(async () => {
      last = null;
      // A workbook is graded into a surgical copy of itself (the same writer as `tier grade --out`); a
      // CSV becomes a new workbook. Loaded here only: the Excel pane's grading never needs them.
      if (/\.xls[xm]$/i.test(fileName)) {
        const { PackageHost } = await import(
          /* webpackChunkName: "package-host" */ "../workbook/package-host"
        );
        host = await PackageHost.fromBytes(bytes, fileName);
      } else {
        const { FileHost } = await import(/* webpackChunkName: "file-host" */ "../workbook/file-host");
        host = await FileHost.fromBytes(bytes, fileName);
      }
    });
  },
  listSheets: () => carry(() => open().listSheets()),
  readSheet: (sheetName: string, onProgress?: Progress) => carry(() => readOnce(sheetName, onProgress)),
  /** The sheet for the data step: headers, the first rows, counts and the guessed roles' column facts. */
  readSummary: (sheetName: string, onProgress?: Progress): Promise<SheetSummary> =>
    carry(async () => {
      const read = await readOnce(sheetName, onProgress);
      const table = tableOnce(read, sheetName);
      const guess = resolveMapping(table.headers, {});
      const facts: Record<number, ColumnFacts> = {};
      for (const col of [guess.customer_id, guess.date, guess.last_date])
        if (col !== undefined) facts[col] = factsOf(table, col);
      return {
        read: { ...read, rows: [] },
        table: { ...table, rows: table.rows.slice(0, SUMMARY_ROWS) },
        rowCount: table.rows.length,
        facts,
      };
    }),
  columnFacts: (sheetName: string, column: number): Promise<ColumnFacts> =>
    carry(async () => factsOf(tableOnce(await readOnce(sheetName), sheetName), column)),
  writeColumns: (request: WriteColumnsRequest, onProgress?: Progress) =>
    writing(() => open().writeColumns(request, onProgress)),
  writeSheet: (request: SheetWriteRequest, onProgress?: Progress) =>
    writing(() => open().writeSheet(request, onProgress)),
  appendRows: (sheetName: string, header: CellOut[], rows: CellOut[][]) =>
    writing(() => open().appendRows(sheetName, header, rows)),
  addParetoChart: (request: ParetoChartRequest) => writing(() => open().addParetoChart(request)),
  addChart: (request: ChartRequest) => writing(async () => open().addChart?.(request)),
  addLineChart: (request: LineChartRequest) => writing(async () => open().addLineChart?.(request)),
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
      if (cancelled) throw new RunCancelled();
    };
    return carry(async () => {
      // The read and its table made when the sheet was opened are graded as they are.
      const here = async (read: SheetRead, req: GradeRunRequest, progress: Progress) => {
        progress("grade", 0, read.rows.length);
        stop();
        return gradeRead(read, req, presentResult, tableOnce(read, req.sheet));
      };
      const out = await gradeRun(remembering(open()), request, onProgress, stop, presentResult, here);
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

  /** The Excel pane: the next slice of the rows it read (sent in slices, each a short task to copy). */
  addRows(rows: unknown[][]): void {
    for (const row of rows) received.push(row);
  },
  /**
   * The Excel pane: grades the rows sent so far as the sheet `read` describes. The whole result comes
   * back (the summary sheet lists every problem); the graded table only with the rows the later steps
   * read, unless live formulas need it whole.
   */
  gradeRows(read: Omit<SheetRead, "rows">, request: GradeRunRequest): Promise<Graded> {
    const rows = received;
    received = [];
    return carry(async () => {
      const graded = gradeRead({ ...read, rows }, request, presentResult);
      const live = request.formulas === true && hasFormulaForm(request.ruleSet.method);
      return {
        fresh: { ...graded.fresh, rows: [] },
        table: live ? graded.table : rowsOfResult(graded.table, graded.result),
        result: graded.result,
      };
    });
  },
};

export type WorkbookWorker = typeof api;
