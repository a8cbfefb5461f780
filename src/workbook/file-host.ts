/**
 * The workbook host for files: an exceljs workbook in memory, for the command line, the standalone
 * page and tests. Browser-safe (no Node imports): bytes in with `FileHost.fromBytes`, bytes out with
 * `toXlsx`. It behaves as the Office host does:
 *
 * - output columns go to the right of the data, under headers that start with "Tier·" / "分级·"; a
 *   re-run replaces them in place; a cell Tier did not write in the way stops the run with
 *   CellInTheWayError before anything is written;
 * - output sheets (results, summary) are replaced on a re-run, but a sheet of the user's that happens
 *   to have the same name is never overwritten;
 * - settings (the rules, the owned-columns record, the list of output sheets) live in a very hidden
 *   sheet `TierSettings`, key in column A and the value in B (split over C, D … past 32,000
 *   characters), because document custom properties hold only 255 characters in Excel;
 * - text is always written as text (a shared string), so `=HYPERLINK(…)` in a customer's name stays a
 *   name and never becomes a formula; `{ date }` cells are real dates in the workbook's date system;
 * - the Pareto chart is a native Excel chart, added to the zip after exceljs writes it (xlsx-chart.ts).
 *
 * What exceljs does not keep when it rewrites a workbook it loaded: charts, pivot tables, slicers,
 * sparklines, form controls and macros of the user's workbook are dropped (cell values, formulas,
 * styles, merged cells, tables, conditional formats, data validation and pictures are kept).
 */
/* eslint-disable office-addins/call-sync-before-read, office-addins/load-object-before-read --
   these rules are for Office.js proxies; the objects here are exceljs cells and rows in memory. */
import ExcelJS from "exceljs";
import { TierError } from "../engine/errors";
import type { Lang, PresentedResult } from "../engine/grade";
import { findHeaderRow } from "../engine/headers";
import { columnLetter, type SheetTable } from "../engine/table";
import { parseCsv, plainValue, worksheetRows } from "./files";
import {
  CellInTheWayError,
  type CellOut,
  type ChartRequest,
  type OwnedColumns,
  type ParetoChartRequest,
  type Progress,
  type SheetRead,
  type SheetWriteRequest,
  type WorkbookHost,
  type WriteColumnsRequest,
} from "./host";
import { argb, textColour, textWidth, uniqueHeaders } from "./cells";
import { fileFormula } from "./formulas/allowed";
import { PackageHost } from "./package-host";
import { cutToCell } from "./xlsx-patch";
import { ownedSettingKey, writeGrade } from "./write-result";
import {
  fileChartOf,
  injectCharts,
  quoteSheet,
  type AnchorCorner,
  type FileChartSpec,
  type ParetoChartSpec,
} from "./xlsx-chart";

/** The very hidden sheet that keeps Tier's settings in the workbook. */
export const SETTINGS_SHEET = "TierSettings";
/** The settings key of the list of output sheets Tier wrote (the host's own). */
const SETTING_SHEETS = "tier.sheets";
/** Header prefixes of the owned columns (write-result.ts OWNED_PREFIX). */
const OWNED_PREFIXES = ["分级·", "Tier·"];
const CHUNK = 32000;

const HEADER_FILL = "FFEDEDED";

type Cell = ExcelJS.Cell;

interface Span {
  first: number;
  count: number;
  rows: number;
}

/** A CSV's sheet not yet built as exceljs cells: its parsed rows and the column writes made since. */
interface LazySheet {
  name: string;
  rows: unknown[][];
  writes: WriteColumnsRequest[];
}

/** The cells of CSV rows as the built sheet's cells read (worksheetRows): empty cells null, trailing ones cut. */
function csvValues(rows: unknown[][]): unknown[][] {
  const out = rows.map((row) => {
    const values = row.map((raw) => csvCell(raw).value);
    while (values.length && values[values.length - 1] === null) values.pop();
    return values;
  });
  while (out.length && out[out.length - 1].length === 0) out.pop();
  return out;
}

const ownedHeader = (row: unknown[] | undefined) =>
  (row ?? []).some((v) => OWNED_PREFIXES.some((p) => textOf(v).startsWith(p)));

function isEmpty(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === "string" && v === "");
}

function textOf(v: unknown): string {
  const p = plainValue(v);
  return p === null || p === undefined ? "" : String(p);
}

/** The exceljs value of an output cell: text stays text, `{ date }` becomes a Date (UTC midnight). */
function excelValue(v: CellOut): ExcelJS.CellValue {
  if (v === null) return null;
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (typeof v === "object") return new Date(v.date * 86_400_000);
  // Excel holds 32,767 characters in a cell; a longer one would make it "repair" the file.
  return typeof v === "string" ? cutToCell(v) : v;
}

