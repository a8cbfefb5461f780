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
};

export const PRESET_MESSAGES = { "en-US": enUS, "zh-CN": zhCN } as const;
