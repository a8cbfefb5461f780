/**
 * Live formulas, proved by an outside spreadsheet engine: for every preset that grades each sample
 * (and the Online Retail invoices), the formula workbook is recalculated by LibreOffice headless and
 * its tier column must equal the engine's, customer by customer. Then one threshold is typed over in
 * the rules block and the workbook must recalculate to the engine's result under the changed rules.
 */
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readTable } from "../src/cli/options";
import { parseIsoDay } from "../src/engine/dates";
import type { Lang, PresentedResult } from "../src/engine/grade";
import { gradeIn } from "./present";
import { PRESET_NAMES, preset } from "../src/engine/presets";
import type { RuleSet } from "../src/engine/ruleset";
import type { SheetTable } from "../src/engine/table";
import { hasFormulaForm, liveFormulas } from "../src/workbook/formulas";
import { ALLOWED_FUNCTIONS, functionsIn } from "../src/workbook/formulas/allowed";
import type { LiveWorkbook } from "../src/workbook/formulas/model";
import { liveFormulasWorkbook } from "../src/workbook/write-formulas";
import { recalculate, soffice } from "./helpers/libreoffice";

const root = path.resolve(__dirname, "..");
/**
 * The spec's worked example (grading.md, "Fixed class amounts"): 20 retailers selling 250 万, the top 4
 * exactly 80 % and the top 10 exactly 95 %, must give A 4, B 6, C 10: the customer whose sales cross a
 * mark is in the better class, and a share of exactly 80 % is not below 80 %.
 */
const SPEC_SALES = [
  600_000, 500_000, 500_000, 400_000, 100_000, 75_000, 60_000, 50_000, 50_000, 40_000, 20_000, 15_000, 15_000,
  15_000, 12_000, 12_000, 10_000, 10_000, 8_000, 8_000,
];
const specFile = path.join(mkdtempSync(path.join(tmpdir(), "tier-spec-")), "spec-abc-example.csv");
writeFileSync(
  specFile,
  "零售户编号,月均销售额\n" + SPEC_SALES.map((v, i) => `R${i + 1},${v}`).join("\n") + "\n",
);

const FILES = [
  { file: specFile, asOf: "2025-12-31" },
  ...readdirSync(path.join(root, "samples"))
    .filter((f) => f.endsWith(".xlsx"))
    .map((f) => ({ file: path.join(root, "samples", f), asOf: "2025-12-31" })),
  { file: path.join(root, "test/data/online-retail-invoices.csv"), asOf: "2011-12-31" },
  // Line items with cancellations: amount = Quantity × UnitPrice, returns netted, distinct invoices.
  { file: path.join(root, "test/data/online-retail-lines.csv"), asOf: "2011-12-31" },
];

interface Case {
  name: string;
  file: string;
  table: SheetTable;
  ruleSet: RuleSet;
  result: PresentedResult;
  lang: Lang;
  /** For a threshold case: the rules cell typed over and the engine's result under the changed rules. */
  edit?: (model: LiveWorkbook) => void;
  /** For a threshold case: the engine's tiers before the change (some must differ). */
  before?: (string | null)[];
}

const names = (zh: string, en: string) => ({ zh, en });

/**
 * The rule-set forms no preset uses, so that every formula module is proved too: threshold tiers
 * (`level`), ABC by fixed amounts, RFM by fixed thresholds and a nine-grid cut by fixed bars.
 */
const CUSTOM: Record<string, RuleSet> = {
  "custom-level": {
    method: "level",
    name: names("会员等级", "Card by spend"),
    column: "amount",
    tiers: [
      { key: "bronze", name: names("铜卡", "Bronze"), min: 0 },
      { key: "silver", name: names("银卡", "Silver"), min: 5000 },
      { key: "gold", name: names("金卡", "Gold"), min: 12000.5 },
    ],
  },
  "custom-abc-amount": {
    method: "abc",
    name: names("ABC 等级标准额", "ABC by amounts"),
    basis: { kind: "amount", a: 20000, b: 8000 },
    tiers: [
      { key: "A", name: names("A类", "A") },
      { key: "B", name: names("B类", "B") },
      { key: "C", name: names("C类", "C") },
    ],
  },
  "custom-rfm-fixed": {
    method: "rfm",
    name: names("RFM 固定阈值", "RFM by fixed thresholds"),
    rfm: { method: "fixed", bins: 4, thresholds: { r: [30, 90, 365], f: [2, 4, 8], m: [200, 1000, 3000] } },
    segments: [
      { name: "Best", zh: "最佳", r: [4, 4], f: [3, 4], m: [3, 4] },
      { name: "Sleeping", zh: "沉睡", r: [1, 1], f: [1, 4], m: [1, 4] },
    ],
  },
  "custom-grid-fixed": {
    ...(preset("grid9") as Extract<RuleSet, { method: "grid" }>),
    x: { role: "potential", cut: { method: "fixed", low: 50, high: 150 }, name: names("潜力", "Potential") },
    y: {
      role: "current_value",
      cut: { method: "fixed", low: 20, high: 60 },
      name: names("处方量", "Current"),
    },
  },
};

