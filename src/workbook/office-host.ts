/**
 * The workbook host inside Excel: every Office.js call of the add-in lives here, and nothing else
 * does. Thin on purpose: it moves cells in and out in chunks, keeps the add-in's own columns apart
 * from the user's, and leaves every decision about grading to the engine and to write-result.ts.
 *
 * Rules kept here (docs/workbook.md explains them):
 * - no request or response above 4 MB (Excel on the web rejects 5 MB): blocks go in row chunks, one
 *   `context.sync()` per chunk, sized from the JSON of a sample of their cells (chunks.ts);
 * - a cell Tier would write that holds something Tier did not write stops the run before anything is
 *   written (CellInTheWayError);
 * - text stays text: every string cell gets the Text number format ("@") before its value is set, so
 *   "=HYPERLINK(…)", "+1", "-2abc", "@SUM(A1)", "00123" or "2025-03-01" are never turned into
 *   formulas, numbers or dates;
 * - real Excel's refusals become sentences (docs/workbook.md, "Real Excel"): every batch runs with
 *   `delayForCellEdit`, a protected sheet is named with how to unprotect it, a read past Excel's
 *   5,000,000-cell limit is read again in halves, and settings are refreshed before they are changed.
 */
import { textOn } from "../engine/colour";
import { dayToExcelSerial } from "../engine/dates";
import { describeReason, TierError } from "../engine/errors";
import { columnLetter } from "../engine/table";
import {
  bytesPerCellOf,
  estimateBytes,
  planChunks,
  REQUEST_LIMIT_BYTES,
  SAMPLE_ROWS,
  type ChunkRange,
} from "./chunks";
import {
  CellInTheWayError,
  type CellLook,
  type CellOut,
  type ChartRequest,
  type LineChartRequest,
  type OwnedColumns,
  type ParetoChartRequest,
  type Progress,
  type SheetRead,
  type SheetWriteRequest,
  type TierColours,
  type WorkbookHost,
  type WriteColumnsRequest,
} from "./host";
import { ownedSettingKey } from "./write-result";

/**
 * The requirement sets the pane's code uses, also declared in manifest.xml (test/manifest.test.ts
 * checks both lists agree). ExcelApi 1.8 for the Pareto chart's secondary axis (`series.axisGroup`,
 * `gapWidth`); everything else is older: chart series (1.7), conditional formats and
 * `suspendApiCalculationUntilNextSync` (1.6), `getUsedRangeOrNullObject` (1.4), `getVisibleView` and
 * `showTotals` (1.3), sheet protection and `functions.date` (1.2). SharedRuntime 1.1: the pane and the
 * TIER functions share one runtime. Together they are Excel 2021 and later, Microsoft 365 version
 * 2002 and later, Excel for Mac 16.35 and later, and Excel on the web; not Excel 2019 (no shared
 * runtime) and not Excel on iPad (no shared runtime, no custom functions).
 */
export const REQUIRED_SETS = [
  { name: "ExcelApi", version: "1.8" },
  { name: "SharedRuntime", version: "1.1" },
] as const;

export type RequirementCheck =
  | { ok: true }
  | { ok: false; need: string; code: "workbook.outsideExcel" | "workbook.unsupported"; message: string };

/**
 * Whether this Excel can run the pane, with a message the user can act on when it cannot: it names the
 * Excel versions that work. `code` is the reason's code in the catalogue (zh-CN and en-US), `message`
 * its English wording.
 *
 * @example checkRequirements() // { ok: false, need: "SharedRuntime 1.1", code: "workbook.unsupported", message: "Tier needs Excel 2021 …" }
 */
export function checkRequirements(): RequirementCheck {
  const all = REQUIRED_SETS.map((s) => `${s.name} ${s.version}`).join(", ");
  if (typeof Office === "undefined" || !Office.context?.requirements) {
    const code = "workbook.outsideExcel";
    return { ok: false, need: all, code, message: describeReason({ code }, "en") };
  }
  const missing = REQUIRED_SETS.find((s) => !Office.context.requirements.isSetSupported(s.name, s.version));
  if (missing) {
    const need = `${missing.name} ${missing.version}`;
    const code = "workbook.unsupported";
    return { ok: false, need, code, message: describeReason({ code, params: { need } }, "en") };
  }
  return { ok: true };
}

/** Name of the one Pareto chart Tier keeps on a sheet; a new run replaces it. */
export const PARETO_CHART_NAME = "TierPareto";

/** Excel's grid: the last row and column. */
const MAX_ROWS = 1_048_576;
const MAX_COLUMNS = 16_384;
/**
 * Cells of the first read of a block, which measures the rest: 1,000 rows of up to 100 columns. A
 * used range made 16,384 columns wide by one stray value far to the right is probed with 6 rows.
 */
const PROBE_CELLS = 100_000;
/** Cells of one read at most: half of the 5,000,000 Excel allows a get operation. */
const READ_CELLS = 2_500_000;
/** Points per character of column width (Excel's default 8.43 characters is 48 points). */
const POINTS_PER_CHAR = 5.7;

export interface OfficeHostOptions {
  /** Largest request or response in bytes; 4 MB under Excel on the web's 5 MB. */
  limitBytes?: number;
}

type ExcelValue = string | number | boolean;
/**
 * A cell of a block to write beyond the plain values: a live formula (without "="), or a value with a
 * number format of its own (a rules block's date or share).
 */
export type BlockCell = CellOut | { formula: string } | { cell: CellOut; format: string };
/** The cell at row `row` (0-based, within the block) and column `column` of a block to write. */
export type CellAt = (row: number, column: number) => BlockCell;

