import { gradeIn } from "./present";
import { describe, expect, it } from "vitest";
import { parseIsoDay } from "../src/engine/dates";
import { TierError } from "../src/engine/errors";
import { preset } from "../src/engine/presets";
import { parseRuleSet } from "../src/engine/ruleset";
import { DEALER_RULES, TENANT_RULES } from "../src/engine/scorecard";
import { tableFromRows } from "../src/engine/table";

const asOf = parseIsoDay("2025-12-31");
const table = (rows: unknown[][]) => tableFromRows(rows, false, "Sheet1");
const col = (r: ReturnType<typeof gradeIn>, key: string) => r.columns[key];

describe("grade(table, scorecard) — the shopping-centre tenant card", () => {
  const names = TENANT_RULES.criteria.map((c) => c.name.zh);
  const header = ["租户", "阶段", ...names];
  const all = (label: string) => names.map(() => label);

  it("gives a tenant rated 良好 on every criterion 4.0, 4 stars and class A under any stage", () => {
    const r = gradeIn(
      table([header, ["T1", "成熟", ...all("良好")], ["T2", "新场", ...all("良好")]]),
      preset("scorecard"),
      {
        asOf,
      },
    );
    expect(col(r, "score")).toEqual([4, 4]);
    expect(col(r, "stars")).toEqual([4, 4]);
    expect(col(r, "class")).toEqual(["A", "A"]);
    expect(col(r, "tier")).toEqual(["4 stars", "4 stars"]);
  });

  it("weights each criterion by the tenant's stage: 优秀 everywhere but 坪效 不合格 scores 4.88 new and 4.88 mature", () => {
    // 坪效 (sales per m²) weighs 3 in every stage: (100 × 5 − 3 × 5 + 3 × 1) / 100 = 4.88 → 5 stars (≥ 4.5).
    const ratings = names.map((n) => (n === "坪效" ? "不合格" : "优秀"));
    const r = gradeIn(
      table([header, ["T1", "新场", ...ratings], ["T2", "成熟", ...ratings]]),
      preset("scorecard"),
      { asOf },
    );
    expect(col(r, "score")).toEqual([4.88, 4.88]);
    expect(col(r, "stars")).toEqual([5, 5]);
  });

  it("scores the same ratings differently by stage when the weights differ: 租金收益水平 weighs 3 new, 7 mature", () => {
    // 合格 (3) everywhere but 租金收益水平 (rent yield) 优秀 (5): new (300 + 3 × 2) / 100 = 3.06, mature (300 + 7 × 2) / 100 = 3.14.
    const ratings = names.map((n) => (n === "租金收益水平" ? "优秀" : "合格"));
    const r = gradeIn(
      table([header, ["T1", "新场", ...ratings], ["T2", "成熟", ...ratings]]),
      preset("scorecard"),
      { asOf },
    );
    expect(col(r, "score")).toEqual([3.06, 3.14]);
    expect(col(r, "stars")).toEqual([3, 3]);
    expect(col(r, "class")).toEqual(["B", "B"]);
  });

  it("leaves a tenant with an unknown stage or a blank rating without stars, and says why", () => {
    const blank = all("良好");
    blank[4] = "";
    const r = gradeIn(
      table([header, ["T1", "开业", ...all("良好")], ["T2", "成熟", ...blank]]),
      preset("scorecard"),
      {
        asOf,
      },
    );
    expect(col(r, "tier")).toEqual([null, null]);
    expect(col(r, "issue")[0]).toBe('阶段: stage "开业" is not one of 新场, 调整, 成熟');
    expect(col(r, "issue")[1]).toBe(`${names[4]}: blank rating`);
  });

  it("names the criteria it cannot find as columns", () => {
    expect(() =>
      gradeIn(
        table([
          ["租户", "阶段", "品牌"],
          ["T1", "成熟", 5],
        ]),
        preset("scorecard"),
        { asOf },
      ),
    ).toThrow(/needs a rating column per criterion; not found: 符合商场定位/);
  });
});