/** A live formula (docs/formulas.md) in the file's spelling, without a cached value: computed on open. */
function formulaCell(cell: Cell, formula: string, array: boolean, format: string | undefined): void {
  const f = fileFormula(formula);
  cell.value = array
    ? ({ formula: f, shareType: "array", ref: cell.address } as ExcelJS.CellFormulaValue)
    : { formula: f };
  if (format) cell.numFmt = format;
}

function formatFor(v: CellOut, format: string | undefined): string | undefined {
  if (format) return format;
  return v !== null && typeof v === "object" ? "yyyy-mm-dd" : undefined;
}

/** Approximate pixel width of a column of `chars` characters (Excel's default font). */
function columnPixels(chars: number): number {
  return Math.trunc(chars * 7 + 5);
}

const EMU_PER_PX = 9525;

/** CSV text that reads unambiguously as a number or an ISO date becomes one; the rest stays text. */
function csvCell(s: unknown): { value: ExcelJS.CellValue; numFmt?: string } {
  if (typeof s !== "string") return { value: (s as ExcelJS.CellValue) ?? null };
  const t = s.trim();
  if (t === "") return { value: null };
  // Leading zeros and long digit runs are ids ("007", card numbers): keep them as text.
  if (/^-?(0|[1-9]\d{0,14})(\.\d+)?$/.test(t) && t.replace(/[-.]/g, "").length <= 15)
    return { value: Number(t) };
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(t);
  if (m) {
    const ms = Date.UTC(+m[1], +m[2] - 1, +m[3], +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0));
    const d = new Date(ms);
    if (d.getUTCDate() === +m[3])
      return { value: d, numFmt: m[4] === undefined ? "yyyy-mm-dd" : "yyyy-mm-dd hh:mm:ss" };
  }
  return { value: s };
}

/**
 * A WorkbookHost over an in-memory .xlsx (see the file comment for how it writes).
 *
 * @example
 * const host = await FileHost.fromBytes(bytes, "members.xlsx");
 * await writeGrade(host, await host.readSheet("会员"), table, result, { lang: "zh" });
 * const out = await host.toXlsx();
 */
export class FileHost implements WorkbookHost {
  /** Charts to add when the workbook is written, by sheet name. */
  private readonly charts = new Map<string, ParetoChartSpec>();
  /** Charts drawn from chart descriptions, by sheet name, then chart name. */
  private readonly described = new Map<string, Map<string, FileChartSpec>>();

  /**
   * A CSV's sheet whose cells exceljs has not built yet (see `fromBytes`): the parsed rows, and the
   * column writes made to it since, applied when the cells are built.
   */
  private lazy: LazySheet | null = null;

  private constructor(readonly workbook: ExcelJS.Workbook) {}

  /** An empty workbook (tests, or a page that builds one). */
  static empty(): FileHost {
    return new FileHost(new ExcelJS.Workbook());
  }

  /** Opens .xlsx/.xlsm bytes, or .csv/.tsv/.txt bytes as a one-sheet workbook named after the file. */
  static async fromBytes(bytes: Uint8Array | ArrayBuffer, fileName: string): Promise<FileHost> {
    const data = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
    const dot = fileName.lastIndexOf(".");
    const ext = dot < 0 ? "" : fileName.slice(dot + 1).toLowerCase();
    const workbook = new ExcelJS.Workbook();
    if (ext === "xlsx" || ext === "xlsm") {
      try {
        // exceljs types ask for a Node Buffer; JSZip underneath reads any Uint8Array.
        await workbook.xlsx.load(data as unknown as ExcelJS.Buffer);
      } catch (e) {
        throw new TierError("workbook.notXlsx", { detail: e instanceof Error ? e.message : String(e) });
      }
      return new FileHost(workbook);
    }
    if (ext === "csv" || ext === "txt" || ext === "tsv") {
      const base = fileName.slice(Math.max(fileName.lastIndexOf("/"), fileName.lastIndexOf("\\")) + 1, dot);
      const name = sheetNameFrom(base);
      const rows = parseCsv(data, name).sheets[0].rows;
      const ws = workbook.addWorksheet(name);
      if (rows.length) ws.views = [{ state: "frozen", ySplit: 1 }];
      // The sheet's cells are built only when something needs them (a download, a chart, a second
      // write): for a large CSV, exceljs building millions of cells is most of the time an open takes,
      // and reading and grading need only the rows.
      const host = new FileHost(workbook);
      host.lazy = { name: ws.name, rows, writes: [] };
      return host;
    }
    throw new TierError("workbook.fileType", { file: fileName, xls: ext === "xls" ? 1 : 0 });
  }

