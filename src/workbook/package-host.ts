/**
 * The workbook host for a user's .xlsx file, written surgically: the graded copy is the user's zip
 * package with our parts added. Browser-safe (fflate and saxes only), so the command line and the
 * standalone page write the same bytes.
 *
 * - Every entry we do not change is copied as it is (its inflated bytes identical): pivot tables and
 *   their caches, charts, drawings, images, VBA, custom XML, external links, themes, shared strings.
 * - The parts we touch keep every original element: `workbook.xml` and its relationships gain our
 *   sheets, `[Content_Types].xml` our parts, `styles.xml` our formats at the end of its lists, and the
 *   sheet that receives tier columns gets its new cells spliced into its rows (xlsx-patch.ts).
 * - Our sheets (results, summary with its Pareto chart, the very hidden `TierSettings`) are new parts,
 *   written here directly; on a re-run they are replaced, the user's sheets never.
 * - The touched sheet is streamed from the input zip through the patcher into the output zip, so a
 *   sheet at Excel's row limit is never held as one string.
 *
 * It behaves as FileHost and the Office host do: output columns right of the data under "Tier·"/"分级·"
 * headers, replaced in place on a re-run, a cell of the user's in the way stops the run before anything
 * is written (CellInTheWayError), text is always text (an inline string), dates are date serials in the
 * workbook's own date system.
 */
