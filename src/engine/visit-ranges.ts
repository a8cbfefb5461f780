/**
 * Visit ranges within a capacity (spec "Visit ranges"): a tier asks for `min..max` visits a month, a
 * representative makes at most `capacity` calls a day. Every customer first gets its least (capped at
 * the working days) in priority order, then visits are added up to its most in the same order, while
 * the manager's month (capacity × working days) has room. Priority order: tier order (A before B
 * before C), then the larger value first, then the sheet's order.
 */

import type { Lang, PresentedResult } from "./grade";
import { tiersOf } from "./methods";
import type { RuleSet } from "./ruleset";
import type { VisitCustomer } from "./visits";

/** One customer of a range plan. */
export interface RangeCustomer {
  tier: string;
  min: number;
  max: number;
  /** What orders customers within a tier (current prescriptions, sales); larger first. */
  value: number;
  manager?: string;
}

/**
 * Visits a month per customer, within `capacity` calls a day over `workingDays`, per manager.
 *
 * @example allocateVisits([{ tier: "A", min: 4, max: 6, value: 1 }], 20, 10, ["A"]) // Int32Array [6]
 */
export function allocateVisits(
  customers: readonly RangeCustomer[],
  workingDays: number,
  capacity: number,
  tierOrder: readonly string[],
): Int32Array {
  const rank = new Map(tierOrder.map((t, r) => [t, r]));
  const order = customers
    .map((_, i) => i)
    .sort(
      (a, b) =>
        (rank.get(customers[a].tier) ?? Infinity) - (rank.get(customers[b].tier) ?? Infinity) ||
        (customers[b].value || 0) - (customers[a].value || 0) ||
        a - b,
    );
  const budget = new Map<string, number>();
  const left = (i: number) => budget.get(customers[i].manager ?? "") ?? capacity * workingDays;
  const spend = (i: number, k: number) => budget.set(customers[i].manager ?? "", left(i) - k);
  const out = new Int32Array(customers.length);
  // The least first, for everyone in priority order: a customer that does not fit gets none.
  for (const i of order) {
    const want = Math.min(customers[i].min, workingDays);
    if (want <= left(i)) {
      out[i] = want;
      spend(i, want);
    }
  }
  // Then up to the most, one customer at a time in the same order.
  for (const i of order) {
    if (out[i] < Math.min(customers[i].min, workingDays)) continue;
    const more = Math.min(Math.min(customers[i].max, workingDays) - out[i], left(i));
    if (more > 0) {
      out[i] += more;
      spend(i, more);
    }
  }
  return out;
}

/** Coverage of the priority customers: who has at least its least visits (and at least one). */
export interface Coverage {
  customers: number;
  covered: number;
  share: number;
  target: number;
  met: boolean;
  /** Indices (into the customers) of the priority customers not covered. */
  uncovered: number[];
}

/**
 * Share of priority customers covered, against a target (拜访到的优先客户的百分比 ≥ 60 %).
 *
 * @example priorityCoverage([{ tier: "A", min: 4, max: 6, value: 1 }], [3], ["A"], 0.6).met // false
 */
export function priorityCoverage(
  customers: readonly RangeCustomer[],
  visits: ArrayLike<number>,
  priority: readonly string[],
  target: number,
): Coverage {
  const p = new Set(priority);
  let n = 0;
  let covered = 0;
  const uncovered: number[] = [];
  customers.forEach((c, i) => {
    if (!p.has(c.tier)) return;
    n++;
    if (visits[i] >= Math.max(c.min, 1)) covered++;
    else uncovered.push(i);
  });
  const share = n ? covered / n : 0;
  return { customers: n, covered, share, target, met: share >= target, uncovered };
}

/** A range plan's capacity, priority tiers (names) and their coverage. */
export interface RangedPlan {
  capacity: number;
  coverage: Coverage;
  priority: string[];
}

/**
 * Visit ranges (pharma: A 4–6, B 2–4, C 0–2 a month): when the policy's tiers carry a most, each
 * customer's visits are allocated within the daily capacity (the policy's, else 10) in priority
 * order, and the priority customers' coverage is measured against the policy's target (else 60 %).
 * Sets each customer's `visits`; undefined when no tier has a range.
 *
 * @example planRanges(preset("pharma"), "zh", result, customers, 21, undefined, order)?.coverage.share // 1
 */
export function planRanges(
  ruleSet: RuleSet,
  lang: Lang,
  result: PresentedResult,
  customers: VisitCustomer[],
  workingDays: number,
  capacity: number | undefined,
  order: readonly string[],
): RangedPlan | undefined {
  const tiers = tiersOf(ruleSet);
  const most = new Map(
    tiers.flatMap((t) => (t.maxVisits === undefined ? [] : [[t.name[lang], t.maxVisits]])),
  );
  if (most.size === 0) return undefined;
  const own = (key: "capacity" | "coverageTarget" | "priority") =>
    key in ruleSet ? (ruleSet as Partial<Record<typeof key, unknown>>)[key] : undefined;
  const cap = capacity ?? (own("capacity") as number | undefined) ?? 10;
  const graded = result.columns.tier.flatMap((t, i) => (t === null || t === undefined ? [] : [i]));
  const valueCol = result.columns.current_value ?? result.columns.amount ?? [];
  const range: RangeCustomer[] = customers.map((c, k) => ({
    tier: c.tier,
    min: c.visits,
    max: Math.max(c.visits, most.get(c.tier) ?? c.visits),
    value: Number(valueCol[graded[k]] ?? 0) || 0,
    manager: c.manager,
  }));
  const alloc = allocateVisits(range, workingDays, cap, order);
  customers.forEach((c, k) => (c.visits = alloc[k]));
  const keys = (own("priority") as string[] | undefined) ?? [];
  const priority = keys.length
    ? keys.flatMap((key) => tiers.filter((t) => t.key === key).map((t) => t.name[lang]))
    : order.slice(0, 1);
  const target = (own("coverageTarget") as number | undefined) ?? 0.6;
  return { capacity: cap, coverage: priorityCoverage(range, alloc, priority, target), priority };
}
