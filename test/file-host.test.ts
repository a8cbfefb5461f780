import { gradeIn } from "./present";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
// exceljs's own XML parser (a dependency of exceljs): the strictest reader the project already has.
import { SaxesParser } from "saxes";
import { describe, expect, it } from "vitest";
import { parseIsoDay } from "../src/engine/dates";

import { preset } from "../src/engine/presets";
import { tableFromRows } from "../src/engine/table";
import { parseXlsx } from "../src/workbook/files";
import { FileHost, SETTINGS_SHEET } from "../src/workbook/file-host";
import { CellInTheWayError } from "../src/workbook/host";
import { ownedSettingKey, writeGrade } from "../src/workbook/write-result";
import { readWorkbookFile } from "../src/workbook/files-node";
import { paretoChartXml, quoteSheet, xmlEscape } from "../src/workbook/xlsx-chart";

const AS_OF = parseIsoDay("2025-12-31");
const INJECTIONS = ['=HYPERLINK("http://x","y")', "+1+1", "-2+3", "@SUM(A1)", "=1+1"];

async function xlsxBytes(build: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** A store's members under a title row, a second sheet of notes, a formula and a date per row. */
function members(wb: ExcelJS.Workbook, n = 40): void {
  const ws = wb.addWorksheet("会员");
  ws.getCell("A1").value = "2025年会员消费汇总";
  ws.mergeCells("A1:F1");
  ws.addRow(["会员卡号", "姓名", "累计消费金额", "消费次数", "首次消费日期", "备注"]);
  for (let i = 1; i <= n; i++) {
    const amount = i * 700;
    ws.addRow([
      `VIP${String(i).padStart(4, "0")}`,
      i === 3 ? INJECTIONS[0] : `会员${i}`,
      amount,
      (i % 7) + 1,
      new Date(Date.UTC(2023, 0, i)),
      { formula: `C${i + 2}*2`, result: amount * 2 },
    ]);
    ws.getCell(`E${i + 2}`).numFmt = "yyyy-mm-dd";
  }
  const notes = wb.addWorksheet("备注");
  notes.addRow(["说明", "=not a formula, text"]);
  notes.addRow([1, true]);
}

async function gradeBytes(bytes: Uint8Array, presetName = "membership", lang: "zh" | "en" = "zh") {
  const host = await FileHost.fromBytes(bytes, "members.xlsx");
  const { sheets } = await host.listSheets();
  const read = await host.readSheet(sheets[0]);
  const table = tableFromRows(read.rows, read.date1904, read.sheetName);
  const result = gradeIn(table, preset(presetName), { asOf: AS_OF, lang });
  const report = await writeGrade(host, read, table, result, { lang });
  return { host, read, table, result, report, out: await host.toXlsx() };
}

async function zipText(bytes: Uint8Array, path: string): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  const f = zip.file(path);
  if (!f) throw new Error(`${path} is not in the zip`);
  return f.async("string");
}

/** Path of a sheet's part by its name, through workbook.xml and its rels. */
async function sheetPath(bytes: Uint8Array, name: string): Promise<string> {
  const book = await zipText(bytes, "xl/workbook.xml");
  const rels = await zipText(bytes, "xl/_rels/workbook.xml.rels");
  const rid = new RegExp(`<sheet [^>]*name="${name}"[^>]*r:id="([^"]+)"`).exec(book)![1];
  const target = new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"`).exec(rels)![1];
  return `xl/${target}`;
}

function wellFormed(xml: string): boolean {
  const parser = new SaxesParser({ xmlns: true });
  try {
    parser.write(xml).close();
    return true;
  } catch {
    return false;
  }
}

