/**
 * Reading .xlsx and .csv bytes into raw cell grids. Browser-safe: no Node imports, so the standalone
 * web page reads a dropped file with the same code as the command line (see files-node.ts).
 */
import ExcelJS from "exceljs";
import Papa from "papaparse";
import { TierError } from "../engine/errors";
import type { Reason } from "../engine/reasons";
import { defaultSheet, openXlsx, readSheetCells, readWarnings, type SheetEntry } from "./xlsx-read";

/** One sheet: raw cells, row by row, header row(s) included, every row as wide as the sheet. */
export interface SheetData {
  name: string;
  rows: unknown[][];
}

export interface WorkbookData {
  sheets: SheetData[];
  /** Serial numbers count from 1904-01-01 (old Mac workbooks); pass on to readDate. */
  date1904: boolean;
  format: "xlsx" | "csv";
  /** Every sheet of the file in tab order (very hidden ones left out), read or not. */
  sheetNames?: string[];
  /** What the reader noticed: a hidden tab passed over, formulas never calculated. */
  warnings?: Reason[];
}

/**
 * Text of a file's bytes: a UTF-8 or UTF-16LE byte-order mark decides (Excel's "CSV UTF-8" and
 * "Unicode text"), else strict UTF-8, else GB18030 (what Excel on Chinese Windows saves as "CSV").
 *
 * @example decodeText(new Uint8Array([0xbf, 0xcd, 0xbb, 0xa7])) // { text: "客户", encoding: "gb18030" }
 */
export function decodeText(bytes: Uint8Array): {
  text: string;
  encoding: "utf-8" | "utf-8-bom" | "utf-16le" | "gb18030";
} {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder("utf-8").decode(bytes.subarray(3)), encoding: "utf-8-bom" };
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder("utf-16le").decode(bytes.subarray(2)), encoding: "utf-16le" };
  }
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8" };
  } catch {
    // Not UTF-8: GB18030 is a superset of GBK and GB2312, the legacy encodings of Chinese Excel.
    return { text: new TextDecoder("gb18030").decode(bytes), encoding: "gb18030" };
  }
}

function padRows(rows: unknown[][], fill: unknown): unknown[][] {
  let width = 0;
  for (const row of rows) width = Math.max(width, row.length);
  for (const row of rows) while (row.length < width) row.push(fill);
  return rows;
}

/**
 * Whether the first lines are columns lined up with spaces (research data such as CDNOW's
 * `customer_id date number_of_cds dollar_value`): no delimiter found, and every line splits on
 * spaces into the same number (two or more) of fields.
 */
function whitespaceTable(sample: readonly string[][]): boolean {
  if (sample.length === 0 || sample.some((row) => row.length !== 1)) return false;
  const widths = new Set(sample.map((row) => row[0].trim().split(/\s+/).length));
  return widths.size === 1 && [...widths][0] >= 2;
}

/**
 * Parses CSV (or tab- or semicolon-separated, or space-aligned) bytes into one sheet of text cells, via
 * papaparse with the delimiter detected; a file with no delimiter whose lines split on spaces into
 * the same number of fields is read as space-separated columns. Cells stay text: numbers are read later by readNumber, and ids keep their
 * leading zeros. Trailing empty lines are dropped; empty lines inside the table are kept so that row
 * numbers match the file.
 *
 * @example parseCsv(new TextEncoder().encode("id;amount\n007;1,5\n")).sheets[0].rows // [["id","amount"],["007","1,5"]]
 */
export function parseCsv(bytes: Uint8Array, name = "Sheet1"): WorkbookData {
  const { text } = decodeText(bytes);
  // Papaparse's guess is thrown off by blank lines, so guess on the first non-empty lines alone.
  const sample = Papa.parse<string[]>(text, {
    preview: 20,
    skipEmptyLines: true,
    delimitersToGuess: [",", ";", "\t", "|"],
  });
  const rows: unknown[][] = whitespaceTable(sample.data)
    ? text.split(/\r?\n/).map((line) => (line.trim() === "" ? [] : line.trim().split(/\s+/)))
    : Papa.parse<string[]>(text, { delimiter: sample.meta.delimiter || ",", skipEmptyLines: false }).data;
  while (rows.length > 0 && rows[rows.length - 1].every((c) => typeof c !== "string" || c.trim() === ""))
    rows.pop();
  return { sheets: [{ name, rows: padRows(rows, "") }], date1904: false, format: "csv" };
}

/**
 * An exceljs cell value as a plain cell: formulas give their cached result, rich text and hyperlinks
 * their text, errors `{ error }`. Shared by every reader and the file host.
 *
 * @example plainValue({ formula: "A1*2", result: 4 }) // 4
 */
