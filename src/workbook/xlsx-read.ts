/**
 * One .xlsx reader for small and big workbooks, in the browser and in Node: fflate unzips, saxes
 * parses, and the sheet's XML is streamed in chunks, so a sheet at Excel's limit of 1,048,576 rows
 * never exists as one string. It knows what the grading needs of a package:
 *
 * - sheet names in tab order, their visibility (the default sheet is the first *visible* tab), the
 *   1904 date system, the active tab;
 * - shared strings and inline strings, with the `_xHHHH_` escapes of OOXML decoded (`_x000D_` is a
 *   carriage return, `_x005F_` a literal underscore) and phonetic runs (`rPh`) left out;
 * - numbers in a date format as Dates (UTC midnight plus the time of day, in the workbook's system),
 *   booleans, error values as `{ error }`, cached formula results as values;
 * - nothing else: drawings, charts, pivot tables and parts it does not know are never opened, so a
 *   chart written by openpyxl cannot stop the reading.
 */
import { SaxesParser, type SaxesTagPlain } from "saxes";
import { TierError } from "../engine/errors";
import type { Reason } from "../engine/reasons";
import { listEntries, readEntries, streamEntries } from "./xlsx-zip";

/** One sheet of the package, in tab order. */
export interface SheetEntry {
  name: string;
  state: "visible" | "hidden" | "veryHidden";
  /** The sheet's part, e.g. `xl/worksheets/sheet1.xml`. */
  part: string;
  /** The relationship id in workbook.xml. */
  rId: string;
  sheetId: number;
}

/** What the package says about itself, read once from its small parts. */
export interface XlsxPackage {
  bytes: Uint8Array;
  fileName: string;
  entries: string[];
  /** The workbook part, e.g. `xl/workbook.xml`. */
  workbookPart: string;
  sheets: SheetEntry[];
  date1904: boolean;
  activeTab: number;
  sharedStrings: string[];
  /** Per cellXfs index: the cell's number format shows a date or time. */
  dateStyles: boolean[];
}

/** A sheet's cells as read: row r of the sheet is rows[r - 1], every row as wide as the sheet. */
export interface SheetCells {
  name: string;
  rows: unknown[][];
  /** Columns (0-based) that hold formulas of which none has a cached result: Excel never saved them. */
  uncachedFormulaColumns: number[];
}

const localName = (name: string) => name.slice(name.indexOf(":") + 1);

function parse(xml: string, handlers: Partial<SaxesHandlers>): void {
  const parser = new SaxesParser({ xmlns: false });
  attach(parser, handlers);
  parser.write(xml).close();
}

interface SaxesHandlers {
  open: (tag: SaxesTagPlain) => void;
  close: (tag: SaxesTagPlain) => void;
  text: (text: string) => void;
}

function attach(parser: SaxesParser<{ xmlns: false }>, h: Partial<SaxesHandlers>): void {
  if (h.open) parser.on("opentag", h.open);
  if (h.close) parser.on("closetag", h.close);
  if (h.text) {
    parser.on("text", h.text);
    parser.on("cdata", h.text);
  }
}

/** Decodes OOXML's `_xHHHH_` escapes (ECMA-376 ST_Xstring): `_x000D_` → "\r", `_x005F_` → "_". */
export function decodeXString(s: string): string {
  if (!s.includes("_x")) return s;
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

/** A relationship target resolved against the folder of the part that owns it. */
export function resolveTarget(fromPart: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = fromPart.split("/");
  parts.pop();
  for (const seg of target.split("/")) {
    if (seg === "..") parts.pop();
    else if (seg !== "." && seg !== "") parts.push(seg);
  }
  return parts.join("/");
}

/** The rels part of a part: `xl/workbook.xml` → `xl/_rels/workbook.xml.rels`. */
export function relsPartOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** Relationships of a rels part: id → { type, target } (targets resolved). */
export function parseRels(
  xml: string,
  ownerPart: string,
): Map<string, { type: string; target: string; external: boolean }> {
  const out = new Map<string, { type: string; target: string; external: boolean }>();
  parse(xml, {
    open: (tag) => {
      if (localName(tag.name) !== "Relationship") return;
      const a = tag.attributes;
      const external = a.TargetMode === "External";
      out.set(a.Id, {
        type: a.Type ?? "",
        target: external ? a.Target : resolveTarget(ownerPart, a.Target ?? ""),
        external,
      });
    },
  });
  return out;
}

const BUILTIN_DATE_FORMATS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54,
  55, 56, 57, 58,
]);