import { dayToExcelSerial } from "../engine/dates";
import { TierError } from "../engine/errors";
import { findHeaderRow } from "../engine/headers";
import { columnLetter } from "../engine/table";
import {
  CellInTheWayError,
  type CellOut,
  type ChartRequest,
  type LineChartRequest,
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
import { ownedSettingKey } from "./write-result";
import {
  anyChartXml,
  drawingXml,
  fileChartOf,
  quoteSheet,
  type AnchorCorner,
  type AnyChartSpec,
  type FileChartSpec,
  type ParetoChartSpec,
} from "./xlsx-chart";
import { lineChartXml } from "./xlsx-line-chart";
import {
  cellXml,
  patchStyles,
  SheetPatcher,
  xmlText,
  type DxfWant,
  type SheetEdit,
  type StyleWant,
} from "./xlsx-patch";
import {
  defaultSheet,
  openXlsx,
  parseRels,
  readSheetCells,
  relsPartOf,
  type SheetEntry,
  type XlsxPackage,
} from "./xlsx-read";
import { readEntries, streamEntries, ZipOut } from "./xlsx-zip";

/** The very hidden sheet that keeps Tier's settings (the same as FileHost's). */
export const SETTINGS_SHEET = "TierSettings";
const SETTING_SHEETS = "tier.sheets";
const OWNED_PREFIXES = ["分级·", "Tier·"];
const CHUNK = 32000;

const NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const NS_RELS = "http://schemas.openxmlformats.org/package/2006/relationships";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const CT_SHEET = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
const CT_TABLE = "application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml";
const CT_DRAWING = "application/vnd.openxmlformats-officedocument.drawing+xml";
const CT_CHART = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml";
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

interface Span {
  first: number;
  count: number;
  rows: number;
}

interface NewSheet {
  name: string;
  rows: CellOut[][];
  formats: (string | undefined)[];
  widths: number[];
  asTable: boolean;
  landscape: boolean;
  frozen: boolean;
  state: "visible" | "hidden" | "veryHidden";
  boldHeader: boolean;
  /** Cells with a style of their own ("r,c" 0-based). */
  cellStyles: Map<string, StyleWant>;
  chart?: ParetoChartSpec;
  /** Charts drawn from chart descriptions (addChart), by name. */
  charts?: Map<string, FileChartSpec>;
  /** 0-based row repeated at the top of every printed page. */
  printTitleRow?: number;
  /** Live formulas per row and column (0-based), and the columns whose formulas are array formulas. */
  formulas?: (readonly (string | undefined)[] | undefined)[];
  formulaArrays?: readonly boolean[];
  /** Line charts by name (the Potential step's), drawn beside the Pareto chart when there is one. */
  lineCharts?: Map<string, { title: string; xml: string; from: AnchorCorner; to: AnchorCorner }>;
}

interface ColumnEdit {
  request: WriteColumnsRequest;
  prev: Span | null;
  first: number;
  rows: number;
}

const isEmpty = (v: unknown) => v === null || v === undefined || v === "";
const textOf = (v: unknown) => (v === null || v === undefined ? "" : String(v));

/** A cell we wrote, as a reader returns it: a date as its serial in the workbook's system. */
function cellIn(v: CellOut, date1904: boolean): unknown {
  return v !== null && typeof v === "object" ? dayToExcelSerial(v.date, date1904) : v;
}

/** A rules block's per-cell number formats as the cell styles of a new sheet. */
function cellFormatStyles(formats: SheetWriteRequest["cellFormats"]): Map<string, StyleWant> {
  const out = new Map<string, StyleWant>();
  formats?.forEach((row, r) => row?.forEach((f, c) => f && out.set(`${r},${c}`, { numFmt: f })));
  return out;
}

/**
 * A formula cell, written without a cached value so that every spreadsheet computes it on open
 * (`fullCalcOnLoad` is set in the workbook part), in the file's spelling (`_xlfn.PERCENTILE.INC`).
 */
function formulaXml(ref: string, formula: string, style: number, array: boolean): string {
  const s = style ? ` s="${style}"` : "";
  const f = xmlText(fileFormula(formula));
  return `<c r="${ref}"${s}>${array ? `<f t="array" ref="${ref}">${f}</f>` : `<f>${f}</f>`}</c>`;
}

/** `<calcPr fullCalcOnLoad="1"/>` in a workbook part: Excel recalculates everything when it opens the file. */
export function fullCalcOnLoad(workbookXml: string): string {
  const calc = /<((?:[\w.-]+:)?calcPr)\b([^>]*?)(\/?)>/.exec(workbookXml);
  if (calc) {
    const attrs = calc[2].replace(/\s+fullCalcOnLoad="[^"]*"/, "");
    return (
      workbookXml.slice(0, calc.index) +
      `<${calc[1]}${attrs} fullCalcOnLoad="1"${calc[3]}>` +
      workbookXml.slice(calc.index + calc[0].length)
    );
  }
  // CT_Workbook order: calcPr comes after sheets, functionGroups, externalReferences and definedNames.
  const prefix = /<([\w.-]+:)?workbook\b/.exec(workbookXml)?.[1] ?? "";
  for (const local of ["definedNames", "externalReferences", "functionGroups", "sheets"]) {
    const close = new RegExp(`</(?:[\\w.-]+:)?${local}>|<(?:[\\w.-]+:)?${local}\\b[^>]*/>`).exec(workbookXml);
    if (close) {
      const at = close.index + close[0].length;
      return workbookXml.slice(0, at) + `<${prefix}calcPr fullCalcOnLoad="1"/>` + workbookXml.slice(at);
    }
  }
  return workbookXml;
}

function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

function cfInColumns(ref: string, span: Span): boolean {
  let any = false;
  for (const m of ref.matchAll(/\$?([A-Z]{1,3})\$?\d+/g)) {
    any = true;
    const c = columnIndex(m[1]);
    if (c < span.first || c >= span.first + span.count) return false;
  }
  return any;
}

function relsXml(rels: readonly { id: string; type: string; target: string }[]): string {
  return (
    XML_HEAD +
    `<Relationships xmlns="${NS_RELS}">` +
    rels.map((r) => `<Relationship Id="${r.id}" Type="${r.type}" Target="${xmlText(r.target)}"/>`).join("") +
    `</Relationships>`
  );
}

/** Inserts `text` before the last occurrence of `closeTag` (any namespace prefix). */
function insertBeforeClose(xml: string, local: string, text: string): string {
  const re = new RegExp(`</(?:[\\w.-]+:)?${local}>`, "g");
  let at = -1;
  for (const m of xml.matchAll(re)) at = m.index ?? -1;
  if (at >= 0) return xml.slice(0, at) + text + xml.slice(at);
  // An empty element: <sheets/> becomes <sheets>text</sheets>.
  return xml.replace(new RegExp(`<((?:[\\w.-]+:)?${local})(\\b[^>]*?)\\s*/>`), `<$1$2>${text}</$1>`);
}

/**
 * A WorkbookHost over a user's .xlsx bytes; `toXlsx` writes the graded copy (see the file comment).
 *
 * @example
 * const host = PackageHost.fromBytes(bytes, "members.xlsx");
 * await writeGrade(host, await host.readSheet("会员"), table, result, { lang: "zh" });
 * const out = await host.toXlsx();
 */
export class PackageHost implements WorkbookHost {
  private readonly grids = new Map<string, unknown[][]>();
  private settings: Map<string, string> | null = null;
  private readonly columnEdits = new Map<string, ColumnEdit>();
  private readonly appends = new Map<string, CellOut[][]>();
  private readonly newSheets = new Map<string, NewSheet>();

  private constructor(readonly pkg: XlsxPackage) {}

  static fromBytes(bytes: Uint8Array | ArrayBuffer, fileName: string): PackageHost {
    const data = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
    return new PackageHost(openXlsx(data, fileName));
  }

  get date1904(): boolean {
    return this.pkg.date1904;
  }

  private entry(name: string): SheetEntry | undefined {
    return this.pkg.sheets.find((s) => s.name === name);
  }

  private userSheet(name: string): SheetEntry {
    const s = this.entry(name);
    if (!s || s.state === "veryHidden" || name === SETTINGS_SHEET)
      throw new TierError("workbook.noSuchSheet", {
        sheet: name,
        sheets: this.pkg.sheets.filter((x) => x.state !== "veryHidden").map((x) => x.name),
      });
    return s;
  }

  private grid(entry: SheetEntry): unknown[][] {
    let rows = this.grids.get(entry.name);
    if (!rows) {
      rows = readSheetCells(this.pkg, entry).rows;
      this.grids.set(entry.name, rows);
    }
    return rows;
  }

  async listSheets(): Promise<{ sheets: string[]; active: string }> {
    const sheets = this.pkg.sheets
      .filter((s) => s.state !== "veryHidden" && s.name !== SETTINGS_SHEET)
      .map((s) => s.name);
    // The sheets this session added (plan, history, change log) are in the workbook too.
    for (const name of this.newSheets.keys()) if (!sheets.includes(name)) sheets.push(name);
    const tab = this.pkg.sheets[this.pkg.activeTab];
    const active =
      tab && tab.state === "visible" ? tab.name : (defaultSheet(this.pkg).sheet?.name ?? sheets[0] ?? "");
    return { sheets, active };
  }

  async readSheet(sheetName: string, onProgress?: Progress): Promise<SheetRead> {
    // A sheet written in this session (the history a re-evaluation reads back) is read as written.
    const added = this.entry(sheetName) ? undefined : this.newSheets.get(sheetName);
    if (added) {
      // Without the output columns a grade put beside it, as a sheet of the file is read.
      const owned = await this.addedSpan(added, findHeaderRow(added.rows));
      const cut = owned ? owned.firstColumn : Infinity;
      const rows = added.rows.map((r) => r.slice(0, cut).map((c) => cellIn(c, this.date1904)));
      onProgress?.("read", rows.length, rows.length);
      return { sheetName, rows, date1904: this.date1904, top: 0, left: 0 };
    }
    const entry = this.userSheet(sheetName);
    const all = this.grid(entry);
    const rows = all.map((r) => [...r]);
    let width = 0;
    for (const row of rows) width = Math.max(width, row.length);
    const headerRow = rows.length ? findHeaderRow(rows) : 0;
    const owned = await this.ownedSpan(entry, headerRow, width);
    if (owned && owned.first + owned.count >= width) {
      width = owned.first;
      while (width > 0 && rows.every((r) => isEmpty(r[width - 1]))) width--;
    }
    for (const row of rows) {
      row.length = Math.min(row.length, width);
      while (row.length < width) row.push(null);
    }
    // Rows appended in this session to a sheet of the file follow its own.
    for (const r of this.appends.get(entry.name) ?? []) rows.push(r.map((c) => cellIn(c, this.date1904)));
    onProgress?.("read", rows.length, rows.length);
    return { sheetName: entry.name, rows, date1904: this.date1904, top: 0, left: 0 };
  }

  private async ownedSpan(
    entry: SheetEntry,
    headerRow: number,
    dataEnd: number,
    rows: unknown[][] = this.grid(entry),
  ): Promise<Span | null> {
    const header = rows[headerRow] ?? [];
    const saved = await this.loadSetting(ownedSettingKey(entry.name));
    if (saved) {
      try {
        const rec = JSON.parse(saved) as OwnedColumns;
        if (
          rec.sheetName === entry.name &&
          rec.headerRow === headerRow &&
          rec.headers.length > 0 &&
          rec.headers.every((h, j) => textOf(header[rec.firstColumn + j]) === h)
        )
          return { first: rec.firstColumn, count: rec.headers.length, rows: rec.rows };
      } catch {
        // A record that does not parse is ignored: the headers below still find the columns.
      }
    }
    const owned = (c: number) => OWNED_PREFIXES.some((p) => textOf(header[c]).startsWith(p));
    const last = Math.max(header.length, dataEnd);
    for (let c = 0; c < last; c++) {
      if (!owned(c)) continue;
      let end = c;
      while (owned(end)) end++;
      if (end >= dataEnd) return { first: c, count: end - c, rows: Math.max(0, rows.length - headerRow - 1) };
      c = end;
    }
    return null;
  }

  async writeColumns(request: WriteColumnsRequest, onProgress?: Progress): Promise<OwnedColumns> {
    // A table this session wrote (the Potential sheet graded on the nine-grid) has no part in the file.
    const added = this.entry(request.sheetName) ? undefined : this.newSheets.get(request.sheetName);
    if (added) return this.columnsOnAdded(added, request, onProgress);
    const entry = this.userSheet(request.sheetName);
    const k = request.headers.length;
    // The cells the check below needs: the header row, and the columns from the data's end on. A sheet
    // of a million customers is then not held a second time (the grading holds it already).
    const grid =
      this.grids.get(entry.name) ??
      readSheetCells(
        this.pkg,
        entry,
        undefined,
        (r, c) => r === request.headerRow + 1 || c >= request.dataEnd,
      ).rows;
    let n = 0;
    for (const col of request.columns) n = Math.max(n, col.length);
    const hr = request.headerRow + 1;
    const prev = await this.ownedSpan(entry, request.headerRow, request.dataEnd, grid);
    const first = prev ? prev.first : request.dataEnd;
    const inPrev = (r: number, c: number) =>
      prev !== null && c >= prev.first && c < prev.first + prev.count && r >= hr && r <= hr + prev.rows;
    for (let c = first; c < first + k; c++) {
      for (let r = hr; r <= hr + n; r++) {
        if (inPrev(r, c)) continue;
        const v = grid[r - 1]?.[c];
        if (!isEmpty(v)) throw new CellInTheWayError(entry.name, `${columnLetter(c)}${r}`, textOf(v));
      }
    }
    const owned: OwnedColumns = {
      sheetName: entry.name,
      headerRow: request.headerRow,
      firstColumn: first,
      headers: [...request.headers],
      rows: n,
    };
    await this.saveSetting(ownedSettingKey(entry.name), JSON.stringify(owned));
    this.columnEdits.set(entry.name, { request, prev, first, rows: n });
    onProgress?.("write", n, n);
    return owned;
  }

  /** The output columns a sheet added in this session holds from the last run, as saved. */
  private async addedSpan(sheet: NewSheet, headerRow: number): Promise<OwnedColumns | null> {
    const saved = await this.loadSetting(ownedSettingKey(sheet.name));
    try {
      const rec = saved ? (JSON.parse(saved) as OwnedColumns) : null;
      const header = sheet.rows[headerRow] ?? [];
      return rec &&
        rec.sheetName === sheet.name &&
        rec.headerRow === headerRow &&
        rec.headers.every((h, j) => textOf(header[rec.firstColumn + j]) === h)
        ? rec
        : null;
    } catch {
      return null;
    }
  }

  /**
   * Output columns beside a table this session wrote itself: it is not in the file yet, so the columns
   * go into its rows (headers bold, each tier cell filled in its colour rather than by a conditional
   * format), and a re-run replaces them in place. Anything else in the way stops the run, as on a
   * sheet of the file.
   */
  private async columnsOnAdded(
    sheet: NewSheet,
    request: WriteColumnsRequest,
    onProgress?: Progress,
  ): Promise<OwnedColumns> {
    const rows = sheet.rows;
    const hr = request.headerRow;
    const k = request.headers.length;
    let n = 0;
    for (const col of request.columns) n = Math.max(n, col.length);
    const prev = await this.addedSpan(sheet, hr);
    const first = prev ? prev.firstColumn : request.dataEnd;
    const inPrev = (r: number, c: number) =>
      prev !== null &&
      c >= prev.firstColumn &&
      c < prev.firstColumn + prev.headers.length &&
      r >= hr &&
      r <= hr + prev.rows;
    for (let c = first; c < first + k; c++)
      for (let r = hr; r <= hr + n; r++) {
        const v = rows[r]?.[c];
        if (!inPrev(r, c) && !isEmpty(v))
          throw new CellInTheWayError(sheet.name, `${columnLetter(c)}${r + 1}`, textOf(v));
      }
    const formulas = (sheet.formulas ?? []).map((f) => (f ? [...f] : f));
    const arrays = [...(sheet.formulaArrays ?? [])];
    if (prev)
      for (let r = hr; r <= hr + prev.rows; r++)
        for (let c = prev.firstColumn; c < prev.firstColumn + prev.headers.length; c++) {
          if (rows[r] && c < rows[r].length) rows[r][c] = null;
          if (formulas[r]?.[c] !== undefined) formulas[r]![c] = undefined;
          sheet.cellStyles.delete(`${r},${c}`);
        }
    const put = (r: number, c: number, v: CellOut) => {
      while (rows.length <= r) rows.push([]);
      while (rows[r].length < c) rows[r].push(null);
      rows[r][c] = v;
    };
    for (let j = 0; j < k; j++) {
      const c = first + j;
      put(hr, c, request.headers[j]);
      sheet.cellStyles.set(`${hr},${c}`, { bold: true });
      while (sheet.formats.length <= c) sheet.formats.push(undefined);
      sheet.formats[c] = request.formats?.[j];
      while (sheet.widths.length <= c) sheet.widths.push(8);
      sheet.widths[c] =
        request.widths?.[j] ??
        Math.min(
          60,
          Math.max(
            8,
            textWidth(request.headers[j]) + 2,
            ...request.columns[j].slice(0, 200).map((v) => textWidth(v ?? null) + 2),
          ),
        );
      const colour = j === request.tierColumn ? request.tierColours : undefined;
      for (let i = 0; i < request.columns[j].length; i++) {
        const v = request.columns[j][i] ?? null;
        put(hr + 1 + i, c, v);
        const fill = colour && v !== null ? colour[String(v)] : undefined;
        if (fill) sheet.cellStyles.set(`${hr + 1 + i},${c}`, { fill: argb(fill), font: textColour(fill) });
        const f = request.formulas?.[j]?.[i];
        if (f !== undefined) {
          while (formulas.length <= hr + 1 + i) formulas.push(undefined);
          const row = [...(formulas[hr + 1 + i] ?? [])];
          row[c] = f;
          formulas[hr + 1 + i] = row;
        }
      }
      arrays[c] = request.formulaArrays?.[j] === true;
    }
    if (formulas.some((f) => f?.length)) {
      sheet.formulas = formulas;
      sheet.formulaArrays = arrays;
    }
    const owned: OwnedColumns = {
      sheetName: sheet.name,
      headerRow: hr,
      firstColumn: first,
      headers: [...request.headers],
      rows: n,
    };
    await this.saveSetting(ownedSettingKey(sheet.name), JSON.stringify(owned));
    onProgress?.("write", n, n);
    return owned;
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
    const old = this.entry(request.name);
    if (old && !ours.includes(old.name) && !this.newSheets.has(old.name)) {
      const grid = this.grid(old);
      for (let r = 0; r < grid.length; r++)
        for (let c = 0; c < grid[r].length; c++)
          if (!isEmpty(grid[r][c]))
            throw new CellInTheWayError(old.name, `${columnLetter(c)}${r + 1}`, textOf(grid[r][c]));
    }
    // Kept as given (a results sheet can hold a million rows): only the summary's rows are added to,
    // by addParetoChart, and those are writeGrade's own.
    const rows = request.rows as CellOut[][];
    const width = rows.reduce((w, r) => Math.max(w, r.length), 0);
    const widths: number[] = [];
    for (let j = 0; j < width; j++)
      widths.push(
        request.widths?.[j] ??
          Math.min(40, Math.max(8, ...rows.slice(0, 200).map((r) => textWidth(r[j] ?? null) + 2))),
      );
    this.newSheets.set(request.name, {
      name: request.name,
      rows,
      formats: request.formats ?? [],
      widths,
      asTable: request.asTable === true,
      // Every sheet we write prints landscape, one page wide.
      landscape: true,
      frozen: request.asTable === true,
      state: request.hidden ? "hidden" : "visible",
      boldHeader: false,
      cellStyles: new Map([
        ...cellFormatStyles(request.cellFormats),
        ...(request.looks ?? []).map((l): [string, StyleWant] => [
          `${l.row},${l.column}`,
          {
            ...((l.format ?? request.formats?.[l.column]) && typeof rows[l.row]?.[l.column] === "number"
              ? { numFmt: l.format ?? request.formats?.[l.column] }
              : {}),
            ...(l.header ? { header: true } : {}),
            ...(l.bold ? { bold: true } : {}),
            ...(l.title ? { title: true } : {}),
            ...(l.fill ? { fill: argb(l.fill), font: textColour(l.fill) } : {}),
          },
        ]),
      ]),
      ...(request.printTitleRow !== undefined ? { printTitleRow: request.printTitleRow } : {}),
      formulas: request.formulas,
      formulaArrays: request.formulaArrays,
    });
    if (!ours.includes(request.name))
      await this.saveSetting(SETTING_SHEETS, JSON.stringify([...ours, request.name]));
    onProgress?.("write", rows.length, rows.length);
  }

  async appendRows(sheetName: string, header: CellOut[], rows: CellOut[][]): Promise<void> {
    const existing = this.entry(sheetName);
    if (existing) {
      this.appends.set(sheetName, [...(this.appends.get(sheetName) ?? []), ...rows]);
      return;
    }
    const sheet = this.newSheets.get(sheetName);
    if (sheet) {
      sheet.rows.push(...rows);
      return;
    }
    this.newSheets.set(sheetName, {
      name: sheetName,
      rows: [header, ...rows],
      formats: header.map((_, j) =>
        rows.some((r) => r[j] !== null && typeof r[j] === "object") ? "yyyy-mm-dd" : undefined,
      ),
      widths: header.map((h) => Math.max(10, textWidth(h) + 2)),
      asTable: false,
      landscape: false,
      frozen: true,
      state: "visible",
      boldHeader: true,
      cellStyles: new Map(),
    });
  }

  async addLineChart(request: LineChartRequest): Promise<void> {
    const sheet = this.newSheets.get(request.sheetName);
    if (!sheet)
      throw new TierError("workbook.noSuchSheet", {
        sheet: request.sheetName,
        sheets: [...this.newSheets.keys()],
      });
    const { headerRow, points, categoryColumn, seriesColumns } = request;
    if (points < 1 || seriesColumns.length === 0) return;
    const cell = (r: number, c: number) => sheet.rows[r]?.[c] ?? null;
    // 1-based rows in references: the header is row headerRow + 1, the points below it.
    const range = (c: number) =>
      `${quoteSheet(sheet.name)}!$${columnLetter(c)}$${headerRow + 2}:$${columnLetter(c)}$${headerRow + 1 + points}`;
    const at = (k: number) => headerRow + 1 + k;
    const from: AnchorCorner = { col: request.anchorColumn, row: request.anchorRow, colOff: 0, rowOff: 0 };
    const spec = {
      title: request.title,
      categories: {
        ref: range(categoryColumn),
        values: Array.from({ length: points }, (_, k) => textOf(cell(at(k), categoryColumn))),
      },
      series: seriesColumns.map((c) => ({
        name: textOf(cell(headerRow, c)),
        nameRef: `${quoteSheet(sheet.name)}!$${columnLetter(c)}$${headerRow + 1}`,
        ref: range(c),
        values: Array.from({ length: points }, (_, k) => {
          const v = cell(at(k), c);
          return typeof v === "number" ? v : 0;
        }),
      })),
      valueFormat: request.valueFormat ?? "General",
    };
    sheet.lineCharts ??= new Map();
    sheet.lineCharts.set(request.name, {
      title: request.title,
      xml: lineChartXml(spec),
      from,
      to: corner(sheet.widths, from, 560, 340),
    });
  }

  async addParetoChart(request: ParetoChartRequest): Promise<void> {
    const sheet = this.newSheets.get(request.sheetName);
    if (!sheet)
      throw new TierError("workbook.noSuchSheet", {
        sheet: request.sheetName,
        sheets: [...this.newSheets.keys()],
      });
    const { dataTop, dataLeft, points } = request;
    const top = dataTop + 1;
    const rows = sheet.rows;
    const cell = (r: number, c: number) => rows[r - 1]?.[c] ?? null;
    const range = (c: number) =>
      `${quoteSheet(sheet.name)}!$${columnLetter(c)}$${top + 1}:$${columnLetter(c)}$${top + points}`;
    const nameRef = (c: number) => `${quoteSheet(sheet.name)}!$${columnLetter(c)}$${top}`;
    const labels: string[] = [];
    const sales: number[] = [];
    const share: number[] = [];
    for (let i = 1; i <= points; i++) {
      labels.push(textOf(cell(top + i, dataLeft)));
      const s = cell(top + i, dataLeft + 1);
      const f = cell(top + i, dataLeft + 2);
      sales.push(typeof s === "number" ? s : 0);
      share.push(typeof f === "number" ? f : 0);
    }
    const put = (r: number, c: number, v: CellOut) => {
      while (rows.length < r) rows.push([]);
      const row = rows[r - 1];
      while (row.length <= c) row.push(null);
      row[c] = v;
    };
    const marks = request.marks.map((m, k) => {
      const c = dataLeft + 3 + k;
      const name = `${Math.round(m * 1000) / 10}%`;
      put(top, c, name);
      sheet.cellStyles.set(`${top - 1},${c}`, { align: "right" });
      for (let i = 1; i <= points; i++) put(top + i, c, m);
      sheet.formats[c] = "0%";
      sheet.widths[c] = 8;
      return { name, nameRef: nameRef(c), ref: range(c), values: labels.map(() => m) };
    });
    const from: AnchorCorner = { col: request.anchorColumn, row: request.anchorRow, colOff: 0, rowOff: 0 };
    sheet.chart = {
      sheetName: sheet.name,
      title: request.title,
      categories: { ref: range(dataLeft), values: labels },
      sales: {
        name: textOf(cell(top, dataLeft + 1)),
        nameRef: nameRef(dataLeft + 1),
        ref: range(dataLeft + 1),
        values: sales,
      },
      cumulative: {
        name: textOf(cell(top, dataLeft + 2)),
        nameRef: nameRef(dataLeft + 2),
        ref: range(dataLeft + 2),
        values: share,
      },
      marks,
      from,
      to: corner(sheet.widths, from, 640, 360),
    };
  }

  async addChart(request: ChartRequest): Promise<void> {
    const sheet = this.newSheets.get(request.sheetName);
    const data = this.newSheets.get(request.dataSheet);
    if (!sheet || !data)
      throw new TierError("workbook.noSuchSheet", {
        sheet: sheet ? request.dataSheet : request.sheetName,
        sheets: [...this.newSheets.keys()],
      });
    const from: AnchorCorner = { col: request.anchorColumn, row: request.anchorRow, colOff: 0, rowOff: 0 };
    const spec = fileChartOf(
      request,
      (r, c) => data.rows[r]?.[c] ?? null,
      from,
      corner(sheet.widths, from, request.widthPx, request.heightPx),
    );
    sheet.charts ??= new Map();
    sheet.charts.set(request.name, spec);
  }

  private loadSettings(): Map<string, string> {
    if (this.settings) return this.settings;
    this.settings = new Map();
    const entry = this.entry(SETTINGS_SHEET);
    if (entry) {
      const rows = this.grid(entry);
      for (let r = 1; r < rows.length; r++) {
        const key = textOf(rows[r][0]);
        if (key) this.settings.set(key, rows[r].slice(1).map(textOf).join(""));
      }
    }
    return this.settings;
  }

  async saveSetting(key: string, value: string): Promise<void> {
    this.loadSettings().set(key, value);
  }

  async loadSetting(key: string): Promise<string | null> {
    return this.loadSettings().get(key) ?? null;
  }

  async selectCell(): Promise<void> {
    // The graded copy opens where the user left it: the selection is the user's, not Tier's.
  }

  /** The graded copy: the user's package with our parts (see the file comment). */
  async toXlsx(): Promise<Uint8Array> {
    return writePackage(this);
  }

  /** @internal for writePackage */
  get state() {
    return {
      columnEdits: this.columnEdits,
      appends: this.appends,
      newSheets: this.newSheets,
      settings: this.loadSettings(),
      grid: (e: SheetEntry) => this.grid(e),
    };
  }
}

function corner(widths: readonly number[], from: AnchorCorner, width: number, height: number): AnchorCorner {
  let col = from.col;
  let left = width;
  for (;;) {
    const px = Math.trunc((widths[col] ?? 8.43) * 7 + 5);
    if (left <= px) break;
    left -= px;
    col++;
  }
  const rowPx = 20;
  const row = from.row + Math.floor(height / rowPx);
  return { col, row, colOff: left * 9525, rowOff: (height % rowPx) * 9525 };
}

// Children of <workbook> that come after <definedNames> (ECMA-376 CT_Workbook order).
const AFTER_DEFINED_NAMES = [
  "calcPr",
  "oleSize",
  "customWorkbookViews",
  "pivotCaches",
  "smartTagPr",
  "smartTagTypes",
  "webPublishing",
  "fileRecoveryPr",
  "webPublishObjects",
  "extLst",
];

/**
 * The header row printed on every page of our sheets: a `_xlnm.Print_Titles` name per sheet, scoped
 * by its 0-based position in <sheets> (existing sheets first, new ones appended in plan order); a
 * previous run's name for that sheet is replaced, every other defined name kept.
 */
function withPrintTitles(
  xml: string,
  planned: readonly { entry: SheetEntry; sheet: NewSheet; isNew: boolean }[],
  existing: readonly SheetEntry[],
): string {
  let added = 0;
  const names: string[] = [];
  for (const { entry, sheet, isNew } of planned) {
    const index = isNew ? existing.length + added++ : existing.findIndex((s) => s.name === entry.name);
    const row = sheet.printTitleRow;
    // An old Print_Titles of this sheet goes, whether or not this run sets one.
    xml = xml.replace(
      new RegExp(
        `<(?:\\w+:)?definedName\\b[^>]*name="_xlnm\\.Print_Titles"[^>]*localSheetId="${index}"[^>]*>[^<]*</(?:\\w+:)?definedName>`,
      ),
      "",
    );
    xml = xml.replace(
      new RegExp(
        `<(?:\\w+:)?definedName\\b[^>]*localSheetId="${index}"[^>]*name="_xlnm\\.Print_Titles"[^>]*>[^<]*</(?:\\w+:)?definedName>`,
      ),
      "",
    );
    if (row === undefined || index < 0) continue;
    names.push(
      `<definedName name="_xlnm.Print_Titles" localSheetId="${index}">${xmlText(quoteSheet(sheet.name))}!$${row + 1}:$${row + 1}</definedName>`,
    );
  }
  if (!names.length) return xml;
  if (/<(?:\w+:)?definedNames\b[^>]*\/>/.test(xml))
    return xml.replace(/<((?:\w+:)?definedNames)\b([^>]*)\/>/, `<$1$2>${names.join("")}</$1>`);
  if (/<\/(?:\w+:)?definedNames>/.test(xml)) return insertBeforeClose(xml, "definedNames", names.join(""));
  let at = -1;
  for (const tag of AFTER_DEFINED_NAMES) {
    const m = new RegExp(`<(?:\\w+:)?${tag}[\\s/>]`).exec(xml);
    if (m && (at < 0 || m.index < at)) at = m.index;
  }
  if (at < 0) at = xml.lastIndexOf("</");
  return xml.slice(0, at) + `<definedNames>${names.join("")}</definedNames>` + xml.slice(at);
}

/** Excel's date serial of a day counted from 1970-01-01, in the workbook's system. */
function serialOf(day: number, date1904: boolean): number {
  return day + (date1904 ? 24107 : 25569);
}

class StyleBook {
  readonly wants: StyleWant[] = [];
  private readonly keys = new Map<string, number>();
  readonly dxfs: DxfWant[] = [];
  resolved: number[] = [];
  dxfIds: number[] = [];

  /** A placeholder index into `wants`, resolved to a cellXfs index after the styles part is patched. */
  want(w: StyleWant): number {
    const key = JSON.stringify(w);
    let i = this.keys.get(key);
    if (i === undefined) {
      i = this.wants.length;
      this.wants.push(w);
      this.keys.set(key, i);
    }
    return i;
  }
  dxf(d: DxfWant): number {
    this.dxfs.push(d);
    return this.dxfs.length - 1;
  }
  xf(i: number | undefined): number {
    return i === undefined ? 0 : (this.resolved[i] ?? 0);
  }
}

function cellValue(v: CellOut, date1904: boolean): string | number | boolean | null {
  if (v === null || v === undefined) return null;
  if (typeof v === "object") return serialOf(v.date, date1904);
  return v;
}

function rowsXml(
  rows: readonly CellOut[][],
  firstRow: number,
  styleAt: (r: number, c: number, v: CellOut) => number,
  date1904: boolean,
  from = 0,
  to = rows.length,
  formulas?: NewSheet["formulas"],
  arrays?: readonly boolean[],
): string[] {
  const out: string[] = [];
  for (let i = from; i < to; i++) {
    const r = firstRow + i;
    let cells = "";
    const width = Math.max(rows[i].length, formulas?.[i]?.length ?? 0);
    for (let c = 0; c < width; c++) {
      const f = formulas?.[i]?.[c];
      if (f !== undefined) {
        cells += formulaXml(`${columnLetter(c)}${r}`, f, styleAt(i, c, null), arrays?.[c] === true);
        continue;
      }
      const v = cellValue(rows[i][c] ?? null, date1904);
      if (v === null) continue;
      cells += cellXml(`${columnLetter(c)}${r}`, v, styleAt(i, c, rows[i][c]));
    }
    if (cells) out.push(`<row r="${r}">${cells}</row>`);
  }
  return out;
}

/** A part's text, given whole or pushed in slices. */
type Producer = (push: (text: string) => void) => void;
type Part = string | Uint8Array | Producer;

interface Planned {
  entry: SheetEntry;
  sheet: NewSheet;
  isNew: boolean;
}

/** Writes the graded copy of a PackageHost's package. */
function writePackage(host: PackageHost): Uint8Array {
  const pkg = host.pkg;
  const { columnEdits, appends, newSheets, settings, grid } = host.state;
  const date1904 = pkg.date1904;
  const entries = new Set(pkg.entries);
  const used = new Set(pkg.entries);
  const freeName = (prefix: string, ext: string) => {
    for (let i = 1; ; i++) {
      const name = `${prefix}${i}${ext}`;
      if (!used.has(name)) {
        used.add(name);
        return name;
      }
    }
  };

  // The settings sheet is one of ours, very hidden.
  const settingRows: CellOut[][] = [
    ["key", "value (Tier's settings; split over the next cells past 32,000 characters)"],
  ];
  for (const [key, value] of settings) {
    const row: CellOut[] = [key];
    for (let i = 0; i === 0 || i < value.length; i += CHUNK) row.push(value.slice(i, i + CHUNK));
    settingRows.push(row);
  }
  const all = new Map(newSheets);
  if (settings.size)
    all.set(SETTINGS_SHEET, {
      name: SETTINGS_SHEET,
      rows: settingRows,
      formats: [],
      widths: [20, 60],
      asTable: false,
      landscape: false,
      frozen: false,
      state: "veryHidden",
      boldHeader: false,
      cellStyles: new Map(),
    });

  // Small parts we patch.
  const wbRels = relsPartOf(pkg.workbookPart);
  const existingTables = pkg.entries.filter((e) => /^xl\/tables\/[^/]+\.xml$/.test(e));
  const small = readEntries(
    pkg.bytes,
    [pkg.workbookPart, wbRels, "[Content_Types].xml", ...existingTables],
    pkg.fileName,
  );
  const dec = new TextDecoder();
  const str = (name: string) => dec.decode(small.get(name) ?? new Uint8Array());
  let workbookXml = str(pkg.workbookPart);
  let workbookRels = str(wbRels);
  let types = str("[Content_Types].xml");
  const stylesPart = [...parseRels(workbookRels, pkg.workbookPart).values()].find((r) =>
    r.type.endsWith("/styles"),
  )?.target;
  const tableNames = new Set<string>();
  let maxTableId = 0;
  for (const t of existingTables) {
    const xml = str(t);
    const name = /\bdisplayName="([^"]*)"/.exec(xml)?.[1];
    if (name) tableNames.add(name.toLowerCase());
    maxTableId = Math.max(maxTableId, Number(/\bid="(\d+)"/.exec(xml)?.[1] ?? 0));
  }

  // Which parts are replaced whole, dropped, or added.
  const replaced = new Map<string, Part>();
  const dropped = new Set<string>();
  const added: [string, Part][] = [];
  const ridsInUse = new Set([...parseRels(workbookRels, pkg.workbookPart).keys()]);
  const freeRid = () => {
    for (let i = 1; ; i++)
      if (!ridsInUse.has(`rId${i}`)) {
        ridsInUse.add(`rId${i}`);
        return `rId${i}`;
      }
  };
  let maxSheetId = pkg.sheets.reduce((m, s) => Math.max(m, s.sheetId || 0), 0);
  const planned: Planned[] = [];
  for (const sheet of all.values()) {
    const old = pkg.sheets.find((s) => s.name === sheet.name);
    if (old) {
      // One of ours from an earlier run: its part is rewritten, its drawing, charts and tables dropped.
      const rels = relsPartOf(old.part);
      if (entries.has(rels)) {
        const relsText = dec.decode(readEntries(pkg.bytes, [rels], pkg.fileName).get(rels));
        for (const rel of parseRels(relsText, old.part).values()) {
          if (rel.external) continue;
          dropped.add(rel.target);
          const sub = relsPartOf(rel.target);
          if (entries.has(sub)) {
            dropped.add(sub);
            const subText = dec.decode(readEntries(pkg.bytes, [sub], pkg.fileName).get(sub));
            for (const r2 of parseRels(subText, rel.target).values())
              if (!r2.external) dropped.add(r2.target);
          }
        }
        dropped.add(rels);
      }
      planned.push({ entry: old, sheet, isNew: false });
    } else {
      const part = freeName("xl/worksheets/sheet", ".xml");
      const rId = freeRid();
      maxSheetId++;
      planned.push({
        entry: { name: sheet.name, state: sheet.state, part, rId, sheetId: maxSheetId },
        sheet,
        isNew: true,
      });
    }
  }

  // Styles: what the new cells need.
  const book = new StyleBook();
  const headerStyle = book.want({ header: true });
  const boldStyle = book.want({ bold: true });
  const fmtStyle = (fmt: string | undefined) => (fmt ? book.want({ numFmt: fmt }) : undefined);
  for (const { sheet } of planned) {
    for (const f of sheet.formats) fmtStyle(f);
    for (const w of sheet.cellStyles.values()) book.want(w);
  }
  book.want({ numFmt: "yyyy-mm-dd" });
  const cfDxf = new Map<string, number[]>();
  for (const [name, edit] of columnEdits) {
    for (const f of edit.request.formats ?? []) fmtStyle(f);
    if (edit.request.tierColours)
      cfDxf.set(
        name,
        Object.values(edit.request.tierColours).map((colour) =>
          book.dxf({ fill: argb(colour), font: textColour(colour) }),
        ),
      );
  }
  if (stylesPart && entries.has(stylesPart)) {
    const stylesText = dec.decode(readEntries(pkg.bytes, [stylesPart], pkg.fileName).get(stylesPart));
    const patched = patchStyles(stylesText, book.wants, book.dxfs);
    book.resolved = patched.styles;
    book.dxfIds = patched.dxfs;
    replaced.set(stylesPart, patched.xml);
  } else {
    // A package without styles (rare writers): our cells go unstyled rather than invent the part.
    book.resolved = book.wants.map(() => 0);
    book.dxfIds = book.dxfs.map(() => 0);
  }
  const dateStyle = book.xf(book.want({ numFmt: "yyyy-mm-dd" }));
  const styleOfFormat = (fmt: string | undefined, v: CellOut) =>
    fmt ? book.xf(fmtStyle(fmt)) : v !== null && typeof v === "object" ? dateStyle : 0;

  // The new sheets' parts.
  for (const { entry, sheet, isNew } of planned) {
    const width = sheet.rows.reduce((w, r, i) => Math.max(w, r.length, sheet.formulas?.[i]?.length ?? 0), 0);
    const height = sheet.rows.length;
    const sheetRels: { id: string; type: string; target: string }[] = [];
    let tablePart = "";
    if (sheet.asTable && height >= 1 && width > 0) {
      const names = uniqueHeaders(sheet.rows[0], width);
      sheet.rows[0] = names;
      let tname = "TierResults";
      for (let i = 2; tableNames.has(tname.toLowerCase()); i++) tname = `TierResults${i}`;
      tableNames.add(tname.toLowerCase());
      const ref = `A1:${columnLetter(width - 1)}${Math.max(height, 2)}`;
      const table = freeName("xl/tables/table", ".xml");
      added.push([
        table,
        XML_HEAD +
          `<table xmlns="${NS_MAIN}" id="${++maxTableId}" name="${tname}" displayName="${tname}" ref="${ref}" totalsRowShown="0">` +
          `<autoFilter ref="${ref}"/><tableColumns count="${width}">` +
          names.map((n, j) => `<tableColumn id="${j + 1}" name="${xmlText(n)}"/>`).join("") +
          `</tableColumns><tableStyleInfo name="TableStyleMedium2" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>`,
      ]);
      types = insertBeforeClose(types, "Types", `<Override PartName="/${table}" ContentType="${CT_TABLE}"/>`);
      tablePart = `rId${sheetRels.length + 1}`;
      sheetRels.push({
        id: tablePart,
        type: `${REL}/table`,
        target: `../tables/${table.slice(table.lastIndexOf("/") + 1)}`,
      });
    }
    let drawingRid = "";
    // The sheet's charts in one drawing: the Pareto chart and the described charts, then the line charts.
    const specs: AnyChartSpec[] = [...(sheet.chart ? [sheet.chart] : []), ...(sheet.charts?.values() ?? [])];
    const charts = [
      ...specs.map((spec) => ({ xml: anyChartXml(spec), from: spec.from, to: spec.to, title: spec.title })),
      ...(sheet.lineCharts?.values() ?? []),
    ];
    if (charts.length) {
      const drawing = freeName("xl/drawings/drawing", ".xml");
      const parts = charts.map((c) => {
        const chart = freeName("xl/charts/chart", ".xml");
        added.push([chart, c.xml]);
        types = insertBeforeClose(
          types,
          "Types",
          `<Override PartName="/${chart}" ContentType="${CT_CHART}"/>`,
        );
        return chart;
      });
      added.push([drawing, drawingXml(charts.map((c) => ({ from: c.from, to: c.to, name: c.title })))]);
      added.push([
        relsPartOf(drawing),
        relsXml(
          parts.map((chart, k) => ({
            id: `rId${k + 1}`,
            type: `${REL}/chart`,
            target: `../charts/${chart.slice(chart.lastIndexOf("/") + 1)}`,
          })),
        ),
      ]);
      types = insertBeforeClose(
        types,
        "Types",
        `<Override PartName="/${drawing}" ContentType="${CT_DRAWING}"/>`,
      );
      drawingRid = `rId${sheetRels.length + 1}`;
      sheetRels.push({
        id: drawingRid,
        type: `${REL}/drawing`,
        target: `../drawings/${drawing.slice(drawing.lastIndexOf("/") + 1)}`,
      });
    }
    const styleAt = (i: number, c: number, v: CellOut) => {
      const own = sheet.cellStyles.get(`${i},${c}`);
      if (own) return book.xf(book.want(own));
      if (i === 0 && sheet.boldHeader) return book.xf(boldStyle);
      if (i === 0 && sheet.asTable) return 0;
      if (typeof v === "string" && !sheet.asTable) return 0;
      return styleOfFormat(sheet.formats[c], v);
    };
    const dim = width && height ? `A1:${columnLetter(width - 1)}${height}` : "A1";
    const head =
      XML_HEAD +
      `<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_R}">` +
      (sheet.landscape ? `<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>` : "") +
      `<dimension ref="${dim}"/><sheetViews><sheetView workbookViewId="0">` +
      (sheet.frozen ? `<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>` : "") +
      `</sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/>` +
      (sheet.widths.length
        ? `<cols>${sheet.widths.map((w, j) => `<col min="${j + 1}" max="${j + 1}" width="${w ?? 8.43}" customWidth="1"/>`).join("")}</cols>`
        : "") +
      `<sheetData>`;
    const tail =
      `</sheetData>` +
      `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>` +
      (sheet.landscape
        ? `<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>`
        : "") +
      (drawingRid ? `<drawing r:id="${drawingRid}"/>` : "") +
      (tablePart ? `<tableParts count="1"><tablePart r:id="${tablePart}"/></tableParts>` : "") +
      `</worksheet>`;
    // Written in slices of rows, so a results sheet of a million customers is never one string.
    const xml: Producer = (push) => {
      push(head);
      for (let i = 0; i < height; i += 2000)
        push(
          rowsXml(
            sheet.rows,
            1,
            styleAt,
            date1904,
            i,
            Math.min(i + 2000, height),
            sheet.formulas,
            sheet.formulaArrays,
          ).join(""),
        );
      push(tail);
    };
    if (isNew) {
      added.push([entry.part, xml]);
      types = insertBeforeClose(
        types,
        "Types",
        `<Override PartName="/${entry.part}" ContentType="${CT_SHEET}"/>`,
      );
      const target = entry.part.startsWith("xl/") ? entry.part.slice(3) : `/${entry.part}`;
      workbookRels = insertBeforeClose(
        workbookRels,
        "Relationships",
        `<Relationship Id="${entry.rId}" Type="${REL}/worksheet" Target="${target}"/>`,
      );
      // The namespace is declared on the element itself: writers declare it on the root (Excel) or on
      // each <sheet> (openpyxl); readers that match "r:id" literally (exceljs) need the usual prefix.
      workbookXml = insertBeforeClose(
        workbookXml,
        "sheets",
        `<sheet xmlns:r="${NS_R}" name="${xmlText(entry.name)}" sheetId="${entry.sheetId}"${sheet.state !== "visible" ? ` state="${sheet.state}"` : ""} r:id="${entry.rId}"/>`,
      );
    } else replaced.set(entry.part, xml);
    if (sheetRels.length) {
      const relsName = relsPartOf(entry.part);
      dropped.delete(relsName);
      if (entries.has(relsName)) replaced.set(relsName, relsXml(sheetRels));
      else added.push([relsName, relsXml(sheetRels)]);
    }
  }
  for (const d of dropped) {
    const re = new RegExp(`<Override\\b[^>]*PartName="/${d.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}"[^>]*/>`);
    types = types.replace(re, "");
  }
  workbookXml = withPrintTitles(workbookXml, planned, pkg.sheets);
  const anyFormula =
    [...columnEdits.values()].some((e) => e.request.formulas?.some((col) => col?.length)) ||
    [...all.values()].some((sh) => sh.formulas?.some((row) => row?.length));
  if (anyFormula) workbookXml = fullCalcOnLoad(workbookXml);
  replaced.set(pkg.workbookPart, workbookXml);
  replaced.set(wbRels, workbookRels);
  replaced.set("[Content_Types].xml", types);

  // The touched user sheets: tier columns and appended rows.
  const edits = new Map<string, SheetEdit>();
  for (const [name, edit] of columnEdits) {
    const entry = pkg.sheets.find((s) => s.name === name)!;
    edits.set(
      entry.part,
      columnEditOf(edit, book, cfDxf.get(name) ?? [], date1904, styleOfFormat, headerStyle),
    );
  }
  for (const [name, rows] of appends) {
    const entry = pkg.sheets.find((s) => s.name === name)!;
    const start = grid(entry).length + 1;
    const lastColumn = rows.reduce((w, r) => Math.max(w, r.length), 0) - 1;
    edits.set(entry.part, {
      firstColumn: 0,
      fromRow: start,
      toRow: start + rows.length - 1,
      lastColumn,
      lastRow: start + rows.length - 1,
      cells: (r) =>
        rowsXml([rows[r - start]], r, (_i, _c, v) => styleOfFormat(undefined, v), date1904)[0]?.replace(
          /^<row r="\d+">|<\/row>$/g,
          "",
        ) ?? "",
    });
  }

  const zip = new ZipOut();
  const encoder = new TextEncoder();
  const put = (name: string, part: Part) => {
    if (typeof part !== "function") {
      zip.add(name, typeof part === "string" ? encoder.encode(part) : part);
      return;
    }
    const write = zip.entry(name);
    part((text) => write(text, false));
    write(new Uint8Array(), true);
  };
  streamEntries(pkg.bytes, pkg.fileName, (name) => {
    if (dropped.has(name)) return null;
    const whole = replaced.get(name);
    if (whole !== undefined) {
      put(name, whole);
      replaced.delete(name);
      return null;
    }
    const write = zip.entry(name);
    const edit = edits.get(name);
    if (!edit) return (chunk, final) => write(chunk, final);
    const textDecoder = new TextDecoder("utf-8");
    const patcher = new SheetPatcher(edit, (t) => write(t, false));
    return (chunk, final) => {
      patcher.write(textDecoder.decode(chunk, { stream: !final }));
      if (final) {
        patcher.end();
        write(new Uint8Array(), true);
      }
    };
  });
  for (const [name, data] of replaced) put(name, data);
  for (const [name, data] of added) put(name, data);
  return zip.finish();
}

