/**
 * Wording of the strategies map (策略 per tier key) and the tenant lease-end review (issue 14): a
 * strategy for a tier the policy does not have, an unreadable lease end, the SQL form's limit.
 * Spread into `REASONS` (`./reasons.ts`), which checks each wording.
 */
export const STRATEGY_REASONS = {
  "rules.strategyTier": {
    en: "strategies.{key}: this policy has no tier {key}; its tiers are {tiers}",
    zh: "strategies.{key}：此政策没有等级 {key}，现有等级为 {tiers}",
  },
  "lease.notDate": {
    en: "cannot be read as a lease end ({why}), so no review date",
    zh: "无法读取为租约到期日（{why}），无法给出复评日期",
  },
  "sql.leaseUnsupported": {
    en: "the SQL form does not work out lease review dates: grade this policy in the pane or with tier grade, or leave the lease end column out",
    zh: "SQL 形式不计算租约复评日期：请在任务窗格中或用 tier grade 对此政策分级，或不映射租约到期列",
  },
} as const;
