/**
 * The graded copy of a workbook keeps the user's package: for every file of test/corpus (written by
 * exceljs, openpyxl and LibreOffice with the script scripts/make-corpus.sh), every zip entry the
 * writer does not touch is byte-identical after inflating, and every original cell of the graded sheet
 * keeps its XML (value, formula, style index) exactly.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { gradeIn } from "./present";
import { preset } from "../src/engine/presets";
import { tableFromRows } from "../src/engine/table";
import { gradedWorkbook } from "../src/workbook/file-host";
import { parseXlsx } from "../src/workbook/files";

const CORPUS = path.join(import.meta.dirname, "corpus");
const AS_OF = Date.UTC(2025, 11, 31) / 86_400_000;
const text = (b: Uint8Array | undefined) => new TextDecoder().decode(b ?? new Uint8Array());

/** Every <c> element of a sheet's XML, by reference, as written. */
function cells(xml: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of xml.matchAll(/<c\b[^>]*?(?:\/>|>[\s\S]*?<\/c>)/g)) {
    const ref = /\br="([A-Z]+\d+)"/.exec(m[0])?.[1];
    if (ref) out.set(ref, m[0]);
  }
  return out;
}

/** Every element start tag of a small part (attributes included), in order. */
function tags(xml: string, name: string): string[] {
  return [...xml.matchAll(new RegExp(`<${name}\\b[^>]*>`, "g"))].map((m) => m[0]);
}

const CASES = [
  { file: "exceljs-features.xlsx", sheet: "会员", rules: "abc", input: "customers" as const },
  { file: "openpyxl-chart.xlsx", sheet: "会员", rules: "abc", input: "customers" as const },
  { file: "libreoffice-pivot.xlsx", sheet: "Orders", rules: "rfm", input: "orders" as const },
  { file: "libreoffice-macro.xlsm", sheet: "Members", rules: "abc", input: "customers" as const },
];

async function gradedCopy(file: string, sheet: string, rules: string, input: "customers" | "orders") {
  const bytes = new Uint8Array(readFileSync(path.join(CORPUS, file)));
  const book = await parseXlsx(bytes, { fileName: file, sheet });
  const table = tableFromRows(book.sheets[0].rows, book.date1904, sheet);
  const result = gradeIn(table, preset(rules), { asOf: AS_OF, input, lang: "en" });
  const out = await gradedWorkbook(bytes, file, sheet, table, result, "en");
  return { before: unzipSync(bytes), after: unzipSync(out), out, result };
}

