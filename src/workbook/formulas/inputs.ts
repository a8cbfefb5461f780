/**
 * The numbers a method reads, as cells of the customer's own row: the user's columns where the engine
 * reads them as they are, and small helper columns where it derives a value (days since the last
 * purchase, tenure, a date checked against the as-of date). Every reference holds a number when the
 * value is valid and "" (or the user's text) when it is not, so `ISNUMBER` is the one validity test.
 */
import { TierError } from "../../engine/errors";
import type { Lang } from "../../engine/grade";
import { normaliseHeader, ROLE_SYNONYMS } from "../../engine/headers";
import { formulaLabel, type FormulaLabel } from "./labels";
import type { ColumnRef, FormulaBuilder } from "./refs";

/** What the method modules know about the graded table besides the builder. */
export interface Env {
  lang: Lang;
  /** Orders: the inputs are aggregates on the customers sheet; customers: the user's columns. */
  kind: "orders" | "customers";
  /** Headers of the user's table (customers input). */
  headers: readonly string[];
  /** Role → header the engine used. */
  mapping: Readonly<Record<string, string>>;
  /** A label in the user's language. */
  label: (key: FormulaLabel, params?: Record<string, string | number>) => string;
  /** Helper columns made so far, by key, so two methods' needs share one column. */
  made: Map<string, ColumnRef>;
  /** The as-of day (days since 1970-01-01), for windows a rule table counts back from. */
  asOfDay?: number;
  /** Orders: the orders sheet's id, amount and counted-day ranges, for windowed sums. */
  orderRanges?: { ids: string; amounts: string; days: string };
}

/** Keys the engine derives rather than reads (grade.ts DAY_ROLES and the date roles). */
const DERIVED = new Set(["recency_days", "tenure_days", "last_day", "first_day"]);

function fail(key: string): never {
  throw new TierError("formulas.noColumn", { column: key });
}

/** The user's column for a role or a header, as the engine's columnKey finds it. */
function userColumn(b: FormulaBuilder, env: Env, key: string): ColumnRef | undefined {
  const header =
    env.mapping[key] ??
    (key in ROLE_SYNONYMS ? undefined : env.headers.find((h) => normaliseHeader(h) === normaliseHeader(key)));
  return header === undefined ? undefined : b.input(header);
}

/** A date column as whole day serials, "" when unreadable or after the as-of date (readDate's rule). */
function dayColumn(b: FormulaBuilder, env: Env, role: "last_date" | "first_date"): ColumnRef {
  const key = role === "last_date" ? "last_day" : "first_day";
  const made = env.made.get(key);
  if (made) return made;
  if (env.kind === "orders") return b.input(key) ?? fail(role);
  const src = userColumn(b, env, role) ?? fail(role);
  const ref = b.column(
    env.label(role === "last_date" ? "lastDate" : "firstDate"),
    (r) =>
      `IF(ISNUMBER(${src.at(r)}),IF(AND(${src.at(r)}>=1,INT(${src.at(r)})<=${b.asOf}),INT(${src.at(r)}),""),"")`,
    { format: "yyyy-mm-dd" },
  );
  env.made.set(key, ref);
  return ref;
}

/**
 * The cell holding a number the engine reads under `key`: a role (`amount`, `recency_days`,
 * `tenure_days` …) or a header of the sheet. Derived values get one helper column each.
 *
 * @example numberInput(b, env, "recency_days").at(5) // "K5", where K5 is =IF(ISNUMBER(D5),…,"")
 */
export function numberInput(b: FormulaBuilder, env: Env, key: string): ColumnRef {
  const made = env.made.get(key);
  if (made) return made;
  if (!DERIVED.has(key)) {
    if (env.kind === "orders" && (key === "amount" || key === "frequency")) return b.input(key)!;
    return userColumn(b, env, key) ?? fail(key);
  }
  if (key === "last_day") return dayColumn(b, env, "last_date");
  if (key === "first_day") return dayColumn(b, env, "first_date");
  if (key === "recency_days" && env.kind === "customers" && env.mapping.recency_days !== undefined)
    return userColumn(b, env, "recency_days")!;
  const day = dayColumn(b, env, key === "recency_days" ? "last_date" : "first_date");
  const ref = b.column(env.label(key === "recency_days" ? "recencyDays" : "tenureDays"), (r) =>
    env.kind === "orders" ? `${b.asOf}-${day.at(r)}` : `IF(ISNUMBER(${day.at(r)}),${b.asOf}-${day.at(r)},"")`,
  );
  env.made.set(key, ref);
  return ref;
}

/** `AND(id ok, ISNUMBER(x1), …)` for one row. */
export function allValid(b: FormulaBuilder, refs: readonly ColumnRef[], row: number): string {
  const id = b.idOk(row);
  const tests = [...(id === "TRUE" ? [] : [id]), ...refs.map((x) => `ISNUMBER(${x.at(row)})`)];
  return tests.length ? `AND(${tests.join(",")})` : "TRUE";
}

/** The validity column (1 or 0) of a method that needs every one of `refs`. */
export function validColumn(b: FormulaBuilder, env: Env, refs: readonly ColumnRef[]): ColumnRef {
  return b.column(env.label("valid"), (r) => `IF(${allValid(b, refs, r)},1,0)`);
}

/** A value column holding `x` on valid rows and "" elsewhere: what cut points and shares are taken over. */
export function validValues(
  b: FormulaBuilder,
  env: Env,
  valid: ColumnRef,
  x: ColumnRef,
  name: string,
): ColumnRef {
  return b.column(env.label("value", { name }), (r) => `IF(${valid.at(r)}=1,${x.at(r)},"")`);
}

/** Builds an Env. */
export function makeEnv(
  lang: Lang,
  kind: Env["kind"],
  headers: readonly string[],
  mapping: Readonly<Record<string, string>>,
): Env {
  return {
    lang,
    kind,
    headers,
    mapping,
    label: (key, params) => formulaLabel(key, lang, params),
    made: new Map(),
  };
}

/**
 * The user's column a rule table compares as text (客户类型, 满意度), as it is: no validity test, a
 * blank cell simply fails its conditions, as in the engine.
 *
 * @example textInput(b, env, "客户类型").at(5) // "C5"
 */
export function textInput(b: FormulaBuilder, env: Env, key: string): ColumnRef {
  return userColumn(b, env, key) ?? fail(key);
}
