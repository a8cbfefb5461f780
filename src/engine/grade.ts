import { todayDay } from "./dates";
import { guessInputKind, resolveMapping, type Role } from "./headers";
import {
  needColumn,
  fromCustomers,
  fromOrders,
  isLineItems,
  type Uncounted,
  type UncountedReason,
} from "./input";
import { methodOf, tiersOf, type OutValue, type RuleSet, type TierInfo } from "./methods";
import type { MethodDef, MethodInput, MethodRun, NextStep } from "./methods";
import type { Problem, Reason } from "./reasons";
import type { SheetTable } from "./table";
import { readText } from "./values";

import type { Lang } from "./reasons";
export type { Lang };
export type { OutValue } from "./methods";
export type InputKind = "orders" | "customers";

export interface GradeOptions {
  /** Orders (one row per purchase) or customers (one row each); guessed when absent. */
  input?: InputKind;
  /** Role → header overrides (`--map amount=销售额`). */
  map?: Readonly<Record<string, string>>;
  /** As-of day (days since 1970-01-01); today when absent. */
  asOf?: number;
  /** Adds each customer's reason and next step (`why`, `next` and their output columns; issue 17). */
  explain?: boolean;
}

export type { Problem };

export interface TierCount {
  /** The tier's key (label it at the edge with the result's `tiers`). */
  tier: string;
  customers: number;
  customerShare: number;
  amount: number;
  amountShare: number;
  /** The tier's strategies (策略) as one text, set at the edge by `presentResult` when it has some. */
  strategy?: string;
}

export interface GradeResult {
  ruleSet: RuleSet;
  input: InputKind;
  inputGuessed: boolean;
  /** Role → header actually used. */
  mapping: Record<string, string>;
  asOf: number;
  /** Output columns in order; the first is customer_id, the last two tier and issue. */
  keys: string[];
  /**
   * Output columns. `tier` (and the method's key columns, such as `segment`) hold tier keys; `issue`
   * holds no text: the reasons are in `issues`. The edges label both (`presentResult` in src/i18n).
   */
  columns: Record<string, OutValue[]>;
  /** Per output row: why it got no tier, or null. */
  issues: (Reason | null)[];
  /** Per output row: what to know about a tier given on part of the rows (orders left out), or null. */
  notes: (Reason | null)[];
  /** The method's tiers, best first, with names in both languages and colours. */
  tiers: TierInfo[];
  /** Per output row: the 1-based sheet row it came from (first order row for orders). */
  sourceRow: number[];
  /** Problems of rows (order rows for orders, customer rows otherwise), by sheet row. */
  problems: Problem[];
  /** Customers per tier in tier order, with their share of the amount where there is one. */
  summary: TierCount[];
  graded: number;
  ungraded: number;
  /** With `explain`: per output row, why the customer got their tier (the rule or cut, with the numbers). */
  why?: (Reason | null)[];
  /** With `explain`: per output row, the smallest one-input change to a higher tier, or why there is none. */
  next?: (NextStep | null)[];
  /** Rows not counted as customers or purchases, grouped by why (returns, blank ids, total rows). */
  uncounted?: Uncounted[];
  /** About the whole run (the clv policy's model does not fit): codes, worded at the edge. */
  warnings?: Reason[];
}

/**
 * Grades a sheet with a rule set: the one driver behind the command line, the pane and the tests.
 * Reads the mapped columns, aggregates orders when the sheet holds orders, runs the method from the
 * registry, and returns tier keys, the method's columns and, for rows that got none, the reason.
 *
 * @example grade(tableFromRows(rows, false, "Sheet1"), PRESETS.abc).columns.tier // ["A", "C", …]
 */
