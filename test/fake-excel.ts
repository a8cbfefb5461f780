/**
 * A fake Excel for tests: an in-memory workbook behind exactly the part of the Excel JavaScript API
 * that src/workbook/office-host.ts uses, with Excel's batching rules enforced.
 *
 * - Calls and property writes are queued and run at `context.sync()`, in order; an error stops the
 *   batch where it happens (earlier actions stay applied, as in Excel).
 * - Reading a scalar property that was not loaded and synced throws PropertyNotLoaded; `isNullObject`
 *   is known only after a sync.
 * - Every sync is counted and measured: the request is the JSON of everything queued (property values
 *   and call arguments), the response the JSON of what was loaded. Either above 5 MB throws
 *   RequestPayloadSizeLimitExceeded / ResponsePayloadSizeLimitExceeded, like Excel on the web.
 * - Writing `values` parses strings the way typing does unless the cell's number format is "@"
 *   (Text): "=…" becomes a formula, "+x", "-x" and "@x" that are not numbers become formulas, "12",
 *   "-3.5", "50%" become numbers and "2025-03-01" a date. `null` in a 2-D array leaves a cell as it is.
 * - Formulas are stored, not calculated: a formula cell's value reads as "".
 * - Payload sizes are measured here with Buffer.byteLength of the JSON, on purpose not with the size
 *   estimator of src/workbook/chunks.ts: a check that shares the code it checks proves nothing.
 *
 * Behaviours of real Excel the add-in must handle (docs/workbook.md has the table), each modelled where
 * it happens below with the source it follows:
 * - reading more than 5,000,000 cells at once returns `values === null` or fails with
 *   RangeExceedsLimit (`largeRead`);
 * - a batch synced while the user edits a cell fails with InvalidOperationInCellEditMode unless the
 *   batch was run with `{ delayForCellEdit: true }` (`startEditing`, `stopEditing`);
 * - changing a protected sheet fails with AccessDenied (`FakeSheet.isProtected`);
 * - tables may show a total row (`FakeTable.showTotals`) and rows may be hidden or filtered out
 *   (`FakeSheet.hiddenRows`);
 * - document settings are each instance's own copy until `refreshAsync` (`saveFromAnotherInstance`);
 * - custom functions get blanks as 0 or null and error cells as objects (`callAsExcel`, at the end).
 *
 * Office globals: `Office.context.requirements.isSetSupported`, `Office.context.document.settings`.
 */
import { dayFromCivil, dayToExcelSerial } from "../src/engine/dates";
import { columnLetter } from "../src/engine/table";

/** Excel on the web's payload limit for one request or one response. */
export const PAYLOAD_LIMIT = 5_000_000;
const MAX_ROWS = 1_048_576;
const MAX_COLUMNS = 16_384;

export type FakeValue = string | number | boolean;

interface Rect {
  top: number;
  left: number;
  rows: number;
  columns: number;
}

interface RowData {
  v: FakeValue[];
  f: (string | undefined)[];
  nf: (string | undefined)[];
}

export interface FakeTable {
  name: string;
  /** Header row, data rows and, when `showTotals`, the total row as its last row. */
  rect: Rect;
  hasHeaders: boolean;
  showTotals?: boolean;
}

export interface FakeConditionalFormat {
  rect: Rect;
  type: string;
  cellValue: {
    rule?: { formula1: string; formula2?: string; operator: string };
    format: { fill: { color?: string }; font: { color?: string; bold?: boolean } };
  };
}

export interface FakeSeries {
  name: string;
  chartType?: string;
  axisGroup: string;
  values?: string;
  xValues?: string;
  markerStyle?: string;
  gapWidth?: number;
  overlap?: number;
  hasDataLabels?: boolean;
  dataLabels?: { showValue?: boolean; numberFormat?: string };
  format: { line: { lineStyle?: string; color?: string }; fill?: FakeChartFillState };
  /** Fills set on single points (ChartPoint.format.fill), by point index. */
  points?: Record<number, FakeChartFillState>;
}

/** What ChartFill.setSolidColor / clear left: a colour, or "none". */
export type FakeChartFillState = { solid: string } | "none";

export interface FakeAxis {
  minimum?: number;
  maximum?: number;
  numberFormat?: string;
  tickLabelPosition?: string;
  visible?: boolean;
  reversePlotOrder?: boolean;
  tickLabelSpacing?: number;
}

export interface FakeChart {
  name: string;
  chartType: string;
  source: string;
  seriesBy: string;
  title: { text?: string };
  legend: { position?: string };
  series: FakeSeries[];
  axes: Record<string, FakeAxis>;
  position?: { start: string; end?: string };
  /** Size in points (Chart.width, Chart.height). */
  width?: number;
  height?: number;
}

/** The look Tier gives single cells: RangeFormat fill, alignment, font colour, size, bold. */
export interface FakeCellLook {
  fill?: string;
  horizontalAlignment?: string;
  fontColor?: string;
  fontSize?: number;
}

export class FakeSheet {
  rows = new Map<number, RowData>();
  /** Review › Protect Sheet: every change to the sheet fails with AccessDenied. */
  isProtected = false;
  /** 0-based rows hidden by the user or by a filter. */
  hiddenRows = new Set<number>();
  tables: FakeTable[] = [];
  charts: FakeChart[] = [];
  conditionalFormats: FakeConditionalFormat[] = [];
  columnWidths = new Map<number, number>();
  boldCells = new Set<string>();
  /** Cell looks by A1 address (fill, alignment, font colour and size). */
  looks = new Map<string, FakeCellLook>();
  /** Worksheet.visibility: "Visible", "Hidden" or "VeryHidden". */
  visibility = "Visible";
  /** PageLayout (ExcelApi 1.9): orientation, zoom, the rows printed on every page. */
  pageLayout: { orientation?: string; zoom?: Record<string, number>; printTitleRows?: string } = {};
  constructor(public name: string) {}

