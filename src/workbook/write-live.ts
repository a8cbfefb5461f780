/**
 * The live-formulas output of the pane and the standalone page (docs/formulas.md): the policy's
 * formula model (src/workbook/formulas) written through any WorkbookHost, so Excel (Office.js
 * `range.formulas`), the surgical file writer and the CSV workbook all write the same formulas. The
 * user's cells are never written: the formula columns are the host's owned columns beside the data,
 * the rules block and the customers sheet are sheets of our own.
 */
import type { GradeResult, Lang } from "../engine/grade";
import type { RuleSet } from "../engine/ruleset";
import type { SheetTable } from "../engine/table";
import { excelSerial, liveFormulas, type LiveWorkbook } from "./formulas";
import { formulaLabel } from "./formulas/labels";
import type { FormulaRegion } from "./formulas/model";
import type { CellOut, OwnedColumns, Progress, SheetRead, WorkbookHost } from "./host";

/** What the live mode wrote, for the sentence the pane shows (and a test finds in the file). */
export type LiveReport =
  | {
      state: "formulas";
      /** The sheet with the tier column: the data sheet (customers) or the customers sheet (orders). */
      tierSheet: string;
      rulesSheet: string;
      /** Formula cells written in all. */
      formulas: number;
    }
  /** The method has no plain-formula form (k-means, CLV): its tiers were written as values. */
  | { state: "values"; method: string };

export interface LiveTiersOutcome {
  owned?: OwnedColumns;
  resultsSheet?: string;
  live: LiveReport;
}

/** The cells of a region as a WriteColumnsRequest's formulas: per column, per row. */
function regionFormulas(region: FormulaRegion): string[][] {
  return region.columns.map((col) => {
    const out: string[] = [];
    for (let r = region.firstRow; r <= region.lastRow; r++) out.push(col.formula(r));
    return out;
  });
}

function formulaCount(model: LiveWorkbook): number {
  const cells = (r: FormulaRegion | undefined) =>
    r ? r.columns.length * Math.max(0, r.lastRow - r.firstRow + 1) : 0;
  const rules = model.rulesSheet.cells.filter((c) => typeof c.value === "object").length;
  return rules + cells(model.target) + cells(model.orderHelper);
}

/**
 * Writes formula columns on a sheet of the user's as the host's owned columns. The formulas name their
 * own columns by letter, so they are made for a first column; when the host puts the owned columns
 * elsewhere (a previous run's columns found further right), the model is made again for that place.
 */
async function writeRegion(
  host: WorkbookHost,
  region: FormulaRegion,
  tier: { column: number; colours: Record<string, string> } | undefined,
  onProgress: Progress | undefined,
): Promise<OwnedColumns> {
  const n = Math.max(0, region.lastRow - region.firstRow + 1);
  return host.writeColumns(
    {
      sheetName: region.sheet,
      headerRow: region.headerRow - 1,
      dataEnd: region.firstCol - 1,
      headers: region.columns.map((c) => c.header),
      columns: region.columns.map(() => new Array<CellOut>(n).fill(null)),
      formats: region.columns.map((c) => c.format),
      tierColumn: tier?.column,
      tierColours: tier?.colours,
      formulas: regionFormulas(region),
      formulaArrays: region.columns.map((c) => c.array === true),
    },
    onProgress,
  );
}

/** The rules block as a sheet: the title, the note, labels in column A, values and formulas from B. */
function rulesSheetRequest(model: LiveWorkbook, asOf: number, lang: Lang) {
  const { rulesSheet } = model;
  const height = Math.max(2, ...rulesSheet.labels.map((l) => l.row), ...rulesSheet.cells.map((c) => c.row));
  const width = Math.max(2, ...rulesSheet.cells.map((c) => c.col));
  const rows: CellOut[][] = Array.from({ length: height }, () => new Array<CellOut>(width).fill(null));
  const formulas: (string | undefined)[][] = Array.from({ length: height }, () => new Array(width));
  const cellFormats: (string | undefined)[][] = Array.from({ length: height }, () => new Array(width));
  rows[0][0] = rulesSheet.title;
  rows[1][0] = formulaLabel("note", lang);
  for (const { row, text } of rulesSheet.labels) rows[row - 1][0] = text;
  for (const c of rulesSheet.cells) {
    if (typeof c.value === "object") formulas[c.row - 1][c.col - 1] = c.value.formula;
    // The as-of date as a date, so the host writes it in the workbook's own date system (1900 or 1904)
    // like the user's dates it is compared with.
    else if (c.format === "yyyy-mm-dd" && c.value === excelSerial(asOf))
      rows[c.row - 1][c.col - 1] = { date: asOf };
    else rows[c.row - 1][c.col - 1] = c.value;
    cellFormats[c.row - 1][c.col - 1] = c.format;
  }
  return {
    name: rulesSheet.name,
    rows,
    formulas,
    cellFormats,
    widths: [48, ...new Array<number>(width - 1).fill(14)],
  };
}

