/**
 * The search behind every method's next step: try each candidate change of one input (the values at
 * which a cut or a condition flips), re-grade the customer with this run's cut points held fixed,
 * and keep the change that reaches the nearest tier above with the smallest relative change.
 */
import type { Role } from "../headers";
import type { MethodInput, MethodRun, NextStep, Regrade } from "../methods/types";
import type { Reason } from "../reasons";

/** One change to try: set input `role` (read from header `column`) to `to`. */
export interface Candidate {
  readonly role: string;
  readonly column: string;
  readonly from: number;
  readonly to: number;
}

/** Whole numbers (orders, days, ratings) move by 1; amounts by a cent. */
export const WHOLE_ROLES: ReadonlySet<string> = new Set([
  "frequency",
  "recency_days",
  "tenure_days",
  "rating",
]);

/**
 * The way a customer can move an input: spend and orders only grow, time since the last order only
 * shrinks (by ordering again), tenure only grows. Other columns may move either way.
 */
export const DIRECTION: Readonly<Record<string, 1 | -1>> = {
  amount: 1,
  frequency: 1,
  tenure_days: 1,
  recency_days: -1,
  rating: 1,
  current_value: 1,
  potential: 1,
};

/** The step of a role's values: 1 for counts and days, 0.01 (a cent) otherwise. */
export function stepOf(role: string): number {
  return WHOLE_ROLES.has(role) ? 1 : 0.01;
}

/**
 * The smallest value on the step grid that is ≥ `bound` (`strict`: > `bound`).
 *
 * @example atLeast(4999.994, 0.01, false) // 5000
 */
export function atLeast(bound: number, step: number, strict: boolean): number {
  // Whole steps, compared as the rounded value the user would type (2470.72, not 2470.7200000000003).
  let k = Math.ceil(bound / step - 1e-9);
  while (strict ? onGrid(k, step) <= bound : onGrid(k, step) < bound) k++;
  while (strict ? onGrid(k - 1, step) > bound : onGrid(k - 1, step) >= bound) k--;
  return onGrid(k, step);
}

function onGrid(k: number, step: number): number {
  return Math.round(k * step * 100) / 100;
}

/**
 * The largest value on the step grid that is ≤ `bound` (`strict`: < `bound`).
 *
 * @example atMost(30.5, 1, true) // 30
 */
export function atMost(bound: number, step: number, strict: boolean): number {
  let k = Math.floor(bound / step + 1e-9);
  while (strict ? onGrid(k, step) >= bound : onGrid(k, step) > bound) k--;
  while (strict ? onGrid(k + 1, step) < bound : onGrid(k + 1, step) <= bound) k++;
  return onGrid(k, step);
}

/**
 * Next steps, nearest tier above first: per graded row, every candidate is re-graded; among those
 * that reach a better tier, the nearest such tier wins, then the smallest change relative to the
 * current value. The top tier gets `next.top`; a row no single change lifts gets `next.noSingleChange`.
 *
 * @example searchNext(run, ["gold", "silver"], (i) => [{ role: "amount", column: "消费", from: 8640, to: 10000 }], regrade)
 */
export function searchNext(
  run: MethodRun,
  order: readonly string[],
  candidates: (row: number) => readonly Candidate[],
  regrade: Regrade,
  estimate = false,
): (NextStep | null)[] {
  const rank = new Map(order.map((k, i) => [k, i]));
  return run.tier.map((t, i) => {
    if (t === null || run.issue[i]) return null;
    const here = rank.get(t) ?? order.length;
    if (here === 0) return { none: "next.top" };
    let best: Candidate | undefined;
    let bestRank = -1;
    let bestCost = Infinity;
    for (const c of candidates(i)) {
      if (!Number.isFinite(c.to) || c.to === c.from) continue;
      const way = DIRECTION[c.role];
      if (way !== undefined && Math.sign(c.to - c.from) !== way) continue;
      if (c.to < 0 && c.role !== "amount") continue;
      const got = regrade(i, { [c.role]: c.to });
      const r = got === null ? undefined : rank.get(got);
      if (r === undefined || r >= here) continue;
      const cost = Math.abs(c.to - c.from) / Math.max(Math.abs(c.from), 1);
      if (r > bestRank || (r === bestRank && cost < bestCost)) {
        best = c;
        bestRank = r;
        bestCost = cost;
      }
    }
    if (!best) return { none: "next.noSingleChange" };
    return {
      tier: order[bestRank],
      role: best.role,
      column: best.column,
      from: best.from,
      to: best.to,
      ...(estimate ? { estimate: true } : {}),
    };
  });
}

/** Columns the driver works out rather than reads (tenure from the first order, order counts). */
const DERIVED = new Set(["tenure_days", "recency_days", "frequency"]);

/**
 * The column a reason quotes: the sheet's header, or the role's name for a value worked out from
 * other columns (tenure from the first purchase date reads "会龄（天）", not "首次消费日期").
 *
 * @example columnOf(input, "tenure_days") // { code: "why.role.tenure_days" }
 */
export function columnOf(input: MethodInput, key: string): string | Reason {
  return DERIVED.has(key) && input.mapping[key as Role] === undefined
    ? { code: `why.role.${key}` }
    : input.label(key);
}
