import { textOn } from "../src/engine/colour";
import { gradeIn } from "./present";
import { afterEach, describe, expect, it } from "vitest";
import { dayFromCivil, dayToExcelSerial, excelSerialToDay } from "../src/engine/dates";
import { TierError } from "../src/engine/errors";
import { parseXlsx } from "../src/workbook/files";

import { preset } from "../src/engine/presets";
import { tableFromRows } from "../src/engine/table";
import {
  bytesPerCellOf,
  estimateBytes,
  planChunks,
  REQUEST_LIMIT_BYTES,
  SAMPLE_ROWS,
} from "../src/workbook/chunks";
import { CellInTheWayError, type CellOut } from "../src/workbook/host";
import { checkRequirements, OfficeHost, planWrite } from "../src/workbook/office-host";
import { outputHeader, ownedSettingKey, SETTING_RULES, writeGrade } from "../src/workbook/write-result";
import { FakeExcel, PAYLOAD_LIMIT, type FakeValue } from "./fake-excel";

const AS_OF = dayFromCivil(2025, 12, 31);
const HEADERS = [
  "客户编号",
  "客户名称",
  "最近消费日期",
  "消费次数",
  "金额",
  "地区",
  "电话",
  "客户经理",
  "备注",
  "渠道",
];

/** A customer sheet of `n` rows and 10 columns, the same for the same seed. */
function customers(n: number, seed = 7, date1904 = false): FakeValue[][] {
  let s = seed;
  const rand = () => {
    s = (s * 1_103_515_245 + 12_345) % 2_147_483_648;
    return s / 2_147_483_648;
  };
  const rows: FakeValue[][] = [HEADERS];
  const areas = ["华东", "华南", "华北", "西南"];
  for (let i = 0; i < n; i++) {
    const day = AS_OF - Math.floor(rand() * 700);
    rows.push([
      `C${String(i + 1).padStart(6, "0")}`,
      `客户${i + 1}`,
      dayToExcelSerial(day, date1904),
      1 + Math.floor(rand() * 30),
      Math.round(rand() * 100_000) / 100,
      areas[i % 4],
      `138${String(10_000_000 + i).slice(-8)}`,
      `经理${i % 17}`,
      i % 5 === 0 ? "老客户，注意维护" : "",
      i % 2 ? "线上" : "门店",
    ]);
  }
  return rows;
}

let uninstall: (() => void) | undefined;
afterEach(() => {
  uninstall?.();
  uninstall = undefined;
});

function setUp(options: ConstructorParameters<typeof FakeExcel>[0] = {}) {
  const excel = new FakeExcel(options);
  uninstall = excel.install();
  return { excel, host: new OfficeHost() };
}

/** Read, grade and write through the host, as the pane does. */
async function run(host: OfficeHost, sheetName: string, method = "rfm") {
  const read = await host.readSheet(sheetName);
  const table = tableFromRows(read.rows, read.date1904, read.sheetName);
  const result = gradeIn(table, preset(method), { asOf: AS_OF, lang: "en" });
  const report = await writeGrade(host, read, table, result, { lang: "en" });
  return { read, table, result, report };
}

