import { check } from "./errors";
import type { RuleSet } from "./ruleset";
import { GRID_STRATEGIES } from "./presets-strategies";

/** How one axis of the nine-grid is cut into high / middle / low. */
export type GridCut = { method: "fixed"; low: number; high: number } | { method: "tercile" };

/** Cell names in the order {@link gridCells} returns their index: letter from X, digit from Y. */
export const GRID_CELLS = ["A1", "A2", "A3", "B1", "B2", "B3", "C1", "C2", "C3"] as const;

export type GridCell = (typeof GRID_CELLS)[number];

/**
 * The two tercile cut points of the valid (finite) values: PERCENTILE.INC at 1/3 and 2/3
 * (`h = (n-1)p`, linear interpolation on the sorted values). NaN, NaN when there is no valid value.
 *
 * @example
 * terciles([1, 2, 3, 4]); // [2, 3]
 */
export function terciles(values: ArrayLike<number>): [number, number] {
  let n = 0;
  for (let i = 0; i < values.length; i++) if (Number.isFinite(values[i])) n++;
  if (n === 0) return [NaN, NaN];
  // Sort a copy: never reorder the caller's column.
  const sorted = new Float64Array(n);
  for (let i = 0, k = 0; i < values.length; i++) if (Number.isFinite(values[i])) sorted[k++] = values[i];
  sorted.sort();
  const at = (k: number): number => {
    // (n-1)·k/3 rather than (n-1)·(k/3), so that h is exact when it is a whole number.
    const h = ((n - 1) * k) / 3;
    const lo = Math.floor(h);
    return lo + 1 < n ? sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo]) : sorted[lo];
  };
  return [at(1), at(2)];
}

/** Level 1 low, 2 middle, 3 high; 0 for a missing value. */
function levels(v: ArrayLike<number>, cut: GridCut, axis: string): Uint8Array {
  const out = new Uint8Array(v.length);
  if (cut.method === "fixed") {
    check(Number.isFinite(cut.low) && Number.isFinite(cut.high) && cut.low < cut.high, "grid.cutOrder", {
      axis,
      low: cut.low,
      high: cut.high,
    });
    // Left-closed: high when v >= high, middle when v >= low.
    for (let i = 0; i < v.length; i++) {
      const x = v[i];
      if (Number.isFinite(x)) out[i] = x >= cut.high ? 3 : x >= cut.low ? 2 : 1;
    }
    return out;
  }
  check(cut.method === "tercile", "grid.cutMethod", { axis, got: String(cut.method) });
  const [q1, q2] = terciles(v);
  // The RFM quantile rule with 3 bins: 1 + #{k : v > q_k}; ties share a level.
  for (let i = 0; i < v.length; i++) {
    const x = v[i];
    if (Number.isFinite(x)) out[i] = 1 + (x > q1 ? 1 : 0) + (x > q2 ? 1 : 0);
  }
  return out;
}

/**
 * Nine-grid cell per row: X (e.g. potential) and Y (e.g. current value) are each cut into high / middle /
 * low, by fixed thresholds (high when `v >= high`, middle when `v >= low`) or by terciles (PERCENTILE.INC at
 * 1/3 and 2/3, level = 1 + #{k : v > q_k}; the default). The cell is the letter for X (high A, middle B,
 * low C) and the digit for Y (high 1, middle 2, low 3); the result is its index in {@link GRID_CELLS},
 * -1 when X or Y is missing (NaN or not finite).
 *
 * @example
 * const cut = { method: "fixed", low: 10, high: 20 } as const;
 * gridCells([25, 15, 5], [20, 5, NaN], { x: cut, y: cut }); // Int8Array [0, 5, -1]: A1, B3, none
 */
export function gridCells(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  options?: { x?: GridCut; y?: GridCut },
): Int8Array {
  check(x.length === y.length, "grid.rowCounts", { x: x.length, y: y.length });
  const lx = levels(x, options?.x ?? { method: "tercile" }, "X");
  const ly = levels(y, options?.y ?? { method: "tercile" }, "Y");
  const out = new Int8Array(x.length);
  for (let i = 0; i < out.length; i++) {
    // letter index (3 - level X) × 3 + digit index (3 - level Y)
    out[i] = lx[i] === 0 || ly[i] === 0 ? -1 : (3 - lx[i]) * 3 + (3 - ly[i]);
  }
  return out;
}

/**
 * The hospital-doctor example of the pharmaceutical seed (客户九宫格: X = prescribing potential, Y = current
 * prescriptions). Labels and visits are our choice, within the seed's "A 4-6, B 2-4, C 0-2 visits a month":
 * visits follow potential first (the letter) and current use second, because potential is what a visit can
 * still win; C3 (little potential, little use) is only watched (0 visits).
 */
export const GRID_PRESET: Extract<RuleSet, { method: "grid" }> = {
  method: "grid",
  name: { zh: "客户九宫格(潜力 × 处方量)", en: "Nine-grid (potential × current prescriptions)" },
  description: {
    zh: "按潜力(X)和当前处方量(Y)各分高中低三档,A1 为高潜力高处方的重点客户,C3 为低潜力低处方;每格有拜访频次。",
    en: "Potential (X) and current prescriptions (Y) each cut high / middle / low; A1 is high potential and high use, C3 low and low; each cell has a visit frequency.",
  },
  x: { role: "potential", cut: { method: "tercile" }, name: { zh: "潜力", en: "Potential" } },
  y: {
    role: "current_value",
    cut: { method: "tercile" },
    name: { zh: "处方量", en: "Current prescriptions" },
  },
  cells: [
    { cell: "A1", name: { zh: "重点维护", en: "Key account: maintain" }, visits: 6 },
    { cell: "A2", name: { zh: "重点提升", en: "High potential: grow" }, visits: 5 },
    { cell: "A3", name: { zh: "重点开发", en: "High potential: win" }, visits: 4 },
    { cell: "B1", name: { zh: "稳定维护", en: "Maintain" }, visits: 4 },
    { cell: "B2", name: { zh: "培养提升", en: "Develop" }, visits: 3 },
    { cell: "B3", name: { zh: "逐步开发", en: "Develop slowly" }, visits: 2 },
    { cell: "C1", name: { zh: "保持关系", en: "Keep" }, visits: 2 },
    { cell: "C2", name: { zh: "常规拜访", en: "Routine" }, visits: 1 },
    { cell: "C3", name: { zh: "观察", en: "Watch" }, visits: 0 },
  ],
  strategies: GRID_STRATEGIES,
};
