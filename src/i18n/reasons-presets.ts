/**
 * Wording of the reasons raised by the presets of issue 14 (new policies and k-means): k-means'
 * limits and the methods with no SQL form. Spread into `REASONS` (`./reasons.ts`), which checks
 * each wording.
 */
export const PRESET_REASONS = {
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
  "sql.noSqlForm": {
    en: "{method} has no SQL form (k-means is iterative): grade in the pane or with tier grade",
    zh: "{method}没有 SQL 写法（k-means 需反复迭代）：请在任务窗格中或用 tier grade 分级",
  },
} as const;
