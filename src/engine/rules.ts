import { check } from "./errors";
import { reason, type Reason } from "./reasons";

/** Comparison operators a rule condition can use, as a spreadsheet user writes them. */
export type Op = ">=" | ">" | "<=" | "<" | "=" | "<>" | "between" | "in";

/**
 * `column op value`. `between` takes `[lo, hi]` (both ends included); `in` takes a list.
 * A number value compares numerically, a text value compares as trimmed, case-sensitive text.
 */
export interface Condition {
  column: string;
  op: Op;
  value: number | string | readonly (number | string)[];
}

/** A tier and the conditions that must all hold for a customer to get it. */
export interface Rule {
  tier: string;
  when: readonly Condition[];
}

/** An ordered rule table; `default` catches the rows no rule matches. */
export interface RuleTable {
  rules: readonly Rule[];
  default?: string;
}

type Cell = number | string | undefined;
type Test = (cell: Cell) => boolean;

const OPS: readonly Op[] = [">=", ">", "<=", "<", "=", "<>", "between", "in"];

/**
 * Checks a rule table against the columns the user mapped, with messages a spreadsheet user can act on.
 * Rules are numbered from 1 as the user sees them.
 *
 * @example
 * validateRuleTable({ rules: [{ tier: "金卡", when: [{ column: "amount", op: ">=", value: 10000 }] }] }, ["amount"]);
 * // passes; with ["frequency"] it throws: rule 1 ("金卡") tests column "amount", which is not mapped
 */
export function validateRuleTable(table: RuleTable, knownColumns: readonly string[]): void {
  check(
    table !== null && typeof table === "object" && Array.isArray(table.rules as unknown),
    "rules.noRuleList",
  );
  check(table.rules.length < 32767, "rules.tooManyRules", { rules: table.rules.length, max: 32766 });
  if (table.default !== undefined) {
    check(typeof table.default === "string" && table.default.trim() !== "", "rules.defaultName");
  }
  const known = new Set(knownColumns);
  table.rules.forEach((rule, r) => {
    // Where a mistake is, as a reason the edge words: rule 2 ("金卡"), condition 1.
    const label = reason(
      "rules.rule",
      typeof rule?.tier === "string" ? { n: r + 1, tier: rule.tier } : { n: r + 1 },
    );
    check(typeof rule?.tier === "string" && rule.tier.trim() !== "", "rules.ruleNoTier", { n: r + 1 });
    check(Array.isArray(rule.when as unknown), "rules.noConditions", { rule: label });
    rule.when.forEach((c, k) => {
      const where = reason("rules.condition", { rule: label, k: k + 1 });
      check(typeof c?.column === "string" && c.column !== "", "rules.noColumn", { where });
      check(known.has(c.column), "rules.unmappedColumn", { rule: label, column: c.column });
      check(OPS.includes(c.op), "rules.badOp", { where, op: String(c.op), ops: OPS.join(" ") });
      checkValue(c, where);
    });
  });
}

function isScalar(v: unknown): v is number | string {
  return (typeof v === "number" && Number.isFinite(v)) || (typeof v === "string" && v.trim() !== "");
}

function checkValue(c: Condition, where: Reason): void {
  const v = c.value;
  if (c.op === "between") {
    check(Array.isArray(v) && v.length === 2 && isScalar(v[0]) && isScalar(v[1]), "rules.betweenPair", {
      where,
    });
    const [lo, hi] = v as readonly (number | string)[];
    check(typeof lo === typeof hi, "rules.betweenMixed", { where });
    const a = typeof lo === "string" ? lo.trim() : lo;
    const b = typeof hi === "string" ? (hi as string).trim() : hi;
    check(a <= b, "rules.betweenEmpty", { where, low: String(lo), high: String(hi) });
  } else if (c.op === "in") {
    check(Array.isArray(v) && v.length > 0 && v.every(isScalar), "rules.inList", { where });
  } else {
    check(isScalar(v), "rules.oneValue", { where, op: c.op });
  }
}

/** A cell as the rule sees it: a finite number, trimmed non-empty text, or missing. */
function cellOf(v: unknown): Cell {
  if (typeof v === "number") return Number.isFinite(v) ? v : undefined;
  if (typeof v === "string") {
    const t = v.trim();
    return t === "" ? undefined : t;
  }
  return undefined;
}

function asNumber(c: Cell): number {
  if (typeof c === "number") return c;
  // Numbers typed as text ("5000") are common in spreadsheets; compare them as numbers.
  if (c !== undefined && /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(c)) return Number(c);
  return NaN;
}

function asText(c: Cell): string | undefined {
  return typeof c === "number" ? String(c) : c;
}

function equalTo(target: number | string): Test {
  if (typeof target === "number") return (c) => asNumber(c) === target;
  const t = target.trim();
  return (c) => asText(c) === t;
}

