import { kmeans } from "ml-kmeans";
import { check } from "./errors";

export interface RfmClusters {
  /** Per customer its cluster's rank on value, 1 = highest; 0 where the row was not clustered (NaN input). */
  readonly rank: Uint8Array;
  /** Per rank (index 0 = rank 1) the centroid in the input's units: recency days, frequency, amount. */
  readonly centroids: { readonly recency: number; readonly frequency: number; readonly amount: number }[];
}

// Frequency and amount are long-tailed (a few customers buy a hundred times more): on the raw scale
// k-means would spend every cluster on the tail. log1p evens them out, then z-scores put the three
// measures on one footing, as RFM clustering is usually done (recency stays linear: it is bounded).
function feature(v: ArrayLike<number>, rows: readonly number[], log: boolean): Float64Array {
  const out = new Float64Array(rows.length);
  for (let j = 0; j < rows.length; j++) {
    const x = v[rows[j]];
    out[j] = log ? Math.log1p(Math.max(x, 0)) : x;
  }
  let mean = 0;
  for (let j = 0; j < out.length; j++) mean += out[j];
  mean /= out.length || 1;
  let ss = 0;
  for (let j = 0; j < out.length; j++) ss += (out[j] - mean) ** 2;
  const sd = Math.sqrt(ss / (out.length || 1));
  for (let j = 0; j < out.length; j++) out[j] = sd > 0 ? (out[j] - mean) / sd : 0;
  return out;
}

/**
 * k-means (Lloyd's algorithm, k-means++ start, ml-kmeans) on recency, log frequency and log amount,
 * each standardised; clusters are then ranked by their centroid's mean amount, highest first (ties
 * by frequency, then by the shorter recency), so rank 1 is the most valuable cluster. The same
 * `seed` gives the same clusters on every run. Rows with a NaN in any column are left out (rank 0).
 * Does not mutate the columns.
 *
 * @example rfmClusters([5, 300, 8, 400], [12, 1, 10, 1], [9000, 50, 8000, 40], 2, 1).rank // Uint8Array [1, 2, 1, 2]
 */
export function rfmClusters(
  recency: ArrayLike<number>,
  frequency: ArrayLike<number>,
  amount: ArrayLike<number>,
  k: number,
  seed: number,
): RfmClusters {
  const n = recency.length;
  const rows: number[] = [];
  for (let i = 0; i < n; i++)
    if (Number.isFinite(recency[i]) && Number.isFinite(frequency[i]) && Number.isFinite(amount[i]))
      rows.push(i);
  check(Number.isInteger(k) && k >= 2, "kmeans.badK", { k });
  check(rows.length >= k, "kmeans.tooFew", { n: rows.length, k });
  const r = feature(recency, rows, false);
  const f = feature(frequency, rows, true);
  const m = feature(amount, rows, true);
  const points = rows.map((_, j) => [r[j], f[j], m[j]]);
  const result = kmeans(points, k, { seed, initialization: "kmeans++", maxIterations: 300 });

  // Centroids in the input's units (means of each cluster's members), so they can be ranked and shown.
  const sums = Array.from({ length: k }, () => ({ recency: 0, frequency: 0, amount: 0, count: 0 }));
  rows.forEach((i, j) => {
    const s = sums[result.clusters[j]];
    s.recency += recency[i];
    s.frequency += frequency[i];
    s.amount += amount[i];
    s.count++;
  });
  const centres = sums.map((s) => ({
    recency: s.count ? s.recency / s.count : NaN,
    frequency: s.count ? s.frequency / s.count : NaN,
    // An empty cluster (possible with many identical customers) ranks last.
    amount: s.count ? s.amount / s.count : -Infinity,
  }));
  const order = centres
    .map((c, id) => ({ c, id }))
    .sort(
      (a, b) =>
        b.c.amount - a.c.amount || b.c.frequency - a.c.frequency || a.c.recency - b.c.recency || a.id - b.id,
    );
  const rankOf = new Uint8Array(k);
  order.forEach((o, i) => (rankOf[o.id] = i + 1));
  const rank = new Uint8Array(n);
  rows.forEach((i, j) => (rank[i] = rankOf[result.clusters[j]]));
  return { rank, centroids: order.map((o) => o.c) };
}