/** A rectangle of sheet cells, 0-based. */
interface Block {
  top: number;
  left: number;
  rows: number;
  columns: number;
}

/** The Office.js host: `Excel.run` batches, chunked, with the add-in's settings in the document. */
export class OfficeHost implements WorkbookHost {
  readonly limitBytes: number;

  constructor(options: OfficeHostOptions = {}) {
    this.limitBytes = options.limitBytes ?? REQUEST_LIMIT_BYTES;
  }

  /** Throws a TierError with the requirement message when this Excel is too old for the pane. */
  ensureSupported(): void {
    const check = checkRequirements();
    if (!check.ok)
      throw new TierError(check.code, check.code === "workbook.unsupported" ? { need: check.need } : {});
  }

  /**
   * `Excel.run` for every batch of the host. `delayForCellEdit`: while the user is typing in a cell,
   * Excel holds the batch until they press Enter or Esc instead of failing it with
   * InvalidOperationInCellEditMode (Excel.RunOptions), so a write of several syncs does not stop half
   * way. Excel's refusals that a user can act on become TierErrors naming `sheetName`.
   */
  private async run<T>(
    sheetName: string | undefined,
    batch: (context: Excel.RequestContext) => Promise<T>,
  ): Promise<T> {
    try {
      return await Excel.run({ delayForCellEdit: true }, batch);
    } catch (error) {
      const code = (error as { code?: unknown } | null)?.code;
      // An Excel that ignores delayForCellEdit still refuses the batch while a cell is edited.
      if (code === "InvalidOperationInCellEditMode") throw new TierError("workbook.cellEdit");
      // A protected sheet, protected workbook structure, or a read-only file.
      if (code === "AccessDenied") throw new TierError("workbook.accessDenied", { sheet: sheetName ?? "" });
      throw error;
    }
  }

  async listSheets(): Promise<{ sheets: string[]; active: string }> {
    this.ensureSupported();
    return this.run(undefined, async (context) => {
      const sheets = context.workbook.worksheets.load("items/name");
      const active = context.workbook.worksheets.getActiveWorksheet().load("name");
      await context.sync();
      return { sheets: sheets.items.map((s) => s.name), active: active.name };
    });
  }

  async readSheet(sheetName: string, onProgress?: Progress): Promise<SheetRead> {
    this.ensureSupported();
    const owned = parseOwned(await this.loadSetting(ownedSettingKey(sheetName)));
    return this.run(sheetName, async (context) => {
      const sheet = context.workbook.worksheets.getItem(sheetName);
      const used = sheet.getUsedRangeOrNullObject(true).load("rowIndex, columnIndex, rowCount, columnCount");
      const tables = sheet.tables.load("items/name, items/showTotals");
      // Rows hidden by the user or a filter are read and graded like the others; the read says how many.
      // getUsedRange (not …OrNullObject) gives A1 on an empty sheet, so the view always exists.
      const visible = sheet.getUsedRange(true).getVisibleView().load("rowCount");
      const system = date1904Probe(context);
      try {
        await context.sync();
      } catch (error) {
        if ((error as { code?: unknown } | null)?.code === "ItemNotFound")
          throw new TierError("workbook.noSheetNamed", { sheet: sheetName });
        throw error;
      }
      const date1904 = system.value === 0;
      const table = tables.items.length === 1 ? tables.items[0] : undefined;
      const tableName = table?.name;
      if (used.isNullObject) return { sheetName, tableName, rows: [], date1904, top: 0, left: 0 };
      const block = {
        top: used.rowIndex,
        left: used.columnIndex,
        rows: used.rowCount,
        columns: used.columnCount,
      };
      // A table's total row ("Total", SUBTOTAL formulas) is not a customer.
      let totalRow: number | undefined;
      if (table?.showTotals) {
        const total = table.getTotalRowRange().load("rowIndex");
        await context.sync();
        totalRow = total.rowIndex;
      }
      const rows: unknown[][] = [];
      await this.readBlock(context, sheet, sheetName, block, "values", (start, values) => {
        for (const row of values) rows.push(row);
        onProgress?.("read", start + values.length, block.rows);
        return true;
      });
      if (owned?.sheetName === sheetName) hideOwned(rows, block, owned);
      const read: SheetRead = { sheetName, tableName, rows, date1904, top: block.top, left: block.left };
      if (totalRow !== undefined && totalRow >= block.top && totalRow < block.top + rows.length) {
        rows[totalRow - block.top] = rows[totalRow - block.top].map(() => "");
        read.totalRow = totalRow;
      }
      const hidden = block.rows - visible.rowCount;
      if (hidden > 0) read.hiddenRows = hidden;
      return read;
    });
  }

