import type { RuleSet } from "./ruleset";
import { DEALER_SCORECARD } from "./scorecard";
import { DEALER_STRATEGIES, GRID_STRATEGIES, TOBACCO_STRATEGIES } from "./presets-strategies";

/**
 * Presets that follow a source policy number for number (issue 14). Each says which of its thresholds
 * the source gives and which are examples to replace (`examples`, 示例门槛); docs/presets-source.md
 * quotes the passages.
 */

/**
 * 卷烟零售户分级 (seed 002, 《卷烟商品营销员》之客户管理, 五(三) 划分客户等级): "将客户连续3个月（或4至6个月）
 * 的每月销售额累计后平均计算" — the monthly average over 3 months (4–6 selectable); cut by shares as in
 * the worked example (前4家占80%，第5至第10家占15%，后10家仅占5%), or by fixed 等级标准额 (`basis.kind`
 * "amount", thresholds the user sets). Visits (案例5): "客户经理在正常访销以外每旬对核心客户走访一次，对其他
 * 客户每半月走访一次" — 3 and 2 extra visits a month on top of the regular calls, whose rhythm the
 * source leaves to the user (4 a month here, an example).
 */
export const TOBACCO_PRESET = {
  method: "abc",
  name: { zh: "卷烟零售户分级（月均销售额）", en: "Tobacco retailers (monthly average)" },
  description: {
    zh: "按零售户连续 3 个月（可选 4 至 6 个月）的月平均销售额分 A/B/C：按占比（前 80% 为 A，至 95% 为 B），或按各级的等级标准额；在正常访销之外，核心客户（A 类）每旬走访一次，其他客户每半月走访一次；每位客户经理负责 80 至 100 户。",
    en: "Retailers graded A/B/C on their average monthly sales over 3 months (4 to 6 selectable): by share (the first 80 % A, up to 95 % B) or by a fixed monthly amount per class (等级标准额); on top of the regular sales calls, core (A) retailers get a visit every ten days and the others one every half month; an account manager looks after 80 to 100 retailers.",
  },
  basis: { kind: "share", a: 0.8, b: 0.95 },
  months: 3,
  tiers: [
    { key: "A", name: { zh: "A类（核心）", en: "A (core)" }, visits: 3 },
    { key: "B", name: { zh: "B类", en: "B" }, visits: 2 },
    { key: "C", name: { zh: "C类", en: "C" }, visits: 2 },
  ],
  regularVisits: 4,
  examples: ["regularVisits"],
  strategies: TOBACCO_STRATEGIES,
} satisfies RuleSet;

/**
 * 欧莱雅的客户分级 (seed 000, the L'Oréal slides, 客户分级结构图): 最具价值客户 (钻石会员卡, VIP会员卡),
 * 二级客户 (购买金额<最具价值客户), 负值客户 (就应放弃顾客). "钻石会员卡 年消费满10000元以上" — spend over the
 * last 12 months ≥ 10,000. The VIP card's threshold is not given: 5,000 is an example to replace.
 * 负值: net spend below 0 (returns exceed purchases), or a negative margin when a profit or cost
 * column is named in `margin`. Actions (营销策略) from the slides are the tiers' benefits.
 */
export const LOREAL_PRESET = {
  method: "rules",
  name: { zh: "化妆品会员分级（欧莱雅）", en: "Cosmetics members (L'Oréal)" },
  description: {
    zh: "按近 12 个月消费额分级：年消费满 10000 元为钻石会员，VIP 会员次之，其余为二级客户；退货超过购买（或毛利为负）的为负值客户。VIP 门槛为示例，请按贵司标准替换。",
    en: "By spend over the last 12 months: 10,000 or more a year is a diamond card, then VIP, the rest second-level customers; customers whose returns exceed their purchases (or whose margin is negative) are negative-value. The VIP threshold is an example to replace.",
  },
  window: { kind: "months", months: 12 },
  tiers: [
    {
      key: "negative",
      name: { zh: "负值客户", en: "Negative value" },
      benefits: { zh: ["放弃顾客"], en: ["let the customer go"] },
    },
    {
      key: "second",
      name: { zh: "二级客户", en: "Second level" },
      benefits: {
        zh: ["给予折扣", "主动联系客户，询问产品使用状况", "加强平常节日关心", "交叉销售增加购买量"],
        en: [
          "discounts",
          "contact the customer about how the products work",
          "holiday attention",
          "cross-selling",
        ],
      },
    },
    {
      key: "vip",
      name: { zh: "VIP会员", en: "VIP card" },
      benefits: {
        zh: ["双倍积分", "积分兑礼", "专属客户经理", "新品免费试用", "生日礼遇", "组织旅游活动", "发放礼金"],
        en: [
          "double points",
          "points for gifts",
          "a personal account manager",
          "free trials of new products",
          "birthday treats",
          "organised trips",
          "cash gifts",
        ],
      },
    },
    {
      key: "diamond",
      name: { zh: "钻石会员", en: "Diamond card" },
      benefits: { zh: [], en: [] },
      cumulative: true,
    },
  ],
  rules: [
    { tier: "negative", when: [{ column: "amount", op: "<", value: 0 }] },
    { tier: "negative", when: [{ column: "margin", op: "<", value: 0 }] },
    { tier: "diamond", when: [{ column: "amount", op: ">=", value: 10000 }] },
    { tier: "vip", when: [{ column: "amount", op: ">=", value: 5000 }] },
  ],
  default: "second",
  examples: ["rules[3].when[0].value"],
} satisfies RuleSet;

