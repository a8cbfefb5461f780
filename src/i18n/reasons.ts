/**
 * The catalogue of reasons: every row problem, rules mistake and grading error the engine reports
 * as a code (`src/engine/reasons.ts`), worded in zh-CN and en-US. A test fails when a code used in
 * the sources lacks either language, or when the two languages name different placeholders.
 *
 * Placeholders are `{name}`; `⟦name|text⟧` shows `text` only when the parameter `name` is set and
 * not 0 or an empty list ("⟦more| (and {more} more)⟧").
 *
 * Wording: Chinese text uses full-width punctuation and no spaces around Chinese words; lists are
 * joined with 、 in Chinese and ", " in English; numbers are shown as given.
 */
import { setReasonDescriber } from "../engine/errors";
import type { Lang, Reason, ReasonParam } from "../engine/reasons";
import { WORKBOOK_REASONS } from "./workbook-reasons";

interface Wording {
  readonly en: string;
  readonly zh: string;
}

export const REASONS = {
  // A code not in the catalogue (text from a library, a legacy message): shown as it is.
  "error.text": { en: "{text}", zh: "{text}" },

  // Cells that cannot be read.
  "cell.blank": { en: "blank", zh: "空白" },
  "cell.noValue": { en: "no value", zh: "没有数值" },
  "cell.notNumber": { en: 'not a number: "{value}"', zh: "不是数字：“{value}”" },
  "cell.notFinite": { en: "not a finite number", zh: "不是有效数字" },
  "cell.error": { en: "error value {value}", zh: "错误值 {value}" },
  "cell.notDate": { en: 'not a date: "{value}"', zh: "不是日期：“{value}”" },
  "cell.noSuchDay": {
    en: 'not a date: "{value}" (no such day)',
    zh: "不是日期：“{value}”（日历上没有这一天）",
  },
  "cell.leap1900": {
    en: "not a date: {value} (Excel's 1900-02-29 never existed)",
    zh: "不是日期：{value}（Excel 的 1900-02-29 并不存在）",
  },
  "cell.ambiguousDate": {
    en: 'ambiguous date "{value}": write it as {a} or {b}',
    zh: "日期“{value}”有歧义：请写成 {a} 或 {b}",
  },
  "cell.afterAsOf": {
    en: "date {date} is after the as-of date {asOf}",
    zh: "日期 {date} 晚于评估基准日 {asOf}",
  },

  // Rows.
  "row.inColumn": { en: "{column}: {reason}", zh: "{column}：{reason}" },
  "row.blankIn": { en: "{column} is blank", zh: "{column}为空" },
  "row.blankId": { en: "blank customer id", zh: "客户编号为空" },
  "row.duplicateId": {
    en: 'duplicate customer id "{id}" (rows {rows}): fix or merge them, they are not merged silently',
    zh: "客户编号“{id}”重复（第 {rows} 行）：请修正或合并，系统不会自动合并",
  },

  // Columns the policy needs.
  "column.missing": {
    en: "this policy needs a column for {role} (headers such as {examples}); none of {headers} looks like one: choose it in the column list",
    zh: "该政策需要“{role}”列（表头如 {examples}），但 {headers} 中没有这样的列：请在列映射中选择",
  },
  "column.forDerived": { en: "to compute {key}", zh: "用于计算 {key}" },
  "column.unknownInRule": {
    en: 'the policy tests a column "{column}", which is neither a role nor a header of this sheet ({headers})',
    zh: "政策用到的列“{column}”既不是已知字段，也不是本表的表头（{headers}）",
  },

  // Function arguments.
  "arg.notNumber": { en: "{name} must be a number ({reason})", zh: "{name} 必须是数字（{reason}）" },
  "arg.notDate": {
    en: "{name} must be a date such as 2025-12-31 or TODAY() ({reason})",
    zh: "{name} 必须是日期，如 2025-12-31 或 TODAY()（{reason}）",
  },

  // Methods, per row.
  "rfm.scoreBelowOne": {
    en: "{score} is {value}: scores start at 1",
    zh: "{score} 为 {value}：分值从 1 开始",
  },
  "level.belowThreshold": {
    en: "{value} is below the lowest threshold ({lowest})",
    zh: "{value} 低于最低门槛（{lowest}）",
  },
  "level.belowLowest": {
    en: "{value} is below the lowest tier ({lowest})",
    zh: "{value} 低于最低等级的门槛（{lowest}）",
  },
  "lifecycle.negativeFrequency": {
    en: "frequency is {value}: it cannot be negative",
    zh: "消费次数为 {value}：不能为负数",
  },
  "lifecycle.firstAfterLast": {
    en: "the first purchase date is after the last one",
    zh: "首次消费日期晚于最近消费日期",
  },
  "lifecycle.noDates": {
    en: "purchases without a readable first and last date",
    zh: "有消费次数，但首次和最近消费日期无法读取",
  },
  "scorecard.blankRating": { en: "blank rating", zh: "评分为空" },
  "scorecard.notRating": {
    en: '"{value}" is not a rating (1 to 5, or 优秀/良好/合格/较差/不合格)',
    zh: "“{value}”不是评分（应为 1 至 5，或 优秀/良好/合格/较差/不合格）",
  },
  "scorecard.stageBlank": { en: "stage is blank; use one of {stages}", zh: "阶段为空；请填写 {stages} 之一" },
  "scorecard.stageUnknown": {
    en: 'stage "{value}" is not one of {stages}',
    zh: "阶段“{value}”不是 {stages} 之一",
  },
  "scorecard.missingCriteria": {
    en: "the scorecard needs a rating column per criterion; not found: {criteria}⟦more| (and {more} more)⟧",
    zh: "评分卡的每项指标都需要一列评分；未找到：{criteria}⟦more|（另有 {more} 项）⟧",
  },
  "scorecard.stagesNeedColumn": {
    en: "the scorecard has weight profiles by stage ({stages})",
    zh: "评分卡按阶段（{stages}）设置了权重",
  },
  "scorecard.inStage": { en: 'stage "{stage}": {reason}', zh: "阶段“{stage}”：{reason}" },
  "scorecard.weightSum": {
    en: "weights add up to {sum} %, they must add up to 100 %",
    zh: "权重合计 {sum}%，应为 100%",
  },
  "abc.monthColumns": {
    en: "ABC on the average of the last {months} months needs {months} monthly columns (such as 2025年1月 or 2025-01); found {found}",
    zh: "按近 {months} 个月月均分 ABC 需要 {months} 个月度列（如 2025年1月 或 2025-01），只找到 {found} 个",
  },
  "rules.noMatch": {
    en: "no rule matches and the policy has no default tier",
    zh: "没有匹配的规则，且政策未设默认等级",
  },

  // Rules mistakes (a rule file or the pane's editor).
  "rules.notJson": {
    en: "the rule file is not valid JSON: {detail}",
    zh: "规则文件不是有效的 JSON：{detail}",
  },
  "rules.notObject": {
    en: 'a rule file must hold one JSON object with a "method"',
    zh: "规则文件必须是一个含“method”的 JSON 对象",
  },
  "rules.unknownMethod": {
    en: "method must be one of {methods} (got {got})",
    zh: "method 必须是 {methods} 之一（实际为 {got}）",
  },
  "rules.unknownMethodAt": { en: "{path} is not a known method", zh: "{path} 不是已知的分级方法" },
  "rules.problems": { en: "{problems}⟦more| (and {more} more)⟧", zh: "{problems}⟦more|（另有 {more} 处）⟧" },
  "rules.missing": { en: "{path} is missing", zh: "缺少 {path}" },
  "rules.wrongType": { en: "{path} must be a {expected}", zh: "{path} 的类型应为 {expected}" },
  "rules.notList": { en: "{path} must be a list", zh: "{path} 应为列表" },
  "rules.tooFewEntries": { en: "{path} needs at least {min} entries", zh: "{path} 至少需要 {min} 项" },
  "rules.tooManyEntries": { en: "{path} takes at most {max} entries", zh: "{path} 最多 {max} 项" },
  "rules.emptyText": { en: "{path} must not be empty", zh: "{path} 不能为空" },
  "rules.atLeast": { en: "{path} must be at least {limit}", zh: "{path} 不能小于 {limit}" },
  "rules.moreThan": { en: "{path} must be more than {limit}", zh: "{path} 必须大于 {limit}" },
  "rules.atMost": { en: "{path} must be at most {limit}", zh: "{path} 不能大于 {limit}" },
  "rules.lessThan": { en: "{path} must be less than {limit}", zh: "{path} 必须小于 {limit}" },
  "rules.unknownField": { en: "{path} has an unknown field {keys}", zh: "{path} 含有未知字段 {keys}" },
  "rules.oneOf": { en: "{path} must be one of {values}", zh: "{path} 必须是 {values} 之一" },
  "rules.invalidUnion": { en: "{path} is not valid", zh: "{path} 无效" },
  "rules.badFormat": { en: "{path} is not in the expected format", zh: "{path} 格式不正确" },
  "rules.invalid": { en: "{path} is not valid", zh: "{path} 无效" },
  "rules.duplicateKey": { en: 'the key "{key}" is used twice', zh: "键“{key}”重复使用" },
  "rules.duplicateCell": { en: "cell {cell} is listed twice", zh: "格子 {cell} 重复出现" },
  "rules.unknownTier": {
    en: '{where} "{tier}" is not one of tiers[].key',
    zh: "{where} 的“{tier}”不在 tiers[].key 中",
  },
  "rules.abcShareOrder": {
    en: "basis.a ({a}) must be less than basis.b ({b})",
    zh: "basis.a（{a}）必须小于 basis.b（{b}）",
  },
  "rules.abcAmountOrder": {
    en: "basis.a ({a}) must be more than basis.b ({b}): A needs the larger amount",
    zh: "basis.a（{a}）必须大于 basis.b（{b}）：A 类需要更高的金额",
  },
  "rules.increasing": { en: "{later} must be more than {earlier}", zh: "{later} 必须大于 {earlier}" },
  "rules.decreasing": { en: "{later} must be less than {earlier}", zh: "{later} 必须小于 {earlier}" },
  "rules.pyramidTiers": {
    en: "tiers needs {needed} entries, one more than cuts (has {has})",
    zh: "tiers 需要 {needed} 项，比 cuts 多一项（现有 {has} 项）",
  },
  "rules.levelOrder": {
    en: "tiers[{i}].min ({min}) must be more than tiers[{j}].min ({previous}): list tiers lowest first",
    zh: "tiers[{i}].min（{min}）必须大于 tiers[{j}].min（{previous}）：请从最低等级开始列出",
  },
  "rules.weightCount": {
    en: "profiles.{stage} has {weights} weights for {criteria} criteria",
    zh: "profiles.{stage} 有 {weights} 个权重，但有 {criteria} 项指标",
  },
  "rules.weightSum": {
    en: "profiles.{stage}: weights add up to {sum} %, they must add up to 100 %",
    zh: "profiles.{stage}：权重合计 {sum}%，应为 100%",
  },
  "rules.gridCutOrder": {
    en: "{axis}.cut.low must be less than {axis}.cut.high",
    zh: "{axis}.cut.low 必须小于 {axis}.cut.high",
  },

  // The command line.
  "cli.unknownCommand": {
    en: 'unknown command "{command}"; use {commands}',
    zh: "未知命令“{command}”；可用命令：{commands}",
  },
  "cli.oneFile": {
    en: "{command} takes one file (got {got})\n{usage}",
    zh: "{command} 需要一个文件（收到 {got} 个）\n{usage}",
  },
  "cli.badOption": {
    en: '{option} must be one of {allowed} (got "{got}")',
    zh: "{option} 必须是 {allowed} 之一（收到“{got}”）",
  },
  "cli.badOut": {
    en: '--out must end in {allowed} (got "{got}")',
    zh: "--out 的文件名必须以 {allowed} 结尾（收到“{got}”）",
  },
  "cli.badArgs": { en: "{detail}", zh: "命令行参数有误：{detail}" },
  "cli.unexpected": { en: "unexpected error: {detail}", zh: "意外错误：{detail}" },
  "cli.needPolicy": {
    en: "give either --preset NAME or --rules FILE.json",
    zh: "请指定 --preset 名称 或 --rules 规则文件.json（二选一）",
  },
  "cli.cannotOpenRules": { en: 'cannot open the rule file "{file}"', zh: "无法打开规则文件“{file}”" },
  "cli.inRuleFile": { en: "{file}: {reason}", zh: "{file}：{reason}" },
  "cli.hintMap": { en: "use --map {role}=HEADER to name the column", zh: "可用 --map {role}=表头 指定该列" },
  "cli.sheetInput": {
    en: 'sheet "{sheet}": {input}⟦guessed| (guessed: use --input to say)⟧',
    zh: "工作表「{sheet}」：{input}⟦guessed|（自动判断，可用 --input 指定）⟧",
  },
  "cli.input.orders": { en: "orders", zh: "订单明细" },
  "cli.input.customers": { en: "customers", zh: "客户名单" },
  "cli.columns": { en: "columns: {mapping}", zh: "列映射：{mapping}" },
  "cli.asOfPolicy": { en: "as of {date}; policy: {policy}", zh: "评估基准日 {date}；政策：{policy}" },
  "cli.counts": {
    en: "{graded} of {total} customers graded⟦ungraded|, {ungraded} without a tier (see the issue column)⟧",
    zh: "共 {total} 位客户，已分级 {graded} 位⟦ungraded|，{ungraded} 位未分级（原因见“未分级原因”列）⟧",
  },
  "cli.problems": { en: "{n} row problem(s):", zh: "{n} 处数据问题：" },
  "cli.problemRow": { en: "row {row}: {text}", zh: "第 {row} 行：{text}" },
  "cli.more": { en: "… and {n} more", zh: "……另有 {n} 处" },
  "cli.ofSales": { en: "of sales {share}", zh: "销售额占比 {share}" },

  // Re-evaluation.
  "history.noAsOfColumn": { en: "the history sheet has no as_of column", zh: "历史记录表没有 as_of 列" },
  "history.tiersNotInPolicy": {
    en: 'the files have tiers ({tiers}) that the policy "{policy}" does not have: give --order T1,T2,… best first',
    zh: "文件中的等级（{tiers}）不属于政策“{policy}”：请用 --order T1,T2,… 从高到低给出等级顺序",
  },
  "history.cannotOrder": {
    en: "cannot tell which of the tiers {tiers} is better: give --preset NAME, --rules FILE.json or --order T1,T2,… best first",
    zh: "无法判断等级 {tiers} 的高低：请指定 --preset 名称、--rules 规则文件 或 --order T1,T2,…（从高到低）",
  },
  "history.previousTwice": {
    en: "the previous evaluation lists customer {ids} twice⟦more| (and {more} more)⟧",
    zh: "上期评估中客户 {ids} 出现了两次⟦more|（另有 {more} 位）⟧",
  },
  "history.currentTwice": {
    en: "the current evaluation lists customer {ids} twice⟦more| (and {more} more)⟧",
    zh: "本期评估中客户 {ids} 出现了两次⟦more|（另有 {more} 位）⟧",
  },
  "history.previousUnknownTier": {
    en: "the previous evaluation has tier {tiers}, which is not one of {known}: compare evaluations of the same policy",
    zh: "上期评估含有等级 {tiers}，不属于 {known}：请比较同一政策的评估",
  },
  "history.currentUnknownTier": {
    en: "the current evaluation has tier {tiers}, which is not one of {known}: compare evaluations of the same policy",
    zh: "本期评估含有等级 {tiers}，不属于 {known}：请比较同一政策的评估",
  },

  // Where Tier meets real Excel (issue 19).
  ...WORKBOOK_REASONS,
} as const satisfies Record<string, Wording>;

