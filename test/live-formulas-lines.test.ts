import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { readTable } from "../src/cli/options";
import { parseIsoDay } from "../src/engine/dates";
import { preset } from "../src/engine/presets";
import type { LiveWorkbook } from "../src/workbook/formulas/model";
import { liveFormulasWorkbook } from "../src/workbook/write-formulas";
import type { PresentedResult } from "../src/engine/grade";
import type { RuleSet } from "../src/engine/ruleset";
import type { SheetTable } from "../src/engine/table";
import { recalculate, soffice } from "./helpers/libreoffice";
import { gradeIn } from "./present";

/**
 * Live formulas over line items with cancellations (issue 13): the orders' helper columns net the
 * returns, multiply quantity by unit price and count distinct invoices, recalculated by LibreOffice
 * to the engine's tiers, both with each invoice's lines consecutive (the run helper) and with the
 * lines shuffled (the expanding COUNTIFS).
 */
describe.skipIf(!soffice())("live formulas on Online Retail line items", () => {
  it("LibreOffice gives the engine's tiers for six presets, lines in invoice order and shuffled", async () => {
    const file = path.join(__dirname, "data/online-retail-lines.csv");
    const dir = mkdtempSync(path.join(tmpdir(), "tier-l13-"));
    mkdirSync(path.join(dir, "in"));
    const base = await readTable(file);
    // A shuffled copy: the orders are no longer consecutive (the quadratic fallback).
    const rows = [base.headers, ...base.rows];
    const body = rows.slice(1);
    const shuffled = [rows[0], ...body.filter((_, i) => i % 2 === 0), ...body.filter((_, i) => i % 2 === 1)];
    const shufFile = path.join(dir, "shuf.csv");
    writeFileSync(
      shufFile,
      shuffled.map((r) => r.map((c) => JSON.stringify(String(c ?? ""))).join(",")).join("\n"),
    );
    const cases: {
      name: string;
      table: SheetTable;
      file: string;
      r: PresentedResult;
      rs: RuleSet;
      model?: LiveWorkbook;
    }[] = [];
    for (const [f, table] of [
      [file, base],
      [shufFile, await readTable(shufFile)],
    ] as const)
      for (const name of ["rfm", "abc", "membership", "lifecycle", "rfm8", "pyramid"]) {
        const rs = preset(name);
        const r = gradeIn(table, rs, { asOf: parseIsoDay("2011-12-31"), lang: "en" });
        cases.push({ name: `${path.basename(f)} ${name}`, table, file: f, r, rs });
      }
    const files = [];
    for (const [k, c] of cases.entries()) {
      const bytes = await liveFormulasWorkbook(
        new Uint8Array(readFileSync(c.file)),
        c.file,
        c.table,
        c.r,
        c.rs,
        "en",
        (m) => (c.model = m),
      );
      const p = path.join(dir, "in", `case${k}.xlsx`);
      writeFileSync(p, bytes);
      files.push({ path: p, weight: 1 });
    }
    await recalculate(files, path.join(dir, "out"), dir);
    for (const [k, c] of cases.entries()) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(path.join(dir, "out", `case${k}.xlsx`));
      const t = c.model!.target;
      const ws = wb.getWorksheet(t.sheet)!;
      const col = t.firstCol + c.model!.tierColumn;
      const want = c.r.columns.tier.map((x) => (x === null ? "" : String(x)));
      const got: string[] = [];
      for (let r = t.firstRow; r <= t.lastRow; r++) {
        const v = ws.getCell(r, col).value;
        const x = v !== null && typeof v === "object" && "formula" in v ? v.result : v;
        got.push(x === null || x === undefined ? "" : typeof x === "object" ? JSON.stringify(x) : String(x));
      }
      expect(got, c.name).toEqual(want);
      // 17850 bought on 34 invoices (297 lines): the frequency column counts invoices, not lines.
      const freq = ws.getCell(t.firstRow + c.r.columns.customer_id.indexOf("17850"), t.firstCol + 1).value;
      expect(freq !== null && typeof freq === "object" && "result" in freq ? freq.result : freq, c.name).toBe(
        34,
      );
    }
  }, 1_200_000);
});
