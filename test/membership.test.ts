import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { TierError } from "../src/engine/errors";
import {
  MEMBERSHIP_PRESET,
  benefitsOf,
  membershipBenefits,
  type TierBenefits,
} from "../src/engine/membership";
import { applyRules, tierNames } from "../src/engine/rules";

const { rules, tiers } = MEMBERSHIP_PRESET;
const rank = new Map(tiers.map((t, i) => [t.key, i]));
const nameOf = (key: string) => tiers.find((t) => t.key === key)?.name.zh ?? "";

function grade(amount: number[], tenure: number[], frequency: number[]): string[] {
  const idx = applyRules(rules, { amount, tenure_days: tenure, frequency }, amount.length);
  return tierNames(rules, idx).map(nameOf);
}

describe("membership preset", () => {
  it("gives 25000 spend with 400 days' tenure 钻石 and every cumulative benefit joined by 、", () => {
    expect(grade([25000], [400], [12])).toEqual(["钻石"]);
    // 钻石 keeps 金卡, which keeps 银卡, which keeps 普通 ("除普通客户权益外"); 新客户's discount is not kept.
    expect(benefitsOf(membershipBenefits("zh", "name"), "钻石", "zh")).toBe(
      "会员价格、积分累计、生日礼包、优先预约服务、免费配送服务、专属客服、定制服务、年度专属礼物",
    );
    expect(benefitsOf(membershipBenefits("en"), "diamond", "en")).toBe(
      "member prices, loyalty points, birthday gift, priority booking, free delivery, a personal service contact, made-to-measure service, a yearly gift",
    );
  });

  it("gives 25000 spend with only 100 days' tenure 金卡, because 钻石 also needs a year", () => {
    expect(grade([25000], [100], [3])).toEqual(["金卡"]);
  });

  it("gives a first purchase of 300 新客户 and a small repeat buyer 普通", () => {
    expect(grade([300, 300, 6000], [0, 200, 50], [1, 2, 1])).toEqual(["新客户", "普通", "银卡"]);
  });

  it("leaves a negative or missing amount with several purchases without a tier", () => {
    expect(grade([-50, NaN], [10, 10], [3, 3])).toEqual(["", ""]);
  });

  it("gives 新客户 and 普通 only their own benefits", () => {
    const zh = membershipBenefits("zh", "name");
    expect(benefitsOf(zh, "新客户", "zh")).toBe("首次消费优惠");
    expect(benefitsOf(zh, "普通", "zh")).toBe("会员价格、积分累计");
    expect(benefitsOf(zh, "银卡", "zh")).toBe("会员价格、积分累计、生日礼包、优先预约服务");
    expect(benefitsOf(zh, "", "zh")).toBe("");
  });

  it("never lowers a tier (by tier order) when the amount is higher", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1000, max: 40000 }),
        fc.integer({ min: 0, max: 40000 }),
        fc.integer({ min: 0, max: 1000 }),
        fc.integer({ min: 1, max: 30 }),
        (a, extra, tenure, f) => {
          const idx = applyRules(
            rules,
            { amount: [a, a + extra], tenure_days: [tenure, tenure], frequency: [f, f] },
            2,
          );
          const [lo, hi] = tierNames(rules, idx).map((k) => rank.get(k) ?? -1);
          return hi >= lo;
        },
      ),
    );
  });

  it("is plain data that survives a JSON round trip", () => {
    expect(JSON.parse(JSON.stringify(MEMBERSHIP_PRESET))).toEqual(MEMBERSHIP_PRESET);
    expect(rules.rules.every((r) => rank.has(r.tier))).toBe(true);
  });
});

describe("benefitsOf", () => {
  const order: TierBenefits[] = [
    { tier: "bronze", benefits: ["points"], cumulative: false },
    { tier: "silver", benefits: ["gift", "points"], cumulative: true },
    { tier: "gold", benefits: ["delivery"], cumulative: true },
  ];

  it("benefitsOf lists the lowest tier's benefits first and drops duplicates", () => {
    expect(benefitsOf(order, "gold", "en")).toBe("points, gift, delivery");
    expect(benefitsOf(order, "gold", "zh")).toBe("points、gift、delivery");
  });

  it("benefitsOf stops at a tier that is not cumulative", () => {
    const broken = order.map((t) => (t.tier === "silver" ? { ...t, cumulative: false } : t));
    expect(benefitsOf(broken, "gold", "en")).toBe("gift, points, delivery");
    expect(benefitsOf(broken, "silver", "en")).toBe("gift, points");
  });

  it("benefitsOf rejects a tier listed twice and does not mutate the order", () => {
    expect(() => benefitsOf([order[0], order[0]], "bronze", "en")).toThrow(TierError);
    const frozen = Object.freeze(
      order.map((t) => Object.freeze({ ...t, benefits: Object.freeze([...t.benefits]) })),
    );
    expect(benefitsOf(frozen, "silver", "en")).toBe("points, gift");
  });
});