export function plainValue(v: unknown): unknown {
  if (v === null || v === undefined) return null;
  if (typeof v !== "object" || v instanceof Date) return v;
  const o = v as Record<string, unknown>;
  if (typeof o.error === "string") return { error: o.error };
  if (Array.isArray(o.richText))
    return (o.richText as { text?: unknown }[]).map((t) => String(t.text ?? "")).join("");
  if ("formula" in o || "sharedFormula" in o) return plainValue(o.result);
  if ("hyperlink" in o || "text" in o) return plainValue(o.text);
  return null;
}

/**
 * Parses .xlsx bytes with the package reader (xlsx-read.ts): cells as numbers, text, booleans, Dates
 * (UTC, in the workbook's date system), `{ error }` for error values, cached formula results, rich and
 * inline text with `_xHHHH_` escapes decoded. A merged range keeps its value in the top-left cell only,
 * so a merged title does not look like a row of headers. `sheet` names the one sheet to read; without
 * it every sheet but the very hidden ones (the add-in's settings, a macro's) is read, in tab order.
 *
 * @example (await parseXlsx(bytes)).sheets[0].rows[0] // ["客户编号", "金额"]
 */
export async function parseXlsx(
  bytes: Uint8Array | ArrayBuffer,
  options: { fileName?: string; sheet?: string | "default" } = {},
): Promise<WorkbookData> {
  const data = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  const fileName = options.fileName ?? "workbook.xlsx";
  const pkg = openXlsx(data, fileName);
  const names = pkg.sheets.filter((s) => s.state !== "veryHidden").map((s) => s.name);
  const warnings: Reason[] = [];
  let chosen: SheetEntry[];
  let skipped: string[] = [];
  if (options.sheet === undefined) chosen = pkg.sheets.filter((s) => s.state !== "veryHidden");
  else if (options.sheet === "default") {
    const { sheet, skippedHidden } = defaultSheet(pkg);
    if (!sheet) throw new TierError("workbook.noVisibleSheet", { file: fileName });
    skipped = skippedHidden;
    chosen = [sheet];
  } else {
    const sheet = pkg.sheets.find((s) => s.name === options.sheet && s.state !== "veryHidden");
    if (!sheet) throw new TierError("workbook.noSuchSheet", { sheet: options.sheet, sheets: names });
    chosen = [sheet];
  }
  const sheets: SheetData[] = [];
  for (const entry of chosen) {
    const cells = readSheetCells(pkg, entry);
    warnings.push(...readWarnings(entry.name, skipped, cells, columnLetterOf));
    sheets.push({ name: entry.name, rows: cells.rows });
  }
  return { sheets, date1904: pkg.date1904, format: "xlsx", sheetNames: names, warnings };
}

function columnLetterOf(c: number): string {
  let s = "";
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/**
 * A worksheet's cells as plain values, row by row (row r of the sheet is rows[r - 1]; rows end at
 * their last cell). A merged range keeps its value in the top-left cell only. `onRow` is told each
 * row number read, for progress.
 */
export function worksheetRows(ws: ExcelJS.Worksheet, onRow?: (rowNumber: number) => void): unknown[][] {
  const rows: unknown[][] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    while (rows.length < rowNumber) rows.push([]);
    const out = rows[rowNumber - 1];
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      const slave = cell.isMerged && cell.master !== cell;
      while (out.length < col) out.push(null);
      out[col - 1] = slave ? null : plainValue(cell.value);
    });
    onRow?.(rowNumber);
  });
  return rows;
}

/**
 * Reads a file's bytes by its extension: .xlsx/.xlsm as a workbook (`sheet`: the one sheet to read,
 * "default" for the first visible tab, absent for all), .csv/.txt/.tsv as text.
 *
 * @example await readWorkbookBytes(bytes, "orders.csv") // { format: "csv", ... }
 */
export async function readWorkbookBytes(
  bytes: Uint8Array,
  fileName: string,
  sheet?: string | "default",
): Promise<WorkbookData> {
  const dot = fileName.lastIndexOf(".");
  const ext = dot < 0 ? "" : fileName.slice(dot + 1).toLowerCase();
  if (ext === "xlsx" || ext === "xlsm") return parseXlsx(bytes, { fileName, sheet });
  if (ext === "csv" || ext === "txt" || ext === "tsv") {
    const base = fileName.slice(Math.max(fileName.lastIndexOf("/"), fileName.lastIndexOf("\\")) + 1, dot);
    return parseCsv(bytes, base || "Sheet1");
  }
  throw new TierError("workbook.fileType", { file: fileName, xls: ext === "xls" ? 1 : 0 });
}
