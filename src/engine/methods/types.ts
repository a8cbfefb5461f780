import type { z } from "zod";
import type { Role } from "../headers";
import type { Lang, Reason } from "../reasons";
import type { WindowTotals } from "../window";

/** One cell of an output column: a number, a text, or blank. */
export type OutValue = string | number | null;

/** A name in both languages. */
export interface Names {
  readonly zh: string;
  readonly en: string;
}

/** One tier of a method, best first in {@link MethodDef.tiers}: its key, its names and its colour. */
export interface TierInfo {
  /** Stable key that travels through results, history and plans ("gold", "A", "5", "important-value"). */
  readonly key: string;
  readonly name: Names;
  /** Fill colour `#RRGGBB` (text colour on it comes from `textOn` in `../colour`). */
  readonly colour: string;
  /** Visits a month the policy sets for this tier, when it sets one. */
  readonly visits?: number;
  /** Benefits, per language, already cumulated where the policy says higher tiers keep lower ones'. */
  readonly benefits?: { readonly zh: readonly string[]; readonly en: readonly string[] };
  /** The most visits a month, when the policy gives a range (`visits` is then the least). */
  readonly maxVisits?: number;
  /** The policy's actions for this tier (策略: 专属客户经理, 定期回访 …), per language, not cumulated. */
  readonly strategies?: { readonly zh: readonly string[]; readonly en: readonly string[] };
}

/** The chart that tells a method's story best. */
export type ChartKind = "pareto" | "pyramid" | "grid" | "rfm" | "stars" | "distribution";

/** A role a method reads: which must be mapped, which are optional. */
export interface RoleNeed {
  readonly role: Role | "tenure_days" | "month_columns" | "ratings";
  readonly optional?: boolean;
}

/** A row problem found by a method: the reason and the header of the cell it is about. */
export type RowReason = Reason & { readonly column?: string };

/**
 * What a method reads per customer, prepared by the grading driver from customers or aggregated
 * orders. Columns are numbers (NaN where the cell could not be read, with the reason beside it).
 */
export interface MethodInput {
  readonly n: number;
  /** As-of day (days since 1970-01-01). */
  readonly asOf: number;
  readonly headers: readonly string[];
  readonly mapping: Readonly<Partial<Record<Role, number>>>;
  /** Rows that already failed before the method ran (duplicate id, unreadable orders). */
  readonly failed: readonly (RowReason | null)[];
  /** The numeric column `key` (a role such as `amount`, `recency_days`, or a header); throws when unmapped. */
  numeric(key: string): Float64Array;
  /** The numeric column `key` when the sheet has it, without asking for it. */
  peek(key: string): Float64Array | undefined;
  /** The key of a rule's column: a role it knows, or a header of the sheet read as numbers. */
  columnKey(column: string): string;
  /** Marks rows where one of `keys` has no value, with the first reason. */
  requireValid(keys: readonly string[], issue: (RowReason | null)[]): void;
  /** Copies of the columns `keys` with NaN in rows that have an issue (so they are not graded). */
  masked(keys: readonly string[], issue: readonly (RowReason | null)[]): Float64Array[];
  /** Raw cells of a header, one per customer (first order row for orders). */
  cells(header: string): unknown[];
  /** Why a cell of column `key` could not be read, per row (null where it was). */
  reasons(key: string): readonly (Reason | null)[] | undefined;
  /** The header a column key comes from, for messages. */
  label(key: string): string;
  /** Throws the readable "this policy needs a column for …" error. */
  need(role: Role, context?: Reason): number;
  /**
   * Orders input only: spend, count, first and last day per customer over the orders dated `from` to
   * `to` (day numbers, both included), and the sum of the header `extra` over the same orders.
   */
  windowed?(from: number, to: number, extra?: string): WindowTotals;
  /**
   * Orders input only: the readable order rows behind the customers (customer index, day, amount),
   * for a method that counts purchases itself (CLV counts days with a purchase).
   */
  orderRows?(): { customer: Uint32Array; day: Float64Array; amount: Float64Array };
}

/** What a method returns: a tier key per row (null where none), its own columns, and row problems. */
export interface MethodRun {
  readonly tier: (string | null)[];
  readonly issue: (RowReason | null)[];
  /** The method's own output columns, in order (`r, f, m, rfm`; `abc`; `score, stars, class`). */
  readonly columns: [string, OutValue[]][];
  /** The value whose share the summary reports per tier (sales); the amount column when absent. */
  readonly summaryValue?: Float64Array;
  /** About the whole run, not a row: a fitted model that does not fit these customers (clv). */
  readonly warnings?: Reason[];
}

/**
 * Everything about one grading method, in one place: the registry (`./index.ts`) is how every
 * other layer (grade driver, history, visits, SQL, the pane's editors, charts) asks about a method.
 */
export interface MethodDef<R extends { method: string }> {
  /** The `method` value of its rule sets. */
  readonly id: R["method"];
  /** The rule-set schema (zod), `method` as the discriminating literal. */
  readonly schema: z.ZodType<R>;
  /** What a schema cannot say (thresholds in order, weights that add up): throws TierError. */
  check(rules: R): void;
  /** The columns it reads. */
  needs(rules: R): RoleNeed[];
  /** Its tiers, best first: the order for summaries, charts and up/down between periods. */
  tiers(rules: R): TierInfo[];
  /** Grades the customers. */
  run(input: MethodInput, rules: R): MethodRun;
  /** The chart that suits it. */
  readonly chart: ChartKind;
  /**
   * Output columns whose values are tier keys, shown at the edge as the tier's name (`segment`) or
   * its benefits (`benefits`), like the `tier` column itself.
   */
  readonly keyColumns?: Readonly<Record<string, "name" | "benefits">>;
  /** Why each graded customer got their tier: the rule or cut, with this run's numbers (issue 17). */
  explain?(input: MethodInput, rules: R, run: MethodRun): (Reason | null)[];
  /** Per graded customer, the smallest change in one input that reaches a higher tier (issue 17). */
  next?(input: MethodInput, rules: R, run: MethodRun): (NextStep | null)[];
  /**
   * A grader of one customer with some inputs changed (`{ role: value }`), this run's cut points held
   * fixed: what `next` searches with and what the replay test re-grades with.
   */
  regrade?(input: MethodInput, rules: R, run: MethodRun): Regrade;
  /** Where a tier starts on the value history keeps as the score (the amount): for retention (保级). */
  startOf?(rules: R, tier: string): number | undefined;
}

/** Grades row `row` with the inputs in `changes` replaced; the tier key, or null for none. */
export type Regrade = (row: number, changes: Readonly<Record<string, number>>) => string | null;

/**
 * A customer's next step: set input `role` (a column key: `amount`, `frequency`, a rating header)
 * from `from` to `to` and they reach `tier`; `estimate` when the cut it crosses is a share of this
 * run's total that the change itself would move. Or `none`: a code saying why there is none.
 */
export type NextStep =
  | {
      readonly tier: string;
      readonly role: string;
      /** The header the input comes from, for sentences. */
      readonly column: string;
      readonly from: number;
      readonly to: number;
      readonly estimate?: boolean;
    }
  | { readonly none: string };

/** Picks the zh or en half of a bilingual name. */
export function pick(names: Names, lang: Lang): string {
  return names[lang];
}
