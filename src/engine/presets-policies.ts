import type { RuleSet } from "./ruleset";

/**
 * The policies of issue 14 that the first presets lacked, each with the source's actions per tier
 * (`strategies`). Thresholds the source does not give are listed in `examples` ("示例门槛"): the pane
 * and docs/policies.md show them as examples to replace. Quotations are from `/work/shared/seeds/`.
 */

const list = (zh: string[], en: string[]) => ({ zh, en });

/**
 * The customer pyramid's actions per level (source 000, 「第三节 如何实现对客户的分级管理」): 关键客户
 * (重要 and 次要) "有目的、有计划地拜访关键客户 → 经常性地征求关键客户的意见 → 及时、有效地处理关键客户的投诉或者
 * 抱怨"; 普通客户 "根据普通客户的需要扩充相关产品线 … 针对没有升级潜力的「普通客户」，可减少服务，降低成本";
 * 小客户 "向小客户推销高利润的产品 … 适当限制为小客户提供的服务内容和范围 … (3) 坚决淘汰劣质客户".
 */
export const PYRAMID_STRATEGIES: Readonly<Record<string, { zh: string[]; en: string[] }>> = {
  top: list(
    ["有计划地拜访", "经常征求意见", "及时处理投诉或抱怨"],
    ["planned visits", "ask for their views often", "handle complaints promptly"],
  ),
  second: list(
    ["有计划地拜访", "经常征求意见", "及时处理投诉或抱怨"],
    ["planned visits", "ask for their views often", "handle complaints promptly"],
  ),
  ordinary: list(
    ["按需扩充相关产品线", "有潜力的培养升级为关键客户", "无升级潜力的减少服务、降低成本"],
    [
      "widen the product line to their needs",
      "grow the ones with potential into key customers",
      "serve the others more cheaply",
    ],
  ),
  small: list(
    ["有潜力的培养升级", "推销高利润产品", "限制服务内容、降低成本", "淘汰劣质客户"],
    [
      "grow the ones with potential",
      "sell them higher-margin products",
      "limit the service and its cost",
      "drop customers with bad credit",
    ],
  ),
};