  async writeColumns(request: WriteColumnsRequest, onProgress?: Progress): Promise<OwnedColumns> {
    this.ensureSupported();
    const width = request.headers.length;
    if (request.columns.length !== width)
      throw new TierError("workbook.headerCount", { headers: width, columns: request.columns.length });
    const n = width ? request.columns[0].length : 0;
    if (request.columns.some((c) => c.length !== n)) throw new TierError("workbook.columnLengths");
    const { sheetName, headerRow } = request;
    // loadSetting refreshes the settings first: a co-author's run may have moved the columns.
    const previous = parseOwned(await this.loadSetting(ownedSettingKey(sheetName)));

    const record = await this.run(sheetName, async (context) => {
      const sheet = context.workbook.worksheets.getItem(sheetName);
      const protection = sheet.protection.load("protected");
      const system = date1904Probe(context);
      // Where the previous run's columns are now: found by their headers on the header row, so a
      // column the user inserted or deleted on the left moves them without losing them.
      let mine: Block | undefined;
      let headerCells: Excel.Range | undefined;
      let used: Excel.Range[] | undefined;
      const fresh: Block = { top: headerRow, left: request.dataEnd, rows: n + 1, columns: width };
      if (previous?.sheetName === sheetName && previous.headers.length) {
        headerCells = sheet
          .getRangeByIndexes(headerRow, 0, 1, MAX_COLUMNS)
          .getUsedRangeOrNullObject(true)
          .load("values, columnIndex");
      } else if (fits(fresh)) {
        // No previous run here: the emptiness check rides on this first sync.
        used = queueUsed(sheet, [fresh]);
      }
      await context.sync();
      // Checked before anything is written, so a protected sheet is left exactly as it was.
      if (protection.protected) throw new TierError("workbook.protected", { sheet: sheetName });
      const date1904 = system.value === 0;
      if (previous && headerCells && !headerCells.isNullObject) {
        const at = findHeaders(headerCells.values[0], previous.headers);
        if (at >= 0)
          mine = {
            top: headerRow,
            left: headerCells.columnIndex + at,
            rows: previous.rows + 1,
            columns: previous.headers.length,
          };
      }
      const first = mine ? mine.left : request.dataEnd;
      const target: Block = { top: headerRow, left: first, rows: n + 1, columns: width };
      if (!fits(target)) throw new TierError("workbook.outputTooLarge", { sheet: sheetName });
      if (!used) {
        used = queueUsed(sheet, subtract(target, mine));
        if (used.length) await context.sync();
      }
      await this.ensureEmpty(context, sheet, sheetName, used);
      const owned: OwnedColumns = {
        sheetName,
        headerRow,
        firstColumn: first,
        headers: [...request.headers],
        rows: n,
      };
      // Claimed before writing: every cell of the block was just checked to be empty or Tier's, so if
      // the write stops half way the next run still knows the half-written cells are Tier's.
      await this.saveSetting(ownedSettingKey(sheetName), JSON.stringify(owned));

      const formats = request.formats ?? [];
      const cellAt: CellAt = (r, c) => {
        if (r === 0) return request.headers[c];
        const formula = request.formulas?.[c]?.[r - 1];
        return formula === undefined ? request.columns[c][r - 1] : { formula };
      };
      await this.writeBlock(context, sheet, target, cellAt, formats, date1904, {
        onProgress,
        before: () => {
          for (const old of mine ? subtract(mine, target) : []) rangeOf(sheet, old).clear("All");
          if (mine) rangeOf(sheet, mine).conditionalFormats.clearAll();
          if (n) rangeOf(sheet, { ...target, top: target.top + 1, rows: n }).conditionalFormats.clearAll();
        },
        after: () => {
          rangeOf(sheet, { ...target, rows: 1 }).format.font.bold = true;
          (request.widths ?? []).forEach((chars, c) => {
            sheet.getRangeByIndexes(headerRow, first + c, 1, 1).format.columnWidth = Math.round(
              chars * POINTS_PER_CHAR,
            );
          });
          const tier = request.tierColumn ?? -1;
          if (n && tier >= 0 && tier < width && request.tierColours) {
            onProgress?.("format", 0, 1);
            colourTiers(sheet.getRangeByIndexes(headerRow + 1, first + tier, n, 1), request.tierColours);
          }
        },
      });
      onProgress?.("format", 1, 1);
      return owned;
    });
    return record;
  }

  async writeSheet(request: SheetWriteRequest, onProgress?: Progress): Promise<void> {
    this.ensureSupported();
    const width = request.rows.reduce(
      (w, r, i) => Math.max(w, r.length, request.formulas?.[i]?.length ?? 0),
      0,
    );
    await this.run(request.name, async (context) => {
      const existing = context.workbook.worksheets.getItemOrNullObject(request.name);
      const system = date1904Probe(context);
      await context.sync();
      const date1904 = system.value === 0;
      let tables: Excel.TableCollection | undefined;
      if (!existing.isNullObject) {
        // Cleared rather than deleted and added, so formulas elsewhere that point at it keep working.
        tables = existing.tables.load("items/name");
        const protection = existing.protection.load("protected");
        await context.sync();
        if (protection.protected) throw new TierError("workbook.protected", { sheet: request.name });
      }
      const sheet = existing.isNullObject ? context.workbook.worksheets.add(request.name) : existing;
      const block: Block = { top: 0, left: 0, rows: request.rows.length, columns: width };
      const cellAt: CellAt = (r, c) => {
        const formula = request.formulas?.[r]?.[c];
        if (formula !== undefined) return { formula };
        const format = request.cellFormats?.[r]?.[c];
        const cell = request.rows[r][c] ?? null;
        return format === undefined ? cell : { cell, format };
      };
      await this.writeBlock(context, sheet, block, cellAt, request.formats ?? [], date1904, {
        onProgress,
        before: () => {
          for (const t of tables?.items ?? []) t.delete();
          if (!existing.isNullObject) sheet.getRange().clear("All");
        },
        after: () => {
          if (block.rows && width) {
            if (request.asTable) sheet.tables.add(rangeOf(sheet, block), true);
            else rangeOf(sheet, { ...block, rows: 1 }).format.font.bold = true;
          }
          (request.widths ?? []).forEach((chars, c) => {
            sheet.getRangeByIndexes(0, c, 1, 1).format.columnWidth = Math.round(chars * POINTS_PER_CHAR);
          });
          for (const look of request.looks ?? []) applyLook(sheet, look);
          if (request.hidden) sheet.visibility = "Hidden";
          printSetup(sheet, request.printTitleRow);
        },
      });
    });
  }

