import ExcelJS from "exceljs";
import JSZip from "jszip";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../src/cli/main";
import { MIGRATION_SHADES } from "../src/engine/charts-migration";
import { BEFORE, NOW } from "./helpers/migration-example";

const dir = mkdtempSync(path.join(tmpdir(), "tier-migration-cli-"));
const csv = (name: string, rows: readonly { customerId: string; tier: string }[]) => {
  const p = path.join(dir, name);
  writeFileSync(p, ["customer_id,tier", ...rows.map((r) => `${r.customerId},${r.tier}`)].join("\n"));
  return p;
};

describe("tier history --out changes.xlsx", () => {
  it("writes the change log workbook with the matrix coloured and the flow chart, for the hand-made example", async () => {
    let out = "";
    const file = path.join(dir, "changes.xlsx");
    const code = await main(
      ["history", csv("now.csv", NOW), csv("before.csv", BEFORE), "--order", "A,B,C", "--out", file],
      { out: (s) => (out += s), err: () => {} },
    );
    expect(code).toBe(0);
    expect(out).toMatch(/^from \\ to/);
    const bytes = readFileSync(file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const ws = wb.getWorksheet("Tier changes")!;
    // C3 went B → A: the second row of the matrix, first column, in the upgrade green.
    expect(ws.getCell("G3").value).toBe(1);
    expect((ws.getCell("G3").fill as ExcelJS.FillPattern).fgColor?.argb).toBe(
      "FF" + MIGRATION_SHADES.up.high.slice(1),
    );
    const zip = await JSZip.loadAsync(bytes);
    expect(await zip.file("xl/charts/chart1.xml")!.async("string")).toContain('<c:grouping val="stacked"/>');
  });

  it("refuses an --out that is neither .csv nor .xlsx, naming both", async () => {
    let err = "";
    const code = await main(["history", csv("a.csv", NOW), csv("b.csv", BEFORE), "--out", "x.txt"], {
      out: () => {},
      err: (s) => (err += s),
    });
    expect(code).toBe(2);
    expect(err).toMatch(/\.csv.*\.xlsx/);
  });
});