/** Every (file, preset) pair the engine grades: a preset whose columns a file lacks is not a case. */
async function cases(): Promise<Case[]> {
  const out: Case[] = [];
  for (const { file, asOf } of FILES) {
    const table = await readTable(file);
    const lang: Lang = /-zh\./.test(file) ? "zh" : "en";
    for (const name of [...PRESET_NAMES, ...Object.keys(CUSTOM)]) {
      // The custom forms are proved on the samples; the invoices prove the orders' aggregates at size.
      if (name in CUSTOM && file.includes("online-retail")) continue;
      const ruleSet = name in CUSTOM ? CUSTOM[name] : preset(name);
      // CLV and k-means have no formula form: they are written as values, nothing to recalculate.
      if (!hasFormulaForm(ruleSet.method)) continue;
      let result: PresentedResult;
      try {
        result = gradeIn(table, ruleSet, { asOf: parseIsoDay(asOf), lang });
      } catch {
        continue;
      }
      out.push({ name: `${path.basename(file)} ${name}`, file, table, ruleSet, result, lang });
    }
  }
  return out;
}

/**
 * One threshold per method changed in the rule set. The two rule sets must lay out the same rules
 * block and formulas, differing in exactly one cell: that cell, typed over in the original workbook,
 * is the user's edit.
 */
const CHANGES: Record<string, (rs: RuleSet) => void> = {
  abc: (rs) => rs.method === "abc" && rs.basis.kind === "share" && (rs.basis.a = 0.7),
  "abc-months": (rs) => rs.method === "abc" && rs.basis.kind === "share" && (rs.basis.b = 0.9),
  pyramid: (rs) => rs.method === "pyramid" && (rs.cuts[1] = 0.3),
  membership: (rs) => rs.method === "rules" && (rs.rules[1].when[0].value = 8000),
  lifecycle: (rs) => rs.method === "lifecycle" && (rs.windows.lostDays = 300),
  rfm: (rs) => rs.method === "rfm" && (rs.segments[0].r[0] = 4),
  scorecard: (rs) => rs.method === "scorecard" && (rs.stars[1] = 3.8),
  grid9: (rs) => rs.method === "grid" && (rs.cells[0].name.zh = rs.cells[0].name.en = "VIP"),
};

function thresholdCase(c: Case, preset: string): Case | undefined {
  const change = CHANGES[preset];
  if (!change) return undefined;
  const changed = structuredClone(c.ruleSet);
  change(changed);
  const asOf = c.result.asOf;
  const result = gradeIn(c.table, changed, { asOf, lang: c.lang });
  const before = liveFormulas(c.ruleSet, c.table, c.result, c.lang);
  const after = liveFormulas(changed, c.table, result, c.lang);
  const diff = after.rulesSheet.cells.filter((cell, k) => {
    const old = before.rulesSheet.cells[k];
    return JSON.stringify(old) !== JSON.stringify(cell);
  });
  if (diff.length !== 1 || before.rulesSheet.cells.length !== after.rulesSheet.cells.length)
    throw new Error(`${c.name}: the change must touch exactly one rules cell (touched ${diff.length})`);
  const [cell] = diff;
  return {
    ...c,
    name: `${c.name} (rules cell ${cell.col}:${cell.row} typed over)`,
    result,
    before: c.result.columns.tier as (string | null)[],
    edit: (model) => {
      const k = model.rulesSheet.cells.findIndex((x) => x.row === cell.row && x.col === cell.col);
      model.rulesSheet.cells[k] = cell;
    },
  };
}

function cellText(v: ExcelJS.CellValue): string {
  const r = v !== null && typeof v === "object" && "formula" in v ? v.result : v;
  if (r === null || r === undefined) return "";
  if (typeof r === "object") return "error" in r ? String(r.error) : JSON.stringify(r);
  return String(r);
}

describe("live formulas use only functions every target spreadsheet has", () => {
  it("every formula written for every preset on every sample calls only Excel 2016 / LibreOffice functions and names no whole column", async () => {
    const seen = new Set<string>();
    for (const c of await cases()) {
      const model = liveFormulas(c.ruleSet, c.table, c.result, c.lang);
      const formulas = [
        ...model.rulesSheet.cells.flatMap((x) => (typeof x.value === "object" ? [x.value.formula] : [])),
        ...[model.target, model.orderHelper].flatMap((region) =>
          region ? region.columns.map((col) => col.formula(region.firstRow)) : [],
        ),
      ];
      for (const f of formulas) {
        for (const fn of functionsIn(f)) {
          seen.add(fn);
          expect(ALLOWED_FUNCTIONS.has(fn), `${c.name}: ${fn} in ${f}`).toBe(true);
        }
        // A whole column ($A:$A) is rejected by Excel on the web in some functions; tables are named by rows.
        expect(f, c.name).not.toMatch(/(^|[^A-Za-z0-9_$])\$?[A-Z]{1,3}:\$?[A-Z]{1,3}(?![0-9A-Za-z])/);
      }
    }
    for (const banned of ["LET", "LAMBDA", "XLOOKUP", "MAXIFS", "MINIFS", "FILTER", "UNIQUE", "SORT"])
      expect(seen.has(banned)).toBe(false);
  });

  it("functionsIn skips text and sheet names that look like calls", () => {
    expect(functionsIn(`IF('MAX(x'!A1>0,SUMIF($B$2:$B$9,">0"),"LET(")`)).toEqual(["IF", "SUMIF"]);
  });
});

