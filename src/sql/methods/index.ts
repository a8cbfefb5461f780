import { TierError } from "../../engine/errors";
import type { Method, RuleSet } from "../../engine/ruleset";
import type { Query } from "../query";
import { abcSql } from "./abc";
import { clvSql } from "./clv";
import { gridSql } from "./grid";
import { levelSql } from "./level";
import { lifecycleSql } from "./lifecycle";
import { pyramidSql } from "./pyramid";
import { rfmSql } from "./rfm";
import { rfm8Sql } from "./rfm8";
import { rulesSql } from "./rules";
import { scorecardSql } from "./scorecard";

/**
 * Methods whose SQL entry only says that they have no SQL form (their model is fitted on the data).
 *
 * @example hasSqlForm("clv") // false
 */
export function hasSqlForm(method: Method): boolean {
  return method !== "clv" && method !== "kmeans";
}

/** The SQL of one method: reads its values through `q`, adds its CTEs and returns the whole query. */
export type SqlMethod<M extends Method> = (q: Query, rs: Extract<RuleSet, { method: M }>) => string;

/**
 * Every grading method's SQL, by method name. A method added to the rule set schema without an entry
 * here is a type error, so `toSql` never meets a method it cannot write.
 *
 * @example SQL_METHODS.abc(q, preset("abc") as Extract<RuleSet, { method: "abc" }>) // "-- tier: duckdb SQL … FROM classed\n"
 */
export const SQL_METHODS: { readonly [M in Method]: SqlMethod<M> } = {
  rfm: rfmSql,
  rfm8: rfm8Sql,
  abc: abcSql,
  pyramid: pyramidSql,
  level: levelSql,
  rules: rulesSql,
  lifecycle: lifecycleSql,
  scorecard: scorecardSql,
  grid: gridSql,
  clv: clvSql,
  // k-means is iterative (assign, move the centres, repeat): no single SQL query expresses it.
  kmeans: () => {
    throw new TierError("sql.noSqlForm", { method: "k-means" });
  },
};
