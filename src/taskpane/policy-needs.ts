/**
 * What each preset needs from a sheet, as a small local table, until the method registry (issue 11)
 * gives every method its own `needs`: then `NEEDS` is replaced by the registry's answer and the rest of
 * this file stays. Also the number of customers a manager can look after, where a policy says so.
 */
import { readDate } from "../engine/dates";
import type { Role } from "../engine/headers";
import type { SheetTable } from "../engine/table";

export interface Needs {
  /** Roles the policy cannot grade without. */
  required: readonly Role[];
  /** Roles it uses when present (shown as optional). */
  optional?: readonly Role[];
}

/** Needed roles per preset (the presets' rules and the methods' inputs, read by hand). */
export const NEEDS: Readonly<Record<string, Needs>> = {
  rfm: { required: ["customer_id", "date", "amount"], optional: ["order_id"] },
  "rfm-r": { required: ["customer_id", "date", "amount"], optional: ["order_id"] },
  rfm8: { required: ["customer_id", "date", "amount"], optional: ["order_id"] },
  abc: { required: ["customer_id", "amount"], optional: ["manager", "area", "route_order"] },
  // The tobacco retailers' policy: monthly sales columns, visited by route, per account manager.
  "abc-months": { required: ["customer_id", "manager", "route_order"], optional: ["area"] },
  pyramid: { required: ["customer_id", "amount"] },
  membership: { required: ["customer_id", "amount", "frequency"], optional: ["last_date", "phone"] },
  lifecycle: { required: ["customer_id", "first_date", "last_date"], optional: ["frequency"] },
  scorecard: { required: ["customer_id", "stage"] },
  dealer: { required: ["customer_id", "stage"] },
  grid9: { required: ["customer_id", "potential", "current_value"], optional: ["manager"] },
  // Issue 14's presets; their text columns (客户类型, 满意度 …) are headers, not roles.
  "three-level": { required: ["customer_id"], optional: ["amount", "manager"] },
  "four-level": { required: ["customer_id", "amount", "frequency", "potential"] },
  "senior-mid": { required: ["customer_id", "amount", "frequency"] },
  loyalty: { required: ["customer_id"] },
  "walk-in": { required: ["customer_id", "amount", "frequency"] },
  ladder: { required: ["customer_id", "frequency"] },
  kmeans: { required: ["customer_id", "amount"], optional: ["date", "last_date", "frequency"] },
};

/** Customers one manager looks after, where the policy says (烟草: 80–100 retailers per account manager). */
export const MANAGER_LOAD: Readonly<Record<string, { min: number; max: number }>> = {
  "abc-months": { min: 80, max: 100 },
};

export interface Suggestion {
  policy: string;
  /** Needed roles and the header found for each (undefined when missing). */
  found: { role: Role; header?: string }[];
  complete: boolean;
}

/**
 * The preset whose needed columns the sheet has: every required role found, the most required roles
 * first (the most specific policy), then the most optional ones, then the presets' own order.
 *
 * @example suggestPolicy(["rfm", "abc"], ["Customer ID", "Order Date", "Amount"], { customer_id: 0, date: 1, amount: 2 }).policy // "rfm"
 */
export function suggestPolicy(
  names: readonly string[],
  headers: readonly string[],
  mapping: Partial<Record<Role, number>>,
): Suggestion | null {
  let best: { s: Suggestion; score: number } | null = null;
  for (const policy of names) {
    const needs = NEEDS[policy];
    if (!needs) continue;
    const found = needs.required.map((role) => ({
      role,
      header: mapping[role] === undefined ? undefined : headers[mapping[role]!],
    }));
    const have = found.filter((f) => f.header !== undefined).length;
    const extra = (needs.optional ?? []).filter((r) => mapping[r] !== undefined).length;
    const complete = have === needs.required.length;
    // Complete policies always beat incomplete ones; among them the more specific, then the richer.
    const score = (complete ? 1000 : 0) + have * 10 + extra;
    if (!best || score > best.score) best = { s: { policy, found, complete }, score };
  }
  return best?.s ?? null;
}

/**
 * The last day in the sheet's order-date (or last-purchase) column, or null when it has none: the
 * as-of date an old file should be graded at.
 *
 * @example lastDateOf(table, { date: 2 }) // 15318, 2011-12-09 for the Online Retail file
 */
export function lastDateOf(table: SheetTable, mapping: Partial<Record<Role, number>>): number | null {
  const col = mapping.date ?? mapping.last_date;
  if (col === undefined) return null;
  let last = -Infinity;
  for (const row of table.rows) {
    const day = readDate(row[col], { date1904: table.date1904 });
    if (typeof day === "number" && day > last) last = day;
  }
  return Number.isFinite(last) ? last : null;
}
