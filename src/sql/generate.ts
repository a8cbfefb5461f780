/**
 * One SQL query per rule set that grades a whole table inside the database (DuckDB, PostgreSQL or
 * Spark SQL) and returns the columns `tier grade` prints, row for row: the same cut points, the same
 * tie rules, the same tier names. Pure string building: no Node, no database.
 */
import { parseIsoDay, formatDay } from "../engine/dates";
import { TierError } from "../engine/errors";
import { LIFECYCLE_STAGES } from "../engine/lifecycle";
import { benefitsOf } from "../engine/membership";
import { RFM8_CLASSES } from "../engine/rfm8";
import { parseRuleSet, type RuleSet } from "../engine/ruleset";
import { OTHERS } from "../engine/segments";
import { cutCtes, dbl } from "./cuts";
import { dialectOf, DIALECTS, type Dialect, type SqlDialect } from "./dialect";

export type { Dialect } from "./dialect";

export interface SqlOptions {
  dialect: Dialect;
  /** The table (or view) to grade; `schema.table` is quoted part by part. */
  table: string;
  /** One row per purchase (aggregated per customer first) or one row per customer. */
  input: "orders" | "customers";
  /**
   * Role → column (`amount: "revenue"`); a role left out is read from the column of the same name
   * (`customer_id`, `date`, `amount`, `frequency`, `last_date`, `first_date`, `stage`, …). Scorecard
   * criteria are mapped by their key (`positioning: "符合商场定位"`) and default to the key too.
   */
  map?: Readonly<Record<string, string>>;
  /** The as-of date, YYYY-MM-DD: recency and tenure are counted up to it, later dates are invalid. */
  asOf: string;
  /** Language of tier names; English by default, as `tier grade`. */
  lang?: "en" | "zh";
  /** ABC on monthly averages: the month columns, oldest first; the last `months` of them are used. */
  months?: readonly string[];
  /**
   * End with `ORDER BY customer_id` (off by default: row order is not part of the result, and sorting
   * ten million ids costs as much as the grading).
   */
  order?: boolean;
}

interface Value {
  /** SQL for the value in `prepared` (reads `cells`). */
  expr: string;
  /** True when the cell is unusable (SQL over `cells`). */
  bad: string;
  /** The reason text when bad (SQL over `cells`). */
  reason: string;
}

const ROLES_ORDERS = new Set(["amount", "frequency", "recency_days", "tenure_days"]);
const GRID_CELLS = ["A1", "A2", "A3", "B1", "B2", "B3", "C1", "C2", "C3"];
const RATINGS: [string, number][] = [
  ["优秀", 5],
  ["良好", 4],
  ["合格", 3],
  ["较差", 2],
  ["不合格", 1],
  ["excellent", 5],
  ["good", 4],
  ["fair", 3],
  ["poor", 2],
  ["unacceptable", 1],
];

class Query {
  readonly d: SqlDialect;
  readonly asOf: string;
  readonly lang: "en" | "zh";
  readonly orders: boolean;
  private readonly map: Readonly<Record<string, string>>;
  /** `cells` columns: alias → SQL over the table. */
  private readonly cells = new Map<string, string>();
  /** `prepared` values in order: key → value. */
  private readonly values = new Map<string, Value>();
  /** Values whose blank or bad cell leaves the customer without a tier, in the engine's order. */
  private readonly checks: { bad: string; reason: string }[] = [];
  readonly ctes: [string, string][] = [];

  constructor(readonly options: SqlOptions) {
    if (!DIALECTS.includes(options.dialect))
      throw new TierError(
        `the dialect must be one of ${DIALECTS.join(", ")} (got "${String(options.dialect)}")`,
      );
    this.d = dialectOf(options.dialect);
    if (typeof options.table !== "string" || options.table.trim() === "")
      throw new TierError("name the table to grade (--table NAME)");
    if (options.input !== "orders" && options.input !== "customers")
      throw new TierError(`input must be orders or customers (got "${String(options.input)}")`);
    this.asOf = this.d.dateLit(formatDay(parseIsoDay(options.asOf)));
    this.lang = options.lang ?? "en";
    this.orders = options.input === "orders";
    this.map = options.map ?? {};
  }

  col(role: string): string {
    return this.d.id(this.map[role] ?? role);
  }

  label(role: string): string {
    return this.map[role] ?? role;
  }

  name(n: { zh: string; en: string }): string {
    return this.d.str(this.lang === "zh" ? n.zh : n.en);
  }

  /**
   * Trimmed text of a raw cell: the raw column is carried in `cells` and turned into text only where
   * a reason or a label needs it (casting every cell to text costs more than the grading).
   */
  private text(alias: string, column: string): string {
    if (this.orders)
      throw new TierError(
        `this policy reads ${column} on each row, which an orders table only has per purchase: grade a customer table (--input customers)`,
      );
    const a = `${alias}_raw`;
    this.cells.set(a, column);
    return `TRIM(CAST(${this.d.id(a)} AS ${this.d.text}))`;
  }

