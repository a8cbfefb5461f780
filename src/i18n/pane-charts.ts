/**
 * Words of the pane's per-kind charts (issue 15: Pareto, pyramid, nine-grid, R × F), in zh-CN and
 * en-US with the same keys: captions, axis and legend names, and the headers of each chart's table
 * alternative. Kept apart from messages.ts as next-pane.ts is, until the lead merges the catalogues.
 * The titles read as the summary sheet's (`src/workbook/summary-text.ts`), so the pane and the
 * workbook name the same picture the same way.
 */
import type { Locale, MessageParams } from "./locale";
import { fillPlaceholders } from "../engine/placeholders";

const enUS = {
  "charts.paretoTitle": "Pareto: customers by sales, largest first",
  "charts.paretoPercentileTitle": "Pareto: customers by sales, one bar per 1 % of customers",
  "charts.sales": "Sales",
  "charts.cumulative": "Cumulative share of sales",
  "charts.customersAxis": "Customers (cumulative share)",
  "charts.zonesCaption": "Zones along the customer axis",
  "charts.zoneRange": "{from} – {to}",
  "charts.decilesCaption": "Cumulative share of sales by share of customers",
  "charts.topCustomers": "Top {share} of customers",
  "charts.pyramidTitle": "Customer pyramid: customers per level and their share of sales",
  "charts.pyramidLevel": "{tier}: {customers} customers, {sales} of sales",
  "charts.gridTitle": "Nine-grid: customers per cell and visits a month",
  "charts.gridAxes": "{y} ↓ high to low · {x} → low to high",
  "charts.gridCustomers": "{n} customers",
  "charts.gridVisits": "{n} visits/month",
  "charts.gridCell": "{cell} {tier}: {customers} customers, {visits} visits a month",
  "charts.rfmTitle": "R × F heat map: mean monetary value",
  "charts.rfmCountTitle": "R × F: customers per cell",
  "charts.rfmR": "R score",
  "charts.rfmF": "F score",
  "charts.segmentsTitle": "Customers per segment",
  "charts.showTable": "Show as a table: {caption}",
  "charts.tier": "Tier",
  "charts.cell": "Cell",
  "charts.customers": "Customers",
  "charts.customerShare": "Share of customers",
  "charts.salesShare": "Share of sales",
  "charts.customerRange": "Customers (share)",
  "charts.visits": "Visits / month",
  "charts.mean": "Mean monetary value",
  "charts.none": "—",
};

export type PaneChartKey = keyof typeof enUS;

const zhCN: Record<PaneChartKey, string> = {
  "charts.paretoTitle": "帕累托图：客户按销售额从高到低",
  "charts.paretoPercentileTitle": "帕累托图：客户按销售额从高到低，每 1% 客户一根柱",
  "charts.sales": "销售额",
  "charts.cumulative": "累计销售占比",
  "charts.customersAxis": "客户（累计占比）",
  "charts.zonesCaption": "各等级在客户轴上的区间",
  "charts.zoneRange": "{from}–{to}",
  "charts.decilesCaption": "前若干客户的累计销售占比",
  "charts.topCustomers": "前 {share} 客户",
  "charts.pyramidTitle": "客户金字塔：各层客户数与销售占比",
  "charts.pyramidLevel": "{tier}：{customers} 位，销售占比 {sales}",
  "charts.gridTitle": "九宫格：各格客户数与月拜访次数",
  "charts.gridAxes": "{y} ↓ 由高到低 · {x} → 由低到高",
  "charts.gridCustomers": "{n} 位",
  "charts.gridVisits": "每月 {n} 次",
  "charts.gridCell": "{cell} {tier}：{customers} 位，每月拜访 {visits} 次",
  "charts.rfmTitle": "R × F 热力图：平均消费金额",
  "charts.rfmCountTitle": "R × F 各格客户数",
  "charts.rfmR": "R 分",
  "charts.rfmF": "F 分",
  "charts.segmentsTitle": "各细分客户数",
  "charts.showTable": "以表格查看：{caption}",
  "charts.tier": "等级",
  "charts.cell": "格",
  "charts.customers": "客户数",
  "charts.customerShare": "客户占比",
  "charts.salesShare": "销售占比",
  "charts.customerRange": "客户区间（占比）",
  "charts.visits": "月拜访次数",
  "charts.mean": "平均消费金额",
  "charts.none": "—",
};

export const PANE_CHART_MESSAGES: Readonly<Record<Locale, Readonly<Record<PaneChartKey, string>>>> = {
  "en-US": enUS,
  "zh-CN": zhCN,
};

/**
 * A translate function over this catalogue.
 *
 * @example paneChartT("zh-CN")("charts.gridCustomers", { n: 12 }) // "12 位"
 */
export function paneChartT(locale: Locale) {
  return (key: PaneChartKey, params: MessageParams = {}): string =>
    fillPlaceholders(PANE_CHART_MESSAGES[locale][key], params);
}