describe("grade(table, dealer) — the 100-point equipment dealer card", () => {
  // The card rated 1-5 on every item (DEALER_RULES); the dealer preset's raw-figure bands are in
  // test/preset-dealer.test.ts.
  const names = DEALER_RULES.criteria;
  it("turns ratings of 4 on all 20 criteria into 80 points and 4 stars, 3 into 60 points and 2 stars", () => {
    const header = ["客户", ...names.map((c) => c.name.zh)];
    const r = gradeIn(
      table([header, ["D1", ...names.map(() => 4)], ["D2", ...names.map(() => 3)]]),
      DEALER_RULES,
      {
        asOf,
      },
    );
    expect(col(r, "score")).toEqual([80, 60]);
    expect(col(r, "stars")).toEqual([4, 2]);
  });
});

describe("grade(table, grid9) — potential × current value", () => {
  it("cuts both measures into terciles and names the cell, A1 for high potential and high use", () => {
    // Terciles of 1..9: PERCENTILE.INC at 1/3 = 3.67, at 2/3 = 6.33; high > 6.33, middle > 3.67.
    const rows: unknown[][] = [["医生编号", "处方潜力", "当前处方量"]];
    for (let i = 1; i <= 9; i++) rows.push([`D${i}`, i, 10 - i]);
    const r = gradeIn(table(rows), preset("grid9"), { asOf });
    expect(col(r, "cell")).toEqual(["C1", "C1", "C1", "B2", "B2", "B2", "A3", "A3", "A3"]);
    expect(col(r, "tier")[0]).toBe("Keep");
    expect(col(r, "visits")[8]).toBe(4);
  });
});

describe("grade(table, lifecycle)", () => {
  it("puts each customer in its first matching stage, counting windows to the as-of date", () => {
    const rows = [
      ["会员号", "消费次数", "首次消费日期", "最近消费日期"],
      ["P", 0, "", ""], // no purchase → prospect
      ["L", 3, "2023-01-01", "2024-12-30"], // 366 days → lost
      ["S", 3, "2023-01-01", "2025-06-01"], // 213 days → at risk
      ["N", 1, "2025-11-01", "2025-11-01"], // first purchase 60 days ago → new
      ["Y", 6, "2023-01-01", "2025-12-01"], // loyal
      ["R", 2, "2023-01-01", "2025-12-01"], // regular
      ["O", 1, "2023-01-01", "2025-12-01"], // one-time
    ];
    const r = gradeIn(table(rows), preset("lifecycle"), { asOf, lang: "zh" });
    expect(col(r, "tier")).toEqual(["潜在", "流失", "沉睡", "新客户", "忠诚", "常规", "一次性"]);
  });
});

describe("grade(table, rule file) — a level policy from a user's JSON", () => {
  it("grades by thresholds lowest first and joins cumulative benefits", () => {
    const rules = parseRuleSet({
      method: "level",
      name: { zh: "会员等级", en: "Member level" },
      column: "amount",
      tiers: [
        {
          key: "std",
          name: { zh: "普通", en: "Standard" },
          min: 0,
          benefits: { zh: ["积分"], en: ["points"] },
        },
        {
          key: "vip",
          name: { zh: "贵宾", en: "VIP" },
          min: 10000,
          cumulative: true,
          benefits: { zh: ["专属客服"], en: ["personal contact"] },
        },
      ],
    });
    const r = gradeIn(
      table([
        ["客户编号", "金额"],
        ["A", 500],
        ["B", 10000],
        ["C", -5],
      ]),
      rules,
      { asOf, lang: "zh" },
    );
    expect(col(r, "tier")).toEqual(["普通", "贵宾", null]);
    expect(col(r, "benefits")).toEqual(["积分", "积分、专属客服", null]);
    expect(col(r, "issue")[2]).toBe("金额：-5 低于最低等级的门槛（0）");
  });
});