  private blankReason(text: string, label: string, otherwise: string): string {
    return `CASE WHEN ${text} IS NULL OR ${text} = '' THEN ${this.d.str(`${label}: blank`)} ELSE ${otherwise} END`;
  }

  private quoted(prefix: string, text: string, suffix = ""): string {
    return `${this.d.str(prefix)} || '"' || ${text} || '"'${suffix ? ` || ${this.d.str(suffix)}` : ""}`;
  }

  /** A number read from a column (a role or a header). */
  private numberFrom(key: string, column: string, label: string, optional: boolean): Value {
    const alias = `${key}_cell`;
    this.cells.set(alias, this.d.num(column));
    const v = this.d.id(alias);
    const t = this.text(key, column);
    return {
      expr: v,
      bad: optional ? `(${v} IS NULL AND ${t} IS NOT NULL AND ${t} <> '')` : `${v} IS NULL`,
      reason: this.blankReason(t, label, this.quoted(`${label}: not a number: `, t)),
    };
  }

  /** Days from a date column up to the as-of date; a later date is invalid. */
  private daysFrom(key: string, column: string, label: string, optional: boolean): Value {
    const alias = `${key}_cell`;
    this.cells.set(alias, this.d.date(column));
    const v = this.d.id(alias);
    const t = this.text(key, column);
    const expr = `CASE WHEN ${v} <= ${this.asOf} THEN CAST(${this.d.days(v, this.asOf)} AS ${this.d.double}) END`;
    const reason = this.blankReason(
      t,
      label,
      `CASE WHEN ${v} IS NULL THEN ${this.quoted(`${label}: not a date: `, t)} ELSE ${this.d.str(`${label}: date `)} || CAST(${v} AS ${this.d.text}) || ${this.d.str(` is after the as-of date ${this.options.asOf}`)} END`,
    );
    return {
      expr,
      bad: optional ? `(${expr} IS NULL AND ${t} IS NOT NULL AND ${t} <> '')` : `(${expr}) IS NULL`,
      reason,
    };
  }

  /**
   * A numeric value per customer, as a `prepared` column named by its key (a role or a header):
   * `amount`, `frequency`, `recency_days` (a recency_days column when mapped, else as-of minus
   * last_date), `tenure_days` (as-of minus first_date), `potential`, … or any header.
   */
  value(key: string, options: { optional?: boolean; check?: boolean } = {}): string {
    const id = this.d.id(key);
    if (this.values.has(key)) return id;
    const optional = options.optional === true;
    let v: Value;
    if (this.orders) {
      if (!ROLES_ORDERS.has(key))
        throw new TierError(
          `from an orders table the SQL knows amount, frequency, recency_days and tenure_days per customer, not "${key}": grade a customer table instead`,
        );
      v = { expr: key, bad: "FALSE", reason: "NULL" };
    } else if (key === "last_days" || (key === "recency_days" && this.map.recency_days === undefined)) {
      v = this.daysFrom(key, this.col("last_date"), this.label("last_date"), optional);
    } else if (key === "tenure_days") {
      v = this.daysFrom(key, this.col("first_date"), this.label("first_date"), optional);
    } else {
      v = this.numberFrom(key, this.col(key), this.label(key), optional);
    }
    this.values.set(key, v);
    if (options.check !== false && v.bad !== "FALSE") this.checks.push({ bad: v.bad, reason: v.reason });
    return id;
  }

  /** A raw cell carried into `prepared` under `alias` (ratings, stage); also returns its text. */
  cell(alias: string, sql: (text: string) => string, column: string): { ref: string; text: string } {
    const t = this.text(alias, column);
    this.values.set(alias, { expr: sql(t), bad: "FALSE", reason: "NULL" });
    return { ref: this.d.id(alias), text: t };
  }

  /** A value worked out from other cells (the monthly average). */
  derived(alias: string, expr: string): string {
    this.values.set(alias, { expr, bad: "FALSE", reason: "NULL" });
    return this.d.id(alias);
  }

  /** Trimmed text of a raw column, as a `cells` column (for values parsed in SQL). */
  rawText(alias: string, column: string): string {
    return this.text(alias, column);
  }

  /** A check on `valued` columns added after the value checks (scorecard ratings, stage). */
  check(bad: string, reason: string): void {
    this.checks.push({ bad, reason });
  }

