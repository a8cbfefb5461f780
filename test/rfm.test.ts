import { describe, expect, it } from "vitest";
import { rfm, rfmCode } from "../src/engine/rfm";
import { DEFAULT_SEGMENTS, OTHERS, segments, type SegmentRule } from "../src/engine/segments";
import { RFM8_CLASSES, rfm8 } from "../src/engine/rfm8";

const list = (a: ArrayLike<number>) => Array.from(a);

describe("rfm", () => {
  it("rfm(quantile) gives ties one score and may skip scores", () => {
    // Sorted frequency 1,1,1,1,1,1,2,2,3,10; h = 9p:
    // 20 % h=1.8 -> 1; 40 % h=3.6 -> 1; 60 % h=5.4 -> 1 + 0.4*(2-1) = 1.4; 80 % h=7.2 -> 2 + 0.2*(3-2) = 2.2.
    // bin(1) = 1, bin(2) = 1 + #{2 > 1, 2 > 1, 2 > 1.4} = 4, bin(3) = bin(10) = 5: scores 2 and 3 are skipped.
    const f = [1, 1, 2, 1, 3, 1, 10, 1, 2, 1];
    const res = rfm(new Array(10).fill(0), f, f);
    expect(list(res.cuts.f)).toEqual([1, 1, 1.4, 2.2].map((x) => expect.closeTo(x, 12)));
    expect(list(res.f)).toEqual([1, 1, 4, 1, 5, 1, 5, 1, 4, 1]);
    // All recency values tie: bin 1 for everyone, so R = 5 + 1 - 1 = 5.
    expect(list(res.r)).toEqual(new Array(10).fill(5));
  });

  it("rfm reverses recency so that the most recent customers get R = bins", () => {
    const res = rfm([5, 40, 200], [9, 3, 1], [900, 120, 35], { bins: 3 });
    expect(list(res.r)).toEqual([3, 2, 1]);
    expect(list(res.f)).toEqual([3, 2, 1]);
    expect(list(res.m)).toEqual([3, 2, 1]);
  });

  it("rfm(rfm-r) starts each bin one unit above the cut point as the R package does", () => {
    // Median of 1,2,3,4 is 2.5. quantile: 3 > 2.5 -> 2. rfm-r: 3 >= 3.5 fails -> 1; 4 >= 3.5 -> 2.
    const v = [1, 2, 3, 4];
    expect(list(rfm(v, v, v, { bins: 2 }).m)).toEqual([1, 1, 2, 2]);
    expect(list(rfm(v, v, v, { bins: 2, method: "rfm-r" }).m)).toEqual([1, 1, 1, 2]);
    expect(list(rfm(v, v, v, { bins: 2, method: "rfm-r" }).r)).toEqual([2, 2, 2, 1]);
  });

  it("rfm(fixed) thresholds are left-closed and recency thresholds are in days", () => {
    const res = rfm([29, 30, 89, 90, 365, 400], [1, 2, 4, 5, 19.99, 20], [0, 0, 0, 0, 0, 0], {
      method: "fixed",
      thresholds: { r: [30, 90, 180, 365], f: [2, 5, 10, 20], m: [1, 2, 3, 4] },
    });
    expect(list(res.f)).toEqual([1, 2, 2, 3, 4, 5]);
    // days 29 -> bin 1 -> R 5; 30 -> bin 2 -> R 4; 365 -> bin 5 -> R 1
    expect(list(res.r)).toEqual([5, 4, 4, 3, 1, 1]);
    expect(list(res.cuts.r)).toEqual([30, 90, 180, 365]);
  });

  it("rfm leaves a customer with any NaN out of all three dimensions and scores it 0", () => {
    // Without the NaN-amount customer, frequency 1,2,3 has median 2; with it (f = 100) it would be 2.5.
    const res = rfm([1, 2, 3, 4], [1, 2, 3, 100], [10, 20, 30, NaN], { bins: 2 });
    expect(res.cuts.f[0]).toBe(2);
    expect(list(res.f)).toEqual([1, 1, 2, 0]);
    expect(list(res.r)).toEqual([2, 2, 1, 0]);
    expect(list(res.m)).toEqual([1, 1, 2, 0]);
  });

  it("rfm accepts bins per dimension", () => {
    const v = [1, 2, 3, 4, 5, 6];
    const res = rfm(v, v, v, { bins: { r: 2, f: 3 } });
    expect(res.bins).toEqual({ r: 2, f: 3, m: 5 });
    expect(Math.max(...res.r)).toBe(2);
    expect(Math.max(...res.f)).toBe(3);
    expect(Math.max(...res.m)).toBe(5);
  });

  it("rfm does not mutate its inputs", () => {
    const r = Object.freeze([30, 1, 20]);
    const f = new Float64Array([3, 2, 1]);
    const m = Object.freeze([5, NaN, 7]);
    rfm(r, f, m, { bins: 2 });
    expect(list(f)).toEqual([3, 2, 1]);
  });

  it("rfm rejects bins 1 and 10, bad thresholds and mismatched lengths with readable messages", () => {
    const v = [1, 2, 3];
    expect(() => rfm(v, v, v, { bins: 1 })).toThrow(
      expect.objectContaining({ code: "quantile.bins", params: { bins: 1 } }),
    );
    expect(() => rfm(v, v, v, { bins: 10 })).toThrow("bins must be a whole number from 2 to 9 (got 10)");
    expect(() => rfm(v, v, v, { bins: { f: 2.5 } })).toThrow(
      "bins for F must be a whole number from 2 to 9 (got 2.5)",
    );
    expect(() =>
      rfm(v, v, v, { method: "fixed", thresholds: { r: [1, 2, 3], f: [1, 2, 3, 4], m: [1, 2, 3, 4] } }),
    ).toThrow("thresholds for R must be 4 increasing numbers (bins is 5)");
    expect(() =>
      rfm(v, v, v, { method: "fixed", thresholds: { r: [1, 2, 3, 4], f: [1, 2, 2, 4], m: [1, 2, 3, 4] } }),
    ).toThrow("thresholds for F must be 4 increasing numbers (bins is 5)");
    expect(() => rfm(v, v, v, { method: "fixed", thresholds: { r: [1, 2, 3, 4], f: [1, 2, 3, 4] } })).toThrow(
      "thresholds for M must be 4 increasing numbers (bins is 5)",
    );
    expect(() => rfm(v, [1, 2], v)).toThrow(
      "recency, frequency and amount must have the same number of rows (got 3, 2 and 3)",
    );
  });

  it("rfm by quantile refuses to grade a single customer", () => {
    expect(() => rfm([3], [1], [10])).toThrow(
      expect.objectContaining({ code: "rfm.tooFewCustomers", params: { count: 1 } }),
    );
    // With fixed thresholds one customer is fine.
    const one = rfm([3], [1], [10], { bins: 2, method: "fixed", thresholds: { r: [7], f: [2], m: [100] } });
    expect([one.r[0], one.f[0], one.m[0]]).toEqual([2, 1, 1]);
  });

  it("rfmCode shows R, F and M as text and is empty for an invalid customer", () => {
    expect(rfmCode(5, 4, 3)).toBe("543");
    expect(rfmCode(0, 4, 3)).toBe("");
  });
});