  value(r: number, c: number): FakeValue {
    return this.rows.get(r)?.v[c] ?? "";
  }
  formula(r: number, c: number): FakeValue {
    return this.rows.get(r)?.f[c] ?? this.value(r, c);
  }
  format(r: number, c: number): string {
    return this.rows.get(r)?.nf[c] ?? "General";
  }
  hasFormula(r: number, c: number): boolean {
    return this.rows.get(r)?.f[c] !== undefined;
  }
  row(r: number): RowData {
    let row = this.rows.get(r);
    if (!row) {
      row = { v: [], f: [], nf: [] };
      this.rows.set(r, row);
    }
    return row;
  }
  /** Stores a cell exactly as given: no parsing (for setting up a user's sheet). */
  put(r: number, c: number, value: FakeValue, formula?: string, format?: string): void {
    const row = this.row(r);
    row.v[c] = value;
    row.f[c] = formula;
    if (format !== undefined) row.nf[c] = format;
  }
  /** A cell entered through `values` or `formulas`: parsed like typing unless formatted as text. */
  enter(r: number, c: number, input: unknown): void {
    if (input === null || input === undefined) return;
    const row = this.row(r);
    row.f[c] = undefined;
    if (typeof input !== "string") {
      if (typeof input !== "number" && typeof input !== "boolean")
        throw new FakeOfficeError("InvalidArgument", `a cell cannot hold ${JSON.stringify(input)}`);
      row.v[c] = input;
      return;
    }
    const format = row.nf[c] ?? "General";
    if (format === "@" || input === "") {
      row.v[c] = input;
      return;
    }
    if (input.length > 1 && input[0] === "=") {
      row.f[c] = input;
      row.v[c] = "";
      return;
    }
    const number = /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?(%?)$/i.exec(input.trim());
    if (number) {
      row.v[c] = number[4] ? parseFloat(input) / 100 : parseFloat(input);
      if (number[4] && format === "General") row.nf[c] = "0%";
      return;
    }
    if (input.length > 1 && (input[0] === "+" || input[0] === "-" || input[0] === "@")) {
      row.f[c] = "=" + (input[0] === "@" ? input.slice(1) : input);
      row.v[c] = "";
      return;
    }
    const date = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(input);
    if (date) {
      row.v[c] = dayToExcelSerial(dayFromCivil(+date[1], +date[2], +date[3]), this.date1904);
      if (format === "General") row.nf[c] = "yyyy-mm-dd";
      return;
    }
    row.v[c] = input;
  }
  date1904 = false;

  /** Bounding box of non-empty cells (values or formulas; formats too unless `valuesOnly`) in `within`. */
  used(within: Rect, valuesOnly: boolean): Rect | null {
    let top = Infinity;
    let bottom = -1;
    let left = Infinity;
    let right = -1;
    const r1 = within.top + within.rows;
    const c1 = within.left + within.columns;
    for (const [r, row] of this.rows) {
      if (r < within.top || r >= r1) continue;
      const end = Math.min(c1, Math.max(row.v.length, row.f.length, row.nf.length));
      for (let c = within.left; c < end; c++) {
        const filled =
          (row.v[c] !== undefined && row.v[c] !== "") ||
          row.f[c] !== undefined ||
          (!valuesOnly && row.nf[c] !== undefined);
        if (!filled) continue;
        if (r < top) top = r;
        if (r > bottom) bottom = r;
        if (c < left) left = c;
        if (c > right) right = c;
      }
    }
    if (bottom < 0) return null;
    return { top, left, rows: bottom - top + 1, columns: right - left + 1 };
  }

  clear(rect: Rect, applyTo: string): void {
    for (const [r, row] of this.rows) {
      if (r < rect.top || r >= rect.top + rect.rows) continue;
      for (let c = rect.left; c < rect.left + rect.columns && c < MAX_COLUMNS; c++) {
        if (c >= Math.max(row.v.length, row.f.length, row.nf.length)) break;
        if (applyTo === "All" || applyTo === "Contents") {
          row.v[c] = undefined as unknown as FakeValue;
          row.f[c] = undefined;
        }
        if (applyTo === "All" || applyTo === "Formats") row.nf[c] = undefined;
      }
    }
    if (applyTo === "All" || applyTo === "Formats")
      this.conditionalFormats = this.conditionalFormats.filter((cf) => !intersects(cf.rect, rect));
  }
}

export class FakeOfficeError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "RichApi.Error";
  }
}

export interface SyncRecord {
  requestBytes: number;
  responseBytes: number;
  /** The error code when Excel refused the batch for its size. */
  rejected?: string;
}

export interface FakeExcelOptions {
  /** Highest ExcelApi version this "Excel" supports, e.g. "1.7" to test an old Excel. */
  excelApi?: string;
  /** Whether the shared runtime (SharedRuntime 1.1) is there: not in Excel 2019 nor on iPad. */
  sharedRuntime?: boolean;
  /**
   * What a read of more than `readCellLimit` cells gives. "On all platforms, a range is limited to five
   * million cells for get operations" (performance docs, payload size limit); Excel then either fails
   * with RangeExceedsLimit or, since version 2407, returns `values === null` without an error
   * (office-js #4783, #6781; office-js-docs-pr #5821).
   */
  largeRead?: "null" | "RangeExceedsLimit";
  /** Cells one get operation may read: 5,000,000 unless a test needs a small one. */
  readCellLimit?: number;
  /** False for an Excel that ignores `delayForCellEdit` (the batch then fails in cell-edit mode). */
  delayForCellEdit?: boolean;
  date1904?: boolean;
  /** Payload limit in bytes, 5 MB unless a test needs a small one. */
  payloadLimit?: number;
}

/** The in-memory workbook plus the `Excel` and `Office` globals that drive it. */
export class FakeExcel {
  sheets: FakeSheet[] = [];
  active = 0;
  date1904: boolean;
  excelApi: string;
  payloadLimit: number;
  sharedRuntime: boolean;
  largeRead: "null" | "RangeExceedsLimit";
  readCellLimit: number;
  honoursDelayForCellEdit: boolean;
  /** This add-in instance's in-memory copy of the document settings. */
  settings = new Map<string, unknown>();
  /** The settings as saved in the document, shared by every instance (co-authors). */
  savedSettings = new Map<string, unknown>();
  /** Batches that waited for the user to leave a cell (delayForCellEdit). */
  waitedForCellEdit = 0;
  /** Reads refused for more than `readCellLimit` cells (null values or RangeExceedsLimit). */
  tooLargeReads = 0;
  private editing: { done: Promise<void>; end: () => void } | undefined;
  syncLog: SyncRecord[] = [];
  suspendedCalculations = 0;
  selection?: { sheet: string; address: string };

  constructor(options: FakeExcelOptions = {}) {
    this.excelApi = options.excelApi ?? "1.17";
    this.date1904 = options.date1904 ?? false;
    this.payloadLimit = options.payloadLimit ?? PAYLOAD_LIMIT;
    this.sharedRuntime = options.sharedRuntime ?? true;
    this.largeRead = options.largeRead ?? "null";
    this.readCellLimit = options.readCellLimit ?? 5_000_000;
    this.honoursDelayForCellEdit = options.delayForCellEdit ?? true;
  }

  /**
   * The user starts typing in a cell. Excel.RunOptions.delayForCellEdit: "When false, if the user is
   * in cell edit when the batch request is processed by the host, the batch automatically fails. When
   * true, … the batch request is delayed until the user exits cell edit mode."
   */
  startEditing(): void {
    let end = () => {};
    const done = new Promise<void>((resolve) => (end = resolve));
    this.editing = { done, end };
  }

  /** The user presses Enter or Esc: delayed batches go on. */
  stopEditing(): void {
    const e = this.editing;
    this.editing = undefined;
    e?.end();
  }

