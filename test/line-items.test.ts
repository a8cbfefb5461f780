/**
 * Line items and returns (issue 13, item 7) on the UCI Online Retail data: amount = Quantity ×
 * UnitPrice, cancellations (invoice numbers starting with C, negative quantities) are returns that
 * reduce a customer's spend and are not purchases. The expected figures are computed independently:
 * in the test by DuckDB over the same file, and by hand (with Python's Decimal) for the sample in
 * test/data/online-retail-lines.csv (every line of customers 12346, 12347, 13091, 17547 and 17850,
 * and the first 40 lines without a customer id).
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { DuckDBInstance } from "@duckdb/node-api";
import { describe, expect, it } from "vitest";
import { readTable } from "../src/cli/options";
import { aggregateOrders } from "../src/engine/aggregate";
import { formatDay, parseIsoDay } from "../src/engine/dates";
import { guessRoles } from "../src/engine/headers";
import { preset } from "../src/engine/presets";
import { tableFromRows } from "../src/engine/table";
import { countsLine } from "../src/i18n/counts";
import { parseCsv } from "../src/workbook/files";
import { gradeIn } from "./present";

const SAMPLE = path.join(__dirname, "data/online-retail-lines.csv");
const RAW = path.resolve(__dirname, "../../shared/data/online-retail-raw.csv.gz");
const AS_OF = parseIsoDay("2011-12-31");

describe("line items: amount = quantity × unit price", () => {
  it("guessRoles finds 数量 / 单价 and Quantity / UnitPrice as the two line-item roles", () => {
    expect(guessRoles(["订单号", "客户编号", "日期", "数量", "单价"])).toEqual({
      order_id: 0,
      customer_id: 1,
      date: 2,
      quantity: 3,
      unit_price: 4,
    });
    expect(guessRoles(["Qty", "Unit Price"])).toEqual({ quantity: 0, unit_price: 1 });
  });

  it("aggregateOrders multiplies quantity by unit price and reports an unreadable quantity at its row", () => {
    const agg = aggregateOrders(
      {
        ids: ["a", "a", "b", "a"],
        dates: ["2025-01-01", "2025-01-02", "2025-01-03", "2025-01-04"],
        quantities: [3, "x", 2, -1],
        unitPrices: [2.5, 4, 10, 2.5],
      },
      { columnNames: { id: "客户", date: "日期", amount: "数量", quantity: "数量", unitPrice: "单价" } },
    );
    // a: 3 × 2.5 − 1 × 2.5 = 5, one purchase (the return of the 4th is not one); b: 2 × 10.
    expect(Array.from(agg.amount)).toEqual([5, 20]);
    expect(Array.from(agg.frequency)).toEqual([1, 1]);
    expect(formatDay(agg.lastDay[0])).toBe("2025-01-01");
    expect(agg.issues).toEqual([{ row: 1, column: "数量", code: "cell.notNumber", params: { value: "x" } }]);
    expect(agg.returnRows).toBe(1);
  });

  it("a return of a customer with no purchase in the data leaves that customer listed without a tier", () => {
    const agg = aggregateOrders({
      ids: ["a", "b"],
      dates: ["2025-01-01", "2025-01-02"],
      amounts: [10, -4],
    });
    expect(agg.ids).toEqual(["a", "b"]);
    expect(agg.amount[1]).toBe(-4);
    expect(agg.frequency[1]).toBe(0);
    expect(agg.lastDay[1]).toBeNaN();
  });
});

describe("the Online Retail line items (sample of five customers)", () => {
  it("grade() nets the cancellations: 17850 spent 5,288.63 over 34 invoices, 12346's 77,183.60 was all returned", async () => {
    const table = await readTable(SAMPLE);
    const result = gradeIn(table, preset("rfm"), { asOf: AS_OF });
    expect(result.input).toBe("orders");
    expect(result.mapping).toMatchObject({
      quantity: "Quantity",
      unit_price: "UnitPrice",
      order_id: "InvoiceNo",
    });
    expect(result.mapping.amount).toBeUndefined();
    const ids = result.columns.customer_id as string[];
    expect([...ids].sort()).toEqual(["12346", "12347", "13091", "17547", "17850"]);
    const at = (id: string, key: string) => result.columns[key][ids.indexOf(id)];
    // By hand (Decimal sums of Quantity × UnitPrice per customer over test/data/online-retail-lines.csv):
    // 17850: 5,288.63 net over 34 purchase invoices, 15 returned lines; last purchase 2010-12-02.
    expect(at("17850", "amount")).toBeCloseTo(5288.63, 6);
    expect(at("17850", "frequency")).toBe(34);
    expect(at("17850", "recency_days")).toBe(AS_OF - parseIsoDay("2010-12-02"));
    // 12346 bought 74,215 × 1.04 on 2011-01-18 and cancelled it (C541433) the same day: net 0, one purchase.
    expect(at("12346", "amount")).toBe(0);
    expect(at("12346", "frequency")).toBe(1);
    expect(at("12347", "amount")).toBeCloseTo(4310, 6);
    expect(at("13091", "amount")).toBeCloseTo(319.82, 6);
    // 17547 only returned goods (2 lines, −11.80): listed, not graded, and the reason says so.
    expect(at("17547", "tier")).toBeNull();
    expect(result.issues[ids.indexOf("17547")]).toEqual({
      code: "orders.onlyReturns",
      params: { amount: -11.8 },
    });
    expect(result.graded).toBe(4);
    expect(result.ungraded).toBe(1);
    // 40 lines without a customer id; 15 + 1 + 3 + 2 returned lines.
    expect(result.uncounted).toEqual([
      { reason: "noId", rows: 40 },
      { reason: "return", rows: 21 },
    ]);
    expect(countsLine(result, "zh")).toBe(
      "5 位客户：已分级 4，未分级 1；61 行未计入（无客户编号 40 行；退货 21 行，已从金额中扣除）",
    );
    expect(countsLine(result, "en")).toBe(
      "5 customers: 4 graded, 1 not graded; 61 rows not counted (40 without a customer id; 21 returns, netted from spend)",
    );
  });

  it("an amount column, when mapped, wins over quantity × unit price", async () => {
    const table = await readTable(SAMPLE);
    // UnitPrice mapped as the amount: the sum of prices, quantity ignored.
    const result = gradeIn(table, preset("abc"), { asOf: AS_OF, map: { amount: "UnitPrice" } });
    expect(result.mapping.amount).toBe("UnitPrice");
    const ids = result.columns.customer_id as string[];
    expect(result.columns.amount[ids.indexOf("12346")]).toBeCloseTo(2.08, 6);
  });
});

describe.skipIf(!existsSync(RAW))("the full Online Retail file (541,909 lines, ../shared/data)", () => {
  it("grade() lists the 4,372 customers DuckDB finds, 33 of them with only returns, and 135,080 lines without an id", async () => {
    const book = parseCsv(gunzipSync(readFileSync(RAW)));
    const table = tableFromRows(book.sheets[0].rows, false, "raw");
    const result = gradeIn(table, preset("abc"), { asOf: AS_OF });

    const db = await DuckDBInstance.create(":memory:");
    const con = await db.connect();
    const reader = await con.runAndReadAll(`
      WITH lines AS (
        SELECT CAST(CAST(CustomerID AS BIGINT) AS VARCHAR) AS id, InvoiceNo, Quantity * UnitPrice AS amount,
          Quantity < 0 OR Quantity * UnitPrice < 0 AS is_return
        FROM read_csv('${RAW}', header = true, types = {'CustomerID': 'DOUBLE', 'InvoiceNo': 'VARCHAR'})),
      customers AS (
        SELECT id, SUM(amount) AS net, COUNT(DISTINCT CASE WHEN NOT is_return THEN InvoiceNo END) AS purchases
        FROM lines WHERE id IS NOT NULL GROUP BY id)
      SELECT (SELECT COUNT(*) FROM customers) AS customers,
        (SELECT COUNT(*) FROM customers WHERE purchases = 0) AS only_returns,
        (SELECT COUNT(*) FROM lines WHERE id IS NULL) AS no_id,
        (SELECT COUNT(*) FROM lines WHERE id IS NOT NULL AND is_return) AS returns,
        (SELECT net FROM customers WHERE id = '14911') AS net_14911,
        (SELECT purchases FROM customers WHERE id = '14911') AS purchases_14911`);
    const [expected] = reader.getRowObjectsJS() as Record<string, number | bigint>[];
    con.closeSync();
    const num = (v: number | bigint) => Number(v);
    // Also pinned: 4,372 / 33 / 135,080 / 8,905, and 14911 nets 132,572.62 over 201 invoices (Python Decimal).
    expect(num(expected.customers)).toBe(4372);
    expect(result.graded + result.ungraded).toBe(num(expected.customers));
    expect(result.ungraded).toBe(num(expected.only_returns));
    expect(result.ungraded).toBe(33);
    expect(result.uncounted).toEqual([
      { reason: "noId", rows: num(expected.no_id) },
      { reason: "return", rows: num(expected.returns) },
    ]);
    const ids = result.columns.customer_id as string[];
    const i = ids.indexOf("14911");
    expect(result.columns.amount[i]).toBeCloseTo(num(expected.net_14911), 2);
    expect(result.columns.amount[i]).toBeCloseTo(132572.62, 2);
    expect(num(expected.purchases_14911)).toBe(201);
  }, 120_000);
});
