/**
 * Tier retention (保级) and hysteresis at re-evaluation (issue 17): a customer whose grading falls
 * below their previous tier keeps it while their value stays at or above that tier's keep-bar, and,
 * when the policy says so, until they have been below it for `periods` evaluations in a row. Applied
 * to the snapshots a re-evaluation compares, from the stored previous tiers and scores.
 */
import type { Snapshot } from "./history";
import { methodOf, tierKeyOf, tiersOf, type RuleSet, type TierInfo } from "./methods";
import type { Retention } from "./methods/retention";

export { retentionSchema, type Retention } from "./methods/retention";

/** A customer kept in their previous tier, and why: the keep-bar, or fewer periods below than the policy waits for. */
export interface Kept {
  customerId: string;
  /** The tier kept (key). */
  tier: string;
  /** The tier the grading gave (key). */
  graded: string;
  why: "bar" | "periods";
  /** The value compared (the snapshot's score). */
  value: number | null;
  /** The keep-bar, when it kept them. */
  bar?: number;
  /** Evaluations in a row below the tier, this one included. */
  below?: number;
  periods?: number;
}

/**
 * The current snapshots with retention applied, and who was kept. `earlier` holds the previous
 * evaluations (the latest is the one compared against; older ones count the periods below);
 * `start(tier)` is the value where a tier starts, for counting periods below when it has no keep-bar.
 *
 * @example
 * retain(now, before, tiers, { keep: { gold: 8000 } }).kept[0] // { customerId: "M7", tier: "gold", graded: "silver", why: "bar", value: 8640, bar: 8000 }
 */
export function retain(
  current: readonly Snapshot[],
  earlier: readonly Snapshot[],
  tiers: readonly TierInfo[],
  retention: Retention | undefined,
  start: (tier: string) => number | undefined = () => undefined,
): { current: Snapshot[]; kept: Kept[] } {
  if (!retention || (!retention.keep && (retention.periods ?? 1) <= 1))
    return { current: [...current], kept: [] };
  const rank = new Map(tiers.map((t, r) => [t.key, r]));
  const key = (t: string) => tierKeyOf(tiers, t);
  // Earlier evaluations, latest first, each as customer → snapshot.
  const groups = new Map<string, Snapshot[]>();
  for (const s of earlier) {
    const g = `${s.asOf}\u0000${s.period}`;
    groups.set(g, [...(groups.get(g) ?? []), s]);
  }
  const periods = [...groups.values()]
    .sort((a, b) => b[0].asOf - a[0].asOf)
    .map((g) => new Map(g.map((s) => [s.customerId, s])));
  const previous = periods[0] ?? new Map<string, Snapshot>();
  const kept: Kept[] = [];
  const out = current.map((s) => {
    const before = previous.get(s.customerId);
    const now = key(s.tier);
    const was = before && key(before.tier);
    if (now === undefined || was === undefined || rank.get(now)! <= rank.get(was)!) return s;
    const bar = retention.keep?.[was];
    if (bar !== undefined && s.score !== null && s.score >= bar) {
      kept.push({ customerId: s.customerId, tier: was, graded: now, why: "bar", value: s.score, bar });
      return { ...s, tier: before!.tier };
    }
    const wait = retention.periods ?? 1;
    if (wait > 1) {
      // This evaluation is below; so were the earlier ones where they held the tier on a lower value.
      const line = bar ?? start(was);
      let below = 1;
      for (const p of periods) {
        const e = p.get(s.customerId);
        if (!e || key(e.tier) !== was || line === undefined || e.score === null || !(e.score < line)) break;
        below++;
      }
      if (below < wait) {
        kept.push({
          customerId: s.customerId,
          tier: was,
          graded: now,
          why: "periods",
          value: s.score,
          below,
          periods: wait,
        });
        return { ...s, tier: before!.tier };
      }
    }
    return s;
  });
  return { current: out, kept };
}

/**
 * Retention applied with a rule set's own settings: its `retention` field and where its tiers start.
 * Without a `retention` field nothing changes.
 *
 * @example retainWith(rs, now, before).kept.length // 3
 */
export function retainWith(
  rs: RuleSet,
  current: readonly Snapshot[],
  earlier: readonly Snapshot[],
): { current: Snapshot[]; kept: Kept[] } {
  const retention = "retention" in rs ? rs.retention : undefined;
  const method = methodOf(rs);
  return retain(current, earlier, tiersOf(rs), retention, (t) => method.startOf?.(rs, t));
}