  async appendRows(sheetName: string, header: CellOut[], rows: CellOut[][]): Promise<void> {
    this.ensureSupported();
    await this.run(sheetName, async (context) => {
      const existing = context.workbook.worksheets.getItemOrNullObject(sheetName);
      const system = date1904Probe(context);
      await context.sync();
      const date1904 = system.value === 0;
      let next = 0;
      if (!existing.isNullObject) {
        const used = existing.getUsedRangeOrNullObject(true).load("rowIndex, rowCount");
        const protection = existing.protection.load("protected");
        await context.sync();
        if (protection.protected) throw new TierError("workbook.protected", { sheet: sheetName });
        if (!used.isNullObject) next = used.rowIndex + used.rowCount;
      }
      const sheet = existing.isNullObject ? context.workbook.worksheets.add(sheetName) : existing;
      // Only rows below the last used one are written: the history is never rewritten.
      const all = next === 0 ? [header, ...rows] : rows;
      if (!all.length) {
        await context.sync();
        return;
      }
      const width = all.reduce((w, r) => Math.max(w, r.length), 0);
      const block: Block = { top: next, left: 0, rows: all.length, columns: width };
      await this.writeBlock(context, sheet, block, (r, c) => all[r][c] ?? null, [], date1904, {});
    });
  }

  async addParetoChart(request: ParetoChartRequest): Promise<void> {
    this.ensureSupported();
    const { dataTop, dataLeft, points, marks } = request;
    if (points < 1) return;
    await this.run(request.sheetName, async (context) => {
      const sheet = context.workbook.worksheets.getItem(request.sheetName);
      const header = sheet.getRangeByIndexes(dataTop, dataLeft, 1, 3).load("values");
      const old = sheet.charts.getItemOrNullObject(PARETO_CHART_NAME);
      await context.sync();
      if (!old.isNullObject) old.delete();

      // The 80 % and 95 % lines are constant series: two columns beside the data block.
      const markLeft = dataLeft + 3;
      if (marks.length) {
        const block = { top: dataTop, left: markLeft, rows: points + 1, columns: marks.length };
        const values: ExcelValue[][] = [marks.map(markLabel)];
        const formats: string[][] = [marks.map(() => "@")];
        for (let i = 0; i < points; i++) {
          values.push([...marks]);
          formats.push(marks.map(() => "0%"));
        }
        const range = rangeOf(sheet, block);
        range.numberFormat = formats;
        range.values = values;
      }
      const labels = sheet.getRangeByIndexes(dataTop + 1, dataLeft, points, 1);
      const chart = sheet.charts.add(
        "ColumnClustered",
        sheet.getRangeByIndexes(dataTop, dataLeft + 1, points + 1, 1),
        "Columns",
      );
      chart.name = PARETO_CHART_NAME;
      chart.title.text = request.title;
      chart.legend.position = "Bottom";
      const sales = chart.series.getItemAt(0);
      sales.setXAxisValues(labels);
      sales.gapWidth = points > 50 ? 0 : 50;
      const line = (name: string, column: number, dashed: boolean) => {
        const s = chart.series.add(name);
        s.setValues(sheet.getRangeByIndexes(dataTop + 1, column, points, 1));
        s.setXAxisValues(labels);
        s.chartType = "Line";
        s.axisGroup = "Secondary";
        s.markerStyle = "None";
        if (dashed) s.format.line.lineStyle = "Dash";
      };
      line(String(header.values[0][2] || "%"), dataLeft + 2, false);
      marks.forEach((m, k) => line(markLabel(m), markLeft + k, true));
      const share = chart.axes.getItem("Value", "Secondary");
      share.minimum = 0;
      share.maximum = 1;
      share.numberFormat = "0%";
      chart.axes.getItem("Value", "Primary").numberFormat = "#,##0";
      if (points > 50) chart.axes.getItem("Category", "Primary").tickLabelPosition = "None";
      chart.setPosition(
        sheet.getRangeByIndexes(request.anchorRow, request.anchorColumn, 1, 1),
        sheet.getRangeByIndexes(request.anchorRow + 20, request.anchorColumn + 9, 1, 1),
      );
      await context.sync();
    });
  }

  /** A native line chart (`LineMarkers`): the first series from the chart's source, the others added. */
  async addLineChart(request: LineChartRequest): Promise<void> {
    this.ensureSupported();
    const { headerRow, points, categoryColumn, seriesColumns } = request;
    if (points < 1 || seriesColumns.length === 0) return;
    await this.run(request.sheetName, async (context) => {
      const sheet = context.workbook.worksheets.getItem(request.sheetName);
      const names = seriesColumns.map((c) => sheet.getRangeByIndexes(headerRow, c, 1, 1).load("values"));
      const old = sheet.charts.getItemOrNullObject(request.name);
      await context.sync();
      if (!old.isNullObject) old.delete();
      const labels = sheet.getRangeByIndexes(headerRow + 1, categoryColumn, points, 1);
      const chart = sheet.charts.add(
        "LineMarkers",
        sheet.getRangeByIndexes(headerRow, seriesColumns[0], points + 1, 1),
        "Columns",
      );
      chart.name = request.name;
      chart.title.text = request.title;
      chart.legend.position = "Bottom";
      chart.series.getItemAt(0).setXAxisValues(labels);
      seriesColumns.slice(1).forEach((c, k) => {
        const s = chart.series.add(String(names[k + 1].values[0][0] ?? ""));
        s.setValues(sheet.getRangeByIndexes(headerRow + 1, c, points, 1));
        s.setXAxisValues(labels);
      });
      if (request.valueFormat) chart.axes.getItem("Value", "Primary").numberFormat = request.valueFormat;
      chart.setPosition(
        sheet.getRangeByIndexes(request.anchorRow, request.anchorColumn, 1, 1),
        sheet.getRangeByIndexes(request.anchorRow + 18, request.anchorColumn + 8, 1, 1),
      );
      await context.sync();
    });
  }