describe("FileHost", () => {
  it("readSheet gives the same cells as parseXlsx, and listSheets hides the settings sheet", async () => {
    const bytes = await xlsxBytes((wb) => members(wb));
    const host = await FileHost.fromBytes(bytes, "m.xlsx");
    const parsed = await parseXlsx(bytes);
    const read = await host.readSheet("会员");
    expect(read.rows).toEqual(parsed.sheets[0].rows);
    expect(read).toMatchObject({ top: 0, left: 0, date1904: false });
    await host.saveSetting("k", "v");
    expect(await host.listSheets()).toEqual({ sheets: ["会员", "备注"], active: "会员" });
  });

  it("writeGrade puts the tier columns right of the data and leaves every user cell as it was", async () => {
    const bytes = await xlsxBytes((wb) => members(wb));
    const { out, report, result } = await gradeBytes(bytes);
    const before = await parseXlsx(bytes);
    const after = await parseXlsx(out);
    const width = before.sheets[0].rows[1].length;
    expect(report.owned).toMatchObject({ sheetName: "会员", headerRow: 1, firstColumn: width });
    // The user's sheets, cell for cell (values, dates, formula results, the merged title).
    expect(after.sheets[0].rows.map((r) => r.slice(0, width))).toEqual(before.sheets[0].rows);
    expect(after.sheets.find((s) => s.name === "备注")!.rows).toEqual(before.sheets[1].rows);
    // The formulas themselves survive, not only their results.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(out as unknown as ExcelJS.Buffer);
    expect(wb.getWorksheet("会员")!.getCell("F3").formula).toBe("C3*2");
    expect(wb.getWorksheet("会员")!.getCell("A1").isMerged).toBe(true);
    // Owned headers are recognisable, and the tiers are those of the grading.
    const header = after.sheets[0].rows[1].slice(width) as string[];
    expect(header.every((h) => h.startsWith("分级·"))).toBe(true);
    const tierCol = width + header.indexOf("分级·等级");
    expect(after.sheets[0].rows.slice(2).map((r) => r[tierCol] ?? null)).toEqual(result.columns.tier);
    expect(wb.getWorksheet(SETTINGS_SHEET)!.state).toBe("veryHidden");
  });

  it("text that looks like a formula is written as a shared string, never as a formula", async () => {
    const host = await FileHost.fromBytes(
      await xlsxBytes((wb) => {
        const ws = wb.addWorksheet("S");
        ws.addRow(["id", "amount"]);
        INJECTIONS.forEach((_, i) => ws.addRow([`c${i}`, i]));
      }),
      "s.xlsx",
    );
    await host.writeColumns({
      sheetName: "S",
      headerRow: 0,
      dataEnd: 2,
      headers: ["Tier·Name"],
      columns: [INJECTIONS],
    });
    await host.writeSheet({ name: "Out", rows: [["name"], ...INJECTIONS.map((s) => [s])], asTable: true });
    const out = await host.toXlsx();
    for (const name of ["S", "Out"]) {
      const xml = await zipText(out, await sheetPath(out, name));
      expect(xml).not.toMatch(/<f[ >]/);
      for (let r = 2; r <= INJECTIONS.length + 1; r++) {
        const cell = new RegExp(`<c r="${name === "S" ? "C" : "A"}${r}"[^>]*>`).exec(xml)![0];
        expect(cell).toMatch(/t="s"/);
      }
    }
    const shared = await zipText(out, "xl/sharedStrings.xml");
    for (const s of INJECTIONS) expect(shared).toContain(xmlEscape(s));
    const read = await parseXlsx(out);
    expect(read.sheets[0].rows.slice(1).map((r) => r[2])).toEqual(INJECTIONS);
  });

  it("a re-run replaces its own columns in place, also after the file was saved and opened again", async () => {
    const bytes = await xlsxBytes((wb) => members(wb));
    const first = await gradeBytes(bytes, "membership");
    // Opened again from the saved file, and graded with another policy that has fewer columns.
    const second = await gradeBytes(first.out, "pyramid");
    expect(second.read.rows[1]).toEqual((await parseXlsx(bytes)).sheets[0].rows[1]);
    expect(second.report.owned!.firstColumn).toBe(first.report.owned!.firstColumn);
    const after = await parseXlsx(second.out);
    const header = after.sheets[0].rows[1];
    const owned = header.filter((h) => typeof h === "string" && h.startsWith("分级·"));
    expect(owned).toEqual(second.report.owned!.headers);
    // Nothing of the first run is left beyond the second run's columns.
    const end = second.report.owned!.firstColumn + owned.length;
    expect(after.sheets[0].rows.every((r) => r.slice(end).every((v) => v === null))).toBe(true);
    expect(JSON.parse((await second.host.loadSetting(ownedSettingKey("会员")))!)).toEqual(
      second.report.owned,
    );
    expect((await second.host.listSheets()).sheets).toEqual(["会员", "备注", "分级汇总", "分级图表数据"]);
  });

  it("a user's cell where a tier column would go stops the run and nothing is written", async () => {
    const bytes = await xlsxBytes((wb) => {
      members(wb);
      wb.getWorksheet("会员")!.getCell("I20").value = "my note";
    });
    const host = await FileHost.fromBytes(bytes, "m.xlsx");
    const read = await host.readSheet("会员");
    const table = tableFromRows(read.rows, false, "会员");
    const result = gradeIn(table, preset("membership"), { asOf: AS_OF, lang: "zh" });
    const err = await writeGrade(host, read, table, result, { lang: "zh" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CellInTheWayError);
    expect((err as CellInTheWayError).address).toBe("I20");
    expect((err as Error).message).toContain("nothing was overwritten");
    const after = await parseXlsx(await host.toXlsx());
    expect(after.sheets.map((s) => s.name)).toEqual(["会员", "备注"]);
    expect(read.rows[19][8]).toBe("my note");
    expect(after.sheets[0].rows).toEqual(read.rows);
    expect(await host.loadSetting(ownedSettingKey("会员"))).toBeNull();
  });

  it("a sheet of the user's with an output sheet's name is never replaced", async () => {
    const bytes = await xlsxBytes((wb) => {
      members(wb);
      wb.addWorksheet("分级汇总").getCell("B2").value = 42;
    });
    const err = await gradeBytes(bytes).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CellInTheWayError);
    expect(err).toMatchObject({ sheetName: "分级汇总", address: "B2" });
  });

  it("dates are real date cells in the workbook's 1904 date system", async () => {
    const bytes = await xlsxBytes((wb) => {
      wb.properties.date1904 = true;
      const ws = wb.addWorksheet("S");
      ws.addRow(["id", "first"]);
      ws.addRow(["a", new Date(Date.UTC(2024, 5, 1))]);
      ws.getCell("B2").numFmt = "yyyy-mm-dd";
    });
    const host = await FileHost.fromBytes(bytes, "s.xlsx");
    expect((await host.readSheet("S")).date1904).toBe(true);
    const day = parseIsoDay("2025-01-01");
    await host.writeColumns({
      sheetName: "S",
      headerRow: 0,
      dataEnd: 2,
      headers: ["Tier·Since"],
      columns: [[{ date: day }]],
    });
    const out = await host.toXlsx();
    const xml = await zipText(out, await sheetPath(out, "S"));
    // 2025-01-01 is serial 45658 in the 1900 system and 45658 - 1462 = 44196 in the 1904 system.
    expect(/<c r="C2"[^>]*><v>([^<]+)<\/v>/.exec(xml)![1]).toBe("44196");
    expect(await zipText(out, "xl/workbook.xml")).toMatch(/date1904="1"/);
    const read = await parseXlsx(out);
    expect(read.date1904).toBe(true);
    expect(read.sheets[0].rows[1]).toEqual([
      "a",
      new Date(Date.UTC(2024, 5, 1)),
      new Date(Date.UTC(2025, 0, 1)),
    ]);
  });

  it("the distribution and Pareto charts are native charts: chart, drawing, relationships and content types, all well-formed", async () => {
    const bytes = await xlsxBytes((wb) => members(wb, 60));
    const { out } = await gradeBytes(bytes, "membership", "zh");
    const zip = await JSZip.loadAsync(out);
    const names = Object.keys(zip.files);
    expect(names).toEqual(
      expect.arrayContaining([
        "xl/charts/chart1.xml",
        "xl/drawings/drawing1.xml",
        "xl/drawings/_rels/drawing1.xml.rels",
      ]),
    );
    for (const name of names.filter((n) => /\.(xml|rels)$/.test(n)))
      expect(wellFormed(await zip.file(name)!.async("string")), name).toBe(true);
    // Chart 1: share of customers beside share of sales per card, both columns of the hidden data sheet.
    const dist = await zipText(out, "xl/charts/chart1.xml");
    expect(dist.match(/<c:ser>/g)).toHaveLength(2);
    expect(dist).not.toContain("<c:lineChart>");
    expect(dist).toContain("<c:f>'分级图表数据'!$B$4:$B$8</c:f>");
    // Chart 2: the Pareto chart, sales bars and the cumulative share as a line on a 0..100 % axis.
    const chart = await zipText(out, "xl/charts/chart2.xml");
    expect(chart).toMatch(/<c:barChart>.*<c:ser>.*<\/c:barChart><c:lineChart>/);
    expect(chart.match(/<c:ser>/g)).toHaveLength(2);
    expect(chart).toContain('<c:max val="1"/><c:min val="0"/>');
    expect(chart).toContain('<c:numFmt formatCode="0%" sourceLinked="0"/>');
    expect(chart).toContain("<c:f>'分级图表数据'!$B$");
    const summary = await sheetPath(out, "分级汇总");
    const sheetXml = await zipText(out, summary);
    const rid = /<drawing r:id="([^"]+)"\/>/.exec(sheetXml)![1];
    const rels = await zipText(out, summary.replace("worksheets/", "worksheets/_rels/") + ".rels");
    expect(rels).toContain(
      `Id="${rid}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing" Target="../drawings/drawing1.xml"`,
    );
    expect(await zipText(out, "xl/drawings/_rels/drawing1.xml.rels")).toContain(
      'Target="../charts/chart1.xml"',
    );
    const types = await zipText(out, "[Content_Types].xml");
    expect(types).toContain(
      'PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"',
    );
    expect(types).toContain(
      'PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"',
    );
    // <drawing> sits where the schema wants it: before tableParts and extLst, after everything else.
    expect(sheetXml.indexOf("<drawing ")).toBeGreaterThan(sheetXml.indexOf("</sheetData>"));
    // The file still opens (exceljs drops the chart when it reads, but reads the rest).
    const again = await parseXlsx(out);
    expect(again.sheets.map((s) => s.name)).toContain("分级汇总");
  });

  it("an orders table gets a results sheet written as an Excel table", async () => {
    const bytes = await xlsxBytes((wb) => {
      const ws = wb.addWorksheet("Orders");
      ws.addRow(["Customer ID", "Order Date", "Amount"]);
      for (let i = 0; i < 30; i++)
        ws.addRow([`C${i % 9}`, new Date(Date.UTC(2025, i % 12, 1 + (i % 27))), 10 + i]);
    });
    const { out, report } = await gradeBytes(bytes, "rfm", "en");
    expect(report.resultsSheet).toBe("Tier results");
    const names = Object.keys((await JSZip.loadAsync(out)).files);
    expect(names).toContain("xl/tables/table1.xml");
    const table = await zipText(out, "xl/tables/table1.xml");
    expect(table).toMatch(/name="TierResults"/);
    expect(table).toMatch(/ref="A1:[A-Z]+10"/); // header + 9 customers
  });

  it("a CSV becomes a one-sheet workbook: numbers as numbers, ids with leading zeros as text", async () => {
    const csv = new TextEncoder().encode("客户编号,金额,日期\n007,12.5,2025-03-01\n8,3,x\n");
    const host = await FileHost.fromBytes(csv, "dir/orders.csv");
    expect((await host.listSheets()).sheets).toEqual(["orders"]);
    expect((await host.readSheet("orders")).rows).toEqual([
      ["客户编号", "金额", "日期"],
      ["007", 12.5, new Date(Date.UTC(2025, 2, 1))],
      [8, 3, "x"],
    ]);
  });

  it("a CSV is read and graded before its cells are built, and the download is the one of a sheet built at once", async () => {
    const lines = ["会员卡号,姓名,累计消费金额,消费次数,首次消费日期"];
    for (let i = 1; i <= 40; i++)
      lines.push(
        `VIP${String(i).padStart(4, "0")},会员${i},${i * 700},${(i % 9) + 1},2025-0${(i % 9) + 1}-15`,
      );
    const csv = new TextEncoder().encode(lines.join("\n") + "\n");
    const gradeCsv = async (buildFirst: boolean, runs: number) => {
      const host = await FileHost.fromBytes(csv, "members.csv");
      if (buildFirst) await host.toXlsx();
      let report;
      for (let i = 0; i < runs; i++) {
        const read = await host.readSheet("members");
        const table = tableFromRows(read.rows, read.date1904, read.sheetName);
        const result = gradeIn(table, preset("membership"), { asOf: AS_OF, lang: "zh" });
        report = await writeGrade(host, read, table, result, { lang: "zh" });
      }
      return { report, out: await parseXlsx(await host.toXlsx()) };
    };
    for (const runs of [1, 2]) {
      const lazy = await gradeCsv(false, runs);
      const built = await gradeCsv(true, runs);
      expect(lazy.report).toEqual(built.report);
      expect(lazy.out.sheets).toEqual(built.out.sheets);
      // The tier columns sit right of the five data columns, as the page says.
      expect(lazy.report!.owned).toMatchObject({ sheetName: "members", firstColumn: 5 });
      expect(String(lazy.out.sheets[0].rows[0][5])).toMatch(/^分级·/);
    }
  });

  it("settings longer than a cell holds are split and joined again", async () => {
    const host = FileHost.empty();
    host.workbook.addWorksheet("Data");
    const long = "x".repeat(70_000) + "end";
    await host.saveSetting("tier.rules", long);
    await host.saveSetting("tier.rules", long); // replaced, not added twice
    const again = await FileHost.fromBytes(await host.toXlsx(), "a.xlsx");
    expect(await again.loadSetting("tier.rules")).toBe(long);
    expect(await again.loadSetting("missing")).toBeNull();
  });
});

