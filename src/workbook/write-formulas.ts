/**
 * Writes a live-formulas model into a workbook (exceljs for now; the model is plain data, so a zip
 * writer can take over by reimplementing this one function). Formulas are written without cached
 * values: every spreadsheet computes them on open, and nothing stale can be shown.
 */
/* eslint-disable office-addins/call-sync-before-read --
   these rules are for Office.js proxies; the objects here are exceljs cells in memory. */
import ExcelJS from "exceljs";
import type { GradeResult, Lang } from "../engine/grade";
import type { RuleSet } from "../engine/ruleset";
import type { SheetTable } from "../engine/table";
import { FileHost } from "./file-host";
import { formulaLabel } from "./formulas/labels";
import { liveFormulas, type LiveWorkbook } from "./formulas";
import type { FormulaRegion } from "./formulas/model";
import { fileFormula } from "./formulas/allowed";

const HEADER_FILL = "FFEDEDED";
const COMPUTED_FILL = "FFF2F2F2";

/** A sheet name not yet used in the workbook: `name`, else `name (2)` … (a user's sheet is never replaced). */
function freeName(workbook: ExcelJS.Workbook, name: string): string {
  let out = name;
  for (let k = 2; workbook.getWorksheet(out); k++) out = `${name} (${k})`;
  return out;
}

function header(cell: ExcelJS.Cell, value: string): void {
  cell.value = value;
  cell.font = { bold: true };
  cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: HEADER_FILL } };
}

/**
 * Adds the model's sheets and formula columns to `workbook`. The rules and customers sheets must not
 * exist yet (the caller picks free names with {@link liveFormulasWorkbook}).
 *
 * @example writeLiveFormulas(host.workbook, liveFormulas(ruleSet, table, result, "zh"))
 */
export function writeLiveFormulas(workbook: ExcelJS.Workbook, model: LiveWorkbook): void {
  const rules = workbook.addWorksheet(model.rulesSheet.name);
  rules.getCell(1, 1).value = model.rulesSheet.title;
  rules.getCell(1, 1).font = { bold: true };
  rules.getColumn(1).width = 48;
  for (const { row, text } of model.rulesSheet.labels) rules.getCell(row, 1).value = text;
  for (const c of model.rulesSheet.cells) {
    const cell = rules.getCell(c.row, c.col);
    cell.value = typeof c.value === "object" ? { formula: fileFormula(c.value.formula) } : c.value;
    if (typeof c.value === "object")
      cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: COMPUTED_FILL } };
    if (c.format) cell.numFmt = c.format;
  }
  const t = model.target;
  if (model.customersSheet) {
    const cs = model.customersSheet;
    const sheet = workbook.addWorksheet(cs.name);
    const source = workbook.getWorksheet(cs.idSourceSheet)!;
    header(sheet.getCell(1, 1), cs.idHeader);
    cs.idRows.forEach((row, i) => {
      const v = source.getCell(row, cs.idSourceCol).value;
      sheet.getCell(t.firstRow + i, 1).value = typeof v === "number" ? v : String(v ?? "").trim();
    });
    sheet.views = [{ state: "frozen", ySplit: 1 }];
  }
  writeRegion(workbook, t);
  if (model.orderHelper) writeRegion(workbook, model.orderHelper);
}

function writeRegion(workbook: ExcelJS.Workbook, t: FormulaRegion): void {
  const ws = workbook.getWorksheet(t.sheet)!;
  t.columns.forEach((col, j) => {
    const c = t.firstCol + j;
    header(ws.getCell(t.headerRow, c), col.header);
    ws.getColumn(c).width = Math.max(10, Math.min(30, col.header.length * 1.6));
    for (let r = t.firstRow; r <= t.lastRow; r++) {
      const cell = ws.getCell(r, c);
      const formula = fileFormula(col.formula(r));
      cell.value = col.array
        ? ({ formula, shareType: "array", ref: cell.address } as ExcelJS.CellFormulaValue)
        : { formula };
      if (col.format) cell.numFmt = col.format;
    }
  });
}

/**
 * The user's workbook (.xlsx, or a .csv as a one-sheet workbook) with the policy written as live
 * formulas: the user's sheets untouched, formula columns to the right of the data (or a customers
 * sheet for orders) and a rules sheet. Returns the .xlsx bytes.
 *
 * @example await liveFormulasWorkbook(bytes, "members.xlsx", table, result, ruleSet, "zh")
 */
export async function liveFormulasWorkbook(
  bytes: Uint8Array,
  fileName: string,
  table: SheetTable,
  result: Pick<GradeResult, "input" | "mapping" | "asOf" | "sourceRow" | "columns">,
  ruleSet: RuleSet,
  lang: Lang,
  /** Changes the model before it is written (tests type over a rules cell with it). */
  edit?: (model: LiveWorkbook) => void,
): Promise<Uint8Array> {
  const host = await FileHost.fromBytes(bytes, fileName);
  const workbook = host.workbook;
  const ws = workbook.getWorksheet(table.sheetName) ?? workbook.worksheets[0];
  const sheetTable = ws.name === table.sheetName ? table : { ...table, sheetName: ws.name };
  // Output starts right of every used column, so no cell of the user's is written over.
  const firstCol = Math.max(ws.columnCount, table.headers.length) + 1;
  const model = liveFormulas(ruleSet, sheetTable, result, lang, {
    firstCol,
    rulesSheet: freeName(workbook, formulaLabel("rulesSheet", lang)),
    customersSheet: freeName(workbook, formulaLabel("customersSheet", lang)),
  });
  edit?.(model);
  writeLiveFormulas(workbook, model);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
