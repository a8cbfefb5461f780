/**
 * Point bands (评分档): a raw figure of a scorecard item (units sold, tonnage, overdue rate …) turned
 * into points, as a dealer card scores "年销量 ≥ 500 台 → 5 分". Bands are tried in order, the first
 * whose `min ≤ x ≤ max` holds gives its points (a missing end is open); none gives 0 points.
 */
import { check } from "./errors";

/** One band: its points for a value from `min` to `max`, both included, either end open when absent. */
export interface Band {
  readonly min?: number;
  readonly max?: number;
  readonly points: number;
}

/**
 * Points per value, first matching band wins, 0 when no band matches; NaN stays NaN (the caller
 * lists the row). Excel: `IF(x>=500,5,IF(x>=200,4,…0))`.
 *
 * @example bandPoints([600, 250, 3], [{ min: 500, points: 5 }, { min: 200, points: 4 }]) // Float64Array [5, 4, 0]
 */
export function bandPoints(values: ArrayLike<number>, bands: readonly Band[]): Float64Array {
  check(bands.length > 0, "bands.none");
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const x = values[i];
    if (Number.isNaN(x)) {
      out[i] = NaN;
      continue;
    }
    let p = 0;
    for (const b of bands)
      if ((b.min === undefined || x >= b.min) && (b.max === undefined || x <= b.max)) {
        p = b.points;
        break;
      }
    out[i] = p;
  }
  return out;
}

/**
 * Weighted points `Σ w·p / Σ w` where an item may score 0 (the dealer card's 百分制 total is the sum of
 * its items' points, 0 to 5 each, times 20 on the 100-point scale). NaN for a row with a NaN item.
 *
 * @example weightedPoints([[5, 0], [0, 0]], [50, 50]) // Float64Array [2.5, 0]
 */
export function weightedPoints(
  points: readonly ArrayLike<number>[],
  weights: readonly number[],
): Float64Array {
  const n = points.length ? points[0].length : 0;
  let sw = 0;
  for (const w of weights) sw += w;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < points.length; j++) s += weights[j] * points[j][i];
    out[i] = s / sw;
  }
  return out;
}
