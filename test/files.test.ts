import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { formatDay, readDate } from "../src/engine/dates";
import { TierError } from "../src/engine/errors";
import { findHeaderRow } from "../src/engine/headers";
import { readNumber } from "../src/engine/values";
import { decodeText, parseCsv, parseXlsx, readWorkbookBytes } from "../src/workbook/files";
import { readWorkbookFile } from "../src/workbook/files-node";

const dir = mkdtempSync(join(tmpdir(), "tier-files-"));
const utf8 = (s: string) => new TextEncoder().encode(s);

// GB18030 (GBK) code points of the few characters used below, read off the GB2312 table
// (客 BFCD, 户 BBA7, 编 B1E0, 号 BAC5, 金 BDF0, 额 B6EE); ASCII stays one byte.
const GBK: Record<string, number[]> = {
  客: [0xbf, 0xcd],
  户: [0xbb, 0xa7],
  编: [0xb1, 0xe0],
  号: [0xba, 0xc5],
  金: [0xbd, 0xf0],
  额: [0xb6, 0xee],
};
const gbk = (s: string) => new Uint8Array([...s].flatMap((ch) => GBK[ch] ?? [ch.charCodeAt(0)]));

async function xlsxBytes(build: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

describe("decodeText", () => {
  it("decodeText follows a UTF-8 or UTF-16LE byte-order mark and drops it", () => {
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8("客户编号,金额")]);
    expect(decodeText(bom)).toEqual({ text: "客户编号,金额", encoding: "utf-8-bom" });
    const u16 = new Uint8Array([
      0xff,
      0xfe,
      ...[..."客户"].flatMap((c) => [c.charCodeAt(0) & 255, c.charCodeAt(0) >> 8]),
    ]);
    expect(decodeText(u16)).toEqual({ text: "客户", encoding: "utf-16le" });
  });

  it("decodeText reads valid UTF-8 as UTF-8 and anything else as GB18030", () => {
    expect(decodeText(utf8("客户编号"))).toEqual({ text: "客户编号", encoding: "utf-8" });
    expect(decodeText(gbk("客户编号"))).toEqual({ text: "客户编号", encoding: "gb18030" });
  });
});

describe("parseCsv", () => {
  it("parseCsv reads a UTF-8 BOM CSV as text cells, keeping leading zeros and dropping trailing blank lines", () => {
    const book = parseCsv(
      new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('客户编号,金额\r\n007,"1,234.50"\r\n\r\n\r\n')]),
    );
    expect(book.format).toBe("csv");
    expect(book.date1904).toBe(false);
    expect(book.sheets).toEqual([
      {
        name: "Sheet1",
        rows: [
          ["客户编号", "金额"],
          ["007", "1,234.50"],
        ],
      },
    ]);
    expect(readNumber(book.sheets[0].rows[1][1])).toBe(1234.5);
  });

  it("parseCsv reads a GB18030 CSV with Chinese headers", () => {
    const book = parseCsv(gbk("客户编号,金额\nA1,300\n"), "客户");
    expect(book.sheets[0]).toEqual({
      name: "客户",
      rows: [
        ["客户编号", "金额"],
        ["A1", "300"],
      ],
    });
  });

  it("parseCsv detects semicolons and tabs and pads short rows", () => {
    expect(parseCsv(utf8("id;amount;date\n1;2,5\n")).sheets[0].rows).toEqual([
      ["id", "amount", "date"],
      ["1", "2,5", ""],
    ]);
    expect(parseCsv(utf8("id\tamount\n1\t2\n")).sheets[0].rows).toEqual([
      ["id", "amount"],
      ["1", "2"],
    ]);
  });
});

