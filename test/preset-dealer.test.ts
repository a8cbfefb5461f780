import { describe, expect, it } from "vitest";
import { bandPoints } from "../src/engine/bands";
import { parseIsoDay } from "../src/engine/dates";
import { tiersOf } from "../src/engine/methods";
import { preset } from "../src/engine/presets";
import { tableFromRows } from "../src/engine/table";
import { gradeIn } from "./present";

/**
 * Seed 000, 客户分级管理制度 (a construction-machinery maker): "七、评星标准:(打分制) 五星:90分以上 四星:80分以上
 * 三星:70分以上 二星:60分以上 一星:50分以下"; 20 items in the 客户评估表, "综合评比百分制"; "三、客户范围 A类:所有
 * 拥有三一设备客户 B类:区域内有影响但未购买三一设备户 C类:行业内活动率高且善于造势客户 D类:周边行业客户(潜在客户)
 * E类:公权客户".
 */
const DEALER = preset("dealer");
if (DEALER.method !== "scorecard") throw new Error("dealer is a scorecard");
const CRITERIA = DEALER.criteria;
const asOf = parseIsoDay("2025-12-31");

/** A dealer row where every item scores `points` (a raw figure inside the band worth that many, or the rating). */
function rowScoring(points: number[]): unknown[] {
  return CRITERIA.map((c, j) => {
    const p = points[j];
    const band = DEALER.method === "scorecard" ? DEALER.bands?.[c.key] : undefined;
    if (!band) return p;
    if (p === 0) {
      // Below the last band (or above it for lower-is-better rates).
      const last = band[band.length - 1];
      return last.min !== undefined ? last.min - 1e-6 - (last.min > 1 ? 0.5 : 0) : last.max! + 1;
    }
    const b = band.find((x) => x.points === p)!;
    return b.min ?? b.max;
  });
}

function dealers(rows: [string, string, number[]][]) {
  return tableFromRows(
    [
      ["经销商编号", "客户类别", ...CRITERIA.map((c) => c.name.zh)],
      ...rows.map(([id, type, points]) => [id, type, ...rowScoring(points)]),
    ],
    false,
    "经销商",
  );
}

const all = (p: number) => CRITERIA.map(() => p);
/** 18 items at 5 and two at 0: 90 points. */
const ninety = CRITERIA.map((_, j) => (j < 18 ? 5 : 0));

describe("the dealer preset (seed 000, 客户分级管理制度)", () => {
  it("bandPoints turns a raw figure into points, first band wins, none gives 0 (年销量 ≥ 500 台 → 5 分)", () => {
    const bands = [
      { min: 500, points: 5 },
      { min: 300, points: 4 },
      { min: 100, points: 2 },
    ];
    expect(Array.from(bandPoints([650, 500, 499, 120, 99, NaN], bands))).toEqual([5, 5, 4, 2, 0, NaN]);
    // Lower is better: an overdue rate of at most 2 % earns 5.
    expect(Array.from(bandPoints([0.01, 0.2], [{ max: 0.02, points: 5 }]))).toEqual([5, 0]);
  });

  it("dealer has the 20 items of the 客户评估表, 5 points each on the 百分制, stars 90 / 80 / 70 / 60", () => {
    expect(CRITERIA).toHaveLength(20);
    expect(DEALER.profiles.default).toEqual(all(5));
    expect(DEALER.stars).toEqual([90, 80, 70, 60]);
    expect(DEALER.scale).toBe(100);
  });

  it("dealer names its stars as the source does, 一星 being below 60 where the source wrote 50分以下", () => {
    expect(tiersOf(DEALER).map((t) => t.name.zh)).toEqual([
      "五星（90分以上）",
      "四星（80分以上）",
      "三星（70分以上）",
      "二星（60分以上）",
      "一星（60分以下，原文“50分以下”）",
    ]);
  });

  it("dealer gives 90 points five stars, 60 two stars, a dealer whose items all score 0 one star, and scores every item from 0", () => {
    const sixty = CRITERIA.map((_, j) => (j < 12 ? 5 : 0));
    const r = gradeIn(
      dealers([
        ["D1", "A", ninety],
        ["D2", "B类", sixty],
        ["D3", "E", all(0)],
        ["D4", "C", all(4)],
      ]),
      DEALER,
      { asOf, input: "customers" },
    );
    expect(r.columns.score).toEqual([90, 60, 0, 80]);
    expect(r.columns.stars).toEqual([5, 2, 1, 4]);
    expect(r.problems).toEqual([]);
  });

  it("dealer writes the customer type A–E and no lease class (A renew / B adjust / C do not renew)", () => {
    const r = gradeIn(
      dealers([
        ["D1", "A", ninety],
        ["D2", "B类", all(3)],
        ["D3", "公权", all(3)],
      ]),
      DEALER,
      { asOf, input: "customers" },
    );
    expect(r.keys).not.toContain("class");
    expect(r.columns.customer_type).toEqual(["A", "B", "公权"]);
    expect(DEALER.customerTypes?.types.map((t) => t.name.zh)).toEqual([
      "所有拥有三一设备客户",
      "区域内有影响但未购买三一设备户",
      "行业内活动率高且善于造势客户",
      "周边行业客户(潜在客户)",
      "公权客户",
    ]);
  });

  it("dealer lists a raw figure that is not a number with its column, and grades the others", () => {
    const t = dealers([
      ["D1", "A", ninety],
      ["D2", "A", ninety],
    ]);
    t.rows[1][2] = "很多";
    const r = gradeIn(t, DEALER, { asOf, input: "customers" });
    expect(r.columns.stars).toEqual([5, null]);
    expect(r.problems.map((p) => p.column)).toEqual(["现有设备数量"]);
  });

  it("dealer's bands are marked as examples: the source gives no scale per item", () => {
    expect(DEALER.examples).toEqual(["bands"]);
  });
});
