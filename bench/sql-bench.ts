/**
 * The generated SQL in DuckDB over ten million synthetic customers, beside the engine in Node over one
 * million. Prints figures, asserts nothing:
 *
 *   node --max-old-space-size=8192 --import tsx bench/sql-bench.ts [customers-in-duckdb]
 */
import { availableParallelism } from "node:os";
import { DuckDBInstance } from "@duckdb/node-api";
import { abcByShare } from "../src/engine/abc";
import { preset } from "../src/engine/presets";
import { rfm } from "../src/engine/rfm";
import { toSql } from "../src/sql/generate";
import { seededRandom } from "../src/engine/random";

const DB_ROWS = Number(process.argv[2] ?? 10_000_000);
const ENGINE_ROWS = 1_000_000;
const AS_OF = "2025-12-31";

const ms = (t: number): string => `${(performance.now() - t).toFixed(0).padStart(7)} ms`;

async function duckdb(): Promise<void> {
  const db = await DuckDBInstance.create(":memory:");
  const con = await db.connect();
  let t = performance.now();
  // Amounts in cents (ties, as real sales have), order counts skewed towards 1, last dates over four years.
  await con.run(`CREATE TABLE customers AS
    SELECT 'C' || CAST(i AS VARCHAR) AS customer_id,
      CAST((hash(i * 3 + 1) >> 8) % 3000000 AS DOUBLE) / 100 AS amount,
      1 + (((hash(i * 3 + 2) >> 8) % 1000) * ((hash(i * 3 + 2) >> 8) % 1000)) // 25000 AS frequency,
      DATE '${AS_OF}' - CAST((hash(i * 3 + 3) >> 8) % 1500 AS INTEGER) AS last_date
    FROM range(${DB_ROWS}) t(i)`);
  console.log(`DuckDB: ${DB_ROWS.toLocaleString("en")} synthetic customers created ${ms(t)}`);
  for (const name of ["rfm", "rfm-r", "rfm8", "abc", "pyramid"]) {
    const sql = toSql(preset(name), {
      dialect: "duckdb",
      table: "customers",
      input: "customers",
      asOf: AS_OF,
    });
    t = performance.now();
    // Materialised in the database: the figure is grading, not moving ten million rows into JS.
    await con.run(`CREATE OR REPLACE TABLE graded AS ${sql}`);
    const took = ms(t);
    const rows = await con.runAndReadAll(
      "SELECT tier, COUNT(*) AS n FROM graded GROUP BY tier ORDER BY n DESC LIMIT 3",
    );
    const top = rows
      .getRowObjectsJS()
      .map((r) => `${String(r.tier)} ${Number(r.n).toLocaleString("en")}`)
      .join(", ");
    console.log(
      `DuckDB SQL  ${name.padEnd(8)} ${DB_ROWS.toLocaleString("en")} customers ${took}   (${top} …)`,
    );
  }
  con.closeSync();
}

function engine(): void {
  const next = seededRandom(42);
  const n = ENGINE_ROWS;
  const recency = new Float64Array(n);
  const frequency = new Float64Array(n);
  const amount = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    recency[i] = Math.floor(next() * 1500);
    const k = Math.floor(next() * 1000);
    frequency[i] = 1 + Math.floor((k * k) / 25000);
    amount[i] = Math.floor(next() * 3000000) / 100;
  }
  for (const method of ["quantile", "rfm-r"] as const) {
    const t = performance.now();
    rfm(recency, frequency, amount, { method, bins: 5 });
    console.log(`engine rfm()   ${method.padEnd(8)} ${n.toLocaleString("en")} customers ${ms(t)}`);
  }
  const t = performance.now();
  abcByShare(amount);
  console.log(`engine abcByShare()      ${n.toLocaleString("en")} customers ${ms(t)}`);
}

console.log(`node ${process.version}, ${availableParallelism()} cores`);
engine();
await duckdb();