  /** The workbook as .xlsx bytes, with the Pareto charts added. */
  async toXlsx(): Promise<Uint8Array> {
    await this.build();
    // The settings sheet goes last in the tab order, after any output sheet added since it was made.
    const settings = this.workbook.getWorksheet(SETTINGS_SHEET);
    if (settings) {
      const order = (ws: ExcelJS.Worksheet) => (ws as unknown as { orderNo: number }).orderNo;
      const last = Math.max(...this.workbook.worksheets.filter((ws) => ws !== settings).map(order), 0);
      (settings as unknown as { orderNo: number }).orderNo = last + 1;
    }
    // The active tab must be a visible sheet: Excel and LibreOffice would otherwise open (and print)
    // the hidden settings sheet.
    const all = this.workbook.worksheets;
    const views = this.workbook.views?.length
      ? this.workbook.views
      : [{ x: 0, y: 0, width: 20000, height: 12000, visibility: "visible" } as ExcelJS.WorkbookView];
    const tab = views[0].activeTab ?? 0;
    if (!all[tab] || all[tab].state !== "visible") {
      const first = all.findIndex((ws) => ws.state === "visible");
      views[0] = { ...views[0], activeTab: Math.max(first, 0), firstSheet: 0 };
    }
    this.workbook.views = views;
    const buffer = await this.workbook.xlsx.writeBuffer();
    const { bytes } = await injectCharts(new Uint8Array(buffer as ArrayBuffer), [
      ...this.charts.values(),
      ...[...this.described.values()].flatMap((m) => [...m.values()]),
    ]);
    return bytes;
  }

  get date1904(): boolean {
    return this.workbook.properties.date1904 === true;
  }

  /**
   * Builds the lazy CSV sheet's cells (as CSV text that reads as a number or an ISO date becomes one),
   * then makes the column writes recorded since the open.
   */
  private async build(): Promise<void> {
    const lazy = this.lazy;
    if (!lazy) return;
    this.lazy = null;
    const ws = this.workbook.getWorksheet(lazy.name)!;
    lazy.rows.forEach((row, r) => {
      const out = ws.getRow(r + 1);
      row.forEach((raw, c) => {
        const { value, numFmt } = csvCell(raw);
        if (value === null) return;
        const cell = out.getCell(c + 1);
        cell.value = value;
        if (numFmt) cell.numFmt = numFmt;
      });
    });
    for (const write of lazy.writes) await this.writeColumns(write);
  }

  /** The lazy CSV sheet's rows when `name` is that sheet and Tier has not written to it yet. */
  private unbuilt(name: string): unknown[][] | null {
    const lazy = this.lazy;
    return lazy && lazy.name === name && lazy.writes.length === 0 ? lazy.rows : null;
  }

  private async sheetBuilt(name: string): Promise<ExcelJS.Worksheet> {
    if (this.lazy?.name === name) await this.build();
    return this.sheet(name);
  }

  private sheet(name: string): ExcelJS.Worksheet {
    const ws = this.workbook.getWorksheet(name);
    if (!ws || name === SETTINGS_SHEET) {
      throw new TierError("workbook.noSuchSheet", {
        sheet: name,
        sheets: this.visibleSheets().map((s) => s.name),
      });
    }
    return ws;
  }

  private visibleSheets(): ExcelJS.Worksheet[] {
    return this.workbook.worksheets.filter((ws) => ws.name !== SETTINGS_SHEET && ws.state !== "veryHidden");
  }

  async listSheets(): Promise<{ sheets: string[]; active: string }> {
    const sheets = this.visibleSheets().map((ws) => ws.name);
    const all = this.workbook.worksheets;
    const tab = this.workbook.views?.[0]?.activeTab ?? 0;
    const active = all[tab] && sheets.includes(all[tab].name) ? all[tab].name : (sheets[0] ?? "");
    return { sheets, active };
  }

