/**
 * The generated PostgreSQL query gives the rows `tier grade` gives, on a local server (PGHOST, PGPORT,
 * PGUSER, PGPASSWORD, PGDATABASE; default postgres@127.0.0.1:5432). `.ci/postgres.sh` starts one.
 * Skipped, with the reason, when the `pg` package or the server is not there.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseIsoDay } from "../src/engine/dates";
import { preset } from "../src/engine/presets";
import type { RuleSet } from "../src/engine/ruleset";
import { toSql, type SqlOptions } from "../src/sql/generate";
import { csvCells, dataFile, differences, engineRows, sqlRows, type Row } from "./sql-helpers";

interface Client {
  query(sql: string, values?: unknown[]): Promise<{ rows: Row[] }>;
  end(): Promise<void>;
}

async function connect(): Promise<{ client?: Client; why?: string }> {
  let pg: { Client: new (config: object) => Client };
  try {
    pg = ((await import("pg")) as { default: typeof pg }).default;
  } catch {
    return { why: "the pg package is not installed" };
  }
  const client = new pg.Client({
    host: process.env.PGHOST ?? "127.0.0.1",
    port: Number(process.env.PGPORT ?? 5432),
    user: process.env.PGUSER ?? "postgres",
    password: process.env.PGPASSWORD,
    database: process.env.PGDATABASE ?? process.env.PGUSER ?? "postgres",
    connectionTimeoutMillis: 3000,
  });
  try {
    await (client as unknown as { connect(): Promise<void> }).connect();
    return { client };
  } catch (e) {
    return { why: `no PostgreSQL server answers (${(e as Error).message}); run .ci/postgres.sh` };
  }
}

const { client, why } = await connect();
if (why) console.warn(`sql-postgres: skipped: ${why}`);
const SCHEMA = `tier_sql_test_${process.pid}`;

/** Loads text cells into a table of TEXT columns: the query must read numbers and dates itself. */
async function load(name: string, cells: readonly (readonly unknown[])[]): Promise<void> {
  const [header, ...rows] = cells;
  const cols = header.map((h) => `"${String(h)}" TEXT`).join(", ");
  await client!.query(`CREATE TABLE ${SCHEMA}.${name} (${cols})`);
  const width = header.length;
  for (let start = 0; start < rows.length; start += 1000) {
    const batch = rows.slice(start, start + 1000);
    const values: unknown[] = [];
    const tuples = batch.map((r, i) => {
      for (let c = 0; c < width; c++) values.push(r[c] === "" || r[c] === undefined ? null : String(r[c]));
      return `(${Array.from({ length: width }, (_, c) => `$${i * width + c + 1}`).join(", ")})`;
    });
    await client!.query(`INSERT INTO ${SCHEMA}.${name} VALUES ${tuples.join(", ")}`, values);
  }
}

async function compare(
  cells: readonly (readonly unknown[])[],
  ruleSet: RuleSet,
  options: Omit<SqlOptions, "dialect">,
): Promise<string[]> {
  const engine = engineRows(cells, ruleSet, {
    input: options.input,
    map: options.map,
    asOf: parseIsoDay(options.asOf),
    lang: options.lang,
  });
  const sql = toSql(ruleSet, { ...options, table: `${SCHEMA}.${options.table}`, dialect: "postgres" });
  return differences(engine, sqlRows((await client!.query(sql)).rows));
}

/**
 * These tests check rows, not speed. The quintile queries on the customers table take about 4 s on an
 * idle 2-core machine (as before this suite grew), and a full `npm test` runs browsers and LibreOffice
 * beside the server, which once pushed two of them past vitest's 60 s default.
 */
const QUERY_TIMEOUT = 240_000;

const orders = csvCells(dataFile("rfm-orders.csv"));
const retail = csvCells(dataFile("online-retail-invoices.csv"));
const customers = csvCells(dataFile("rfm-customers.csv"));

describe.skipIf(!client)("toSql(postgres) on a local PostgreSQL server", () => {
  beforeAll(async () => {
    await client!.query(`CREATE SCHEMA ${SCHEMA}`);
    await load("rfm_orders", orders);
    await load("retail", retail);
    await load("rfm_customers", customers);
  }, 120_000);
  afterAll(async () => {
    await client?.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`);
    await client?.end();
  });

  const rfmOrders = {
    table: "rfm_orders",
    input: "orders" as const,
    map: { customer_id: "customer_id", date: "order_date", amount: "revenue" },
    asOf: "2006-12-31",
  };
  const retailOrders = {
    table: "retail",
    input: "orders" as const,
    map: { customer_id: "customer_id", date: "order_date", amount: "amount", order_id: "invoice_no" },
    asOf: "2011-12-31",
  };
  const rfmCustomers = {
    table: "rfm_customers",
    input: "customers" as const,
    map: {
      customer_id: "customer_id",
      amount: "revenue",
      frequency: "number_of_orders",
      recency_days: "recency_days",
      last_date: "most_recent_visit",
    },
    asOf: "2007-01-01",
  };
  for (const name of ["rfm", "rfm-r", "rfm8", "abc", "pyramid", "membership", "lifecycle"]) {
    it(
      `gives the same rows as tier grade for the ${name} preset on the rfm sample orders`,
      async () => {
        expect(await compare(orders, preset(name), rfmOrders)).toEqual([]);
      },
      QUERY_TIMEOUT,
    );
    it(
      `gives the same rows as tier grade for the ${name} preset on the Online Retail invoices`,
      async () => {
        expect(await compare(retail, preset(name), retailOrders)).toEqual([]);
      },
      QUERY_TIMEOUT,
    );
  }
  for (const name of ["rfm", "rfm-r", "rfm8", "abc", "pyramid"])
    it(
      `gives the same rows as tier grade for the ${name} preset on the rfm sample customers`,
      async () => {
        expect(await compare(customers, preset(name), rfmCustomers)).toEqual([]);
      },
      QUERY_TIMEOUT,
    );
});

describe.skipIf(!!client)("toSql(postgres) without a server", () => {
  it.skip(`is skipped: ${why ?? ""}`, () => {});
});
