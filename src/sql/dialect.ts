/**
 * The few places DuckDB, PostgreSQL and Spark SQL differ for the grading queries: quoting, literals,
 * reading a cell as a number or a date without failing, and whole-day differences.
 */

export type Dialect = "duckdb" | "postgres" | "spark";

export const DIALECTS: readonly Dialect[] = ["duckdb", "postgres", "spark"];

export interface SqlDialect {
  name: Dialect;
  /** A quoted identifier: `"amount"` (DuckDB, PostgreSQL) or `` `amount` `` (Spark). */
  id(name: string): string;
  /** A quoted table name; dots separate schema (and catalog) from the table. */
  table(name: string): string;
  /** A string literal, escaped. */
  str(text: string): string;
  /** The double-precision type name. */
  double: string;
  /** The text type name. */
  text: string;
  /** The cell as a double, or NULL when it is blank or not a number (never an error). */
  num(expr: string): string;
  /** The cell as a date, or NULL when it is blank or not a date. */
  date(expr: string): string;
  /** Whole days from `from` to `to` (`to - from`), both dates. */
  days(from: string, to: string): string;
  /** A DATE literal. */
  dateLit(iso: string): string;
  /** Integer division of two whole-number (BIGINT) expressions, rounding down for non-negative ones. */
  idiv(a: string, b: string): string;
}

const doubleQuoted = (name: string): string => `"${name.replace(/"/g, '""')}"`;
const backQuoted = (name: string): string => `\`${name.replace(/`/g, "``")}\``;

// PostgreSQL has no TRY_CAST before version 16: test the text first, so that "abc" is NULL, not an error.
const PG_NUMBER = String.raw`^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$`;
const PG_DATE = String.raw`^\s*\d{4}-\d{1,2}-\d{1,2}([ T].*)?$`;

const duckdb: SqlDialect = {
  name: "duckdb",
  id: doubleQuoted,
  table: (name) => name.split(".").map(doubleQuoted).join("."),
  str: (t) => `'${t.replace(/'/g, "''")}'`,
  double: "DOUBLE",
  text: "VARCHAR",
  num: (e) => `TRY_CAST(${e} AS DOUBLE)`,
  date: (e) => `TRY_CAST(${e} AS DATE)`,
  days: (from, to) => `date_diff('day', ${from}, ${to})`,
  dateLit: (iso) => `DATE '${iso}'`,
  idiv: (a, b) => `(${a}) // ${b}`,
};

const postgres: SqlDialect = {
  name: "postgres",
  id: doubleQuoted,
  table: (name) => name.split(".").map(doubleQuoted).join("."),
  str: (t) => `'${t.replace(/'/g, "''")}'`,
  double: "DOUBLE PRECISION",
  text: "TEXT",
  num: (e) =>
    `CASE WHEN CAST(${e} AS TEXT) ~ '${PG_NUMBER}' THEN CAST(CAST(${e} AS TEXT) AS DOUBLE PRECISION) END`,
  // A text date that looks like YYYY-MM-DD but names no day (2025-02-30) still stops the query.
  date: (e) => `CASE WHEN CAST(${e} AS TEXT) ~ '${PG_DATE}' THEN CAST(CAST(${e} AS TEXT) AS DATE) END`,
  days: (from, to) => `(${to} - ${from})`,
  dateLit: (iso) => `DATE '${iso}'`,
  idiv: (a, b) => `(${a}) / ${b}`,
};

const spark: SqlDialect = {
  name: "spark",
  id: backQuoted,
  table: (name) => name.split(".").map(backQuoted).join("."),
  // Spark reads backslash escapes in literals, and '' would be two literals run together.
  str: (t) => `'${t.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`,
  double: "DOUBLE",
  text: "STRING",
  num: (e) => `TRY_CAST(${e} AS DOUBLE)`,
  date: (e) => `TRY_CAST(${e} AS DATE)`,
  days: (from, to) => `datediff(${to}, ${from})`,
  dateLit: (iso) => `DATE '${iso}'`,
  idiv: (a, b) => `(${a}) DIV ${b}`,
};

/** The helpers of one dialect. */
export function dialectOf(name: Dialect): SqlDialect {
  return { duckdb, postgres, spark }[name];
}
