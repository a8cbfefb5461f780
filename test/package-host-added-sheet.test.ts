// PackageHost (the writer of a user's .xlsx, on the standalone page and in `tier grade --out`) writes
// tier columns beside a sheet it added itself in the same session, as the nine-grid graded on the
// Potential sheet needs: before, it looked for that sheet among the file's own and stopped with
// "there is no sheet "Potential"".
import { readFileSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { ordersFromTable, runPotential } from "../src/engine/clv";
import { parseIsoDay } from "../src/engine/dates";
import { preset } from "../src/engine/presets";
import { tableFromRows } from "../src/engine/table";
import { presentResult } from "../src/i18n/result";
import { gradeRun } from "../src/workbook/grade-run";
import { CellInTheWayError } from "../src/workbook/host";
import { PackageHost } from "../src/workbook/package-host";
import { outputHeader } from "../src/workbook/write-result";
import { POTENTIAL_SHEETS, writePotential } from "../src/workbook/write-potential";

const SAMPLE = path.join(__dirname, "..", "samples", "rfm--online-orders.xlsx");
const open = () => PackageHost.fromBytes(new Uint8Array(readFileSync(SAMPLE)), "orders.xlsx");

/** A row's values from column A (ExcelJS leaves index 0 empty). */
const cellsOf = (sheet: ExcelJS.Worksheet, r: number) => (sheet.getRow(r).values as unknown[]).slice(1);

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return book;
}

const request = (tiers: string[], headerRow = 0) => ({
  sheetName: "Added",
  headerRow,
  dataEnd: 2,
  headers: ["Tier·tier", "Tier·score"],
  columns: [tiers, tiers.map((_, i) => i + 1)],
  tierColumn: 0,
  tierColours: { A: "#1E7B34", B: "#F2C14E" },
});

describe("PackageHost.writeColumns on a sheet added in the session", () => {
  it("puts the columns right of its data, reads the sheet back without them and writes them to the file", async () => {
    const host = open();
    await host.writeSheet({
      name: "Added",
      rows: [
        ["id", "v"],
        ["a", 1],
        ["b", 2],
      ],
    });
    const owned = await host.writeColumns(request(["A", "B"]));
    expect(owned).toEqual({
      sheetName: "Added",
      headerRow: 0,
      firstColumn: 2,
      headers: ["Tier·tier", "Tier·score"],
      rows: 2,
    });
    expect((await host.readSheet("Added")).rows).toEqual([
      ["id", "v"],
      ["a", 1],
      ["b", 2],
    ]);
    const sheet = (await load(await host.toXlsx())).getWorksheet("Added")!;
    expect(cellsOf(sheet, 1)).toEqual(["id", "v", "Tier·tier", "Tier·score"]);
    expect(cellsOf(sheet, 3)).toEqual(["b", 2, "B", 2]);
    // The tier cell filled in its tier's colour (ARGB).
    expect((sheet.getCell("C2").fill as ExcelJS.FillPattern).fgColor?.argb).toBe("FF1E7B34");
  });

  it("replaces its own columns on a re-run instead of adding more", async () => {
    const host = open();
    await host.writeSheet({
      name: "Added",
      rows: [
        ["id", "v"],
        ["a", 1],
        ["b", 2],
      ],
    });
    await host.writeColumns(request(["A", "B"]));
    const again = await host.writeColumns(request(["B", "A"]));
    expect(again.firstColumn).toBe(2);
    const sheet = (await load(await host.toXlsx())).getWorksheet("Added")!;
    expect(cellsOf(sheet, 1)).toEqual(["id", "v", "Tier·tier", "Tier·score"]);
    expect(cellsOf(sheet, 2)).toEqual(["a", 1, "B", 1]);
  });

  it("stops at a cell of the sheet in the way, as on a sheet of the file", async () => {
    const host = open();
    await host.writeSheet({
      name: "Added",
      rows: [
        ["id", "v"],
        ["a", 1, null, "kept"],
        ["b", 2],
      ],
    });
    await expect(host.writeColumns(request(["A", "B"]))).rejects.toBeInstanceOf(CellInTheWayError);
  });

  it("grades the Potential sheet of the sample orders on the nine-grid through the pane's pipeline", async () => {
    const host = open();
    const read = await host.readSheet("Orders");
    const orders = ordersFromTable(tableFromRows(read.rows, read.date1904, "Orders"), {});
    const potential = runPotential(
      { customerId: orders.ids, day: orders.days, amount: orders.amounts },
      orders.hasAmount,
      { unit: "week" },
    );
    const { customers } = await writePotential(host, potential, "en", { grid: true });
    expect(customers).toBe(POTENTIAL_SHEETS.customers.en);
    const request = {
      sheet: customers,
      ruleSet: preset("grid9"),
      input: "customers" as const,
      map: {},
      none: [],
      asOf: parseIsoDay("2025-12-30"),
      lang: "en" as const,
    };
    const out = await gradeRun(
      host,
      request,
      () => {},
      () => {},
      presentResult,
    );
    expect(out.result.graded).toBe(449);
    expect(out.report.owned?.sheetName).toBe(customers);
    // A second grade reads the sheet without the first one's columns and writes over them.
    const again = await gradeRun(
      host,
      request,
      () => {},
      () => {},
      presentResult,
    );
    expect(again.report.owned?.firstColumn).toBe(out.report.owned?.firstColumn);

    const sheet = (await load(await host.toXlsx())).getWorksheet(customers)!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const tierAt = header.indexOf(outputHeader("tier", "en"));
    expect(header.slice(8, tierAt)).toEqual(["potential", "current value"]);
    const written: unknown[] = [];
    sheet.eachRow((row, r) => r > 1 && written.push((row.values as unknown[])[tierAt + 1] ?? null));
    expect(written).toEqual(out.result.columns.tier);
  });
});
