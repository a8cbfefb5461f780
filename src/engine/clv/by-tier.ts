/**
 * Potential per tier of a graded policy (an RFM segment, an ABC class): how many of the tier's
 * customers the model scored, their mean P(alive), mean and total CLV. Joins on the customer id.
 */

/** One tier's potential; NaN means where none of its customers was scored. */
export interface TierPotential {
  tier: string;
  customers: number;
  meanAlive: number;
  meanClv: number;
  totalClv: number;
}

/**
 * Mean P(alive) and CLV per tier, tiers in the order given (best first), customers matched by id
 * (as text, trimmed); a graded customer the model did not score (no order up to the calibration end)
 * is not counted.
 * @example potentialByTier(["a", "b"], ["gold", "silver"], ["gold", "silver"], { customerId: ["b", "a"], pAlive: [0.5, 1], clv: [10, 30] })
 *   // [{ tier: "gold", customers: 1, meanAlive: 1, meanClv: 30, totalClv: 30 }, { tier: "silver", customers: 1, meanAlive: 0.5, meanClv: 10, totalClv: 10 }]
 */
export function potentialByTier(
  ids: readonly unknown[],
  tiers: readonly (string | null)[],
  order: readonly string[],
  scored: { customerId: readonly string[]; pAlive: ArrayLike<number>; clv: ArrayLike<number> },
): TierPotential[] {
  const at = new Map<string, number>();
  scored.customerId.forEach((id, k) => at.set(id.trim(), k));
  const rows = new Map<string, TierPotential>(
    order.map((t) => [t, { tier: t, customers: 0, meanAlive: 0, meanClv: 0, totalClv: 0 }]),
  );
  for (let i = 0; i < ids.length; i++) {
    const t = tiers[i];
    const row = t === null ? undefined : rows.get(t);
    const k = ids[i] === null || ids[i] === undefined ? undefined : at.get(String(ids[i]).trim());
    if (!row || k === undefined) continue;
    row.customers++;
    row.meanAlive += scored.pAlive[k];
    if (Number.isFinite(scored.clv[k])) row.totalClv += scored.clv[k];
  }
  for (const row of rows.values()) {
    row.meanAlive = row.customers ? row.meanAlive / row.customers : NaN;
    row.meanClv = row.customers ? row.totalClv / row.customers : NaN;
  }
  return [...rows.values()];
}
