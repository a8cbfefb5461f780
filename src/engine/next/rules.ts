/** Reasons and next steps of the `rules` method (membership cards): first matching rule wins. */
import { applyRules, ruleMatcher, type Condition, type RuleTable } from "../rules";
import type { RulesRules } from "../methods/rules";
import { textColumns, windowColumns } from "../methods/rules-window";
import { readText } from "../values";
import type { MethodDef, MethodInput } from "../methods/types";
import type { Reason } from "../reasons";
import { atLeast, atMost, searchNext, stepOf, type Candidate, columnOf } from "./search";

type Parts = Pick<MethodDef<RulesRules>, "explain" | "next" | "regrade" | "startOf">;

/** How a failed condition reads: the opposite operator, as a user writes it. */
const NOT: Record<string, string> = { ">=": "<", ">": "≤", "<=": ">", "<": "≥", "=": "≠", "<>": "=" };
const SHOWN: Record<string, string> = { ">=": "≥", ">": ">", "<=": "≤", "<": "<", "=": "=", "<>": "≠" };

interface Columns {
  used: string[];
  keys: Record<string, string>;
  cols: Record<string, Float64Array | string[]>;
  /** Columns compared as text (客户类型 in …): no step moves them. */
  texts: Set<string>;
}

function columnsOf(input: MethodInput, rs: RulesRules): Columns {
  const used = [...new Set(rs.rules.flatMap((r) => r.when.map((c) => c.column)))];
  const keys: Record<string, string> = {};
  const cols: Record<string, Float64Array | string[]> = {};
  const texts = textColumns(rs);
  // Spend and counts over the rule set's window, and the margin, are the ones the grading used.
  const own = windowColumns(input, rs, used);
  for (const c of used) {
    keys[c] = own.has(c) ? c : input.columnKey(c);
    cols[c] = own.get(c) ?? (texts.has(c) ? input.cells(keys[c]).map(readText) : input.numeric(keys[c]));
  }
  return { used, keys, cols, texts };
}

function table(rs: RulesRules): RuleTable {
  return { rules: rs.rules.map((r) => ({ tier: r.tier, when: r.when })), default: rs.default };
}

/** Whether one condition holds for a number (the same test as applyRules, on one value). */
const tests = new WeakMap<Condition, (x: unknown) => boolean>();
function holds(c: Condition, x: unknown): boolean {
  let test = tests.get(c);
  if (!test) {
    const match = ruleMatcher({ rules: [{ tier: "t", when: [{ ...c, column: "x" }] }] }, ["x"]);
    test = (v) => match({ x: v }) === 0;
    tests.set(c, test);
  }
  return test(x);
}

/** A condition as numbers a sentence can quote: `{column} {value} ≥ {tier} threshold {limit}`. */
function conditionReason(
  input: MethodInput,
  cols: Columns,
  c: Condition,
  tier: string,
  i: number,
  met: boolean,
): Reason {
  const key = cols.keys[c.column];
  const op = met ? SHOWN[c.op] : NOT[c.op];
  const limit = Array.isArray(c.value) ? [...c.value] : (c.value as number | string);
  return {
    code: op ? "why.condition" : met ? "why.conditionIn" : "why.conditionNotIn",
    params: {
      column: columnOf(input, key),
      role: key,
      value: cols.cols[c.column][i],
      op: op ?? "",
      tier,
      limit,
    },
  };
}

/** The values at which condition `c` flips, on the column's step grid. */
function flips(c: Condition, step: number): number[] {
  const vs = (Array.isArray(c.value) ? c.value : [c.value]).filter((x): x is number => typeof x === "number");
  const out: number[] = [];
  for (const v of vs) {
    if (c.op === ">=" || c.op === "<") out.push(atLeast(v, step, false), atMost(v, step, true));
    else if (c.op === ">" || c.op === "<=") out.push(atLeast(v, step, true), atMost(v, step, false));
    else out.push(v, v + step, v - step);
  }
  return out;
}

/**
 * The rule that placed the customer, its conditions with their numbers, and the conditions of the
 * next tier's rule that failed ("消费金额 8,640 ≥ 银卡门槛 5,000；消费金额 8,640 < 金卡门槛 10,000").
 * The next step tries, for each column, the values where one of its conditions flips.
 *
 * @example rulesNext.next!(input, preset("membership"), run)[0] // { tier: "gold", role: "amount", … }
 */
export const rulesNext: Parts = {
  // The amount its rule asks for ("金卡: 累计消费 ≥ 10,000"), when it asks for one.
  startOf(rs, tier) {
    const c = rs.rules.find((r) => r.tier === tier)?.when.find((w) => w.column === "amount" && w.op === ">=");
    return typeof c?.value === "number" ? c.value : undefined;
  },
  explain(input, rs, run) {
    const cols = columnsOf(input, rs);
    const tab = table(rs);
    const idx = applyRules(tab, cols.cols, input.n);
    // Tiers are listed lowest first: the one above a tier is the next in the list.
    const above = new Map(rs.tiers.map((t, k) => [t.key, rs.tiers[k + 1]?.key]));
    return run.tier.map((t, i): Reason | null => {
      if (t === null) return null;
      const k = idx[i];
      const met =
        k >= 0 && k < rs.rules.length
          ? rs.rules[k].when.map((c) => conditionReason(input, cols, c, t, i, true))
          : [];
      const up = above.get(t);
      const upRule = up === undefined ? undefined : rs.rules.find((r) => r.tier === up);
      const said = new Set(k >= 0 && k < rs.rules.length ? rs.rules[k].when.map((c) => c.column) : []);
      const missed = upRule
        ? upRule.when
            .filter((c) => !holds(c, cols.cols[c.column][i]))
            .map((c) => {
              const r = conditionReason(input, cols, c, up!, i, false);
              // A column already quoted is not quoted again: "消费 8,640 ≥ 银卡门槛 5,000，< 金卡门槛 10,000".
              return said.has(c.column) && r.code === "why.condition"
                ? { ...r, code: "why.conditionAlso" }
                : r;
            })
        : [];
      return {
        code: met.length ? "why.rule" : "why.default",
        params: { tier: t, met, missed },
      };
    });
  },
  regrade(input, rs) {
    const cols = columnsOf(input, rs);
    const names = cols.used;
    const match = ruleMatcher(table(rs), names);
    return (i, changes) => {
      const one: Record<string, unknown> = {};
      for (const c of names) one[c] = changes[cols.keys[c]] ?? cols.cols[c][i];
      const k = match(one);
      if (k < 0) return null;
      return k < rs.rules.length ? rs.rules[k].tier : (rs.default ?? null);
    };
  },
  next(input, rs, run) {
    const cols = columnsOf(input, rs);
    const order = rs.tiers.map((t) => t.key).reverse();
    const conds = rs.rules.flatMap((r) => r.when);
    return searchNext(
      run,
      order,
      (i) => {
        const out: Candidate[] = [];
        for (const c of conds) {
          if (cols.texts.has(c.column)) continue;
          const key = cols.keys[c.column];
          const from = cols.cols[c.column][i] as number;
          for (const to of flips(c, stepOf(key))) out.push({ role: key, column: input.label(key), from, to });
        }
        return out;
      },
      rulesNext.regrade!(input, rs, run),
    );
  },
};