/** True when a number format code shows a date or a time (`yyyy-mm-dd`, `yyyy"年"m"月"`, `h:mm`). */
export function isDateFormat(code: string): boolean {
  const bare = code
    .split(";")[0]
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/\[(?:h+|m+|s+)\]/gi, "h")
    .replace(/\[[^\]]*\]/g, "")
    .replace(/_.|\*./g, "");
  if (/general/i.test(bare)) return false;
  return /[ymdhs]/i.test(bare) && !/^[#0.,%E+\-\s]*$/.test(bare);
}

function parseStyles(xml: string): boolean[] {
  const custom = new Map<number, string>();
  const dates: boolean[] = [];
  let inCellXfs = false;
  parse(xml, {
    open: (tag) => {
      const name = localName(tag.name);
      if (name === "numFmt") custom.set(Number(tag.attributes.numFmtId), tag.attributes.formatCode ?? "");
      else if (name === "cellXfs") inCellXfs = true;
      else if (name === "xf" && inCellXfs) {
        const id = Number(tag.attributes.numFmtId ?? 0);
        const code = custom.get(id);
        dates.push(code !== undefined ? isDateFormat(code) : BUILTIN_DATE_FORMATS.has(id));
      }
    },
    close: (tag) => {
      if (localName(tag.name) === "cellXfs") inCellXfs = false;
    },
  });
  return dates;
}

function parseSharedStrings(xml: string): string[] {
  const out: string[] = [];
  let current = "";
  let inT = false;
  let phonetic = 0;
  parse(xml, {
    open: (tag) => {
      const name = localName(tag.name);
      if (name === "si") current = "";
      else if (name === "t") inT = phonetic === 0;
      else if (name === "rPh") phonetic++;
    },
    close: (tag) => {
      const name = localName(tag.name);
      if (name === "si") out.push(decodeXString(current));
      else if (name === "t") inT = false;
      else if (name === "rPh") phonetic--;
    },
    text: (t) => {
      if (inT) current += t;
    },
  });
  return out;
}

const decoder = new TextDecoder("utf-8");
const text = (b: Uint8Array | undefined) => (b ? decoder.decode(b) : "");

const REL_OFFICE_DOCUMENT = "/officeDocument";
const REL_SHARED_STRINGS = "/sharedStrings";
const REL_STYLES = "/styles";

/**
 * Opens a package: the small parts only (workbook, relationships, shared strings, styles).
 *
 * @example const pkg = openXlsx(bytes, "members.xlsx"); pkg.sheets.map((s) => s.name) // ["会员", "说明"]
 */
