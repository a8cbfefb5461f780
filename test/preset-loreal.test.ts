import { describe, expect, it } from "vitest";
import { parseIsoDay } from "../src/engine/dates";
import { preset } from "../src/engine/presets";
import { parseRuleSet } from "../src/engine/ruleset";
import { tableFromRows } from "../src/engine/table";
import { windowDays } from "../src/engine/window";
import { toSql } from "../src/sql/generate";
import { gradeIn } from "./present";

const AS_OF = parseIsoDay("2025-12-31");
const day = (iso: string) => parseIsoDay(iso);

/** Orders: id, date, amount (and profit); one row per purchase, a return as a negative amount. */
function orders(rows: [string, string, number, number?][]) {
  return tableFromRows(
    [["客户编号", "订单日期", "金额", "毛利"], ...rows.map(([id, d, a, p]) => [id, d, a, p ?? a * 0.3])],
    false,
    "订单",
  );
}

const ORDERS = orders([
  // 钻石: 10,000 within the last 12 months (年消费满10000元以上).
  ["A", "2025-03-01", 6000],
  ["A", "2025-11-20", 4000],
  // 14,000 in all, but only 2,000 in the last 12 months: 二级 under the window, not 钻石.
  ["B", "2024-06-15", 12000],
  ["B", "2025-05-01", 2000],
  // VIP on the example threshold (5,000).
  ["C", "2025-07-07", 6000],
  // Returns exceed purchases: 负值.
  ["D", "2025-02-01", 1000],
  ["D", "2025-04-01", -1500],
  // The window's first day counts, the day before does not.
  ["E", "2025-01-01", 10000],
  ["F", "2024-12-31", 10000],
]);

describe("spend windows for rule tables", () => {
  it("windowDays(months 12) on 2025-12-31 starts after 2024-12-31, as the spec's EDATE formula says", () => {
    expect(windowDays({ kind: "months", months: 12 }, AS_OF)).toEqual([day("2025-01-01"), AS_OF]);
  });

  it("windowDays clamps like EDATE: one month back from 31 March is 28 February, so the window starts on 1 March", () => {
    expect(windowDays({ kind: "months", months: 1 }, day("2025-03-31"))).toEqual([
      day("2025-03-01"),
      day("2025-03-31"),
    ]);
    expect(windowDays({ kind: "months", months: 1 }, day("2024-03-31"))).toEqual([
      day("2024-03-01"),
      day("2024-03-31"),
    ]);
  });

  it("windowDays(year) is the as-of date's calendar year up to it, and all starts nowhere", () => {
    expect(windowDays({ kind: "year" }, day("2025-06-30"))).toEqual([day("2025-01-01"), day("2025-06-30")]);
    expect(windowDays({ kind: "all" }, AS_OF)).toEqual([-Infinity, AS_OF]);
  });

  it("membership keeps cumulative spend by default and marks every threshold as an example (示例门槛)", () => {
    const rs = preset("membership");
    if (rs.method !== "rules") throw new Error("membership is a rule table");
    expect(rs.window).toBeUndefined();
    // Seed 000, 门店客户分级管理制度: "累计消费金额达到一定标准" — no number is given.
    expect(rs.examples).toEqual([
      "rules[0].when[0].value",
      "rules[0].when[1].value",
      "rules[1].when[0].value",
      "rules[2].when[0].value",
      "rules[4].when[0].value",
    ]);
    const r = gradeIn(ORDERS, rs, { asOf: AS_OF });
    const amount = Object.fromEntries(r.columns.customer_id.map((id, i) => [id, r.columns.amount[i]]));
    expect(amount.B).toBe(14000);
  });

  it("a rule table with a calendar-year window adds up only this year's orders", () => {
    const rs = parseRuleSet({
      method: "rules",
      name: { zh: "年度", en: "Yearly" },
      window: { kind: "year" },
      tiers: [
        { key: "low", name: { zh: "低", en: "Low" } },
        { key: "high", name: { zh: "高", en: "High" } },
      ],
      rules: [{ tier: "high", when: [{ column: "amount", op: ">=", value: 5000 }] }],
      default: "low",
    });
    const r = gradeIn(ORDERS, rs, { asOf: AS_OF });
    const tier = Object.fromEntries(r.columns.customer_id.map((id, i) => [id, r.tierKeys[i]]));
    expect(tier).toMatchObject({ A: "high", B: "low", C: "high", E: "high", F: "low" });
  });

  it("a window needs the orders: a customer sheet gets one readable error", () => {
    const customers = tableFromRows(
      [
        ["客户编号", "消费金额"],
        ["A", 100],
      ],
      false,
      "客户",
    );
    expect(() => gradeIn(customers, preset("loreal"), { asOf: AS_OF, input: "customers" })).toThrow(
      /needs the orders/,
    );
  });
});

