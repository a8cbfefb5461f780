/**
 * One SQL query per rule set that grades a whole table inside the database (DuckDB, PostgreSQL or
 * Spark SQL) and returns the columns `tier grade` prints, row for row: the same cut points, the same
 * tie rules, the same tier names. Pure string building: no Node, no database.
 */
import { formatDay } from "../engine/dates";
import { tiersOf } from "../engine/methods";
import { parseRuleSet, type RuleSet } from "../engine/ruleset";
import type { Dialect } from "./dialect";
import { SQL_METHODS } from "./methods";
import { Query, type SqlOptions } from "./query";

export type { Dialect } from "./dialect";
export type { SqlOptions } from "./query";

/**
 * One query that grades `options.table` with the rule set and returns `customer_id`, the method's
 * columns, `tier` and `issue` (in no particular order unless `order` is set): the same rows `tier grade` gives, for every
 * method (RFM quantile / rfm-r / fixed with segments, rfm8, ABC by share or amount or monthly average,
 * pyramid, level, rule tables, lifecycle, scorecards with stage weights, nine-grid). Each method's SQL
 * lives in its own module under `methods/`, reached through {@link SQL_METHODS}.
 *
 * @example toSql(preset("abc"), { dialect: "duckdb", table: "sales", input: "customers", asOf: "2025-12-31" })
 */
export function toSql(ruleSet: RuleSet, options: SqlOptions): string {
  const rs = parseRuleSet(ruleSet);
  const q = new Query(options);
  q.strategyTiers = tiersOf(rs);
  // TypeScript cannot tie SQL_METHODS[rs.method] to rs's own member of the union; the record's type
  // already pairs each method with the rules of that method.
  const write = SQL_METHODS[rs.method] as (q: Query, rs: RuleSet) => string;
  return write(q, rs);
}

/** What the pane knows after grading a sheet: orders or customers, and role → header. */
export interface PaneMapping {
  input: "orders" | "customers";
  mapping: Readonly<Record<string, string>>;
  /** The table name to put in the query; the sheet's name when absent. */
  table?: string;
}

/**
 * The pane's "copy as SQL": the query for the rule set and the columns the user mapped, with the
 * sheet standing for a table of the same name. `asOf` is a day number (as `grade` takes) or YYYY-MM-DD.
 *
 * @example sqlForPane(preset("rfm"), { input: "orders", mapping: { customer_id: "客户编号", date: "日期", amount: "金额" }, table: "orders" }, "postgres", "2025-12-31")
 */
export function sqlForPane(
  ruleSet: RuleSet,
  mapping: PaneMapping,
  dialect: Dialect,
  asOf: number | string,
  lang: "en" | "zh" = "en",
): string {
  return toSql(ruleSet, {
    dialect,
    table: mapping.table ?? "sheet",
    input: mapping.input,
    map: mapping.mapping,
    asOf: typeof asOf === "number" ? formatDay(asOf) : asOf,
    lang,
  });
}
