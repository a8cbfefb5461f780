/**
 * Rule tables as formulas (spec "Threshold tiers and rule tables"): nested `IF(AND(conditions), tier,
 * IF(…))`, first matching rule wins, the default (or no tier) last. Every value a condition compares
 * with sits in a labelled cell of the rules block, so a threshold is changed by typing over it.
 */
import type { RuleSet } from "../../engine/ruleset";
import { textColumns } from "../../engine/methods/rules";
import { numberInput, textInput, validColumn, type Env } from "./inputs";
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

/** Writes one rule table; `tierName(key)` is the cell holding that tier's name. Shared with lifecycle-like tables. */
export function ruleTableFormula(
  b: FormulaBuilder,
  env: Env,
  rules: { tier: string; when: readonly Condition[] }[],
  refs: Map<string, ColumnRef>,
  tierName: (key: string) => string,
  fallback: string,
): (r: number) => string {
  const compiled = rules.map((rule, k) => {
    const conds = rule.when.map((c) => {
      const values = Array.isArray(c.value) ? c.value : [c.value];
      const label = env.label("rule", { k: k + 1, tier: rule.tier, column: c.column, op: c.op });
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

export const rulesFormulas: MethodFormulas<"rules"> = (rs, b, env) => {
  const used = [...new Set(rs.rules.flatMap((r) => r.when.map((c) => c.column)))];
  // Category columns (客户类型 in …) are compared as the cells hold them (Excel's = ignores case and
  // does not trim, where the engine trims: a category with stray spaces differs).
  const texts = textColumns(rs);
  const refs = new Map(
    used.map((c) => [c, texts.has(c) ? textInput(b, env, c) : numberInput(b, env, c)] as [string, ColumnRef]),
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
  const formula = ruleTableFormula(b, env, rs.rules, refs, nameOf, fallback);
  return b.column(env.label("tier"), (r) => `IF(${valid.at(r)}=1,${formula(r)},"")`);
};
