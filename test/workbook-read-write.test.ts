/**
 * One reader for big and small workbooks, the table's shape, clear errors, and the surgical writer's
 * small rules, each on a small file that shows the exact case.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { zipSync, strToU8 } from "fflate";
import { describe, expect, it } from "vitest";
import { main } from "../src/cli/main";
import { TierError } from "../src/engine/errors";
import { tableFromRows } from "../src/engine/table";
import { parseXlsx } from "../src/workbook/files";
import { cellXml, cutToCell, patchSheet, SheetPatcher, xmlText } from "../src/workbook/xlsx-patch";
import { decodeXString, isDateFormat } from "../src/workbook/xlsx-read";

const CORPUS = path.join(import.meta.dirname, "corpus");
const corpus = (f: string) => new Uint8Array(readFileSync(path.join(CORPUS, f)));

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    return e instanceof TierError ? e.code : `not a TierError: ${String(e)}`;
  }
  return "no error";
}

describe("the workbook reader", () => {
  it("reads an openpyxl workbook with a chart, skipping its hidden first tab and saying so", async () => {
    const book = await parseXlsx(corpus("openpyxl-chart.xlsx"), { fileName: "c.xlsx", sheet: "default" });
    expect(book.sheets[0].name).toBe("会员");
    expect(book.sheetNames).toEqual(["说明", "会员"]);
    expect(book.warnings?.map((w) => w.code)).toContain("workbook.hiddenSkipped");
    expect(book.warnings?.find((w) => w.code === "workbook.hiddenSkipped")?.params).toEqual({
      hidden: ["说明"],
      sheet: "会员",
    });
  });

  it("decodes _xHHHH_ escapes: _x000D_ is a carriage return, _x005F_ a literal underscore", async () => {
    expect(decodeXString("a_x000D_b")).toBe("a\rb");
    expect(decodeXString("_x005F_x000D_")).toBe("_x000D_");
    const book = await parseXlsx(corpus("openpyxl-chart.xlsx"), { sheet: "会员" });
    expect(book.sheets[0].rows[1][5]).toBe("line one\rline two");
    // Written back, the text reads the same.
    expect(xmlText("line one\rline two")).toBe("line one_x000D_line two");
    expect(xmlText("_x000D_")).toBe("_x005F_x000D_");
  });

  it("a formula column without cached values gets one message to recalculate in Excel", async () => {
    const book = await parseXlsx(corpus("openpyxl-chart.xlsx"), { sheet: "会员" });
    const notes = book.warnings?.filter((w) => w.code === "workbook.formulasNotCalculated") ?? [];
    expect(notes).toHaveLength(1);
    expect(notes[0].params).toEqual({ sheet: "会员", columns: ["G"] });
  });

  it("reads a named sheet of a LibreOffice workbook and refuses a name that is not there", async () => {
    const book = await parseXlsx(corpus("libreoffice-pivot.xlsx"), { sheet: "Orders" });
    expect(book.sheets[0].rows[0]).toEqual(["Order ID", "Customer ID", "Order Date", "Amount"]);
    expect(book.sheets[0].rows[1][2]).toBeInstanceOf(Date);
    expect(await codeOf(parseXlsx(corpus("libreoffice-pivot.xlsx"), { sheet: "会员" }))).toBe(
      "workbook.noSuchSheet",
    );
  });

  it("date formats are recognised by their codes, Chinese ones too", () => {
    expect(isDateFormat("yyyy-mm-dd")).toBe(true);
    expect(isDateFormat('yyyy"年"m"月"d"日"')).toBe(true);
    expect(isDateFormat("[$-F800]dddd, mmmm dd, yyyy")).toBe(true);
    expect(isDateFormat("#,##0.00")).toBe(false);
    expect(isDateFormat('0.0"天"')).toBe(false);
  });
});

describe("clear errors for files that are not workbooks", () => {
  it("an OLE file with an encrypted package is password-protected; other OLE files are old .xls", async () => {
    const ole = new Uint8Array(2048);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const name = new TextEncoder().encode("E\0n\0c\0r\0y\0p\0t\0e\0d\0P\0a\0c\0k\0a\0g\0e\0");
    const encrypted = ole.slice();
    encrypted.set(name, 1024);
    expect(await codeOf(parseXlsx(encrypted, { fileName: "x.xlsx" }))).toBe("workbook.encrypted");
    expect(await codeOf(parseXlsx(ole, { fileName: "x.xlsx" }))).toBe("workbook.oldFormat");
  });

  it("a zip that is not a workbook, and a truncated workbook, each give one reason", async () => {
    const notBook = zipSync({ "readme.txt": strToU8("hello") });
    expect(await codeOf(parseXlsx(notBook, { fileName: "x.xlsx" }))).toBe("workbook.notAWorkbook");
    expect(await codeOf(parseXlsx(new TextEncoder().encode("a,b"), { fileName: "x.xlsx" }))).toBe(
      "workbook.notAWorkbook",
    );
    const whole = corpus("libreoffice-pivot.xlsx");
    expect(await codeOf(parseXlsx(whole.subarray(0, whole.length >> 1), { fileName: "x.xlsx" }))).toBe(
      "workbook.truncated",
    );
  });

  it("the command line says so in one line and exits 2", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "tier-err-"));
    const file = path.join(dir, "cut.xlsx");
    const whole = corpus("libreoffice-pivot.xlsx");
    writeFileSync(file, whole.subarray(0, whole.length >> 1));
    let err = "";
    const code = await main(["grade", file, "--preset", "rfm"], { out: () => {}, err: (s) => (err += s) });
    expect(code).toBe(2);
    expect(err.trim().split("\n")).toHaveLength(1);
    expect(err).toContain("damaged or incomplete");
  });
});

describe("--out is checked before grading", () => {
  const io = () => {
    const o = { err: "", out: () => {} };
    return { ...o, io: { out: () => {}, err: (s: string) => (o.err += s) }, text: () => o.err };
  };
  it("refuses an unknown extension, a missing folder and the input file itself, unless --overwrite", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "tier-out-"));
    const file = path.join(dir, "m.xlsx");
    writeFileSync(file, corpus("exceljs-features.xlsx"));
    const before = readFileSync(file);
    for (const [out, expected] of [
      [path.join(dir, "x.txt"), "--out must end in"],
      [path.join(dir, "no", "such", "x.xlsx"), "does not exist"],
      [file, "is the input file"],
    ]) {
      const t = io();
      expect(await main(["grade", file, "--preset", "abc", "--out", out], t.io)).toBe(2);
      expect(t.text()).toContain(expected);
    }
    expect(readFileSync(file).equals(before)).toBe(true);
    const t = io();
    expect(await main(["grade", file, "--preset", "abc", "--out", file, "--overwrite"], t.io)).toBe(0);
    expect(readFileSync(file).equals(before)).toBe(false);
  });
});

describe("the table's shape", () => {
  it("a units row, a subtotal, a total, a footnote and blank rows are left out with their rows and reasons", () => {
    const rows = [
      ["客户编号", "金额", "次数"],
      ["（元）", "（元）", "（次）"],
      ["C1", 100, 2],
      ["C2", 300, 1],
      ["小计", 400, 3],
      ["C3", 50, 1],
      [null, null, null],
      ["合计", 450, 4],
      ["注：金额含税", null, null],
      ["制表人：张三", null, null],
    ];
    const table = tableFromRows(rows, false, "Sheet1");
    expect(table.excluded?.map((p) => [p.row, p.code])).toEqual([
      [2, "table.unitsRow"],
      [5, "table.totalRow"],
      [8, "table.totalRow"],
      [9, "table.footnote"],
      [10, "table.footnote"],
    ]);
    // Row numbers stay the sheet's: data row i is sheet row i + 2; the units row and subtotal hold nothing.
    expect(table.rows).toHaveLength(5);
    expect(table.rows[0]).toEqual([null, null, null]);
    expect(table.rows[1]).toEqual(["C1", 100, 2]);
    expect(table.rows[3]).toEqual([null, null, null]);
  });

  it("a customer called Total Foods is a customer; 小计（华东） and Total: are totals", () => {
    const table = tableFromRows(
      [
        ["name", "amount"],
        ["Total Foods", 10],
        ["小计（华东）", 10],
        ["Acme", 5],
        ["Total:", 15],
      ],
      false,
      "S",
    );
    expect(table.excluded?.map((p) => [p.row, p.code])).toEqual([
      [3, "table.totalRow"],
      [5, "table.totalRow"],
    ]);
    expect(table.rows[0]).toEqual(["Total Foods", 10]);
  });

  it("a last row whose numbers are the sums of their columns is a total even without a label", () => {
    const table = tableFromRows(
      [
        ["id", "amount"],
        ["a", 1.5],
        ["b", 2.25],
        ["c", 3],
        [null, 6.75],
      ],
      false,
      "S",
    );
    expect(table.excluded).toEqual([{ code: "table.sumRow", row: 5 }]);
    expect(table.rows).toHaveLength(3);
    // A customer whose numbers happen to be the sums above is still a customer.
    const small = tableFromRows(
      [
        ["id", "amount", "orders"],
        ["a", 1, 1],
        ["b", 2, 1],
        ["c", 3, 2],
      ],
      false,
      "S",
    );
    expect(small.excluded).toEqual([]);
  });
});

describe("the surgical writer's cells", () => {
  it("text is an inline string, never a formula, and is cut to Excel's 32,767 characters with an ellipsis", () => {
    expect(cellXml("A1", "=HYPERLINK(1)", 0)).toBe(
      '<c r="A1" t="inlineStr"><is><t xml:space="preserve">=HYPERLINK(1)</t></is></c>',
    );
    const long = cutToCell("x".repeat(40_000));
    expect(long).toHaveLength(32_767);
    expect(long.endsWith("…")).toBe(true);
    expect(cutToCell("short")).toBe("short");
  });

  it("new cells go into their rows in column order, before a user cell further right, and new rows in order", () => {
    const xml =
      '<worksheet xmlns="m"><dimension ref="A1:Z3"/><sheetData>' +
      '<row r="1"><c r="A1"><v>1</v></c><c r="Z1"><v>9</v></c></row>' +
      '<row r="3" spans="1:1"/></sheetData></worksheet>';
    const out = patchSheet(xml, {
      firstColumn: 1,
      fromRow: 1,
      toRow: 4,
      lastColumn: 1,
      lastRow: 4,
      cells: (r) => `<c r="B${r}"><v>${r}</v></c>`,
    });
    expect(out).toBe(
      '<worksheet xmlns="m"><dimension ref="A1:Z4"/><sheetData>' +
        '<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>1</v></c><c r="Z1"><v>9</v></c></row>' +
        '<row r="2"><c r="B2"><v>2</v></c></row>' +
        '<row r="3" spans="1:1"><c r="B3"><v>3</v></c></row>' +
        '<row r="4"><c r="B4"><v>4</v></c></row></sheetData></worksheet>',
    );
  });
});

describe("duplicate header names", () => {
  it("two columns called 金额 are named with their letters and a note says so; --map picks one by letter", async () => {
    const table = tableFromRows(
      [
        ["客户编号", "金额", "次数", "金额"],
        ["C1", 100, 2, 300],
        ["C2", 200, 1, 100],
      ],
      false,
      "S",
    );
    expect(table.headers).toEqual(["客户编号", "金额 (B)", "次数", "金额 (D)"]);
    expect(table.notes).toEqual([
      { code: "table.duplicateHeader", params: { header: "金额", columns: ["B", "D"] } },
    ]);
    const dir = mkdtempSync(path.join(tmpdir(), "tier-dup-"));
    const file = path.join(dir, "dup.csv");
    writeFileSync(file, "客户编号,金额,次数,金额\nC1,100,2,300\nC2,200,1,100\nC3,50,1,900\n");
    let err = "";
    let out = "";
    const code = await main(["grade", file, "--preset", "abc", "--map", "amount=D"], {
      out: (s) => (out += s),
      err: (s) => (err += s),
    });
    expect(code).toBe(0);
    expect(err).toContain('columns B, D are all called "金额"');
    expect(err).toContain("amount=金额 (D)");
    expect(out.split("\r\n")[1]).toMatch(/^C1,/);
  });
});

describe("decimal commas in a CSV", () => {
  it("a column with 12,50 is read with decimal commas throughout: 1,500 there is 1.5, never 1500", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "tier-dec-"));
    const file = path.join(dir, "eu.csv");
    writeFileSync(file, "id;amount\nC1;1,500\nC2;12,50\nC3;1.234,5\nC4;7\n");
    let out = "";
    let err = "";
    const code = await main(["grade", file, "--preset", "abc", "--out", path.join(dir, "x.json")], {
      out: (s) => (out += s),
      err: (s) => (err += s),
    });
    expect(code).toBe(0);
    const json = JSON.parse(readFileSync(path.join(dir, "x.json"), "utf8")) as {
      rows: { customer_id: string; amount: number }[];
    };
    expect(json.rows.map((r) => r.amount)).toEqual([1.5, 12.5, 1234.5, 7]);
    expect(err).toContain('column "amount" writes decimals with a comma');
    void out;
  });

  it("a column that mixes 12,50 and 1,234.50 is named with the rows in doubt, not guessed", () => {
    const table = tableFromRows(
      [
        ["id", "amount"],
        ["a", "12,50"],
        ["b", "1,234.50"],
        ["c", "3"],
      ],
      false,
      "S",
    );
    expect(table.notes).toEqual([{ code: "table.decimalMixed", params: { column: "amount", rows: [2, 3] } }]);
    expect(table.rows[0][1]).toBe("12,50");
  });
});

describe("the sheet patcher streams", () => {
  it("gives the same sheet whatever the chunk size, cells dropped and conditional formats placed included", () => {
    const xml =
      '<?xml version="1.0"?><x:worksheet xmlns:x="m"><x:dimension ref="A1:C4"/><x:sheetData>' +
      '<x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="C1" t="inlineStr"><x:is><x:t>Tier·old</x:t></x:is></x:c></x:row>' +
      '<x:row r="2"><x:c r="A2"><x:f>SUM(B2:B9)</x:f><x:v>3</x:v></x:c><x:c r="C2"><x:v>7</x:v></x:c></x:row>' +
      '<x:row r="4"/></x:sheetData><x:conditionalFormatting sqref="C2:C4"><x:cfRule type="cellIs" priority="1"/></x:conditionalFormatting>' +
      '<x:pageMargins left="0.7"/></x:worksheet>';
    const edit = {
      firstColumn: 2,
      fromRow: 1,
      toRow: 5,
      lastColumn: 3,
      lastRow: 5,
      // Written without a prefix, as the package host writes them: they take the sheet's x: prefix.
      cells: (r: number) => `<c r="C${r}"><v>${r}</v></c>`,
      drop: (_r: number, c: number) => c === 2,
      conditionalFormatting: '<conditionalFormatting sqref="C2:C5"/>',
      dropConditionalFormatting: (sqref: string) => sqref.startsWith("C"),
    };
    const whole = patchSheet(xml, edit);
    expect(whole).toContain('<x:dimension ref="A1:D5"/>');
    expect(whole).toContain(
      '<x:c r="A2"><x:f>SUM(B2:B9)</x:f><x:v>3</x:v></x:c><x:c r="C2"><x:v>2</x:v></x:c></x:row>',
    );
    expect(whole).not.toContain("Tier·old");
    expect(whole).toContain('<x:row r="3"><x:c r="C3"><x:v>3</x:v></x:c></x:row>');
    expect(whole).toContain('<x:row r="4"><x:c r="C4"><x:v>4</x:v></x:c></x:row>');
    expect(whole).toContain(
      '</x:sheetData><x:conditionalFormatting sqref="C2:C5"/><x:pageMargins left="0.7"/></x:worksheet>',
    );
    for (const size of [1, 2, 3, 7, 13, 64]) {
      let out = "";
      const p = new SheetPatcher(edit, (t) => (out += t));
      for (let i = 0; i < xml.length; i += size) p.write(xml.slice(i, i + size));
      p.end();
      expect(out, `chunks of ${size}`).toBe(whole);
    }
  });
});

describe("widths of the new columns", () => {
  it("go into <cols> in column order, and never over a <col> of the user's", () => {
    const xml =
      '<worksheet><cols><col min="1" max="1" width="20"/><col min="4" max="4" width="9"/><col min="9" max="9" width="30"/></cols>' +
      "<sheetData/></worksheet>";
    const widths = new Map([
      [2, 12],
      [3, 14],
      [4, 16],
    ]);
    const out = patchSheet(xml, {
      firstColumn: 2,
      fromRow: 1,
      toRow: 0,
      lastColumn: 4,
      lastRow: 1,
      cells: () => "",
      widths,
    });
    expect(out).toBe(
      '<worksheet><cols><col min="1" max="1" width="20"/><col min="3" max="3" width="12" customWidth="1"/>' +
        '<col min="4" max="4" width="9"/><col min="5" max="5" width="16" customWidth="1"/><col min="9" max="9" width="30"/></cols>' +
        "<sheetData/></worksheet>",
    );
  });
});