describe("the graded copy of a corpus workbook", () => {
  for (const c of CASES) {
    it(`${c.file}: untouched entries are byte-identical and the graded sheet keeps every original cell`, async () => {
      const { before, after, result } = await gradedCopy(c.file, c.sheet, c.rules, c.input);
      expect(result.graded).toBeGreaterThan(0);
      const workbook = text(before["xl/workbook.xml"]);
      const rels = text(before["xl/_rels/workbook.xml.rels"]);
      const rId =
        new RegExp(`<sheet\\b[^>]*name="${c.sheet}"[^>]*r:id="(rId\\d+)"`).exec(workbook)?.[1] ??
        new RegExp(`<sheet\\b[^>]*r:id="(rId\\d+)"[^>]*name="${c.sheet}"`).exec(workbook)?.[1];
      const target =
        new RegExp(`Id="${rId}"[^>]*Target="/?(?:xl/)?([^"]+)"`).exec(rels)?.[1] ??
        new RegExp(`Target="/?(?:xl/)?([^"]+)"[^>]*Id="${rId}"`).exec(rels)?.[1];
      const sheetPart = `xl/${target}`;
      const touched = new Set([
        "xl/workbook.xml",
        "xl/_rels/workbook.xml.rels",
        "[Content_Types].xml",
        "xl/styles.xml",
      ]);
      // Customers get tier columns in their own sheet; orders get a results sheet, their sheet untouched.
      if (c.input === "customers") touched.add(sheetPart);
      for (const [name, data] of Object.entries(before)) {
        expect(after[name], name).toBeDefined();
        if (!touched.has(name)) expect(Buffer.from(after[name]).equals(Buffer.from(data)), name).toBe(true);
      }
      // The touched parts keep every original element.
      for (const [part, names] of [
        ["xl/workbook.xml", ["sheet", "definedName", "workbookPr", "bookViews", "workbookView"]],
        ["xl/_rels/workbook.xml.rels", ["Relationship"]],
        ["[Content_Types].xml", ["Default", "Override"]],
        ["xl/styles.xml", ["font", "fill", "xf", "numFmt", "border", "cellStyle"]],
      ] as const)
        for (const name of names) {
          const was = tags(text(before[part]), name);
          const now = tags(text(after[part]), name);
          expect(now.slice(0, was.length), `${part} <${name}>`).toEqual(was);
        }
      // styles.xml: each list's original children, whole, come first and unchanged (font 0 is the
      // default font of every unstyled cell: 等线 in the LibreOffice .xlsm).
      for (const list of [
        "numFmts",
        "fonts",
        "fills",
        "borders",
        "cellStyleXfs",
        "cellXfs",
        "cellStyles",
        "dxfs",
      ]) {
        const inner = (xml: string) => new RegExp(`<${list}\\b[^>]*>([\\s\\S]*?)</${list}>`).exec(xml)?.[1];
        const was = inner(text(before["xl/styles.xml"]));
        if (was !== undefined) expect(inner(text(after["xl/styles.xml"]))?.startsWith(was), list).toBe(true);
      }
      const oldCells = cells(text(before[sheetPart]));
      const newCells = cells(text(after[sheetPart]));
      expect(oldCells.size).toBeGreaterThan(0);
      for (const [ref, xml] of oldCells) expect(newCells.get(ref), ref).toBe(xml);
      if (c.input === "customers") expect(newCells.size).toBeGreaterThan(oldCells.size);
    });
  }

  it("the LibreOffice .xlsm keeps 等线 as its default font and its macro-enabled content type", async () => {
    const { after } = await gradedCopy("libreoffice-macro.xlsm", "Members", "abc", "customers");
    expect(text(after["xl/styles.xml"])).toMatch(
      /<fonts\b[^>]*><font><sz val="11"\/><color rgb="FF000000"\/><name val="等线"\/>/,
    );
    expect(text(after["[Content_Types].xml"])).toContain(
      "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
    );
  });

  it("the graded copy reads back with its original cells and the tier columns", async () => {
    const { out } = await gradedCopy("exceljs-features.xlsx", "会员", "abc", "customers");
    const book = await parseXlsx(out, { sheet: "会员" });
    const header = book.sheets[0].rows[1];
    expect(header.slice(0, 4)).toEqual(["会员卡号", "姓名", "累计消费金额（元）", "消费次数"]);
    expect(header).toContain("Tier·ABC");
    const summary = await parseXlsx(out, { sheet: "Tier summary" });
    expect(summary.sheets[0].rows[0][0]).toBe("Customer tiers: ABC classes (80/20)");
    expect(summary.sheets[0].rows[1][0]).toBe("Policy");
    // Readers that match `r:id` literally, as exceljs does, find the new sheets too.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(out as unknown as ExcelJS.Buffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      "会员",
      "Tier summary",
      "Tier problems",
      "Tier chart data",
      "TierSettings",
    ]);
  });

  it("a graded copy graded again replaces its own columns and sheets, the user's cells unchanged", async () => {
    const first = await gradedCopy("openpyxl-chart.xlsx", "会员", "abc", "customers");
    const bytes = first.out;
    const book = await parseXlsx(bytes, { sheet: "会员" });
    const table = tableFromRows(book.sheets[0].rows, book.date1904, "会员");
    expect(table.headers.some((h) => h.startsWith("Tier·"))).toBe(false);
    const result = gradeIn(table, preset("abc"), { asOf: AS_OF, lang: "en" });
    const again = unzipSync(await gradedWorkbook(bytes, "x.xlsx", "会员", table, result, "en"));
    const sheetNames = tags(text(again["xl/workbook.xml"]), "sheet").map(
      (t) => /name="([^"]*)"/.exec(t)?.[1],
    );
    expect(sheetNames.filter((n) => n === "Tier summary")).toHaveLength(1);
    const before = cells(text(first.after["xl/worksheets/sheet2.xml"]));
    const after = cells(text(again["xl/worksheets/sheet2.xml"]));
    // The user's columns are A..G; H onwards are Tier's own, rewritten.
    for (const [ref, xml] of before) if (/^[A-G]\d/.test(ref)) expect(after.get(ref), ref).toBe(xml);
    // Its own formats are found again, not added a second time.
    expect(text(again["xl/styles.xml"])).toBe(text(first.after["xl/styles.xml"]));
    const cf = text(again["xl/worksheets/sheet2.xml"]).match(/<conditionalFormatting/g) ?? [];
    expect(cf).toHaveLength(1);
  });
});

describe("cells of the user's in the way", () => {
  it("a note where a tier column would go stops the run with CellInTheWayError, naming the cell", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Members");
    ws.addRow(["Customer ID", "Amount"]);
    for (let i = 1; i <= 6; i++) ws.addRow([`C${i}`, i * 100]);
    ws.getCell("D4").value = "my note";
    const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const book = await parseXlsx(bytes, { sheet: "Members" });
    const table = tableFromRows(book.sheets[0].rows, false, "Members");
    expect(table.headers).toEqual(["Customer ID", "Amount"]);
    const result = gradeIn(table, preset("abc"), { asOf: AS_OF, lang: "en" });
    await expect(gradedWorkbook(bytes, "m.xlsx", "Members", table, result, "en")).rejects.toThrow(
      /cell Members!D4 holds "my note"/,
    );
  });
});
