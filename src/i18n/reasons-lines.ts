/**
 * Wording of line items, returns and the counts line (issue 13), merged into REASONS in reasons.ts.
 * The counts line reads the same in the pane, the standalone page and the command line.
 */
export const LINES_REASONS = {
  "aggregate.noAmount": {
    en: "the orders need an amount column, or a quantity and a unit price column",
    zh: "订单需要金额列，或数量列和单价列",
  },
  "orders.onlyReturns": {
    en: "only returns, no purchase in the data (net {amount})",
    zh: "只有退货，数据中没有购买（净额 {amount}）",
  },
  "counts.line": {
    en: "{customers} customers: {graded} graded, {ungraded} not graded⟦rows|; {rows} rows not counted ({reasons})⟧",
    zh: "{customers} 位客户：已分级 {graded}，未分级 {ungraded}⟦rows|；{rows} 行未计入（{reasons}）⟧",
  },
  "counts.return": { en: "{n} returns, netted from spend", zh: "退货 {n} 行，已从金额中扣除" },
  "counts.noId": { en: "{n} without a customer id", zh: "无客户编号 {n} 行" },
  "counts.badDate": { en: "{n} without a readable date", zh: "日期无法识别 {n} 行" },
  "counts.badAmount": { en: "{n} without a readable amount", zh: "金额无法识别 {n} 行" },
  "counts.noOrderId": { en: "{n} without an order number", zh: "无订单号 {n} 行" },
  "counts.totalRow": { en: "{n} total rows", zh: "合计行 {n} 行" },
  "counts.unitsRow": { en: "{n} units row", zh: "单位行 {n} 行" },
  "counts.footnote": { en: "{n} footnotes", zh: "注释行 {n} 行" },
  "counts.other": { en: "{n} other rows", zh: "其他 {n} 行" },
} as const;
