import { findHeaderRow, normaliseHeader } from "./headers";
import type { Problem, Reason } from "./reasons";
import { decimalCommas } from "./decimal";
import { tableShape } from "./shape";
import { readText } from "./values";

/**
 * Headers of the columns the add-in writes beside a user's data start with one of these. They are never
 * read back as input: a re-run grades the user's data, not the previous run's tiers.
 */
export const OUTPUT_PREFIX = { zh: "分级·", en: "Tier·" } as const;

function isOutputHeader(h: string): boolean {
  return h.startsWith(OUTPUT_PREFIX.zh) || h.startsWith(OUTPUT_PREFIX.en);
}

/** A sheet as the grading driver sees it: the header row found, the data rows below it. */
export interface SheetTable {
  sheetName: string;
  headers: string[];
  /** Data rows (below the header row), raw cells, each padded to the header width. */
  rows: unknown[][];
  /** 0-based index of the header row among the rows read, so data row i is sheet row top + headerRow + i + 2. */
  headerRow: number;
  /**
   * 0-based sheet row of the first row read: 0 for a file, the used range's first row in Excel (data
   * that starts at B3 has top 2). Every row number a user reads is counted from the sheet's row 1.
   */
  top: number;
  date1904: boolean;
  /** Rows that are not records (units row, totals, footnotes), left out of grading, with why. */
  excluded?: Problem[];
  /** Data rows kept in place (row numbers stay the sheet's) but emptied: not customers. */
  notRecords?: number[];
  /** What the reader noticed about the file (a hidden tab skipped, formulas never calculated). */
  notes?: Reason[];
}

/**
 * Finds the header row of a sheet's raw rows and splits headers from data.
 * Fully blank rows at the end are dropped; blank rows inside the data are kept (and reported later).
 *
 * @example tableFromRows([["客户编号", "金额"], ["C1", 100]], false, "Sheet1").headers // ["客户编号", "金额"]
 */
export function tableFromRows(
  rows: readonly (readonly unknown[])[],
  date1904: boolean,
  sheetName: string,
  top = 0,
): SheetTable {
  const headerRow = rows.length ? findHeaderRow(rows) : 0;
  const raw = rows[headerRow] ?? [];
  let width = raw.length;
  const firstOutput = raw.findIndex((h) => isOutputHeader(readText(h)));
  if (firstOutput >= 0) width = firstOutput;
  while (width > 0 && readText(raw[width - 1]) === "") width--;
  const headers: string[] = [];
  for (let c = 0; c < width; c++) headers.push(readText(raw[c]) || `column ${columnLetter(c)}`);
  const notes = duplicateHeaders(headers);
  let end = rows.length;
  while (end > headerRow + 1 && rows[end - 1].every((v) => readText(v) === "")) end--;
  const data: unknown[][] = [];
  for (let r = headerRow + 1; r < end; r++) {
    const row = rows[r].slice(0, width);
    while (row.length < width) row.push(null);
    data.push(row);
  }
  // Totals, footnotes and blank rows under the table are cut off; a units row or a subtotal inside it
  // keeps its place (row numbers stay the sheet's) with its cells emptied, so it is never a customer.
  const shape = tableShape(data, top + headerRow);
  data.length = shape.keep;
  for (const i of shape.skip) data[i] = data[i].map(() => null);
  notes.push(...decimalCommas(data, headers, top + headerRow));
  return {
    sheetName,
    headers,
    rows: data,
    headerRow,
    top,
    date1904,
    excluded: shape.excluded,
    notRecords: [...shape.skip],
    notes,
  };
}

/**
 * Two columns with the same header (金额 last year, 金额 this year) are never told apart silently:
 * each is renamed with its column letter ("金额 (C)", "金额 (F)"), so the mapping names the letter it
 * used, and a note says which columns share the name (`--map amount=F` picks one).
 */
function duplicateHeaders(headers: string[]): Reason[] {
  const byName = new Map<string, number[]>();
  headers.forEach((h, c) => {
    const key = normaliseHeader(h);
    if (key) byName.set(key, [...(byName.get(key) ?? []), c]);
  });
  const notes: Reason[] = [];
  for (const cols of byName.values()) {
    if (cols.length < 2) continue;
    const header = headers[cols[0]];
    for (const c of cols) headers[c] = `${headers[c]} (${columnLetter(c)})`;
    notes.push({ code: "table.duplicateHeader", params: { header, columns: cols.map(columnLetter) } });
  }
  return notes;
}

/** Excel's column letter for a 0-based index: 0 → A, 27 → AB. */
export function columnLetter(index: number): string {
  let s = "";
  let n = index + 1;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/**
 * The one definition of a row number: the 1-based sheet row a user sees in Excel for data row `i`,
 * wherever the read range starts.
 *
 * @example sheetRow({ top: 2, headerRow: 0 }, 0) // 4: header on sheet row 3, first data row on 4
 */
export function sheetRow(table: Pick<SheetTable, "headerRow" | "top">, i: number): number {
  return (table.top ?? 0) + table.headerRow + i + 2;
}

/** The data row index of a 1-based sheet row: the inverse of {@link sheetRow}. */
export function dataIndex(table: Pick<SheetTable, "headerRow" | "top">, row: number): number {
  return row - (table.top ?? 0) - table.headerRow - 2;
}
