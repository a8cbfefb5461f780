import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { main } from "../src/cli/main";
import { preset } from "../src/engine/presets";
import { SHEET_NAMES } from "../src/workbook/write-result";

async function run(...argv: string[]) {
  let out = "";
  let err = "";
  const code = await main(argv, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

const dir = () => mkdtempSync(path.join(tmpdir(), "tier-colours-"));
const ORDERS = path.join(__dirname, "data", "rfm-orders.csv");

describe("tier grade --rules with the rule set's own colours", () => {
  it("fills the summary sheet's tier cell with the colour the rules file gives, white text on it", async () => {
    const d = dir();
    const rules = path.join(d, "rules.json");
    writeFileSync(rules, JSON.stringify({ ...preset("rfm8"), colours: { "important-value": "#7030a0" } }));
    const out = path.join(d, "graded.xlsx");
    const { code, err } = await run("grade", ORDERS, "--rules", rules, "--as-of", "2006-12-31", "--out", out);
    expect(err).not.toContain("Error");
    expect(code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    let cell: ExcelJS.Cell | undefined;
    wb.getWorksheet(SHEET_NAMES.summary.en)!.eachRow((row) =>
      row.eachCell((c) => {
        if (c.value === "Important value") cell ??= c;
      }),
    );
    expect((cell!.fill as ExcelJS.FillPattern).fgColor?.argb).toBe("FF7030A0");
    expect(cell!.font?.color?.argb).toBe("FFFFFFFF");
  });

  it("refuses a rules file whose colour is not #RRGGBB, with the catalogued sentence", async () => {
    const d = dir();
    const rules = path.join(d, "rules.json");
    writeFileSync(rules, JSON.stringify({ ...preset("rfm8"), colours: { "important-value": "purple" } }));
    const { code, err } = await run("grade", ORDERS, "--rules", rules, "--as-of", "2006-12-31");
    expect(code).not.toBe(0);
    expect(err).toContain(
      'colours.important-value: "purple" is not a colour; write it as # and six hexadecimal digits, such as #C9A227',
    );
  });
});
