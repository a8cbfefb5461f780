/**
 * The workbook layer's one interface, with two implementations: Office.js inside Excel
 * (`office-host.ts`) and an in-memory .xlsx workbook for the command line, the standalone page and
 * tests (`file-host.ts`). The pane and the CLI talk to this interface only, never to `Excel` directly.
 *
 * Cells are plain values: string, number, boolean, null (blank); dates are written as `{ date: day }`
 * (days since 1970-01-01) so each host writes a real date with a date format in the workbook's own
 * date system (1900 or 1904).
 */
export type CellOut = string | number | boolean | null | { date: number };

/** Progress of long work: the step in words, and rows done of rows to do. */
export type Progress = (step: ProgressStep, done: number, total: number) => void;
export type ProgressStep = "read" | "grade" | "write" | "format" | "summary" | "chart";

/** A sheet (or an Excel table) as read: raw cells of every row, header rows included. */
export interface SheetRead {
  sheetName: string;
  /** Set when the data is an Excel table (ListObject). */
  tableName?: string;
  rows: unknown[][];
  /** The workbook uses the 1904 date system. */
  date1904: boolean;
  /** 0-based row and column of rows[0][0] in the sheet (a used range may start below A1). */
  top: number;
  left: number;
  /** Rows of the read hidden by the user or by a filter: read and graded like the others. */
  hiddenRows?: number;
  /** 0-based sheet row of the table's total row, blanked out of `rows`: it is not a customer. */
  totalRow?: number;
}

/** Where the add-in's own output columns live in a user's sheet, remembered in the document. */
export interface OwnedColumns {
  sheetName: string;
  /** 0-based sheet row of the header row of the output columns. */
  headerRow: number;
  /** 0-based sheet column of the first output column. */
  firstColumn: number;
  /** Output headers as written, left to right. */
  headers: string[];
  /** Number of data rows written (below the header row). */
  rows: number;
}

/** Colour per tier name, for conditional formatting of the tier column. */
export type TierColours = Readonly<Record<string, string>>;

export interface WriteColumnsRequest {
  sheetName: string;
  /** 0-based sheet row of the data's header row; values go in the rows below it. */
  headerRow: number;
  /** 0-based sheet column where the data ends (exclusive): output columns start at or after it. */
  dataEnd: number;
  headers: string[];
  /** One array per output column, one value per data row (row i is sheet row headerRow + 1 + i). */
  columns: CellOut[][];
  /** Number formats per output column ("0", "0.00", "yyyy-mm-dd", "@" …); absent = General. */
  formats?: (string | undefined)[];
  /** Index of the tier column and its colours. */
  tierColumn?: number;
  tierColours?: TierColours;
  /** Column widths in characters, per output column. */
  widths?: number[];
  /**
   * Live formulas (docs/formulas.md): per output column, per data row, a formula (without the leading
   * "=", Excel's own spelling) the host writes instead of the value. Only these cells are formulas:
   * every string in `columns` is still written as text.
   */
  formulas?: (readonly (string | undefined)[] | undefined)[];
  /**
   * Per output column: its formulas are one-cell array formulas (Ctrl+Shift+Enter in Excel 2016/2019,
   * `MATCH(1, (…)*(…), 0)`). Excel with dynamic arrays (every Excel the pane runs in) computes them as
   * plain formulas; a file writer marks them as arrays.
   */
  formulaArrays?: readonly boolean[];
}

export interface SheetWriteRequest {
  name: string;
  /** Rows of cells, the first row the header. */
  rows: CellOut[][];
  formats?: (string | undefined)[];
  /** Write as an Excel table (filter buttons, banded rows). */
  asTable?: boolean;
  /** Column widths in characters. */
  widths?: number[];
  /** Cells with a look of their own: a fill (text colour by `textOn`), bold, a header look. */
  looks?: CellLook[];
  /** A sheet the user need not see (a chart's data): hidden, still read by the charts. */
  hidden?: boolean;
  /** 0-based row printed at the top of every page (the table's header); none when absent. */
  printTitleRow?: number;
  /** Live formulas: per row, per column, a formula written instead of the value (as in WriteColumnsRequest). */
  formulas?: (readonly (string | undefined)[] | undefined)[];
  /** Number formats of single cells, per row and column, over the column's format (a rules block's dates and shares). */
  cellFormats?: (readonly (string | undefined)[] | undefined)[];
  /** Per column: its formulas are one-cell array formulas (as in WriteColumnsRequest). */
  formulaArrays?: readonly boolean[];
}

/** The look of one cell of a sheet we write, 0-based row and column. */
export interface CellLook {
  row: number;
  column: number;
  /** `#RRGGBB` fill; the text on it is black or white by `textOn` (WCAG). */
  fill?: string;
  bold?: boolean;
  /** The table header look: bold on grey, centred. */
  header?: boolean;
  /** A larger bold title. */
  title?: boolean;
  /** Number format of this cell, instead of its column's. */
  format?: string;
}