  /**
   * A chart drawn from a chart description: `charts.add` on the first bar series' cells, then one
   * series per further column (ExcelApi 1.7), lines on the secondary axis (1.8), a fill per point for
   * tier colours (1.1), value labels (1.8). A horizontal chart lists its first category at the top.
   */
  async addChart(request: ChartRequest): Promise<void> {
    this.ensureSupported();
    const { dataTop, points } = request;
    if (points < 1 || !request.series.length) return;
    await this.run(request.sheetName, async (context) => {
      const sheet = context.workbook.worksheets.getItem(request.sheetName);
      const data = context.workbook.worksheets.getItem(request.dataSheet);
      const old = sheet.charts.getItemOrNullObject(request.name);
      const names = request.series.map((s) => data.getRangeByIndexes(dataTop, s.column, 1, 1).load("values"));
      await context.sync();
      if (!old.isNullObject) old.delete();
      const ordered = [...request.series.filter((s) => !s.line), ...request.series.filter((s) => s.line)];
      const nameOf = (k: number) => String(names[request.series.indexOf(ordered[k])].values[0][0] ?? "");
      const values = (column: number) => data.getRangeByIndexes(dataTop + 1, column, points, 1);
      const type =
        request.type === "column"
          ? request.stacked
            ? "ColumnStacked"
            : "ColumnClustered"
          : request.type === "pyramid"
            ? "BarStacked"
            : "BarClustered";
      const chart = sheet.charts.add(
        type,
        data.getRangeByIndexes(dataTop, ordered[0].column, points + 1, 1),
        "Columns",
      );
      chart.name = request.name;
      chart.title.text = request.title;
      chart.legend.visible = request.legend;
      if (request.legend) chart.legend.position = "Bottom";
      const labels = values(request.categoryColumn);
      ordered.forEach((s, k) => {
        const series = k === 0 ? chart.series.getItemAt(0) : chart.series.add(nameOf(k));
        if (k > 0) series.setValues(values(s.column));
        series.setXAxisValues(labels);
        if (s.line) {
          series.chartType = "Line";
          series.axisGroup = "Secondary";
          series.markerStyle = "None";
          series.format.line.color = s.colour;
          return;
        }
        if (k === 0) {
          series.gapWidth = request.type === "pyramid" ? 10 : points > 50 ? 0 : 60;
          if (request.type === "pyramid" || request.stacked) series.overlap = 100;
        }
        if (s.hidden) {
          series.format.fill.clear();
          return;
        }
        series.format.fill.setSolidColor(s.colour);
        (s.pointColours ?? []).forEach((c, i) => series.points.getItemAt(i).format.fill.setSolidColor(c));
        if (s.labels) {
          series.hasDataLabels = true;
          series.dataLabels.showValue = true;
          series.dataLabels.numberFormat = s.labels;
        }
      });
      const value = chart.axes.getItem("Value", "Primary");
      value.numberFormat = request.valueFormat;
      if (request.type === "pyramid") value.visible = false;
      const category = chart.axes.getItem("Category", "Primary");
      if (request.type !== "column") category.reversePlotOrder = true;
      if (request.labelEvery && request.labelEvery > 1) category.tickLabelSpacing = request.labelEvery;
      if (ordered.some((s) => s.line)) {
        const share = chart.axes.getItem("Value", "Secondary");
        share.minimum = 0;
        share.maximum = 1;
        share.numberFormat = "0%";
      }
      chart.setPosition(sheet.getRangeByIndexes(request.anchorRow, request.anchorColumn, 1, 1));
      // Pixels to points (96 dpi screens: 3 points per 4 pixels).
      chart.width = Math.round(request.widthPx * 0.75);
      chart.height = Math.round(request.heightPx * 0.75);
      await context.sync();
    });
  }

  /**
   * Document settings (`Office.context.document.settings`) rather than a custom XML part: small
   * values, saved with the workbook on every platform, and no XML to escape. Each add-in instance
   * holds its own copy and `saveAsync` writes that whole copy, so with co-authors both are refreshed
   * from the document first (`refreshAsync`): a save then keeps the other user's keys, and a read sees
   * where their run put its columns.
   */
  async saveSetting(key: string, value: string): Promise<void> {
    const settings = documentSettings();
    await refreshSettings(settings);
    settings.set(key, value);
    await new Promise<void>((resolve, reject) => {
      settings.saveAsync((result) => {
        // "succeeded" is Office.AsyncResultStatus.Succeeded; compared as text so a late callback (the
        // pane closed meanwhile) never reaches for a global that is gone.
        if (String(result.status) === "succeeded") resolve();
        else reject(new TierError("workbook.settings", { message: result.error.message }));
      });
    });
  }

  async loadSetting(key: string): Promise<string | null> {
    const settings = documentSettings();
    await refreshSettings(settings);
    const value: unknown = settings.get(key);
    return typeof value === "string" ? value : null;
  }