describe("the fake Excel", () => {
  it("throws PropertyNotLoaded when a property is read before load and sync", async () => {
    const { excel } = setUp();
    excel.addSheet("S", [["a"]]);
    await excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("S").getRange("A1");
      // Reading too early on purpose: the fake must refuse as Excel does.
      // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/load-object-before-read
      expect(() => range.values).toThrow(/not available/);
      range.load("values");
      // eslint-disable-next-line office-addins/call-sync-after-load, office-addins/call-sync-before-read
      expect(() => range.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      await context.sync();
      expect(range.values).toEqual([["a"]]);
    });
  });

  it("turns a string written to values into a formula unless the cell is formatted as text", async () => {
    const { excel } = setUp();
    excel.addSheet("S");
    await excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("S");
      sheet.getRange("A1:D1").values = [["=1+1", "+1", "@SUM(A1)", "2025-03-01"]];
      const b = sheet.getRange("A2:D2");
      b.numberFormat = [["@", "@", "@", "@"]];
      b.values = [["=1+1", "+1", "@SUM(A1)", "2025-03-01"]];
      await context.sync();
    });
    const s = excel.sheet("S");
    expect([s.formula(0, 0), s.value(0, 1), s.formula(0, 2), s.value(0, 3)]).toEqual([
      "=1+1",
      1,
      "=SUM(A1)",
      45717,
    ]);
    expect([0, 1, 2, 3].map((c) => s.hasFormula(1, c))).toEqual([false, false, false, false]);
    expect([0, 1, 2, 3].map((c) => s.value(1, c))).toEqual(["=1+1", "+1", "@SUM(A1)", "2025-03-01"]);
  });

  it("rejects a request over 5 MB like Excel on the web", async () => {
    const { excel } = setUp();
    excel.addSheet("S");
    const big = Array.from({ length: 60_000 }, () => ["x".repeat(100)]);
    await expect(
      excel.run(async (context) => {
        context.workbook.worksheets.getItem("S").getRangeByIndexes(0, 0, big.length, 1).values = big;
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
    expect(excel.sheet("S").rows.size).toBe(0);
  });
});

describe("planChunks", () => {
  it("planChunks(rows, columns, bytesPerCell) keeps every chunk under the limit and covers every row once", () => {
    const chunks = planChunks(100_001, 10, 37);
    expect(chunks.reduce((n, c) => n + c.count, 0)).toBe(100_001);
    for (const c of chunks) expect(c.count * 10 * 37 + 2).toBeLessThanOrEqual(REQUEST_LIMIT_BYTES);
    expect(chunks.map((c) => c.start)).toEqual(chunks.map((_, k) => k * chunks[0].count));
  });

  it("planWrite splits a chunk whose rows are longer than the sample's until it fits", () => {
    const cells = Array.from({ length: 5000 }, (_, i) => (i === 3333 ? "长".repeat(30_000) : `r${i}`));
    const chunks = planWrite(5000, 1, (r) => cells[r], [], false, 50_000);
    expect(chunks.reduce((n, c) => n + c.count, 0)).toBe(5000);
    for (const c of chunks) {
      const values = cells.slice(c.start, c.start + c.count).map((v) => [v]);
      if (c.count > 1)
        expect(estimateBytes(values) + estimateBytes(values.map(() => ["@"]))).toBeLessThanOrEqual(50_000);
    }
  });

  it("estimateBytes(values) is the UTF-8 size of the JSON", () => {
    expect(estimateBytes([["客户", 1]])).toBe(new TextEncoder().encode('[["客户",1]]').length);
    expect(
      bytesPerCellOf(
        [
          ["a", 1],
          ["bbbb", 22],
        ],
        2,
      ),
    ).toBe(6);
  });
});

describe("OfficeHost", () => {
  it("reads and grades 100,000 customers × 10 columns with one sync per planned chunk, no request over 4 MB", async () => {
    const { excel, host } = setUp();
    const rows = customers(100_000);
    excel.addSheet("客户", rows);
    excel.resetStats();

    const read = await host.readSheet("客户");
    expect(read.rows.length).toBe(100_001);
    expect(read.rows[500]).toEqual(rows[500]);
    const probe = rows.slice(0, SAMPLE_ROWS);
    const readChunks = planChunks(rows.length - SAMPLE_ROWS, 10, bytesPerCellOf(probe, 10));
    // One sync for the used range and date system, one for the probe, one per chunk after it.
    expect(excel.syncs).toBe(2 + readChunks.length);
    expect(excel.maxResponseBytes).toBeLessThanOrEqual(REQUEST_LIMIT_BYTES);
    const readSyncs = excel.syncs;
    const readLargest = excel.maxResponseBytes;

    const table = tableFromRows(read.rows, read.date1904, read.sheetName);
    const result = gradeIn(table, preset("rfm"), { asOf: AS_OF, lang: "en" });
    expect(result.graded).toBe(100_000);
    excel.resetStats();
    const owned = await host.writeColumns({
      sheetName: "客户",
      headerRow: 0,
      dataEnd: 10,
      headers: ["Tier·R", "Tier·F", "Tier·M", "Tier·RFM", "Tier·Segment"],
      columns: [
        result.columns.r,
        result.columns.f,
        result.columns.m,
        result.columns.rfm,
        result.columns.tier,
      ],
      formats: ["0", "0", "0", "@", undefined],
      tierColumn: 4,
      tierColours: { Champions: "#1E7B34" },
    });
    const writeCells: CellOut[][] = [
      owned.headers,
      ...result.columns.r.map((_, i) => [
        result.columns.r[i],
        result.columns.f[i],
        result.columns.m[i],
        result.columns.rfm[i],
        result.columns.tier[i],
      ]),
    ];
    const writeChunks = planWrite(
      100_001,
      5,
      (r, c) => writeCells[r][c],
      ["0", "0", "0", "@", undefined],
      false,
    );
    // One sync to check the target cells are empty, one per chunk.
    expect(excel.syncs).toBe(1 + writeChunks.length);
    expect(writeChunks.length).toBeGreaterThan(1);
    expect(excel.maxRequestBytes).toBeLessThanOrEqual(REQUEST_LIMIT_BYTES);
    expect(excel.suspendedCalculations).toBe(writeChunks.length);
    expect(excel.sheet("客户").value(100_000, 14)).toBe(result.columns.tier[99_999]);
    console.log(
      `100k × 10: read ${readSyncs} syncs, chunks ${readChunks.map((c) => c.count).join("/")} (largest response ${readLargest} B); ` +
        `write 5 columns ${excel.syncs} syncs, chunks ${writeChunks.map((c) => c.count).join("/")} (largest request ${excel.maxRequestBytes} B)`,
    );
  });

  it("writes text that starts with = + - @ as text, never as a formula", async () => {
    const { excel, host } = setUp();
    excel.addSheet("S", [["id"], ["a"], ["b"], ["c"], ["d"], ["e"], ["f"]]);
    const texts = ['=HYPERLINK("http://x","y")', "+1", "-2abc", "@SUM(A1)", "00123", "2025-03-01"];
    await host.writeColumns({
      sheetName: "S",
      headerRow: 0,
      dataEnd: 1,
      headers: ["=Tier"],
      columns: [texts],
    });
    const s = excel.sheet("S");
    texts.forEach((t, i) => {
      expect(s.hasFormula(i + 1, 1)).toBe(false);
      expect(s.value(i + 1, 1)).toBe(t);
    });
    expect(s.value(0, 1)).toBe("=Tier");
    expect(s.hasFormula(0, 1)).toBe(false);
  });

  it("leaves the user's cells byte-for-byte unchanged after two runs (values, formulas and formats)", async () => {
    const { excel, host } = setUp();
    const rows = customers(300);
    const sheet = excel.addSheet("Customers", rows);
    sheet.put(5, 4, 0, "=D6*10", "#,##0.00");
    sheet.row(7).nf[2] = "yyyy/m/d";
    const user = { top: 0, left: 0, rows: 301, columns: 10 };
    const before = excel.snapshot("Customers", user);
    await run(host, "Customers");
    const first = excel.snapshot("Customers", { top: 0, left: 10, rows: 301, columns: 12 });
    await run(host, "Customers");
    expect(excel.snapshot("Customers", user)).toEqual(before);
    expect(excel.snapshot("Customers", { top: 0, left: 10, rows: 301, columns: 12 })).toEqual(first);
  });

  it("replaces the previous run's columns in place on a re-run: same columns, no duplicates, leftover rows cleared", async () => {
    const { excel, host } = setUp();
    excel.addSheet("Customers", customers(200));
    const one = await run(host, "Customers");
    expect(one.report.owned?.firstColumn).toBe(10);
    const s = excel.sheet("Customers");
    // The user deletes the last 50 customers.
    s.clear({ top: 151, left: 0, rows: 50, columns: 10 }, "All");
    const two = await run(host, "Customers");
    expect(two.report.owned).toMatchObject({
      firstColumn: 10,
      rows: 150,
      headers: one.report.owned?.headers,
    });
    const header = excel.snapshot("Customers", { top: 0, left: 0, rows: 1, columns: 40 }).values[0];
    const tierHeaders = header.filter((h) => typeof h === "string" && h.startsWith("Tier·"));
    expect(tierHeaders).toEqual(one.report.owned?.headers);
    expect(s.used({ top: 0, left: 0, rows: 1000, columns: 100 }, true)).toEqual({
      top: 0,
      left: 0,
      rows: 151,
      columns: 10 + tierHeaders.length,
    });
    expect(JSON.parse(String(excel.settings.get(ownedSettingKey("Customers"))))).toEqual(two.report.owned);
  });

  it("keeps one record per sheet, so grading a second sheet does not make it forget the first", async () => {
    const { excel, host } = setUp();
    excel.addSheet("Customers", customers(40));
    excel.addSheet("Other", customers(30, 11));
    const one = await run(host, "Customers");
    await run(host, "Other");
    const again = await run(host, "Customers");
    expect(again.report.owned).toEqual(one.report.owned);
    const header = excel.snapshot("Customers", { top: 0, left: 0, rows: 1, columns: 40 }).values[0];
    expect(header.filter((h) => typeof h === "string" && h.startsWith("Tier·"))).toEqual(
      one.report.owned?.headers,
    );
  });

  it("finds its columns again after the user inserts a column on the left", async () => {
    const { excel, host } = setUp();
    excel.addSheet("Customers", customers(50));
    const one = await run(host, "Customers");
    excel.insertColumn("Customers", 2);
    excel.sheet("Customers").put(0, 2, "邮箱");
    const two = await run(host, "Customers");
    expect(two.report.owned?.firstColumn).toBe(11);
    const header = excel.snapshot("Customers", { top: 0, left: 0, rows: 1, columns: 40 }).values[0];
    expect(header.filter((h) => typeof h === "string" && h.startsWith("Tier·"))).toEqual(
      one.report.owned?.headers,
    );
    expect(header[11 + one.report.owned!.headers.length]).toBe("");
  });

  it("stops with CellInTheWayError naming the cell when the user typed where the output goes, and writes nothing", async () => {
    const { excel, host } = setUp();
    const s = excel.addSheet("Customers", customers(100));
    s.put(10, 12, "my note");
    const everything = { top: 0, left: 0, rows: 120, columns: 40 };
    const before = excel.snapshot("Customers", everything);
    const error = await run(host, "Customers").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CellInTheWayError);
    expect(error).toMatchObject({ sheetName: "Customers", address: "M11", value: "my note" });
    expect((error as Error).message).toContain("Customers!M11");
    expect(excel.snapshot("Customers", everything)).toEqual(before);
    expect(excel.settings.has(ownedSettingKey("Customers"))).toBe(false);
  });

  it("reads again in halves a chunk Excel finds too large (long text below the rows that sized the chunks)", async () => {
    const { excel } = setUp({ payloadLimit: 300_000 });
    const host = new OfficeHost({ limitBytes: 240_000 });
    const rows: FakeValue[][] = [["id", "note"]];
    for (let i = 0; i < 3000; i++) rows.push([`C${i}`, i < 1500 ? "ok" : "很长的备注".repeat(40)]);
    excel.addSheet("S", rows);
    const read = await host.readSheet("S");
    expect(read.rows).toEqual(rows);
    const refused = excel.syncLog.filter((s) => s.rejected);
    expect(refused.length).toBeGreaterThan(0);
    expect(excel.syncLog.filter((s) => !s.rejected).every((s) => s.responseBytes <= 300_000)).toBe(true);
  });

  it("counts a formula that shows nothing as a cell in the way", async () => {
    const { excel, host } = setUp();
    const s = excel.addSheet("S", [["id"], ["a"], ["b"]]);
    s.put(2, 1, "", '=IF(1,"","")');
    await expect(
      host.writeColumns({
        sheetName: "S",
        headerRow: 0,
        dataEnd: 1,
        headers: ["Tier·Tier"],
        columns: [["A", "B"]],
      }),
    ).rejects.toMatchObject({ address: "B3" });
  });

  it("round-trips dates in a 1904 workbook", async () => {
    const { excel, host } = setUp({ date1904: true });
    excel.addSheet("Customers", customers(20, 7, true));
    const read = await host.readSheet("Customers");
    expect(read.date1904).toBe(true);
    const table = tableFromRows(read.rows, read.date1904, read.sheetName);
    const result = gradeIn(table, preset("rfm"), { asOf: AS_OF, lang: "en" });
    // The first customer's last purchase, read back from its 1904 serial, is the day the sheet holds.
    expect(result.columns.recency_days[0]).toBe(AS_OF - excelSerialToDay(read.rows[1][2] as number, true));
    const day = dayFromCivil(2025, 3, 1);
    await host.writeColumns({
      sheetName: "Customers",
      headerRow: 0,
      dataEnd: 10,
      headers: ["Tier·Next visit"],
      columns: [[{ date: day }]],
    });
    const s = excel.sheet("Customers");
    expect(s.value(1, 10)).toBe(dayToExcelSerial(day, true));
    expect(s.value(1, 10)).toBe(44255);
    expect(s.format(1, 10)).toBe("yyyy-mm-dd");
    const again = await host.readSheet("Customers");
    expect(excelSerialToDay(s.value(1, 10) as number, again.date1904)).toBe(day);
  });

  it("gives a readable message naming the Excel versions that work, not a crash, without the shared runtime (Excel 2019) or below ExcelApi 1.8", async () => {
    const hosts =
      /Excel 2021 or later, Microsoft 365 \(version 2002 or later\), Excel for Mac 16\.35 or later, or Excel on the web/;
    {
      // Excel 2019 has ExcelApi 1.8 but no shared runtime.
      const { excel, host } = setUp({ excelApi: "1.8", sharedRuntime: false });
      excel.addSheet("S", [["a"]]);
      const check = checkRequirements();
      expect(check).toMatchObject({ ok: false, need: "SharedRuntime 1.1", code: "workbook.unsupported" });
      expect(check.ok ? "" : check.message).toMatch(hosts);
      expect(check.ok ? "" : check.message).toMatch(/Excel 2019 and Excel on iPad do not run Tier/);
      await expect(host.readSheet("S")).rejects.toBeInstanceOf(TierError);
      await expect(host.readSheet("S")).rejects.toThrow(/lacks SharedRuntime 1\.1/);
      expect(excel.syncs).toBe(0);
      uninstall?.();
    }
    const { excel, host } = setUp({ excelApi: "1.7" });
    excel.addSheet("S", [["a"]]);
    expect(checkRequirements()).toMatchObject({ ok: false, need: "ExcelApi 1.8" });
    await expect(host.readSheet("S")).rejects.toThrow(hosts);
    // ExcelApi 1.8 with the shared runtime is enough.
    uninstall?.();
    setUp({ excelApi: "1.14" });
    expect(checkRequirements()).toEqual({ ok: true });
  });

  it("draws the distribution and the Pareto chart natively, from a hidden data sheet, and replaces them on a re-run", async () => {
    const { excel, host } = setUp();
    excel.addSheet("Customers", customers(500));
    const { report, result } = await run(host, "Customers", "abc");
    await run(host, "Customers", "abc");
    const charts = excel.sheet(report.summarySheet).charts;
    expect(charts.map((c) => c.name)).toEqual(["TierDistribution", "TierPareto"]);
    const [dist, pareto] = charts;
    const colours = result.tiers.map((t) => t.colour);

    // Share of customers (grey) beside share of sales in each tier's colour, labelled in percent.
    expect(dist.chartType).toBe("ColumnClustered");
    expect(dist.series.map((s) => s.name)).toEqual(["Share of customers", "Share of sales"]);
    expect(dist.series[0].values).toMatch(/^'Tier chart data'!/);
    expect(dist.series[1].points).toEqual(Object.fromEntries(colours.map((c, i) => [i, { solid: c }])));
    expect(dist.series[1]).toMatchObject({
      hasDataLabels: true,
      dataLabels: { showValue: true, numberFormat: "0%" },
    });
    expect(dist.axes["Value/Primary"]).toMatchObject({ numberFormat: "0%" });

    // 500 customers: one bar per percentile, each in its zone's colour, the cumulative share on 0..100 %.
    expect(pareto.series.map((s) => [s.name, s.chartType ?? pareto.chartType, s.axisGroup])).toEqual([
      ["Sales", "ColumnClustered", "Primary"],
      ["Cumulative share of sales", "Line", "Secondary"],
    ]);
    expect(Object.keys(pareto.series[0].points ?? {})).toHaveLength(100);
    expect(pareto.series[0].points?.[0]).toEqual({ solid: colours[0] });
    expect(pareto.series[0].points?.[99]).toEqual({ solid: colours[2] });
    expect(pareto.axes["Value/Secondary"]).toMatchObject({ minimum: 0, maximum: 1, numberFormat: "0%" });
    expect(pareto.title.text).toMatch(/Pareto/);
    expect(pareto.position?.start).toMatch(/^H\d+$/);
    expect(pareto.width).toBe(420); // 560 px at 96 dpi

    expect(excel.sheet("Tier chart data").visibility).toBe("Hidden");
  });

  it("styles the summary: title, header look, tier fills with WCAG text colour, landscape with the header row repeated", async () => {
    const { excel, host } = setUp();
    excel.addSheet("Customers", customers(60));
    const { report, result } = await run(host, "Customers", "abc");
    const s = excel.sheet(report.summarySheet);
    expect(s.value(0, 0)).toBe("Customer tiers: ABC classes (80/20)");
    expect(s.looks.get("A1")).toMatchObject({ fontSize: 14 });
    expect(s.value(6, 0)).toBe("Tier");
    expect(s.looks.get("A7")).toMatchObject({ fill: "#EDEDED", horizontalAlignment: "Center" });
    result.tiers.forEach((t, i) =>
      expect(s.looks.get(`A${8 + i}`)).toEqual({ fill: t.colour, fontColor: textOn(t.colour) }),
    );
    expect(s.value(8 + result.tiers.length - 1, 0)).toBe("Total");
    expect(s.pageLayout).toEqual({
      orientation: "Landscape",
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
      printTitleRows: "$7:$7",
    });
  });

  it("leaves page layout alone where Excel lacks ExcelApi 1.9 (the manifest asks for 1.8)", async () => {
    const { excel, host } = setUp({ excelApi: "1.8" });
    excel.addSheet("Customers", customers(60));
    const { report } = await run(host, "Customers", "abc");
    expect(excel.sheet(report.summarySheet).pageLayout).toEqual({});
    expect(excel.sheet(report.summarySheet).charts).toHaveLength(2);
  });

  it("writes a graded result end to end: owned columns, summary sheet, results sheet for orders, rules saved", async () => {
    const { excel, host } = setUp();
    excel.addSheet("Customers", customers(120));
    const { result, report } = await run(host, "Customers", "rfm");
    const s = excel.sheet("Customers");
    expect(report.owned!.headers.map((_, c) => s.value(0, 10 + c))).toEqual(report.owned!.headers);
    const tierAt = report.owned!.headers.indexOf(outputHeader("tier", "en"));
    expect(s.value(1, 10 + tierAt)).toBe(result.columns.tier[0]);
    expect(s.conditionalFormats.length).toBe(result.summary.length);
    const summary = excel.sheet(report.summarySheet);
    expect(summary.value(1, 0)).toBe("Policy");
    expect(JSON.parse(String(excel.settings.get(SETTING_RULES)))).toEqual(result.ruleSet);

    excel.addSheet("Orders", [
      ["客户编号", "订单日期", "金额"],
      ["C1", "2025-03-01", 120],
      ["C2", "2025-05-01", 80],
      ["C1", "2025-06-01", 60],
    ]);
    const orders = await run(host, "Orders", "abc");
    expect(orders.report.resultsSheet).toBe("Tier results");
    const results = excel.sheet("Tier results");
    expect(results.tables.length).toBe(1);
    expect(results.value(1, 0)).toBe("C1");
    expect(results.hasFormula(1, 0)).toBe(false);
  });

  it("appends rows below the last used row without rewriting the ones there", async () => {
    const { excel, host } = setUp();
    await host.appendRows("History", ["period", "tier"], [["2025-Q1", "A"]]);
    const before = excel.snapshot("History", { top: 0, left: 0, rows: 2, columns: 2 });
    await host.appendRows(
      "History",
      ["period", "tier"],
      [
        ["2025-Q2", "B"],
        ["2025-Q2", "=C"],
      ],
    );
    expect(excel.snapshot("History", { top: 0, left: 0, rows: 2, columns: 2 })).toEqual(before);
    expect(excel.snapshot("History", { top: 0, left: 0, rows: 4, columns: 2 }).values).toEqual([
      ["period", "tier"],
      ["2025-Q1", "A"],
      ["2025-Q2", "B"],
      ["2025-Q2", "=C"],
    ]);
  });

  it("lists sheets, selects a cell and keeps settings in the document", async () => {
    const { excel, host } = setUp();
    excel.addSheet("One");
    excel.addSheet("Two");
    expect(await host.listSheets()).toEqual({ sheets: ["One", "Two"], active: "One" });
    await host.selectCell("Two", 4, 2);
    expect(excel.selection).toEqual({ sheet: "Two", address: "C5" });
    await host.saveSetting("k", "v");
    expect(await host.loadSetting("k")).toBe("v");
    expect(excel.savedSettings.get("k")).toBe("v");
    expect(await host.loadSetting("missing")).toBeNull();
    expect(PAYLOAD_LIMIT).toBeGreaterThan(REQUEST_LIMIT_BYTES);
  });
});

