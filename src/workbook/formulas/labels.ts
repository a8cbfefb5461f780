/**
 * Words of the live-formulas workbook (rules block labels, helper column headers), zh-CN and en-US in
 * step. `{k}` style placeholders are filled by {@link formulaLabel}.
 */
import { fillPlaceholders } from "../../engine/placeholders";
export const FORMULA_LABELS = {
  rulesSheet: { en: "Tier·Rules", zh: "分级·规则" },
  customersSheet: { en: "Tier·Customers", zh: "分级·客户" },
  title: {
    en: "Tier rules as formulas: change a value in column B (or a table cell) and every tier recalculates, without the add-in",
    zh: "分级规则（公式版）：修改 B 列（或表格中）的数值，所有分级随之重算，无需加载项",
  },
  note: {
    en: "Grey cells are computed (cut points, means, totals); the others are thresholds and names you may edit.",
    zh: "计算得出的单元格（分割点、平均值、合计）请勿修改；其余阈值和名称可以修改。",
  },
  asOf: { en: "As-of date", zh: "截止日期" },
  valid: { en: "Tier·valid", zh: "分级·有效" },
  customerId: { en: "customer_id", zh: "客户编号" },
  amount: { en: "Tier·amount", zh: "分级·金额" },
  frequency: { en: "Tier·frequency", zh: "分级·次数" },
  lastDate: { en: "Tier·last date", zh: "分级·最近日期" },
  firstDate: { en: "Tier·first date", zh: "分级·首次日期" },
  orderDay: {
    en: "Tier·order day (0: not counted, below 0: a return)",
    zh: "分级·订单日期（0 为不计入，负数为退货）",
  },
  lineAmount: { en: "Tier·line amount (quantity × unit price)", zh: "分级·行金额（数量 × 单价）" },
  orderRun: { en: "Tier·purchase so far in this order", zh: "分级·本订单已有购买" },
  orderNew: { en: "Tier·first purchase row of its order", zh: "分级·订单首个购买行" },
  recencyDays: { en: "Tier·recency days", zh: "分级·距今天数" },
  tenureDays: { en: "Tier·tenure days", zh: "分级·客户时长（天）" },
  value: { en: "Tier·{name} (valid rows)", zh: "分级·{name}（有效行）" },
  percentiles: { en: "{name}: percentiles (k/bins)", zh: "{name}：百分位（k/分档数）" },
  cuts: { en: "{name}: cut points (PERCENTILE.INC)", zh: "{name}：分割点（PERCENTILE.INC）" },
  thresholds: { en: "{name}: thresholds (left-closed)", zh: "{name}：阈值（含下限）" },
  score: { en: "Tier·{name}", zh: "分级·{name}" },
  rfmCode: { en: "Tier·rfm", zh: "分级·RFM" },
  segmentTable: {
    en: "Segments (first match wins): name, R min, R max, F min, F max, M min, M max",
    zh: "细分表（按顺序首个匹配）：名称、R 下限、R 上限、F 下限、F 上限、M 下限、M 上限",
  },
  others: { en: "Segment for the rest", zh: "其余客户的细分" },
  mean: { en: "{name}: mean of valid rows", zh: "{name}：有效行平均值" },
  classNames: { en: "Class names (HHH … LLL)", zh: "类别名称（高高高 … 低低低）" },
  tier: { en: "Tier·tier", zh: "分级·等级" },
  tierNames: { en: "Tier names", zh: "等级名称" },
  total: { en: "Total of positive values", zh: "正值合计" },
  share: { en: "Tier·share above", zh: "分级·之前占比" },
  shareA: { en: "A: share before the customer below", zh: "A 类：之前累计占比低于" },
  shareB: { en: "B: share before the customer below", zh: "B 类：之前累计占比低于" },
  amountA: { en: "A: amount at least", zh: "A 类：金额不低于" },
  amountB: { en: "B: amount at least", zh: "B 类：金额不低于" },
  abc: { en: "Tier·abc", zh: "分级·ABC" },
  count: { en: "Customers with a valid value", zh: "有效客户数" },
  above: { en: "Tier·share with more", zh: "分级·排名在前占比" },
  pyramidCuts: { en: "Cut shares (top first)", zh: "分割比例（自上而下）" },
  level: { en: "Tier·level", zh: "分级·层级" },
  minimum: { en: "Lowest value of each tier (lowest tier first)", zh: "各等级下限（自低到高）" },
  rule: { en: "Rule {k} ({tier}): {column} {op}", zh: "规则 {k}（{tier}）：{column} {op}" },
  opBetween: { en: "between", zh: "介于" },
  opIn: { en: "one of", zh: "属于" },
  defaultTier: { en: "Default tier", zh: "默认等级" },
  benefits: { en: "Tier·benefits", zh: "分级·权益" },
  lostDays: { en: "Lost: days since the last purchase more than", zh: "流失：距最近消费天数超过" },
  atRiskDays: { en: "At risk: days since the last purchase more than", zh: "沉睡：距最近消费天数超过" },
  newDays: { en: "New: days since the first purchase at most", zh: "新客户：距首次消费天数不超过" },
  loyalFrequency: { en: "Loyal: purchases at least", zh: "忠诚：消费次数不少于" },
  regularFrequency: { en: "Regular: purchases at least", zh: "常规：消费次数不少于" },
  stageNames: { en: "Stage names", zh: "阶段名称" },
  rating: { en: "Tier·{name}", zh: "分级·{name}" },
  ratingLabels: { en: "Rating words and their points", zh: "评分文字及分值" },
  weights: { en: "Weights: {stage}", zh: "权重：{stage}" },
  stars: { en: "Stars 5, 4, 3, 2 from (else 1)", zh: "5、4、3、2 星下限（其余 1 星）" },
  starNames: { en: "Names of 1 … 5 stars", zh: "1 … 5 星名称" },
  classFrom: { en: "Class A from stars, class B from stars", zh: "A 级起始星级、B 级起始星级" },
  stars1: { en: "Tier·stars", zh: "分级·星级" },
  class: { en: "Tier·class", zh: "分级·类别" },
  gridCuts: { en: "{name}: low and high", zh: "{name}：低、高分界" },
  gridCells: { en: "Cells A1 … C3", zh: "格子 A1 … C3" },
  gridNames: { en: "Cell names", zh: "格子名称" },
  gridVisits: { en: "Visits a month", zh: "每月拜访次数" },
  cell: { en: "Tier·cell", zh: "分级·格子" },
  visits: { en: "Tier·visits", zh: "分级·拜访" },
  windowFrom: { en: "Spend window: orders from", zh: "消费窗口：订单起始日期" },
  windowAmount: { en: "Tier·amount in the window", zh: "分级·窗口内金额" },
  windowFrequency: { en: "Tier·frequency in the window", zh: "分级·窗口内次数" },
  eligible: { en: "Tier·eligible (1) or left out (0)", zh: "分级·计入（1）或不计入（0）" },
} as const;

export type FormulaLabel = keyof typeof FORMULA_LABELS;

/**
 * A label of the live-formulas workbook in `lang`, placeholders filled.
 *
 * @example formulaLabel("cuts", "en", { name: "R" }) // "R: cut points (PERCENTILE.INC)"
 */
export function formulaLabel(
  key: FormulaLabel,
  lang: "en" | "zh",
  params: Record<string, string | number> = {},
): string {
  return fillPlaceholders(FORMULA_LABELS[key][lang], params);
}
