/**
 * What each preset needs from a sheet: the method registry's `needs(rules)` (src/engine/methods), in
 * the columns a user maps, plus the columns its visit plan and notices use. Also the number of
 * customers a manager can look after, where a policy says so.
 */
import { readDate } from "../engine/dates";
import { guessMonthColumns, normaliseHeader, type Role } from "../engine/headers";
import { methodOf, type RoleNeed } from "../engine/methods";
import { ratingHeadersIn } from "../engine/methods/scorecard";
import { preset, PRESET_NAMES } from "../engine/presets";
import type { RuleSet } from "../engine/ruleset";
import type { SheetTable } from "../engine/table";

/** A column a policy needs: a role, the monthly sales columns, or the scorecard's rating columns. */
export type NeedRole = Role | "month_columns" | "ratings";

export interface Needs {
  /** Roles the policy cannot grade without. */
  required: readonly NeedRole[];
  /** Roles it uses when present (shown as optional). */
  optional?: readonly NeedRole[];
}

/**
 * A method's need as the column a user maps: recency comes from the order date (or a last-purchase
 * column), tenure from the first purchase date.
 */
const AS_COLUMN: Partial<Record<RoleNeed["role"], NeedRole>> = {
  recency_days: "date",
  tenure_days: "first_date",
};

/** Columns the policy's visit plan and notices use, beyond what its method reads (optional). */
const PLAN_COLUMNS: Readonly<Record<string, readonly Role[]>> = {
  rfm: ["order_id"],
  "rfm-r": ["order_id"],
  rfm8: ["order_id"],
  abc: ["manager", "area", "route_order"],
  // The tobacco retailers' policy: visited by route, per account manager.
  "abc-months": ["manager", "route_order", "area"],
  membership: ["last_date", "phone"],
  grid9: ["manager"],
  tobacco: ["manager", "route_order", "area"],
  loreal: ["order_id", "phone"],
  pharma: ["manager"],
};

/**
 * The columns a rule set needs, from its method's `needs` in the registry (required unless the method
 * says optional), with the plan's columns as optional.
 *
 * @example needsOf(preset("rfm"), "rfm").required // ["customer_id", "date", "frequency", "amount"]
 */
export function needsOf(ruleSet: RuleSet, name?: string): Needs {
  const required: NeedRole[] = [];
  const optional: NeedRole[] = [];
  for (const need of methodOf(ruleSet).needs(ruleSet as never)) {
    const role = AS_COLUMN[need.role] ?? (need.role as NeedRole);
    const list = need.optional ? optional : required;
    if (!required.includes(role) && !list.includes(role)) list.push(role);
  }
  for (const role of PLAN_COLUMNS[name ?? ""] ?? []) if (!required.includes(role)) optional.push(role);
  return { required, optional };
}

/** Needed columns per preset, from the registry. */
export const NEEDS: Readonly<Record<string, Needs>> = Object.fromEntries(
  PRESET_NAMES.map((name) => [name, needsOf(preset(name), name)]),
);

/**
 * The header (or headers) that give a needed column, or undefined: an orders sheet's date gives the
 * first and last purchase and the frequency; quantity × unit price gives the amount.
 *
 * @example columnFor("frequency", ["id", "日期"], { customer_id: 0, date: 1 }) // "日期"
 */
export function columnFor(
  need: NeedRole,
  headers: readonly string[],
  mapping: Partial<Record<Role, number>>,
  ruleSet?: RuleSet,
): string | undefined {
  const at = (col: number | undefined) => (col === undefined ? undefined : headers[col]);
  switch (need) {
    case "date":
      return at(mapping.date ?? mapping.last_date ?? mapping.recency_days);
    case "frequency":
    case "first_date":
    case "last_date":
      return at(mapping[need] ?? mapping.date);
    case "amount":
      if (mapping.amount === undefined && mapping.quantity !== undefined && mapping.unit_price !== undefined)
        return `${headers[mapping.quantity]} × ${headers[mapping.unit_price]}`;
      return at(mapping.amount);
    case "month_columns": {
      const months = guessMonthColumns(headers);
      return months.length ? `${headers[months[0]]}…${headers[months[months.length - 1]]}` : undefined;
    }
    case "ratings": {
      if (ruleSet?.method !== "scorecard") return undefined;
      const found = ratingHeadersIn(headers, ruleSet);
      return found.every((h) => h !== undefined) ? found.join("、") : undefined;
    }
    default:
      // A rule table's own column (客户类型, 满意度) is a header of the sheet, not a role.
      return at(mapping[need as Role]) ?? headers.find((h) => normaliseHeader(h) === normaliseHeader(need));
  }
}

/** Customers one manager looks after, where the policy says (烟草: 80–100 retailers per account manager). */
export { MANAGER_LOAD } from "../engine/manager-load";

export interface Suggestion {
  policy: string;
  /** Needed roles and the header found for each (undefined when missing). */
  found: { role: NeedRole; header?: string }[];
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
    const rs = preset(policy);
    const found = needs.required.map((role) => ({ role, header: columnFor(role, headers, mapping, rs) }));
    const have = found.filter((f) => f.header !== undefined).length;
    const extra = (needs.optional ?? []).filter(
      (r) => columnFor(r, headers, mapping, rs) !== undefined,
    ).length;
    const complete = have === needs.required.length;
    // Columns of the sheet the policy reads (each month column counts): among complete policies the
    // one that uses more of the sheet fits it better (the tobacco sheet's six months over one amount).
    const used = new Set(found.flatMap((f) => (f.header ? [f.header] : [])));
    const months = needs.required.includes("month_columns") ? guessMonthColumns(headers).length - 1 : 0;
    // Complete policies always beat incomplete ones; then the more of the sheet, then the richer.
    const score = (complete ? 1000 : 0) + (used.size + Math.max(0, months)) * 10 + extra;
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