describe("grade(table, …) inputs", () => {
  it("says which role is missing and how to map it", () => {
    expect(() =>
      gradeIn(
        table([
          ["客户编号", "备注"],
          ["A", "x"],
        ]),
        preset("abc"),
        { asOf },
      ),
    ).toThrow(TierError);
    expect(() =>
      gradeIn(
        table([
          ["客户编号", "备注"],
          ["A", "x"],
        ]),
        preset("abc"),
        { asOf },
      ),
    ).toThrow(/needs a column for amount .*choose it in the column list/);
  });

  it("skips a title row above the headers and reports sheet rows as the user sees them", () => {
    const r = gradeIn(
      table([["2025年第四季度客户分级表"], ["客户编号", "销售额"], ["A", 100], ["B", "abc"], ["C", 10]]),
      preset("abc"),
      { asOf },
    );
    expect(r.problems).toEqual([
      { row: 4, column: "销售额", code: "cell.notNumber", params: { value: "abc" } },
    ]);
    // before(10) = 100 / 110 = 0.91: past 80 %, under 95 % → B.
    expect(col(r, "abc")).toEqual(["A", null, "B"]);
  });

  it("does not mutate the table it grades", () => {
    const rows = [
      ["客户编号", "销售额"],
      ["A", 100],
      ["B", 50],
    ];
    const t = table(rows);
    const before = JSON.stringify(t);
    gradeIn(t, preset("pyramid"), { asOf });
    expect(JSON.stringify(t)).toBe(before);
  });
});

describe("tableFromRows", () => {
  it("leaves out the add-in's own output columns, so a re-run grades the user's data and not the last tiers", () => {
    const t = tableFromRows(
      [
        ["客户编号", "销售额", "Tier·ABC", "Tier·Tier"],
        ["A", 100, "A", "A"],
      ],
      false,
      "S",
    );
    expect(t.headers).toEqual(["客户编号", "销售额"]);
    expect(t.rows).toEqual([["A", 100]]);
  });
});

describe("grade(orders) accounts for every customer in the sheet", () => {
  const orders = [
    ["客户编号", "订单日期", "金额"],
    ["C1", "2025-11-01", 100], // row 2
    ["C2", "2025-11-02", "abc"], // row 3: C2's only order, unreadable
    ["C1", "2025-11-03", 50], // row 4
    ["C3", "2025-11-04", 80], // row 5
    ["C3", "not a date", 20], // row 6: one of C3's orders, left out
    ["C2", "2025-02-30", 10], // row 7: C2 again, no such day
    ["C4", "2025-11-05", 30], // row 8
  ];

  it("lists a customer whose orders are all unreadable, with the rows, and notes the rows left out of another", () => {
    const r = gradeIn(table(orders), preset("abc"), { asOf, input: "orders", lang: "en" });
    const ids = r.columns.customer_id;
    expect([...ids].sort()).toEqual(["C1", "C2", "C3", "C4"]);
    const at = (id: string) => ids.indexOf(id);
    expect(r.columns.tier[at("C2")]).toBeNull();
    expect(r.columns.issue[at("C2")]).toBe("no readable order: rows 3, 7");
    expect(r.columns.tier[at("C3")]).not.toBeNull();
    expect(r.columns.note[at("C3")]).toBe("graded on the readable orders; 1 row(s) left out: rows 6");
    expect(r.columns.note[at("C1")]).toBeNull();
    // Customers in the sheet = graded + not graded.
    expect(r.graded + r.ungraded).toBe(4);
    expect(r.ungraded).toBe(1);
  });

  it("words the same in Chinese", () => {
    const r = gradeIn(table(orders), preset("abc"), { asOf, input: "orders", lang: "zh" });
    const at = (id: string) => r.columns.customer_id.indexOf(id);
    expect(r.columns.issue[at("C2")]).toBe("没有可读取的订单：第 3、7 行");
    expect(r.columns.note[at("C3")]).toBe("按可读取的订单分级，未计入 1 行：第 6 行");
  });
});
