/**
 * What the samples of issue 14's presets must show when the demo grades them (as of 2025-12-31):
 * tiers that must not be empty, and the bad rows planted by scripts/make-samples-policies.ts, as
 * sheet row and column (none for a rule no row matched). Spread into test/samples.test.ts.
 */
export const POLICY_SAMPLES: Record<string, { tiers: string[]; problems: [number, string | undefined][] }> = {
  "three-level--business-customers-zh.xlsx": {
    tiers: ["重要客户", "核心客户", "普通客户"],
    // 政府机构 is no type of the source's three levels; the other row's type is blank.
    problems: [
      [33, undefined],
      [60, undefined],
    ],
  },
  "four-level--sales-customers-zh.xlsx": {
    tiers: ["核心客户", "重点客户", "一般客户", "潜在客户"],
    problems: [[46, "销售额（元）"]],
  },
  "senior-mid--wholesale-customers-zh.xlsx": {
    tiers: ["高级客户", "中级客户", "普通客户"],
    problems: [[14, "合作意愿（1-5）"]],
  },
  "loyalty--restaurant-survey-zh.xlsx": {
    tiers: ["忠实客户（高忠诚度）", "中忠诚度客户", "低忠诚度客户"],
    problems: [[12, undefined]],
  },
  "walk-in--store-customers-zh.xlsx": { tiers: ["VIP会员", "普通会员", "散客"], problems: [] },
  "ladder--crm-contacts-zh.xlsx": {
    tiers: ["拥护者", "成员", "忠诚客户", "重复购买客户", "首次购买客户", "合格预期顾客", "预期顾客"],
    problems: [],
  },
  "kmeans--online-customers-zh.xlsx": {
    tiers: ["高价值客户", "中高价值客户", "中低价值客户", "基础客户"],
    problems: [[68, "累计消费金额（元）"]],
  },
};
