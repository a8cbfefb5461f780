import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { TierError } from "../src/engine/errors";
import { applyRules, tierNames, validateRuleTable, type RuleTable } from "../src/engine/rules";

const list = (a: ArrayLike<number>): number[] => Array.from(a);

const cards: RuleTable = {
  rules: [
    {
      tier: "钻石",
      when: [
        { column: "amount", op: ">=", value: 20000 },
        { column: "tenure_days", op: ">=", value: 365 },
      ],
    },
    { tier: "金卡", when: [{ column: "amount", op: ">=", value: 10000 }] },
    { tier: "银卡", when: [{ column: "amount", op: ">=", value: 5000 }] },
  ],
  default: "普通",
};

describe("applyRules", () => {
  it("applyRules gives each row the first rule whose conditions all hold", () => {
    // 25000 and 400 days: rule 1 holds. 25000 and 100 days: rule 1 fails on tenure, rule 2 holds first.
    const cols = { amount: [25000, 25000, 6000, 100], tenure_days: [400, 100, 900, 900] };
    const idx = applyRules(cards, cols, 4);
    expect(list(idx)).toEqual([0, 1, 2, 3]);
    expect(tierNames(cards, idx)).toEqual(["钻石", "金卡", "银卡", "普通"]);
  });

  it("applyRules lets an earlier rule win even when a later one also matches", () => {
    const t: RuleTable = {
      rules: [
        { tier: "low first", when: [{ column: "v", op: ">=", value: 0 }] },
        { tier: "high", when: [{ column: "v", op: ">=", value: 100 }] },
      ],
    };
    expect(list(applyRules(t, { v: [500] }, 1))).toEqual([0]);
  });

  it("applyRules returns -1 when nothing matches and there is no default, and rules.length for the default", () => {
    const t: RuleTable = { rules: [{ tier: "A", when: [{ column: "v", op: ">", value: 10 }] }] };
    expect(list(applyRules(t, { v: [11, 10] }, 2))).toEqual([0, -1]);
    expect(list(applyRules({ ...t, default: "B" }, { v: [11, 10] }, 2))).toEqual([0, 1]);
    expect(tierNames(t, [0, -1])).toEqual(["A", ""]);
  });

  it("applyRules treats a condition on a NaN, blank or missing cell as false, even for <>", () => {
    const t: RuleTable = { rules: [{ tier: "not x", when: [{ column: "c", op: "<>", value: "x" }] }] };
    expect(list(applyRules(t, { c: ["y", "", "  ", undefined, null, "x"] }, 6))).toEqual([
      0, -1, -1, -1, -1, -1,
    ]);
    const u: RuleTable = { rules: [{ tier: "small", when: [{ column: "v", op: "<", value: 5 }] }] };
    expect(list(applyRules(u, { v: new Float64Array([1, NaN]) }, 2))).toEqual([0, -1]);
  });

  it("applyRules compares every operator on numbers, with between inclusive at both ends", () => {
    const v = [1, 2, 3, 4, 5];
    const run = (c: RuleTable["rules"][number]["when"][number]) =>
      list(applyRules({ rules: [{ tier: "t", when: [c] }] }, { v }, 5)).map((k) => (k === 0 ? 1 : 0));
    expect(run({ column: "v", op: ">=", value: 3 })).toEqual([0, 0, 1, 1, 1]);
    expect(run({ column: "v", op: ">", value: 3 })).toEqual([0, 0, 0, 1, 1]);
    expect(run({ column: "v", op: "<=", value: 3 })).toEqual([1, 1, 1, 0, 0]);
    expect(run({ column: "v", op: "<", value: 3 })).toEqual([1, 1, 0, 0, 0]);
    expect(run({ column: "v", op: "=", value: 3 })).toEqual([0, 0, 1, 0, 0]);
    expect(run({ column: "v", op: "<>", value: 3 })).toEqual([1, 1, 0, 1, 1]);
    expect(run({ column: "v", op: "between", value: [2, 4] })).toEqual([0, 1, 1, 1, 0]);
    expect(run({ column: "v", op: "in", value: [1, 5] })).toEqual([1, 0, 0, 0, 1]);
  });

  it("applyRules compares text trimmed and case-sensitive with =, <>, in and between", () => {
    const area = [" 华东 ", "华北", "East", "east", "B2"];
    const run = (c: RuleTable["rules"][number]["when"][number]) =>
      list(applyRules({ rules: [{ tier: "t", when: [c] }] }, { area }, area.length)).map((k) =>
        k === 0 ? 1 : 0,
      );
    expect(run({ column: "area", op: "=", value: "华东" })).toEqual([1, 0, 0, 0, 0]);
    expect(run({ column: "area", op: "<>", value: "East" })).toEqual([1, 1, 0, 1, 1]);
    expect(run({ column: "area", op: "in", value: ["华北", " east"] })).toEqual([0, 1, 0, 1, 0]);
    // Character-code order: "B2" and "East" lie between "A" and "F"; lower-case "east" does not.
    expect(run({ column: "area", op: "between", value: ["A", "F"] })).toEqual([0, 0, 1, 0, 1]);
  });

  it("applyRules reads numbers typed as text when the condition value is a number", () => {
    const t: RuleTable = { rules: [{ tier: "big", when: [{ column: "amount", op: ">=", value: 5000 }] }] };
    expect(list(applyRules(t, { amount: ["6000", " 4999 ", "lots"] }, 3))).toEqual([0, -1, -1]);
  });

  it("applyRules names the rule and column when a rule tests a column that is not mapped", () => {
    const cols = { amount: [1] };
    expect(() => applyRules(cards, cols, 1)).toThrow(TierError);
    expect(() => applyRules(cards, cols, 1)).toThrow(
      'rule 1 ("钻石") tests column "tenure_days", which is not mapped',
    );
    const t: RuleTable = {
      rules: [
        { tier: "钻石", when: [{ column: "amount", op: ">=", value: 1 }] },
        { tier: "金卡", when: [{ column: "tenure_days", op: ">=", value: 1 }] },
      ],
    };
    expect(() => validateRuleTable(t, ["amount"])).toThrow(
      'rule 2 ("金卡") tests column "tenure_days", which is not mapped',
    );
  });

  it("validateRuleTable rejects a bad operator and values of the wrong shape", () => {
    const one = (when: unknown) => ({ rules: [{ tier: "t", when: [when] }] }) as unknown as RuleTable;
    expect(() => validateRuleTable(one({ column: "v", op: "=>", value: 1 }), ["v"])).toThrow(/use one of/);
    expect(() => validateRuleTable(one({ column: "v", op: "between", value: 1 }), ["v"])).toThrow(
      /two values/,
    );
    expect(() => validateRuleTable(one({ column: "v", op: "between", value: [5, 1] }), ["v"])).toThrow(
      /lower value first/,
    );
    expect(() => validateRuleTable(one({ column: "v", op: "between", value: [1, "x"] }), ["v"])).toThrow(
      /one of each/,
    );
    expect(() => validateRuleTable(one({ column: "v", op: "in", value: [] }), ["v"])).toThrow(/list/);
    expect(() => validateRuleTable(one({ column: "v", op: ">=", value: [1, 2] }), ["v"])).toThrow(
      /one number/,
    );
    expect(() => validateRuleTable(one({ column: "v", op: ">=", value: NaN }), ["v"])).toThrow(/one number/);
    expect(() => validateRuleTable({ rules: [{ tier: " ", when: [] }] }, [])).toThrow(
      "rule 1 has no tier name",
    );
  });

  it("applyRules gives a rule with no conditions to every row", () => {
    expect(list(applyRules({ rules: [{ tier: "all", when: [] }] }, {}, 3))).toEqual([0, 0, 0]);
  });

  it("applyRules does not mutate its inputs", () => {
    const amount = Object.freeze([25000, 300]);
    const tenure = Object.freeze([400, 10]);
    const table = Object.freeze({ ...cards, rules: Object.freeze(cards.rules.map((r) => Object.freeze(r))) });
    expect(list(applyRules(table, Object.freeze({ amount, tenure_days: tenure }), 2))).toEqual([0, 3]);
  });

  it("applyRules gives every valid row exactly one tier when a default exists", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.integer({ min: 0, max: 5000 })),
        ),
        (rows) => {
          const idx = applyRules(
            cards,
            { amount: rows.map((r) => r[0]), tenure_days: rows.map((r) => r[1]) },
            rows.length,
          );
          return list(idx).every((k) => k >= 0 && k <= cards.rules.length);
        },
      ),
    );
  });

  it("applyRules never changes a row's result when the rows are reordered", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: -100, max: 30000 }), fc.integer({ min: 0, max: 800 })), {
          minLength: 1,
        }),
        fc.integer(),
        (rows, seed) => {
          const perm = rows
            .map((_, i) => i)
            .sort((a, b) => ((a * 7919 + seed) % 13) - ((b * 7919 + seed) % 13));
          const cols = (rs: typeof rows) => ({
            amount: rs.map((r) => r[0]),
            tenure_days: rs.map((r) => r[1]),
          });
          const a = applyRules(cards, cols(rows), rows.length);
          const b = applyRules(cards, cols(perm.map((i) => rows[i])), rows.length);
          return perm.every((i, j) => b[j] === a[i]);
        },
      ),
    );
  });
});
