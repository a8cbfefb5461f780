/* eslint-disable office-addins/call-sync-before-read --
   these rules are for Office.js proxies; the cells here are exceljs cells in memory. */
/**
 * The live-formulas mode of the pane and the standalone page, through the grading pipeline they share
 * (`gradeRun` with `formulas: true`):
 * - the standalone page's file writer (PackageHost, what the page's worker runs): the downloaded
 *   workbook keeps every part of the user's package, holds the formulas, and LibreOffice recalculates
 *   it to the engine's tiers, customer by customer;
 * - the Excel pane's host (OfficeHost over the fake Excel): the formulas it sets through
 *   `range.formulas` are exported from the fake to a workbook that LibreOffice recalculates, for an
 *   orders method (RFM on the online orders) and a customers method (ABC on the tobacco retailers);
 *   typing over a threshold in the rules block re-grades it.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { parseIsoDay } from "../src/engine/dates";
import { preset } from "../src/engine/presets";
import type { RuleSet } from "../src/engine/ruleset";
import type { Lang, PresentedResult } from "../src/engine/grade";
import { presentResult } from "../src/i18n/result";
import { fileFormula } from "../src/workbook/formulas/allowed";
import { formulaLabel } from "../src/workbook/formulas/labels";
import { gradeRun, type GradeRunOutcome } from "../src/workbook/grade-run";
import type { WorkbookHost } from "../src/workbook/host";
import { OfficeHost } from "../src/workbook/office-host";
import { fullCalcOnLoad, PackageHost } from "../src/workbook/package-host";
import { FakeExcel, type FakeSheet, type FakeValue } from "./fake-excel";
import { recalculate, soffice } from "./helpers/libreoffice";
import { gradeIn } from "./present";

const root = path.resolve(__dirname, "..");
const AS_OF = parseIsoDay("2025-12-31");

interface Sample {
  file: string;
  preset: string;
  lang: Lang;
  /** The pane guesses it from the data (repeated ids and a date column); the test says it. */
  input?: "orders" | "customers";
}
const RFM: Sample = { file: "samples/rfm--online-orders.xlsx", preset: "rfm", lang: "en", input: "orders" };
const ABC: Sample = { file: "samples/abc--tobacco-retailers-zh.xlsx", preset: "abc", lang: "zh" };
const MEMBERS: Sample = {
  file: "samples/membership--store-members-zh.xlsx",
  preset: "membership",
  lang: "zh",
};

const noProgress = () => {};
const noStop = () => {};

/** Grades the first sheet of `host` with formulas on, as the pane does. */
async function gradeLive(host: WorkbookHost, s: Sample, ruleSet: RuleSet = preset(s.preset)) {
  const { active } = await host.listSheets();
  return gradeRun(
    host,
    {
      sheet: active,
      ruleSet,
      input: s.input ?? "customers",
      map: {},
      none: [],
      asOf: AS_OF,
      lang: s.lang,
      formulas: true,
    },
    noProgress,
    noStop,
    presentResult,
  );
}

/** The tier column written: the tier header on the tier sheet's header row, and the rows below it. */
function tierColumnOf(ws: ExcelJS.Worksheet, lang: Lang, headerRow: number, rows: number): string[] {
  const header = formulaLabel("tier", lang);
  let col = 0;
  ws.getRow(headerRow).eachCell((cell, c) => {
    if (cell.text === header) col = c;
  });
  expect(col, `${ws.name}: no ${header} column`).toBeGreaterThan(0);
  const out: string[] = [];
  for (let r = headerRow + 1; r <= headerRow + rows; r++) {
    const v = ws.getCell(r, col).value;
    const x = v !== null && typeof v === "object" && "formula" in v ? v.result : v;
    out.push(x === null || x === undefined ? "" : typeof x === "object" ? JSON.stringify(x) : String(x));
  }
  return out;
}

const want = (result: PresentedResult) => result.columns.tier.map((t) => (t === null ? "" : String(t)));

/** Where the tier column's rows start: the data's header row (customers) or the customers sheet's row 1. */
function tierPlace(out: GradeRunOutcome): { sheet: string; headerRow: number; rows: number } {
  const live = out.report.live;
  if (live?.state !== "formulas") throw new Error("no formulas were written");
  const headerRow = out.result.input === "orders" ? 1 : out.table.top + out.table.headerRow + 1;
  const rows = out.result.input === "orders" ? out.result.columns.customer_id.length : out.table.rows.length;
  return { sheet: live.tierSheet, headerRow, rows };
}

