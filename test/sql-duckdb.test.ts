/**
 * The generated DuckDB query gives the rows `tier grade` gives, preset by preset: on the R package
 * rfm sample orders and customers, on the UCI Online Retail invoices, and on a synthetic table of a
 * million customers (with blanks, text in number columns, dates after the as-of date, heavy ties).
 */
import { gradeIn } from "./present";
import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { tableFromRows } from "../src/engine/table";
import { toCsv } from "../src/workbook/csv-out";
import { parseIsoDay } from "../src/engine/dates";
import { preset } from "../src/engine/presets";
import type { RuleSet } from "../src/engine/ruleset";
import { toSql, type SqlOptions } from "../src/sql/generate";
import { csvCells, dataFile, differences, engineRows, sqlRows, type Row } from "./sql-helpers";

// One million synthetic customers, as the issue asks (about 3 minutes on this 2-core machine);
// TIER_SQL_ROWS=200000 runs a quicker check while developing.
const SYNTHETIC_ROWS = Number(process.env.TIER_SQL_ROWS ?? 1_000_000);
const AS_OF = "2025-12-31";

let db: DuckDBInstance;
let con: DuckDBConnection;

async function query(sql: string): Promise<Row[]> {
  const reader = await con.runAndReadAll(sql);
  return reader.getRowObjectsJS() as Row[];
}

beforeAll(async () => {
  db = await DuckDBInstance.create(":memory:");
  con = await db.connect();
  await con.run(`CREATE VIEW rfm_orders AS SELECT * FROM read_csv('${dataFile("rfm-orders.csv")}')`);
  await con.run(`CREATE VIEW rfm_customers AS SELECT * FROM read_csv('${dataFile("rfm-customers.csv")}')`);
  await con.run(`CREATE VIEW retail AS SELECT * FROM read_csv('${dataFile("online-retail-invoices.csv")}')`);
  await con.run(
    `CREATE VIEW retail_lines AS SELECT * FROM read_csv('${dataFile("online-retail-lines.csv")}')`,
  );
});

afterAll(() => {
  con?.closeSync();
});

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
  const sql = toSql(ruleSet, { ...options, dialect: "duckdb" });
  const db = sqlRows(await query(sql));
  return differences(engine, db);
}

const ORDER_PRESETS = ["rfm", "rfm-r", "rfm8", "abc", "pyramid", "membership", "lifecycle", "loreal"];

describe("toSql(duckdb) on the R package rfm sample orders (995 customers)", () => {
  const cells = csvCells(dataFile("rfm-orders.csv"));
  const options = {
    table: "rfm_orders",
    input: "orders" as const,
    map: { customer_id: "customer_id", date: "order_date", amount: "revenue" },
    asOf: "2006-12-31",
  };
  for (const name of ORDER_PRESETS)
    it(`gives the same rows as tier grade for the ${name} preset`, async () => {
      expect(await compare(cells, preset(name), options)).toEqual([]);
    });
  it("gives the same rows in Chinese for the rfm preset", async () => {
    expect(await compare(cells, preset("rfm"), { ...options, lang: "zh" })).toEqual([]);
  });
});

describe("toSql(duckdb) on the UCI Online Retail invoices (4,338 customers)", () => {
  const cells = csvCells(dataFile("online-retail-invoices.csv"));
  const options = {
    table: "retail",
    input: "orders" as const,
    map: { customer_id: "customer_id", date: "order_date", amount: "amount", order_id: "invoice_no" },
    asOf: "2011-12-31",
  };
  for (const name of ORDER_PRESETS)
    it(`gives the same rows as tier grade for the ${name} preset`, async () => {
      expect(await compare(cells, preset(name), options)).toEqual([]);
    });
});