describe("one definition of a row number", () => {
  it("reports a bad cell on sheet row 5 as row 5 when the table starts at B3, in Excel and in a file", async () => {
    const data: FakeValue[][] = [
      ["客户编号", "金额"],
      ["C1", 100],
      ["C2", "abc"],
      ["C3", 50],
    ];
    const { excel, host } = setUp();
    const s = excel.addSheet("S", []);
    data.forEach((row, i) => row.forEach((v, j) => s.put(2 + i, 1 + j, v)));
    const read = await host.readSheet("S");
    expect(read.top).toBe(2);
    const inExcel = gradeIn(tableFromRows(read.rows, read.date1904, "S", read.top), preset("abc"), {
      asOf: AS_OF,
    });
    expect(inExcel.problems.map((p) => [p.row, p.column])).toEqual([[5, "金额"]]);

    // The same table in a workbook file: rows are read from sheet row 1, so the numbers agree.
    const ExcelJS = (await import("exceljs")).default;
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("S");
    data.forEach((row, i) => row.forEach((v, j) => (ws.getCell(3 + i, 2 + j).value = v as string | number)));
    const book = await parseXlsx(new Uint8Array(await wb.xlsx.writeBuffer()));
    const inFile = gradeIn(tableFromRows(book.sheets[0].rows, false, "S"), preset("abc"), { asOf: AS_OF });
    expect(inFile.problems.map((p) => [p.row, p.column])).toEqual([[5, "金额"]]);
  });
});