describe("the loreal preset (seed 000, 欧莱雅的客户分级)", () => {
  it("loreal grades 钻石 on 10,000 over the last 12 months, VIP on the example 5,000, 二级 below, 负值 when returns exceed purchases", () => {
    // "钻石会员卡 年消费满10000元以上"; "二级客户 … 购买金额<最具价值客户"; 负值客户 "就应放弃顾客".
    const r = gradeIn(ORDERS, preset("loreal"), { asOf: AS_OF });
    const tier = Object.fromEntries(r.columns.customer_id.map((id, i) => [id, r.tierKeys[i]]));
    expect(tier).toEqual({
      A: "diamond",
      B: "second",
      C: "vip",
      D: "negative",
      E: "diamond",
      F: "second",
    });
    const amount = Object.fromEntries(r.columns.customer_id.map((id, i) => [id, r.columns.amount[i]]));
    expect(amount).toEqual({ A: 10000, B: 2000, C: 6000, D: -500, E: 10000, F: 0 });
  });

  it("loreal marks the VIP threshold as an example and the diamond threshold as the source's", () => {
    const rs = preset("loreal");
    if (rs.method !== "rules") throw new Error("loreal is a rule table");
    expect(rs.rules[2]).toEqual({ tier: "diamond", when: [{ column: "amount", op: ">=", value: 10000 }] });
    expect(rs.window).toEqual({ kind: "months", months: 12 });
    expect(rs.examples).toEqual(["rules[3].when[0].value"]);
  });

  it("loreal grades a customer with a negative margin 负值 once a profit column is named", () => {
    const table = orders([
      ["G", "2025-05-05", 3000, -200],
      ["H", "2025-05-05", 3000, 100],
    ]);
    // Two rows with two ids look like a customer sheet: say they are orders.
    const without = gradeIn(table, preset("loreal"), { asOf: AS_OF, input: "orders" });
    expect(without.tierKeys).toEqual(["second", "second"]);
    const rs = preset("loreal");
    if (rs.method !== "rules") throw new Error("loreal is a rule table");
    rs.margin = { column: "毛利", kind: "profit" };
    expect(gradeIn(table, rs, { asOf: AS_OF, input: "orders" }).tierKeys).toEqual(["negative", "second"]);
    rs.margin = { column: "毛利", kind: "cost" };
    // As a cost column: margin = 3000 - (-200) and 3000 - 100, both positive.
    expect(gradeIn(table, rs, { asOf: AS_OF, input: "orders" }).tierKeys).toEqual(["second", "second"]);
  });

  it("toSql counts the loreal window from EDATE(as_of, -12) + 1 day, as the engine does", () => {
    const sql = toSql(preset("loreal"), {
      dialect: "duckdb",
      table: "orders",
      input: "orders",
      asOf: "2025-12-31",
      map: { customer_id: "客户编号", date: "订单日期", amount: "金额" },
    });
    expect(sql).toContain("order_day >= DATE '2025-01-01'");
  });
});