describe("toSql(duckdb) on Online Retail line items with cancellations (5 customers, one with only returns)", () => {
  const cells = csvCells(dataFile("online-retail-lines.csv"));
  const options = {
    table: "retail_lines",
    input: "orders" as const,
    map: {
      customer_id: "CustomerID",
      date: "InvoiceDate",
      quantity: "Quantity",
      unit_price: "UnitPrice",
      order_id: "InvoiceNo",
    },
    asOf: "2011-12-31",
  };
  for (const name of ORDER_PRESETS)
    it(`gives the same rows as tier grade for the ${name} preset`, async () => {
      expect(await compare(cells, preset(name), options)).toEqual([]);
    });
});

describe("toSql(duckdb) on the R package rfm sample customers (39,999 rows)", () => {
  const cells = csvCells(dataFile("rfm-customers.csv"));
  const options = {
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
  for (const name of ["rfm", "rfm-r", "rfm8", "abc", "pyramid"])
    it(`gives the same rows as tier grade for the ${name} preset`, async () => {
      expect(await compare(cells, preset(name), options)).toEqual([]);
    });
});

const TENANT = preset("scorecard") as Extract<RuleSet, { method: "scorecard" }>;
const DEALER = preset("dealer") as Extract<RuleSet, { method: "scorecard" }>;
const RATING_KEYS = [...new Set([...TENANT.criteria, ...DEALER.criteria].map((c) => c.key))];
const MONTHS = ["2025-07", "2025-08", "2025-09", "2025-10", "2025-11", "2025-12"];

/**
 * One customer a row, from deterministic hashes of the row number: text amounts with blanks, "n/a",
 * returns and many exact ties; dates with blanks and some after the as-of date; ratings as numbers
 * and as labels; stages with blanks and unknown names.
 */
function syntheticSql(n: number): string {
  const h = (salt: number) => `hash(i * 31 + ${salt})`;
  const ratings = RATING_KEYS.map((key, j) => {
    const x = h(100 + j);
    return `CASE WHEN ${x} % 2000 = 0 THEN NULL WHEN ${x} % 2000 = 1 THEN 'x'
      WHEN ${x} % 3 = 0 THEN ['不合格', '较差', '合格', '良好', '优秀'][CAST((${x} >> 4) % 5 AS INTEGER) + 1]
      ELSE CAST(1 + (${x} >> 4) % 5 AS VARCHAR) END AS "${key}"`;
  });
  const months = MONTHS.map((m, j) => {
    const x = h(200 + j);
    return `CASE WHEN ${x} % 500 = 0 THEN NULL WHEN ${x} % 500 = 1 THEN 'x' WHEN ${x} % 7 = 0 THEN '0'
      ELSE CAST(((${x} >> 8) % 100000) / 10.0 AS VARCHAR) END AS "${m}"`;
  });
  return `CREATE TABLE synth AS
  SELECT 'C' || lpad(CAST(i AS VARCHAR), 8, '0') AS customer_id,
    CASE WHEN ${h(1)} % 1000 = 0 THEN NULL WHEN ${h(1)} % 1000 = 1 THEN 'n/a'
      WHEN ${h(1)} % 30 = 2 THEN CAST(-((${h(1)} >> 8) % 50000) / 100.0 AS VARCHAR)
      WHEN ${h(1)} % 10 = 3 THEN CAST(((${h(1)} >> 8) % 40) * 500 AS VARCHAR)
      ELSE CAST(((${h(1)} >> 8) % 3000000) / 100.0 AS VARCHAR) END AS amount,
    CASE WHEN ${h(2)} % 1000 = 0 THEN NULL WHEN ${h(2)} % 200 = 1 THEN 0
      ELSE 1 + (((${h(2)} >> 8) % 1000) * ((${h(2)} >> 8) % 1000)) // 25000 END AS frequency,
    CASE WHEN ${h(3)} % 1000 = 0 THEN NULL
      WHEN ${h(3)} % 1000 = 1 THEN DATE '${AS_OF}' + CAST(1 + (${h(3)} >> 8) % 30 AS INTEGER)
      ELSE DATE '${AS_OF}' - CAST((${h(3)} >> 8) % 1500 AS INTEGER) END AS last_date,
    CASE WHEN ${h(4)} % 500 = 0 THEN NULL
      ELSE DATE '${AS_OF}' - CAST((${h(3)} >> 8) % 1500 AS INTEGER) - CAST((${h(4)} >> 8) % 800 AS INTEGER) + CASE WHEN ${h(4)} % 997 = 5 THEN 900 ELSE 0 END END AS first_date,
    CASE WHEN ${h(5)} % 1000 = 0 THEN NULL ELSE ((${h(5)} >> 8) % 20000) / 10.0 END AS potential,
    CASE WHEN ${h(6)} % 1000 = 0 THEN NULL ELSE CAST((${h(6)} >> 8) % 3000 AS DOUBLE) END AS current_value,
    CASE WHEN ${h(7)} % 1000 = 0 THEN NULL WHEN ${h(7)} % 1000 = 1 THEN '未知'
      ELSE ['新场', '调整', '成熟'][CAST((${h(7)} >> 8) % 3 AS INTEGER) + 1] END AS stage,
    ${ratings.join(",\n    ")},
    ${months.join(",\n    ")}
  FROM range(${n}) t(i)`;
}

/** The synthetic table's columns as text, the way `tier grade` reads a CSV export of it. */
async function exportColumns(table: string): Promise<Map<string, string[]>> {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "tier-sql-")), `${table}.csv`);
  await con.run(`COPY ${table} TO '${file}' (HEADER, DELIMITER ',', QUOTE '')`);
  // No commas or quotes in the synthetic values: a split is enough, and much faster than a parser.
  const lines = readFileSync(file, "utf8").split("\n");
  rmSync(file);
  if (lines[lines.length - 1] === "") lines.pop();
  const header = lines[0].split(",");
  const columns = header.map(() => new Array<string>(lines.length - 1));
  for (let r = 1; r < lines.length; r++) {
    const cells = lines[r].split(",");
    for (let c = 0; c < header.length; c++) columns[c][r - 1] = cells[c];
  }
  return new Map(header.map((h, c) => [h, columns[c]]));
}

