import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { aggregateOrders, customerId } from "../src/engine/aggregate";
import { formatDay, parseIsoDay } from "../src/engine/dates";
import { TierError } from "../src/engine/errors";
import { parseCsv } from "../src/workbook/files";

function columns(file: string) {
  const rows = parseCsv(readFileSync(new URL(`./data/${file}`, import.meta.url))).sheets[0].rows;
  const header = rows[0] as string[];
  const body = rows.slice(1);
  return (name: string) => body.map((r) => r[header.indexOf(name)]);
}

const sum = (a: ArrayLike<number>) => Array.from(a).reduce((s, x) => s + x, 0);

describe("aggregateOrders on public data", () => {
  it("aggregateOrders turns the R package rfm's 4,906 orders into 995 customers", () => {
    const col = columns("rfm-orders.csv");
    const ids = col("customer_id");
    expect(ids.length).toBe(4906);
    const agg = aggregateOrders(
      { ids, dates: col("order_date"), amounts: col("revenue") },
      { asOfDay: parseIsoDay("2006-12-31") },
    );
    expect(agg.ids.length).toBe(995);
    expect(agg.issues).toEqual([]);
    expect(sum(agg.frequency)).toBe(4906);
    // Hand check: `grep -c '^"Brion Stark",' rfm-orders.csv` gives 8 rows, and
    // awk -F, '$1=="\"Brion Stark\""{s+=$3} ...' gives revenue 852, dates 2004-12-20 .. 2006-05-16.
    const c = agg.ids.indexOf("Brion Stark");
    expect(c).toBe(0); // the first data row, so the first customer
    expect(agg.frequency[c]).toBe(8);
    expect(agg.orders[c]).toBe(8);
    expect(agg.amount[c]).toBe(852);
    expect(formatDay(agg.firstDay[c])).toBe("2004-12-20");
    expect(formatDay(agg.lastDay[c])).toBe("2006-05-16");
    expect(agg.firstRow[c]).toBe(0);
  });

  it("aggregateOrders finds the 4,338 Online Retail customers and their 8,911,407.90 in sales", () => {
    const col = columns("online-retail-invoices.csv");
    const agg = aggregateOrders({
      ids: col("customer_id"),
      dates: col("invoice_datetime"),
      amounts: col("amount"),
      orderIds: col("invoice_no"),
    });
    expect(agg.ids.length).toBe(4338);
    expect(agg.issues).toEqual([]);
    expect(Math.round(sum(agg.amount) * 100)).toBe(891140790);
    // Hand check: awk -F, '$2=="17850"{n++; s+=$5}' online-retail-invoices.csv gives 34 invoices, 5391.21.
    const c = agg.ids.indexOf("17850");
    expect(agg.frequency[c]).toBe(34);
    expect(agg.amount[c]).toBeCloseTo(5391.21, 6);
    // One row per invoice in this file, so distinct invoices count the same.
    const byOrder = aggregateOrders(
      {
        ids: col("customer_id"),
        dates: col("order_date"),
        amounts: col("amount"),
        orderIds: col("invoice_no"),
      },
      { frequency: "orders" },
    );
    expect(Array.from(byOrder.frequency)).toEqual(Array.from(agg.frequency));
  });
});

