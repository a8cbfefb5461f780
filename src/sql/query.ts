/**
 * The query every method's SQL is built on: options checked once, each value read from its column
 * (or from the per-customer aggregate of an orders table) with the engine's reason when it is bad, the
 * `cells` / `valued` / `prepared` CTEs, and the final `SELECT` list. Pure string building.
 */
import { parseIsoDay, formatDay } from "../engine/dates";
import { TierError } from "../engine/errors";
import { dialectOf, DIALECTS, type Dialect, type SqlDialect } from "./dialect";

/** What `toSql` grades and how: the dialect, the table, its shape, the column of each role, the as-of day. */
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

// The per-customer values the `customers` CTE aggregates from an orders table; anything else is a cell
// of a customer row, which an orders table only has per purchase.
const ROLES_ORDERS = new Set(["amount", "frequency", "recency_days", "tenure_days"]);

/**
 * The shared builder of one grading query: a method asks it for values (`q.value("amount")`), calls
 * `prepare()`, pushes its own CTEs onto `ctes` and ends with `render(output(...))`.
 *
 * @example
 * const q = new Query({ dialect: "duckdb", table: "sales", input: "customers", asOf: "2025-12-31" });
 * q.value("amount"); q.prepare();
 * q.render(q.output([["amount", q.r2("amount")]], "'A'") + "\nFROM prepared");
 */
export class Query {
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
  /**
   * Orders only: the first day (YYYY-MM-DD) of a rule table's spend window; amount, frequency and
   * the last day then add up the orders from it on, tenure still counts from the first order ever.
   */
  windowFrom?: string;
  /**
   * The rule set's tiers with their strategies (策略), set by `toSql`: `output` adds the `strategy`
   * column from them, by tier name, when the method's own columns have none (as the grade driver does).
   */
  strategyTiers?: readonly {
    name: { zh: string; en: string };
    strategies?: { zh: readonly string[]; en: readonly string[] };
  }[];

  constructor(readonly options: SqlOptions) {
    if (!DIALECTS.includes(options.dialect))
      throw new TierError("sql.dialect", { dialects: [...DIALECTS], got: String(options.dialect) });
    this.d = dialectOf(options.dialect);
    if (typeof options.table !== "string" || options.table.trim() === "") throw new TierError("sql.noTable");
    if (options.input !== "orders" && options.input !== "customers")
      throw new TierError("sql.input", { got: String(options.input) });
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
    if (this.orders) throw new TierError("sql.perRowInOrders", { column });
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
      if (!ROLES_ORDERS.has(key)) throw new TierError("sql.ordersRole", { key, roles: [...ROLES_ORDERS] });
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
      // Line items: amount = quantity × unit price when no amount column is mapped.
      const lines =
        this.map.amount === undefined && this.map.quantity !== undefined && this.map.unit_price !== undefined;
      const rows = [
        `${id} AS customer_id`,
        `${d.date(this.col("date"))} AS order_day`,
        lines
          ? `${d.num(this.col("quantity"))} * ${d.num(this.col("unit_price"))} AS amount`
          : `${d.num(this.col("amount"))} AS amount`,
      ];
      if (lines) rows.push(`${d.num(this.col("quantity"))} AS quantity`);
      if (orderId) rows.push(`TRIM(CAST(${orderId} AS ${d.text})) AS order_id`);
      if (nameCol) rows.push(`NULLIF(TRIM(CAST(${nameCol} AS ${d.text})), '') AS name`);
      this.ctes.push(["order_rows", `SELECT ${rows.join(",\n    ")}\n  FROM ${table}`]);
      const keep = [
        "customer_id IS NOT NULL AND customer_id <> ''",
        "amount IS NOT NULL",
        `order_day IS NOT NULL AND order_day <= ${this.asOf}`,
      ];
      if (orderId) keep.push("order_id IS NOT NULL AND order_id <> ''");
      // A return (negative amount or quantity) reduces the amount but is no purchase: it is left out of
      // frequency and the purchase days, as in the engine's aggregateOrders.
      const purchase = `NOT (amount < 0${lines ? " OR quantity < 0" : ""})`;
      const when = (x: string) => `CASE WHEN ${purchase} THEN ${x} END`;
      // A rule table's spend window: spend and counts over its orders, the first purchase ever (tenure).
      const inWindow =
        this.windowFrom === undefined ? undefined : `order_day >= ${d.dateLit(this.windowFrom)}`;
      const bought = inWindow === undefined ? purchase : `${inWindow} AND ${purchase}`;
      const whenBought = (x: string) => `CASE WHEN ${bought} THEN ${x} END`;
      this.ctes.push([
        "customers",
        `SELECT customer_id,${nameCol ? " MIN(name) AS name," : ""}\n` +
          `    CAST(${orderId ? `COUNT(DISTINCT ${whenBought("order_id")})` : `COUNT(${whenBought("1")})`} AS ${d.double}) AS frequency,\n` +
          (inWindow === undefined
            ? `    SUM(CAST(amount AS ${d.double})) AS amount,`
            : `    SUM(CASE WHEN ${inWindow} THEN CAST(amount AS ${d.double}) ELSE 0 END) AS amount,`) +
          ` MIN(${when("order_day")}) AS first_day, MAX(${whenBought("order_day")}) AS last_day` +
          // With a window, "only returns" is about every order, not the window's.
          (inWindow === undefined
            ? ""
            : `,\n    COUNT(${when("1")}) AS purchases, SUM(CAST(amount AS ${d.double})) AS net`) +
          `\n` +
          `  FROM order_rows\n  WHERE ${keep.join("\n    AND ")}\n  GROUP BY customer_id`,
      ]);
      // A customer with only returns is listed without a tier, as the engine lists it.
      this.ctes.push([
        "prepared",
        `SELECT customer_id,${nameCol ? " name," : ""} frequency, amount,\n` +
          `    CAST(${d.days("last_day", this.asOf)} AS ${d.double}) AS recency_days,\n` +
          `    CAST(${d.days("first_day", this.asOf)} AS ${d.double}) AS tenure_days,\n` +
          `    CASE WHEN ${inWindow === undefined ? "frequency" : "purchases"} = 0 THEN ${d.str("only returns, no purchase in the data (net ")} || CAST(${this.r2(inWindow === undefined ? "amount" : "net")} AS ${d.text}) || ')' END AS issue\n  FROM customers`,
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
    const strategy = columns.some(([key]) => key === "strategy") ? undefined : this.strategyOf(tier);
    if (strategy) list.push(`${strategy} AS ${d.id("strategy")}`);
    list.push(`${tier} AS tier`, `${issue} AS issue`);
    return `SELECT ${list.join(",\n  ")}`;
  }

  /** The strategy of each tier as a CASE over the tier's name, joined as the engine's edge joins them. */
  private strategyOf(tier: string): string | undefined {
    const tiers = this.strategyTiers ?? [];
    if (!tiers.some((t) => t.strategies)) return undefined;
    const sep = this.lang === "zh" ? "、" : ", ";
    const whens = tiers
      .map((t) => [this.name(t.name), (t.strategies?.[this.lang] ?? []).join(sep)] as const)
      .filter(([, s]) => s !== "")
      .map(([n, s]) => `WHEN ${n} THEN ${this.d.str(s)}`);
    return whens.length ? `CASE ${tier} ${whens.join(" ")} END` : `CAST(NULL AS ${this.d.text})`;
  }
}