describe("parseXlsx", () => {
  it("parseXlsx gives numbers, text, UTC dates, error values, cached formula results and rich text", async () => {
    const bytes = await xlsxBytes((wb) => {
      const ws = wb.addWorksheet("客户");
      ws.getCell("A1").value = "2025年第一季度客户分级表";
      ws.mergeCells("A1:E1");
      ws.addRow(["客户编号", "金额", "最近消费日期", "折后", "备注"]);
      ws.addRow([
        "C001",
        1200,
        new Date(Date.UTC(2025, 2, 1)),
        { formula: "B3*0.9", result: 1080 },
        { error: "#N/A" },
      ]);
      ws.addRow([
        { richText: [{ text: "C0" }, { text: "02" }] },
        "1,234",
        "2025/3/1",
        null,
        { text: "链接", hyperlink: "https://example.com" },
      ]);
      ws.getCell("C3").numFmt = "yyyy-mm-dd";
    });
    const book = await parseXlsx(bytes);
    expect(book.format).toBe("xlsx");
    expect(book.date1904).toBe(false);
    const rows = book.sheets[0].rows;
    expect(book.sheets[0].name).toBe("客户");
    expect(rows[0]).toEqual(["2025年第一季度客户分级表", null, null, null, null]);
    expect(rows[1]).toEqual(["客户编号", "金额", "最近消费日期", "折后", "备注"]);
    expect(rows[2].slice(0, 2)).toEqual(["C001", 1200]);
    expect(formatDay(readDate(rows[2][2]) as number)).toBe("2025-03-01");
    expect(rows[2][3]).toBe(1080);
    expect(rows[2][4]).toEqual({ error: "#N/A" });
    expect(readNumber(rows[2][4])).toEqual({ code: "cell.error", params: { value: "#N/A" } });
    expect(rows[3]).toEqual(["C002", "1,234", "2025/3/1", null, "链接"]);
    expect(findHeaderRow(rows)).toBe(1);
  });

  it("parseXlsx reads a 1904-date workbook's date cell back as the right day", async () => {
    const bytes = await xlsxBytes((wb) => {
      wb.properties.date1904 = true;
      const ws = wb.addWorksheet("Sheet1");
      ws.addRow(["日期", "序号"]);
      ws.addRow([new Date(Date.UTC(2025, 2, 1)), 44255]);
      ws.getCell("A2").numFmt = "yyyy-mm-dd";
    });
    const book = await parseXlsx(
      bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
    );
    expect(book.date1904).toBe(true);
    const [date, serial] = book.sheets[0].rows[1];
    expect(formatDay(readDate(date, { date1904: book.date1904 }) as number)).toBe("2025-03-01");
    // A plain number in such a workbook is a 1904 serial: 44255 is 2025-03-01 there.
    expect(formatDay(readDate(serial, { date1904: book.date1904 }) as number)).toBe("2025-03-01");
  });

  it("parseXlsx throws TierError for bytes that are not a workbook", async () => {
    await expect(parseXlsx(utf8("not a zip"))).rejects.toThrow(TierError);
  });
});

describe("readWorkbookBytes and readWorkbookFile", () => {
  it("readWorkbookBytes picks the reader by extension and refuses other files", async () => {
    expect((await readWorkbookBytes(utf8("a,b\n1,2\n"), "orders.CSV")).format).toBe("csv");
    expect((await readWorkbookBytes(utf8("a,b\n1,2\n"), "dir/orders.csv")).sheets[0].name).toBe("orders");
    await expect(readWorkbookBytes(utf8("%PDF"), "x.pdf")).rejects.toMatchObject({
      code: "workbook.fileType",
      params: { file: "x.pdf", xls: 0 },
    });
  });

  it("readWorkbookFile reads .xlsx and .csv files from disk and names a missing file", async () => {
    const csv = join(dir, "客户.csv");
    writeFileSync(csv, gbk("客户编号,金额\nA1,300\n"));
    const fromCsv = await readWorkbookFile(csv);
    expect(fromCsv.sheets[0].rows).toEqual([
      ["客户编号", "金额"],
      ["A1", "300"],
    ]);
    const xlsx = join(dir, "book.xlsx");
    writeFileSync(xlsx, await xlsxBytes((wb) => wb.addWorksheet("S").addRow(["id", 1])));
    expect((await readWorkbookFile(xlsx)).sheets[0].rows).toEqual([["id", 1]]);
    const missing = join(dir, "x.csv");
    await expect(readWorkbookFile(missing)).rejects.toMatchObject({
      code: "workbook.noFile",
      params: { file: missing },
    });
  });
});