function cellsOf(columns: Map<string, string[]>, names: readonly string[]): string[][] {
  const cols = names.map((n) => columns.get(n)!);
  const n = cols[0].length;
  const rows: string[][] = [[...names]];
  for (let i = 0; i < n; i++) rows.push(cols.map((c) => c[i]));
  return rows;
}

/**
 * Grades in-process, loads the engine's CSV into DuckDB and compares it there with the generated
 * query's rows (a million rows compare faster in the database than as JS objects).
 */
async function compareInDb(
  cells: readonly (readonly unknown[])[],
  ruleSet: RuleSet,
  options: Omit<SqlOptions, "dialect">,
): Promise<string[]> {
  const result = gradeIn(tableFromRows(cells, false, "Sheet1"), ruleSet, {
    input: options.input,
    map: options.map,
    asOf: parseIsoDay(options.asOf),
    lang: options.lang,
  });
  const file = path.join(mkdtempSync(path.join(tmpdir(), "tier-sql-")), "engine.csv");
  writeFileSync(file, toCsv(result.keys, result.columns));
  const sql = toSql(ruleSet, { ...options, dialect: "duckdb" }).replace(/ORDER BY customer_id\n$/, "");
  const equal = result.keys.map((k) => {
    const e = `e."${k}"`;
    const s = `CAST(s."${k}" AS VARCHAR)`;
    if (k === "issue") return `((${e} IS NULL) = (${s} IS NULL))`;
    return `(CASE WHEN TRY_CAST(${e} AS DOUBLE) IS NOT NULL AND TRY_CAST(${s} AS DOUBLE) IS NOT NULL
      THEN abs(TRY_CAST(${e} AS DOUBLE) - TRY_CAST(${s} AS DOUBLE)) <= 1e-9 * greatest(1, abs(TRY_CAST(${e} AS DOUBLE)))
      ELSE ${e} IS NOT DISTINCT FROM ${s} END)`;
  });
  const rows = await query(`WITH e AS (SELECT * FROM read_csv('${file}', all_varchar = true, header = true)),
    s AS (${sql.replace(/^--.*\n/, "")})
    SELECT COALESCE(e.customer_id, s.customer_id) AS id, to_json(e) AS engine, to_json(s) AS db
    FROM e FULL OUTER JOIN s ON e.customer_id = s.customer_id
    WHERE e.customer_id IS NULL OR s.customer_id IS NULL OR NOT (${equal.join(" AND ")})
    ORDER BY id LIMIT 5`);
  rmSync(file);
  const count = await query(`SELECT COUNT(*) AS n FROM (${sql.replace(/^--.*\n/, "")})`);
  const out = rows.map((r) => `${String(r.id)}: engine ${String(r.engine)}, SQL ${String(r.db)}`);
  if (Number(count[0].n) !== result.columns.customer_id.length)
    out.push(`rows: engine ${result.columns.customer_id.length}, SQL ${String(count[0].n)}`);
  return out;
}

