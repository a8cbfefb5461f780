/**
 * Wording of the source presets' own reasons (issue 14): rule-table windows, the tobacco plan's
 * regular calls and manager load, the pharma plan's coverage and eligibility, the dealer card's bands.
 * Spread into `REASONS` (`./reasons.ts`), which checks each wording.
 */
export const PRESET_REASONS = {
  "cli.planRegular": {
    en: "regular sales calls: {regular} a month for every customer, the tiers' own visits on top",
    zh: "正常访销：每位客户每月 {regular} 次，各等级的走访次数另加",
  },
  "cli.planManagerLoad": {
    en: "{manager} looks after {customers} customers; the policy says at most {max} per manager",
    zh: "{manager}负责 {customers} 位客户；该政策规定每位客户经理最多 {max} 位",
  },
  "cli.badRegular": {
    en: '--regular takes the regular calls a month, a whole number 0 to 31 (got "{got}")',
    zh: "--regular 应为每月正常访销次数，0 至 31 的整数（现为“{got}”）",
  },
  "rules.windowNeedsOrders": {
    en: "this policy adds up spend over a window of dates, so it needs the orders (one row per purchase with its date), not one row per customer",
    zh: "此政策按时间窗口累计消费，需要订单明细（每笔消费一行并带日期），而不是每位客户一行",
  },
  "sql.marginUnsupported": {
    en: "the SQL form cannot add up a profit or cost column per order: grade this policy in the pane or with tier grade",
    zh: "SQL 形式无法按订单累计利润或成本列：请在任务窗格中或用 tier grade 对此政策分级",
  },
  "formulas.windowColumn": {
    en: "the formulas add up spend and counts over a window, not {column}: grade this policy in the pane or with tier grade",
    zh: "公式只能按窗口累计金额和次数，无法计算 {column}：请在任务窗格中或用 tier grade 对此政策分级",
  },
  "formulas.marginUnsupported": {
    en: "the formulas cannot add up a profit or cost column per order: grade this policy in the pane or with tier grade",
    zh: "公式无法按订单累计利润或成本列：请在任务窗格中或用 tier grade 对此政策分级",
  },
  "bands.none": {
    en: "an item's bands list is empty: give at least one band (points for a range of the figure)",
    zh: "某项的评分档为空：请至少给出一档（某一数值范围对应的分数）",
  },
  // A name the user gave in both languages: each language shows its own (the other is hidden).
  "names.both": { en: "{en}⟦zh|⟧", zh: "{zh}⟦en|⟧" },
  "grid.excluded": {
    en: "not counted (eligibility): {rule}",
    zh: "不计入（准入规则）：{rule}",
  },
  "cli.planCoverageMet": {
    en: "priority customers ({tiers}) covered: {covered} of {customers} ({share} %), target {target} % met; at most {capacity} calls a day",
    zh: "优先客户（{tiers}）覆盖：{customers} 位中的 {covered} 位（{share}%），达到 {target}% 的目标；每天最多 {capacity} 次拜访",
  },
  "cli.planCoverageShort": {
    en: "priority customers ({tiers}) covered: {covered} of {customers} ({share} %), below the target of {target} % with at most {capacity} calls a day",
    zh: "优先客户（{tiers}）覆盖：{customers} 位中的 {covered} 位（{share}%），低于 {target}% 的目标（每天最多 {capacity} 次拜访）",
  },
  "cli.planUncovered": {
    en: "not covered: {ids}⟦more| and {more} more⟧",
    zh: "未覆盖：{ids}⟦more|（另有 {more} 位）⟧",
  },
} as const;

/**
 * Wording of the reasons raised by the presets of issue 14 (new policies and k-means): k-means'
 * limits and the methods with no SQL form. Spread into `REASONS` (`./reasons.ts`), which checks
 * each wording.
 */
export const POLICY_REASONS = {
  "sql.textRules": {
    en: "the SQL form compares numbers only, and this policy compares {columns} as text: grade it in the pane or with tier grade",
    zh: "SQL 形式只能比较数值，而此政策按文字比较 {columns}：请在任务窗格中或用 tier grade 对此政策分级",
  },
  "kmeans.badK": {
    en: "k is {k}: k-means needs a whole number of clusters, 2 or more",
    zh: "k 为 {k}：聚类数须为不小于 2 的整数",
  },
  "kmeans.tooFew": {
    en: "k-means with {k} clusters needs at least {k} customers with recency, frequency and amount; {n} have them",
    zh: "分成 {k} 类至少需要 {k} 位有最近消费、消费次数和金额的客户，现只有 {n} 位",
  },
  "kmeans.tierCount": {
    en: "k is {k} but {tiers} cluster names are given: give one name per cluster",
    zh: "k 为 {k}，但列出了 {tiers} 个类名：请为每一类各写一个名称",
  },
} as const;