export type ReasonCode = keyof typeof REASONS;

const CATALOGUE: Readonly<Record<string, Wording>> = REASONS;

function paramText(value: ReasonParam, lang: Lang): string {
  if (Array.isArray(value)) {
    // A list of reasons reads as sentences in a row; a list of values as an enumeration.
    if (value.length > 0 && typeof value[0] === "object")
      return (value as readonly Reason[]).map((r) => reasonText(r, lang)).join(lang === "zh" ? "；" : "; ");
    return value.map((v) => String(v)).join(lang === "zh" ? "、" : ", ");
  }
  if (typeof value === "object") return reasonText(value as Reason, lang);
  return String(value);
}

/**
 * The sentence for `reason` in `lang`, its `{placeholders}` filled from its params. An unknown code
 * is shown as it is (a library's own message wrapped as a code); that never happens for the
 * engine's own codes, which a test checks against this catalogue.
 *
 * @example reasonText({ code: "cell.notNumber", params: { value: "abc" } }, "zh") // "不是数字：“abc”"
 */
export function reasonText(reason: Reason, lang: Lang): string {
  const wording = CATALOGUE[reason.code];
  const params = reason.params ?? {};
  if (!wording) return reason.code;
  const shown = (name: string) => {
    const v = params[name];
    return v !== undefined && v !== 0 && v !== "" && !(Array.isArray(v) && v.length === 0);
  };
  return wording[lang]
    .replace(/⟦(\w+)\|([^⟧]*)⟧/g, (_, name: string, inner: string) => (shown(name) ? inner : ""))
    .replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? paramText(params[name], lang) : m));
}

/** Whether `code` has a wording in both languages. */
export function hasReason(code: string): boolean {
  return code in CATALOGUE;
}

// Errors thrown by the engine read in English in logs, stack traces and tests.
setReasonDescriber(reasonText);