  async selectCell(sheetName: string, row: number, column: number): Promise<void> {
    this.ensureSupported();
    await this.run(sheetName, async (context) => {
      const sheet = context.workbook.worksheets.getItem(sheetName);
      sheet.activate();
      sheet.getRangeByIndexes(row, column, 1, 1).select();
      await context.sync();
    });
  }

  /**
   * Reads a block's `values` or `formulas` in row chunks, one sync each: a first chunk of up to
   * SAMPLE_ROWS rows (and PROBE_CELLS cells, so a stray value far to the right does not make it
   * millions of cells) measures the cells, the rest is planned from it, no chunk over READ_CELLS cells.
   * A chunk Excel still finds too large (much longer text further down; past its cell limit it fails
   * with RangeExceedsLimit or returns `null` values) is read again in halves. `take` returns false to
   * stop early.
   */
  private async readBlock(
    context: Excel.RequestContext,
    sheet: Excel.Worksheet,
    sheetName: string,
    block: Block,
    property: "values" | "formulas",
    take: (start: number, cells: unknown[][]) => boolean,
  ): Promise<void> {
    const readRows = async (start: number, count: number): Promise<unknown[][]> => {
      const range = sheet
        .getRangeByIndexes(block.top + start, block.left, count, block.columns)
        .load(property);
      let cells: unknown[][] | null;
      try {
        await context.sync();
        cells = property === "values" ? range.values : range.formulas;
      } catch (error) {
        if (!isTooLarge(error)) throw error;
        cells = null;
      }
      if (cells) return cells;
      if (count === 1)
        throw new TierError("workbook.rowTooLarge", {
          sheet: sheetName,
          row: block.top + start + 1,
          columns: block.columns,
        });
      const half = Math.ceil(count / 2);
      return [...(await readRows(start, half)), ...(await readRows(start + half, count - half))];
    };
    const probe = Math.min(block.rows, SAMPLE_ROWS, Math.max(1, Math.floor(PROBE_CELLS / block.columns)));
    if (!probe) return;
    const sample = await readRows(0, probe);
    if (!take(0, sample)) return;
    const rest = capRows(
      planChunks(block.rows - probe, block.columns, bytesPerCellOf(sample, block.columns), this.limitBytes),
      Math.max(1, Math.floor(READ_CELLS / block.columns)),
    );
    for (const chunk of rest) {
      // One sync per chunk (inside readRows) is the point: each is its own request under the limit.
      const cells = await readRows(probe + chunk.start, chunk.count);
      if (!take(probe + chunk.start, cells)) return;
    }
  }

  /**
   * Throws CellInTheWayError, naming the first such cell, when any of the used ranges (queued by
   * `queueUsed` and synced) holds a value or a formula.
   */
  private async ensureEmpty(
    context: Excel.RequestContext,
    sheet: Excel.Worksheet,
    sheetName: string,
    used: Excel.Range[],
  ): Promise<void> {
    for (const u of used) {
      if (u.isNullObject) continue;
      const found = { top: u.rowIndex, left: u.columnIndex, rows: u.rowCount, columns: u.columnCount };
      let hit: { row: number; column: number; value: unknown } | undefined;
      await this.readBlock(context, sheet, sheetName, found, "formulas", (start, cells) => {
        for (let r = 0; r < cells.length && !hit; r++) {
          const c = cells[r].findIndex((v) => v !== "" && v !== null);
          if (c >= 0) hit = { row: found.top + start + r, column: found.left + c, value: cells[r][c] };
        }
        return !hit;
      });
      if (hit) throw new CellInTheWayError(sheetName, `${columnLetter(hit.column)}${hit.row + 1}`, hit.value);
    }
  }

  /**
   * Writes a block of cells in row chunks, one sync per chunk, calculation suspended for each. Per
   * chunk the number formats go first and the values after: a string written into a cell that is not
   * formatted as text is parsed like typing ("=…" becomes a formula, "00123" a number, "2025-03-01" a
   * date), and the Text format is what keeps it as written. `before` is queued with the first chunk,
   * `after` with the last.
   */
  private async writeBlock(
    context: Excel.RequestContext,
    sheet: Excel.Worksheet,
    block: Block,
    cellAt: CellAt,
    columnFormats: readonly (string | undefined)[],
    date1904: boolean,
    hooks: { onProgress?: Progress; before?: () => void; after?: () => void },
  ): Promise<void> {
    const { rows, columns } = block;
    const prepare = (start: number, count: number) =>
      prepareCells(cellAt, start, count, columns, columnFormats, date1904);
    if (!rows || !columns) {
      hooks.before?.();
      hooks.after?.();
      await context.sync();
      return;
    }
    const chunks = planWrite(rows, columns, cellAt, columnFormats, date1904, this.limitBytes);
    for (let k = 0; k < chunks.length; k++) {
      const { start, count } = chunks[k];
      if (k === 0) hooks.before?.();
      context.application.suspendApiCalculationUntilNextSync();
      const { values, formats, formulas } = prepare(start, count);
      const range = sheet.getRangeByIndexes(block.top + start, block.left, count, columns);
      range.numberFormat = formats;
      // Live formulas go in through `formulas`; the chunk's text cells are formatted "@" first, so
      // they stay text there as through `values`.
      if (formulas) range.formulas = values;
      else range.values = values;
      if (k === chunks.length - 1) hooks.after?.();
      // One sync per chunk is the point: each chunk is its own request under the payload limit.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
      hooks.onProgress?.("write", start + count, rows);
    }
  }
}

