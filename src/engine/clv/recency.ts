/**
 * P(alive) against recency, the picture that tells a store manager what the model believes: the longer
 * since a customer's last purchase (relative to how often she bought), the less likely she is still a
 * customer.
 */

/** One bucket of recency (T − t_x, in the summary's unit): [from, to), its customers and their mean P(alive). */
export interface RecencyBucket {
  from: number;
  to: number;
  customers: number;
  meanAlive: number;
}

/**
 * Mean P(alive) per bucket of recency T − t_x (units since the last purchase, or since the first for a
 * customer who never bought again), in `buckets` equal buckets of a whole number of units from 0 to
 * the largest recency; empty buckets are kept with 0 customers and NaN.
 * @example aliveByRecency({ tx: [0, 8, 1], T: [10, 10, 10] }, [1, 0.9, 0.2], 3) // [{ from: 0, to: 4, customers: 1, meanAlive: 0.9 }, { from: 4, to: 8, customers: 0, meanAlive: NaN }, { from: 8, to: 12, customers: 2, meanAlive: 0.6 }]
 */
export function aliveByRecency(
  summary: { tx: ArrayLike<number>; T: ArrayLike<number> },
  pAlive: ArrayLike<number>,
  buckets = 10,
): RecencyBucket[] {
  const n = pAlive.length;
  let most = 0;
  for (let i = 0; i < n; i++) most = Math.max(most, summary.T[i] - summary.tx[i]);
  const width = Math.max(1, Math.ceil((most + 1e-9) / buckets));
  const out: RecencyBucket[] = Array.from({ length: buckets }, (_, k) => ({
    from: k * width,
    to: (k + 1) * width,
    customers: 0,
    meanAlive: 0,
  }));
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(pAlive[i])) continue;
    const k = Math.min(buckets - 1, Math.floor((summary.T[i] - summary.tx[i]) / width));
    out[k].customers++;
    out[k].meanAlive += pAlive[i];
  }
  for (const b of out) b.meanAlive = b.customers ? b.meanAlive / b.customers : NaN;
  return out;
}
