/**
 * Sentences and headers of `tier clv` (and later the pane's Potential step), in en-US and zh-CN with
 * the same keys (a test compares them). Placeholders are `{name}`.
 */
import type { Lang } from "../engine/reasons";
import { fillPlaceholders } from "../engine/placeholders";

const en = {
  sheet: 'sheet "{sheet}": {orders} orders of {customers} customers',
  columns: "columns: {mapping}",
  noAmount:
    "no amount column: P(alive) and expected purchases only (use --map amount=HEADER for spend and CLV)",
  calibration:
    "calibration {from}..{to}, t_x and T in {unit}s; horizon {horizon} {unit}s, discount {discount} a year",
  leftOut: "{n} customers bought first after the calibration end and are left out: {ids}",
  problems: "{n} row problem(s):",
  problemRow: "  row {row}, {column}: {reason}",
  more: "  … and {n} more",
  bgnbd: "BG/NBD on {customers} customers: r = {r}, α = {alpha}, a = {a}, b = {b}, log-likelihood {ll}",
  gammaGamma: "Gamma-Gamma on {customers} repeat buyers: p = {p}, q = {q}, γ = {gamma}, log-likelihood {ll}",
  holdoutTitle: "Holdout check: repeat transactions in {from}..{to} ({length} {unit}s), mean per customer",
  holdoutX: "x in calibration",
  holdoutCustomers: "customers",
  holdoutActual: "actual",
  holdoutPredicted: "predicted",
  holdoutTotal: "all customers: actual {actual} repeat transactions, predicted {predicted}",
  day: "day",
  week: "week",
  month: "month",
  paneTitle: "6. Potential",
  paneIntro:
    "Who is still buying and what each customer is worth: the BG/NBD and Gamma-Gamma models fitted on this sheet's orders.",
  paneCalibrationEnd: "Calibration end",
  paneCalibrationEndHint: "YYYY-MM-DD; orders after it check the forecast. Empty: the last order date.",
  paneUnit: "Unit of time",
  paneHorizon: "Horizon",
  paneHorizonHint: "In the unit above; empty: one year.",
  paneDiscount: "Discount rate a year",
  paneDiscountHint: "e.g. 10%; empty: none.",
  paneRun: "Compute potential",
  paneRunning: "Fitting…",
  paneInvalid: "Fix the marked fields first.",
  paneWritten:
    "{customers} customers written to the sheets “{sheet}” and “{model}”: mean P(alive) {alive}, total CLV {clv}.",
  paneFailed: "No result: {reason}",
  editorUnit: "Unit of time",
  editorHorizon: "Horizon (in the unit above)",
  editorDiscount: "Discount rate a year (0–1, e.g. 0.1)",
  editorAlive: "Active from P(alive) (0–1)",
  editorLost: "Lost below P(alive) (0–1)",
  editorTiersHint:
    "Below “lost”: probably lost; from “lost” up to “active”: at risk; the active are cut into thirds by lifetime value.",
  paneGrid: "Add the nine-grid's columns: potential = CLV, current value = spend to date",
  paneGridGrade: "Grade “{sheet}” on the nine-grid",
  paneByTier: "Potential by tier of “{policy}”",
  byTierTier: "tier",
  byTierAlive: "mean P(alive)",
  byTierClv: "mean CLV",
  byTierTotal: "total CLV",
  chartAliveTitle: "P(alive) by {unit}s since the last purchase",
  chartAlive: "mean P(alive)",
  chartRecency: "{unit}s since the last purchase",
  chartHoldoutTitle: "Repeat purchases in the holdout: actual and predicted",
} as const;

const zh: Record<keyof typeof en, string> = {
  sheet: "工作表「{sheet}」：{customers} 位客户的 {orders} 笔订单",
  columns: "列：{mapping}",
  noAmount:
    "没有金额列：只计算存活概率和预计购买次数（用 --map amount=列名 指定金额，才能算客单价和终身价值）",
  calibration: "校准期 {from}..{to}，t_x 和 T 以{unit}为单位；预测期 {horizon} {unit}，年折现率 {discount}",
  leftOut: "{n} 位客户在校准期结束后才首次购买，未纳入：{ids}",
  problems: "{n} 行有问题：",
  problemRow: "  第 {row} 行，{column}：{reason}",
  more: "  ……还有 {n} 行",
  bgnbd: "BG/NBD（{customers} 位客户）：r = {r}，α = {alpha}，a = {a}，b = {b}，对数似然 {ll}",
  gammaGamma: "Gamma-Gamma（{customers} 位复购客户）：p = {p}，q = {q}，γ = {gamma}，对数似然 {ll}",
  holdoutTitle: "验证期检验：{from}..{to}（{length} {unit}）的复购次数，每位客户平均",
  holdoutX: "校准期复购次数",
  holdoutCustomers: "客户数",
  holdoutActual: "实际",
  holdoutPredicted: "预测",
  holdoutTotal: "全部客户：实际复购 {actual} 次，预测 {predicted} 次",
  day: "天",
  week: "周",
  month: "月",
  paneTitle: "6. 潜力",
  paneIntro: "谁还在购买、每位客户值多少：用本表的订单拟合 BG/NBD 和 Gamma-Gamma 模型。",
  paneCalibrationEnd: "校准期结束日",
  paneCalibrationEndHint: "格式 YYYY-MM-DD；之后的订单用来检验预测。留空：最后一笔订单的日期。",
  paneUnit: "时间单位",
  paneHorizon: "预测期",
  paneHorizonHint: "以上面的单位计；留空：一年。",
  paneDiscount: "年折现率",
  paneDiscountHint: "例如 10%；留空：不折现。",
  paneRun: "计算潜力",
  paneRunning: "正在拟合……",
  paneInvalid: "请先修改标出的字段。",
  paneWritten:
    "已将 {customers} 位客户写入工作表「{sheet}」和「{model}」：平均存活概率 {alive}，终身价值合计 {clv}。",
  paneFailed: "没有结果：{reason}",
  editorUnit: "时间单位",
  editorHorizon: "预测期（以上面的单位计）",
  editorDiscount: "年折现率（0–1，例如 0.1）",
  editorAlive: "存活概率不低于此值为活跃（0–1）",
  editorLost: "存活概率低于此值为已流失（0–1）",
  editorTiersHint: "低于「已流失」线为已流失；介于两线之间为可能流失；活跃客户按终身价值三等分。",
  paneGrid: "添加九宫格所需的列：潜力 = 终身价值，当前价值 = 至今消费",
  paneGridGrade: "用九宫格为「{sheet}」分级",
  paneByTier: "按「{policy}」分级的潜力",
  byTierTier: "等级",
  byTierAlive: "平均存活概率",
  byTierClv: "平均终身价值",
  byTierTotal: "终身价值合计",
  chartAliveTitle: "存活概率与距最近购买的{unit}数",
  chartAlive: "平均存活概率",
  chartRecency: "距最近购买（{unit}）",
  chartHoldoutTitle: "验证期复购次数：实际与预测",
};

export type ClvMessage = keyof typeof en;
export const CLV_MESSAGES: Readonly<Record<Lang, Readonly<Record<ClvMessage, string>>>> = { en, zh };

/**
 * The `key` sentence in `lang`, `{placeholders}` filled from `params`.
 * @example clvText("holdoutActual", "zh") // "实际"
 */
export function clvText(key: ClvMessage, lang: Lang, params: Record<string, string | number> = {}): string {
  return fillPlaceholders(CLV_MESSAGES[lang][key], params);
}
