/**
 * Pane messages of the policies added in issue 14: per-tier strategies (策略), k-means settings and
 * the "示例门槛" note on thresholds the source does not give. zh-CN and en-US with the same keys.
 */
const enUS = {
  "result.strategy": "Strategies",
  "editor.strategies": "Strategies of {tier}",
  "editor.strategiesHint": "The actions for this tier; separate them with commas.",
  "editor.k": "Number of clusters (k)",
  "editor.kHint": "Clusters are named by rank on value: 1 is the highest.",
  "editor.seed": "Random seed",
  "editor.seedHint": "The same seed gives the same clusters on every run.",
  "editor.examples": "Example thresholds (示例门槛)",
  "editor.examplesBody":
    "The source policy gives no numbers for these; they are examples: replace them with your own. {list}",
  "use.three-level": "Business customers by type: important, core, regular, each with its service.",
  "use.four-level": "Value and potential: core, key, general, prospect.",
  "use.senior-mid": "Amount, frequency, categories and willingness: senior, middle, regular.",
  "use.loyalty": "A satisfaction survey: loyalty from satisfaction, repurchase and referral.",
  "use.walk-in": "A shop: walk-in customers and members, regular or VIP.",
  "use.ladder": "The customer ladder from prospect to advocate.",
  "use.kmeans": "Let the data form k groups from recency, frequency and amount.",
} as const;

const zhCN: Record<keyof typeof enUS, string> = {
  "result.strategy": "策略",
  "editor.strategies": "{tier}的策略",
  "editor.strategiesHint": "该等级的服务与营销措施，多项用逗号或顿号分隔。",
  "editor.k": "聚类数（k）",
  "editor.kHint": "各类按价值排名命名：第 1 类价值最高。",
  "editor.seed": "随机种子",
  "editor.seedHint": "种子相同，每次分出的类都相同。",
  "editor.examples": "示例门槛",
  "editor.examplesBody": "来源政策没有给出以下数值，它们只是示例，请换成贵司自己的门槛：{list}",
  "use.three-level": "企业客户按类型分重要、核心、普通，并附服务策略。",
  "use.four-level": "按价值与潜力分核心、重点、一般、潜在客户。",
  "use.senior-mid": "按金额、频率、品类与合作意愿分高级、中级、普通。",
  "use.loyalty": "满意度调查：按满意度、复购率和推荐意愿定忠诚度。",
  "use.walk-in": "门店：区分散客与会员（普通 / VIP）。",
  "use.ladder": "客户阶梯：从预期顾客到拥护者。",
  "use.kmeans": "按最近消费、频次和金额自动聚成 k 类。",
};

export const PRESET_MESSAGES = { "en-US": enUS, "zh-CN": zhCN } as const;