  /** The `cells` (customers) or `order_rows` + `customers` (orders) CTEs and `prepared`. */
  prepare(): void {
    const d = this.d;
    const table = d.table(this.options.table);
    const nameCol = this.map.name !== undefined ? this.col("name") : undefined;
    if (this.orders) {
      // Order ids such as 17850 and "17850.0" (a float column written by pandas) are one customer.
      const id = `REGEXP_REPLACE(TRIM(CAST(${this.col("customer_id")} AS ${d.text})), '^[+]?([-]?[0-9]+)[.]0*$', '${d.name === "spark" ? "$1" : "\\1"}')`;
      const orderId = this.map.order_id !== undefined ? this.col("order_id") : undefined;
      const rows = [
        `${id} AS customer_id`,
        `${d.date(this.col("date"))} AS order_day`,
        `${d.num(this.col("amount"))} AS amount`,
      ];
      if (orderId) rows.push(`TRIM(CAST(${orderId} AS ${d.text})) AS order_id`);
      if (nameCol) rows.push(`NULLIF(TRIM(CAST(${nameCol} AS ${d.text})), '') AS name`);
      this.ctes.push(["order_rows", `SELECT ${rows.join(",\n    ")}\n  FROM ${table}`]);
      const keep = [
        "customer_id IS NOT NULL AND customer_id <> ''",
        "amount IS NOT NULL",
        `order_day IS NOT NULL AND order_day <= ${this.asOf}`,
      ];
      if (orderId) keep.push("order_id IS NOT NULL AND order_id <> ''");
      this.ctes.push([
        "customers",
        `SELECT customer_id,${nameCol ? " MIN(name) AS name," : ""}\n` +
          `    CAST(${orderId ? "COUNT(DISTINCT order_id)" : "COUNT(*)"} AS ${d.double}) AS frequency,\n` +
          `    SUM(CAST(amount AS ${d.double})) AS amount, MIN(order_day) AS first_day, MAX(order_day) AS last_day\n` +
          `  FROM order_rows\n  WHERE ${keep.join("\n    AND ")}\n  GROUP BY customer_id`,
      ]);
      this.ctes.push([
        "prepared",
        `SELECT customer_id,${nameCol ? " name," : ""} frequency, amount,\n` +
          `    CAST(${d.days("last_day", this.asOf)} AS ${d.double}) AS recency_days,\n` +
          `    CAST(${d.days("first_day", this.asOf)} AS ${d.double}) AS tenure_days,\n` +
          `    CAST(NULL AS ${d.text}) AS issue\n  FROM customers`,
      ]);
      return;
    }
    const idCol = this.col("customer_id");
    const cells = [`COALESCE(TRIM(CAST(${idCol} AS ${d.text})), '') AS customer_id`];
    if (nameCol) cells.push(`NULLIF(TRIM(CAST(${nameCol} AS ${d.text})), '') AS name`);
    for (const [alias, sql] of this.cells) cells.push(`${sql} AS ${d.id(alias)}`);
    this.ctes.push(["cells", `SELECT ${cells.join(",\n    ")}\n  FROM ${table}`]);
    const values = [...this.values].map(([key, v]) => `${v.expr} AS ${d.id(key)}`);
    this.ctes.push(["valued", `SELECT cells.*${values.map((v) => `,\n    ${v}`).join("")}\n  FROM cells`]);
    const idLabel = this.label("customer_id");
    this.ctes.push([
      "duplicates",
      "SELECT customer_id AS duplicate_id FROM cells GROUP BY customer_id HAVING COUNT(*) > 1",
    ]);
    const issue = [
      `WHEN customer_id = '' THEN ${d.str(`${idLabel}: blank customer id`)}`,
      `WHEN duplicate_id IS NOT NULL THEN ${d.str(`${idLabel}: duplicate customer id "`)} || customer_id || ${d.str('": fix or merge them, they are not merged silently')}`,
      ...this.checks.map((c) => `WHEN ${c.bad} THEN ${c.reason}`),
    ];
    this.ctes.push([
      "prepared",
      `SELECT valued.*,\n    CASE\n      ${issue.join("\n      ")}\n    END AS issue\n  FROM valued LEFT JOIN duplicates ON valued.customer_id = duplicates.duplicate_id`,
    ]);
  }

  /** Rounds as the engine shows numbers: Math.round(x * 100) / 100. */
  r2(expr: string): string {
    return `FLOOR(${expr} * 100 + 0.5) / 100`;
  }

  /** JavaScript's String(x) for the numbers a rule compares as text (5, not 5.0). */
  jsText(expr: string): string {
    const d = this.d;
    return `CASE WHEN ${expr} = FLOOR(${expr}) AND ABS(${expr}) < 1e15 THEN CAST(CAST(${expr} AS BIGINT) AS ${d.text}) ELSE CAST(${expr} AS ${d.text}) END`;
  }

  render(select: string): string {
    const head = `-- tier: ${this.options.dialect} SQL, as of ${this.options.asOf}; same tiers as \`tier grade\``;
    const body = this.ctes.map(([n, sql]) => `${n} AS (\n  ${sql}\n)`).join(",\n");
    return `${head}\nWITH ${body}\n${select}\n${this.options.order ? "ORDER BY customer_id\n" : ""}`;
  }

  /** Output list: customer_id, name when mapped, the method's columns, tier, issue. */
  output(columns: [string, string][], tier: string, issue = "issue"): string {
    const d = this.d;
    const list = ["customer_id"];
    if (this.map.name !== undefined) list.push("name");
    for (const [key, sql] of columns) list.push(`${sql} AS ${d.id(key)}`);
    list.push(`${tier} AS tier`, `${issue} AS issue`);
    return `SELECT ${list.join(",\n  ")}`;
  }
}