/**
 * The fake's workbook as an .xlsx: what Excel would save. Excel 2021 and later (every Excel the pane
 * runs in) evaluates every formula with dynamic-array semantics, so each formula is saved as a one-cell
 * array formula, which LibreOffice evaluates the same way.
 */
async function exportFake(excel: FakeExcel): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.calcProperties.fullCalcOnLoad = true;
  for (const s of excel.sheets) {
    const ws = wb.addWorksheet(s.name);
    for (const [r, row] of s.rows) {
      for (let c = 0; c < Math.max(row.v.length, row.f.length); c++) {
        const cell = ws.getCell(r + 1, c + 1);
        const f = row.f[c];
        if (f !== undefined)
          cell.value = {
            formula: fileFormula(f.slice(1)),
            shareType: "array",
            ref: cell.address,
          } as ExcelJS.CellFormulaValue;
        else if (row.v[c] !== undefined && row.v[c] !== "") cell.value = row.v[c] as ExcelJS.CellValue;
        if (row.nf[c] && row.nf[c] !== "General") cell.numFmt = row.nf[c]!;
      }
    }
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** Every formula the fake holds, by sheet. */
function formulasIn(sheet: FakeSheet): string[] {
  const out: string[] = [];
  for (const row of sheet.rows.values()) for (const f of row.f) if (f !== undefined) out.push(f);
  return out;
}

async function fakeWith(s: Sample): Promise<FakeExcel> {
  const source = await PackageHost.fromBytes(new Uint8Array(readFileSync(path.join(root, s.file))), s.file);
  const { active } = await source.listSheets();
  const read = await source.readSheet(active);
  const excel = new FakeExcel();
  excel.addSheet(
    active,
    read.rows.map((r) => r.map((v) => (v ?? "") as FakeValue)),
  );
  return excel;
}

let uninstall: (() => void) | undefined;
afterEach(() => {
  uninstall?.();
  uninstall = undefined;
});

describe("live formulas in the Excel pane (OfficeHost over the fake Excel)", () => {
  it("writes the tier columns through range.formulas beside the data, the rules block on its own sheet, and leaves every user cell as it was", async () => {
    const excel = await fakeWith(ABC);
    const data = excel.sheets[0];
    const before = excel.snapshot(data.name, { top: 0, left: 0, rows: 400, columns: 20 });
    uninstall = excel.install();
    const out = await gradeLive(new OfficeHost(), ABC);
    expect(out.report.live).toMatchObject({
      state: "formulas",
      tierSheet: data.name,
      rulesSheet: "分级·规则",
    });
    const width = out.table.headers.length;
    // The user's cells are unchanged; our columns start right of them.
    const after = excel.snapshot(data.name, { top: 0, left: 0, rows: 400, columns: width });
    expect(after.values).toEqual(before.values.map((r) => r.slice(0, width)));
    expect(after.formulas).toEqual(before.formulas.map((r) => r.slice(0, width)));
    const tierCol = width + out.report.owned!.headers.indexOf(formulaLabel("tier", "zh"));
    expect(data.formula(1, tierCol)).toMatch(/^=IF\(.*INDEX\('分级·规则'!\$B\$4:\$D\$4,FIND\(/);
    // Excel shows the computed value; the fake does not compute, so the value reads empty.
    expect(data.value(1, tierCol)).toBe("");
    const rules = excel.sheet("分级·规则");
    expect(rules.value(5, 0)).toBe("A 类：之前累计占比低于");
    expect(rules.value(5, 1)).toBe(0.8);
    expect(rules.format(5, 1)).toBe("0.00%");
    expect(rules.formula(4, 1)).toMatch(/^=SUMIF\(/);
    // The summary is written as before, and every formula counted in the report is in the workbook.
    expect(excel.find("分级汇总")).toBeDefined();
    const written = excel.sheets.reduce((n, s) => n + formulasIn(s).length, 0);
    expect(out.report.live?.state === "formulas" && out.report.live.formulas).toBe(written);
  });

  it("text that looks like a formula in the rules block (a tier named =VIP) is written as text, not run", async () => {
    const excel = await fakeWith(ABC);
    uninstall = excel.install();
    const rs = structuredClone(preset("abc")) as Extract<RuleSet, { method: "abc" }>;
    rs.tiers[0].name.zh = "=VIP";
    await gradeLive(new OfficeHost(), ABC, rs);
    const rules = excel.sheet("分级·规则");
    expect(rules.value(3, 1)).toBe("=VIP");
    expect(rules.hasFormula(3, 1)).toBe(false);
  });
});

const bin = soffice();
if (!bin) console.warn("live-formulas-hosts: soffice is not installed, the recalculation tests are skipped");

describe.skipIf(!bin)(
  "live formulas of the pane and the page, recalculated by LibreOffice, equal the engine",
  () => {
    const dir = mkdtempSync(path.join(tmpdir(), "tier-live-hosts-"));
    interface Job {
      name: string;
      bytes: Uint8Array;
      expected: string[];
      place: { sheet: string; headerRow: number; rows: number };
      lang: Lang;
      original?: Uint8Array;
    }
    const jobs: Job[] = [];
    const got = new Map<string, string[]>();

    beforeAll(async () => {
      // The standalone page: the file writer its worker runs, the download it offers.
      for (const s of [MEMBERS, RFM]) {
        const original = new Uint8Array(readFileSync(path.join(root, s.file)));
        const host = await PackageHost.fromBytes(original, s.file);
        const out = await gradeLive(host, s);
        const bytes = await host.toXlsx();
        jobs.push({
          name: `standalone ${s.preset}`,
          bytes,
          expected: want(out.result),
          place: tierPlace(out),
          lang: s.lang,
          original,
        });
        if (s === MEMBERS) {
          // The user opens the download and types 8000 over the gold card's amount in the rules block.
          const wb = new ExcelJS.Workbook();
          await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
          const rules = wb.getWorksheet(formulaLabel("rulesSheet", "zh"))!;
          let row = 0;
          rules.eachRow((r, k) => {
            if (!row && /^规则 \d+（金卡）：/.test(r.getCell(1).text)) row = k;
          });
          expect(row).toBeGreaterThan(0);
          rules.getCell(row, 2).value = 8000;
          const changed = structuredClone(preset("membership")) as Extract<RuleSet, { method: "rules" }>;
          changed.rules[1].when[0].value = 8000;
          const engine = gradeIn(out.table, changed, { asOf: AS_OF, lang: "zh" });
          expect(want(engine)).not.toEqual(want(out.result));
          jobs.push({
            name: "standalone membership, gold card amount typed over to 8000",
            bytes: new Uint8Array(await wb.xlsx.writeBuffer()),
            expected: want(engine),
            place: tierPlace(out),
            lang: s.lang,
          });
        }
      }
      // The Excel pane: what the fake holds after the run, saved as Excel would save it.
      for (const s of [RFM, ABC]) {
        const excel = await fakeWith(s);
        uninstall = excel.install();
        const out = await gradeLive(new OfficeHost(), s);
        jobs.push({
          name: `excel ${s.preset}`,
          bytes: await exportFake(excel),
          expected: want(out.result),
          place: tierPlace(out),
          lang: s.lang,
        });
        if (s === ABC) {
          // The user types 70% over the A share in the rules block.
          const rules = excel.sheet(formulaLabel("rulesSheet", "zh"));
          let row = -1;
          for (const [r, cells] of rules.rows) if (cells.v[0] === "A 类：之前累计占比低于") row = r;
          rules.put(row, 1, 0.7);
          const changed = structuredClone(preset("abc")) as Extract<RuleSet, { method: "abc" }>;
          if (changed.basis.kind === "share") changed.basis.a = 0.7;
          const engine = gradeIn(out.table, changed, { asOf: AS_OF, lang: "zh" });
          expect(want(engine)).not.toEqual(want(out.result));
          jobs.push({
            name: "excel abc, A share typed over to 70%",
            bytes: await exportFake(excel),
            expected: want(engine),
            place: tierPlace(out),
            lang: s.lang,
          });
        }
        uninstall();
        uninstall = undefined;
      }
      mkdirSync(path.join(dir, "in"), { recursive: true });
      const files = jobs.map((j, k) => {
        const f = path.join(dir, "in", `job${k}.xlsx`);
        writeFileSync(f, j.bytes);
        return { path: f, weight: j.place.rows };
      });
      await recalculate(files, path.join(dir, "out"), dir);
      for (const [k, j] of jobs.entries()) {
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.readFile(path.join(dir, "out", `job${k}.xlsx`));
        got.set(
          j.name,
          tierColumnOf(wb.getWorksheet(j.place.sheet)!, j.lang, j.place.headerRow, j.place.rows),
        );
      }
    }, 20 * 60_000);

    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it("every customer's tier from LibreOffice equals the engine's, for the page's download and for the pane's Excel", () => {
      expect(jobs.length).toBe(6);
      for (const j of jobs) {
        const values = got.get(j.name)!;
        const wrong = j.expected.flatMap((w, i) =>
          values[i] === w ? [] : [`row ${i}: ${values[i]} ≠ ${w}`],
        );
        expect(wrong.slice(0, 5), j.name).toEqual([]);
        expect(new Set(values).size, j.name).toBeGreaterThan(1);
      }
    });

    it("the page's download keeps every part of the user's package and adds its formulas without cached values", async () => {
      for (const j of jobs.filter((x) => x.original)) {
        const before = await JSZip.loadAsync(j.original!);
        const after = await JSZip.loadAsync(j.bytes);
        // Parts we patch (the workbook, its relationships, content types, styles, the data sheet) are
        // checked by the package host's own tests; every other part is byte for byte the user's.
        const patched =
          /^(xl\/workbook\.xml|xl\/_rels\/workbook\.xml\.rels|\[Content_Types\]\.xml|xl\/styles\.xml|xl\/worksheets\/sheet1\.xml)$/;
        for (const name of Object.keys(before.files)) {
          expect(after.file(name), `${j.name}: ${name}`).not.toBeNull();
          if (patched.test(name) || before.files[name].dir) continue;
          expect(await after.file(name)!.async("uint8array"), `${j.name}: ${name}`).toEqual(
            await before.file(name)!.async("uint8array"),
          );
        }
        const workbook = await after.file("xl/workbook.xml")!.async("string");
        expect(workbook).toMatch(/fullCalcOnLoad="1"/);
        let formulas = 0;
        for (const name of Object.keys(after.files).filter((n) => /^xl\/worksheets\/[^/]+\.xml$/.test(n))) {
          const xml = await after.file(name)!.async("string");
          expect(xml, name).not.toMatch(/<\/f>\s*<v>/);
          formulas += (xml.match(/<f[ >]/g) ?? []).length;
        }
        expect(formulas, j.name).toBeGreaterThan(j.place.rows);
      }
    });

    it("the page's download: the user's cells read back unchanged, cell for cell", async () => {
      for (const j of jobs.filter((x) => x.original)) {
        const before = await PackageHost.fromBytes(j.original!, "before.xlsx");
        const after = await PackageHost.fromBytes(j.bytes, "after.xlsx");
        const { active } = await before.listSheets();
        const a = await before.readSheet(active);
        const b = await after.readSheet(active);
        expect(
          b.rows.map((r) => r.slice(0, a.rows[0].length)),
          j.name,
        ).toEqual(a.rows);
      }
    });
  },
);

describe("fullCalcOnLoad(workbookXml)", () => {
  it("sets the flag on an existing calcPr, keeping its other attributes", () => {
    expect(fullCalcOnLoad('<workbook><sheets/><calcPr calcId="191029"/></workbook>')).toBe(
      '<workbook><sheets/><calcPr calcId="191029" fullCalcOnLoad="1"/></workbook>',
    );
    expect(
      fullCalcOnLoad('<x:workbook><x:calcPr fullCalcOnLoad="0" calcId="1"></x:calcPr></x:workbook>'),
    ).toBe('<x:workbook><x:calcPr calcId="1" fullCalcOnLoad="1"></x:calcPr></x:workbook>');
  });

  it("adds calcPr where the schema puts it: after definedNames, else after sheets", () => {
    expect(
      fullCalcOnLoad(
        "<workbook><sheets><sheet/></sheets><definedNames><definedName/></definedNames><extLst/></workbook>",
      ),
    ).toBe(
      '<workbook><sheets><sheet/></sheets><definedNames><definedName/></definedNames><calcPr fullCalcOnLoad="1"/><extLst/></workbook>',
    );
    expect(fullCalcOnLoad("<workbook><sheets><sheet/></sheets></workbook>")).toBe(
      '<workbook><sheets><sheet/></sheets><calcPr fullCalcOnLoad="1"/></workbook>',
    );
  });
});