function columnEditOf(
  edit: ColumnEdit,
  book: StyleBook,
  dxfs: readonly number[],
  date1904: boolean,
  styleOfFormat: (fmt: string | undefined, v: CellOut) => number,
  headerStyle: number,
): SheetEdit {
  const { request, prev, first, rows: n } = edit;
  const k = request.headers.length;
  const hr = request.headerRow + 1;
  const styles = request.headers.map((_, j) => request.formats?.[j]);
  const headerXf = book.xf(headerStyle);
  const widths = new Map<number, number>();
  for (let j = 0; j < k; j++) {
    const longest = Math.max(
      textWidth(request.headers[j]),
      ...request.columns[j].slice(0, 200).map((v) => textWidth(v ?? null)),
    );
    widths.set(first + j, Math.min(60, Math.max(longest + 2, 8)));
  }
  let cf = "";
  if (request.tierColumn !== undefined && request.tierColumn >= 0 && request.tierColours && n > 0) {
    const letter = columnLetter(first + request.tierColumn);
    const rules = Object.keys(request.tierColours)
      .map(
        (tier, i) =>
          `<cfRule type="cellIs" dxfId="${book.dxfIds[dxfs[i]] ?? 0}" priority="${1000 + i}" operator="equal">` +
          `<formula>${xmlText(`"${tier.replace(/"/g, '""')}"`)}</formula></cfRule>`,
      )
      .join("");
    cf = `<conditionalFormatting sqref="${letter}${hr + 1}:${letter}${hr + n}">${rules}</conditionalFormatting>`;
  }
  const lastRow = hr + n;
  return {
    firstColumn: first,
    fromRow: hr,
    toRow: lastRow,
    lastColumn: first + k - 1,
    lastRow,
    widths,
    conditionalFormatting: cf,
    cells: (r: number) => {
      let s = "";
      if (r === hr) {
        for (let j = 0; j < k; j++)
          s += cellXml(`${columnLetter(first + j)}${r}`, request.headers[j], headerXf);
        return s;
      }
      const i = r - hr - 1;
      for (let j = 0; j < k; j++) {
        const f = request.formulas?.[j]?.[i];
        if (f !== undefined) {
          const ref = `${columnLetter(first + j)}${r}`;
          s += formulaXml(ref, f, styleOfFormat(styles[j], null), request.formulaArrays?.[j] === true);
          continue;
        }
        const v = request.columns[j][i] ?? null;
        const cv = cellValue(v, date1904);
        if (cv === null) continue;
        s += cellXml(`${columnLetter(first + j)}${r}`, cv, styleOfFormat(styles[j], v));
      }
      return s;
    },
    drop: (r: number, c: number) =>
      (r >= hr && r <= lastRow && c >= first && c < first + k) ||
      (prev !== null && r >= hr && r <= hr + prev.rows && c >= prev.first && c < prev.first + prev.count),
    dropConditionalFormatting: prev ? (sqref: string) => cfInColumns(sqref, prev) : undefined,
  };
}