/** The store membership preset's thresholds: the source says "达到一定标准", never a number (seed 000). */
export const MEMBERSHIP_EXAMPLES = [
  "rules[0].when[0].value",
  "rules[0].when[1].value",
  "rules[1].when[0].value",
  "rules[2].when[0].value",
  "rules[4].when[0].value",
];

const up = (t: readonly number[]) => t.map((min, k) => ({ min, points: 5 - k }));
const down = (t: readonly number[]) => t.map((max, k) => ({ max, points: 5 - k }));

/**
 * The dealer card's example bands (the seed's 客户评估表 lists each item's 实际描述 and 评估分 but no
 * scale): raw figures to 5 … 1 points, 0 below the last band; rates lower is better where it should
 * be. Every band is an example to replace (`examples: ["bands"]`). Items without bands (资金状况,
 * 信用情况, 工程情况, 服务满意度, 品牌宣传情况, 客户本人品质) are rated 0 to 5 directly.
 */
const DEALER_BANDS = {
  fleet: up([50, 20, 10, 5, 1]),
  fleet_tonnage: up([2000, 1000, 500, 200, 50]),
  own_fleet: up([20, 10, 5, 2, 1]),
  own_fleet_tonnage: up([1000, 500, 200, 100, 20]),
  new_units: up([10, 5, 3, 2, 1]),
  own_new_units: up([8, 5, 3, 2, 1]),
  deal_margin: up([0.15, 0.1, 0.08, 0.05, 0.02]),
  operators: up([50, 20, 10, 5, 1]),
  loans: up([20, 10, 5, 2, 1]),
  overdue_rate: down([0, 0.02, 0.05, 0.1, 0.2]),
  utilisation: up([0.8, 0.7, 0.6, 0.5, 0.3]),
  complaint_rate: down([0, 0.01, 0.03, 0.05, 0.1]),
  leads_given: up([20, 10, 5, 2, 1]),
  leads_closed: up([10, 5, 3, 2, 1]),
};

/**
 * 客户分级管理制度 (seed 000, a construction-machinery maker): 20 items, 百分制, "五星:90分以上 四星:80分以上
 * 三星:70分以上 二星:60分以上 一星:50分以下" — 60 to 50 is left open by the source, so 一星 is "below
 * 60" and says what the source wrote. Items score 0 to 5 (an item may score nothing); customer types
 * A–E (三、客户范围) are an output column; no lease classes (those belong to the tenant card).
 */
export const DEALER_PRESET = {
  method: "scorecard",
  name: { zh: "设备客户评估", en: "Equipment dealer scorecard" },
  description: {
    zh: "20 项指标各 0 至 5 分（台数、吨位、比率等按评分档折算），合计百分制；90 分以上五星，80 分以上四星，70 分以上三星，60 分以上二星，60 分以下一星；写出客户类别 A–E；每季度评估。评分档为示例，请按贵司标准替换。",
    en: "20 items worth 0 to 5 points each (units, tonnage and rates turned into points by bands), a 100-point total; 90 or more five stars, 80 four, 70 three, 60 two, below 60 one; customer types A–E written beside; quarterly. The bands are examples to replace.",
  },
  scale: 100,
  criteria: DEALER_SCORECARD.criteria.map((c) => ({ key: c.key, name: { ...c.name } })),
  profiles: { default: [...DEALER_SCORECARD.profiles.default] },
  stars: [...DEALER_SCORECARD.stars],
  missing: "skip",
  bands: DEALER_BANDS,
  zero: true,
  classes: false,
  starNames: [
    { zh: "五星（90分以上）", en: "5 stars (90 or more)" },
    { zh: "四星（80分以上）", en: "4 stars (80 or more)" },
    { zh: "三星（70分以上）", en: "3 stars (70 or more)" },
    { zh: "二星（60分以上）", en: "2 stars (60 or more)" },
    { zh: "一星（60分以下，原文“50分以下”）", en: "1 star (below 60; the source says “below 50”)" },
  ],
  customerTypes: {
    column: "客户类别",
    types: DEALER_SCORECARD.customerTypes.map((t) => ({ key: t.key, name: { zh: t.zh, en: t.en } })),
  },
  examples: ["bands"],
  strategies: DEALER_STRATEGIES,
} satisfies RuleSet;

