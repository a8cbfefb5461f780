import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { TierError } from "../src/engine/errors";
import { LIFECYCLE_STAGES, lifecycle } from "../src/engine/lifecycle";

const AS_OF = 20000; // a day number; only differences matter
const stage = (first: number[], last: number[], f: number[], w?: Parameters<typeof lifecycle>[4]) =>
  Array.from(lifecycle(first, last, f, AS_OF, w), (k) => (k < 0 ? "none" : LIFECYCLE_STAGES[k].key));

describe("lifecycle", () => {
  it("lifecycle calls a customer with no purchase a prospect", () => {
    expect(stage([NaN, NaN], [NaN, 19990], [NaN, 0])).toEqual(["prospect", "prospect"]);
  });

  it("lifecycle does not call 365 days since the last purchase lost, but 366 days is", () => {
    // as_of - last = 365 is not > 365: at risk. 366 > 365: lost.
    expect(stage([AS_OF - 900, AS_OF - 900], [AS_OF - 365, AS_OF - 366], [9, 9])).toEqual([
      "at_risk",
      "lost",
    ]);
  });

  it("lifecycle calls 181 days at risk and 180 days not", () => {
    // 180 is not > 180, so the customer goes on to the next tests: first purchase 900 days ago, 9 purchases → loyal.
    expect(stage([AS_OF - 900, AS_OF - 900], [AS_OF - 181, AS_OF - 180], [9, 9])).toEqual([
      "at_risk",
      "loyal",
    ]);
  });

  it("lifecycle calls a first purchase 90 days ago new and 91 days ago not", () => {
    expect(stage([AS_OF - 90, AS_OF - 91], [AS_OF - 10, AS_OF - 10], [6, 6])).toEqual(["new", "loyal"]);
  });

  it("lifecycle splits the rest into loyal (5+), regular (2-4) and one-time", () => {
    const first = [1, 1, 1, 1];
    const last = Array(4).fill(AS_OF - 30);
    expect(stage(first, last, [5, 4, 2, 1])).toEqual(["loyal", "regular", "regular", "one_time"]);
  });

  it("lifecycle tests the stages in order, so a lost customer with many purchases is still lost", () => {
    expect(stage([1], [AS_OF - 400], [50])).toEqual(["lost"]);
  });

  it("lifecycle leaves rows it cannot grade at -1", () => {
    expect(
      stage(
        [NaN, NaN, 1, 1, AS_OF - 5, NaN, 1],
        [NaN, AS_OF - 10, AS_OF + 1, AS_OF - 10, AS_OF - 10, AS_OF - 10, AS_OF - 10],
        [3, 2, 3, -1, 3, 1, NaN],
      ),
    ).toEqual([
      "none", // purchases but no last date
      "none", // recent, no first date: cannot tell new from regular
      "none", // last purchase after the as-of date
      "none", // negative frequency
      "none", // first purchase after the last
      "new", // one purchase: first = last, 10 days ago
      "none", // not new, no frequency to tell loyal from regular
    ]);
    // A missing frequency does not stop a lost customer from being graded.
    expect(stage([NaN], [AS_OF - 500], [NaN])).toEqual(["lost"]);
  });

  it("lifecycle takes editable windows", () => {
    expect(stage([1], [AS_OF - 40], [3], { lostDays: 60, atRiskDays: 30 })).toEqual(["at_risk"]);
    expect(stage([1], [AS_OF - 10], [3], { loyalFrequency: 3 })).toEqual(["loyal"]);
  });

  it("lifecycle rejects windows that make no sense", () => {
    expect(() => lifecycle([1], [1], [1], AS_OF, { atRiskDays: 400 })).toThrow(TierError);
    expect(() => lifecycle([1], [1], [1], AS_OF, { atRiskDays: 400 })).toThrow(
      "the at-risk window (400 days) must not be longer than the lost window (365 days)",
    );
    expect(() => lifecycle([1], [1], [1], AS_OF, { newDays: -1 })).toThrow(TierError);
    expect(() => lifecycle([1], [1], [1], NaN)).toThrow(TierError);
    expect(() => lifecycle([1, 2], [1], [1], AS_OF)).toThrow(TierError);
  });

  it("lifecycle names its stages in Chinese and English", () => {
    expect(LIFECYCLE_STAGES.map((s) => s.name.zh)).toEqual([
      "潜在",
      "流失",
      "沉睡",
      "新客户",
      "忠诚",
      "常规",
      "一次性",
    ]);
  });

  it("lifecycle does not mutate its inputs and a row's stage does not depend on the other rows", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.integer({ min: 0, max: 800 }),
            fc.integer({ min: 0, max: 800 }),
            fc.integer({ min: 0, max: 9 }),
          ),
          { minLength: 1 },
        ),
        (rows) => {
          const first = Object.freeze(rows.map((r) => AS_OF - Math.max(r[0], r[1])));
          const last = Object.freeze(rows.map((r) => AS_OF - Math.min(r[0], r[1])));
          const f = Object.freeze(rows.map((r) => r[2]));
          const all = lifecycle(first, last, f, AS_OF);
          const reversed = lifecycle([...first].reverse(), [...last].reverse(), [...f].reverse(), AS_OF);
          return rows.every(
            (_, i) =>
              all[i] === reversed[rows.length - 1 - i] &&
              all[i] === lifecycle([first[i]], [last[i]], [f[i]], AS_OF)[0],
          );
        },
      ),
    );
  });
});
