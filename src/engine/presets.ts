import { TierError } from "./errors";
import { GRID_PRESET } from "./grid";
import { DEFAULT_LIFECYCLE_WINDOWS } from "./lifecycle";
import { MEMBERSHIP_PRESET } from "./membership";
import { TENANT_RULES } from "./scorecard";
import { POLICY_PRESETS, PYRAMID_STRATEGIES } from "./presets-policies";
import { DEFAULT_SEGMENTS } from "./segments";
import type { RuleSet } from "./ruleset";
import { PYRAMID_LEVELS, DEFAULT_PYRAMID_CUTS } from "./pyramid";
import {
  DEALER_PRESET,
  LOREAL_PRESET,
  MEMBERSHIP_EXAMPLES,
  PHARMA_PRESET,
  TOBACCO_PRESET,
} from "./presets-source";
import {
  ABC_STRATEGIES,
  CLV_STRATEGIES,
  LIFECYCLE_STRATEGIES,
  RFM8_STRATEGIES,
  RFM_STRATEGIES,
  TOBACCO_STRATEGIES,
} from "./presets-strategies";

/**
 * The named rule sets taken from the source policies (spec appendix). Each is a plain JSON value:
 * `tier presets --json NAME` prints one, and a team edits a copy into its own rule file.
 */
const segmentTable = DEFAULT_SEGMENTS.map((s) => ({
  name: s.name,
  zh: s.zh,
  r: [...s.r],
  f: [...s.f],
  m: [...s.m],
})) as {
  name: string;
  zh: string;
  r: [number, number];
  f: [number, number];
  m: [number, number];
}[];