export const POLICY_PRESETS = {
  // Source 000, 「(完整版)客户分级管理制度」, 三、分级标准 and 四、管理策略: 重要客户 "包括大型企业、战略合作
  // 伙伴等", 核心客户 "包括中小型企业、长期合作客户等", 普通客户 "包括个人客户、新客户等". No numbers.
  "three-level": {
    method: "rules",
    name: { zh: "重要 / 核心 / 普通客户（按客户类型）", en: "Important / core / regular (by customer type)" },
    description: {
      zh: "按客户类型分三级：大型企业、战略合作伙伴为重要客户；中小型企业、长期合作客户为核心客户；个人客户、新客户为普通客户。每级附管理策略。",
      en: "Three levels by customer type: large enterprises and strategic partners are important; small and medium enterprises and long-term partners are core; individuals and new customers are regular. Each level carries its service strategy.",
    },
    tiers: [
      {
        key: "regular",
        name: { zh: "普通客户", en: "Regular" },
        strategies: list(["统一服务热线"], ["one service hotline with quick answers"]),
      },
      {
        key: "core",
        name: { zh: "核心客户", en: "Core" },
        strategies: list(
          ["专属客户经理", "定期回访", "定期培训"],
          ["a dedicated account manager", "regular follow-up calls", "regular product training"],
        ),
      },
      {
        key: "important",
        name: { zh: "重要客户", en: "Important" },
        strategies: list(
          ["专属服务团队", "个性化定制", "高管关怀"],
          [
            "a dedicated service team",
            "customised products and services",
            "regular visits by senior management",
          ],
        ),
      },
    ],
    rules: [
      { tier: "important", when: [{ column: "客户类型", op: "in", value: ["大型企业", "战略合作伙伴"] }] },
      { tier: "core", when: [{ column: "客户类型", op: "in", value: ["中小型企业", "长期合作客户"] }] },
      { tier: "regular", when: [{ column: "客户类型", op: "in", value: ["个人客户", "新客户"] }] },
    ],
  },

  // Source 000, 「销售客户分级管理制度」, 二、制度内容: "根据客户的价值和潜力" 核心 / 重点 / 一般 / 潜在, with
  // each level's treatment; the source gives no amounts, so every number here is an example.
  "four-level": {
    method: "rules",
    name: {
      zh: "核心 / 重点 / 一般 / 潜在客户（价值与潜力）",
      en: "Core / key / general / prospect (value and potential)",
    },
    description: {
      zh: "按价值与潜力分四级：核心客户是销售额的主要来源、消费稳定；重点客户价值贡献较大或潜力较高；一般客户为大多数；潜在客户尚未购买。金额、次数与潜力门槛为示例。",
      en: "Four levels by value and potential: core customers bring most sales and buy steadily; key customers contribute much or have high potential; general customers are the majority; prospects have not bought yet. The amount, count and potential thresholds are examples.",
    },
    tiers: [
      {
        key: "prospect",
        name: { zh: "潜在客户", en: "Prospect" },
        strategies: list(
          ["市场调研与数据分析", "制定吸引和留存策略"],
          ["market research and data analysis", "a plan to win and keep them"],
        ),
      },
      {
        key: "general",
        name: { zh: "一般客户", en: "General" },
        strategies: list(
          ["标准化服务和产品", "优质品质与合理价格", "加强沟通互动"],
          ["standard service and products", "good quality at a fair price", "more contact and interaction"],
        ),
      },
      {
        key: "key",
        name: { zh: "重点客户", en: "Key" },
        strategies: list(
          ["专门的营销策略", "定期关怀和服务", "拓展合作领域"],
          ["a dedicated marketing plan", "regular care and service", "widen the cooperation"],
        ),
      },
      {
        key: "core",
        name: { zh: "核心客户", en: "Core" },
        strategies: list(
          ["专门团队维护关系", "个性化服务", "定制化产品", "持续沟通与合作"],
          [
            "a dedicated relationship team",
            "personalised service",
            "customised products",
            "continuous communication",
          ],
        ),
      },
    ],
    rules: [
      { tier: "prospect", when: [{ column: "frequency", op: "=", value: 0 }] },
      {
        tier: "core",
        when: [
          { column: "amount", op: ">=", value: 200000 },
          { column: "frequency", op: ">=", value: 12 },
        ],
      },
      { tier: "key", when: [{ column: "amount", op: ">=", value: 50000 }] },
      { tier: "key", when: [{ column: "potential", op: ">=", value: 4 }] },
    ],
    default: "general",
    examples: [
      "rules[1].when[0].value",
      "rules[1].when[1].value",
      "rules[2].when[0].value",
      "rules[3].when[0].value",
    ],
  },

  // Source 000, 「客户分级管理（标准版）」, 一、客户分级的标准: "客户的交易金额、购买频率、购买品类以及长期合作
  // 意愿", 高级 / 中级 / 普通 with strategies in 二、三; no numbers, so every threshold is an example.
  "senior-mid": {
    method: "rules",
    name: { zh: "高级 / 中级 / 普通客户", en: "Senior / middle / regular" },
    description: {
      zh: "按交易金额、购买频率、购买品类和长期合作意愿分三层：高级客户金额大、频率高；中级客户金额与频率稳定；其余为普通客户。门槛为示例。",
      en: "Three levels by amount, purchase frequency, product categories and willingness to cooperate: senior customers buy much and often, middle ones steadily, the rest are regular. The thresholds are examples.",
    },
    tiers: [
      {
        key: "regular",
        name: { zh: "普通客户", en: "Regular" },
        // The 标准版 text stops before 普通客户's strategies; the neighbouring passage of source 000
        // ("低价值客户则享受基础会员服务") gives the basic level.
        strategies: list(["基础会员服务"], ["basic member service"]),
      },
      {
        key: "middle",
        name: { zh: "中级客户", en: "Middle" },
        strategies: list(
          ["维持稳定合作关系", "定期沟通和促销活动", "增加附加值服务", "培养发展潜力"],
          [
            "keep a steady partnership",
            "regular contact and promotions",
            "added-value services (training, product shows)",
            "grow the ones with potential",
          ],
        ),
      },
      {
        key: "senior",
        name: { zh: "高级客户", en: "Senior" },
        strategies: list(
          ["个性化定制服务", "优先供应和配送", "定期拜访和维护", "售后服务特权"],
          ["customised service", "priority supply and delivery", "regular visits", "after-sales privileges"],
        ),
      },
    ],
    rules: [
      {
        tier: "senior",
        when: [
          { column: "amount", op: ">=", value: 100000 },
          { column: "frequency", op: ">=", value: 12 },
          { column: "购买品类数", op: ">=", value: 3 },
          { column: "合作意愿", op: ">=", value: 4 },
        ],
      },
      {
        tier: "middle",
        when: [
          { column: "amount", op: ">=", value: 20000 },
          { column: "frequency", op: ">=", value: 4 },
        ],
      },
    ],
    default: "regular",
    examples: [
      "rules[0].when[0].value",
      "rules[0].when[1].value",
      "rules[0].when[2].value",
      "rules[0].when[3].value",
      "rules[1].when[0].value",
      "rules[1].when[1].value",
    ],
  },

  // Source 004, 一、5 「根据关系营销对客户忠诚度的划分」: 满意度 很满意 / 比较满意 / 满意 / 不满意 / 很不满意,
  // 重复购买的概率 70%以上 / 70-30% / 30%以下, 推荐 很大可能 / 有可能 / 不可能; the two ends (经常光顾、很满意并且愿意
  // 推荐 = 高忠诚度; 只来过一次且不太满意 = 低忠诚度) are the source's, the middle is an example.
  loyalty: {
    method: "rules",
    name: {
      zh: "客户忠诚度（满意度 × 复购率 × 推荐）",
      en: "Loyalty (satisfaction × repurchase × referral)",
    },
    description: {
      zh: "按满意度（五级）、重复购买概率（70%以上、30%-70%、30%以下）和推荐可能性（三级）分高、中、低忠诚度；两端取自来源，中间为示例。",
      en: "High, middle or low loyalty from satisfaction (5 levels), repurchase probability (above 70 %, 30-70 %, below 30 %) and referral (3 levels); both ends come from the source, the middle is an example.",
    },
    tiers: [
      {
        key: "low",
        name: { zh: "低忠诚度客户", en: "Low loyalty" },
        // Source 004, 一、4 (relationship marketing levels), paired here with the loyalty levels.
        strategies: list(
          ["售后主动联系", "询问产品是否符合要求", "征求改进建议"],
          ["contact after the sale", "ask whether the product meets their needs", "ask for suggestions"],
        ),
      },
      {
        key: "middle",
        name: { zh: "中忠诚度客户", en: "Middle loyalty" },
        strategies: list(
          ["不断联系客户", "提供新产品信息"],
          ["keep in touch", "tell them about new products"],
        ),
      },
      {
        key: "high",
        name: { zh: "忠实客户（高忠诚度）", en: "Loyal (high loyalty)" },
        strategies: list(
          ["伙伴式合作", "长期帮助解决问题", "共同发展"],
          ["work as partners", "help solve their problems over the long term", "grow together"],
        ),
      },
    ],
    rules: [
      {
        tier: "high",
        when: [
          { column: "满意度", op: "in", value: ["很满意", 5] },
          { column: "复购率", op: ">", value: 0.7 },
          { column: "推荐意愿", op: "=", value: "很大可能" },
        ],
      },
      {
        tier: "low",
        when: [
          { column: "复购率", op: "<", value: 0.3 },
          { column: "满意度", op: "in", value: ["不满意", "很不满意", 2, 1] },
        ],
      },
      {
        tier: "middle",
        when: [
          {
            column: "满意度",
            op: "in",
            value: ["很满意", "比较满意", "满意", "不满意", "很不满意", 5, 4, 3, 2, 1],
          },
        ],
      },
    ],
    examples: ["rules[1].when[1].value", "rules[2].when[0].value"],
  },

  // Source 004, 一、8 「按消费次数分类」: 散客 "消费次数少，回头率低", 会员 "经常在本店消费的顾客 … 会员制分为
  // 普通客户和VIP客户，不同等级享受不同的优惠和服务"; no counts or amounts, so they are examples.
  "walk-in": {
    method: "rules",
    name: { zh: "散客与会员（普通 / VIP）", en: "Walk-in and members (regular / VIP)" },
    description: {
      zh: "按消费次数分散客与会员，会员再按消费金额分普通会员与 VIP 会员；次数与金额门槛为示例。",
      en: "Walk-in customers and members by number of purchases, members split into regular and VIP by spend; the count and amount thresholds are examples.",
    },
    tiers: [
      {
        key: "walk-in",
        name: { zh: "散客", en: "Walk-in" },
        strategies: list(["定期重新评估", "吸引成为常客"], ["re-assess regularly", "win them as regulars"]),
      },
      {
        key: "member",
        name: { zh: "普通会员", en: "Member" },
        strategies: list(["会员优惠和服务"], ["member offers and service"]),
      },
      {
        key: "vip",
        name: { zh: "VIP会员", en: "VIP member" },
        strategies: list(["更高等级的优惠和服务"], ["higher-level offers and service"]),
      },
    ],
    rules: [
      {
        tier: "vip",
        when: [
          { column: "frequency", op: ">=", value: 12 },
          { column: "amount", op: ">=", value: 5000 },
        ],
      },
      { tier: "member", when: [{ column: "frequency", op: ">=", value: 3 }] },
    ],
    default: "walk-in",
    examples: ["rules[0].when[0].value", "rules[0].when[1].value", "rules[1].when[0].value"],
  },

  // Source 001, 第一章 第一节 「客户的形成」: 合格预期顾客 → 首次购买客户 → 重复购买客户 → 忠诚的客户 → 成员 →
  // 拥护者 ("拥护者会称赞企业的产品并鼓励其他人也参与购买"). 首购 = one purchase and 重复 = two or more are
  // the source's words; the loyal count and the referral count are examples.
  ladder: {
    method: "rules",
    name: { zh: "客户阶梯（预期 → 拥护者）", en: "Customer ladder (prospect → advocate)" },
    description: {
      zh: "预期顾客、合格预期顾客、首次购买客户、重复购买客户、忠诚客户、成员、拥护者七级，每级附推向下一级的措施；忠诚次数与推荐人数为示例。",
      en: "Seven rungs: prospect, qualified prospect, first-time buyer, repeat buyer, loyal customer, member, advocate, each with the step to the next rung; the loyal count and the referral count are examples.",
    },
    tiers: [
      {
        key: "prospect",
        name: { zh: "预期顾客", en: "Prospect" },
        strategies: list(["甄别合格预期顾客"], ["find the qualified prospects"]),
      },
      {
        key: "qualified",
        name: { zh: "合格预期顾客", en: "Qualified prospect" },
        strategies: list(["促成首次购买"], ["win the first purchase"]),
      },
      {
        key: "first",
        name: { zh: "首次购买客户", en: "First-time buyer" },
        strategies: list(["让客户满意", "促成重复购买"], ["make them satisfied", "win the repeat purchase"]),
      },
      {
        key: "repeat",
        name: { zh: "重复购买客户", en: "Repeat buyer" },
        strategies: list(
          ["转化为只购买本企业产品的忠诚客户"],
          ["turn them into customers who buy only from us"],
        ),
      },
      {
        key: "loyal",
        name: { zh: "忠诚客户", en: "Loyal customer" },
        strategies: list(["邀请加入成员计划"], ["invite them to the member scheme"]),
      },
      {
        key: "member",
        name: { zh: "成员", en: "Member" },
        strategies: list(
          ["提供利益相关的成员计划方案", "转化为拥护者"],
          ["a member scheme with real benefits", "turn them into advocates"],
        ),
      },
      {
        key: "advocate",
        name: { zh: "拥护者", en: "Advocate" },
        strategies: list(["鼓励称赞产品并推荐他人购买"], ["encourage them to praise us and bring others"]),
      },
    ],
    rules: [
      {
        tier: "advocate",
        when: [
          { column: "是否成员", op: "=", value: "是" },
          { column: "推荐人数", op: ">=", value: 1 },
        ],
      },
      { tier: "member", when: [{ column: "是否成员", op: "=", value: "是" }] },
      { tier: "loyal", when: [{ column: "frequency", op: ">=", value: 5 }] },
      { tier: "repeat", when: [{ column: "frequency", op: ">=", value: 2 }] },
      { tier: "first", when: [{ column: "frequency", op: "=", value: 1 }] },
      { tier: "qualified", when: [{ column: "是否合格", op: "=", value: "是" }] },
    ],
    default: "prospect",
    examples: ["rules[0].when[1].value", "rules[2].when[0].value"],
  },

  // Source 003, 「RFM模型的量化应用」: "客户潜力聚类分析：通过K-means聚类分析，识别高潜力客户"; strategies per
  // value level from 第四章 (A 类 专属服务、优先体验、增值权益; B 类 激励升级、需求满足、社群运营) and 第三章
  // (C 类 性价比需求、基础服务保障, "折扣活动"). k = 4 is the default, not the source's.
  kmeans: {
    method: "kmeans",
    name: { zh: "K-means 聚类（RFM）", en: "K-means clusters (RFM)" },
    description: {
      zh: "按最近消费、消费次数和金额做 K-means 聚类（默认 4 类，可改），各类按平均金额排名命名；种子固定，结果可重现。",
      en: "K-means clusters on recency, frequency and amount (4 by default, editable), named by rank of mean amount; a fixed seed makes the result repeatable.",
    },
    k: 4,
    seed: 1,
    examples: ["k"],
    tiers: [
      {
        key: "high",
        name: { zh: "高价值客户", en: "High value" },
        strategies: list(
          ["专属服务", "一对一客户经理", "优先体验", "增值权益"],
          ["dedicated service", "a one-to-one account manager", "early access", "added-value rights"],
        ),
      },
      {
        key: "upper",
        name: { zh: "中高价值客户", en: "Upper-middle value" },
        strategies: list(
          ["激励升级（积分升级）", "个性化推荐", "社群运营"],
          ["upgrade incentives (points upgrades)", "personalised recommendations", "community programmes"],
        ),
      },
      {
        key: "lower",
        name: { zh: "中低价值客户", en: "Lower-middle value" },
        strategies: list(
          ["激励升级（会员权益）", "需求满足", "社群运营"],
          ["upgrade incentives (member rights)", "meet their needs", "community programmes"],
        ),
      },
      {
        key: "basic",
        name: { zh: "基础客户", en: "Basic" },
        strategies: list(["折扣活动", "基础服务保障"], ["discount campaigns", "basic service guarantee"]),
      },
    ],
  },
} satisfies Record<string, RuleSet>;