function bins(rs: Extract<RuleSet, { method: "rfm" }>, dim: "r" | "f" | "m"): number {
  return typeof rs.rfm.bins === "number" ? rs.rfm.bins : rs.rfm.bins[dim];
}

function rfmSql(q: Query, rs: Extract<RuleSet, { method: "rfm" }>): string {
  const d = q.d;
  const keys = { r: "recency_days", f: "frequency", m: "amount" } as const;
  for (const k of Object.values(keys)) q.value(k);
  q.prepare();
  const joins: string[] = [];
  const score = (dim: "r" | "f" | "m"): string => {
    const b = bins(rs, dim);
    const x = d.id(keys[dim]);
    const terms: string[] = [];
    if (rs.rfm.method === "fixed") {
      const t = rs.rfm.thresholds?.[dim];
      if (!t || t.length !== b - 1 || t.some((v, i) => i > 0 && v <= t[i - 1]))
        throw new TierError(
          `thresholds for ${dim.toUpperCase()} must be ${b - 1} increasing numbers (bins is ${b})`,
        );
      for (const v of t) terms.push(`CASE WHEN ${x} >= ${dbl(d, v)} THEN 1 ELSE 0 END`);
    } else {
      const { ctes, cut } = cutCtes(d, {
        name: dim,
        value: x,
        from: "prepared WHERE issue IS NULL",
        bins: b,
        style: "rfm",
      });
      q.ctes.push(...ctes);
      joins.push(cut);
      for (let k = 1; k < b; k++)
        terms.push(
          rs.rfm.method === "quantile"
            ? `CASE WHEN ${x} > ${cut}.q${k} THEN 1 ELSE 0 END`
            : `CASE WHEN ${x} >= ${cut}.q${k} + 1 THEN 1 ELSE 0 END`,
        );
    }
    const bin = `1 + ${terms.join(" + ")}`;
    return `CASE WHEN issue IS NULL THEN ${dim === "r" ? `${b + 1} - (${bin})` : bin} END`;
  };
  q.ctes.push([
    "scored",
    `SELECT prepared.*,\n    ${score("r")} AS r,\n    ${score("f")} AS f,\n    ${score("m")} AS m\n  FROM prepared${joins.map((j) => ` CROSS JOIN ${j}`).join("")}`,
  ]);
  const seg = rs.segments.map(
    (s) =>
      `WHEN r BETWEEN ${s.r[0]} AND ${s.r[1]} AND f BETWEEN ${s.f[0]} AND ${s.f[1]} AND m BETWEEN ${s.m[0]} AND ${s.m[1]} THEN ${d.str(q.lang === "zh" ? s.zh : s.name)}`,
  );
  const segment = `CASE WHEN r IS NULL THEN NULL\n    ${seg.join("\n    ")}\n    ELSE ${q.name({ zh: OTHERS.zh, en: OTHERS.name })} END`;
  q.ctes.push(["segmented", `SELECT scored.*, ${segment} AS segment\n  FROM scored`]);
  const t = d.text;
  return q.render(
    q.output(rfmColumns(q, `CAST(r AS ${t}) || CAST(f AS ${t}) || CAST(m AS ${t})`), "segment") +
      "\nFROM segmented",
  );
}

/** The output columns of the RFM methods, the same in both: the inputs, r, f, m, the code `rfm` and the segment. */
function rfmColumns(q: Query, rfm: string): [string, string][] {
  return [
    ["recency_days", q.r2("recency_days")],
    ["frequency", q.r2("frequency")],
    ["amount", q.r2("amount")],
    ["r", "r"],
    ["f", "f"],
    ["m", "m"],
    ["rfm", rfm],
    ["segment", "segment"],
  ];
}

function rfm8Sql(q: Query): string {
  for (const k of ["recency_days", "frequency", "amount"]) q.value(k);
  q.prepare();
  q.ctes.push([
    "means",
    "SELECT AVG(recency_days) AS mean_r, AVG(frequency) AS mean_f, AVG(amount) AS mean_m\n  FROM prepared WHERE issue IS NULL",
  ]);
  const hl = (cond: string) => `CASE WHEN issue IS NULL THEN CASE WHEN ${cond} THEN 'H' ELSE 'L' END END`;
  q.ctes.push([
    "scored",
    `SELECT prepared.*,\n    ${hl("recency_days < mean_r")} AS r,\n    ${hl("frequency > mean_f")} AS f,\n    ${hl("amount > mean_m")} AS m\n  FROM prepared CROSS JOIN means`,
  ]);
  // RFM8_CLASSES order: M low adds 4, R low adds 2, F low adds 1.
  const cls = RFM8_CLASSES.map((c, i) => {
    const m = i & 4 ? "L" : "H";
    const r = i & 2 ? "L" : "H";
    const f = i & 1 ? "L" : "H";
    return `WHEN r = '${r}' AND f = '${f}' AND m = '${m}' THEN ${q.name(c)}`;
  });
  q.ctes.push(["classed", `SELECT scored.*, CASE ${cls.join("\n    ")} END AS segment\n  FROM scored`]);
  return q.render(q.output(rfmColumns(q, "r || f || m"), "segment") + "\nFROM classed");
}

