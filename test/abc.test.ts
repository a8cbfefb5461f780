import { describe, expect, it } from "vitest";
import { abcByAmount, abcByShare, abcSummary, monthlyAverage } from "../src/engine/abc";
import { TierError } from "../src/engine/errors";

const list = (a: ArrayLike<number>) => Array.from(a);

describe("abcByShare", () => {
  it("abcByShare puts the customer whose sales cross 80 % in A (the source policy's 20 customers)", () => {
    // 20 customers, 2,500,000 of sales.
    // Top 4:   800,000 + 600,000 + 350,000 + 250,000            = 2,000,000 = 80 % of 2.5 M
    // 5-10:    100,000 + 80,000 + 65,000 + 50,000 + 45,000 + 35,000 = 375,000 = 15 %
    // 11-20:   25,000 + 20,000 + 15,000 + 14,000 + 12,000 + 11,000
    //          + 10,000 + 8,000 + 6,000 + 4,000                     = 125,000 =  5 %
    // Customer 4: before = 1,750,000 / 2.5 M = 70 % < 80 % -> A (its sales cross 80 %).
    // Customer 5: before = 2,000,000 / 2.5 M = 80 %, not < 80 % -> B.
    // Customer 10: before = 2,340,000 / 2.5 M = 93.6 % < 95 % -> B; customer 11: 95 % -> C.
    const sales = [
      800_000, 600_000, 350_000, 250_000, 100_000, 80_000, 65_000, 50_000, 45_000, 35_000, 25_000, 20_000,
      15_000, 14_000, 12_000, 11_000, 10_000, 8_000, 6_000, 4_000,
    ];
    expect(sales.reduce((a, b) => a + b, 0)).toBe(2_500_000);
    // Shuffle the rows: the class belongs to the customer, not to the position.
    const order = [7, 19, 0, 12, 3, 15, 9, 1, 18, 5, 11, 2, 16, 8, 14, 4, 17, 6, 13, 10];
    const cls = abcByShare(order.map((i) => sales[i]));
    const byCustomer = new Array<number>(20);
    order.forEach((customer, row) => (byCustomer[customer] = cls[row]));
    expect(byCustomer).toEqual([1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3]);
    const summary = abcSummary(
      order.map((i) => sales[i]),
      cls,
    );
    expect(summary.map((s) => [s.cls, s.customers])).toEqual([
      ["A", 4],
      ["B", 6],
      ["C", 10],
    ]);
    expect(summary.map((s) => s.salesShare)).toEqual([0.8, 0.15, 0.05].map((x) => expect.closeTo(x, 12)));
    expect(summary.map((s) => s.customerShare)).toEqual([0.2, 0.3, 0.5]);
  });

  it("abcByShare gives tied customers the same class", () => {
    // total 1000: before(400) = 0 -> A; before(200) = 400/1000 = 40 % -> A for all three 200s,
    // although the third one ends at 100 %.
    expect(list(abcByShare([200, 400, 200, 200]))).toEqual([1, 1, 1, 1]);
    // total 100: before(50) = 0; before(10) = 50 %, before(5) = 50+40 = 90 % -> B
    expect(list(abcByShare([50, 10, 10, 10, 10, 5, 5]))).toEqual([1, 1, 1, 1, 1, 2, 2]);
  });

  it("abcByShare counts negative sales as zero in the total, puts them in C and skips NaN", () => {
    // total = 600 + 300 + 100 = 1000 (the -50 and 0 add nothing).
    // 600: 0 -> A; 300: 60 % -> A; 100: 90 % -> B; 0 and -50: not > 0 -> C; NaN: no class.
    expect(list(abcByShare([600, 300, -50, 0, NaN, 100]))).toEqual([1, 1, 3, 3, 0, 2]);
  });

  it("abcByShare gives a single customer with sales class A", () => {
    expect(list(abcByShare([42]))).toEqual([1]);
  });

  it("abcByShare rejects all-zero sales and bad shares with readable messages", () => {
    expect(() => abcByShare([0, -5, NaN])).toThrow(expect.objectContaining({ code: "abc.noPositiveSales" }));
    expect(() => abcByShare([1, 2], { a: 0.9, b: 0.8 })).toThrow(
      // What the user reads, worded by the English catalogue the test setup installs.
      "ABC shares must satisfy 0 < A share < B share <= 100 % (got A 90 %, B 80 %)",
    );
    expect(() => abcByShare([1, 2], { a: 0 })).toThrow(TierError);
    expect(() => abcByShare([1, 2], { b: 1.2 })).toThrow(TierError);
  });

  it("abcByShare does not mutate its input", () => {
    const values = Object.freeze([3, 1, 2, NaN]);
    expect(list(abcByShare(values))).toEqual([1, 2, 1, 0]);
    const typed = new Float64Array([3, 1, 2]);
    abcByShare(typed);
    expect(list(typed)).toEqual([3, 1, 2]);
  });
});

describe("abcByAmount", () => {
  it("abcByAmount uses left-closed fixed amounts", () => {
    expect(list(abcByAmount([12000, 10000, 9999, 5000, 800, NaN], { a: 10000, b: 5000 }))).toEqual([
      1, 1, 2, 2, 3, 0,
    ]);
  });

  it("abcByAmount requires the A amount above the B amount", () => {
    expect(() => abcByAmount([1], { a: 5000, b: 10000 })).toThrow(
      expect.objectContaining({ code: "abc.amountOrder", params: { a: 5000, b: 10000 } }),
    );
  });
});

describe("monthlyAverage", () => {
  it("monthlyAverage averages the last k month columns", () => {
    // Columns are months; the first one (Jan) is left out when k = 3 of 4.
    const out = monthlyAverage(
      [
        [100, 0],
        [3, 30],
        [6, NaN],
        [9, 60],
      ],
      3,
    );
    expect(out[0]).toBe(6);
    expect(out[1]).toBeNaN();
  });

  it("monthlyAverage rejects k outside 3..6 and too few columns", () => {
    expect(() => monthlyAverage([[1], [2], [3]], 2)).toThrow(
      expect.objectContaining({ code: "abc.monthsRange", params: { months: 2 } }),
    );
    expect(() => monthlyAverage([[1], [2], [3]], 4)).toThrow(
      expect.objectContaining({ code: "abc.tooFewMonths", params: { months: 4, found: 3 } }),
    );
  });
});