/**
 * Row chunks of a block to write: sized on an evenly spaced sample of its rows (values and number
 * formats together, as both travel in the request), then any chunk whose rows turn out longer than the
 * sample's is halved until it fits, before anything is sent. Pure, so tests predict the syncs.
 *
 * @example planWrite(3, 1, () => "x", [], false).length // 1
 */
export function planWrite(
  rows: number,
  columns: number,
  cellAt: CellAt,
  columnFormats: readonly (string | undefined)[],
  date1904: boolean,
  limitBytes = REQUEST_LIMIT_BYTES,
): ChunkRange[] {
  if (!rows || !columns) return [];
  const step = Math.max(1, Math.floor(rows / SAMPLE_ROWS));
  const sampleValues: ExcelValue[][] = [];
  const sampleFormats: string[][] = [];
  for (let r = 0; r < rows && sampleValues.length < SAMPLE_ROWS; r += step) {
    const one = prepareCells(cellAt, r, 1, columns, columnFormats, date1904);
    sampleValues.push(one.values[0]);
    sampleFormats.push(one.formats[0]);
  }
  const perCell = bytesPerCellOf(sampleValues, columns) + bytesPerCellOf(sampleFormats, columns);
  const chunks: ChunkRange[] = [];
  const fit = (start: number, count: number) => {
    const { values, formats } = prepareCells(cellAt, start, count, columns, columnFormats, date1904);
    if (count > 1 && estimateBytes(values) + estimateBytes(formats) > limitBytes) {
      const half = Math.ceil(count / 2);
      fit(start, half);
      fit(start + half, count - half);
    } else chunks.push({ start, count });
  };
  for (const c of planChunks(rows, columns, perCell, limitBytes)) fit(c.start, c.count);
  return chunks;
}

function prepareCells(
  cellAt: CellAt,
  start: number,
  count: number,
  columns: number,
  columnFormats: readonly (string | undefined)[],
  date1904: boolean,
): { values: ExcelValue[][]; formats: string[][]; formulas: boolean } {
  const values: ExcelValue[][] = [];
  const formats: string[][] = [];
  let formulas = false;
  for (let r = start; r < start + count; r++) {
    const v = new Array<ExcelValue>(columns);
    const f = new Array<string>(columns);
    for (let c = 0; c < columns; c++) {
      const out = toExcel(cellAt(r, c), columnFormats[c], date1904);
      v[c] = out.value;
      f[c] = out.format;
      if (out.formula) formulas = true;
    }
    values.push(v);
    formats.push(f);
  }
  return { values, formats, formulas };
}

/** Excel's value and number format for one output cell. */
function toExcel(
  cell: BlockCell,
  columnFormat: string | undefined,
  date1904: boolean,
): { value: ExcelValue; format: string; formula?: true } {
  if (cell !== null && typeof cell === "object" && "formula" in cell)
    return {
      value: `=${cell.formula}`,
      // Never "@": a formula in a Text cell is kept as its text.
      format: columnFormat && columnFormat !== "@" ? columnFormat : "General",
      formula: true,
    };
  if (cell !== null && typeof cell === "object" && "format" in cell)
    return toExcel(cell.cell, cell.format, date1904);
  if (cell === null || cell === undefined) return { value: "", format: columnFormat ?? "General" };
  if (typeof cell === "string") return { value: cell, format: "@" };
  if (typeof cell === "number")
    return Number.isFinite(cell)
      ? { value: cell, format: columnFormat && columnFormat !== "@" ? columnFormat : "General" }
      : { value: "", format: "General" };
  if (typeof cell === "boolean") return { value: cell, format: "General" };
  return {
    value: dayToExcelSerial(cell.date, date1904),
    format: columnFormat && columnFormat !== "@" && /[dy]/i.test(columnFormat) ? columnFormat : "yyyy-mm-dd",
  };
}

/** Serial of 1904-01-01: 0 in a 1904 workbook, 1462 in a 1900 one (ExcelApi 1.2, in the batch's sync). */
function date1904Probe(context: Excel.RequestContext): Excel.FunctionResult<number> {
  return context.workbook.functions.date(1904, 1, 1).load("value");
}

/** The used part (values and formulas) of each block, as null objects when empty: one sync for all. */
function queueUsed(sheet: Excel.Worksheet, blocks: Block[]): Excel.Range[] {
  return blocks.map((b) =>
    rangeOf(sheet, b).getUsedRangeOrNullObject(true).load("rowIndex, columnIndex, rowCount, columnCount"),
  );
}

function fits(b: Block): boolean {
  return b.top + b.rows <= MAX_ROWS && b.left + b.columns <= MAX_COLUMNS;
}

function rangeOf(sheet: Excel.Worksheet, b: Block): Excel.Range {
  return sheet.getRangeByIndexes(b.top, b.left, b.rows, b.columns);
}

/** The parts of `a` outside `b`, as at most two blocks (both share the top-left corner or b is absent). */
function subtract(a: Block, b: Block | undefined): Block[] {
  if (!b) return [a];
  const out: Block[] = [];
  const bRight = b.left + b.columns;
  const bBottom = b.top + b.rows;
  if (a.left + a.columns > bRight)
    out.push({ top: a.top, left: bRight, rows: a.rows, columns: a.left + a.columns - bRight });
  const common = Math.min(a.left + a.columns, bRight) - a.left;
  if (a.top + a.rows > bBottom && common > 0)
    out.push({ top: bBottom, left: a.left, rows: a.top + a.rows - bBottom, columns: common });
  return out;
}