function abcSql(q: Query, rs: Extract<RuleSet, { method: "abc" }>): string {
  const d = q.d;
  if (rs.months) {
    if (q.orders)
      throw new TierError("ABC on monthly averages needs a customer table with one column a month");
    const months = q.options.months ?? [];
    if (months.length < rs.months)
      throw new TierError(
        `ABC on the average of the last ${rs.months} months needs ${rs.months} monthly columns (--months COL,COL,…); got ${months.length}`,
      );
    const last = months.slice(-rs.months);
    // A blank month is 0; text that is not a number leaves the customer out.
    const parts = last.map((m, j) => {
      const t = q.rawText(`month${j + 1}`, d.id(m));
      q.check(
        `(${d.num(t)} IS NULL AND ${t} IS NOT NULL AND ${t} <> '')`,
        `${d.str(`${m}: not a number: `)} || '"' || ${t} || '"'`,
      );
      return `CASE WHEN ${t} IS NULL OR ${t} = '' THEN 0 ELSE ${d.num(t)} END`;
    });
    q.derived("amount", `(${parts.join(" + ")}) / ${rs.months}`);
  } else q.value("amount");
  q.prepare();
  const x = "amount";
  let cls: string;
  if (rs.basis.kind === "share") {
    // before(v) = sum of the values strictly greater than v / total: ties share it. It only grows as v
    // falls, so A is v >= tA with tA the least v whose before(v) < a (B likewise): one ordered pass over
    // the positive values gives both thresholds in one row, crossed back onto every customer.
    const w = `OVER (ORDER BY v DESC ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)`;
    q.ctes.push([
      "abc_before",
      `SELECT v, SUM(v) ${w} AS above, LAG(v) OVER (ORDER BY v DESC) AS prev\n  FROM (SELECT ${x} AS v FROM prepared WHERE issue IS NULL AND ${x} > 0) t`,
    ]);
    q.ctes.push(["abc_total", `SELECT SUM(${x}) AS total FROM prepared WHERE issue IS NULL AND ${x} > 0`]);
    // The first row of each run of equal values has the sum of every greater value above it.
    const first = "(prev IS NULL OR prev <> v)";
    const share = "COALESCE(above, 0) / total";
    q.ctes.push([
      "abc_cut",
      `SELECT MIN(CASE WHEN ${first} AND ${share} < ${dbl(d, rs.basis.a)} THEN v END) AS t_a,\n    MIN(CASE WHEN ${first} AND ${share} < ${dbl(d, rs.basis.b)} THEN v END) AS t_b\n  FROM abc_before CROSS JOIN abc_total`,
    ]);
    q.ctes.push([
      "classed",
      `SELECT prepared.*, CASE WHEN issue IS NULL THEN CASE\n      WHEN ${x} > 0 AND ${x} >= t_a THEN 'A'\n      WHEN ${x} > 0 AND ${x} >= t_b THEN 'B'\n      ELSE 'C' END END AS abc\n  FROM prepared CROSS JOIN abc_cut`,
    ]);
  } else {
    cls = `CASE WHEN issue IS NULL THEN CASE WHEN ${x} >= ${dbl(d, rs.basis.a)} THEN 'A' WHEN ${x} >= ${dbl(d, rs.basis.b)} THEN 'B' ELSE 'C' END END`;
    q.ctes.push(["classed", `SELECT prepared.*, ${cls} AS abc\n  FROM prepared`]);
  }
  const names = rs.tiers.map((t) => q.name(t.name));
  const tier = `CASE abc WHEN 'A' THEN ${names[0]} WHEN 'B' THEN ${names[1]} WHEN 'C' THEN ${names[2]} END`;
  return q.render(
    q.output(
      [
        ["amount", q.r2(x)],
        ["abc", "abc"],
      ],
      tier,
    ) + "\nFROM classed",
  );
}

function pyramidSql(q: Query, rs: Extract<RuleSet, { method: "pyramid" }>): string {
  const d = q.d;
  q.value("amount");
  q.prepare();
  // above(x) = #{valid values strictly greater} / n, divided as doubles as Excel and the engine do. It
  // only grows as x falls, so above(x) < c is x >= t_c with t_c the least value whose above is < c:
  // one ordered pass over the amounts gives every t_c in one row, crossed back onto every customer.
  q.ctes.push([
    "ranked",
    `SELECT v, RANK() OVER (ORDER BY v DESC) - 1 AS greater, COUNT(*) OVER () AS n\n  FROM (SELECT amount AS v FROM prepared WHERE issue IS NULL) t`,
  ]);
  q.ctes.push([
    "pyramid_cut",
    `SELECT ${rs.cuts
      .map((c, k) => `MIN(CASE WHEN CAST(greater AS ${d.double}) / n < ${dbl(d, c)} THEN v END) AS t${k + 1}`)
      .join(",\n    ")}\n  FROM ranked`,
  ]);
  const terms = rs.cuts.map((c, k) => `CASE WHEN amount >= t${k + 1} THEN 0 ELSE 1 END`);
  q.ctes.push([
    "leveled",
    `SELECT prepared.*, CASE WHEN issue IS NULL THEN 1 + ${terms.join(" + ")} END AS level\n  FROM prepared CROSS JOIN pyramid_cut`,
  ]);
  const tier = `CASE level ${rs.tiers.map((t, i) => `WHEN ${i + 1} THEN ${q.name(t.name)}`).join(" ")} END`;
  return q.render(
    q.output(
      [
        ["amount", q.r2("amount")],
        ["level", "level"],
      ],
      tier,
    ) + "\nFROM leveled",
  );
}