/**
 * 医药代表的客户九宫格 (seed 000, 客户分级管理 PPT: 拜访客户目标, 九宫格与狙击手表管理): "拜访到的优先客户的百分比
 * ≥60%", calls a day "10-12个", "A:4-6次/月 B:2-4次/月 C:0-2次/月"; who does not count: "三级医院无处方权医师
 * （如住院医师不能处方高端产品，门诊药不在内）", "二级医院非主诊科室的主治医师以下", "一级医院除了院长、个别特殊有价值
 * 医师". The letter (A high … C low) is the potential, so A cells get 4–6 visits, B 2–4, C 0–2; the
 * priority doctors are the A cells; the plan's default capacity is the range's lower end, 10.
 */
export const PHARMA_PRESET = {
  method: "grid",
  name: { zh: "医院医生九宫格（医药代表）", en: "Hospital doctors nine-grid (pharma)" },
  description: {
    zh: "先按准入规则剔除不计入的医生（三级医院无处方权医师、二级医院非主诊科室主治医师以下、一级医院除院长外），再按处方潜力和当前处方量分九宫格；A 类每月拜访 4–6 次，B 类 2–4 次，C 类 0–2 次；每天 10 次拜访以内排计划，优先客户覆盖率目标 60%。",
    en: "Leaves out the doctors who do not count (no prescribing right in tertiary hospitals; below attending outside the main departments in secondary hospitals; everyone but the director in primary hospitals), then cuts potential × current prescriptions into the nine-grid; A cells 4–6 visits a month, B 2–4, C 0–2; the plan stays within 10 calls a day and reports coverage of priority doctors against 60 %.",
  },
  x: { role: "potential", cut: { method: "tercile" }, name: { zh: "处方潜力", en: "Potential" } },
  y: {
    role: "current_value",
    cut: { method: "tercile" },
    name: { zh: "当前处方量", en: "Current prescriptions" },
  },
  cells: [
    { cell: "A1", name: { zh: "重点维护", en: "Key account: maintain" }, visits: 4, maxVisits: 6 },
    { cell: "A2", name: { zh: "重点提升", en: "High potential: grow" }, visits: 4, maxVisits: 6 },
    { cell: "A3", name: { zh: "重点开发", en: "High potential: win" }, visits: 4, maxVisits: 6 },
    { cell: "B1", name: { zh: "稳定维护", en: "Maintain" }, visits: 2, maxVisits: 4 },
    { cell: "B2", name: { zh: "培养提升", en: "Develop" }, visits: 2, maxVisits: 4 },
    { cell: "B3", name: { zh: "逐步开发", en: "Develop slowly" }, visits: 2, maxVisits: 4 },
    { cell: "C1", name: { zh: "保持关系", en: "Keep" }, visits: 0, maxVisits: 2 },
    { cell: "C2", name: { zh: "常规拜访", en: "Routine" }, visits: 0, maxVisits: 2 },
    { cell: "C3", name: { zh: "观察", en: "Watch" }, visits: 0, maxVisits: 2 },
  ],
  eligibility: [
    {
      name: { zh: "三级医院无处方权医师", en: "tertiary hospital, no prescribing right" },
      when: [
        { column: "医院等级", op: "=", value: "三级" },
        { column: "处方权", op: "=", value: "无" },
      ],
    },
    {
      name: {
        zh: "二级医院非主诊科室的主治医师以下",
        en: "secondary hospital, not a main department, attending or below",
      },
      when: [
        { column: "医院等级", op: "=", value: "二级" },
        { column: "主诊科室", op: "=", value: "否" },
        { column: "职称", op: "in", value: ["主治医师", "住院医师"] },
      ],
    },
    {
      name: { zh: "一级医院除院长外", en: "primary hospital, not the director" },
      when: [
        { column: "医院等级", op: "=", value: "一级" },
        { column: "职务", op: "<>", value: "院长" },
      ],
    },
  ],
  priority: ["A1", "A2", "A3"],
  coverageTarget: 0.6,
  capacity: 10,
  examples: ["cells[0].name", "eligibility[1].when[2].value"],
  strategies: GRID_STRATEGIES,
} satisfies RuleSet;
