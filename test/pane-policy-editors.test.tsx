// @vitest-environment jsdom
import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { parseIsoDay } from "../src/engine/dates";
import { grade } from "../src/engine/grade";
import { tiersOf } from "../src/engine/methods";
import { preset } from "../src/engine/presets";
import { type RuleSet } from "../src/engine/ruleset";
import { tableFromRows, type SheetTable } from "../src/engine/table";
import { snapshotOf } from "../src/engine/history";
import { retainWith } from "../src/engine/retention";
import { planRanges } from "../src/engine/visit-ranges";
import { visitCustomers, visitsPerTier } from "../src/engine/visits";
import { validate } from "../src/taskpane/validate";
import { gradeIn } from "./present";
import { renderEditor, sameAsImport } from "./editor-harness";

const AS_OF = parseIsoDay("2025-12-31");

/** Tier keys by customer id. */
function tiersById(table: SheetTable, rs: RuleSet, input?: "customers") {
  const r = gradeIn(table, rs, { asOf: AS_OF, ...(input ? { input } : {}) });
  return Object.fromEntries(r.columns.customer_id.map((id, i) => [String(id), r.tierKeys[i]]));
}

/** Replaces a field's text the way a person does: select all, type the new value. */
async function retype(label: string, text: string) {
  const box = screen.getByLabelText(label) as HTMLInputElement;
  await userEvent.clear(box);
  if (text !== "") await userEvent.type(box, text);
  await userEvent.tab();
}

describe("the spend window editor of rule tables", () => {
  // The loreal test's orders (test/preset-loreal.test.ts): B spent 12,000 in June 2024 and 2,000 in
  // 2025; F spent 10,000 on 2024-12-31, the day before the 12-month window starts.
  const ORDERS = tableFromRows(
    [
      ["客户编号", "订单日期", "金额", "毛利"],
      ["A", "2025-03-01", 6000, 1800],
      ["A", "2025-11-20", 4000, 1200],
      ["B", "2024-06-15", 12000, 3600],
      ["B", "2025-05-01", 2000, 600],
      ["C", "2025-07-07", 6000, 1800],
      ["F", "2024-12-31", 10000, 3000],
    ],
    false,
    "订单",
  );

  it("counting every order instead of the last 12 months makes 钻石 of the customers whose 10,000 is older, as the imported file does", async () => {
    const { draft } = renderEditor("loreal", "zh-CN");
    const before = tiersById(ORDERS, validate(draft()).ruleSet!);
    expect(before).toMatchObject({ A: "diamond", B: "second", C: "vip", F: "second" });
    expect((screen.getByRole("radio", { name: "评估日前最近若干个月" }) as HTMLInputElement).checked).toBe(
      true,
    );
    expect((screen.getByLabelText("月数（1 至 120）") as HTMLInputElement).value).toBe("12");

    await userEvent.click(screen.getByRole("radio", { name: "评估日及以前的全部订单" }));
    const file: Record<string, unknown> = { ...preset("loreal") };
    delete file.window;
    const all = sameAsImport(draft(), file);
    expect(tiersById(ORDERS, all)).toMatchObject({ A: "diamond", B: "diamond", C: "vip", F: "diamond" });

    // The calendar year of the as-of date: B's 2,000 and F's nothing this year put them back in 二级.
    await userEvent.click(screen.getByRole("radio", { name: "评估日所在自然年（1 月 1 日至评估日）" }));
    const year = sameAsImport(draft(), { ...file, window: { kind: "year" } });
    expect(tiersById(ORDERS, year)).toMatchObject({ A: "diamond", B: "second", F: "second" });
  });

  it("a window of 24 months typed in months reaches B's older order, and 0 months is refused in the user's language", async () => {
    const { draft } = renderEditor("loreal", "en-US");
    await retype("Number of months (1 to 120)", "24");
    const rs = sameAsImport(draft(), { ...preset("loreal"), window: { kind: "months", months: 24 } });
    expect(tiersById(ORDERS, rs)).toMatchObject({ B: "diamond", F: "diamond" });
    await retype("Number of months (1 to 120)", "0");
    expect(screen.getByText("Must be at least 1.")).toBeTruthy();
    expect(validate(draft()).ruleSet).toBeNull();
  });

  it("the margin column of 负值 rules is named in the editor: a customer whose margin is negative becomes 负值", async () => {
    const withLoss = tableFromRows(
      [
        ["客户编号", "订单日期", "金额", "成本"],
        // G: 3,500 of sales that cost 3,700, a margin of -200; H: a margin of 2,500.
        ["G", "2025-06-01", 3000, 3500],
        ["G", "2025-07-01", 500, 200],
        ["H", "2025-06-01", 3000, 1000],
        ["H", "2025-07-01", 500, 0],
      ],
      false,
      "订单",
    );
    const { draft } = renderEditor("loreal", "zh-CN");
    await userEvent.type(screen.getByLabelText("毛利或成本列（用于按毛利判断的规则）"), "成本");
    await userEvent.click(screen.getByRole("radio", { name: "成本（毛利 = 金额 − 成本）" }));
    const rs = sameAsImport(draft(), { ...preset("loreal"), margin: { column: "成本", kind: "cost" } });
    expect(tiersById(withLoss, rs)).toEqual({ G: "negative", H: "second" });
  });
});