function benefitsSql(
  q: Query,
  tiers: readonly { key: string; benefits?: { zh: string[]; en: string[] }; cumulative?: boolean }[],
  keyExpr: string,
): string {
  const order = tiers.map((t) => ({
    tier: t.key,
    benefits: t.benefits?.[q.lang] ?? [],
    cumulative: !!t.cumulative,
  }));
  const whens = tiers
    .map((t) => [t.key, benefitsOf(order, t.key, q.lang)] as const)
    .filter(([, b]) => b !== "")
    .map(([k, b]) => `WHEN ${q.d.str(k)} THEN ${q.d.str(b)}`);
  return whens.length ? `CASE ${keyExpr} ${whens.join(" ")} END` : `CAST(NULL AS ${q.d.text})`;
}

function levelSql(q: Query, rs: Extract<RuleSet, { method: "level" }>): string {
  const d = q.d;
  const key = rs.column;
  const x = q.value(key);
  q.prepare();
  const pick = [...rs.tiers]
    .map((t, i) => ({ t, i }))
    .reverse()
    .map(({ t }) => `WHEN ${x} >= ${dbl(d, t.min)} THEN ${d.str(t.key)}`);
  q.ctes.push([
    "leveled",
    `SELECT prepared.*, CASE WHEN issue IS NULL THEN CASE ${pick.join(" ")} END END AS tier_key\n  FROM prepared`,
  ]);
  const tier = `CASE tier_key ${rs.tiers.map((t) => `WHEN ${d.str(t.key)} THEN ${q.name(t.name)}`).join(" ")} END`;
  const issue = `COALESCE(issue, CASE WHEN tier_key IS NULL THEN ${d.str(`${q.label(key)}: `)} || CAST(${x} AS ${d.text}) || ${d.str(` is below the lowest tier (${rs.tiers[0].min})`)} END)`;
  return q.render(
    q.output(
      [
        [key, `CASE WHEN issue IS NULL THEN ${q.r2(x)} END`],
        ["benefits", benefitsSql(q, rs.tiers, "tier_key")],
      ],
      tier,
      issue,
    ) + "\nFROM leveled",
  );
}

type Condition = Extract<RuleSet, { method: "rules" }>["rules"][number]["when"][number];

function conditionSql(q: Query, x: string, c: Condition): string {
  const d = q.d;
  const lit = (v: number | string) => (typeof v === "number" ? dbl(d, v) : d.str(v.trim()));
  const lhs = (v: number | string) => (typeof v === "number" ? x : q.jsText(x));
  const v = c.value;
  switch (c.op) {
    case "between": {
      const [lo, hi] = v as (number | string)[];
      return `${lhs(lo)} BETWEEN ${lit(lo)} AND ${lit(hi)}`;
    }
    case "in":
      return `(${(v as (number | string)[]).map((e) => `${lhs(e)} = ${lit(e)}`).join(" OR ")})`;
    default: {
      const s = v as number | string;
      return `${lhs(s)} ${c.op} ${lit(s)}`;
    }
  }
}

function rulesSql(q: Query, rs: Extract<RuleSet, { method: "rules" }>): string {
  const d = q.d;
  const used = [...new Set(rs.rules.flatMap((r) => r.when.map((c) => c.column)))];
  for (const c of used) q.value(c);
  q.prepare();
  const whens = rs.rules.map((r) => {
    const conds = r.when.map((c) => conditionSql(q, d.id(c.column), c));
    return `WHEN ${conds.length ? conds.join(" AND ") : "TRUE"} THEN ${d.str(r.tier)}`;
  });
  const fallback = rs.default !== undefined ? ` ELSE ${d.str(rs.default)}` : "";
  q.ctes.push([
    "ruled",
    `SELECT prepared.*, CASE WHEN issue IS NULL THEN CASE\n      ${whens.join("\n      ")}${fallback} END END AS tier_key\n  FROM prepared`,
  ]);
  const tier = `CASE tier_key ${rs.tiers.map((t) => `WHEN ${d.str(t.key)} THEN ${q.name(t.name)}`).join(" ")} END`;
  const issue = `COALESCE(issue, CASE WHEN tier_key IS NULL THEN 'no rule matches and the policy has no default tier' END)`;
  return q.render(
    q.output(
      [
        ...used.map((c) => [c, q.r2(d.id(c))] as [string, string]),
        ["benefits", benefitsSql(q, rs.tiers, "tier_key")],
      ],
      tier,
      issue,
    ) + "\nFROM ruled",
  );
}