export function openXlsx(bytes: Uint8Array, fileName: string): XlsxPackage {
  const entries = listEntries(bytes, fileName);
  const file = fileName.slice(Math.max(fileName.lastIndexOf("/"), fileName.lastIndexOf("\\")) + 1);
  const root = readEntries(bytes, ["_rels/.rels"], fileName);
  let workbookPart = "xl/workbook.xml";
  if (root.has("_rels/.rels")) {
    for (const rel of parseRels(text(root.get("_rels/.rels")), "").values())
      if (rel.type.endsWith(REL_OFFICE_DOCUMENT)) workbookPart = rel.target;
  }
  if (!entries.includes(workbookPart)) throw new TierError("workbook.notAWorkbook", { file });
  const wbRelsPart = relsPartOf(workbookPart);
  const first = readEntries(bytes, [workbookPart, wbRelsPart], fileName);
  const rels = parseRels(text(first.get(wbRelsPart)), workbookPart);
  let sharedPart: string | undefined;
  let stylesPart: string | undefined;
  for (const rel of rels.values()) {
    if (rel.type.endsWith(REL_SHARED_STRINGS)) sharedPart = rel.target;
    else if (rel.type.endsWith(REL_STYLES)) stylesPart = rel.target;
  }
  const sheets: SheetEntry[] = [];
  let date1904 = false;
  let activeTab = 0;
  parse(text(first.get(workbookPart)), {
    open: (tag) => {
      const name = localName(tag.name);
      const a = tag.attributes;
      if (name === "workbookPr") date1904 = a.date1904 === "1" || a.date1904 === "true";
      else if (name === "workbookView" && a.activeTab !== undefined) activeTab = Number(a.activeTab) || 0;
      else if (name === "sheet") {
        const rId = Object.entries(a).find(([k]) => localName(k) === "id")?.[1] ?? "";
        const rel = rels.get(rId);
        // Chart sheets and dialog sheets are not grids: they are listed nowhere.
        if (!rel || !/\/worksheet$/.test(rel.type)) return;
        sheets.push({
          name: decodeXString(a.name ?? ""),
          state: a.state === "hidden" ? "hidden" : a.state === "veryHidden" ? "veryHidden" : "visible",
          part: rel.target,
          rId,
          sheetId: Number(a.sheetId),
        });
      }
    },
  });
  const small = readEntries(
    bytes,
    [sharedPart, stylesPart].filter((p): p is string => !!p),
    fileName,
  );
  return {
    bytes,
    fileName,
    entries,
    workbookPart,
    sheets,
    date1904,
    activeTab,
    sharedStrings: sharedPart ? parseSharedStrings(text(small.get(sharedPart))) : [],
    dateStyles: stylesPart ? parseStyles(text(small.get(stylesPart))) : [],
  };
}

/** 0-based column of a cell reference's letters ("AB12" → 27). */
export function columnOfRef(ref: string): number {
  let n = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return n - 1;
}

/** 1-based row of a cell reference ("AB12" → 12). */
export function rowOfRef(ref: string): number {
  let i = 0;
  while (i < ref.length && ref.charCodeAt(i) >= 65) i++;
  return Number(ref.slice(i));
}

const MS_PER_DAY = 86_400_000;
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);

/** A date serial as a Date (UTC), in the 1900 or the 1904 system, to the millisecond. */
export function serialToDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((date1904 ? EPOCH_1904 : EPOCH_1900) + serial * MS_PER_DAY));
}

/**
 * The tabs a reader can pick from, and the default: the first visible one. `skippedHidden` names the
 * hidden tabs before it, so the caller can say that they were passed over.
 */
export function defaultSheet(pkg: XlsxPackage): { sheet: SheetEntry | undefined; skippedHidden: string[] } {
  const skippedHidden: string[] = [];
  for (const s of pkg.sheets) {
    if (s.state === "visible") return { sheet: s, skippedHidden };
    if (s.state === "hidden") skippedHidden.push(s.name);
  }
  return { sheet: undefined, skippedHidden };
}

/**
 * Reads one sheet's cells, streaming its XML: values as described in the file comment; a merged
 * range keeps its value in its top-left cell only (the other cells of a merge hold none).
 *
 * @example readSheetCells(pkg, pkg.sheets[0]).rows[0] // ["客户编号", "金额"]
 */
