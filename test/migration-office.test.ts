/**
 * The Office host's renderer of the migration chart, on the fake Excel: the change log's matrix filled
 * by class (RangeFormat fill and font colour, ExcelApi 1.1) and the tier flow as a native stacked
 * column chart (charts.add 1.1, series.add / setValues 1.7, overlap and gap width 1.8) — all within
 * the ExcelApi 1.8 the manifest declares.
 */
import { afterEach, describe, expect, it } from "vitest";
import { MIGRATION_SHADES, NO_TIER_COLOUR } from "../src/engine/charts-migration";
import { textOn } from "../src/engine/colour";
import { compareSnapshots } from "../src/engine/history";
import { checkRequirements, OfficeHost } from "../src/workbook/office-host";
import { migrationSheetText } from "../src/workbook/migration-text";
import { MIGRATION_CHART_NAME } from "../src/workbook/write-migration";
import { writeChanges } from "../src/workbook/write-plan";
import { FakeExcel } from "./fake-excel";
import { BEFORE, NOW, TIERS } from "./helpers/migration-example";

let uninstall: (() => void) | undefined;
afterEach(() => {
  uninstall?.();
  uninstall = undefined;
});

function setUp(options: ConstructorParameters<typeof FakeExcel>[0] = {}) {
  const excel = new FakeExcel(options);
  uninstall = excel.install();
  excel.addSheet("Customers", [["customer"]]);
  return { excel, host: new OfficeHost() };
}

describe("the migration chart in Excel", () => {
  it("writeChanges on ExcelApi 1.8 fills the matrix by class with WCAG text, writes the key and draws the flow as a native stacked column chart", async () => {
    const { excel, host } = setUp({ excelApi: "1.8" });
    expect(checkRequirements()).toEqual({ ok: true });
    const m = compareSnapshots(BEFORE, NOW, TIERS, "en");
    const name = await writeChanges(host, m, "en", undefined, TIERS);
    const s = excel.sheet(name);

    // The matrix beside the list (columns F..J): header look on the heads, class fills on the counts.
    expect(s.value(0, 5)).toBe("from \\ to");
    expect(s.looks.get("F1")).toMatchObject({ fill: "#EDEDED", horizontalAlignment: "Center" });
    const up = MIGRATION_SHADES.up.high; // B → A: one customer, the fullest cell
    expect(s.value(2, 6)).toBe(1);
    expect(s.looks.get("G3")).toEqual({ fill: up, fontColor: textOn(up) });
    expect(s.looks.get("H2")).toMatchObject({ fill: MIGRATION_SHADES.down.high });
    expect(s.looks.get("G2")).toMatchObject({ fill: MIGRATION_SHADES.same.high });
    expect(s.looks.get("I4")).toMatchObject({ fill: MIGRATION_SHADES.same.high });
    expect(s.looks.get("H3")).toMatchObject({ fill: MIGRATION_SHADES.same.low });
    expect(s.looks.get("I5")).toMatchObject({ fill: MIGRATION_SHADES.new.high });
    expect(s.looks.get("J3")).toMatchObject({ fill: MIGRATION_SHADES.gone.high });
    expect(s.value(6, 5)).toBe(migrationSheetText("en", "key"));

    // One stacked column per previous tier, a series per current tier in its colour, drawn from the matrix.
    expect(s.charts).toHaveLength(1);
    const [chart] = s.charts;
    expect(chart).toMatchObject({ name: MIGRATION_CHART_NAME, chartType: "ColumnStacked" });
    expect(chart.title.text).toBe(migrationSheetText("en", "flowTitle"));
    expect(chart.series.map((x) => [x.name, x.values, x.xValues])).toEqual([
      ["A", "'Tier changes'!G2:G5", "'Tier changes'!F2:F5"],
      ["B", "'Tier changes'!H2:H5", "'Tier changes'!F2:F5"],
      ["C", "'Tier changes'!I2:I5", "'Tier changes'!F2:F5"],
      ["(none)", "'Tier changes'!J2:J5", "'Tier changes'!F2:F5"],
    ]);
    expect(chart.series.map((x) => x.format.fill)).toEqual([
      ...TIERS.map((t) => ({ solid: t.colour })),
      { solid: NO_TIER_COLOUR },
    ]);
    expect(chart.series[0]).toMatchObject({ overlap: 100, gapWidth: 60 });
    expect(chart.position?.start).toBe("F9");

    // A second write replaces the chart rather than adding one.
    await writeChanges(host, m, "en", undefined, TIERS);
    expect(excel.sheet(name).charts.map((c) => c.name)).toEqual([MIGRATION_CHART_NAME]);
  });
});
