import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { TierError } from "../src/engine/errors";
import { GRID_CELLS, GRID_PRESET, gridCells, terciles, type GridCut } from "../src/engine/grid";
import { quantileCuts } from "../src/engine/quantile";

const names = (a: ArrayLike<number>): string[] => Array.from(a, (k) => (k < 0 ? "" : GRID_CELLS[k]));
const fixed = (low: number, high: number): GridCut => ({ method: "fixed", low, high });

describe("gridCells", () => {
  it("gridCells puts a value equal to the high threshold in high and one equal to low in middle", () => {
    // X cut [10, 20]: 20 high (A), 19.9 middle (B), 10 middle (B), 9.9 low (C). Y the same with digits.
    const x = [20, 19.9, 10, 9.9, 20, 9.9];
    const y = [20, 20, 10, 9.9, 9.9, 20];
    expect(names(gridCells(x, y, { x: fixed(10, 20), y: fixed(10, 20) }))).toEqual([
      "A1",
      "B1",
      "B2",
      "C3",
      "A3",
      "C1",
    ]);
  });

  it("gridCells returns the cells in the order A1, A2, A3, B1 .. C3", () => {
    const cut = fixed(1, 2);
    const x = [2, 2, 2, 1, 1, 1, 0, 0, 0];
    const y = [2, 1, 0, 2, 1, 0, 2, 1, 0];
    expect(Array.from(gridCells(x, y, { x: cut, y: cut }))).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(GRID_CELLS).toEqual(["A1", "A2", "A3", "B1", "B2", "B3", "C1", "C2", "C3"]);
  });

  it("gridCells gives -1 when X or Y is missing", () => {
    expect(Array.from(gridCells([1, NaN, 3], [NaN, 2, 3], { x: fixed(0, 1), y: fixed(0, 1) }))).toEqual([
      -1, -1, 0,
    ]);
  });

  it("gridCells cuts by terciles by default, ties sharing a level", () => {
    // x = 1..6: h = 5/3 → q1 = 2 + (2/3)(3 - 2) = 2.667; h = 10/3 → q2 = 4 + (1/3)(5 - 4) = 4.333.
    // level = 1 + #{x > q}: 1, 2 → low (C); 3, 4 → middle (B); 5, 6 → high (A).
    const [q1, q2] = terciles([6, 5, 4, 3, 2, 1]);
    expect(q1).toBeCloseTo(8 / 3, 12);
    expect(q2).toBeCloseTo(13 / 3, 12);
    const y = [1, 1, 1, 1, 1, 1]; // all ties: q1 = q2 = 1, nobody is above → all low (3)
    expect(names(gridCells([1, 2, 3, 4, 5, 6], y))).toEqual(["C3", "C3", "B3", "B3", "A3", "A3"]);
  });

  it("terciles follow PERCENTILE.INC on a tie-heavy column", () => {
    // sorted 1 1 1 1 2 9 (n = 6): h = 5/3 → 1; h = 10/3 → v3 + (1/3)(v4 - v3) = 1 + (1/3)(2 - 1) = 1.333.
    const v = [9, 1, 1, 2, 1, 1];
    const [q1, q2] = terciles(v);
    expect(q1).toBe(1);
    expect(q2).toBeCloseTo(4 / 3, 12);
    // The four 1s are not above either cut (low), 2 and 9 are above both (high): the middle is empty.
    expect(names(gridCells(v, v))).toEqual(["A1", "C3", "C3", "A1", "C3", "C3"]);
  });

  it("terciles ignore NaN and give NaN for a column with no values", () => {
    expect(terciles([NaN, 3, NaN, 0])).toEqual([1, 2]);
    expect(terciles([NaN])).toEqual([NaN, NaN]);
    expect(terciles([7])).toEqual([7, 7]);
  });

  it("terciles agree with the shared PERCENTILE.INC module at 1/3 and 2/3", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 1, maxLength: 60 }), (v) => {
        const mine = terciles(v);
        const shared = quantileCuts(v, 3);
        return mine.every((q, k) => Math.abs(q - shared[k]) <= 1e-9 * Math.max(1, Math.abs(q)));
      }),
    );
  });

  it("gridCells rejects a fixed cut whose low is not below its high", () => {
    expect(() => gridCells([1], [1], { x: fixed(5, 5) })).toThrow(TierError);
    expect(() => gridCells([1], [1], { y: fixed(6, 5) })).toThrow(
      "Y: the low threshold (6) must be less than the high threshold (5)",
    );
    expect(() => gridCells([1, 2], [1])).toThrow(TierError);
  });

  it("gridCells does not mutate its inputs and a row's cell does not change when rows are reordered", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 20 })), {
          minLength: 1,
        }),
        (rows) => {
          const x = Object.freeze(rows.map((r) => r[0]));
          const y = Object.freeze(rows.map((r) => r[1]));
          const a = gridCells(x, y);
          const b = gridCells([...x].reverse(), [...y].reverse());
          return rows.every((_, i) => a[i] === b[rows.length - 1 - i] && a[i] >= 0);
        },
      ),
    );
  });
});

describe("GRID_PRESET", () => {
  it("labels all nine cells in order with a monthly visit frequency", () => {
    expect(GRID_PRESET.cells.map((c) => c.cell)).toEqual([...GRID_CELLS]);
    expect(GRID_PRESET.cells[0].name.zh).toBe("重点维护");
    // Visits stay within the seed's A 4-6, B 2-4, C 0-2 a month.
    const range = { A: [4, 6], B: [2, 4], C: [0, 2] } as const;
    for (const c of GRID_PRESET.cells) {
      const [lo, hi] = range[c.cell[0] as "A" | "B" | "C"];
      expect(c.visits).toBeGreaterThanOrEqual(lo);
      expect(c.visits).toBeLessThanOrEqual(hi);
    }
    expect(JSON.parse(JSON.stringify(GRID_PRESET))).toEqual(GRID_PRESET);
  });
});
