/**
 * The words of the summary sheet and its charts, in zh-CN and en-US kept in step: titles, headers,
 * axis and series names, and the labels of pyramid levels and nine-grid cells. Placeholders are `{name}`.
 * The chart descriptions (`src/engine/charts.ts`) carry keys and numbers; these label them at the edge.
 * They live in the workbook layer beside the output headers (`write-result.ts` LABELS), which may not
 * import `src/i18n` (eslint layers).
 */
import type { Lang } from "../engine/reasons";
import { fillPlaceholders } from "../engine/placeholders";

const en = {
  title: "Customer tiers: {policy}",
  policy: "Policy",
  asOf: "As of",
  customers: "Customers",
  gradedUngraded: "Graded / not graded",
  tier: "Tier",
  customerShare: "Share of customers",
  sales: "Sales",
  salesShare: "Share of sales",
  visits: "Visits / month",
  strategy: "Strategy",
  total: "Total",
  problemsSee: '{count} rows were not graded: see the sheet "{sheet}".',
  column: "Column",
  row: "Row",
  problem: "Problem",
  more: "and {count} more",
  chartData: 'Chart data for the sheet "{sheet}"; kept hidden, the charts read it.',
  distributionTitle: "Share of customers and share of sales per tier",
  distributionCountTitle: "Share of customers per tier",
  paretoTitle: "Pareto: customers by sales, largest first",
  paretoPercentileTitle: "Pareto: customers by sales, one bar per 1 % of customers",
  customersUpTo: "Customers (cumulative share)",
  cumulative: "Cumulative share of sales",
  pyramidTitle: "Customer pyramid: customers per level and their share of sales",
  pyramidLevel: "{tier}: {customers} customers, {sales} of sales",
  spacer: " ",
  gridTitle: "Nine-grid: customers per cell and visits a month",
  gridCell: "{cell} {tier}: {customers} ({visits}/month)",
  gridAxes: "{y} ↓ high to low · {x} → low to high",
  rfmTitle: "R × F heat map: mean monetary value",
  rfmCountTitle: "R × F: customers per cell",
  rfmAxes: "R score ↓ · F score →",
  warning: "Warning: {text}",
};

const zh: Record<keyof typeof en, string> = {
  title: "客户分级汇总：{policy}",
  policy: "分级政策",
  asOf: "截止日期",
  customers: "客户数",
  gradedUngraded: "已分级 / 未分级",
  tier: "等级",
  customerShare: "客户占比",
  sales: "销售额",
  salesShare: "销售占比",
  visits: "月拜访次数",
  strategy: "策略",
  total: "合计",
  problemsSee: "有 {count} 行未分级，原因见「{sheet}」表。",
  column: "列",
  row: "行",
  problem: "未分级原因",
  more: "另有 {count} 行",
  chartData: "「{sheet}」表中图表的数据；已隐藏，图表从这里读取。",
  distributionTitle: "各等级的客户占比与销售占比",
  distributionCountTitle: "各等级的客户占比",
  paretoTitle: "帕累托图：客户按销售额从高到低",
  paretoPercentileTitle: "帕累托图：客户按销售额从高到低，每 1% 客户一根柱",
  customersUpTo: "客户（累计占比）",
  cumulative: "累计销售占比",
  pyramidTitle: "客户金字塔：各层客户数与销售占比",
  pyramidLevel: "{tier}：{customers} 位，销售占比 {sales}",
  spacer: " ",
  gridTitle: "九宫格：各格客户数与月拜访次数",
  gridCell: "{cell} {tier}：{customers} 位（每月 {visits} 次）",
  gridAxes: "{y} ↓ 由高到低 · {x} → 由低到高",
  rfmTitle: "R × F 热力图：平均消费金额",
  rfmCountTitle: "R × F 各格客户数",
  rfmAxes: "R 分 ↓ · F 分 →",
  warning: "注意：{text}",
};

export type ChartTextKey = keyof typeof en;

/** The summary and chart words per language. */
export const CHART_TEXT: Readonly<Record<Lang, Readonly<Record<ChartTextKey, string>>>> = { en, zh };

/**
 * The summary or chart text `key` in `lang`, placeholders filled.
 *
 * @example chartText("zh", "total") // "合计"
 */
export function chartText(
  lang: Lang,
  key: ChartTextKey,
  params: Record<string, string | number> = {},
): string {
  return fillPlaceholders(CHART_TEXT[lang][key], params);
}

/** A share as a person reads it: `27.4%` (no space, one decimal). */
export function percentText(share: number): string {
  return `${(Math.round(share * 1000) / 10).toFixed(1)}%`;
}