describe("paretoChartXml", () => {
  it("quotes sheet names in references and escapes text", () => {
    expect(quoteSheet("Bob's")).toBe("'Bob''s'");
    const s = { name: "S", nameRef: "'a'!$B$1", ref: "'a'!$B$2:$B$3", values: [1, 2] };
    const xml = paretoChartXml({
      sheetName: "a",
      title: "Sales <&> share",
      categories: { ref: "'a'!$A$2:$A$3", values: ["x<", "y&"] },
      sales: s,
      cumulative: { ...s, values: [0.4, 1] },
      marks: [{ ...s, values: [0.8, 0.8] }],
      from: { col: 0, row: 0, colOff: 0, rowOff: 0 },
      to: { col: 5, row: 20, colOff: 0, rowOff: 0 },
    });
    expect(wellFormed(xml)).toBe(true);
    expect(wellFormed("<a><b></a>")).toBe(false); // the check itself can fail
    expect(xml).toContain("Sales &lt;&amp;&gt; share");
    expect(xml).toContain("<c:v>x&lt;</c:v>");
  });
});

describe("readWorkbookFile", () => {
  it("reads the first sheet from disk into the same cells as parseXlsx, dates in the 1904 system too", async () => {
    for (const date1904 of [false, true]) {
      const bytes = await xlsxBytes((wb) => {
        wb.properties.date1904 = date1904;
        members(wb, 30);
      });
      const file = path.join(mkdtempSync(path.join(tmpdir(), "tier-stream-")), "m.xlsx");
      writeFileSync(file, bytes);
      const streamed = await readWorkbookFile(file);
      const parsed = await parseXlsx(bytes);
      expect(streamed.sheets).toHaveLength(1);
      expect(streamed.sheets[0]).toEqual(parsed.sheets[0]);
      expect(streamed.date1904).toBe(date1904);
    }
  });
});
