import type { Lang } from "../engine/reasons";
import { reasonText } from "../i18n/reasons";
import type { SheetRead } from "../workbook/host";

/**
 * What the read of a sheet kept or left out that the user should know before grading: rows hidden or
 * filtered out are graded like the others (a filter is a view, every customer gets a tier), and a
 * table's total row is not a customer.
 *
 * @example readNotes({ ...read, hiddenRows: 12 }, "en") // ["12 hidden or filtered-out rows are graded like the others"]
 */
export function readNotes(read: SheetRead | undefined, lang: Lang): string[] {
  const notes: string[] = [];
  if (!read) return notes;
  if (read.hiddenRows)
    notes.push(reasonText({ code: "workbook.hiddenRows", params: { rows: read.hiddenRows } }, lang));
  if (read.totalRow !== undefined)
    notes.push(reasonText({ code: "workbook.totalRow", params: { row: read.totalRow + 1 } }, lang));
  return notes;
}
