import { describe, expect, it } from "vitest";
import { cutPoints, kthLargest, percentileInc, quantileCuts } from "../src/engine/quantile";

describe("quantile", () => {
  it("percentileInc interpolates between order statistics like Excel PERCENTILE.INC", () => {
    // h = (4 - 1) * 0.5 = 1.5 -> 20 + 0.5 * (30 - 20) = 25
    expect(percentileInc([40, 10, 30, 20], 0.5)).toBe(25);
    // h = 3 * 0.2 = 0.6 -> 10 + 0.6 * 10 = 16
    expect(percentileInc([40, 10, 30, 20], 0.2)).toBeCloseTo(16, 12);
    expect(percentileInc([40, 10, 30, 20], 0)).toBe(10);
    expect(percentileInc([40, 10, 30, 20], 1)).toBe(40);
  });

  it("percentileInc skips NaN and is NaN when no value is left", () => {
    expect(percentileInc([NaN, 3, NaN, 1], 0.5)).toBe(2);
    expect(percentileInc([NaN, NaN], 0.5)).toBeNaN();
    expect(percentileInc([], 0.5)).toBeNaN();
  });

  it("cutPoints does not read float noise in (n-1)p as a fraction", () => {
    // 0.57 * 100 = 56.99999999999999 in floating point; the 57th value itself is the answer.
    const values = Array.from({ length: 101 }, (_, i) => i * 10);
    expect(cutPoints(values, [0.57])[0]).toBe(570);
  });

  it("cutPoints answers several percentiles in any order from one selection", () => {
    const values = [9, 1, 8, 2, 7, 3, 6, 4, 5, 10, NaN];
    // Sorted 1..10, h = 9p: 0.9 -> 9.1, 0.1 -> 1.9, 0.5 -> 5.5
    const cuts = cutPoints(values, [0.9, 0.1, 0.5]);
    expect(cuts[0]).toBeCloseTo(9.1, 12);
    expect(cuts[1]).toBeCloseTo(1.9, 12);
    expect(cuts[2]).toBeCloseTo(5.5, 12);
  });

  it("cutPoints agrees with a sorted reference on large tie-heavy input", () => {
    let s = 7;
    const rand = () => ((s = (s * 1103515245 + 12345) % 2147483648), s / 2147483648);
    const values = Float64Array.from({ length: 20_001 }, () => Math.floor(rand() * 50));
    const copy = values.slice();
    const sorted = Array.from(values).sort((a, b) => a - b);
    const probs = [0.01, 0.2, 0.4, 0.6, 0.8, 0.99];
    const cuts = cutPoints(values, probs);
    probs.forEach((p, i) => {
      const h = (sorted.length - 1) * p;
      const lo = Math.floor(h);
      const want = sorted[lo] + (h - lo) * ((sorted[lo + 1] ?? sorted[lo]) - sorted[lo]);
      expect(cuts[i]).toBeCloseTo(want, 9);
    });
    expect(values).toEqual(copy);
  });

  it("quantileCuts gives the quintile cut points at 20/40/60/80 %", () => {
    // 1..11: h = 10 * k/5 = 2, 4, 6, 8 -> values 3, 5, 7, 9
    expect(Array.from(quantileCuts([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 5))).toEqual([3, 5, 7, 9]);
  });

  it("quantileCuts rejects bins outside 2..9 with a readable message", () => {
    expect(() => quantileCuts([1, 2, 3], 12)).toThrow(
      expect.objectContaining({ code: "quantile.bins", params: { bins: 12 } }),
    );
    expect(() => quantileCuts([1, 2, 3], 1)).toThrow("bins must be a whole number from 2 to 9 (got 1)");
  });

  it("cutPoints rejects a percentile outside 0..1", () => {
    expect(() => cutPoints([1, 2], [1.5])).toThrow("a percentile must be a number from 0 to 1 (got 1.5)");
  });

  it("kthLargest counts ties as separate values", () => {
    expect(kthLargest([5, 1, 4, 4], 1)).toBe(5);
    expect(kthLargest([5, 1, 4, 4], 3)).toBe(4);
    expect(kthLargest([5, 1, NaN], 3)).toBeNaN();
  });
});