  /**
   * The sheet's cells from A1 (top = left = 0), as files.ts parseXlsx reads them. Tier's own output
   * columns are left out, so a re-run grades the user's data and not the previous run's tiers.
   */
  async readSheet(sheetName: string, onProgress?: Progress): Promise<SheetRead> {
    const lazy = this.unbuilt(this.sheet(sheetName).name);
    if (lazy) {
      const rows = csvValues(lazy);
      // A CSV holding Tier's own columns (a graded file saved as CSV) is read as the built sheet.
      if (!ownedHeader(rows[rows.length ? findHeaderRow(rows) : 0])) {
        let width = 0;
        for (const row of rows) width = Math.max(width, row.length);
        for (const row of rows) while (row.length < width) row.push(null);
        onProgress?.("read", rows.length, rows.length);
        return { sheetName: this.lazy!.name, rows, date1904: this.date1904, top: 0, left: 0 };
      }
    }
    const ws = await this.sheetBuilt(sheetName);
    const total = ws.rowCount;
    const rows = worksheetRows(ws, (rowNumber) => {
      if (onProgress && rowNumber % 10000 === 0) onProgress("read", rowNumber, total);
    });
    let width = 0;
    for (const row of rows) width = Math.max(width, row.length);
    const headerRow = rows.length ? findHeaderRow(rows) : 0;
    const owned = await this.ownedSpan(ws, headerRow, width);
    if (owned && owned.first + owned.count >= width) {
      // Only when Tier's columns are the rightmost ones: cutting columns out of the middle would shift
      // the user's columns and the places the next write goes to.
      width = owned.first;
      while (width > 0 && rows.every((r) => isEmpty(r[width - 1]))) width--;
    }
    for (const row of rows) {
      row.length = Math.min(row.length, width);
      while (row.length < width) row.push(null);
    }
    const tables = ws.getTables() as unknown as { table?: { name?: string }; name?: string }[];
    const tableName = tables.length === 1 ? (tables[0].table?.name ?? tables[0].name) : undefined;
    onProgress?.("read", total, total);
    return { sheetName: ws.name, tableName, rows, date1904: this.date1904, top: 0, left: 0 };
  }

  /**
   * Where Tier's columns already are on this header row: from the saved record when its headers are
   * still in place, else the run of "Tier·"/"分级·" headers that reaches to or past `dataEnd`.
   */
  private async ownedSpan(ws: ExcelJS.Worksheet, headerRow: number, dataEnd: number): Promise<Span | null> {
    const saved = await this.loadSetting(ownedSettingKey(ws.name));
    const hr = headerRow + 1;
    if (saved) {
      try {
        const rec = JSON.parse(saved) as OwnedColumns;
        if (
          rec.sheetName === ws.name &&
          rec.headerRow === headerRow &&
          rec.headers.length > 0 &&
          rec.headers.every((h, j) => textOf(ws.findCell(hr, rec.firstColumn + 1 + j)?.value) === h)
        )
          return { first: rec.firstColumn, count: rec.headers.length, rows: rec.rows };
      } catch {
        // A record that does not parse is ignored: the headers below still find the columns.
      }
    }
    const row = ws.findRow(hr);
    if (!row) return null;
    const owned = (c: number) => {
      const t = textOf(row.findCell(c + 1)?.value);
      return OWNED_PREFIXES.some((p) => t.startsWith(p));
    };
    const last = Math.max(row.cellCount, dataEnd);
    for (let c = 0; c < last; c++) {
      if (!owned(c)) continue;
      let end = c;
      while (owned(end)) end++;
      if (end >= dataEnd) return { first: c, count: end - c, rows: Math.max(0, ws.rowCount - hr) };
      c = end;
    }
    return null;
  }

