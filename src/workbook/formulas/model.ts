/**
 * The live-formulas workbook model: what the formula generator returns and the writer writes. Plain
 * data with no library types, so the writer (exceljs today, a surgical zip writer tomorrow) can change
 * without touching the generator.
 */

/** One cell of the rules block: a label in column A, a value or a formula in column B. */
export interface RuleCell {
  /** 1-based row on the rules sheet. */
  row: number;
  /** 1-based column (2 = B for a single value, more for a table row). */
  col: number;
  /** A number or text value, or a formula (without the leading `=`). */
  value: number | string | { formula: string };
  /** Number format, e.g. `yyyy-mm-dd` for the as-of date or `0.00%` for a share. */
  format?: string;
}

/** One output column: a header and the formula of each data row, built from the row number. */
export interface FormulaColumn {
  header: string;
  /** The formula for sheet row `row` (without the leading `=`). */
  formula: (row: number) => string;
  /** A one-cell array (Ctrl+Shift+Enter) formula: for MAX(IF(…)) and MATCH(1, (…)*(…), 0). */
  array?: boolean;
  format?: string;
}

/** A sheet the generator adds for orders: one row per customer, aggregates over the orders sheet. */
export interface CustomersSheet {
  name: string;
  /** Header of the id column (column A). */
  idHeader: string;
  /** The orders sheet and column the ids are copied from (as the user typed them: number or text). */
  idSourceSheet: string;
  idSourceCol: number;
  /** Per customer, in the engine's order (first appearance): the sheet row of its first order. */
  idRows: number[];
}

/** Formula columns side by side on one sheet, one formula per data row. */
export interface FormulaRegion {
  sheet: string;
  /** 1-based header row; data rows are firstRow..lastRow. */
  headerRow: number;
  firstRow: number;
  lastRow: number;
  /** 1-based column of the first output column. */
  firstCol: number;
  columns: FormulaColumn[];
}

export interface LiveWorkbook {
  /** The sheet that holds the rules block (labelled thresholds, cut points, tier names). */
  rulesSheet: { name: string; title: string; labels: { row: number; text: string }[]; cells: RuleCell[] };
  /** For orders input: the customers sheet the output columns go on. */
  customersSheet?: CustomersSheet;
  /** Where the output columns go: the data sheet (customers input) or the customers sheet (orders). */
  target: FormulaRegion;
  /** For orders: one helper column beside the orders (the order's day when the row counts, else 0). */
  orderHelper?: FormulaRegion;
  /** Index in target.columns of the tier column (the policy's main result). */
  tierColumn: number;
}
