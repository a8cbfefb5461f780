/**
 * The migration matrix of the change log sheet, coloured, and the tier flow chart beneath it: the
 * workbook renderer of `migrationChart` (issue 15), the same for the Office host and for files because
 * both draw what the {@link WorkbookHost} is asked for. Fills are cell formats (ExcelApi 1.1) rather
 * than conditional formats: the counts are written values, never recalculated, so a fixed fill says
 * the same thing with fewer calls and reads the same in every spreadsheet program.
 */
import type { MigrationChart } from "../engine/charts-migration";
import type { Lang } from "../engine/grade";
import type { CellLook, CellOut, ChartRequest } from "./host";
import { migrationSheetText } from "./migration-text";

/** Name of the flow chart on the change log sheet: a new run replaces it. */
export const MIGRATION_CHART_NAME = "TierMigration";

/** The matrix block as `changeRows` lays it out: a header row, then a row per previous tier. */
export interface MatrixPlace {
  sheetName: string;
  /** 0-based row of the matrix's header row and column of its corner cell. */
  top: number;
  left: number;
}

/**
 * The looks of the matrix at `place`: header row and column in the header look, every count in its
 * class's shade (text black or white by `textOn`, applied by the hosts).
 *
 * @example migrationLooks(chart, { sheetName: "等级变动", top: 0, left: 5 })[0] // { row: 0, column: 5, header: true }
 */
export function migrationLooks(chart: MigrationChart, place: MatrixPlace): CellLook[] {
  const { top, left } = place;
  const looks: CellLook[] = [];
  // The corner, the current tiers and the total column.
  for (let c = 0; c <= chart.columns.length + 1; c++)
    looks.push({ row: top, column: left + c, header: true });
  chart.rows.forEach((_, r) => looks.push({ row: top + 1 + r, column: left, header: true }));
  chart.cells.forEach((cell, k) => {
    const r = Math.floor(k / chart.columns.length);
    const c = k % chart.columns.length;
    looks.push({ row: top + 1 + r, column: left + 1 + c, fill: cell.fill });
  });
  return looks;
}

/** Row of the colour key under the matrix (one blank row between), and of the chart under the key. */
function keyRow(chart: MigrationChart, place: MatrixPlace): number {
  return place.top + chart.rows.length + 2;
}

/**
 * `rows` with the colour key written under the matrix (rows padded with blanks to reach it): what the
 * fills mean, in words, for a printout in black and white.
 */
export function withMigrationKey(
  rows: readonly CellOut[][],
  chart: MigrationChart,
  place: MatrixPlace,
  lang: Lang,
): CellOut[][] {
  const out = rows.map((r) => [...r]);
  const at = keyRow(chart, place);
  while (out.length <= at) out.push([]);
  const row = out[at];
  while (row.length < place.left) row.push(null);
  row[place.left] = migrationSheetText(lang, "key");
  return out;
}

/**
 * The flow as a stacked column chart drawn from the matrix itself: a column per previous tier (and
 * one for new customers), split by where those customers are now, each part in the current tier's
 * colour (orange: gone). Excel has no Sankey chart in any ExcelApi set (its ChartType list ends with
 * the treemap, sunburst, funnel, box-and-whisker and region map), so the flow is what a stacked column
 * can say: row by row, the same numbers as the matrix.
 */
export function migrationChartRequest(chart: MigrationChart, place: MatrixPlace, lang: Lang): ChartRequest {
  return {
    sheetName: place.sheetName,
    name: MIGRATION_CHART_NAME,
    title: migrationSheetText(lang, "flowTitle"),
    type: "column",
    stacked: true,
    dataSheet: place.sheetName,
    dataTop: place.top,
    categoryColumn: place.left,
    points: chart.rows.length,
    series: chart.columns.map((key, c) => ({ column: place.left + 1 + c, colour: chart.colours[key] })),
    valueFormat: "0",
    legend: true,
    anchorRow: keyRow(chart, place) + 2,
    anchorColumn: place.left,
    widthPx: 480,
    heightPx: 300,
  };
}