function lifecycleSql(q: Query, rs: Extract<RuleSet, { method: "lifecycle" }>): string {
  const w = rs.windows;
  // Blank values are allowed (a prospect has no purchase); unreadable ones are not.
  q.value("frequency", { optional: true });
  const f = "frequency";
  let last = "recency_days";
  if (!q.orders && q.options.map?.recency_days !== undefined) {
    // The recency column is shown, but the stage is worked out from the dates, as the engine does.
    q.value("recency_days", { check: false });
    last = q.value("last_days", { optional: true });
  } else q.value("recency_days", { optional: true });
  const first = q.value("tenure_days", { optional: true });
  q.prepare();
  const st = (i: number) => q.name(LIFECYCLE_STAGES[i].name);
  const firstOrLast = `COALESCE(${first}, CASE WHEN ${f} = 1 THEN ${last} END)`;
  const stage = `CASE WHEN issue IS NOT NULL THEN NULL
      WHEN ${f} = 0 OR (${f} IS NULL AND ${last} IS NULL) THEN ${st(0)}
      WHEN ${f} < 0 OR ${last} IS NULL OR ${first} < ${last} THEN NULL
      WHEN ${last} > ${w.lostDays} THEN ${st(1)}
      WHEN ${last} > ${w.atRiskDays} THEN ${st(2)}
      WHEN ${firstOrLast} IS NULL THEN NULL
      WHEN ${firstOrLast} <= ${w.newDays} THEN ${st(3)}
      WHEN ${f} IS NULL THEN NULL
      WHEN ${f} >= ${w.loyalFrequency} THEN ${st(4)}
      WHEN ${f} >= ${w.regularFrequency} THEN ${st(5)}
      ELSE ${st(6)} END`;
  q.ctes.push(["staged", `SELECT prepared.*, ${stage} AS stage\n  FROM prepared`]);
  const issue = `COALESCE(issue, CASE WHEN stage IS NULL THEN 'purchases without a readable first and last date' END)`;
  return q.render(
    q.output(
      [
        ["recency_days", q.r2("recency_days")],
        ["frequency", q.r2(f)],
      ],
      "stage",
      issue,
    ) + `\nFROM staged`,
  );
}

function scorecardSql(q: Query, rs: Extract<RuleSet, { method: "scorecard" }>): string {
  const d = q.d;
  const map = q.options.map ?? {};
  const ratings = rs.criteria.map((c, j) => {
    const column = map[c.key] ?? c.key;
    const alias = `rating${j + 1}`;
    const labels = RATINGS.map(([l, s]) => `WHEN ${d.str(l)} THEN ${s}`).join(" ");
    // A number 1..5 (half points kept), numeric text, or a label 优秀 5 … 不合格 1 (Excellent … Unacceptable).
    const { ref, text: t } = q.cell(
      alias,
      (t) =>
        `CASE WHEN ${d.num(t)} BETWEEN 1 AND 5 THEN ${d.num(t)} WHEN ${d.num(t)} IS NULL THEN CASE LOWER(${t}) ${labels} END END`,
      d.id(column),
    );
    if (rs.missing === "skip")
      q.check(
        `${ref} IS NULL`,
        `CASE WHEN ${t} IS NULL OR ${t} = '' THEN ${d.str(`${column}: blank rating`)} ELSE ${d.str(`${column}: "`)} || ${t} || ${d.str('" is not a rating (1-5 or 优秀/良好/合格/较差/不合格)')} END`,
      );
    return rs.missing === "one" ? `COALESCE(${ref}, 1)` : ref;
  });
  const stages = Object.keys(rs.profiles);
  const weighted = (w: number[]) => {
    let sw = 0;
    for (const x of w) sw += x;
    return `(${w.map((x, j) => `${dbl(d, x)} * ${ratings[j]}`).join(" + ")}) / ${dbl(d, sw)}`;
  };
  let score: string;
  if (stages.length > 1) {
    const stageCol = q.options.map?.stage ?? "stage";
    const s = q.cell("stage", (t) => t, d.id(stageCol)).ref;
    const list = stages.join(", ");
    q.check(
      `(${s} IS NULL OR ${s} NOT IN (${stages.map((x) => d.str(x)).join(", ")}))`,
      `CASE WHEN ${s} IS NULL OR ${s} = '' THEN ${d.str(`${stageCol}: blank stage is not one of ${list}`)} ELSE ${d.str(`${stageCol}: stage "`)} || ${s} || ${d.str(`" is not one of ${list}`)} END`,
    );
    score = `CASE stage ${stages.map((st) => `WHEN ${d.str(st)} THEN ${weighted(rs.profiles[st])}`).join("\n      ")} END`;
  } else score = weighted(rs.profiles[stages[0]]);
  q.prepare();
  const shown = rs.scale === 100 ? `(${score}) * 20` : score;
  q.ctes.push([
    "scored",
    `SELECT prepared.*, CASE WHEN issue IS NULL THEN ${shown} END AS score\n  FROM prepared`,
  ]);
  const t = rs.stars;
  q.ctes.push([
    "starred",
    `SELECT scored.*, CASE WHEN score >= ${dbl(d, t[0])} THEN 5 WHEN score >= ${dbl(d, t[1])} THEN 4 WHEN score >= ${dbl(d, t[2])} THEN 3 WHEN score >= ${dbl(d, t[3])} THEN 2 WHEN score IS NOT NULL THEN 1 END AS stars\n  FROM scored`,
  ]);
  const starName = (k: number) => d.str(q.lang === "zh" ? `${k}星` : k === 1 ? "1 star" : `${k} stars`);
  return q.render(
    q.output(
      [
        ["score", q.r2("score")],
        ["stars", "stars"],
        ["class", "CASE WHEN stars >= 4 THEN 'A' WHEN stars >= 2 THEN 'B' WHEN stars = 1 THEN 'C' END"],
      ],
      `CASE stars ${[5, 4, 3, 2, 1].map((k) => `WHEN ${k} THEN ${starName(k)}`).join(" ")} END`,
    ) + "\nFROM starred",
  );
}