/** Index in `row` where `headers` appear side by side, or -1. */
function findHeaders(row: readonly unknown[], headers: readonly string[]): number {
  for (let i = 0; i + headers.length <= row.length; i++) {
    let k = 0;
    while (k < headers.length && row[i + k] === headers[k]) k++;
    if (k === headers.length) return i;
  }
  return -1;
}

/**
 * Blanks the add-in's own columns out of a read, so a re-run grades the user's data and not the
 * previous run's output ("Tier·Amount" beside "Amount"), then drops blank columns at the right.
 */
function hideOwned(rows: unknown[][], block: Block, owned: OwnedColumns): void {
  const r0 = owned.headerRow - block.top;
  if (r0 < 0 || r0 >= rows.length) return;
  const at = findHeaders(rows[r0], owned.headers);
  if (at < 0) return;
  for (let r = r0; r < Math.min(rows.length, r0 + owned.rows + 1); r++)
    for (let c = at; c < at + owned.headers.length; c++) rows[r][c] = "";
  let width = rows.reduce((w, row) => Math.max(w, row.length), 0);
  while (width > 0 && rows.every((row) => row[width - 1] === "" || row[width - 1] === null)) width--;
  for (const row of rows) row.length = Math.min(row.length, width);
}

function parseOwned(text: string | null): OwnedColumns | undefined {
  if (!text) return undefined;
  try {
    const o = JSON.parse(text) as Partial<OwnedColumns>;
    if (
      typeof o.sheetName === "string" &&
      typeof o.headerRow === "number" &&
      typeof o.firstColumn === "number" &&
      typeof o.rows === "number" &&
      Array.isArray(o.headers) &&
      o.headers.every((h) => typeof h === "string")
    )
      return o as OwnedColumns;
  } catch {
    // A damaged record owns nothing: the run then treats every non-empty cell as the user's.
  }
  return undefined;
}

/** A cell's own look (ExcelApi 1.1): fill with its `textOn` text colour, bold, title size, header, format. */
function applyLook(sheet: Excel.Worksheet, look: CellLook): void {
  const range = sheet.getRangeByIndexes(look.row, look.column, 1, 1);
  if (look.header) {
    range.format.fill.color = "#EDEDED";
    range.format.horizontalAlignment = "Center";
  }
  if (look.fill) {
    range.format.fill.color = look.fill;
    range.format.font.color = textOn(look.fill);
  }
  if (look.bold || look.header || look.title) range.format.font.bold = true;
  if (look.title) range.format.font.size = 14;
  if (look.format) range.numberFormat = [[look.format]];
}

/**
 * Landscape, one page wide, the header row on every page: `pageLayout` is ExcelApi 1.9, above the
 * manifest's 1.8, so it is set only where Excel has it; elsewhere the sheet prints as Excel's default.
 */
function printSetup(sheet: Excel.Worksheet, titleRow: number | undefined): void {
  if (typeof Office === "undefined" || !Office.context?.requirements?.isSetSupported("ExcelApi", "1.9"))
    return;
  const layout = sheet.pageLayout;
  layout.orientation = "Landscape";
  layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
  if (titleRow !== undefined) layout.setPrintTitleRows(`$${titleRow + 1}:$${titleRow + 1}`);
}

/** One "cell value equals" rule per tier, filled with the tier's colour. */
function colourTiers(range: Excel.Range, colours: TierColours): void {
  for (const [tier, fill] of Object.entries(colours)) {
    const cf = range.conditionalFormats.add("CellValue");
    cf.cellValue.format.fill.color = fill;
    cf.cellValue.format.font.color = textOn(fill);
    cf.cellValue.rule = { formula1: `="${tier.replace(/"/g, '""')}"`, operator: "EqualTo" };
  }
}

/** "80%" for 0.8, "99.5%" for 0.995. */
function markLabel(mark: number): string {
  return `${Math.round(mark * 1000) / 10}%`;
}

function documentSettings(): Office.Settings {
  if (typeof Office === "undefined" || !Office.context?.document?.settings)
    throw new TierError("workbook.outsideExcel");
  return Office.context.document.settings;
}

/**
 * Excel's ways of saying a read was too large: over the 5 MB payload (Excel on the web), or over the
 * 5,000,000 cells of one get operation (RangeExceedsLimit; performance docs, "payload size limit").
 */
function isTooLarge(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return (
    code === "RequestPayloadSizeLimitExceeded" ||
    code === "ResponsePayloadSizeLimitExceeded" ||
    code === "RangeExceedsLimit"
  );
}

/** `chunks` split so that none has more than `maxRows` rows. */
function capRows(chunks: ChunkRange[], maxRows: number): ChunkRange[] {
  const out: ChunkRange[] = [];
  for (const c of chunks)
    for (let start = c.start; start < c.start + c.count; start += maxRows)
      out.push({ start, count: Math.min(maxRows, c.start + c.count - start) });
  return out;
}

/**
 * Refreshes this instance's copy of the document settings from the document (Settings.refreshAsync),
 * where the platform has it.
 */
function refreshSettings(settings: Office.Settings): Promise<void> {
  if (typeof settings.refreshAsync !== "function") return Promise.resolve();
  return new Promise<void>((resolve, reject) => {
    settings.refreshAsync((result) => {
      // "succeeded" is Office.AsyncResultStatus.Succeeded; compared as text so a late callback (the
      // pane closed meanwhile) never reaches for a global that is gone.
      if (String(result.status) === "succeeded") resolve();
      else reject(new TierError("workbook.settings", { message: result.error.message }));
    });
  });
}
