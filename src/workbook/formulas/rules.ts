/**
 * Rule tables as formulas (spec "Threshold tiers and rule tables"): nested `IF(AND(conditions), tier,
 * IF(…))`, first matching rule wins, the default (or no tier) last. Every value a condition compares
 * with sits in a labelled cell of the rules block, so a threshold is changed by typing over it.
 */
import type { RuleSet } from "../../engine/ruleset";
import { TierError } from "../../engine/errors";
import { windowDays } from "../../engine/window";
import { excelSerial } from "./index";
import { numberInput, textInput, validColumn, type Env } from "./inputs";
import { textColumns } from "../../engine/methods/rules";
import type { MethodFormulas } from "./method";
import type { ColumnRef, FormulaBuilder } from "./refs";

type Condition = Extract<RuleSet, { method: "rules" }>["rules"][number]["when"][number];

function condition(c: Condition, x: string, cells: string[]): string {
  switch (c.op) {
    case "between":
      return `AND(${x}>=${cells[0]},${x}<=${cells[1]})`;
    case "in":
      return `OR(${cells.map((v) => `${x}=${v}`).join(",")})`;
    default:
      return `${x}${c.op}${cells[0]}`;
  }
}

/** A condition's operator as the rules block's label shows it (≥ rather than >=). */
function opText(op: Condition["op"], env: Env): string {
  if (op === "between") return env.label("opBetween");
  if (op === "in") return env.label("opIn");
  return { ">=": "≥", "<=": "≤", "<>": "≠", ">": ">", "<": "<", "=": "=" }[op];
}

/** A condition's column as the label shows it: the user's header, or the words of a derived value. */
function columnText(column: string, env: Env): string {
  const derived = { tenure_days: "tenureDays", recency_days: "recencyDays" } as const;
  if (env.mapping[column] !== undefined) return env.mapping[column];
  if (column in derived) return env.label(derived[column as keyof typeof derived]).replace(/^\S+·/, "");
  return column;
}

/**
 * Writes one rule table; `tierName(key)` is the cell holding that tier's name and `tierText(key)` the
 * name the labels show. Shared with lifecycle-like tables.
 */
export function ruleTableFormula(
  b: FormulaBuilder,
  env: Env,
  rules: { tier: string; when: readonly Condition[] }[],
  refs: Map<string, ColumnRef>,
  tierName: (key: string) => string,
  fallback: string,
  tierText: (key: string) => string = (key) => key,
): (r: number) => string {
  const compiled = rules.map((rule, k) => {
    const conds = rule.when.map((c) => {
      const values = Array.isArray(c.value) ? c.value : [c.value];
      const label = env.label("rule", {
        k: k + 1,
        tier: tierText(rule.tier),
        column: columnText(c.column, env),
        op: opText(c.op, env),
      });
      return { c, cells: b.ruleRow(label, [...values]).cells };
    });
    return { tier: tierName(rule.tier), conds };
  });
  return (r) => {
    let out = fallback;
    for (let k = compiled.length - 1; k >= 0; k--) {
      const { tier, conds } = compiled[k];
      const tests = conds.map(({ c, cells }) => condition(c, refs.get(c.column)!.at(r), cells));
      out = `IF(${tests.length ? `AND(${tests.join(",")})` : "TRUE"},${tier},${out})`;
    }
    return out;
  };
}

/**
 * Spend and counts over the rule set's window: `SUMIFS(amounts, ids, id, days, ">="&from)` and the
 * COUNTIFS beside it, `from` a labelled date cell of the rules block (blank, as the whole-sheet
 * aggregates, for a customer with no counted order at all).
 */
function windowInputs(
  rs: Extract<RuleSet, { method: "rules" }>,
  b: FormulaBuilder,
  env: Env,
  used: readonly string[],
): Map<string, ColumnRef> {
  const out = new Map<string, ColumnRef>();
  const window = rs.window && rs.window.kind !== "all" ? rs.window : undefined;
  if (!window) return out;
  const o = env.orderRanges;
  if (env.kind !== "orders" || !o || env.asOfDay === undefined)
    throw new TierError("rules.windowNeedsOrders");
  const from = b.ruleRow(
    env.label("windowFrom"),
    [excelSerial(windowDays(window, env.asOfDay)[0])],
    "yyyy-mm-dd",
  ).cells[0];
  const any = (r: number) => `COUNTIFS(${o.ids},A${r},${o.days},">0")=0`;
  for (const c of used) {
    if (c === "amount")
      out.set(
        c,
        b.column(
          env.label("windowAmount"),
          // A return's day is written negative (formulas/orders.ts): it counts in the window's spend.
          (r) =>
            `IF(${any(r)},"",SUMIFS(${o.amounts},${o.ids},A${r},${o.days},">="&${from})+SUMIFS(${o.amounts},${o.ids},A${r},${o.days},"<="&-${from}))`,
        ),
      );
    else if (c === "frequency")
      out.set(
        c,
        b.column(
          env.label("windowFrequency"),
          (r) => `IF(${any(r)},"",COUNTIFS(${o.ids},A${r},${o.days},">="&${from}))`,
        ),
      );
    else if (["last_day", "first_day", "recency_days"].includes(c))
      throw new TierError("formulas.windowColumn", { column: c });
  }
  return out;
}

export const rulesFormulas: MethodFormulas<"rules"> = (rs, b, env) => {
  // A rule on margin holds for nobody without a margin column (as in the engine): it is left out.
  if (rs.margin && rs.rules.some((r) => r.when.some((c) => c.column === "margin")))
    throw new TierError("formulas.marginUnsupported");
  rs = { ...rs, rules: rs.rules.filter((r) => r.when.every((c) => c.column !== "margin")) };
  const used = [...new Set(rs.rules.flatMap((r) => r.when.map((c) => c.column)))];
  // Category columns (客户类型 in …) are compared as the cells hold them (Excel's = ignores case and
  // does not trim, where the engine trims: a category with stray spaces differs).
  const texts = textColumns(rs);
  const windowed = windowInputs(rs, b, env, used);
  const refs = new Map(
    used.map(
      (c) =>
        [c, windowed.get(c) ?? (texts.has(c) ? textInput(b, env, c) : numberInput(b, env, c))] as [
          string,
          ColumnRef,
        ],
    ),
  );
  const valid = validColumn(
    b,
    env,
    used.filter((c) => !texts.has(c)).map((c) => refs.get(c)!),
  );
  const names = b.ruleRow(
    env.label("tierNames"),
    rs.tiers.map((t) => (env.lang === "zh" ? t.name.zh : t.name.en)),
  ).cells;
  const nameOf = (key: string) => names[rs.tiers.findIndex((t) => t.key === key)];
  const fallback = rs.default === undefined ? '""' : nameOf(rs.default);
  const textOf = (key: string) => {
    const t = rs.tiers.find((x) => x.key === key);
    return t ? t.name[env.lang] : key;
  };
  const formula = ruleTableFormula(b, env, rs.rules, refs, nameOf, fallback, textOf);
  return b.column(env.label("tier"), (r) => `IF(${valid.at(r)}=1,${formula(r)},"")`);
};