/** The customers sheet of an orders table: ids as the user typed them, then the formula columns. */
function customersSheetRequest(model: LiveWorkbook, read: SheetRead, withFormulas: boolean) {
  const cs = model.customersSheet!;
  const t = model.target;
  const rows: CellOut[][] = [[cs.idHeader, ...t.columns.map((c) => c.header)]];
  const formulas: (string | undefined)[][] = [[]];
  cs.idRows.forEach((sheetRow, i) => {
    const v = read.rows[sheetRow - 1 - read.top]?.[cs.idSourceCol - 1 - read.left];
    const id: CellOut = typeof v === "number" ? v : String(v ?? "").trim();
    rows.push([id, ...t.columns.map(() => null)]);
    const r = t.firstRow + i;
    formulas.push(withFormulas ? [undefined, ...t.columns.map((c) => c.formula(r))] : []);
  });
  return {
    name: cs.name,
    rows,
    formulas,
    formats: [undefined, ...t.columns.map((c) => c.format)],
    formulaArrays: [false, ...t.columns.map((c) => c.array === true)],
    widths: [14, ...t.columns.map((c) => Math.max(10, Math.min(30, c.header.length * 1.6)))],
  };
}

/**
 * Writes a graded table's tiers as live formulas through `host`: a rules sheet, and the formula
 * columns beside a customer table or, for orders, a customers sheet of aggregates (plus one helper
 * column beside the orders). `table` is the table as graded (headers as the engine saw them).
 *
 * @example const { live } = await writeLiveTiers(host, read, table, result, ruleSet, "zh")
 */
export async function writeLiveTiers(
  host: WorkbookHost,
  read: SheetRead,
  table: SheetTable,
  result: Pick<GradeResult, "input" | "mapping" | "asOf" | "sourceRow" | "columns" | "tiers">,
  ruleSet: RuleSet,
  lang: Lang,
  onProgress?: Progress,
  /** Changes each model before it is written (tests type over a rules cell with it). */
  edit?: (model: LiveWorkbook) => void,
): Promise<LiveTiersOutcome> {
  const names = {
    rulesSheet: formulaLabel("rulesSheet", lang),
    customersSheet: formulaLabel("customersSheet", lang),
  };
  const sheetTable = { ...table, sheetName: read.sheetName };
  const make = (firstCol: number) => {
    const m = liveFormulas(ruleSet, sheetTable, result, lang, { ...names, firstCol, left: read.left });
    edit?.(m);
    return m;
  };
  let model = make(read.left + table.headers.length + 1);
  const colours = Object.fromEntries(result.tiers.map((t) => [t.name[lang], t.colour]));
  const tier = { column: model.tierColumn, colours };
  // A sheet is written before any formula names it: a formula naming a sheet that does not exist yet
  // is taken by Excel for a link to another file. So: the customers sheet's ids, the rules, the
  // formula columns, the customers sheet's formulas.
  if (model.customersSheet) await host.writeSheet(customersSheetRequest(model, read, false), onProgress);
  await host.writeSheet(rulesSheetRequest(model, result.asOf, lang), onProgress);
  const region = (m: LiveWorkbook) => m.orderHelper ?? m.target;
  const tierOf = (m: LiveWorkbook) => (m.orderHelper ? undefined : tier);
  let owned = await writeRegion(host, region(model), tierOf(model), onProgress);
  if (owned.firstColumn + 1 !== region(model).firstCol) {
    // The host kept a previous run's columns where they were: the formulas are made for that place.
    model = make(owned.firstColumn + 1);
    await host.writeSheet(rulesSheetRequest(model, result.asOf, lang), onProgress);
    owned = await writeRegion(host, region(model), tierOf(model), onProgress);
  }
  if (model.customersSheet) await host.writeSheet(customersSheetRequest(model, read, true), onProgress);
  const live: LiveReport = {
    state: "formulas",
    tierSheet: model.target.sheet,
    rulesSheet: model.rulesSheet.name,
    formulas: formulaCount(model),
  };
  return model.customersSheet ? { resultsSheet: model.customersSheet.name, live } : { owned, live };
}