function gridSql(q: Query, rs: Extract<RuleSet, { method: "grid" }>): string {
  const d = q.d;
  const xk = rs.x.role;
  const yk = rs.y.role;
  const x = q.value(xk);
  const y = q.value(yk);
  q.prepare();
  const joins: string[] = [];
  const level = (axis: "x" | "y", v: string): string => {
    const cut = rs[axis].cut;
    if (cut.method === "fixed")
      return `CASE WHEN ${v} >= ${dbl(d, cut.high)} THEN 3 WHEN ${v} >= ${dbl(d, cut.low)} THEN 2 ELSE 1 END`;
    const c = cutCtes(d, {
      name: axis,
      value: v,
      from: "prepared WHERE issue IS NULL",
      bins: 3,
      style: "tercile",
    });
    q.ctes.push(...c.ctes);
    joins.push(c.cut);
    return `1 + CASE WHEN ${v} > ${c.cut}.q1 THEN 1 ELSE 0 END + CASE WHEN ${v} > ${c.cut}.q2 THEN 1 ELSE 0 END`;
  };
  const lx = level("x", x);
  const ly = level("y", y);
  const t = d.text;
  q.ctes.push([
    "celled",
    `SELECT prepared.*, CASE WHEN issue IS NULL THEN\n      CASE ${lx} WHEN 3 THEN 'A' WHEN 2 THEN 'B' ELSE 'C' END || CAST(4 - (${ly}) AS ${t}) END AS cell\n  FROM prepared${joins.map((j) => ` CROSS JOIN ${j}`).join("")}`,
  ]);
  const byCell = new Map(rs.cells.map((c) => [c.cell, c]));
  const tier = `CASE cell ${GRID_CELLS.map((c) => `WHEN '${c}' THEN ${q.name(byCell.get(c)!.name)}`).join(" ")} END`;
  const visits = `CASE cell ${GRID_CELLS.map((c) => `WHEN '${c}' THEN ${byCell.get(c)!.visits}`).join(" ")} END`;
  return q.render(
    q.output(
      [
        [xk, `CASE WHEN issue IS NULL THEN ${q.r2(x)} END`],
        [yk, `CASE WHEN issue IS NULL THEN ${q.r2(y)} END`],
        ["cell", "cell"],
        ["visits", visits],
      ],
      tier,
    ) + "\nFROM celled",
  );
}

/**
 * One query that grades `options.table` with the rule set and returns `customer_id`, the method's
 * columns, `tier` and `issue` (in no particular order unless `order` is set): the same rows `tier grade` gives, for every
 * method (RFM quantile / rfm-r / fixed with segments, rfm8, ABC by share or amount or monthly average,
 * pyramid, level, rule tables, lifecycle, scorecards with stage weights, nine-grid).
 *
 * @example toSql(preset("abc"), { dialect: "duckdb", table: "sales", input: "customers", asOf: "2025-12-31" })
 */
export function toSql(ruleSet: RuleSet, options: SqlOptions): string {
  const rs = parseRuleSet(ruleSet);
  const q = new Query(options);
  switch (rs.method) {
    case "rfm":
      return rfmSql(q, rs);
    case "rfm8":
      return rfm8Sql(q);
    case "abc":
      return abcSql(q, rs);
    case "pyramid":
      return pyramidSql(q, rs);
    case "level":
      return levelSql(q, rs);
    case "rules":
      return rulesSql(q, rs);
    case "lifecycle":
      return lifecycleSql(q, rs);
    case "scorecard":
      return scorecardSql(q, rs);
    case "grid":
      return gridSql(q, rs);
  }
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