  async writeColumns(request: WriteColumnsRequest, onProgress?: Progress): Promise<OwnedColumns> {
    const { headers, columns } = request;
    const k = headers.length;
    let n = 0;
    for (const col of columns) n = Math.max(n, col.length);
    const hr = request.headerRow + 1; // 1-based header row
    const lazy = this.unbuilt(this.sheet(request.sheetName).name);
    if (lazy && (await this.deferred(lazy, request, n))) {
      // The first write to a CSV's unbuilt sheet, with nothing in its way: recorded, and made when the
      // cells are built. It claims the same columns the write would (no earlier Tier columns).
      const owned: OwnedColumns = {
        sheetName: this.lazy!.name,
        headerRow: request.headerRow,
        firstColumn: request.dataEnd,
        headers: [...headers],
        rows: n,
      };
      await this.saveSetting(ownedSettingKey(owned.sheetName), JSON.stringify(owned));
      this.lazy!.writes.push(request);
      onProgress?.("write", n, n);
      return owned;
    }
    const ws = await this.sheetBuilt(request.sheetName);
    const prev = await this.ownedSpan(ws, request.headerRow, request.dataEnd);
    const first = prev ? prev.first : request.dataEnd;
    const inPrev = (r: number, c: number) =>
      prev !== null && c >= prev.first && c < prev.first + prev.count && r >= hr && r <= hr + prev.rows;

    // 1. Nothing is written unless every target cell is empty or Tier's own.
    for (let c = first; c < first + k; c++) {
      for (let r = hr; r <= hr + n; r++) {
        if (inPrev(r, c)) continue;
        const cell = ws.findCell(r, c + 1);
        if (cell && !isEmpty(cell.value)) {
          throw new CellInTheWayError(ws.name, `${columnLetter(c)}${r}`, textOf(cell.value));
        }
      }
    }
    // Claimed before writing, as the Office host does: a write that stops half way is still Tier's.
    const owned: OwnedColumns = {
      sheetName: ws.name,
      headerRow: request.headerRow,
      firstColumn: first,
      headers: [...headers],
      rows: n,
    };
    await this.saveSetting(ownedSettingKey(ws.name), JSON.stringify(owned));
    // 2. Clear the previous run's columns (they may be wider or longer than this run's).
    if (prev) {
      for (let r = hr; r <= hr + prev.rows; r++) {
        const row = ws.findRow(r);
        if (!row) continue;
        for (let c = prev.first; c < prev.first + prev.count; c++) {
          const cell = row.findCell(c + 1);
          if (cell) {
            cell.value = null;
            cell.style = {};
          }
        }
      }
      ws.removeConditionalFormatting(
        (cf: ExcelJS.ConditionalFormattingOptions) => !cfInColumns(cf.ref, prev),
      );
    }
    // 3. Headers and values.
    for (let j = 0; j < k; j++) {
      const cell = ws.getCell(hr, first + 1 + j);
      cell.value = headers[j];
      cell.font = { bold: true };
      cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: HEADER_FILL } };
      cell.alignment = { horizontal: "center", vertical: "middle" };
    }
    for (let i = 0; i < n; i++) {
      const row = ws.getRow(hr + 1 + i);
      for (let j = 0; j < k; j++) {
        const f = request.formulas?.[j]?.[i];
        if (f !== undefined) {
          formulaCell(
            row.getCell(first + 1 + j),
            f,
            request.formulaArrays?.[j] === true,
            request.formats?.[j],
          );
          this.workbook.calcProperties.fullCalcOnLoad = true;
          continue;
        }
        const v = columns[j][i] ?? null;
        if (v === null) continue;
        const cell = row.getCell(first + 1 + j);
        cell.value = excelValue(v);
        const fmt = formatFor(v, request.formats?.[j]);
        if (fmt) cell.numFmt = fmt;
      }
      if (onProgress && i % 10000 === 0) onProgress("write", i, n);
    }
    for (let j = 0; j < k; j++) {
      const col = ws.getColumn(first + 1 + j);
      const longest = Math.max(textWidth(headers[j]), ...columns[j].slice(0, 200).map((v) => textWidth(v)));
      col.width = Math.min(60, Math.max(col.width ?? 0, longest + 2, 8));
    }
    // 4. Tier colours as conditional formats, so they follow the value if a user edits a tier.
    if (request.tierColumn !== undefined && request.tierColumn >= 0 && request.tierColours && n > 0) {
      onProgress?.("format", 0, 1);
      const letter = columnLetter(first + request.tierColumn);
      const rules = Object.entries(request.tierColours).map(
        ([tier, colour], i): ExcelJS.ConditionalFormattingRule => ({
          type: "cellIs",
          operator: "equal",
          formulae: [`"${tier.replace(/"/g, '""')}"`],
          priority: i + 1,
          style: {
            fill: { type: "pattern", pattern: "solid", bgColor: { argb: argb(colour) } },
            font: { color: { argb: textColour(colour) } },
          },
        }),
      );
      ws.addConditionalFormatting({ ref: `${letter}${hr + 1}:${letter}${hr + n}`, rules });
    }
    onProgress?.("write", n, n);
    return owned;
  }

  /**
   * Whether a column write to the lazy CSV sheet can wait for the build: the header row holds no Tier
   * column, no record of one is saved, and every target cell is empty (else the build and the write
   * happen now, with the write's own checks and errors).
   */
  private async deferred(rows: unknown[][], request: WriteColumnsRequest, n: number): Promise<boolean> {
    if (ownedHeader(rows[request.headerRow])) return false;
    if (await this.loadSetting(ownedSettingKey(this.lazy!.name))) return false;
    const first = request.dataEnd;
    const last = first + request.headers.length;
    for (let r = request.headerRow; r <= request.headerRow + n && r < rows.length; r++) {
      const row = rows[r];
      for (let c = first; c < Math.min(last, row.length); c++)
        if (csvCell(row[c]).value !== null) return false;
    }
    return true;
  }

  private async outputSheets(): Promise<string[]> {
    const s = await this.loadSetting(SETTING_SHEETS);
    try {
      const list = s ? (JSON.parse(s) as unknown) : [];
      return Array.isArray(list) ? list.map(String) : [];
    } catch {
      return [];
    }
  }

  async writeSheet(request: SheetWriteRequest, onProgress?: Progress): Promise<void> {
    const ours = await this.outputSheets();
    if (this.lazy && this.workbook.getWorksheet(request.name)?.name === this.lazy.name) await this.build();
    const old = this.workbook.getWorksheet(request.name);
    let orderNo: number | undefined;
    if (old) {
      if (!ours.includes(old.name)) {
        let found: Cell | undefined;
        old.eachRow({ includeEmpty: false }, (row) => {
          if (!found)
            row.eachCell({ includeEmpty: false }, (c) => void (found ??= isEmpty(c.value) ? undefined : c));
        });
        if (found) throw new CellInTheWayError(old.name, found.address, textOf(found.value));
      }
      orderNo = (old as unknown as { orderNo: number }).orderNo;
      this.workbook.removeWorksheet(old.id);
      this.charts.delete(request.name);
      this.described.delete(request.name);
    }
    // Printed (and exported to PDF) landscape, as wide as one page: the summary and its chart side by side.
    const ws = this.workbook.addWorksheet(request.name, {
      pageSetup: {
        orientation: "landscape",
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
        paperSize: 9,
        ...(request.printTitleRow !== undefined
          ? { printTitlesRow: `${request.printTitleRow + 1}:${request.printTitleRow + 1}` }
          : {}),
      },
      ...(request.hidden ? { state: "hidden" as const } : {}),
    });
    if (orderNo !== undefined) (ws as unknown as { orderNo: number }).orderNo = orderNo;
    const rows = request.rows;
    const width = rows.reduce((w, r) => Math.max(w, r.length), 0);
    const total = rows.length;
    if (request.asTable && rows.length >= 1 && width > 0) {
      const names = uniqueHeaders(rows[0], width);
      ws.addTable({
        name: this.tableName(),
        ref: "A1",
        headerRow: true,
        style: { theme: "TableStyleMedium2", showRowStripes: true },
        columns: names.map((name) => ({ name, filterButton: true })),
        rows: rows.slice(1).map((r) => Array.from({ length: width }, (_, j) => excelValue(r[j] ?? null))),
      });
      for (let i = 1; i < rows.length; i++) {
        const row = ws.getRow(i + 1);
        for (let j = 0; j < width; j++) {
          const v = rows[i][j] ?? null;
          const fmt = formatFor(v, request.formats?.[j]);
          if (fmt && v !== null) row.getCell(j + 1).numFmt = fmt;
        }
        if (onProgress && i % 10000 === 0) onProgress("write", i, total);
      }
      ws.views = [{ state: "frozen", ySplit: 1 }];
    } else {
      for (let i = 0; i < rows.length; i++) {
        const row = ws.getRow(i + 1);
        const formulas = request.formulas?.[i];
        for (let j = 0; j < Math.max(rows[i].length, formulas?.length ?? 0); j++) {
          const own = request.cellFormats?.[i]?.[j];
          const f = formulas?.[j];
          if (f !== undefined) {
            formulaCell(
              row.getCell(j + 1),
              f,
              request.formulaArrays?.[j] === true,
              own ?? request.formats?.[j],
            );
            this.workbook.calcProperties.fullCalcOnLoad = true;
            continue;
          }
          const v = rows[i][j];
          if (v === null || v === undefined) continue;
          const cell = row.getCell(j + 1);
          cell.value = excelValue(v);
          const fmt = formatFor(v, own ?? request.formats?.[j]);
          if (fmt && typeof v !== "string") cell.numFmt = fmt;
        }
        if (onProgress && i % 10000 === 0) onProgress("write", i, total);
      }
    }
    for (let j = 0; j < width; j++) {
      const w = request.widths?.[j];
      ws.getColumn(j + 1).width =
        w ?? Math.min(40, Math.max(8, ...rows.slice(0, 200).map((r) => textWidth(r[j] ?? null) + 2)));
    }
    for (const look of request.looks ?? []) {
      const cell = ws.getCell(look.row + 1, look.column + 1);
      if (look.fill) {
        cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(look.fill) } };
        cell.font = { ...cell.font, color: { argb: textColour(look.fill) } };
      }
      if (look.header) {
        cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: HEADER_FILL } };
        cell.alignment = { horizontal: "center", vertical: "middle" };
      }
      if (look.bold || look.header || look.title) cell.font = { ...cell.font, bold: true };
      if (look.title) cell.font = { ...cell.font, size: 14 };
      if (look.format && typeof cell.value === "number") cell.numFmt = look.format;
    }
    if (!ours.includes(request.name))
      await this.saveSetting(SETTING_SHEETS, JSON.stringify([...ours, request.name]));
    onProgress?.("write", total, total);
  }

  private tableName(): string {
    const used = new Set<string>();
    for (const ws of this.workbook.worksheets)
      for (const t of ws.getTables() as unknown as { table?: { name?: string }; name?: string }[])
        used.add(String(t.table?.name ?? t.name ?? "").toLowerCase());
    for (let i = 1; ; i++) {
      const name = i === 1 ? "TierResults" : `TierResults${i}`;
      if (!used.has(name.toLowerCase())) return name;
    }
  }

  async appendRows(sheetName: string, header: CellOut[], rows: CellOut[][]): Promise<void> {
    if (this.lazy && this.workbook.getWorksheet(sheetName)?.name === this.lazy.name) await this.build();
    let ws = this.workbook.getWorksheet(sheetName);
    if (!ws) {
      ws = this.workbook.addWorksheet(sheetName);
      ws.addRow(header.map(excelValue)).font = { bold: true };
      ws.views = [{ state: "frozen", ySplit: 1 }];
    }
    for (const r of rows) {
      const row = ws.addRow(r.map(excelValue));
      r.forEach((v, j) => {
        if (v !== null && typeof v === "object") row.getCell(j + 1).numFmt = "yyyy-mm-dd";
      });
    }
  }

  /**
   * Records a native Pareto chart for the sheet (written by toXlsx). The marks (80 %, 95 %) become
   * two columns beside the chart data, so that every series of the chart points at cells.
   */
  async addParetoChart(request: ParetoChartRequest): Promise<void> {
    const ws = await this.sheetBuilt(request.sheetName);
    const { dataTop, dataLeft, points } = request;
    const top = dataTop + 1; // 1-based header row
    const cellText = (r: number, c: number) => textOf(ws.findCell(r, c + 1)?.value);
    const cellNum = (r: number, c: number) => {
      const v = plainValue(ws.findCell(r, c + 1)?.value);
      return typeof v === "number" ? v : 0;
    };
    const range = (c: number) =>
      `${quoteSheet(ws.name)}!$${columnLetter(c)}$${top + 1}:$${columnLetter(c)}$${top + points}`;
    const nameRef = (c: number) => `${quoteSheet(ws.name)}!$${columnLetter(c)}$${top}`;
    const labels: string[] = [];
    const sales: number[] = [];
    const share: number[] = [];
    for (let i = 1; i <= points; i++) {
      labels.push(cellText(top + i, dataLeft));
      sales.push(cellNum(top + i, dataLeft + 1));
      share.push(cellNum(top + i, dataLeft + 2));
    }
    const marks = request.marks.map((m, k) => {
      const c = dataLeft + 3 + k;
      const head = ws.getCell(top, c + 1);
      head.value = `${Math.round(m * 1000) / 10}%`;
      head.alignment = { horizontal: "right" };
      for (let i = 1; i <= points; i++) {
        const cell = ws.getCell(top + i, c + 1);
        cell.value = m;
        cell.numFmt = "0%";
      }
      ws.getColumn(c + 1).width = 8;
      return { name: String(head.value), nameRef: nameRef(c), ref: range(c), values: labels.map(() => m) };
    });
    const from: AnchorCorner = { col: request.anchorColumn, row: request.anchorRow, colOff: 0, rowOff: 0 };
    this.charts.set(ws.name, {
      sheetName: ws.name,
      title: request.title,
      categories: { ref: range(dataLeft), values: labels },
      sales: {
        name: cellText(top, dataLeft + 1),
        nameRef: nameRef(dataLeft + 1),
        ref: range(dataLeft + 1),
        values: sales,
      },
      cumulative: {
        name: cellText(top, dataLeft + 2),
        nameRef: nameRef(dataLeft + 2),
        ref: range(dataLeft + 2),
        values: share,
      },
      marks,
      from,
      to: this.corner(ws, from, 640, 360),
    });
  }

  async addChart(request: ChartRequest): Promise<void> {
    const ws = await this.sheetBuilt(request.sheetName);
    const data = await this.sheetBuilt(request.dataSheet);
    const from: AnchorCorner = { col: request.anchorColumn, row: request.anchorRow, colOff: 0, rowOff: 0 };
    const spec = fileChartOf(
      request,
      (r, c) => plainValue(data.findCell(r + 1, c + 1)?.value),
      from,
      this.corner(ws, from, request.widthPx, request.heightPx),
    );
    const list = this.described.get(ws.name) ?? new Map<string, FileChartSpec>();
    list.set(request.name, spec);
    this.described.set(ws.name, list);
  }

  /** The cell corner `width` × `height` pixels right of and below `from`, by the sheet's column widths. */
  private corner(ws: ExcelJS.Worksheet, from: AnchorCorner, width: number, height: number): AnchorCorner {
    let col = from.col;
    let left = width;
    for (;;) {
      const px = columnPixels(ws.getColumn(col + 1).width ?? 8.43);
      if (left <= px) break;
      left -= px;
      col++;
    }
    let row = from.row;
    let down = height;
    for (;;) {
      const px = ((ws.findRow(row + 1)?.height ?? 15) * 96) / 72;
      if (down <= px) break;
      down -= px;
      row++;
    }
    return { col, row, colOff: left * EMU_PER_PX, rowOff: down * EMU_PER_PX };
  }

  async saveSetting(key: string, value: string): Promise<void> {
    let ws = this.workbook.getWorksheet(SETTINGS_SHEET);
    if (!ws) {
      ws = this.workbook.addWorksheet(SETTINGS_SHEET, { state: "veryHidden" });
      ws.getCell(1, 1).value = "key";
      ws.getCell(1, 2).value = "value (Tier's settings; split over the next cells past 32,000 characters)";
    }
    let r = 2;
    while (!isEmpty(ws.findCell(r, 1)?.value) && textOf(ws.findCell(r, 1)?.value) !== key) r++;
    const row = ws.getRow(r);
    const cells = Math.max(row.cellCount, 2);
    for (let c = 2; c <= cells; c++) row.getCell(c).value = null;
    row.getCell(1).value = key;
    for (let i = 0, c = 2; i === 0 || i < value.length; i += CHUNK, c++)
      row.getCell(c).value = value.slice(i, i + CHUNK);
  }

  async loadSetting(key: string): Promise<string | null> {
    const ws = this.workbook.getWorksheet(SETTINGS_SHEET);
    if (!ws) return null;
    for (let r = 2; r <= ws.rowCount; r++) {
      const row = ws.findRow(r);
      if (!row || textOf(row.findCell(1)?.value) !== key) continue;
      let s = "";
      for (let c = 2; c <= row.cellCount; c++) s += textOf(row.findCell(c)?.value);
      return s;
    }
    return null;
  }

  async selectCell(sheetName: string, row: number, column: number): Promise<void> {
    const ws = this.sheet(sheetName);
    const address = `${columnLetter(column)}${row + 1}`;
    const view = ws.views?.[0] ?? {};
    ws.views = [{ ...view, activeCell: address } as ExcelJS.WorksheetView];
    const index = this.workbook.worksheets.indexOf(ws);
    const views = this.workbook.views?.length ? this.workbook.views : [{} as ExcelJS.WorkbookView];
    views[0] = { ...views[0], activeTab: index, firstSheet: 0 } as ExcelJS.WorkbookView;
    this.workbook.views = views;
  }
}