export function readSheetCells(
  pkg: XlsxPackage,
  sheet: SheetEntry,
  onRows?: (rows: number) => void,
  /** Keeps only the cells it accepts (1-based row, 0-based column); rows are then not padded. */
  keep?: (row: number, column: number) => boolean,
): SheetCells {
  const rows: unknown[][] = [];
  let width = 0;
  const formulas = new Map<number, { total: number; cached: number }>();
  const { sharedStrings, dateStyles, date1904 } = pkg;

  let rowNo = 0;
  let row: unknown[] = [];
  let col = -1;
  let type = "";
  let style = 0;
  let inV = false;
  let inIs = false;
  let inT = false;
  let phonetic = 0;
  let hasF = false;
  let value = "";
  let hasValue = false;

  const parser = new SaxesParser({ xmlns: false });
  parser.on("opentag", (tag) => {
    const name = localName(tag.name);
    switch (name) {
      case "row": {
        const r = tag.attributes.r;
        rowNo = r ? Number(r) : rowNo + 1;
        row = [];
        col = -1;
        break;
      }
      case "c": {
        const a = tag.attributes;
        col = a.r ? columnOfRef(a.r) : col + 1;
        type = a.t ?? "n";
        style = a.s ? Number(a.s) : 0;
        hasF = false;
        value = "";
        hasValue = false;
        break;
      }
      case "v":
        inV = true;
        hasValue = true;
        break;
      case "f":
        hasF = true;
        break;
      case "is":
        inIs = true;
        hasValue = true;
        break;
      case "t":
        inT = inIs && phonetic === 0;
        break;
      case "rPh":
        phonetic++;
        break;
    }
  });
  parser.on("text", (t) => {
    if (inV || inT) value += t;
  });
  parser.on("closetag", (tag) => {
    const name = localName(tag.name);
    switch (name) {
      case "v":
        inV = false;
        break;
      case "t":
        inT = false;
        break;
      case "is":
        inIs = false;
        break;
      case "rPh":
        phonetic--;
        break;
      case "c": {
        if (hasF) {
          const f = formulas.get(col) ?? { total: 0, cached: 0 };
          f.total++;
          // openpyxl writes an empty <v></v> for a formula it never calculated.
          if (hasValue && value !== "") f.cached++;
          formulas.set(col, f);
        }
        if (!hasValue) break;
        let v: unknown;
        switch (type) {
          case "s":
            v = sharedStrings[Number(value)] ?? null;
            break;
          case "inlineStr":
          case "str":
            v = decodeXString(value);
            break;
          case "b":
            v = value === "1" || value === "true";
            break;
          case "e":
            v = { error: value };
            break;
          case "d": {
            const d = new Date(
              value.length <= 10 ? `${value}T00:00:00Z` : value.endsWith("Z") ? value : `${value}Z`,
            );
            v = Number.isNaN(d.getTime()) ? value : d;
            break;
          }
          default: {
            const n = Number(value);
            v =
              value.trim() === "" || Number.isNaN(n)
                ? null
                : dateStyles[style]
                  ? serialToDate(n, date1904)
                  : n;
          }
        }
        if (v === null || (keep && !keep(rowNo, col))) break;
        while (row.length < col) row.push(null);
        row[col] = v;
        break;
      }
      case "row": {
        while (rows.length < rowNo - 1) rows.push([]);
        rows.push(row);
        if (row.length > width) width = row.length;
        if (onRows && rows.length % 50_000 === 0) onRows(rows.length);
        break;
      }
    }
  });

  const textDecoder = new TextDecoder("utf-8");
  let found = false;
  streamEntries(pkg.bytes, pkg.fileName, (name) => {
    if (name !== sheet.part) return null;
    found = true;
    return (chunk, final) => {
      parser.write(textDecoder.decode(chunk, { stream: !final }));
      if (final) parser.close();
    };
  });
  if (!found) throw new TierError("workbook.truncated", { file: pkg.fileName });
  // Drop trailing empty rows (rows kept only for their height or style).
  while (rows.length && rows[rows.length - 1].every((v) => v === null || v === undefined)) rows.pop();
  if (!keep)
    for (const r of rows) {
      for (let i = 0; i < r.length; i++) if (r[i] === undefined) r[i] = null;
      while (r.length < width) r.push(null);
    }
  const uncachedFormulaColumns = [...formulas.entries()]
    .filter(([, f]) => f.total > 0 && f.cached === 0)
    .map(([c]) => c)
    .sort((a, b) => a - b);
  return { name: sheet.name, rows, uncachedFormulaColumns };
}

/** The reader's warnings as reasons: a hidden tab passed over, formulas Excel never calculated. */
export function readWarnings(
  sheetName: string,
  skippedHidden: readonly string[],
  cells: SheetCells,
  columnName: (col: number) => string,
): Reason[] {
  const out: Reason[] = [];
  if (skippedHidden.length)
    out.push({ code: "workbook.hiddenSkipped", params: { hidden: skippedHidden, sheet: sheetName } });
  if (cells.uncachedFormulaColumns.length)
    out.push({
      code: "workbook.formulasNotCalculated",
      params: { sheet: sheetName, columns: cells.uncachedFormulaColumns.map(columnName) },
    });
  return out;
}
