import { check } from "./errors";
import { orderStatistics } from "./quantile";

/** The levels of the customer pyramid, top first; 关键客户 (key) = the first two together. */
export const PYRAMID_LEVELS = Object.freeze([
  { key: "top", zh: "重要客户", en: "Top" },
  { key: "second", zh: "次要客户", en: "Second" },
  { key: "ordinary", zh: "普通客户", en: "Ordinary" },
  { key: "small", zh: "小客户", en: "Small" },
] as const);

/** Top 1 %, next 19 %, next 30 %, bottom 50 %. */
export const DEFAULT_PYRAMID_CUTS: readonly number[] = Object.freeze([0.01, 0.2, 0.5]);

/**
 * Customer pyramid by rank: above(x) = #{valid values strictly greater than x} / n and
 * level = 1 + #{k : above(x) >= cuts[k]} (1 = top); 0 for NaN. Ties share a level.
 * Excel: `=COUNTIF(B$2:B$N,">"&B2)/COUNT(B$2:B$N)` compared with 1 %, 20 %, 50 %.
 * @example pyramid([900, 50, 40, 30, 20, 10], [0.2, 0.5]) // Uint8Array [1, 1, 2, 3, 3, 3] (50 has 1 of 6 above it: under 20 %)
 */
export function pyramid(
  values: ArrayLike<number>,
  cuts: readonly number[] = DEFAULT_PYRAMID_CUTS,
): Uint8Array {
  check(cuts.length >= 1 && cuts.length <= 8, "pyramid.cutCount", { count: cuts.length });
  for (let k = 0; k < cuts.length; k++) {
    const c = cuts[k];
    check(c > 0 && c < 1 && (k === 0 || c > cuts[k - 1]), "pyramid.cutOrder", {
      cuts: cuts.map((x) => x * 100),
    });
  }
  const out = new Uint8Array(values.length);
  const t = pyramidCuts(values, cuts);
  if (t.length === 0) return out;
  const nc = t.length;
  for (let i = 0; i < values.length; i++) {
    const x = values[i];
    if (x !== x) continue;
    let level = 1;
    // Thresholds descend with k: once x >= t[k] it is >= every later one.
    while (level <= nc && x < t[level - 1]) level++;
    out[i] = level;
  }
  return out;
}

/**
 * The amounts behind {@link pyramid}'s levels, highest first: level k + 1 starts at `t[k]` (a
 * customer is in it when x ≥ t[k] and below the level above). Empty when no value is readable.
 *
 * @example pyramidCuts([100, 50, 10, 1], [0.25, 0.5]) // [100, 50]
 */
export function pyramidCuts(
  values: ArrayLike<number>,
  cuts: readonly number[] = DEFAULT_PYRAMID_CUTS,
): number[] {
  let n = 0;
  for (let i = 0; i < values.length; i++) if (values[i] === values[i]) n++;
  if (n === 0) return [];
  // above(x) >= c  <=>  #{> x} >= m with m the least count for which m / n >= c (as Excel divides)
  // <=>  x < the m-th largest value. So each cut is one order statistic: no sort needed.
  const ks: number[] = [];
  for (const c of cuts) {
    let m = Math.ceil(c * n);
    while (m > 0 && (m - 1) / n >= c) m--;
    while (m / n < c) m++;
    ks.push(n - m); // 0-based ascending position of the m-th largest
  }
  return Array.from(orderStatistics(values, ks));
}
