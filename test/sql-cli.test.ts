import { describe, expect, it } from "vitest";
import { main } from "../src/cli/main";
import { preset } from "../src/engine/presets";
import { sqlForPane, toSql } from "../src/sql/generate";

async function run(...argv: string[]) {
  let out = "";
  let err = "";
  const code = await main(argv, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

describe("tier sql", () => {
  it("prints the query toSql gives for the same preset, dialect, table and mapping", async () => {
    const { code, out } = await run(
      "sql", "--preset", "rfm", "--dialect", "postgres", "--table", "sales.orders",
      "--map", "amount=net_amount", "--map", "date=order_date", "--as-of", "2025-12-31",
    ); // prettier-ignore
    expect(code).toBe(0);
    expect(out).toBe(
      toSql(preset("rfm"), {
        dialect: "postgres",
        table: "sales.orders",
        input: "orders",
        map: { amount: "net_amount", date: "order_date" },
        asOf: "2025-12-31",
      }),
    );
    expect(out).toContain('FROM "sales"."orders"');
    expect(out).toContain(`(DATE '2025-12-31' - last_day)`);
  });

  it("reads columns named like the roles when no --map is given", async () => {
    const { out } = await run(
      "sql",
      "--preset",
      "abc",
      "--dialect",
      "spark",
      "--table",
      "t",
      "--input",
      "customers",
      "--as-of",
      "2025-12-31",
    );
    expect(out).toContain("TRY_CAST(`amount` AS DOUBLE)");
    expect(out).toContain("TRIM(CAST(`customer_id` AS STRING))");
  });

  it("says what is wrong with a missing dialect, table or an unknown preset, exit 2", async () => {
    expect((await run("sql", "--preset", "rfm", "--table", "t")).err).toMatch(
      /--dialect must be one of duckdb, postgres, spark/,
    );
    expect((await run("sql", "--preset", "rfm", "--dialect", "duckdb")).err).toMatch(
      /--table NAME is required/,
    );
    const bad = await run("sql", "--preset", "nope", "--dialect", "duckdb", "--table", "t");
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/there is no preset "nope"/);
  });

  it("refuses a rule that tests a sheet column on an orders table, with the reason", async () => {
    const { code, err } = await run(
      "sql",
      "--preset",
      "scorecard",
      "--dialect",
      "duckdb",
      "--table",
      "t",
      "--input",
      "orders",
    );
    expect(code).toBe(2);
    // The SQL builder's reason names no flag; the command line adds the one that acts on it.
    expect(err).toMatch(/an orders table only has per purchase: grade a customer table\n/);
    expect(err).toMatch(/^tier: grade a customer table with --input customers$/m);
  });
});

describe("sqlForPane", () => {
  it("writes the pane's mapping and as-of day into the query, quoting Chinese headers", () => {
    const sql = sqlForPane(
      preset("abc"),
      { input: "customers", mapping: { customer_id: "客户编号", amount: "销售额" }, table: "客户表" },
      "duckdb",
      20453, // 2025-12-31 as a day number
      "zh",
    );
    expect(sql).toContain('TRY_CAST("销售额" AS DOUBLE)');
    expect(sql).toContain('FROM "客户表"');
    expect(sql).toContain("as of 2025-12-31");
    expect(sql).toContain("'A类'");
  });

  it("escapes quotes in names and literals for each dialect", () => {
    const rs = preset("membership");
    if (rs.method === "rules") rs.tiers[0].name.en = "It's new";
    const spark = sqlForPane(
      rs,
      { input: "orders", mapping: { amount: "a`b" }, table: "t" },
      "spark",
      "2025-12-31",
    );
    expect(spark).toContain("'It\\'s new'");
    expect(spark).toContain("`a``b`");
    const pg = sqlForPane(
      rs,
      { input: "orders", mapping: { amount: 'a"b' }, table: "t" },
      "postgres",
      "2025-12-31",
    );
    expect(pg).toContain("'It''s new'");
    expect(pg).toContain('"a""b"');
  });
});