/** A series of a {@link ChartRequest}: a column of the data block and how it is drawn. */
export interface ChartSeriesRequest {
  /** 0-based sheet column of its values (header row: its name). */
  column: number;
  /** `#RRGGBB`. */
  colour: string;
  /** A colour per point (tier colours). */
  pointColours?: string[];
  /** A line on a secondary 0..100 % axis instead of bars. */
  line?: boolean;
  /** Not drawn (the spacer that centres a pyramid's bars). */
  hidden?: boolean;
  /** Number format of value labels on the bars; none when absent. */
  labels?: string;
}

/**
 * A chart drawn from a chart description (`src/engine/charts.ts`): its data is a block on
 * `dataSheet` (a header row, then `points` rows; the first column the category labels), the chart
 * itself sits on `sheetName` at a cell, `widthPx` × `heightPx`.
 */
export interface ChartRequest {
  sheetName: string;
  /** Name of the chart object, so a new run replaces it. */
  name: string;
  title: string;
  type: "column" | "bar" | "pyramid";
  dataSheet: string;
  dataTop: number;
  categoryColumn: number;
  points: number;
  series: ChartSeriesRequest[];
  valueFormat: string;
  /** Show every k-th category label. */
  labelEvery?: number;
  legend: boolean;
  anchorRow: number;
  anchorColumn: number;
  widthPx: number;
  heightPx: number;
  /** Bars stacked on one another (a column per previous tier split by current tier: the migration flow). */
  stacked?: boolean;
}

/** A Pareto chart: columns for each customer's sales, a line for the cumulative share on a second axis. */
export interface ParetoChartRequest {
  /** Sheet that holds the chart's data (and the chart itself). */
  sheetName: string;
  /** 0-based top-left cell of the data block: header row then one row per point (label, sales, cumulative share). */
  dataTop: number;
  dataLeft: number;
  points: number;
  /** Where to put the chart, 0-based cell. */
  anchorRow: number;
  anchorColumn: number;
  title: string;
  /** Horizontal marker lines, e.g. [0.8, 0.95]. */
  marks: number[];
}

/**
 * A line chart of a block of a sheet: categories in one column, one line per series column, the
 * series named by the header row (the Potential step's P(alive) by recency and holdout check).
 */
export interface LineChartRequest {
  sheetName: string;
  /** Name of the chart on its sheet: a chart of this name is replaced. */
  name: string;
  title: string;
  /** 0-based row of the header; the points are the `points` rows below it. */
  headerRow: number;
  points: number;
  /** 0-based columns: the categories, and each series. */
  categoryColumn: number;
  seriesColumns: readonly number[];
  /** Where to put the chart, 0-based cell. */
  anchorRow: number;
  anchorColumn: number;
  /** Number format of the value axis ("0%", "0.00"). */
  valueFormat?: string;
}

/** Raised when a cell the add-in would write holds something it did not write: the run stops. */
export class CellInTheWayError extends Error {
  override name = "CellInTheWayError";
  constructor(
    readonly sheetName: string,
    readonly address: string,
    readonly value: unknown,
  ) {
    super(
      `cell ${sheetName}!${address} holds "${String(value)}", which Tier did not write: move it or choose another place, nothing was overwritten`,
    );
  }
}

/** The operations the pane and the command line need from a workbook. */
export interface WorkbookHost {
  /** Sheet names in order, and the active sheet's name. */
  listSheets(): Promise<{ sheets: string[]; active: string }>;
  /** Reads a sheet's used range (or the named table). */
  readSheet(sheetName: string, onProgress?: Progress): Promise<SheetRead>;
  /** Writes owned output columns beside the data; replaces the previous run's columns in place. */
  writeColumns(request: WriteColumnsRequest, onProgress?: Progress): Promise<OwnedColumns>;
  /** Adds or replaces a whole output sheet (summary, visit plan, change log). */
  writeSheet(request: SheetWriteRequest, onProgress?: Progress): Promise<void>;
  /** Appends rows to a sheet that is never rewritten (the history), creating it with `header` if absent. */
  appendRows(sheetName: string, header: CellOut[], rows: CellOut[][]): Promise<void>;
  /** Adds (or replaces) the Pareto chart on a sheet. */
  addParetoChart(request: ParetoChartRequest): Promise<void>;
  /** Saves and loads a small document-level value (the rules as JSON, the owned-columns record). */
  saveSetting(key: string, value: string): Promise<void>;
  loadSetting(key: string): Promise<string | null>;
  /** Selects a cell for the user (a row that got no tier). */
  selectCell(sheetName: string, row: number, column: number): Promise<void>;
  /** Adds (or replaces, by name) a chart drawn from a chart description; hosts without it draw none. */
  addChart?(request: ChartRequest): Promise<void>;
  /** Adds (or replaces) a line chart on a sheet written in this session; a host without charts has none. */
  addLineChart?(request: LineChartRequest): Promise<void>;
}
