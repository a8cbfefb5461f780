/**
 * Share and cumulative share of sales per customer, for TIER.PARETO. The engine grades ABC without
 * sorting (abcByShare selects two thresholds); a cumulative share per row needs the full order, so
 * it sorts a copy once here.
 */

/**
 * share = max(v, 0) / total and cumulative = sum of the positive values >= v / total, with
 * total = sum(max(v, 0)): the running share of a Pareto chart up to and including v's tie group,
 * 1 for v <= 0 and NaN for NaN. Excel: `=MAX(B2,0)/SUMIF(B$2:B$N,">0")` and
 * `=IF(B2>0,SUMIF(B$2:B$N,">="&B2)/SUMIF(B$2:B$N,">0"),1)`.
 * @example paretoShares([500, 300, 100, 100]) // share [0.5, 0.3, 0.1, 0.1], cumulative [0.5, 0.8, 1, 1]
 */
export function paretoShares(values: ArrayLike<number>): {
  share: Float64Array;
  cumulative: Float64Array;
  total: number;
} {
  const n = values.length;
  let m = 0;
  for (let i = 0; i < n; i++) if (values[i] > 0) m++;
  // Be careful not to mutate an array owned by the user: sort a copy of the positive values.
  const sorted = new Float64Array(m);
  for (let i = 0, j = 0; i < n; i++) if (values[i] > 0) sorted[j++] = values[i];
  sorted.sort();
  // above[k] = sum of sorted[k..m-1], i.e. of the values >= sorted[k] when k starts a tie group.
  const above = new Float64Array(m + 1);
  for (let k = m - 1; k >= 0; k--) above[k] = above[k + 1] + sorted[k];
  // The same sum as above[0], so the smallest positive value's cumulative share is exactly 1.
  const total = above[0];
  const share = new Float64Array(n);
  const cumulative = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v !== v) {
      share[i] = cumulative[i] = NaN;
    } else if (v <= 0) {
      share[i] = 0;
      cumulative[i] = 1;
    } else {
      // First position of v in the ascending copy (lower bound).
      let lo = 0;
      let hi = m;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (sorted[mid] < v) lo = mid + 1;
        else hi = mid;
      }
      share[i] = v / total;
      cumulative[i] = above[lo] / total;
    }
  }
  return { share, cumulative, total };
}