  /** Called by each sync: waits or fails while a cell is being edited. */
  async cellEdit(delay: boolean): Promise<void> {
    while (this.editing) {
      if (!delay || !this.honoursDelayForCellEdit)
        throw new FakeOfficeError(
          "InvalidOperationInCellEditMode",
          "Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB or selecting another cell, and then try again.",
        );
      this.waitedForCellEdit++;
      await this.editing.done;
    }
  }

  /**
   * Another instance of the add-in (a co-author) saves its settings: `saveAsync` writes that
   * instance's whole copy to the document (Office.Settings), and this instance sees the change only
   * after `refreshAsync` ("Reads all settings persisted in the document and refreshes the content or
   * task pane add-in's copy of those settings held in memory").
   */
  saveFromAnotherInstance(changes: Record<string, unknown>): void {
    const theirs = new Map(this.savedSettings);
    for (const [k, v] of Object.entries(changes)) theirs.set(k, structuredClone(v));
    this.savedSettings = theirs;
  }

  get syncs(): number {
    return this.syncLog.length;
  }
  get maxRequestBytes(): number {
    return this.syncLog.reduce((m, s) => Math.max(m, s.requestBytes), 0);
  }
  get maxResponseBytes(): number {
    return this.syncLog.reduce((m, s) => Math.max(m, s.responseBytes), 0);
  }
  resetStats(): void {
    this.syncLog = [];
    this.suspendedCalculations = 0;
  }

  addSheet(name: string, rows: readonly (readonly FakeValue[])[] = [], top = 0, left = 0): FakeSheet {
    if (this.find(name)) throw new Error(`fake: sheet ${name} exists`);
    const sheet = new FakeSheet(name);
    sheet.date1904 = this.date1904;
    rows.forEach((row, r) => row.forEach((v, c) => v !== "" && sheet.put(top + r, left + c, v)));
    this.sheets.push(sheet);
    return sheet;
  }

  find(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  sheet(name: string): FakeSheet {
    const s = this.find(name);
    if (!s) throw new Error(`fake: no sheet ${name}`);
    return s;
  }

  /** Inserts a blank column before 0-based column `at`, shifting cells right, as Excel's Insert does. */
  insertColumn(name: string, at: number): void {
    const s = this.sheet(name);
    for (const row of s.rows.values())
      for (const cells of [row.v, row.f, row.nf] as unknown[][])
        if (cells.length > at) cells.splice(at, 0, undefined);
  }

  /** Values, formulas and number formats of a block, for before/after comparisons. */
  snapshot(
    name: string,
    rect: Rect,
  ): { values: FakeValue[][]; formulas: FakeValue[][]; formats: string[][] } {
    const s = this.sheet(name);
    const grid = <T>(f: (r: number, c: number) => T) =>
      Array.from({ length: rect.rows }, (_, i) =>
        Array.from({ length: rect.columns }, (_, j) => f(rect.top + i, rect.left + j)),
      );
    return {
      values: grid((r, c) => s.value(r, c)),
      formulas: grid((r, c) => s.formula(r, c)),
      formats: grid((r, c) => s.format(r, c)),
    };
  }

  /** Installs this fake as the `Excel` and `Office` globals; returns a function that removes them. */
  install(): () => void {
    const g = globalThis as Record<string, unknown>;
    const before = { Excel: g.Excel, Office: g.Office };
    g.Excel = {
      run: (
        first: { delayForCellEdit?: boolean } | ((context: FakeContext) => Promise<unknown>),
        second?: (context: FakeContext) => Promise<unknown>,
      ) =>
        typeof first === "function" ? this.run(first) : this.run(second!, first.delayForCellEdit === true),
    };
    g.Office = this.office();
    return () => {
      g.Excel = before.Excel;
      g.Office = before.Office;
    };
  }

  async run<T>(batch: (context: FakeContext) => Promise<T>, delayForCellEdit = false): Promise<T> {
    const context = new FakeContext(this, delayForCellEdit);
    const result = await batch(context);
    // Excel.run sends whatever the batch left queued.
    if (context.pending) await context.sync();
    return result;
  }

  private office() {
    const settings = {
      get: (name: string): unknown => (this.settings.has(name) ? this.settings.get(name) : null),
      set: (name: string, value: unknown) => {
        this.settings.set(name, structuredClone(value));
      },
      remove: (name: string) => {
        this.settings.delete(name);
      },
      saveAsync: (callback?: (result: { status: string; error?: { message: string } }) => void) => {
        // The whole in-memory copy replaces the document's settings.
        this.savedSettings = new Map(this.settings);
        queueMicrotask(() => callback?.({ status: "succeeded" }));
      },
      refreshAsync: (callback?: (result: { status: string; value: unknown }) => void) => {
        this.settings = new Map(this.savedSettings);
        queueMicrotask(() => callback?.({ status: "succeeded", value: settings }));
      },
    };
    return {
      AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
      context: {
        requirements: {
          isSetSupported: (name: string, minVersion?: string) =>
            (name === "ExcelApi" && compareVersions(this.excelApi, minVersion ?? "1.1") >= 0) ||
            (name === "SharedRuntime" &&
              this.sharedRuntime &&
              compareVersions("1.1", minVersion ?? "1.1") >= 0),
        },
        document: { settings },
      },
    };
  }
}

function compareVersions(a: string, b: string): number {
  const [a1, a2 = 0] = a.split(".").map(Number);
  const [b1, b2 = 0] = b.split(".").map(Number);
  return a1 - b1 || a2 - b2;
}

function intersects(a: Rect, b: Rect): boolean {
  return (
    a.top < b.top + b.rows &&
    b.top < a.top + a.rows &&
    a.left < b.left + b.columns &&
    b.left < a.left + a.columns
  );
}

function bytesOf(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value) ?? "", "utf8");
}

function a1(r: number, c: number): string {
  return `${columnLetter(c)}${r + 1}`;
}

function addressOf(sheet: FakeSheet, rect: Rect): string {
  const name = /^[\p{L}\p{N}_]+$/u.test(sheet.name) ? sheet.name : `'${sheet.name.replace(/'/g, "''")}'`;
  const start = a1(rect.top, rect.left);
  const end = a1(rect.top + rect.rows - 1, rect.left + rect.columns - 1);
  return `${name}!${start === end ? start : `${start}:${end}`}`;
}

