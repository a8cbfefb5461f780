// Invariants of the numeric grading methods, checked with fast-check against brute-force definitions.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { abcByShare } from "../src/engine/abc";
import { pyramid } from "../src/engine/pyramid";
import { rfm } from "../src/engine/rfm";
import { rfm8 } from "../src/engine/rfm8";
import { cutPoints, cutPointsByBuckets, cutPointsInPlace, validCopy } from "../src/engine/quantile";

// Whole numbers keep every sum exact, so the brute force and the engine add up the same way.
// A small range makes ties common; NaN is an invalid cell.
const cell = fc.oneof(
  { weight: 8, arbitrary: fc.integer({ min: -20, max: 60 }) },
  { weight: 1, arbitrary: fc.constant(NaN) },
);
const column = fc.array(cell, { minLength: 1, maxLength: 60 });
const shares = fc
  .tuple(fc.integer({ min: 1, max: 98 }), fc.integer({ min: 1, max: 99 }))
  .filter(([a, b]) => a < b)
  .map(([a, b]) => ({ a: a / 100, b: b / 100 }));
const cuts = fc
  .uniqueArray(fc.integer({ min: 1, max: 99 }), { minLength: 1, maxLength: 4 })
  .map((xs) => xs.sort((a, b) => a - b).map((x) => x / 100));

/** Spec, literally: before(v) = SUMIF(>v) / SUMIF(>0). */
function bruteAbc(v: number[], a: number, b: number): number[] {
  let total = 0;
  for (const x of v) if (x > 0) total += x;
  return v.map((x) => {
    if (Number.isNaN(x)) return 0;
    let greater = 0;
    for (const y of v) if (y > x) greater += y;
    return x > 0 && greater / total < a ? 1 : x > 0 && greater / total < b ? 2 : 3;
  });
}

/** Spec, literally: above(x) = COUNTIF(>x) / COUNT; level = 1 + #{k : above >= cuts[k]}. */
function brutePyramid(v: number[], c: readonly number[]): number[] {
  const valid = v.filter((x) => !Number.isNaN(x));
  return v.map((x) => {
    if (Number.isNaN(x)) return 0;
    const above = valid.filter((y) => y > x).length / valid.length;
    return 1 + c.filter((ck) => above >= ck).length;
  });
}

/** A permutation of 0..n-1 from fast-check's random keys. */
const permuted = <T>(xs: T[], keys: number[]) =>
  xs
    .map((x, i) => ({ x, k: keys[i % keys.length] + i / 1e6, i }))
    .sort((p, q) => p.k - q.k)
    .map((p) => p.i);

