/**
 * Pane strings of the source presets (issue 14): when to use each new preset, the regular-calls field
 * and the note on thresholds that are examples (示例门槛). Same keys in zh-CN and en-US (a test compares
 * them); spread into the pane's catalogue (`./messages.ts`).
 */
const enUS = {
  "use.tobacco": "Tobacco retailers: 3-month average, A/B/C, extra visits on top of sales calls.",
  "use.loreal": "Cosmetics members: diamond on 12 months' spend, VIP, second level, negative value.",
  "use.pharma": "Pharma reps: eligible doctors on a nine-grid, visit ranges within 10 calls a day.",
  "editor.regularVisits": "Regular sales calls a month (every class; the classes' visits come on top)",
  "policy.examples":
    "Example thresholds (示例门槛): the source policy does not give {fields}; replace them with your own.",
} as const;

const zhCN: Record<keyof typeof enUS, string> = {
  "use.tobacco": "卷烟零售户：近 3 个月月均销售额分 A/B/C，正常访销之外另加走访。",
  "use.loreal": "化妆品会员：按近 12 个月消费分钻石、VIP、二级与负值客户。",
  "use.pharma": "医药代表：准入医生九宫格，每天 10 次以内按频次范围拜访。",
  "editor.regularVisits": "每月正常访销次数（各类客户均有，各类的走访次数另加）",
  "policy.examples": "示例门槛：来源政策没有给出{fields}，请替换为贵司自己的标准。",
};

export const PRESET_MESSAGES = { "en-US": enUS, "zh-CN": zhCN } as const;