describe("the tobacco editor's 等级标准额", () => {
  // Seed 002's worked example (test/preset-tobacco.test.ts): monthly averages of 20 retailers.
  const AVERAGES = [
    800_000, 500_000, 400_000, 300_000, 100_000, 80_000, 60_000, 50_000, 45_000, 40_000, 20_000, 18_000,
    15_000, 14_000, 13_000, 12_000, 11_000, 9_000, 7_000, 6_000,
  ];
  const RETAILERS = tableFromRows(
    [
      ["零售户编号", "客户经理", "2025年10月", "2025年11月", "2025年12月"],
      ...AVERAGES.map((v, i) => [`R${String(i + 1).padStart(2, "0")}`, "张伟", v - 1000, v, v + 1000]),
    ],
    false,
    "零售户",
  );

  it("cutting by 等级标准额 names the fields as the source does, and raising A's standard moves the 3rd and 4th retailers to B", async () => {
    const { draft } = renderEditor("tobacco", "zh-CN");
    await userEvent.click(screen.getByRole("radio", { name: "固定金额" }));
    await retype("A 类等级标准额（月均销售额不低于）", "250000");
    await retype("B 类等级标准额（月均销售额不低于）", "30000");
    const standard = { ...preset("tobacco"), basis: { kind: "amount", a: 250_000, b: 30_000 } };
    const rs = sameAsImport(draft(), standard);
    const abc = (r: RuleSet) => gradeIn(RETAILERS, r, { input: "customers" }).columns.abc;
    expect(abc(rs)).toEqual([...Array(4).fill("A"), ...Array(6).fill("B"), ...Array(10).fill("C")]);

    await retype("A 类等级标准额（月均销售额不低于）", "450000");
    const raised = sameAsImport(draft(), { ...standard, basis: { kind: "amount", a: 450_000, b: 30_000 } });
    expect(abc(raised).slice(0, 5)).toEqual(["A", "A", "B", "B", "B"]);
  });
});

describe("the point bands editor of the dealer card", () => {
  const DEALER = preset("dealer");
  if (DEALER.method !== "scorecard") throw new Error("dealer is a scorecard");
  const header = ["经销商编号", "客户类别", ...DEALER.criteria.map((c) => c.name.zh)];
  /**
   * A dealer with 40 units (4 points on the example bands: 20 or more), 17 more items at 5 points
   * and the last two at 0: 4 + 85 = 89 points on the 百分制, four stars (80分以上).
   */
  const row = DEALER.criteria.map((c, j) => {
    if (j === 0) return 40;
    if (j >= 18) return 0;
    const band = DEALER.bands?.[c.key];
    return band ? (band[0].min ?? band[0].max) : 5;
  });
  const DEALERS = tableFromRows([header, ["D1", "A", ...row]], false, "经销商");
  const graded = (rs: RuleSet) => gradeIn(DEALERS, rs, { asOf: AS_OF, input: "customers" }).columns;

  it("widening the 5-point band of 现有设备数量 from 50 to 30 units lifts a dealer with 40 units from four stars to five", async () => {
    const { draft } = renderEditor("dealer", "zh-CN");
    expect(graded(validate(draft()).ruleSet!)).toMatchObject({ score: [89], stars: [4] });
    // The bands are examples to replace (示例门槛), named as their editor is.
    expect(
      screen.getByText("来源政策没有给出以下数值，它们只是示例，请换成贵司自己的门槛：评分档"),
    ).toBeTruthy();
    expect(screen.getByText("≥ 50 → 5 分")).toBeTruthy();
    await retype("现有设备数量第 1 档：不低于", "30");
    expect(screen.getByText("≥ 30 → 5 分")).toBeTruthy();
    const bands = { ...DEALER.bands, fleet: [{ min: 30, points: 5 }, ...DEALER.bands!.fleet.slice(1)] };
    const rs = sameAsImport(draft(), { ...DEALER, bands });
    expect(graded(rs)).toMatchObject({ score: [90], stars: [5] });
  });

  it("a band worth 6 points is refused under the field in the user's language, and a band added then removed leaves the card as it was", async () => {
    const { draft } = renderEditor("dealer", "zh-CN");
    await retype("现有设备数量第 2 档：得分", "6");
    expect(screen.getByText("不能大于 5。")).toBeTruthy();
    expect(validate(draft()).ruleSet).toBeNull();
    await retype("现有设备数量第 2 档：得分", "4");

    await userEvent.click(screen.getByRole("button", { name: "为「现有设备数量」添加评分档" }));
    expect(screen.getByText("现有设备数量（6 个评分档）")).toBeTruthy();
    // The new band reads "任意数值 → 0 分" until its ends are set: a dealer below 1 unit still scores 0.
    await retype("现有设备数量第 6 档：不高于", "0");
    expect(screen.getByText("≤ 0 → 0 分")).toBeTruthy();
    await userEvent.click(screen.getByRole("button", { name: "删除「现有设备数量」第 6 档" }));
    sameAsImport(draft(), DEALER);
  });

  it("an item given bands in the editor is scored from its raw figure: 资金状况 of 80 with a band of 50 or more scores 5", async () => {
    const { draft } = renderEditor("dealer", "en-US");
    await userEvent.click(screen.getByRole("button", { name: "Funding (rated 0 to 5 directly)" }));
    await userEvent.click(
      screen.getByRole("switch", { name: "Funding: turn the raw figure into points by bands" }),
    );
    await retype("Funding, band 1: from", "50");
    const rs = sameAsImport(draft(), {
      ...DEALER,
      bands: { ...DEALER.bands, funding: [{ min: 50, points: 5 }] },
    });
    // 资金状况 is the 9th item, rated 5 in the row above; a raw 80 scores 5 and a raw 3 now scores 0.
    const funding = DEALER.criteria.findIndex((c) => c.key === "funding");
    const cells = (x: number) => row.map((v, j) => (j === funding ? x : v));
    const two = tableFromRows([header, ["D1", "A", ...cells(80)], ["D2", "A", ...cells(3)]], false, "经销商");
    expect(gradeIn(two, rs, { asOf: AS_OF, input: "customers" }).columns.score).toEqual([89, 84]);
  });
});