export function grade(table: SheetTable, ruleSet: RuleSet, options: GradeOptions = {}): GradeResult {
  const asOf = options.asOf ?? todayDay();
  const mapping = resolveMapping(table.headers, options.map ?? {});
  const idCol = mapping.customer_id;
  let input: InputKind;
  let inputGuessed = false;
  if (options.input) input = options.input;
  else {
    inputGuessed = true;
    const ids = idCol === undefined ? [] : table.rows.map((r) => r[idCol]);
    input = idCol === undefined ? "customers" : guessInputKind(ids, mapping.date !== undefined);
  }
  if (input === "orders") {
    // An orders table has one purchase date per row; a guessed "last date" header is that date.
    if (mapping.date === undefined && mapping.last_date !== undefined) mapping.date = mapping.last_date;
    for (const role of ["customer_id", "date", "amount"] as const)
      if (role !== "amount" || !isLineItems(mapping)) needColumn(mapping, role, table.headers);
  }
  // Rows the reader found are not records (totals, footnotes, a units row) are listed as left out.
  const problems: Problem[] = [...(table.excluded ?? [])];
  const prepared = (input === "orders" ? fromOrders : fromCustomers)(table, mapping, asOf, problems);
  const method = methodOf(ruleSet);
  const out = method.run(prepared.input, ruleSet);
  const n = prepared.ids.length;
  // Before the driver blanks rows it left out, so reasons and steps see the method's own run.
  const explained = options.explain ? explainRun(method, prepared.input, ruleSet, out) : undefined;

  const keys = ["customer_id"];
  const columns: Record<string, OutValue[]> = { customer_id: prepared.ids };
  if (mapping.name !== undefined) {
    keys.push("name");
    columns.name = prepared.input.cells(table.headers[mapping.name]).map((v) => readText(v) || null);
  }
  for (const [k, v] of out.columns) {
    keys.push(k);
    columns[k] = v;
  }
  const issues: (Reason | null)[] = new Array(n).fill(null);
  let graded = 0;
  let notCustomers = 0;
  for (let i = 0; i < n; i++) {
    if (prepared.notCustomer[i]) {
      notCustomers++;
      out.tier[i] = null;
      continue;
    }
    const early = prepared.failed[i];
    const late = out.issue[i];
    issues[i] = early ?? late;
    if (!early && late) {
      const { column, ...reason } = late;
      problems.push({ ...reason, row: prepared.sourceRow[i], ...(column !== undefined ? { column } : {}) });
    }
    if (issues[i]) out.tier[i] = null;
    else if (out.tier[i] !== null) graded++;
  }
  if (method.tiers(ruleSet).some((t) => t.strategies)) {
    // The policy's actions per tier (策略): tier keys here, worded at the edge like benefits.
    keys.push("strategy");
    columns.strategy = [...out.tier];
  }
  keys.push("tier", "issue");
  columns.tier = out.tier;
  columns.issue = new Array(n).fill(null);
  if (input === "orders") {
    // Orders: a customer graded on part of its rows says which were left out.
    keys.push("note");
    columns.note = new Array(n).fill(null);
  }
  if (explained) {
    // Filled with sentences at the edge (presentResult), like `issue`.
    for (let i = 0; i < n; i++)
      if (out.tier[i] === null) {
        explained.why[i] = null;
        explained.next[i] = null;
      }
    keys.push("reason", "next_tier", "next_step");
    columns.reason = new Array(n).fill(null);
    columns.next_tier = explained.next.map((s) => (s && "tier" in s ? s.tier : null));
    columns.next_step = new Array(n).fill(null);
  }
  problems.sort((a, b) => a.row - b.row);

  const tiers = tiersOf(ruleSet);
  const usedMapping: Record<string, string> = {};
  for (const [role, idx] of Object.entries(mapping) as [Role, number | undefined][])
    if (idx !== undefined) usedMapping[role] = table.headers[idx];
  return {
    ruleSet,
    input,
    inputGuessed,
    mapping: usedMapping,
    asOf,
    keys,
    columns,
    issues,
    notes: prepared.notes,
    tiers,
    sourceRow: prepared.sourceRow,
    problems,
    summary: summarise(
      tiers.map((t) => t.key),
      out.tier,
      out.summaryValue ?? prepared.input.peek("amount"),
    ),
    graded,
    ungraded: n - graded - notCustomers,
    uncounted: uncountedRows(table, prepared.uncounted ?? []),
    ...(explained ? { why: explained.why, next: explained.next } : {}),
    ...(out.warnings?.length ? { warnings: out.warnings } : {}),
  };
}

/** The method's reasons and next steps, blank where it has none. */
function explainRun<R extends RuleSet>(
  method: MethodDef<R>,
  input: MethodInput,
  rules: R,
  run: MethodRun,
): { why: (Reason | null)[]; next: (NextStep | null)[] } {
  const n = run.tier.length;
  return {
    why: method.explain?.(input, rules, run) ?? new Array<Reason | null>(n).fill(null),
    next: method.next?.(input, rules, run) ?? new Array<NextStep | null>(n).fill(null),
  };
}

const SHAPE_REASONS: Readonly<Record<string, UncountedReason>> = {
  "table.totalRow": "totalRow",
  "table.sumRow": "totalRow",
  "table.unitsRow": "unitsRow",
  "table.footnote": "footnote",
};

/** The rows the reader set aside (totals, units, footnotes) added to the input's own, most rows first. */
function uncountedRows(table: SheetTable, own: readonly Uncounted[]): Uncounted[] {
  const counts = new Map<UncountedReason, number>(own.map((u) => [u.reason, u.rows]));
  for (const p of table.excluded ?? []) {
    const why = SHAPE_REASONS[p.code] ?? "other";
    counts.set(why, (counts.get(why) ?? 0) + 1);
  }
  return [...counts].map(([reason, rows]) => ({ reason, rows })).sort((a, b) => b.rows - a.rows);
}

/** Customers and (non-negative) amount per tier key, in tier order, with shares of the graded. */
function summarise(
  order: readonly string[],
  tier: readonly (string | null)[],
  amount?: Float64Array,
): TierCount[] {
  const count = new Map<string, number>(order.map((t) => [t, 0]));
  const sum = new Map<string, number>(order.map((t) => [t, 0]));
  let graded = 0;
  let total = 0;
  for (let i = 0; i < tier.length; i++) {
    const t = tier[i];
    if (t === null) continue;
    graded++;
    count.set(t, (count.get(t) ?? 0) + 1);
    const a = amount && Number.isFinite(amount[i]) ? Math.max(amount[i], 0) : 0;
    sum.set(t, (sum.get(t) ?? 0) + a);
    total += a;
  }
  return [...count.keys()].map((t) => ({
    tier: t,
    customers: count.get(t)!,
    customerShare: graded ? count.get(t)! / graded : 0,
    amount: sum.get(t)!,
    amountShare: total ? sum.get(t)! / total : 0,
  }));
}

/**
 * A graded result as a user reads it, in one language: `columns.tier` (and the method's key columns)
 * hold tier names, `columns.issue` the reason as a sentence, `summary[].tier` tier names. Made by
 * `presentResult` in src/i18n at the edge; the keys stay in `tierKeys`.
 */
export interface PresentedResult extends GradeResult {
  readonly lang: Lang;
  /** The tier key per output row (what history and plans compare). */
  readonly tierKeys: readonly (string | null)[];
  /** Per problem in `problems`: its sentence in `lang`, with the column it is about. */
  readonly problemTexts: readonly string[];
  /** Per warning in `warnings`: its sentence in `lang`. */
  readonly warningTexts?: readonly string[];
}