function compile(c: Condition): Test {
  const v = c.value;
  switch (c.op) {
    case "=":
      return equalTo(v as number | string);
    case "<>": {
      const eq = equalTo(v as number | string);
      return (cell) => cell !== undefined && !eq(cell);
    }
    case "in": {
      const tests = (v as readonly (number | string)[]).map(equalTo);
      return (cell) => tests.some((t) => t(cell));
    }
    case "between": {
      const [lo, hi] = v as readonly (number | string)[];
      if (typeof lo === "number") {
        const h = hi as number;
        return (cell) => {
          const x = asNumber(cell);
          return x >= lo && x <= h;
        };
      }
      const l = lo.trim();
      const h = (hi as string).trim();
      return (cell) => {
        const x = asText(cell);
        return x !== undefined && x >= l && x <= h;
      };
    }
    default: {
      const cmp = ORDER[c.op];
      if (typeof v === "number") return (cell) => cmp(asNumber(cell), v);
      const t = (v as string).trim();
      return (cell) => {
        const x = asText(cell);
        // Text order is by character code, like JavaScript; case-sensitive as the spec asks.
        return x !== undefined && cmp(x, t);
      };
    }
  }
}

// NaN fails every numeric comparison, so a missing value never satisfies a condition.
const ORDER: Record<">=" | ">" | "<=" | "<", <T extends number | string>(a: T, b: T) => boolean> = {
  ">=": (a, b) => a >= b,
  ">": (a, b) => a > b,
  "<=": (a, b) => a <= b,
  "<": (a, b) => a < b,
};

/**
 * Rule table: per row, the index of the first rule whose conditions all hold (first matching rule wins);
 * `table.rules.length` when only the default catches the row; -1 when nothing matches and there is no
 * default. A condition on a blank, NaN or missing cell is false.
 *
 * @example
 * const table = { rules: [{ tier: "金卡", when: [{ column: "amount", op: ">=", value: 10000 }] }], default: "普通" };
 * applyRules(table, { amount: [12000, 300] }, 2); // Int16Array [0, 1]
 */
export function applyRules(
  table: RuleTable,
  columns: Readonly<Record<string, ArrayLike<number> | readonly unknown[]>>,
  n: number,
): Int16Array {
  check(Number.isInteger(n) && n >= 0, "rules.rowCount", { got: n });
  validateRuleTable(table, Object.keys(columns));
  return matchRows(table, columns, n);
}

/**
 * One customer's rule index (as {@link applyRules}) from their cells by column, the table checked
 * and compiled once: for re-grading one changed customer many times (next steps, issue 17).
 *
 * @example ruleMatcher(table, ["amount"])({ amount: 12000 }) // 0
 */
export function ruleMatcher(
  table: RuleTable,
  columnNames: readonly string[],
): (cells: Readonly<Record<string, unknown>>) => number {
  validateRuleTable(table, columnNames);
  const compiled = table.rules.map((rule) => rule.when.map((c) => ({ column: c.column, test: compile(c) })));
  const fallback = table.default !== undefined ? table.rules.length : -1;
  return (cells) => {
    for (let r = 0; r < compiled.length; r++)
      if (compiled[r].every((c) => c.test(cellOf(cells[c.column])))) return r;
    return fallback;
  };
}

function matchRows(
  table: RuleTable,
  columns: Readonly<Record<string, ArrayLike<number> | readonly unknown[]>>,
  n: number,
): Int16Array {
  const compiled = table.rules.map((rule) =>
    rule.when.map((c) => ({ column: columns[c.column] as ArrayLike<unknown>, test: compile(c) })),
  );
  const fallback = table.default !== undefined ? table.rules.length : -1;
  const out = new Int16Array(n);
  for (let i = 0; i < n; i++) {
    let tier = fallback;
    for (let r = 0; r < compiled.length; r++) {
      // compiled[r].every((c) => c.test(cellOf(c.column[i])))
      const conds = compiled[r];
      let ok = true;
      for (let k = 0; k < conds.length && ok; k++) ok = conds[k].test(cellOf(conds[k].column[i]));
      if (ok) {
        tier = r;
        break;
      }
    }
    out[i] = tier;
  }
  return out;
}

/**
 * The tier name for each result of {@link applyRules}: the rule's tier, the default, or "" for no tier.
 *
 * @example
 * tierNames(table, applyRules(table, cols, n)); // ["金卡", "普通", ""]
 */
export function tierNames(table: RuleTable, indices: ArrayLike<number>): string[] {
  const out: string[] = new Array(indices.length);
  for (let i = 0; i < indices.length; i++) {
    const k = indices[i];
    out[i] =
      k >= 0 && k < table.rules.length
        ? table.rules[k].tier
        : k === table.rules.length
          ? (table.default ?? "")
          : "";
  }
  return out;
}
