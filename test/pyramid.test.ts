import { describe, expect, it } from "vitest";
import { DEFAULT_PYRAMID_CUTS, PYRAMID_LEVELS, pyramid } from "../src/engine/pyramid";
import { TierError } from "../src/engine/errors";

const list = (a: ArrayLike<number>) => Array.from(a);

describe("pyramid", () => {
  it("pyramid puts tied customers on the same level even when they overfill it", () => {
    // n = 10, cuts 10 % and 50 %.
    // above(100) = 0/10 < 10 % -> level 1 (both 100s, 20 % of the customers)
    // above(50) = 2/10 = 20 %  -> level 2;  above(10) = 5/10 = 50 %, not < 50 % -> level 3
    const values = [10, 100, 50, 10, 50, 10, 100, 50, 10, 10];
    expect(list(pyramid(values, [0.1, 0.5]))).toEqual([3, 1, 2, 3, 2, 3, 1, 2, 3, 3]);
  });

  it("pyramid with the default cuts puts the top 1 % on top and the bottom half in small", () => {
    // 200 customers with sales 1..200: above(200) = 0 and above(199) = 1/200 = 0.5 % -> top (1 % = 2 customers);
    // above(x) = (200 - x) / 200: < 20 % for x > 160, < 50 % for x > 100.
    const values = Array.from({ length: 200 }, (_, i) => i + 1);
    const levels = pyramid(values);
    const count = (l: number) => list(levels).filter((x) => x === l).length;
    expect([count(1), count(2), count(3), count(4)]).toEqual([2, 38, 60, 100]);
    expect(levels[160]).toBe(2); // 161: above = 39/200 = 19.5 %
    expect(levels[159]).toBe(3); // 160: above = 40/200 = 20 %
  });

  it("pyramid gives NaN no level and leaves it out of n", () => {
    // Valid n = 4: above(40) = 0, above(30) = 25 %, above(20) = 50 %, above(10) = 75 %.
    expect(list(pyramid([NaN, 10, 20, 30, 40], [0.25, 0.5, 0.75]))).toEqual([0, 4, 3, 2, 1]);
  });

  it("PYRAMID_LEVELS names the four levels top first", () => {
    expect(PYRAMID_LEVELS.map((l) => l.zh)).toEqual(["重要客户", "次要客户", "普通客户", "小客户"]);
    expect(DEFAULT_PYRAMID_CUTS).toEqual([0.01, 0.2, 0.5]);
  });

  it("pyramid rejects cut shares that do not increase inside (0, 1)", () => {
    expect(() => pyramid([1, 2], [0.2, 0.1])).toThrow(
      expect.objectContaining({ code: "pyramid.cutOrder", params: { cuts: [20, 10] } }),
    );
    expect(() => pyramid([1, 2], [0, 0.5])).toThrow(TierError);
    expect(() => pyramid([1, 2], [0.5, 1])).toThrow(TierError);
  });
});