describe("properties", () => {
  it("abcByShare agrees with the O(n²) SUMIF definition, ties and NaN included", () => {
    fc.assert(
      fc.property(column, shares, (v, { a, b }) => {
        fc.pre(v.some((x) => x > 0));
        expect(Array.from(abcByShare(v, { a, b }))).toEqual(bruteAbc(v, a, b));
      }),
      { numRuns: 400 },
    );
  });

  it("pyramid agrees with the O(n²) COUNTIF definition, ties and NaN included", () => {
    fc.assert(
      fc.property(column, cuts, (v, c) => {
        expect(Array.from(pyramid(v, c))).toEqual(brutePyramid(v, c));
      }),
      { numRuns: 400 },
    );
  });

  it("abcByShare and pyramid agree with the brute force on inputs large enough for sampled selection", () => {
    // Above 600 values the selection recurses on a sample first; check that path too.
    const big = fc.array(
      fc.oneof(
        { weight: 20, arbitrary: fc.integer({ min: -50, max: 400 }) },
        { weight: 1, arbitrary: fc.constant(NaN) },
      ),
      { minLength: 601, maxLength: 2500 },
    );
    fc.assert(
      fc.property(big, shares, cuts, (v, { a, b }, c) => {
        fc.pre(v.some((x) => x > 0));
        expect(Array.from(abcByShare(v, { a, b }))).toEqual(bruteAbc(v, a, b));
        expect(Array.from(pyramid(v, c))).toEqual(brutePyramid(v, c));
      }),
      { numRuns: 15 },
    );
  });

  it("cutPoints by counting (whole numbers) and by selection give the same PERCENTILE.INC", () => {
    const probs = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 9 });
    fc.assert(
      fc.property(fc.array(cell, { minLength: 1, maxLength: 1500 }), probs, (v, p) => {
        const counted = cutPoints(v, p); // whole numbers in a small range: the counting path
        const selected = cutPointsInPlace(validCopy(v), p);
        const sorted = v.filter((x) => !Number.isNaN(x)).sort((a, b) => a - b);
        p.forEach((prob, i) => {
          if (sorted.length === 0) return expect(counted[i]).toBeNaN();
          const h = (sorted.length - 1) * prob;
          const lo = Math.floor(h);
          const want = sorted[lo] + (h - lo) * ((sorted[lo + 1] ?? sorted[lo]) - sorted[lo]);
          expect(counted[i]).toBeCloseTo(want, 9);
          expect(selected[i]).toBeCloseTo(want, 9);
        });
      }),
      { numRuns: 200 },
    );
  });

  it("cutPoints by buckets of the bit pattern matches a sort on any doubles, -0 and negatives included", () => {
    const double = fc.oneof(
      fc.double({ min: -1e9, max: 1e9, noNaN: true }),
      fc.constantFrom(-0, 0, NaN, 1e-300, -1e-300, 0.1, 0.2),
    );
    const probs = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 9 });
    fc.assert(
      fc.property(fc.array(double, { minLength: 1, maxLength: 3000 }), probs, (v, p) => {
        const sorted = v.filter((x) => !Number.isNaN(x)).sort((a, b) => a - b);
        const got = Array.from(cutPointsByBuckets(v, p), (x) => x + 0);
        const want = p.map((prob) => {
          if (sorted.length === 0) return { x: NaN, scale: 1 };
          const h = (sorted.length - 1) * prob;
          const lo = Math.floor(h);
          const a = sorted[lo];
          const b = sorted[lo + 1] ?? a;
          return { x: a + (h - lo) * (b - a) + 0, scale: Math.max(1, Math.abs(a), Math.abs(b)) };
        });
        // cutPoints snaps (n-1)p to a whole number when float noise is all that is off, which moves the
        // result by that noise times the gap between the two neighbours: the tolerance is relative to
        // them, not to the result (between -544 and -0 the result can be -1e-12 where 0 is right).
        got.forEach((x, i) =>
          Number.isNaN(want[i].x)
            ? expect(x).toBeNaN()
            : expect(Math.abs(x - want[i].x)).toBeLessThanOrEqual(1e-12 * want[i].scale),
        );
      }),
      { numRuns: 200 },
    );
    // The case that found the tolerance too tight (fast-check seed 1471263814).
    const [cut] = cutPointsByBuckets([-0, -544.0000000000001], [0.9999999999999982]);
    expect(Math.abs(cut)).toBeLessThanOrEqual(1e-12 * 544);
  });

  it("rfm(quantile) scores do not change when every value is scaled by 1.5 (counting and selection agree)", () => {
    const rows = fc.array(fc.tuple(cell, cell, cell), { minLength: 2, maxLength: 700 });
    fc.assert(
      fc.property(rows, fc.integer({ min: 2, max: 9 }), (data, bins) => {
        const [r, f, m] = [0, 1, 2].map((j) => data.map((row) => row[j]));
        fc.pre(data.filter((row) => row.every((x) => !Number.isNaN(x))).length >= 2);
        const whole = rfm(r, f, m, { bins });
        const scaled = rfm(
          ...([r, f, m].map((c) => c.map((x) => x * 1.5)) as [number[], number[], number[]]),
          {
            bins,
          },
        );
        expect(Array.from(scaled.r)).toEqual(Array.from(whole.r));
        expect(Array.from(scaled.f)).toEqual(Array.from(whole.f));
        expect(Array.from(scaled.m)).toEqual(Array.from(whole.m));
      }),
      { numRuns: 200 },
    );
  });

  it("reordering rows never changes a customer's result", () => {
    const rows = fc.array(fc.tuple(cell, cell, cell), { minLength: 2, maxLength: 50 });
    fc.assert(
      fc.property(
        rows,
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1 }),
        (data, keys) => {
          const order = permuted(data, keys);
          const col = (d: [number, number, number][], j: 0 | 1 | 2) => d.map((r) => r[j]);
          const shuffled = order.map((i) => data[i]);
          const back = <T>(out: ArrayLike<T>) => {
            const res = new Array<T>(out.length);
            order.forEach((orig, row) => (res[orig] = out[row]));
            return res;
          };
          const valid = data.filter((r) => r.every((x) => !Number.isNaN(x))).length;
          if (valid >= 2) {
            for (const method of ["quantile", "rfm-r"] as const) {
              const a = rfm(col(data, 0), col(data, 1), col(data, 2), { method });
              const b = rfm(col(shuffled, 0), col(shuffled, 1), col(shuffled, 2), { method });
              expect(back(b.r)).toEqual(Array.from(a.r));
              expect(back(b.f)).toEqual(Array.from(a.f));
              expect(back(b.m)).toEqual(Array.from(a.m));
            }
          }
          const c8a = rfm8(col(data, 0), col(data, 1), col(data, 2)).cls;
          const c8b = rfm8(col(shuffled, 0), col(shuffled, 1), col(shuffled, 2)).cls;
          expect(back(c8b)).toEqual(Array.from(c8a));
          expect(back(pyramid(col(shuffled, 2)))).toEqual(Array.from(pyramid(col(data, 2))));
          if (data.some((r) => r[2] > 0)) {
            expect(back(abcByShare(col(shuffled, 2)))).toEqual(Array.from(abcByShare(col(data, 2))));
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it("a higher amount never lowers an ABC class or a pyramid level", () => {
    fc.assert(
      fc.property(column, fc.nat(), fc.integer({ min: 1, max: 40 }), (v, pick, raise) => {
        const i = pick % v.length;
        fc.pre(!Number.isNaN(v[i]) && v.some((x) => x > 0));
        const higher = v.slice();
        higher[i] = v[i] + raise;
        // Class and level numbers count down towards the top: 1 = A / top.
        expect(abcByShare(higher)[i]).toBeLessThanOrEqual(abcByShare(v)[i]);
        expect(pyramid(higher)[i]).toBeLessThanOrEqual(pyramid(v)[i]);
      }),
      { numRuns: 400 },
    );
  });

  it("every valid row gets exactly one class and every invalid row none", () => {
    const rows = fc.array(fc.tuple(cell, cell, cell), { minLength: 2, maxLength: 50 });
    fc.assert(
      fc.property(rows, fc.integer({ min: 2, max: 9 }), (data, bins) => {
        const [r, f, m] = [0, 1, 2].map((j) => data.map((row) => row[j]));
        const valid = data.map((row) => row.every((x) => !Number.isNaN(x)));
        fc.pre(valid.filter(Boolean).length >= 2);
        const res = rfm(r, f, m, { bins });
        const c8 = rfm8(r, f, m).cls;
        valid.forEach((ok, i) => {
          for (const s of [res.r[i], res.f[i], res.m[i]]) {
            if (ok) expect(s >= 1 && s <= bins).toBe(true);
            else expect(s).toBe(0);
          }
          expect(ok ? c8[i] >= 0 && c8[i] <= 7 : c8[i] === -1).toBe(true);
        });
        const p = pyramid(m);
        m.forEach((x, i) => expect(p[i] === 0).toBe(Number.isNaN(x)));
        if (m.some((x) => x > 0)) {
          const c = abcByShare(m);
          m.forEach((x, i) => expect(c[i] === 0).toBe(Number.isNaN(x)));
        }
      }),
      { numRuns: 300 },
    );
  });

  it("no method mutates its inputs", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(cell, cell, cell), { minLength: 2, maxLength: 40 }), (data) => {
        const cols = [0, 1, 2].map((j) => Float64Array.from(data, (row) => row[j]));
        const before = cols.map((c) => Array.from(c));
        const frozen = cols.map((c) => Object.freeze(Array.from(c)));
        const [r, f, m] = cols;
        if (data.filter((row) => row.every((x) => !Number.isNaN(x))).length >= 2) {
          rfm(r, f, m);
          rfm(frozen[0], frozen[1], frozen[2], { method: "rfm-r" });
        }
        rfm8(r, f, m);
        pyramid(m);
        pyramid(frozen[2]);
        if (before[2].some((x) => x > 0)) {
          abcByShare(m);
          abcByShare(frozen[2]);
        }
        cols.forEach((c, j) => expect(Array.from(c)).toEqual(before[j]));
      }),
      { numRuns: 200 },
    );
  });
});