describe("segments", () => {
  it("segments lets the first matching row win and sends the rest to Others", () => {
    // 555 matches Champions and Potential Loyalist: Champions comes first.
    // 344 matches Potential Loyalist (3-5, 3-5, 2-5) before Loyal Customers.
    // 151 matches nothing: R 1 needs F 1-5 and M 1-5 for Lost... which it matches; 252 matches none.
    const s = segments([5, 3, 1, 2, 0], [5, 4, 5, 5, 3], [5, 4, 1, 2, 3]);
    expect(list(s)).toEqual([0, 1, 9, -1, -2]);
    expect(DEFAULT_SEGMENTS[9].name).toBe("Lost");
    expect(OTHERS).toEqual({ name: "Others", zh: "其他" });
  });

  it("DEFAULT_SEGMENTS is the spec's table in the spec's order", () => {
    expect(DEFAULT_SEGMENTS.map((s) => `${s.name}/${s.zh}`)).toEqual([
      "Champions/冠军客户",
      "Potential Loyalist/潜力忠诚客户",
      "Loyal Customers/忠诚客户",
      "Promising/有潜力客户",
      "New Customers/新客户",
      "Can't Lose Them/不能失去的客户",
      "At Risk/流失风险客户",
      "Need Attention/需关注客户",
      "About To Sleep/即将沉睡客户",
      "Lost/已流失客户",
    ]);
    expect(DEFAULT_SEGMENTS[8]).toMatchObject({ r: [2, 3], f: [1, 3], m: [1, 4] });
  });

  it("segments rejects a table row whose minimum is above its maximum", () => {
    const bad: SegmentRule[] = [
      { name: "A", zh: "甲", r: [1, 5], f: [1, 5], m: [1, 5] },
      { name: "B", zh: "乙", r: [1, 5], f: [1, 5], m: [1, 5] },
      { name: "C", zh: "丙", r: [4, 3], f: [1, 5], m: [1, 5] },
    ];
    expect(() => segments([1], [1], [1], bad)).toThrow(
      expect.objectContaining({ code: "segments.rangeOrder", params: { row: 3, d: "r" } }),
    );
  });
});

describe("rfm8", () => {
  it("rfm8 classes four customers against the means of recency, frequency and amount", () => {
    // means: recency (10+20+30+40)/4 = 25, frequency (5+1+4+2)/4 = 3, amount (100+300+50+250)/4 = 175
    // 1: R 10<25 high, F 5>3 high, M 100 low  -> 一般价值客户
    // 2: R high,       F 1 low,    M 300 high -> 重要发展客户
    // 3: R 30 low,     F 4 high,   M 50 low   -> 一般保持客户
    // 4: R 40 low,     F 2 low,    M 250 high -> 重要挽留客户
    const { cls, means } = rfm8([10, 20, 30, 40], [5, 1, 4, 2], [100, 300, 50, 250]);
    expect(means).toEqual({ recency: 25, frequency: 3, amount: 175 });
    expect(Array.from(cls, (c) => RFM8_CLASSES[c].zh)).toEqual([
      "一般价值客户",
      "重要发展客户",
      "一般保持客户",
      "重要挽留客户",
    ]);
  });

  it("rfm8 counts a value equal to the mean as low and skips invalid customers", () => {
    // Valid rows only: recency mean (10+30)/2 = 20, frequency 2, amount 20. Row 3 is invalid.
    const { cls } = rfm8([10, 30, 20, 20], [3, 1, 2, 99], [30, 10, 20, NaN]);
    expect(list(cls)).toEqual([0, 7, 7, -1]);
  });

  it("RFM8_CLASSES lists the eight classes in the spec's order", () => {
    expect(RFM8_CLASSES.map((c) => c.en)).toEqual([
      "Important value",
      "Important development",
      "Important retention",
      "Important win-back",
      "General value",
      "General development",
      "General retention",
      "General win-back",
    ]);
    expect(RFM8_CLASSES[3].zh).toBe("重要挽留客户");
    expect(RFM8_CLASSES[7].zh).toBe("一般挽留客户");
  });
});