describe("the eligibility and visit range editors of the nine-grid", () => {
  const PHARMA = preset("pharma");
  // The pharma test's doctors (test/preset-pharma.test.ts): D1 to D3 are excluded by rules 1 to 3.
  const DOCTORS = tableFromRows(
    [
      ["医生编号", "医院等级", "主诊科室", "职称", "职务", "处方权", "处方潜力", "当前处方量"],
      ["D1", "三级", "是", "住院医师", "", "无", 1000, 1000],
      ["D2", "二级", "否", "主治医师", "", "有", 1000, 1000],
      ["D3", "一级", "是", "主任医师", "", "有", 1000, 1000],
      ["D4", "一级", "是", "主任医师", "院长", "有", 90, 90],
      ["D5", "二级", "是", "主治医师", "", "有", 60, 60],
      ["D6", "三级", "是", "主任医师", "", "有", 30, 30],
    ],
    false,
    "医生",
  );
  const zh = (rs: RuleSet) => gradeIn(DOCTORS, rs, { asOf: AS_OF, input: "customers", lang: "zh" });

  it("removing the rule 三级医院无处方权医师 grades D1, and a new rule on 职称 excludes D1 again under its own name", async () => {
    const { draft } = renderEditor("pharma", "zh-CN");
    expect(zh(validate(draft()).ruleSet!).tierKeys).toEqual([null, null, null, "A1", "B2", "C3"]);
    await userEvent.click(screen.getByRole("button", { name: "删除规则 1" }));
    if (PHARMA.method !== "grid") throw new Error("pharma is a nine-grid");
    const two = PHARMA.eligibility!.slice(1);
    const without = sameAsImport(draft(), { ...PHARMA, eligibility: two });
    expect(zh(without).tierKeys[0]).toBe("A1");

    await userEvent.click(screen.getByRole("button", { name: "添加准入规则" }));
    await retype("规则 3 的名称", "住院医师不计入");
    await retype("规则 3 条件 1：列", "职称");
    await retype("规则 3 条件 1：值", "住院医师");
    const added = {
      name: { zh: "住院医师不计入", en: "New rule" },
      when: [{ column: "职称", op: "=", value: "住院医师" }],
    };
    const rs = sameAsImport(draft(), { ...PHARMA, eligibility: [...two, added] });
    const r = zh(rs);
    expect(r.tierKeys[0]).toBeNull();
    expect(r.columns.issue[0]).toBe("不计入（准入规则）：住院医师不计入");
  });

  it("a list of 职称 is typed with 顿号 and read as the rule file's list", async () => {
    const { draft } = renderEditor("pharma", "zh-CN");
    expect((screen.getByLabelText("规则 2 条件 3：值") as HTMLInputElement).value).toBe("主治医师、住院医师");
    await retype("规则 2 条件 3：值", "主治医师、住院医师、主任医师");
    if (PHARMA.method !== "grid") throw new Error("pharma is a nine-grid");
    const eligibility = structuredClone(PHARMA.eligibility!);
    eligibility[1].when[2].value = ["主治医师", "住院医师", "主任医师"];
    sameAsImport(draft(), { ...PHARMA, eligibility });
  });

  it("raising A1's most visits to 8 plans 8 visits for the A1 doctor, and the daily capacity and coverage target reach the plan", async () => {
    const { draft } = renderEditor("pharma", "zh-CN");
    // Seed 000: "A:4-6次/月 B:2-4次/月 C:0-2次/月", 10 calls a day, ≥60%.
    expect((screen.getByLabelText("A1 最少") as HTMLInputElement).value).toBe("4");
    expect((screen.getByLabelText("A1 最多") as HTMLInputElement).value).toBe("6");
    expect((screen.getByLabelText("每位代表每天最多拜访次数") as HTMLInputElement).value).toBe("10");
    expect((screen.getByLabelText("优先客户覆盖率目标（%）") as HTMLInputElement).value).toBe("60");
    const plan = (rs: RuleSet) => {
      const result = zh(rs);
      const order = tiersOf(rs).map((t) => t.name.zh);
      const customers = visitCustomers(DOCTORS, result, visitsPerTier(rs, "zh", order));
      const ranged = planRanges(rs, "zh", result, customers, 20, undefined, order)!;
      return { ranged, visits: Object.fromEntries(customers.map((c) => [c.id, c.visits])) };
    };
    expect(plan(validate(draft()).ruleSet!).visits).toEqual({ D4: 6, D5: 4, D6: 2 });

    await retype("A1 最多", "8");
    await retype("每位代表每天最多拜访次数", "12");
    await retype("优先客户覆盖率目标（%）", "80");
    if (PHARMA.method !== "grid") throw new Error("pharma is a nine-grid");
    const cells = PHARMA.cells.map((c) => (c.cell === "A1" ? { ...c, maxVisits: 8 } : c));
    const rs = sameAsImport(draft(), { ...PHARMA, cells, capacity: 12, coverageTarget: 0.8 });
    const { ranged, visits } = plan(rs);
    expect(visits).toEqual({ D4: 8, D5: 4, D6: 2 });
    expect(ranged.capacity).toBe(12);
    expect(ranged.coverage.target).toBe(0.8);

    await retype("优先客户覆盖率目标（%）", "150");
    expect(screen.getByText("不能大于 100。")).toBeTruthy();
    await retype("A1 最多", "2");
    expect(screen.getByText("最多次数小于最少次数。")).toBeTruthy();
  });
});