const bin = soffice();
if (!bin)
  console.warn("live-formulas: soffice (LibreOffice) is not installed, the recalculation tests are skipped");

describe.skipIf(!bin)("live formulas recalculated by LibreOffice equal the engine", () => {
  const all: Case[] = [];
  const dir = mkdtempSync(path.join(tmpdir(), "tier-live-"));
  const got = new Map<string, string[]>();
  const written = new Map<string, Uint8Array>();

  beforeAll(async () => {
    const base = await cases();
    for (const c of base) {
      all.push(c);
      const t = c.file.includes("online-retail") ? undefined : thresholdCase(c, c.name.split(" ").pop()!);
      if (t) all.push(t);
    }
    mkdirSync(path.join(dir, "in"), { recursive: true });
    const files: { path: string; weight: number }[] = [];
    const models: LiveWorkbook[] = [];
    for (const [k, c] of all.entries()) {
      const bytes = await liveFormulasWorkbook(
        new Uint8Array(readFileSync(c.file)),
        c.file,
        c.table,
        c.result,
        c.ruleSet,
        c.lang,
        (model) => {
          c.edit?.(model);
          models[k] = model;
        },
      );
      const f = path.join(dir, "in", `case${k}.xlsx`);
      writeFileSync(f, bytes);
      written.set(c.name, bytes);
      // LibreOffice's time grows with customers × order rows (the orders' SUMIFS and SUMPRODUCT).
      files.push({ path: f, weight: c.table.rows.length * c.result.columns.customer_id.length });
    }
    const started = Date.now();
    await recalculate(files, path.join(dir, "out"), dir);
    console.log(
      `live-formulas: LibreOffice recalculated ${files.length} workbooks in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
    for (const [k, c] of all.entries()) {
      const model = models[k];
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(path.join(dir, "out", `case${k}.xlsx`));
      const t = model.target;
      const ws = wb.getWorksheet(t.sheet)!;
      const col = t.firstCol + model.tierColumn;
      const values: string[] = [];
      for (let r = t.firstRow; r <= t.lastRow; r++) values.push(cellText(ws.getCell(r, col).value));
      got.set(c.name, values);
    }
  }, 60 * 60_000);

  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
    rmSync(path.dirname(specFile), { recursive: true, force: true });
  });

  it("the workbooks are written without cached values, so what LibreOffice shows it computed", async () => {
    for (const bytes of written.values()) {
      const zip = await JSZip.loadAsync(bytes);
      for (const name of Object.keys(zip.files).filter((n) => /^xl\/worksheets\/[^/]+\.xml$/.test(n))) {
        const xml = await zip.file(name)!.async("string");
        expect(xml).not.toMatch(/<\/f>\s*<v>/);
      }
    }
  });

  it("each typed-over threshold changes some customer's tier in the engine, so the recalculation shows the edit took", () => {
    const changed = all.filter((c) => c.before);
    for (const preset of Object.keys(CHANGES)) {
      const mine = changed.filter((c) => c.name.includes(` ${preset} (`));
      expect(mine.length, preset).toBeGreaterThan(0);
      // On its own sample at least (a gold card bar moved below every customer's spend changes nothing).
      expect(
        mine.some((c) => JSON.stringify(c.result.columns.tier) !== JSON.stringify(c.before)),
        preset,
      ).toBe(true);
    }
  });

  it("the spec's worked example (20 retailers, 250 万) gives A 4, B 6, C 10 in LibreOffice as in the engine", () => {
    expect(SPEC_SALES.reduce((a, b) => a + b, 0)).toBe(2_500_000);
    const values = got.get("spec-abc-example.csv abc")!;
    const count = (t: string) => values.filter((v) => v === t).length;
    expect([count("A"), count("B"), count("C")]).toEqual([4, 6, 10]);
  });

  it("every customer's tier from LibreOffice equals the engine's, for every preset on every sample and the Online Retail invoices", () => {
    expect(all.length).toBeGreaterThan(20);
    for (const c of all) {
      const want = c.result.columns.tier.map((t) => (t === null ? "" : String(t)));
      const values = got.get(c.name)!;
      const wrong = want.flatMap((w, i) => (values[i] === w ? [] : [`row ${i}: ${values[i]} ≠ ${w}`]));
      expect(wrong.slice(0, 5), c.name).toEqual([]);
    }
  });
});
