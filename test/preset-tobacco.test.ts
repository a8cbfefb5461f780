import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../src/cli/main";
import { overloadedManagers } from "../src/engine/manager-load";
import { tiersOf } from "../src/engine/methods";
import { preset } from "../src/engine/presets";
import { tableFromRows } from "../src/engine/table";
import { visitsPerTier } from "../src/engine/visits";
import { gradeIn } from "./present";

/**
 * Seed 002 (《卷烟商品营销员》之客户管理), 五(二) 销售业绩分析: "假定该销售人员有20家客户，总的销售额为250万元。
 * 但其中前4家的销售额就占总销售额的80%，第5家至第10家的销售额占15%，后10家仅占5%。"
 * Monthly averages (yuan) made to those shares: 200万 + 37.5万 + 12.5万 = 250万.
 */
const TOP4 = [800_000, 500_000, 400_000, 300_000];
const NEXT6 = [100_000, 80_000, 60_000, 50_000, 45_000, 40_000];
const LAST10 = [20_000, 18_000, 15_000, 14_000, 13_000, 12_000, 11_000, 9_000, 7_000, 6_000];
const AVERAGES = [...TOP4, ...NEXT6, ...LAST10];

/** 20 retailers with 3 (or more) monthly columns whose last three average to AVERAGES. */
function retailers(older: (i: number) => number[] = () => []) {
  const olderCount = older(0).length;
  const months = ["2025年7月", "2025年8月", "2025年9月", "2025年10月", "2025年11月", "2025年12月"].slice(
    6 - 3 - olderCount,
  );
  const header = ["零售户编号", "客户经理", "路序", ...months];
  const rows = AVERAGES.map((v, i) => [
    `R${String(i + 1).padStart(2, "0")}`,
    "张伟",
    i + 1,
    ...older(i),
    v - 1000,
    v,
    v + 1000,
  ]);
  return tableFromRows([header, ...rows], false, "零售户");
}

describe("the tobacco preset (seed 002)", () => {
  it("the worked example's totals hold: 20 retailers, 250万, top 4 80 %, 5th to 10th 15 %, last 10 5 %", () => {
    const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);
    expect(AVERAGES).toHaveLength(20);
    expect(sum(AVERAGES)).toBe(2_500_000);
    expect(sum(TOP4) / 2_500_000).toBe(0.8);
    expect(sum(NEXT6) / 2_500_000).toBe(0.15);
    expect(sum(LAST10) / 2_500_000).toBe(0.05);
  });

  it("tobacco grades the worked example on the 3-month average: the top 4 are A, the 5th to 10th B, the last 10 C", () => {
    const r = gradeIn(retailers(), preset("tobacco"), { input: "customers" });
    expect(r.columns.abc).toEqual([...Array(4).fill("A"), ...Array(6).fill("B"), ...Array(10).fill("C")]);
    expect(r.columns.amount).toEqual(AVERAGES);
  });

  it("tobacco averages 3 months by default and 4 to 6 when chosen (连续3个月（或4至6个月）)", () => {
    // A fourth, older month that would lift the last retailer into A when it counts.
    const table = retailers((i) => [i === 19 ? 4_000_000 : 0]);
    const three = gradeIn(table, preset("tobacco"), { input: "customers" });
    expect(three.columns.abc[19]).toBe("C");
    const rs = preset("tobacco");
    if (rs.method !== "abc") throw new Error("tobacco is an ABC preset");
    rs.months = 4;
    const four = gradeIn(table, rs, { input: "customers" });
    expect(four.columns.amount[19]).toBe((4_000_000 + 3 * 6_000) / 4);
    expect(four.columns.abc[19]).toBe("A");
  });

  it("tobacco cuts by fixed 等级标准额 per class when the basis is an amount", () => {
    const rs = preset("tobacco");
    if (rs.method !== "abc") throw new Error("tobacco is an ABC preset");
    rs.basis = { kind: "amount", a: 250_000, b: 30_000 };
    const r = gradeIn(retailers(), rs, { input: "customers" });
    expect(r.columns.abc).toEqual([...Array(4).fill("A"), ...Array(6).fill("B"), ...Array(10).fill("C")]);
  });

  it("tobacco visits 核心 every ten days (3 a month) and the others every half month (2), on top of the regular calls", () => {
    // 案例5: "客户经理在正常访销以外每旬对核心客户走访一次，对其他客户每半月走访一次".
    const rs = preset("tobacco");
    expect(tiersOf(rs).map((t) => t.visits)).toEqual([4 + 3, 4 + 2, 4 + 2]);
    expect(visitsPerTier(rs, "zh", ["A类（核心）", "B类", "C类"])).toEqual({
      "A类（核心）": 7,
      B类: 6,
      C类: 6,
    });
    expect(rs.examples).toEqual(["regularVisits"]);
  });

  it("overloadedManagers names the managers above 100 retailers (各负责80～100个客户)", () => {
    const list = [...Array(101).fill("张伟"), ...Array(100).fill("李娜")];
    expect(overloadedManagers(list, 100)).toEqual([{ manager: "张伟", customers: 101, max: 100 }]);
  });
});

describe("tier plan with the tobacco preset", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "tier-tobacco-"));

  it("tier plan --regular sets the regular calls, adds each class's extra visits and warns above 100 retailers per manager", async () => {
    const lines = ["零售户编号,客户经理,路序,2025年10月,2025年11月,2025年12月"];
    for (let i = 1; i <= 101; i++) lines.push(`R${i},张伟,${i},${i * 100},${i * 100},${i * 100}`);
    const input = path.join(dir, "retailers.csv");
    writeFileSync(input, lines.join("\n") + "\n");
    const out = path.join(dir, "plan.json");
    let err = "";
    const code = await main(
      ["plan", input, "--preset", "tobacco", "--month", "2026-01", "--holidays", "none", "--regular", "2"],
      { out: () => {}, err: (s) => (err += s) },
    );
    expect(code).toBe(0);
    expect(err).toContain("regular sales calls: 2 a month");
    expect(err).toContain("张伟 looks after 101 customers; the policy says at most 100 per manager");
    const code2 = await main(
      [
        "plan",
        input,
        "--preset",
        "tobacco",
        "--month",
        "2026-01",
        "--holidays",
        "none",
        "--regular",
        "2",
        "--out",
        out,
      ],
      { out: () => {}, err: () => {} },
    );
    expect(code2).toBe(0);
    const json = JSON.parse(readFileSync(out, "utf8"));
    expect(json.visitsPerTier).toEqual({ "A (core)": 5, B: 4, C: 4 });
  });
});
