import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { main } from "../src/cli/main";

const sample = path.resolve(__dirname, "../samples/abc--tobacco-retailers-zh.xlsx");

function io() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (s: string) => void out.push(s), err: (s: string) => void err.push(s) }, out, err };
}

describe("tier grade --formulas", () => {
  it("tier grade --formulas --out x.xlsx writes the tier column as formulas and the rules sheet, leaving the data as it was", async () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), "tier-cli-live-")), "live.xlsx");
    const { io: streams } = io();
    const code = await main(
      [
        "grade",
        sample,
        "--preset",
        "abc",
        "--lang",
        "zh",
        "--as-of",
        "2025-12-31",
        "--formulas",
        "--out",
        out,
      ],
      streams,
    );
    expect(code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(out) as unknown as ExcelJS.Buffer);
    const rules = wb.getWorksheet("分级·规则")!;
    expect(rules.getCell("A6").value).toBe("A 类：之前累计占比低于");
    expect(rules.getCell("B6").value).toBe(0.8);
    const data = wb.worksheets[0];
    const original = new ExcelJS.Workbook();
    await original.xlsx.load(readFileSync(sample) as unknown as ExcelJS.Buffer);
    const width = original.worksheets[0].columnCount;
    // Every cell of the user's is unchanged; the tier column (the last one) holds a formula per row.
    original.worksheets[0].eachRow((row, r) =>
      row.eachCell((cell, c) => expect(data.getCell(r, c).value, `${r}:${c}`).toEqual(cell.value)),
    );
    const tier = data.getCell(2, data.columnCount).value as ExcelJS.CellFormulaValue;
    expect(data.columnCount).toBeGreaterThan(width);
    expect(tier.formula).toMatch(/^IF\(.*INDEX\('分级·规则'!\$B\$4:\$D\$4/);
    expect(tier.result).toBeUndefined();
  });

  it("tier grade --formulas without an .xlsx to write exits 2 with one line", async () => {
    const { io: streams, err } = io();
    const code = await main(["grade", sample, "--preset", "abc", "--formulas"], streams);
    expect(code).toBe(2);
    expect(err.join("")).toMatch(/--formulas writes a workbook: give --out FILE\.xlsx/);
  });
});