function parseA1(address: string): Rect {
  const local = address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
  const m = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/i.exec(local);
  if (!m) throw new FakeOfficeError("InvalidArgument", `fake: cannot read the address ${address}`);
  const col = (s: string) => [...s.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  const top = +m[2] - 1;
  const left = col(m[1]);
  const bottom = m[4] ? +m[4] - 1 : top;
  const right = m[3] ? col(m[3]) : left;
  return { top, left, rows: bottom - top + 1, columns: right - left + 1 };
}

interface Delivery {
  bytes: number;
  deliver: () => void;
}
type Action = { bytes: number; run: () => Delivery | void };

/** One `Excel.run` batch: the queue of actions and `sync()`. */
export class FakeContext {
  private queue: Action[] = [];
  readonly workbook: FakeWorkbookObject;
  readonly application: FakeApplication;

  constructor(
    readonly excel: FakeExcel,
    readonly delayForCellEdit = false,
  ) {
    this.workbook = new FakeWorkbookObject(this, () => excel);
    this.application = this.workbook.application;
  }

  get pending(): number {
    return this.queue.length;
  }

  enqueue(bytes: number, run: () => Delivery | void): void {
    this.queue.push({ bytes, run });
  }

  async sync(): Promise<void> {
    const actions = this.queue;
    this.queue = [];
    await this.excel.cellEdit(this.delayForCellEdit);
    const record: SyncRecord = { requestBytes: actions.reduce((s, a) => s + a.bytes, 0), responseBytes: 0 };
    this.excel.syncLog.push(record);
    await Promise.resolve();
    const limit = this.excel.payloadLimit;
    if (record.requestBytes > limit) {
      record.rejected = "RequestPayloadSizeLimitExceeded";
      throw new FakeOfficeError(
        "RequestPayloadSizeLimitExceeded",
        `the request is ${record.requestBytes} bytes, over the ${limit} bytes limit`,
      );
    }
    const deliveries: Delivery[] = [];
    for (const action of actions) {
      const d = action.run();
      if (d) deliveries.push(d);
    }
    record.responseBytes = deliveries.reduce((s, d) => s + d.bytes, 0);
    if (record.responseBytes > limit) {
      record.rejected = "ResponsePayloadSizeLimitExceeded";
      throw new FakeOfficeError(
        "ResponsePayloadSizeLimitExceeded",
        `the response is ${record.responseBytes} bytes, over the ${limit} bytes limit`,
      );
    }
    for (const d of deliveries) d.deliver();
  }
}

/**
 * A proxy like Office.js's ClientObject: it names an object (resolved when the batch runs) and keeps
 * the properties loaded into it.
 */
abstract class FakeObject<T> {
  private loaded = new Map<string, unknown>();
  private nullState: boolean | undefined;
  private resolved: { value: T | null } | undefined;

  constructor(
    readonly context: FakeContext,
    private readonly resolver: () => T | null,
    nullable = false,
  ) {
    if (nullable)
      context.enqueue(0, () => {
        this.nullState = this.resolve() === null;
      });
  }

  get isNullObject(): boolean {
    if (this.nullState === undefined) throw notLoaded("isNullObject");
    return this.nullState;
  }

  /** Resolved once, when first needed by a running batch (as Excel binds an object path). */
  resolve(): T | null {
    if (!this.resolved) this.resolved = { value: this.resolver() };
    return this.resolved.value;
  }

  target(): T {
    const t = this.resolve();
    if (t === null) throw new FakeOfficeError("ItemNotFound", "the requested resource doesn't exist");
    return t;
  }

  load(what?: string | string[]): this {
    const names = (Array.isArray(what) ? what : (what ?? "").split(",")).map((s) => s.trim()).filter(Boolean);
    this.context.enqueue(bytesOf(what ?? ""), () => {
      const t = this.resolve();
      if (t === null) return;
      const got: [string, unknown][] = names.map((name) => [name, this.read(t, name)]);
      return {
        bytes: bytesOf(got.map(([, v]) => (v instanceof FakeObject ? null : v))),
        deliver: () => {
          for (const [name, v] of got) this.loaded.set(name.split("/")[0], v);
        },
      };
    });
    return this;
  }

  toJSON(): string {
    return `<${this.constructor.name}>`;
  }

  _get(name: string): unknown {
    if (!this.loaded.has(name)) throw notLoaded(name);
    return this.loaded.get(name);
  }

  _set(name: string, value: unknown): void {
    this.context.enqueue(bytesOf(value) + bytesOf(name), () => {
      const t = this.target();
      guardProtection(t);
      this.write(t, name, value);
    });
  }

  /** Queues a method call; its arguments count towards the request. `changes` false for select/activate. */
  protected call(args: unknown[], run: (t: T) => void, changes = true): void {
    this.context.enqueue(bytesOf(args), () => {
      const t = this.target();
      if (changes) guardProtection(t);
      run(t);
    });
  }

  protected read(t: T, name: string): unknown {
    const value = (t as Record<string, unknown>)[name];
    if (value === undefined) throw new Error(`fake: ${this.constructor.name}.${name} is not implemented`);
    return value;
  }

  protected write(t: T, name: string, value: unknown): void {
    (t as Record<string, unknown>)[name] = value;
  }
}

/**
 * A change to a protected sheet fails with AccessDenied (Excel.ErrorCodes.accessDenied), as Excel
 * refuses edits to locked cells of a sheet protected with Review › Protect Sheet.
 */
function guardProtection(target: unknown): void {
  const sheet =
    target instanceof FakeSheet
      ? target
      : (target as { sheet?: unknown } | null)?.sheet instanceof FakeSheet
        ? (target as { sheet: FakeSheet }).sheet
        : undefined;
  if (sheet?.isProtected)
    throw new FakeOfficeError(
      "AccessDenied",
      "The cell or chart you're trying to change is on a protected sheet.",
    );
}

function notLoaded(name: string): FakeOfficeError {
  return new FakeOfficeError(
    "PropertyNotLoaded",
    `The property '${name}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}

/** Declares Office.js-style properties that go through load/sync. */
function properties(cls: { prototype: object }, names: string[]): void {
  for (const name of names)
    Object.defineProperty(cls.prototype, name, {
      get(this: FakeObject<unknown>) {
        return this._get(name);
      },
      set(this: FakeObject<unknown>, value: unknown) {
        this._set(name, value);
      },
      configurable: true,
    });
}

class FakeWorkbookObject extends FakeObject<FakeExcel> {
  readonly worksheets = new FakeWorksheetCollection(this.context, () => this.target());
  readonly application = new FakeApplication(this.context, () => this.target());
  readonly functions = new FakeFunctions(this.context, () => this.target());
}

class FakeApplication extends FakeObject<FakeExcel> {
  suspendApiCalculationUntilNextSync(): void {
    this.call([], (excel) => {
      excel.suspendedCalculations++;
    });
  }
}

class FakeFunctions extends FakeObject<FakeExcel> {
  date(year: number, month: number, day: number): FakeFunctionResult {
    return new FakeFunctionResult(this.context, () => ({
      value: dayToExcelSerial(dayFromCivil(year, month, day), this.target().date1904),
      error: null,
    }));
  }
}

class FakeFunctionResult extends FakeObject<{ value: number; error: null }> {
  declare readonly value: number;
}
properties(FakeFunctionResult, ["value"]);

class FakeWorksheetCollection extends FakeObject<FakeExcel> {
  declare readonly items: FakeWorksheet[];

  getItem(name: string): FakeWorksheet {
    return new FakeWorksheet(this.context, () => this.target().find(name) ?? missing(`worksheet ${name}`));
  }
  getItemOrNullObject(name: string): FakeWorksheet {
    return new FakeWorksheet(this.context, () => this.target().find(name) ?? null, true);
  }
  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(this.context, () => this.target().sheets[this.target().active]);
  }
  add(name: string): FakeWorksheet {
    this.call([name], (excel) => {
      if (excel.find(name)) throw new FakeOfficeError("ItemAlreadyExists", `a sheet named ${name} exists`);
      excel.addSheet(name);
    });
    return new FakeWorksheet(this.context, () => this.target().find(name) ?? missing(`worksheet ${name}`));
  }
  protected override read(excel: FakeExcel, name: string): unknown {
    if (name === "items/name")
      return excel.sheets.map((s) => itemWithName(new FakeWorksheet(this.context, () => s), s.name));
    return super.read(excel, name);
  }
}
properties(FakeWorksheetCollection, ["items"]);

function itemWithName<O extends FakeObject<unknown>>(
  item: O,
  name: string,
  more: Record<string, unknown> = {},
): O {
  // Delivered names are readable at once, as if the item had been loaded with the collection.
  item["_get"] = function (this: O, prop: string) {
    if (prop === "name") return name;
    if (prop in more) return more[prop];
    throw notLoaded(prop);
  };
  return item;
}

function missing(what: string): never {
  throw new FakeOfficeError("ItemNotFound", `${what} does not exist`);
}

class FakeWorksheet extends FakeObject<FakeSheet> {
  declare readonly name: string;
  readonly tables = new FakeTableCollection(this.context, () => this.target());
  readonly charts = new FakeChartCollection(this.context, () => this.target());
  readonly protection = new FakeWorksheetProtection(this.context, () => this.target());
  readonly pageLayout = new FakePageLayout(this.context, () => this.target());

  getRange(address?: string): FakeRange {
    return new FakeRange(this.context, () => {
      const sheet = this.target();
      return {
        sheet,
        rect: address ? parseA1(address) : { top: 0, left: 0, rows: MAX_ROWS, columns: MAX_COLUMNS },
      };
    });
  }
  getRangeByIndexes(top: number, left: number, rows: number, columns: number): FakeRange {
    return new FakeRange(this.context, () => {
      if (
        top < 0 ||
        left < 0 ||
        rows < 1 ||
        columns < 1 ||
        top + rows > MAX_ROWS ||
        left + columns > MAX_COLUMNS
      )
        throw new FakeOfficeError("InvalidArgument", `fake: bad range ${top},${left},${rows},${columns}`);
      return { sheet: this.target(), rect: { top, left, rows, columns } };
    });
  }
  getUsedRange(valuesOnly = false): FakeRange {
    return this.getRange().getUsedRange(valuesOnly);
  }
  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    return this.getRange().getUsedRangeOrNullObject(valuesOnly);
  }
  activate(): void {
    this.call(
      [],
      (sheet) => {
        const excel = this.context.excel;
        excel.active = excel.sheets.indexOf(sheet);
      },
      false,
    );
  }
  delete(): void {
    this.call([], (sheet) => {
      const excel = this.context.excel;
      excel.sheets = excel.sheets.filter((s) => s !== sheet);
      excel.active = 0;
    });
  }
  protected override write(sheet: FakeSheet, name: string, value: unknown): void {
    if (name === "visibility") {
      if (!["Visible", "Hidden", "VeryHidden"].includes(String(value)))
        throw new FakeOfficeError("InvalidArgument", `fake: bad visibility ${String(value)}`);
      sheet.visibility = String(value);
      return;
    }
    super.write(sheet, name, value);
  }
}
properties(FakeWorksheet, ["name", "visibility"]);

interface RangeTarget {
  sheet: FakeSheet;
  rect: Rect;
}

class FakeRange extends FakeObject<RangeTarget> {
  declare values: unknown[][];
  declare formulas: unknown[][];
  declare numberFormat: unknown[][];
  declare readonly address: string;
  declare readonly rowIndex: number;
  declare readonly columnIndex: number;
  declare readonly rowCount: number;
  declare readonly columnCount: number;
  readonly format = new FakeRangeFormat(this.context, () => this.target());
  readonly conditionalFormats = new FakeConditionalFormatCollection(this.context, () => this.target());

  getUsedRange(valuesOnly = false): FakeRange {
    return new FakeRange(this.context, () => {
      const { sheet, rect } = this.target();
      return {
        sheet,
        rect: sheet.used(rect, valuesOnly) ?? { top: rect.top, left: rect.left, rows: 1, columns: 1 },
      };
    });
  }
  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    return new FakeRange(
      this.context,
      () => {
        const { sheet, rect } = this.target();
        const used = sheet.used(rect, valuesOnly);
        return used ? { sheet, rect: used } : null;
      },
      true,
    );
  }
  clear(applyTo: string = "All"): void {
    this.call([applyTo], ({ sheet, rect }) => sheet.clear(rect, applyTo));
  }
  select(): void {
    this.call(
      [],
      ({ sheet, rect }) => {
        this.context.excel.selection = { sheet: sheet.name, address: addressOf(sheet, rect).split("!")[1] };
      },
      false,
    );
  }

  /** The visible rows of the range (RangeView, ExcelApi 1.3): hidden and filtered-out rows left out. */
  getVisibleView(): FakeRangeView {
    return new FakeRangeView(this.context, () => this.target());
  }

  protected override read({ sheet, rect }: RangeTarget, name: string): unknown {
    const grid = (f: (r: number, c: number) => unknown) => {
      const excel = this.context.excel;
      // The five-million-cell limit of get operations (see FakeExcelOptions.largeRead).
      if (rect.rows * rect.columns > excel.readCellLimit) {
        excel.tooLargeReads++;
        if (excel.largeRead === "null") return null;
        throw new FakeOfficeError(
          "RangeExceedsLimit",
          "The cell count in the range has exceeded the maximum supported number.",
        );
      }
      return Array.from({ length: rect.rows }, (_, i) =>
        Array.from({ length: rect.columns }, (_, j) => f(rect.top + i, rect.left + j)),
      );
    };
    switch (name) {
      case "values":
        return grid((r, c) => sheet.value(r, c));
      case "formulas":
        return grid((r, c) => sheet.formula(r, c));
      case "numberFormat":
        return grid((r, c) => sheet.format(r, c));
      case "address":
        return addressOf(sheet, rect);
      case "rowIndex":
        return rect.top;
      case "columnIndex":
        return rect.left;
      case "rowCount":
        return rect.rows;
      case "columnCount":
        return rect.columns;
      default:
        throw new Error(`fake: Range.${name} is not implemented`);
    }
  }

  protected override write({ sheet, rect }: RangeTarget, name: string, value: unknown): void {
    if (
      !Array.isArray(value) ||
      value.length !== rect.rows ||
      value.some((row) => !Array.isArray(row) || row.length !== rect.columns)
    )
      throw new FakeOfficeError(
        "InvalidArgument",
        `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${name}).`,
      );
    const grid = value as unknown[][];
    for (let i = 0; i < rect.rows; i++)
      for (let j = 0; j < rect.columns; j++) {
        const v = grid[i][j];
        const r = rect.top + i;
        const c = rect.left + j;
        if (name === "numberFormat") {
          if (v !== null && v !== undefined) sheet.row(r).nf[c] = String(v);
        } else if (name === "values" || name === "formulas") sheet.enter(r, c, v);
        else throw new Error(`fake: Range.${name} cannot be set`);
      }
  }
}
properties(FakeRange, [
  "values",
  "formulas",
  "numberFormat",
  "address",
  "rowIndex",
  "columnIndex",
  "rowCount",
  "columnCount",
]);

class FakeRangeView extends FakeObject<RangeTarget> {
  declare readonly rowCount: number;
  protected override read({ sheet, rect }: RangeTarget, name: string): unknown {
    if (name !== "rowCount") throw new Error(`fake: RangeView.${name} is not implemented`);
    let hidden = 0;
    for (const r of sheet.hiddenRows) if (r >= rect.top && r < rect.top + rect.rows) hidden++;
    return rect.rows - hidden;
  }
}
properties(FakeRangeView, ["rowCount"]);

class FakeWorksheetProtection extends FakeObject<FakeSheet> {
  protected override read(sheet: FakeSheet, name: string): unknown {
    if (name !== "protected") throw new Error(`fake: WorksheetProtection.${name} is not implemented`);
    return sheet.isProtected;
  }
}
properties(FakeWorksheetProtection, ["protected"]);

/** Sets one look property on every cell of a range. */
function setLook(sheet: FakeSheet, rect: Rect, key: keyof FakeCellLook, value: unknown): void {
  for (let r = rect.top; r < rect.top + rect.rows; r++)
    for (let c = rect.left; c < rect.left + rect.columns; c++) {
      const at = a1(r, c);
      sheet.looks.set(at, { ...sheet.looks.get(at), [key]: value });
    }
}

class FakeRangeFormat extends FakeObject<RangeTarget> {
  declare columnWidth: number;
  declare horizontalAlignment: string;
  readonly font = new FakeRangeFont(this.context, () => this.target());
  readonly fill = new FakeRangeFill(this.context, () => this.target());
  protected override write({ sheet, rect }: RangeTarget, name: string, value: unknown): void {
    if (name === "horizontalAlignment") {
      // Excel.HorizontalAlignment values (ExcelApi 1.1).
      if (
        ![
          "General",
          "Left",
          "Center",
          "Right",
          "Fill",
          "Justify",
          "CenterAcrossSelection",
          "Distributed",
        ].includes(String(value))
      )
        throw new FakeOfficeError("InvalidArgument", `fake: bad horizontalAlignment ${String(value)}`);
      setLook(sheet, rect, "horizontalAlignment", value);
      return;
    }
    if (name !== "columnWidth") throw new Error(`fake: RangeFormat.${name} is not implemented`);
    for (let c = rect.left; c < rect.left + rect.columns; c++) sheet.columnWidths.set(c, value as number);
  }
}
properties(FakeRangeFormat, ["columnWidth", "horizontalAlignment"]);

/** Worksheet.pageLayout, which only exists from ExcelApi 1.9 on. */
class FakePageLayout extends FakeObject<FakeSheet> {
  declare orientation: string;
  declare zoom: Record<string, number>;
  override target(): FakeSheet {
    if (compareVersions(this.context.excel.excelApi, "1.9") < 0)
      throw new FakeOfficeError("ApiNotFound", "fake: pageLayout needs ExcelApi 1.9");
    return super.target();
  }
  setPrintTitleRows(rows: string): void {
    this.call([rows], (sheet) => {
      if (!/^\$\d+:\$\d+$/.test(rows)) throw new FakeOfficeError("InvalidArgument", `fake: bad rows ${rows}`);
      sheet.pageLayout.printTitleRows = rows;
    });
  }
  protected override write(sheet: FakeSheet, name: string, value: unknown): void {
    if (name === "orientation") {
      if (value !== "Landscape" && value !== "Portrait")
        throw new FakeOfficeError("InvalidArgument", `fake: bad orientation ${String(value)}`);
      sheet.pageLayout.orientation = value;
      return;
    }
    if (name !== "zoom") throw new Error(`fake: PageLayout.${name} is not implemented`);
    sheet.pageLayout.zoom = value as Record<string, number>;
  }
}
properties(FakePageLayout, ["orientation", "zoom"]);

class FakeRangeFill extends FakeObject<RangeTarget> {
  declare color: string;
  protected override write({ sheet, rect }: RangeTarget, name: string, value: unknown): void {
    if (name !== "color") throw new Error(`fake: RangeFill.${name} is not implemented`);
    setLook(sheet, rect, "fill", value);
  }
}
properties(FakeRangeFill, ["color"]);

class FakeRangeFont extends FakeObject<RangeTarget> {
  declare bold: boolean;
  declare color: string;
  declare size: number;
  protected override write({ sheet, rect }: RangeTarget, name: string, value: unknown): void {
    if (name === "color") return setLook(sheet, rect, "fontColor", value);
    if (name === "size") return setLook(sheet, rect, "fontSize", value);
    if (name !== "bold") throw new Error(`fake: RangeFont.${name} is not implemented`);
    for (let r = rect.top; r < rect.top + rect.rows; r++)
      for (let c = rect.left; c < rect.left + rect.columns; c++)
        if (value) sheet.boldCells.add(a1(r, c));
        else sheet.boldCells.delete(a1(r, c));
  }
}
properties(FakeRangeFont, ["bold", "color", "size"]);

class FakeConditionalFormatCollection extends FakeObject<RangeTarget> {
  add(type: string): FakeConditionalFormatObject {
    let made: FakeConditionalFormat | undefined;
    this.call([type], ({ sheet, rect }) => {
      made = { rect, type, cellValue: { format: { fill: {}, font: {} } } };
      sheet.conditionalFormats.push(made);
    });
    return new FakeConditionalFormatObject(this.context, () => made ?? missing("conditional format"));
  }
  clearAll(): void {
    this.call([], ({ sheet, rect }) => {
      sheet.conditionalFormats = sheet.conditionalFormats.filter((cf) => !intersects(cf.rect, rect));
    });
  }
}

class FakeConditionalFormatObject extends FakeObject<FakeConditionalFormat> {
  readonly cellValue = new FakeCellValueFormat(this.context, () => this.target().cellValue);
}

class FakeCellValueFormat extends FakeObject<FakeConditionalFormat["cellValue"]> {
  declare rule: { formula1: string; operator: string };
  readonly format = new FakePlain(this.context, () => this.target().format, ["fill", "font"]);
}
properties(FakeCellValueFormat, ["rule"]);

/** A plain record whose named children are records too (fill, font, line, title, legend …). */
class FakePlain extends FakeObject<Record<string, unknown>> {
  constructor(context: FakeContext, resolver: () => Record<string, unknown>, children: string[] = []) {
    super(context, resolver);
    for (const child of children)
      Object.defineProperty(this, child, {
        value: new FakePlainSetter(context, () => this.target()[child] as Record<string, unknown>),
        enumerable: true,
      });
  }
}

/** Any property set on it is queued and written to the record at sync. */
class FakePlainSetter extends FakeObject<Record<string, unknown>> {
  constructor(context: FakeContext, resolver: () => Record<string, unknown>) {
    super(context, resolver);
    return new Proxy(this, {
      set: (obj, prop, value) => {
        if (typeof prop === "string" && !(prop in obj)) obj._set(prop, value);
        else Reflect.set(obj, prop, value);
        return true;
      },
      get: (obj, prop, receiver) => {
        if (typeof prop === "string" && !(prop in obj)) return obj._get(prop);
        return Reflect.get(obj, prop, receiver) as unknown;
      },
    });
  }
}

class FakeTableCollection extends FakeObject<FakeSheet> {
  declare readonly items: FakeTableObject[];
  add(source: FakeRange | string, hasHeaders: boolean): FakeTableObject {
    let made: FakeTable | undefined;
    this.call([typeof source === "string" ? source : "<range>", hasHeaders], (sheet) => {
      const rect = typeof source === "string" ? parseA1(source) : source.target().rect;
      if (sheet.tables.some((t) => intersects(t.rect, rect)))
        throw new FakeOfficeError("InvalidArgument", "a table cannot overlap another table");
      const all = this.context.excel.sheets.flatMap((s) => s.tables);
      made = { name: `Table${all.length + 1}`, rect, hasHeaders };
      sheet.tables.push(made);
    });
    return new FakeTableObject(this.context, () => ({
      sheet: this.target(),
      table: made ?? missing("table"),
    }));
  }
  protected override read(sheet: FakeSheet, name: string): unknown {
    // "items/name, items/showTotals": each item carries every property asked for.
    if (name === "items/name" || name === "items/showTotals")
      return sheet.tables.map((t) =>
        itemWithName(new FakeTableObject(this.context, () => ({ sheet, table: t })), t.name, {
          showTotals: t.showTotals === true,
        }),
      );
    return super.read(sheet, name);
  }
}
properties(FakeTableCollection, ["items"]);

class FakeTableObject extends FakeObject<{ sheet: FakeSheet; table: FakeTable }> {
  declare readonly name: string;
  declare readonly showTotals: boolean;
  /** The total row: the table's last row (ExcelApi 1.1). */
  getTotalRowRange(): FakeRange {
    return new FakeRange(this.context, () => {
      const { sheet, table } = this.target();
      if (!table.showTotals) throw new FakeOfficeError("ItemNotFound", "the table has no total row");
      const { rect } = table;
      return {
        sheet,
        rect: { top: rect.top + rect.rows - 1, left: rect.left, rows: 1, columns: rect.columns },
      };
    });
  }
  delete(): void {
    this.call([], ({ sheet, table }) => {
      sheet.tables = sheet.tables.filter((t) => t !== table);
      sheet.clear(table.rect, "All");
    });
  }
}
properties(FakeTableObject, ["name", "showTotals"]);

class FakeChartCollection extends FakeObject<FakeSheet> {
  add(type: string, source: FakeRange, seriesBy: string): FakeChartObject {
    let made: FakeChart | undefined;
    this.call([type, "<range>", seriesBy], (sheet) => {
      // The source may be on another sheet than the chart (a hidden data sheet).
      const { rect, sheet: from } = source.target();
      const header =
        rect.rows > 1 &&
        Array.from({ length: rect.columns }, (_, j) => from.value(rect.top, rect.left + j)).every(
          (v) => typeof v === "string",
        );
      const series: FakeSeries[] = [];
      for (let j = 0; j < rect.columns; j++) {
        const body = {
          top: rect.top + (header ? 1 : 0),
          left: rect.left + j,
          rows: rect.rows - (header ? 1 : 0),
          columns: 1,
        };
        series.push({
          name: header ? String(from.value(rect.top, rect.left + j)) : `Series${j + 1}`,
          axisGroup: "Primary",
          values: addressOf(from, body),
          format: { line: {} },
        });
      }
      made = {
        name: `Chart ${sheet.charts.length + 1}`,
        chartType: type,
        source: addressOf(from, rect),
        seriesBy,
        title: {},
        legend: {},
        series,
        axes: {},
      };
      sheet.charts.push(made);
    });
    return new FakeChartObject(this.context, () => ({
      sheet: this.target(),
      chart: made ?? missing("chart"),
    }));
  }
  getItemOrNullObject(name: string): FakeChartObject {
    return new FakeChartObject(
      this.context,
      () => {
        const sheet = this.target();
        const chart = sheet.charts.find((c) => c.name === name);
        return chart ? { sheet, chart } : null;
      },
      true,
    );
  }
}

interface ChartTarget {
  sheet: FakeSheet;
  chart: FakeChart;
}

class FakeChartObject extends FakeObject<ChartTarget> {
  declare name: string;
  readonly title = new FakePlainSetter(this.context, () => this.target().chart.title);
  readonly legend = new FakePlainSetter(this.context, () => this.target().chart.legend);
  readonly series = new FakeSeriesCollection(this.context, () => this.target());
  readonly axes = new FakeAxes(this.context, () => this.target());

  delete(): void {
    this.call([], ({ sheet, chart }) => {
      sheet.charts = sheet.charts.filter((c) => c !== chart);
    });
  }
  setPosition(start: FakeRange | string, end?: FakeRange | string): void {
    this.call(["<start>", "<end>"], ({ chart }) => {
      const at = (x: FakeRange | string) =>
        typeof x === "string" ? x : addressOf(x.target().sheet, x.target().rect).split("!")[1];
      chart.position = { start: at(start), end: end === undefined ? undefined : at(end) };
    });
  }
  protected override read({ chart }: ChartTarget, name: string): unknown {
    if (name !== "name") throw new Error(`fake: Chart.${name} is not implemented`);
    return chart.name;
  }
  protected override write({ chart }: ChartTarget, name: string, value: unknown): void {
    if (name === "width" || name === "height") {
      chart[name] = value as number;
      return;
    }
    if (name !== "name") throw new Error(`fake: Chart.${name} is not implemented`);
    chart.name = String(value);
  }
}
properties(FakeChartObject, ["name", "width", "height"]);

class FakeSeriesCollection extends FakeObject<ChartTarget> {
  getItemAt(index: number): FakeSeriesObject {
    return new FakeSeriesObject(this.context, () => {
      const { sheet, chart } = this.target();
      const s = chart.series[index];
      if (!s) throw new FakeOfficeError("ItemNotFound", `the chart has no series ${index}`);
      return { sheet, series: s };
    });
  }
  add(name: string): FakeSeriesObject {
    let made: FakeSeries | undefined;
    this.call([name], ({ chart }) => {
      made = { name, axisGroup: "Primary", format: { line: {} } };
      chart.series.push(made);
    });
    return new FakeSeriesObject(this.context, () => ({
      sheet: this.target().sheet,
      series: made ?? missing("series"),
    }));
  }
}

class FakeSeriesObject extends FakeObject<{ sheet: FakeSheet; series: FakeSeries }> {
  declare chartType: string;
  declare axisGroup: string;
  declare markerStyle: string;
  declare gapWidth: number;
  declare overlap: number;
  declare hasDataLabels: boolean;
  readonly format = new FakeSeriesFormat(this.context, () => this.target().series);
  readonly points = new FakePoints(this.context, () => this.target().series);
  readonly dataLabels = new FakePlainSetter(this.context, () => (this.target().series.dataLabels ??= {}));
  setValues(range: FakeRange): void {
    this.call(["<range>"], ({ series }) => {
      const t = range.target();
      series.values = addressOf(t.sheet, t.rect);
    });
  }
  setXAxisValues(range: FakeRange): void {
    this.call(["<range>"], ({ series }) => {
      const t = range.target();
      series.xValues = addressOf(t.sheet, t.rect);
    });
  }
  protected override write(
    { series }: { sheet: FakeSheet; series: FakeSeries },
    name: string,
    value: unknown,
  ): void {
    (series as unknown as Record<string, unknown>)[name] = value;
  }
}
properties(FakeSeriesObject, [
  "chartType",
  "axisGroup",
  "markerStyle",
  "gapWidth",
  "overlap",
  "hasDataLabels",
]);

/** ChartSeriesFormat: its line (plain properties) and its fill (ChartFill methods). */
class FakeSeriesFormat extends FakeObject<FakeSeries> {
  readonly line = new FakePlainSetter(this.context, () => this.target().format.line);
  readonly fill = new FakeChartFill(this.context, (state) => (this.target().format.fill = state));
}

/** ChartFill: only methods (ExcelApi 1.1), no properties to set. */
class FakeChartFill extends FakeObject<(state: FakeChartFillState) => void> {
  constructor(context: FakeContext, apply: (state: FakeChartFillState) => void) {
    super(context, () => apply);
  }
  setSolidColor(color: string): void {
    this.call([color], (apply) => apply({ solid: color }));
  }
  clear(): void {
    this.call([], (apply) => apply("none"));
  }
}

/** ChartPointsCollection.getItemAt(i).format.fill, for points the series has. */
class FakePoints extends FakeObject<FakeSeries> {
  getItemAt(index: number): { format: { fill: FakeChartFill } } {
    const fill = new FakeChartFill(this.context, (state) => {
      const series = this.target();
      (series.points ??= {})[index] = state;
    });
    return { format: { fill } };
  }
}

class FakeAxes extends FakeObject<ChartTarget> {
  getItem(type: string, group = "Primary"): FakeAxisObject {
    return new FakeAxisObject(this.context, () => {
      const { chart } = this.target();
      const key = `${type}/${group}`;
      if (group === "Secondary" && !chart.series.some((s) => s.axisGroup === "Secondary"))
        throw new FakeOfficeError("ItemNotFound", "the chart has no secondary axis");
      return (chart.axes[key] ??= {});
    });
  }
}

class FakeAxisObject extends FakeObject<FakeAxis> {
  declare minimum: number;
  declare maximum: number;
  declare numberFormat: string;
  declare tickLabelPosition: string;
  declare visible: boolean;
  declare reversePlotOrder: boolean;
  declare tickLabelSpacing: number;
}
properties(FakeAxisObject, [
  "minimum",
  "maximum",
  "numberFormat",
  "tickLabelPosition",
  "visible",
  "reversePlotOrder",
  "tickLabelSpacing",
]);

// ---------------------------------------------------------------------------------------------------
// Custom functions: what Excel hands a TIER function for the cells its arguments refer to.
// ---------------------------------------------------------------------------------------------------

/** An error cell on the sheet (#N/A from a VLOOKUP, #DIV/0! …), as a function argument refers to it. */
export class FakeCellError {
  constructor(readonly code: string) {}
}

/** A cell a function argument refers to; "" is a blank cell. */
export type FakeCell = FakeValue | FakeCellError;

export type FunctionsPlatform = "desktop" | "web";

/** The part of functions.json the calling rules depend on. */
export interface FakeFunctionMetadata {
  allowErrorForDataTypeAny?: boolean;
  parameters: readonly { name: string; optional?: boolean; dimensionality?: string }[];
}

/** What Excel shows when it does not call the function at all: the first error among the inputs. */
export interface NotCalled {
  notCalled: string;
}

/**
 * Calls `fn` the way Excel calls a custom function whose arguments refer to `cells` (a 2-D block for a
 * range parameter, one cell for a scalar one, `undefined` for an argument left out):
 *
 * - Blank cells. Desktop Excel passes a blank single cell as 0 and the web as null (office-js #4702);
 *   a blank cell inside a range given to an optional parameter arrives as 0 on the desktop (#5262,
 *   #1951) and null on the web. Inside a range given to a required parameter a blank is modelled as
 *   "" on the desktop and null on the web: the reports cover single cells and optional ranges, and
 *   the add-in treats "" and null alike, so either reading of them is handled.
 * - Error cells. Unless the metadata says `allowErrorForDataTypeAny: true`, Excel does not call the
 *   function when an input holds an error and the formula shows that error (custom-functions-errors,
 *   "Errors as custom function inputs"); with it, the error arrives as an object whose `code` is the
 *   error's text ("#N/A"), the shape of CustomFunctions.Error.
 * - An argument left out arrives as null.
 */
export function callAsExcel(
  fn: (...args: unknown[]) => unknown,
  metadata: FakeFunctionMetadata,
  args: readonly (FakeCell | readonly (readonly FakeCell[])[] | undefined)[],
  platform: FunctionsPlatform,
): unknown {
  const passed: unknown[] = [];
  let firstError: string | undefined;
  metadata.parameters.forEach((p, k) => {
    const arg = args[k];
    if (arg === undefined) {
      passed.push(null);
      return;
    }
    const optional = p.optional === true;
    const matrix = p.dimensionality === "matrix";
    const cell = (c: FakeCell, scalar: boolean): unknown => {
      if (c instanceof FakeCellError) {
        firstError ??= c.code;
        return { code: c.code };
      }
      if (c !== "") return c;
      if (platform === "web") return null;
      return scalar || optional ? 0 : "";
    };
    if (Array.isArray(arg)) {
      const grid = (arg as readonly (readonly FakeCell[])[]).map((row) => row.map((c) => cell(c, false)));
      // A reference to a single cell given to a scalar parameter arrives as that cell's value.
      passed.push(!matrix && grid.length === 1 && grid[0].length === 1 ? cell(arg[0][0], true) : grid);
    } else passed.push(matrix ? [[cell(arg as FakeCell, false)]] : cell(arg as FakeCell, true));
  });
  if (firstError !== undefined && !metadata.allowErrorForDataTypeAny) return { notCalled: firstError };
  return fn(...passed);
}
