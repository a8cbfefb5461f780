import { check } from "./errors";
import type { RuleTable } from "./rules";

/** The benefits one tier lists; `cumulative` means it also keeps the tier below it ("除普通客户权益外"). */
export interface TierBenefits {
  tier: string;
  benefits: readonly string[];
  cumulative: boolean;
}

/**
 * Benefit text of one tier, cumulative tiers included: a cumulative tier has the benefits of the tier
 * directly below it, and through that tier (when it is cumulative too) of every lower tier. The chain
 * stops at the first tier that is not cumulative, because the store policy says 银卡 has "除普通客户权益外"
 * (普通's benefits, not 新客户's first-purchase discount). When every tier is cumulative this is exactly
 * "every lower tier's benefits". Lowest tier's benefits come first, duplicates are dropped, joined with
 * "、" (zh) or ", " (en). An unknown or blank tier (a customer with no tier) gets "".
 *
 * @example
 * benefitsOf([{ tier: "普通", benefits: ["会员价格"], cumulative: false },
 *             { tier: "银卡", benefits: ["生日礼包"], cumulative: true }], "银卡", "zh"); // "会员价格、生日礼包"
 */
export function benefitsOf(order: readonly TierBenefits[], tier: string, lang: "zh" | "en"): string {
  const seen = new Set<string>();
  for (const t of order) {
    check(!seen.has(t.tier), "membership.tierTwice", { tier: t.tier });
    seen.add(t.tier);
  }
  const at = order.findIndex((t) => t.tier === String(tier ?? "").trim());
  if (at < 0) return "";
  let from = at;
  while (from > 0 && order[from].cumulative) from--;
  const out: string[] = [];
  const have = new Set<string>();
  for (let i = from; i <= at; i++) add(order[i].benefits);
  return out.join(lang === "zh" ? "、" : ", ");

  function add(list: readonly string[]): void {
    for (const b of list) {
      const t = b.trim();
      if (t !== "" && !have.has(t)) {
        have.add(t);
        out.push(t);
      }
    }
  }
}

/** A tier of the membership preset, in the rule-set shape (plain data, serialisable to JSON). */
export interface MembershipTier {
  key: string;
  name: { zh: string; en: string };
  benefits: { zh: readonly string[]; en: readonly string[] };
  cumulative: boolean;
  /** The card's colour: diamond-blue, gold, silver, a neutral grey, a light accent for new customers. */
  colour?: string;
}

/**
 * The store membership policy (门店客户分级管理制度) of the spec appendix. Rules name tiers by `key`.
 * `tenure_days` is as-of minus first purchase date, worked out by the caller; thresholds are editable.
 *
 * Cumulative, from the seed's wording: 银卡 "除普通客户权益外", 金卡 "除银卡客户权益外", 钻石 "除金卡客户权益外"
 * are cumulative; 新客户 and 普通 are not (普通 does not keep the first-purchase discount, which is for a
 * first purchase only).
 */
export const MEMBERSHIP_PRESET = {
  name: { zh: "门店客户分级", en: "Store membership" },
  /** Lowest first: the order "higher tier" and "cumulative" refer to. */
  tiers: [
    {
      key: "new",
      name: { zh: "新客户", en: "New" },
      benefits: { zh: ["首次消费优惠"], en: ["first-purchase discount"] },
      cumulative: false,
      colour: "#CFE8F3",
    },
    {
      key: "regular",
      name: { zh: "普通", en: "Regular" },
      benefits: { zh: ["会员价格", "积分累计"], en: ["member prices", "loyalty points"] },
      cumulative: false,
      colour: "#D9D9D9",
    },
    {
      key: "silver",
      name: { zh: "银卡", en: "Silver" },
      benefits: { zh: ["生日礼包", "优先预约服务"], en: ["birthday gift", "priority booking"] },
      cumulative: true,
      colour: "#B4BAC2",
    },
    {
      key: "gold",
      name: { zh: "金卡", en: "Gold" },
      benefits: { zh: ["免费配送服务", "专属客服"], en: ["free delivery", "a personal service contact"] },
      cumulative: true,
      colour: "#D4A017",
    },
    {
      key: "diamond",
      name: { zh: "钻石", en: "Diamond" },
      benefits: { zh: ["定制服务", "年度专属礼物"], en: ["made-to-measure service", "a yearly gift"] },
      cumulative: true,
      colour: "#1F5FA8",
    },
  ] as readonly MembershipTier[],
  /** First matching rule wins; a negative or missing amount with more than one purchase gets no tier. */
  rules: {
    rules: [
      {
        tier: "diamond",
        when: [
          { column: "amount", op: ">=", value: 20000 },
          { column: "tenure_days", op: ">=", value: 365 },
        ],
      },
      { tier: "gold", when: [{ column: "amount", op: ">=", value: 10000 }] },
      { tier: "silver", when: [{ column: "amount", op: ">=", value: 5000 }] },
      { tier: "new", when: [{ column: "frequency", op: "=", value: 1 }] },
      { tier: "regular", when: [{ column: "amount", op: ">=", value: 0 }] },
    ],
  } as RuleTable,
  /** 每季度对客户进行分级评定; 通过短信、邮件或电话等方式通知客户. */
  review: "quarterly",
  notify: ["sms", "email", "phone"],
} as const;

/**
 * The preset's tiers as {@link TierBenefits} in one language, named by `key` or by the display name.
 *
 * @example
 * benefitsOf(membershipBenefits("zh", "name"), "银卡", "zh"); // "会员价格、积分累计、生日礼包、优先预约服务"
 */
export function membershipBenefits(
  lang: "zh" | "en",
  tierBy: "key" | "name" = "key",
  tiers: readonly MembershipTier[] = MEMBERSHIP_PRESET.tiers,
): TierBenefits[] {
  return tiers.map((t) => ({
    tier: tierBy === "key" ? t.key : t.name[lang],
    benefits: t.benefits[lang],
    cumulative: t.cumulative,
  }));
}
