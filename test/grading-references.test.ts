// Numbers pinned to outside references: the R package rfm 0.3.0 and the UCI Online Retail facts in
// ../shared/data/README.md (copies of the data sets are in test/data).
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { rfm } from "../src/engine/rfm";
import { DEFAULT_SEGMENTS, segments } from "../src/engine/segments";
import { abcByShare } from "../src/engine/abc";
import { pyramid } from "../src/engine/pyramid";

const DAY = 86_400_000;
const readCsv = (name: string): string[][] =>
  readFileSync(fileURLToPath(new URL(`./data/${name}`, import.meta.url)), "utf8")
    .trim()
    .split(/\r?\n/)
    .slice(1)
    // Names in these files have no commas, so a plain split is enough.
    .map((line) => line.split(",").map((cell) => cell.replace(/^"|"$/g, "")));

/** rfm_table_order(rfm_data_orders, customer_id, order_date, revenue, analysis_date = 2006-12-31). */
function rfmOrders() {
  const asOf = Date.parse("2006-12-31T00:00:00Z") / DAY;
  const byCustomer = new Map<string, { orders: number; revenue: number; last: number }>();
  for (const [id, date, revenue] of readCsv("rfm-orders.csv")) {
    const day = Date.parse(`${date}T00:00:00Z`) / DAY;
    const c = byCustomer.get(id) ?? { orders: 0, revenue: 0, last: -Infinity };
    c.orders++;
    c.revenue += Number(revenue);
    c.last = Math.max(c.last, day);
    byCustomer.set(id, c);
  }
  const rows = [...byCustomer.values()];
  return {
    recency: rows.map((c) => asOf - c.last),
    frequency: rows.map((c) => c.orders),
    amount: rows.map((c) => c.revenue),
  };
}

function onlineRetailCustomers(): number[] {
  const sales = new Map<string, number>();
  for (const cells of readCsv("online-retail-invoices.csv")) {
    sales.set(cells[1], (sales.get(cells[1]) ?? 0) + Number(cells[4]));
  }
  return [...sales.values()];
}

describe("R package rfm 0.3.0 on rfm_data_orders", () => {
  const data = rfmOrders();

  it("aggregates 4,906 orders to 995 customers", () => {
    expect(data.frequency.length).toBe(995);
    expect(data.frequency.reduce((a, b) => a + b, 0)).toBe(4906);
  });

  it("rfm(rfm-r) starts its bins at the package's thresholds R 115/181/297.4/482, F 4/5/6/8, M 255.8/382/506.4/666", () => {
    // The package's `threshold` table is quantile(x, type 7) + 1 (rfm:::bins() ends in add(1)):
    // the lower bound of bins 2..5. Our cuts are the PERCENTILE.INC values themselves, one less.
    const res = rfm(data.recency, data.frequency, data.amount, { method: "rfm-r" });
    const plusOne = (a: Float64Array) => Array.from(a, (q) => q + 1);
    const close = (xs: number[]) => xs.map((x) => expect.closeTo(x, 9));
    expect(plusOne(res.cuts.r)).toEqual(close([115, 181, 297.4, 482]));
    expect(plusOne(res.cuts.f)).toEqual(close([4, 5, 6, 8]));
    expect(plusOne(res.cuts.m)).toEqual(close([255.8, 382, 506.4, 666]));
  });

  it("rfm(rfm-r) with the default segment table gives About To Sleep 102 customers, 283 orders, 23,449 revenue", () => {
    const res = rfm(data.recency, data.frequency, data.amount, { method: "rfm-r" });
    const seg = segments(res.r, res.f, res.m);
    const k = DEFAULT_SEGMENTS.findIndex((s) => s.name === "About To Sleep");
    let customers = 0;
    let orders = 0;
    let revenue = 0;
    seg.forEach((s, i) => {
      if (s !== k) return;
      customers++;
      orders += data.frequency[i];
      revenue += data.amount[i];
    });
    expect([customers, orders, revenue]).toEqual([102, 283, 23_449]);
    expect(seg.includes(-2)).toBe(false);
  });

  it("rfm(quantile) uses the same cut points as rfm-r, only with right-closed bins", () => {
    const q = rfm(data.recency, data.frequency, data.amount);
    const r = rfm(data.recency, data.frequency, data.amount, { method: "rfm-r" });
    expect(Array.from(q.cuts.m)).toEqual(Array.from(r.cuts.m));
    // Integer frequency: x > q and x >= q + 1 are the same test when q is whole (3, 4, 5, 7).
    expect(Array.from(q.f)).toEqual(Array.from(r.f));
  });
});

describe("UCI Online Retail invoices", () => {
  const sales = onlineRetailCustomers();

  it("sums 18,532 invoices to 4,338 customers and 8,911,407.90 of sales", () => {
    expect(sales.length).toBe(4338);
    expect(sales.reduce((a, b) => a + b, 0)).toBeCloseTo(8_911_407.9, 4);
  });

  it("abcByShare(a = 0.8) puts exactly 1,133 customers in A", () => {
    const cls = abcByShare(sales, { a: 0.8 });
    expect(Array.from(cls).filter((c) => c === 1).length).toBe(1133);
  });

  it("pyramid puts 44 customers holding 32.0 % of sales on the top level", () => {
    const levels = pyramid(sales);
    let top = 0;
    let topSales = 0;
    let total = 0;
    levels.forEach((l, i) => {
      total += sales[i];
      if (l !== 1) return;
      top++;
      topSales += sales[i];
    });
    expect(top).toBe(44);
    expect(Math.round((topSales / total) * 1000) / 10).toBe(32.0);
  });
});