describe("aggregateOrders options and bad rows", () => {
  const orders = Object.freeze({
    ids: Object.freeze(["a", "b", "a", "a", "b"]),
    dates: Object.freeze(["2025-01-01", "2025-01-02", "2025-02-01", "2025-02-01", "2025-03-01"]),
    amounts: Object.freeze([100, 50, "-30", 20, 10]),
    orderIds: Object.freeze(["o1", "o2", "o3", "o3", "o4"]),
  });

  it("aggregateOrders nets returns by default: a negative amount reduces the sum but is not a purchase", () => {
    const agg = aggregateOrders(orders);
    expect(agg.ids).toEqual(["a", "b"]);
    // a: 100 - 30 + 20; the return of 2025-02-01 is no purchase, the purchase of that day is.
    expect(Array.from(agg.amount)).toEqual([90, 60]);
    expect(Array.from(agg.frequency)).toEqual([2, 2]);
    expect(agg.returnRows).toBe(1);
    expect(Array.from(agg.orders)).toEqual([3, 2]);
    expect(agg.firstDay[0]).toBe(parseIsoDay("2025-01-01"));
    expect(agg.lastDay[0]).toBe(parseIsoDay("2025-02-01"));
    expect(agg.lastDay[1]).toBe(parseIsoDay("2025-03-01"));
  });

  it('aggregateOrders with returns "drop" leaves the return rows out entirely', () => {
    const agg = aggregateOrders(orders, { returns: "drop" });
    expect(Array.from(agg.amount)).toEqual([120, 60]);
    expect(Array.from(agg.frequency)).toEqual([2, 2]);
  });

  it("aggregateOrders counts distinct order ids or distinct days when asked, and averages per order", () => {
    expect(Array.from(aggregateOrders(orders, { frequency: "orders" }).frequency)).toEqual([2, 2]);
    expect(Array.from(aggregateOrders(orders, { frequency: "days" }).frequency)).toEqual([2, 2]);
    expect(Array.from(aggregateOrders(orders, { frequency: "orders", amount: "mean" }).amount)).toEqual([
      45, 30,
    ]);
    expect(Array.from(aggregateOrders(orders, { amount: "mean" }).amount)).toEqual([45, 30]);
  });

  it("aggregateOrders reports each bad cell with its row and header, and aggregates the other rows", () => {
    const agg = aggregateOrders(
      {
        ids: ["a", "", "a", "b", "c", { error: "#N/A" }],
        dates: ["2025-01-01", "2025-01-02", "2025-02-30", "2026-01-05", "2025-01-03", "2025-01-03"],
        amounts: [10, 20, 30, "abc", 5, 1],
      },
      { asOfDay: parseIsoDay("2025-12-31"), columnNames: { id: "客户编号", date: "日期", amount: "金额" } },
    );
    // b's only order is unreadable: b is still listed, last, with no readable order and its row.
    expect(agg.ids).toEqual(["a", "c", "b"]);
    expect(Array.from(agg.amount)).toEqual([10, 5, NaN]);
    expect(Array.from(agg.orders)).toEqual([1, 1, 0]);
    expect(Array.from(agg.firstRow)).toEqual([0, 4, 3]);
    expect(agg.leftOut).toEqual([[2], undefined, [3]]);
    expect(agg.issues).toEqual([
      { row: 1, column: "客户编号", code: "cell.blank" },
      { row: 2, column: "日期", code: "cell.noSuchDay", params: { value: "2025-02-30" } },
      { row: 3, column: "金额", code: "cell.notNumber", params: { value: "abc" } },
      { row: 3, column: "日期", code: "cell.afterAsOf", params: { date: "2026-01-05", asOf: "2025-12-31" } },
      { row: 5, column: "客户编号", code: "cell.error", params: { value: "#N/A" } },
    ]);
  });

  it("aggregateOrders merges the number 17850, the text 17850 and the text 17850.0 into one customer", () => {
    const agg = aggregateOrders({
      ids: [17850, "17850", " 17850.0 ", 17850.0, "007", "7"],
      dates: Array(6).fill("2010-12-01"),
      amounts: [1, 2, 3, 4, 5, 6],
    });
    expect(agg.ids).toEqual(["17850", "007", "7"]);
    expect(Array.from(agg.amount)).toEqual([10, 5, 6]);
    expect(customerId(17850.5)).toBe("17850.5");
    expect(customerId("  ")).toBeUndefined();
  });

  it("aggregateOrders reads 1904-system serials and grows past its first buffer", () => {
    const n = 5000;
    const agg = aggregateOrders(
      { ids: Array.from({ length: n }, (_, i) => i), dates: Array(n).fill(44255), amounts: Array(n).fill(1) },
      { date1904: true },
    );
    expect(agg.ids.length).toBe(n);
    expect(formatDay(agg.lastDay[n - 1])).toBe("2025-03-01");
  });

  it("aggregateOrders throws TierError for columns of different lengths and distinct orders without order ids", () => {
    expect(() => aggregateOrders({ ids: ["a"], dates: [], amounts: [1] })).toThrow(TierError);
    expect(() =>
      aggregateOrders({ ids: ["a"], dates: ["2025-01-01"], amounts: [1] }, { frequency: "orders" }),
    ).toThrow(/order id/);
  });
});

describe("aggregateOrders invariants", () => {
  it("aggregateOrders gives every customer the same figures whatever the order of the rows", () => {
    const row = fc.record({
      id: fc.constantFrom("a", "b", "c", 17850, "17850.0"),
      day: fc.integer({ min: 45000, max: 45700 }),
      amount: fc.integer({ min: -50, max: 500 }),
    });
    fc.assert(
      fc.property(
        fc.array(row, { minLength: 1, maxLength: 40 }),
        fc.infiniteStream(fc.nat()),
        (rows, seeds) => {
          const shuffled = rows
            .map((r) => [seeds.next().value as number, r] as const)
            .sort((x, y) => x[0] - y[0]);
          const run = (rs: readonly (typeof rows)[number][]) => {
            const agg = aggregateOrders({
              ids: rs.map((r) => r.id),
              dates: rs.map((r) => r.day),
              amounts: rs.map((r) => r.amount),
            });
            return Object.fromEntries(
              agg.ids.map((id, c) => [
                id,
                [agg.frequency[c], agg.amount[c], agg.firstDay[c], agg.lastDay[c]],
              ]),
            );
          };
          expect(run(shuffled.map(([, r]) => r))).toEqual(run(rows));
        },
      ),
    );
  });
});