export const PRESETS = {
  rfm: {
    method: "rfm",
    name: { zh: "RFM 客户细分", en: "RFM segments" },
    description: {
      zh: "按最近消费、消费频次、消费金额各打 1-5 分（五分位），再归入冠军客户、流失风险客户等细分，适合有交易记录的零售与电商。",
      en: "Scores recency, frequency and monetary value 1-5 by quintile and names the segment (Champions, At Risk …): for retail and e-commerce with purchase history.",
    },
    rfm: { method: "quantile", bins: 5 },
    segments: segmentTable,
    strategies: RFM_STRATEGIES,
  },
  "rfm-r": {
    method: "rfm",
    name: { zh: "RFM 细分（R 包 rfm 口径）", en: "RFM segments (R package rfm)" },
    description: {
      zh: "与 R 语言 rfm 包 0.3.0 的打分完全一致，用于与已有分析报告对账。",
      en: "Scores exactly as the R package rfm 0.3.0 does, to reconcile with existing reports.",
    },
    rfm: { method: "rfm-r", bins: 5 },
    segments: segmentTable,
    strategies: RFM_STRATEGIES,
  },
  rfm8: {
    method: "rfm8",
    name: { zh: "RFM 八类客户", en: "RFM eight classes" },
    description: {
      zh: "R、F、M 各与平均值比较分高低，得出重要价值客户、重要挽留客户等八类，国内零售团队最常用。",
      en: "Compares R, F and M with their means to give eight classes (important value, important win-back …), the form Chinese retail teams use most.",
    },
    strategies: RFM8_STRATEGIES,
  },
  abc: {
    method: "abc",
    name: { zh: "ABC 分类（二八法则）", en: "ABC classes (80/20)" },
    description: {
      zh: "按销售额占比：累计前 80% 为 A 类，80%-95% 为 B 类，其余为 C 类；A 类每月拜访 4 次，B 类 2 次，C 类 1 次。",
      en: "By share of sales: the customers making the first 80 % are A, up to 95 % B, the rest C; visits A 4, B 2, C 1 a month.",
    },
    basis: { kind: "share", a: 0.8, b: 0.95 },
    tiers: [
      { key: "A", name: { zh: "A类", en: "A" }, visits: 4 },
      { key: "B", name: { zh: "B类", en: "B" }, visits: 2 },
      { key: "C", name: { zh: "C类", en: "C" }, visits: 1 },
    ],
    strategies: ABC_STRATEGIES,
  },
  "abc-months": {
    method: "abc",
    name: { zh: "ABC 分类（近 6 个月月均）", en: "ABC classes (6-month average)" },
    description: {
      zh: "卷烟零售户分级：按近 6 个月月均销量占比分 A/B/C（二八法则）；核心（A 类）每 10 天拜访一次，其余每月两次，按路序拜访。",
      en: "Retailers graded A/B/C on their share of the average of the last 6 monthly sales columns; core (A) visited every ten days, the rest twice a month, in route order.",
    },
    basis: { kind: "share", a: 0.8, b: 0.95 },
    months: 6,
    tiers: [
      { key: "A", name: { zh: "A类（核心）", en: "A (core)" }, visits: 3 },
      { key: "B", name: { zh: "B类", en: "B" }, visits: 2 },
      { key: "C", name: { zh: "C类", en: "C" }, visits: 2 },
    ],
    strategies: TOBACCO_STRATEGIES,
  },
  pyramid: {
    method: "pyramid",
    name: { zh: "客户金字塔", en: "Customer pyramid" },
    description: {
      zh: "按销售额排名：前 1% 重要客户，其后 19% 次要客户（两者合称关键客户），再 30% 普通客户，最后 50% 小客户。",
      en: "By rank of sales: top 1 % top customers, next 19 % second (together the key customers), next 30 % ordinary, bottom 50 % small.",
    },
    cuts: [...DEFAULT_PYRAMID_CUTS],
    tiers: PYRAMID_LEVELS.map((l) => ({
      key: l.key,
      name: { zh: l.zh, en: l.en },
      strategies: PYRAMID_STRATEGIES[l.key],
    })),
  },
  membership: {
    method: "rules",
    name: MEMBERSHIP_PRESET.name,
    description: {
      zh: "门店会员卡：按累计消费分新客户、普通、银卡、金卡、钻石（钻石另需入会满一年），高等级享有低等级的全部权益，每季度评定。",
      en: "Store cards by cumulative spend: new, regular, silver, gold, diamond (diamond also needs a year of tenure); higher cards keep the lower cards' benefits; rated quarterly.",
    },
    tiers: MEMBERSHIP_PRESET.tiers.map((t) => ({
      key: t.key,
      name: { ...t.name },
      benefits: { zh: [...t.benefits.zh], en: [...t.benefits.en] },
      cumulative: t.cumulative,
      colour: t.colour,
    })),
    rules: MEMBERSHIP_PRESET.rules.rules.map((r) => ({
      tier: r.tier,
      when: r.when.map((c) => ({ column: c.column, op: c.op, value: c.value as number })),
    })),
    examples: [...MEMBERSHIP_EXAMPLES],
  },
  lifecycle: {
    method: "lifecycle",
    name: { zh: "客户生命周期", en: "Customer lifecycle" },
    description: {
      zh: "按首次与最近消费日期和消费次数分为潜在、新客户、常规、忠诚、一次性、沉睡、流失。",
      en: "From first and last purchase and frequency: prospect, new, regular, loyal, one-time, at risk, lost.",
    },
    windows: { ...DEFAULT_LIFECYCLE_WINDOWS },
    strategies: LIFECYCLE_STRATEGIES,
  },
  scorecard: TENANT_RULES,
  dealer: DEALER_PRESET,
  grid9: GRID_PRESET,
  tobacco: TOBACCO_PRESET,
  loreal: LOREAL_PRESET,
  pharma: PHARMA_PRESET,
  clv: {
    method: "clv",
    name: { zh: "客户终身价值（CLV）", en: "Customer lifetime value (CLV)" },
    description: {
      zh: "用订单拟合 BG/NBD 与 Gamma-Gamma 模型：存活概率低于 20% 为已流失，20%–50% 为可能流失，其余按未来一年的终身价值（年折现率 10%）三等分为高、中、低价值活跃。",
      en: "BG/NBD and Gamma-Gamma fitted on the orders: P(alive) below 20% is probably lost, 20%–50% at risk, the rest active and cut into thirds by lifetime value over the next year (discounted 10% a year).",
    },
    unit: "week",
    horizon: 52,
    discount: 0.1,
    alive: 0.5,
    lost: 0.2,
    strategies: CLV_STRATEGIES,
  },
  ...POLICY_PRESETS,
} satisfies Record<string, RuleSet>;

export type PresetName = keyof typeof PRESETS;
export const PRESET_NAMES = Object.keys(PRESETS) as PresetName[];

/**
 * A preset by name, as a fresh copy the caller may edit.
 *
 * @example preset("abc").basis // { kind: "share", a: 0.8, b: 0.95 }
 */
export function preset(name: string): RuleSet {
  if (!(name in PRESETS)) {
    throw new TierError("presets.unknown", { name, presets: [...PRESET_NAMES] });
  }
  return structuredClone(PRESETS[name as PresetName]) as RuleSet;
}
