/**
 * A1 references and the small builder every method's formula module uses: it hands out labelled cells
 * of the rules block and output columns beside the data, and knows the user's columns by header.
 */
import { columnLetter } from "../../engine/table";
import type { FormulaColumn, RuleCell } from "./model";

/** A sheet name as formulas write it: always quoted, so names with spaces, dots or Chinese need no rule. */
export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** `$C$5` or `'Sheet'!$C$5` for a 1-based column and row. */
export function absCell(col: number, row: number, sheet?: string): string {
  const a = `$${columnLetter(col - 1)}$${row}`;
  return sheet === undefined ? a : `${quoteSheet(sheet)}!${a}`;
}

/** `$C$2:$C$101` (or `'Sheet'!$C$2:$C$101`): a whole column of a table by its explicit address. */
export function absRange(col: number, first: number, last: number, sheet?: string): string {
  const l = columnLetter(col - 1);
  const a = `$${l}$${first}:$${l}$${last}`;
  return sheet === undefined ? a : `${quoteSheet(sheet)}!${a}`;
}

/** A horizontal block of cells `$B$5:$E$5` on a sheet. */
export function absRow(first: number, last: number, row: number, sheet: string): string {
  return `${quoteSheet(sheet)}!$${columnLetter(first - 1)}$${row}:$${columnLetter(last - 1)}$${row}`;
}

/** A text constant inside a formula: `"A类"`, with quotes doubled. */
export function text(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

/** A number inside a formula, written so it reads back as the same double. */
export function num(x: number): string {
  return String(x);
}

/** A column of the table, as a row's own cell (`C5`) and as the whole table column (`$C$2:$C$101`). */
export interface ColumnRef {
  /** The cell of sheet row `row` in this column: a relative reference, so sorting keeps it on its row. */
  at: (row: number) => string;
  /** The whole column of the table by explicit address (never a whole sheet column). */
  range: string;
  /** The same range with its sheet name, for formulas on the rules sheet. */
  sheetRange: string;
  /** Index among the output columns (output columns only). */
  index?: number;
}

/** What a method's formula module builds with. */
export interface FormulaBuilder {
  /** Adds a labelled value to the rules block; returns its absolute address on the rules sheet. */
  rule: (label: string, value: RuleCell["value"], format?: string) => string;
  /** Adds a labelled row of values (a small table row); returns the address of the row's cells as a range. */
  ruleRow: (
    label: string,
    values: RuleCell["value"][],
    format?: string,
  ) => { range: string; cells: string[] };
  /**
   * A labelled table of rows (values from column B); returns the range of its k-th column (0-based)
   * and of a block of columns from..to.
   */
  ruleTable: (
    label: string,
    rows: RuleCell["value"][][],
    format?: string,
  ) => { col: (k: number) => string; block: (from: number, to: number) => string };
  /** A heading line in the rules block. */
  heading: (label: string) => void;
  /** Adds an output column beside the data; returns its references. */
  column: (
    header: string,
    formula: (row: number) => string,
    options?: { array?: boolean; format?: string },
  ) => ColumnRef;
  /** The user's column (or an aggregate column of the customers sheet) by its key. */
  input: (key: string) => ColumnRef | undefined;
  /** The as-of date cell. */
  asOf: string;
  /** The customer id is present and unique in the table: `AND(…)` text, or `TRUE` when the ids are ours. */
  idOk: (row: number) => string;
}

/** Builds a {@link FormulaBuilder} over a target sheet region and a rules sheet. */
export function createBuilder(options: {
  rulesSheet: string;
  targetSheet: string;
  firstRow: number;
  lastRow: number;
  firstCol: number;
  inputs: Record<string, number>;
  idCol?: number;
  /** Ids are unique by construction (the customers sheet of orders). */
  idsUnique: boolean;
  asOfLabel: string;
  asOfSerial: number;
}): {
  builder: FormulaBuilder;
  columns: FormulaColumn[];
  labels: { row: number; text: string }[];
  cells: RuleCell[];
} {
  const columns: FormulaColumn[] = [];
  const labels: { row: number; text: string }[] = [];
  const cells: RuleCell[] = [];
  let nextRow = 3; // row 1 title, row 2 a note
  const { rulesSheet, firstRow, lastRow } = options;
  const ref = (col: number, index?: number): ColumnRef => ({
    at: (row) => `${columnLetter(col - 1)}${row}`,
    range: absRange(col, firstRow, lastRow),
    sheetRange: absRange(col, firstRow, lastRow, options.targetSheet),
    index,
  });
  const rule: FormulaBuilder["rule"] = (label, value, format) => {
    const row = nextRow++;
    labels.push({ row, text: label });
    cells.push({ row, col: 2, value, format });
    return absCell(2, row, rulesSheet);
  };
  const asOf = rule(options.asOfLabel, options.asOfSerial, "yyyy-mm-dd");
  const builder: FormulaBuilder = {
    rule,
    ruleRow: (label, values, format) => {
      const row = nextRow++;
      labels.push({ row, text: label });
      values.forEach((value, k) => cells.push({ row, col: 2 + k, value, format }));
      return {
        range: absRow(2, 1 + values.length, row, rulesSheet),
        cells: values.map((_, k) => absCell(2 + k, row, rulesSheet)),
      };
    },
    ruleTable: (label, rows, format) => {
      nextRow++;
      labels.push({ row: nextRow++, text: label });
      const top = nextRow;
      for (const values of rows) {
        values.forEach((value, k) => cells.push({ row: nextRow, col: 2 + k, value, format }));
        nextRow++;
      }
      const bottom = top + rows.length - 1;
      return {
        col: (k) => absRange(2 + k, top, bottom, rulesSheet),
        block: (from, to) =>
          `${quoteSheet(rulesSheet)}!$${columnLetter(1 + from)}$${top}:$${columnLetter(1 + to)}$${bottom}`,
      };
    },
    heading: (label) => {
      nextRow++;
      labels.push({ row: nextRow++, text: label });
    },
    column: (header, formula, opts) => {
      const col = options.firstCol + columns.length;
      columns.push({ header, formula, array: opts?.array, format: opts?.format });
      return ref(col, columns.length - 1);
    },
    input: (key) => (key in options.inputs ? ref(options.inputs[key]) : undefined),
    asOf,
    idOk: (row) => {
      if (options.idsUnique || options.idCol === undefined) return "TRUE";
      const id = ref(options.idCol);
      return `AND(LEN(TRIM(${id.at(row)}))>0,COUNTIF(${id.range},${id.at(row)})=1)`;
    },
  };
  return { builder, columns, labels, cells };
}
