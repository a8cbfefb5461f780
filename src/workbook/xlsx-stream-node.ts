/**
 * Reading very large .xlsx files in Node with exceljs's streaming reader: rows are parsed one at a
 * time from the zip instead of building exceljs's whole in-memory model (a few hundred bytes per cell),
 * so a sheet at Excel's limit of 1,048,576 rows reads in a few hundred MB. Node only (it reads a path).
 * Gives the same WorkbookData as files.ts parseXlsx; merged cells are not known to the streaming
 * reader, so a merged title keeps its value in its first cell only, which is what parseXlsx gives too.
 */
import ExcelJS from "exceljs";
import { TierError } from "../engine/errors";
import { plainValue, type SheetData, type WorkbookData } from "./files";

export interface StreamOptions {
  /** Read only the first sheet (the CLI's default), or the sheet with this name. */
  sheet?: "first" | string;
  /** Called every 50,000 rows. */
  onRows?: (rows: number) => void;
}

/**
 * Reads an .xlsx file row by row (exceljs `stream.xlsx.WorkbookReader`), with dates as Dates (the
 * workbook's 1904 system applied) and formula results, rich text and hyperlinks as plain values.
 *
 * @example const book = await readWorkbookStream("big.xlsx", { sheet: "first" }); book.sheets[0].rows.length
 */
export async function readWorkbookStream(path: string, options: StreamOptions = {}): Promise<WorkbookData> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {
    sharedStrings: "cache",
    styles: "cache",
    hyperlinks: "ignore",
    worksheets: "emit",
    entries: "emit",
  });
  const sheets: SheetData[] = [];
  let date1904 = false;
  try {
    for await (const ws of reader) {
      const sheet = ws as unknown as AsyncIterable<ExcelJS.Row> & { name?: string; id?: number };
      const name = sheet.name ?? `Sheet${sheet.id ?? sheets.length + 1}`;
      const wanted =
        options.sheet === undefined || options.sheet === "first"
          ? sheets.length === 0
          : name === options.sheet;
      const rows: unknown[][] = [];
      let width = 0;
      for await (const row of sheet) {
        if (!wanted) continue;
        const values = row.values as unknown[];
        while (rows.length < row.number - 1) rows.push([]);
        const out: unknown[] = new Array(Math.max(values.length - 1, 0));
        for (let c = 1; c < values.length; c++) out[c - 1] = plainValue(values[c]);
        for (let c = 0; c < out.length; c++) if (out[c] === undefined) out[c] = null;
        width = Math.max(width, out.length);
        rows.push(out);
        if (options.onRows && rows.length % 50_000 === 0) options.onRows(rows.length);
      }
      if (!wanted) continue;
      for (const r of rows) while (r.length < width) r.push(null);
      sheets.push({ name, rows });
      const props = (reader as unknown as { properties?: { model?: { date1904?: boolean } } }).properties;
      date1904 = props?.model?.date1904 === true;
      if (options.sheet === undefined || options.sheet === "first" || name === options.sheet) break;
    }
  } catch (e) {
    throw new TierError(`cannot read the workbook "${path}": ${e instanceof Error ? e.message : String(e)}`);
  }
  if (options.sheet && options.sheet !== "first" && !sheets.length)
    throw new TierError(`there is no sheet "${options.sheet}" in ${path}`);
  return { sheets, date1904, format: "xlsx" };
}