describe("the retention editor of rule tables", () => {
  // test/retention.test.ts: the issue's example keep-bars, 金卡 kept while spend ≥ 8,000, 银卡 while ≥ 4,000.
  const quarter = (spend: number) =>
    tableFromRows(
      [
        ["会员号", "首次消费日期", "消费次数", "累计消费金额"],
        ["M1", "2023-01-05", 5, spend],
      ],
      false,
      "members",
    );
  /** M1's card in Q4 after a Q3 spend of 12,000 and a Q4 spend of 8,640, retention applied. */
  const m1 = (rs: RuleSet) => {
    const q3 = snapshotOf(grade(quarter(12000), rs, { asOf: parseIsoDay("2025-09-30") }), "2025Q3", "m");
    const q4 = snapshotOf(grade(quarter(8640), rs, { asOf: AS_OF }), "2025Q4", "m");
    return retainWith(rs, q4, q3).current[0].tier;
  };

  it("a keep-bar of 8,000 on 金卡 keeps a member whose spend fell to 8,640 in gold, and clearing it lets them go down", async () => {
    const { draft } = renderEditor("membership", "zh-CN");
    expect(m1(validate(draft()).ruleSet!)).toBe("silver");
    await retype("金卡：保级线（不低于）", "8000");
    await retype("银卡：保级线（不低于）", "4000");
    const rs = sameAsImport(draft(), {
      ...preset("membership"),
      retention: { keep: { gold: 8000, silver: 4000 } },
    });
    expect(m1(rs)).toBe("gold");
    await retype("金卡：保级线（不低于）", "");
    await retype("银卡：保级线（不低于）", "");
    expect(m1(sameAsImport(draft(), preset("membership")))).toBe("silver");
    await retype("连续低于几次后降级（1 至 12）", "13");
    expect(screen.getByText("不能大于 12。")).toBeTruthy();
  });
});
