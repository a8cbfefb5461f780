import { check } from "./errors";

/**
 * Threshold tier, left-closed: the index of the highest threshold the value reaches (v >= t_k),
 * -1 below the lowest or for NaN. Thresholds must increase strictly. The engine's rule tables do
 * the same with conditions; this is the one-column form TIER.LEVEL needs.
 * Excel: `=IFERROR(INDEX(names, MATCH(B2, thresholds, 1)), NA())`.
 * @example levelIndex([12000, 600, 100], [500, 5000, 10000]) // Int16Array [2, 0, -1]
 */
export function levelIndex(values: ArrayLike<number>, thresholds: readonly number[]): Int16Array {
  check(thresholds.length >= 1 && thresholds.length <= 1000, "level.thresholdCount");
  for (let k = 0; k < thresholds.length; k++) {
    const t = thresholds[k];
    check(Number.isFinite(t) && (k === 0 || t > thresholds[k - 1]), "level.thresholdOrder", {
      thresholds: [...thresholds],
    });
  }
  const out = new Int16Array(values.length);
  const last = thresholds.length - 1;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    let k = -1;
    // Thresholds ascend: stop at the first one the value does not reach.
    while (k < last && v >= thresholds[k + 1]) k++;
    out[i] = k;
  }
  return out;
}