const LEVEL: RuleSet = {
  method: "level",
  name: { zh: "按金额定级", en: "Level by amount" },
  column: "amount",
  tiers: [
    { key: "c", name: { zh: "普通", en: "C" }, min: 0, benefits: { zh: ["积分"], en: ["points"] } },
    {
      key: "b",
      name: { zh: "银", en: "B" },
      min: 5000,
      benefits: { zh: ["礼包"], en: ["gift"] },
      cumulative: true,
    },
    { key: "a", name: { zh: "金", en: "A" }, min: 20000.5, cumulative: true },
  ],
};

const RULES: RuleSet = {
  method: "rules",
  name: { zh: "规则表", en: "Rule table" },
  tiers: [
    { key: "vip", name: { zh: "贵宾", en: "VIP" } },
    { key: "active", name: { zh: "活跃", en: "Active" } },
    { key: "rest", name: { zh: "其他", en: "Rest" } },
  ],
  rules: [
    {
      tier: "vip",
      when: [
        { column: "amount", op: "between", value: [5000, 25000] },
        { column: "frequency", op: "in", value: [3, 5, 7, "9"] },
      ],
    },
    {
      tier: "active",
      when: [
        { column: "frequency", op: "<>", value: 1 },
        { column: "recency_days", op: "<=", value: 90 },
        { column: "potential", op: ">", value: 100.5 },
      ],
    },
    { tier: "rest", when: [{ column: "amount", op: ">=", value: 0 }] },
  ],
};

function variant(name: string, edit: (rs: RuleSet) => void): RuleSet {
  const rs = preset(name);
  edit(rs);
  return rs;
}

const RFM_FIXED = variant("rfm", (rs) => {
  if (rs.method !== "rfm") return;
  rs.rfm = {
    method: "fixed",
    bins: { r: 5, f: 4, m: 3 },
    thresholds: { r: [30, 90, 180, 365], f: [2, 5, 10], m: [1000, 10000] },
  };
});
const RFM_R_3 = variant("rfm-r", (rs) => {
  if (rs.method === "rfm") rs.rfm.bins = 3;
});
const ABC_AMOUNT = variant("abc", (rs) => {
  if (rs.method === "abc") rs.basis = { kind: "amount", a: 20000, b: 5000 };
});
const ABC_MONTHS = variant("abc", (rs) => {
  if (rs.method === "abc") rs.months = 3;
});
const GRID_FIXED = variant("grid9", (rs) => {
  if (rs.method !== "grid") return;
  rs.x.cut = { method: "fixed", low: 500, high: 1500 };
});
const TENANT_ONE = variant("scorecard", (rs) => {
  if (rs.method === "scorecard") rs.missing = "one";
});

