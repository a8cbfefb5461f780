/**
 * `tier sql`: prints the query that grades a database table the way `tier grade` grades a sheet.
 *
 *   tier sql (--preset NAME | --rules FILE.json) --dialect duckdb|postgres|spark --table NAME
 *            [--input orders|customers] [--map ROLE=COLUMN]... [--months COL,COL,...]
 *            [--as-of YYYY-MM-DD] [--lang en|zh]
 */
import { parseArgs } from "node:util";
import { formatDay, todayDay } from "../engine/dates";
import { TierError } from "../engine/errors";
import { DIALECTS, type Dialect } from "../sql/dialect";
import { toSql } from "../sql/generate";
import { inputOption, langOption, parseMap, POLICY_OPTIONS, ruleSetOf, TABLE_OPTIONS } from "./options";

export const SQL_USAGE = `  tier sql (--preset NAME | --rules FILE.json) --dialect duckdb|postgres|spark --table NAME
           [--input orders|customers] [--map ROLE=COLUMN]... [--months COL,COL,...] [--as-of YYYY-MM-DD] [--lang en|zh]`;

/** Prints the query on `out`; throws TierError for a usage or rules mistake. */
export async function sqlCommand(args: readonly string[], io: { out: (s: string) => void }): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: {
      ...POLICY_OPTIONS,
      ...TABLE_OPTIONS,
      dialect: { type: "string" },
      table: { type: "string" },
      months: { type: "string" },
    },
  });
  if (positionals.length) throw new TierError("cli.sqlNoFile", { got: positionals[0] });
  if (!values.dialect || !DIALECTS.includes(values.dialect as Dialect))
    throw new TierError("cli.badDialect", { dialects: [...DIALECTS], got: values.dialect ?? "" });
  if (!values.table) throw new TierError("cli.needTable");
  const input = inputOption(values.input) ?? "orders";
  const lang = langOption(values.lang);
  const map = parseMap(values.map, "COLUMN");
  const ruleSet = await ruleSetOf(values);
  io.out(
    toSql(ruleSet, {
      dialect: values.dialect as Dialect,
      table: values.table,
      input,
      map,
      asOf: values["as-of"] ?? formatDay(todayDay()),
      lang,
      months: values.months?.split(",").map((s) => s.trim()),
    }),
  );
  return 0;
}