/** True when every cell of a conditional format's range lies in the span's columns. */
function cfInColumns(ref: string, span: Span): boolean {
  for (const part of ref.split(/\s+/)) {
    for (const m of part.matchAll(/\$?([A-Z]{1,3})\$?\d+/g)) {
      const c = columnIndex(m[1]);
      if (c < span.first || c >= span.first + span.count) return false;
    }
  }
  return true;
}

function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** A valid sheet name from a file name: no []:*?/\ and at most 31 characters. */
function sheetNameFrom(base: string): string {
  const s = base
    .replace(/[[\]:*?/\\]/g, "_")
    .slice(0, 31)
    .trim();
  return s === "" || s.toLowerCase() === "history" ? "Sheet1" : s;
}

/**
 * The graded workbook as .xlsx bytes: the file's own sheets untouched, plus Tier's output (tier
 * columns beside a customer table or a results sheet for orders, the summary sheet and its Pareto
 * chart), written by writeGrade through a FileHost. Used by `tier grade --out FILE.xlsx` and the demo.
 *
 * @example await writeFile("graded.xlsx", await gradedWorkbook(bytes, "members.xlsx", "会员", table, result, "zh"));
 */
export async function gradedWorkbook(
  bytes: Uint8Array,
  fileName: string,
  sheetName: string,
  table: SheetTable,
  result: PresentedResult,
  lang: Lang,
): Promise<Uint8Array> {
  // A workbook is written surgically (its own parts kept byte for byte); a CSV becomes a new workbook.
  const host: WorkbookHost & { toXlsx(): Promise<Uint8Array> } = /\.xls[xm]$/i.test(fileName)
    ? PackageHost.fromBytes(bytes, fileName)
    : await FileHost.fromBytes(bytes, fileName);
  const { sheets } = await host.listSheets();
  // A CSV's one sheet is named after the file, which the reader may have spelled differently.
  const name = sheets.includes(sheetName) ? sheetName : sheets[0];
  // writeGrade places its output by the table's header row and width: the sheet's cells are not needed
  // again (the package host reads them only where tier columns go, to check that the cells are free).
  const read: SheetRead = { sheetName: name, rows: [], date1904: table.date1904, top: 0, left: 0 };
  await writeGrade(host, read, table, result, { lang });
  return host.toXlsx();
}