const RFM_COLUMNS = ["customer_id", "amount", "frequency", "last_date"];
const TENANT_COLUMNS = ["customer_id", "stage", ...TENANT.criteria.map((c) => c.key)];

/** Every preset, on the full synthetic table. */
const PRESET_CASES: [string, string[]][] = [
  ["rfm", RFM_COLUMNS],
  ["rfm-r", RFM_COLUMNS],
  ["rfm8", RFM_COLUMNS],
  ["abc", ["customer_id", "amount"]],
  ["abc-months", ["customer_id", ...MONTHS]],
  ["pyramid", ["customer_id", "amount"]],
  ["membership", ["customer_id", "amount", "frequency", "first_date"]],
  ["lifecycle", ["customer_id", "frequency", "first_date", "last_date"]],
  ["scorecard", TENANT_COLUMNS],
  ["dealer", ["customer_id", ...DEALER.criteria.map((c) => c.key)]],
  ["grid9", ["customer_id", "potential", "current_value"]],
];

/** Edited rule sets (other methods and options), on the first 100,000 rows. */
const VARIANT_CASES: [string, RuleSet, string[]][] = [
  ["rfm-r with 3 bins", RFM_R_3, RFM_COLUMNS],
  ["rfm with fixed thresholds and bins 5/4/3", RFM_FIXED, RFM_COLUMNS],
  ["abc by fixed amounts", ABC_AMOUNT, ["customer_id", "amount"]],
  ["abc on the average of the last 3 months", ABC_MONTHS, ["customer_id", ...MONTHS]],
  ["a level table with cumulative benefits", LEVEL, ["customer_id", "amount"]],
  [
    "a rule table with between, in and <>",
    RULES,
    ["customer_id", "amount", "frequency", "last_date", "potential"],
  ],
  ["the tenant scorecard rating a missing criterion 1", TENANT_ONE, TENANT_COLUMNS],
  ["the nine-grid with a fixed X cut", GRID_FIXED, ["customer_id", "potential", "current_value"]],
];

const VARIANT_ROWS = Math.min(SYNTHETIC_ROWS, 100_000);

describe(`toSql(duckdb) on ${SYNTHETIC_ROWS.toLocaleString("en")} synthetic customers`, () => {
  let columns: Map<string, string[]>;
  let small: Map<string, string[]>;
  beforeAll(async () => {
    await con.run(syntheticSql(SYNTHETIC_ROWS));
    await con.run(
      `CREATE TABLE synth_small AS SELECT * FROM synth ORDER BY customer_id LIMIT ${VARIANT_ROWS}`,
    );
    columns = await exportColumns("synth");
    small = await exportColumns("synth_small");
  }, 300_000);

  const options = { input: "customers" as const, asOf: AS_OF, months: MONTHS };
  for (const [name, names] of PRESET_CASES)
    it(`gives the same rows as tier grade for the ${name} preset`, { timeout: 300_000 }, async () => {
      const diff = await compareInDb(cellsOf(columns, names), preset(name), { ...options, table: "synth" });
      expect(diff).toEqual([]);
    });
  for (const [label, ruleSet, names] of VARIANT_CASES)
    it(
      `gives the same rows as tier grade on ${VARIANT_ROWS.toLocaleString("en")} of them for ${label}`,
      { timeout: 300_000 },
      async () => {
        const diff = await compareInDb(cellsOf(small, names), ruleSet, { ...options, table: "synth_small" });
        expect(diff).toEqual([]);
      },
    );
  it("gives the same rows in Chinese for the scorecard preset", { timeout: 300_000 }, async () => {
    const diff = await compareInDb(cellsOf(small, TENANT_COLUMNS), preset("scorecard"), {
      ...options,
      table: "synth_small",
      lang: "zh",
    });
    expect(diff).toEqual([]);
  });
});
