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
import { CLV_METHOD_REASONS } from "./reasons-clv";
import { FILE_REASONS } from "./reasons-workbook";
import { POLICY_REASONS, PRESET_REASONS } from "./reasons-presets";
import { WORKBOOK_REASONS } from "./workbook-reasons";
import { NEXT_REASONS } from "./reasons-next";
import { LINES_REASONS } from "./reasons-lines";
import { WORKER_REASONS } from "./reasons-worker";
import { COLOUR_REASONS } from "./reasons-colours";
import { STRATEGY_REASONS } from "./reasons-strategies";
import { fillPlaceholders } from "../engine/placeholders";

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

  // Shared checks of the engine's functions (parameters a caller passes, not cells).
  "quantile.percentile": {
    en: "a percentile must be a number from 0 to 1 (got {p})",
    zh: "百分位必须是 0 到 1 之间的数（实际为 {p}）",
  },
  "quantile.position": { en: "position {k} is outside 0..{max}", zh: "位置 {k} 超出 0..{max} 的范围" },
  "quantile.bins": {
    en: "bins⟦dim| for {dim}⟧ must be a whole number from 2 to 9 (got {bins})",
    zh: "⟦dim|{dim} 的⟧分档数必须是 2 到 9 的整数（实际为 {bins}）",
  },
  "dates.notIsoDay": {
    en: '"{value}" is not a date: write it as YYYY-MM-DD, e.g. 2025-12-31',
    zh: "“{value}”不是日期：请写成 YYYY-MM-DD，如 2025-12-31",
  },
  "headers.unknownRole": {
    en: '{role}={header}: there is no role "{role}" (roles: {roles})',
    zh: "{role}={header}：没有“{role}”这个字段（可用字段：{roles}）",
  },
  "headers.unknownHeader": {
    en: '{role}={header}: no column is called "{header}" (columns: {columns})',
    zh: "{role}={header}：没有名为“{header}”的列（现有列：{columns}）",
  },
  "headers.twoRoles": {
    en: '{other} and {role} both name the column "{column}": a column plays one role',
    zh: "{other} 和 {role} 都指向列“{column}”：一列只能对应一个字段",
  },
  "aggregate.lengths": {
    en: "the order columns have different lengths ({id} {ids}, {date} {dates}, {amount} {amounts})",
    zh: "订单各列的行数不同（{id} {ids} 行，{date} {dates} 行，{amount} {amounts} 行）",
  },
  "aggregate.frequencyMode": {
    en: 'frequency must be rows, orders or days, not "{got}"',
    zh: "消费次数的计法必须是 rows、orders 或 days，而不是“{got}”",
  },
  "aggregate.amountMode": {
    en: 'amount must be sum or mean, not "{got}"',
    zh: "金额的计法必须是 sum 或 mean，而不是“{got}”",
  },
  "aggregate.returns": {
    en: 'returns must be net or drop, not "{got}"',
    zh: "退货的处理必须是 net 或 drop，而不是“{got}”",
  },
  "aggregate.needOrderId": {
    en: "counting distinct orders needs an order id column (订单号)",
    zh: "按订单计次需要订单号列",
  },

  // Grading functions: parameters out of range, columns of different lengths.
  "abc.shares": {
    en: "ABC shares must satisfy 0 < A share < B share <= 100 % (got A {a} %, B {b} %)",
    zh: "ABC 占比须满足 0 < A 类占比 < B 类占比 ≤ 100%（实际 A 类 {a}%，B 类 {b}%）",
  },
  "abc.noPositiveSales": {
    en: "all sales are zero or negative: ABC by share needs some positive sales",
    zh: "销售额全部为零或负数：按占比分 ABC 需要有正的销售额",
  },
  "abc.amountOrder": {
    en: "the A amount must be greater than the B amount (got A {a}, B {b})",
    zh: "A 类金额门槛必须高于 B 类（实际 A 类 {a}，B 类 {b}）",
  },
  "abc.monthsRange": {
    en: "months to average must be a whole number from 3 to 6 (got {months})",
    zh: "平均的月数必须是 3 到 6 的整数（实际为 {months}）",
  },
  "abc.tooFewMonths": {
    en: "the average of the last {months} months needs at least {months} month columns (got {found})",
    zh: "近 {months} 个月的平均值至少需要 {months} 个月度列（实际 {found} 个）",
  },
  "abc.monthRows": {
    en: "every month column must have the same number of rows (got {first} and {other})",
    zh: "各月度列的行数必须相同（实际为 {first} 和 {other}）",
  },
  "abc.classRows": {
    en: "values and classes must have the same number of rows (got {values} and {classes})",
    zh: "数值与分类的行数必须相同（实际为 {values} 和 {classes}）",
  },
  "grid.cutOrder": {
    en: "{axis}: the low threshold ({low}) must be less than the high threshold ({high})",
    zh: "{axis}：低门槛（{low}）必须小于高门槛（{high}）",
  },
  "grid.cutMethod": {
    en: '{axis}: the cut must be "fixed" or "tercile", not "{got}"',
    zh: "{axis}：分档方式必须是“fixed”或“tercile”，而不是“{got}”",
  },
  "grid.rowCounts": {
    en: "X has {x} rows and Y has {y}: they must match",
    zh: "X 有 {x} 行，Y 有 {y} 行：行数必须相同",
  },
  "level.thresholdCount": { en: "give 1 to 1000 thresholds", zh: "请给出 1 到 1000 个门槛" },
  "level.thresholdOrder": {
    en: "thresholds must increase from the lowest tier to the highest (got {thresholds})",
    zh: "门槛必须从最低等级到最高等级递增（实际为 {thresholds}）",
  },
  "lifecycle.window": {
    en: "lifecycle window {window} must be a number of 0 or more, not {value}",
    zh: "生命周期窗口 {window} 必须是不小于 0 的数，而不是 {value}",
  },
  "lifecycle.windowOrder": {
    en: "the at-risk window ({atRisk} days) must not be longer than the lost window ({lost} days)",
    zh: "流失预警窗口（{atRisk} 天）不能长于流失窗口（{lost} 天）",
  },
  "lifecycle.frequencyOrder": {
    en: "regular needs {regular} purchases, more than loyal ({loyal}); lower it or raise loyal",
    zh: "常客需要 {regular} 次消费，多于忠诚客户（{loyal} 次）；请调低常客或调高忠诚客户的次数",
  },
  "lifecycle.noAsOf": { en: "the as-of date is missing or not a date", zh: "评估基准日缺失或不是日期" },
  "lifecycle.rowCounts": {
    en: "first date, last date and frequency must have the same number of rows ({first}, {last}, {frequency})",
    zh: "首次消费日期、最近消费日期和消费次数的行数必须相同（{first}、{last}、{frequency}）",
  },
  "membership.tierTwice": {
    en: 'tier "{tier}" is listed twice in the benefit table',
    zh: "等级“{tier}”在权益表中出现了两次",
  },
  "pyramid.cutCount": {
    en: "a pyramid needs 1 to 8 cut shares (got {count})",
    zh: "客户金字塔需要 1 到 8 个分割占比（实际 {count} 个）",
  },
  "pyramid.cutOrder": {
    en: "pyramid cut shares must increase strictly between 0 % and 100 % (got {cuts} %)",
    zh: "金字塔分割占比必须在 0% 到 100% 之间严格递增（实际为 {cuts}%）",
  },
  "rfm.thresholds": {
    en: "thresholds for {dim} must be {count} increasing numbers (bins is {bins})",
    zh: "{dim} 的门槛必须是 {count} 个递增的数（分档数为 {bins}）",
  },
  "rfm.rowCounts": {
    en: "recency, frequency and amount must have the same number of rows (got {r}, {f} and {m})",
    zh: "最近消费、消费次数和消费金额的行数必须相同（实际为 {r}、{f}、{m}）",
  },
  "rfm.method": {
    en: "method must be quantile, rfm-r or fixed (got {got})",
    zh: "方法必须是 quantile、rfm-r 或 fixed（实际为 {got}）",
  },
  "rfm.tooFewCustomers": {
    en: "RFM by quantile needs at least 2 customers with valid recency, frequency and amount (got {count})",
    zh: "按分位数计算 RFM 至少需要 2 位最近消费、消费次数和消费金额都有效的客户（实际 {count} 位）",
  },
  "segments.noName": {
    en: "segment table row {row}: the segment needs a name",
    zh: "细分表第 {row} 行：细分需要名称",
  },
  "segments.notNumbers": {
    en: "segment table row {row}: {d}_min and {d}_max must be numbers",
    zh: "细分表第 {row} 行：{d}_min 和 {d}_max 必须是数字",
  },
  "segments.rangeOrder": {
    en: "segment table row {row}: {d}_min must be <= {d}_max",
    zh: "细分表第 {row} 行：{d}_min 必须不大于 {d}_max",
  },
  "segments.rowCounts": {
    en: "R, F and M must have the same number of rows (got {r}, {f} and {m})",
    zh: "R、F、M 的行数必须相同（实际为 {r}、{f}、{m}）",
  },
  "segments.tooManyRows": {
    en: "a segment table can have at most {max} rows (got {rows})",
    zh: "细分表最多 {max} 行（实际 {rows} 行）",
  },

  // The scorecard's weights, ratings and stars.
  "scorecard.noWeights": {
    en: "there are no weights: give one weight per criterion",
    zh: "没有权重：请为每项指标给出一个权重",
  },
  "scorecard.weightNotNumber": { en: "weight {n} is not a number", zh: "第 {n} 个权重不是数字" },
  "scorecard.weightNegative": {
    en: "weight {n} is {value}, weights cannot be negative",
    zh: "第 {n} 个权重为 {value}，权重不能为负数",
  },
  "scorecard.noWeightsToNormalise": { en: "there are no weights to normalise", zh: "没有可归一化的权重" },
  "scorecard.allWeightsZero": {
    en: "all weights are 0: give at least one criterion a weight",
    zh: "所有权重都为 0：请至少给一项指标设置权重",
  },
  "scorecard.noRatings": { en: "the scorecard has no rating columns", zh: "评分卡没有评分列" },
  "scorecard.weightCount": {
    en: "there are {ratings} rating columns but {weights} weights: give one weight per criterion",
    zh: "有 {ratings} 个评分列，但有 {weights} 个权重：请为每项指标给出一个权重",
  },
  "scorecard.ratingRows": {
    en: "rating column {n} has {rows} rows, the first has {first}: they must match",
    zh: "第 {n} 个评分列有 {rows} 行，第一个有 {first} 行：行数必须相同",
  },
  "scorecard.noProfiles": { en: "there are no weight profiles", zh: "没有权重方案" },
  "scorecard.stageRows": {
    en: "the stage column has {stage} rows, the ratings have {ratings}: they must match",
    zh: "阶段列有 {stage} 行，评分有 {ratings} 行：行数必须相同",
  },
  "scorecard.scale": { en: "the scale must be 5 or 100, not {got}", zh: "分制必须是 5 或 100，而不是 {got}" },
  "scorecard.starThresholds": {
    en: "star thresholds must be 4 numbers from high to low (for 5, 4, 3 and 2 stars), e.g. {example}",
    zh: "星级门槛必须是从高到低的 4 个数（对应 5、4、3、2 星），如 {example}",
  },
  "scorecard.classMap": {
    en: "class A must start at more stars than class B, both 1 to 5 (got A from {a}, B from {b})",
    zh: "A 类的起始星级必须高于 B 类，且都在 1 到 5 之间（实际 A 类从 {a} 星、B 类从 {b} 星起）",
  },

  // Rule tables (membership rules): where a mistake is, then what it is.
  "rules.rule": { en: 'rule {n}⟦tier| ("{tier}")⟧', zh: "规则 {n}⟦tier|（“{tier}”）⟧" },
  "rules.condition": { en: "{rule}, condition {k}", zh: "{rule}的第 {k} 个条件" },
  "rules.noRuleList": { en: "the rule table has no list of rules", zh: "规则表中没有规则列表" },
  "rules.tooManyRules": {
    en: "the rule table has {rules} rules, at most {max} are allowed",
    zh: "规则表有 {rules} 条规则，最多允许 {max} 条",
  },
  "rules.defaultName": {
    en: "the default tier must be a name, or be left out",
    zh: "默认等级必须是一个名称，或者不填",
  },
  "rules.ruleNoTier": { en: "rule {n} has no tier name", zh: "规则 {n} 没有等级名称" },
  "rules.noConditions": { en: "{rule} has no list of conditions", zh: "{rule}没有条件列表" },
  "rules.noColumn": { en: "{where} names no column", zh: "{where}没有指定列" },
  "rules.unmappedColumn": {
    en: '{rule} tests column "{column}", which is not mapped',
    zh: "{rule}用到的列“{column}”没有对应到表中的列",
  },
  "rules.badOp": {
    en: '{where} uses "{op}"; use one of {ops}',
    zh: "{where}使用了“{op}”；请使用 {ops} 之一",
  },
  "rules.betweenPair": {
    en: '{where}: "between" needs two values [low, high]',
    zh: "{where}：“between”需要两个值 [低, 高]",
  },
  "rules.betweenMixed": {
    en: '{where}: "between" needs two numbers or two texts, not one of each',
    zh: "{where}：“between”需要两个数字或两段文本，不能一个数字一段文本",
  },
  "rules.betweenEmpty": {
    en: '{where}: "between" {low} and {high} is empty, put the lower value first',
    zh: "{where}：“between” {low} 和 {high} 之间为空，请把较小的值放在前面",
  },
  "rules.inList": {
    en: '{where}: "in" needs a list of numbers or texts',
    zh: "{where}：“in”需要一组数字或文本",
  },
  "rules.oneValue": {
    en: '{where}: "{op}" needs one number or text value',
    zh: "{where}：“{op}”需要一个数字或文本值",
  },
  "rules.rowCount": {
    en: "the number of rows must be a whole number, not {got}",
    zh: "行数必须是整数，而不是 {got}",
  },

  // Presets, notifications, visits.
  "presets.unknown": {
    en: 'there is no preset "{name}": choose one of {presets}',
    zh: "没有名为“{name}”的预设政策：请从 {presets} 中选择",
  },
  "notify.unknownPlaceholder": {
    en: "the message template uses {{placeholder}}; the placeholders, each in braces: name, tier, old_tier, benefits, next, gap",
    zh: "消息模板用到了 {{placeholder}}；可用的占位符（各加花括号）：姓名、等级、原等级、权益、下一等级、差额",
  },
  "notify.notEmail": { en: '"{value}" is not an e-mail address', zh: "“{value}”不是电子邮件地址" },
  "visits.notMonth": {
    en: "{year}-{month} is not a month: write it as YYYY-MM, e.g. 2025-10",
    zh: "{year}-{month} 不是月份：请写成 YYYY-MM，如 2025-10",
  },
  "visits.capacity": {
    en: "the capacity must be a whole number of visits a day, at least 1 (got {got})",
    zh: "每日拜访上限必须是不小于 1 的整数（实际为 {got}）",
  },
  "visits.daysOrder": {
    en: "working days must be distinct and in order",
    zh: "工作日不能重复，且必须按顺序排列",
  },
  "visits.visitCount": {
    en: 'visits a month must be a whole number, 0 or more: customer "{id}" ({tier}) has {visits}',
    zh: "每月拜访次数必须是不小于 0 的整数：客户“{id}”（{tier}）为 {visits}",
  },
  "visits.noWorkingDays": {
    en: "the month has no working days: check the holidays",
    zh: "本月没有工作日：请检查节假日设置",
  },
  "visits.manager": { en: 'manager "{manager}"', zh: "客户经理“{manager}”" },
  "visits.noManager": { en: "the customers without a manager", zh: "没有客户经理的客户" },
  "visits.overCapacity": {
    en: "{who} {total} visits do not fit in {days} working days at {capacity} a day: raise the capacity or lower the visits per tier",
    zh: "{who}的 {total} 次拜访无法安排在 {days} 个工作日内（每天 {capacity} 次）：请提高每日上限或减少各等级的拜访次数",
  },
  "visits.dayOverCapacity": {
    en: "{who}: {visits} visits would fall on day {day} of {days}, over the capacity of {capacity} a day, to keep every customer's visits spread: raise the capacity",
    zh: "{who}：为使每位客户的拜访均匀分布，第 {day} 个工作日（共 {days} 个）将有 {visits} 次拜访，超过每日上限 {capacity} 次：请提高每日上限",
  },
  "visits.perTierMissing": {
    en: 'say how many visits a month tier "{tier}" gets (visits per tier)',
    zh: "请设置等级“{tier}”每月的拜访次数（各等级拜访次数）",
  },

  // SQL generation (named with the option at the command line, see cli.hint*).
  "sql.dialect": {
    en: 'the dialect must be one of {dialects} (got "{got}")',
    zh: "SQL 方言必须是 {dialects} 之一（实际为“{got}”）",
  },
  "sql.noTable": { en: "name the table to grade", zh: "请指定要分级的表" },
  "sql.input": {
    en: 'input must be orders or customers (got "{got}")',
    zh: "输入必须是 orders 或 customers（实际为“{got}”）",
  },
  "sql.perRowInOrders": {
    en: "this policy reads {column} on each row, which an orders table only has per purchase: grade a customer table",
    zh: "该政策按行读取 {column}，而订单表只有每笔消费的数据：请对客户表分级",
  },
  "sql.ordersRole": {
    en: 'from an orders table the SQL knows {roles} per customer, not "{key}": grade a customer table instead',
    zh: "从订单表中，SQL 只能得到每位客户的 {roles}，无法得到“{key}”：请改为对客户表分级",
  },
  "sql.abcMonthsOrders": {
    en: "ABC on monthly averages needs a customer table with one column a month",
    zh: "按月均分 ABC 需要每月一列的客户表",
  },
  "sql.abcMonths": {
    en: "ABC on the average of the last {months} months needs {months} monthly columns; got {found}",
    zh: "按近 {months} 个月月均分 ABC 需要 {months} 个月度列，实际 {found} 个",
  },

  // The command line: its options, and what it prints.
  "cli.hintMapRoles": {
    en: "--map takes ROLE=HEADER with ROLE one of {roles}",
    zh: "--map 的写法为 字段=表头，字段为 {roles} 之一",
  },
  "cli.hintMapHeaders": {
    en: "--map takes ROLE=HEADER with HEADER one of {columns}, or a column letter",
    zh: "--map 的写法为 字段=表头，表头为 {columns} 之一，或列字母",
  },
  "cli.hintMonths": {
    en: "name the month columns with --months COL,COL,…",
    zh: "请用 --months 列,列,… 指定月度列",
  },
  "cli.hintCustomers": {
    en: "grade a customer table with --input customers",
    zh: "可用 --input customers 对客户表分级",
  },
  "cli.mapPair": {
    en: '--map takes ROLE={what} (got "{got}")',
    zh: "--map 的写法为 字段={what}（收到“{got}”）",
  },
  "cli.cannotOpen": { en: 'cannot open "{file}": {detail}', zh: "无法打开“{file}”：{detail}" },
  "cli.noSheet": {
    en: 'there is no sheet "{sheet}" in {file} (sheets: {sheets})',
    zh: "{file} 中没有工作表「{sheet}」（现有工作表：{sheets}）",
  },
  "cli.planMonth": {
    en: "plan needs the month: --month YYYY-MM, e.g. --month 2025-10",
    zh: "plan 需要指定月份：--month YYYY-MM，如 --month 2025-10",
  },
  "cli.badMonth": {
    en: '--month must be YYYY-MM, e.g. 2025-10 (got "{got}")',
    zh: "--month 必须写成 YYYY-MM，如 2025-10（收到“{got}”）",
  },
  "cli.badDays": {
    en: '--days must be mon-fri or mon-sat (got "{got}")',
    zh: "--days 必须是 mon-fri 或 mon-sat（收到“{got}”）",
  },
  "cli.badCapacity": {
    en: '--capacity must be a whole number of visits a day, at least 1 (got "{got}")',
    zh: "--capacity 必须是不小于 1 的整数，即每天的拜访次数（收到“{got}”）",
  },
  "cli.badVisits": {
    en: '--visits takes TIER=N with N a whole number 0..31 (got "{got}")',
    zh: "--visits 的写法为 等级=N，N 为 0 到 31 的整数（收到“{got}”）",
  },
  "cli.unknownVisitsTier": {
    en: '--visits {pair}: there is no tier "{tier}" (tiers: {tiers})',
    zh: "--visits {pair}：没有等级“{tier}”（现有等级：{tiers}）",
  },
  "cli.cannotOpenHolidays": {
    en: 'cannot open the holidays file "{file}"',
    zh: "无法打开节假日文件“{file}”",
  },
  "cli.holidayNotDate": {
    en: '{file}, line {line}: "{value}" is not a date: write one YYYY-MM-DD a line',
    zh: "{file} 第 {line} 行：“{value}”不是日期：请每行写一个 YYYY-MM-DD",
  },
  "cli.historyTwoFiles": {
    en: "history takes two files, the current evaluation then the previous one (got {got})\n{usage}",
    zh: "history 需要两个文件，先本期评估，再上期评估（收到 {got} 个）\n{usage}",
  },
  "cli.historyOnePolicy": {
    en: "give at most one of --preset, --rules and --order",
    zh: "--preset、--rules 和 --order 最多只能指定一个",
  },
  "cli.evaluationColumns": {
    en: "{file}: needs a customer_id and a tier column (a tier grade output or a snapshot); it has {headers}",
    zh: "{file}：需要 customer_id 列和 tier 列（tier grade 的输出或快照），现有列为 {headers}",
  },
  "cli.sqlNoFile": {
    en: 'sql reads no file (got "{got}"): name the table with --table',
    zh: "sql 不读取文件（收到“{got}”）：请用 --table 指定表名",
  },
  "cli.badDialect": {
    en: '--dialect must be one of {dialects}⟦got| (got "{got}")⟧',
    zh: "--dialect 必须是 {dialects} 之一⟦got|（收到“{got}”）⟧",
  },
  "cli.needTable": {
    en: "--table NAME is required: the table (or view) holding the orders or customers",
    zh: "必须指定 --table 表名：存放订单或客户的表（或视图）",
  },
  "cli.planSummary": {
    en: "{month}: {days} working days, {visits} visits⟦ungraded|; {ungraded} customers without a tier are not planned⟧",
    zh: "{month}：{days} 个工作日，{visits} 次拜访⟦ungraded|；{ungraded} 位未分级客户不做安排⟧",
  },
  "cli.planTier": {
    en: "{customers} customers × {perMonth} = {visits} visits",
    zh: "{customers} 位客户 × {perMonth} = {visits} 次拜访",
  },
  "cli.planPriority": {
    en: "priority ({tier}) covered: {covered} of {customers} ({share} %)",
    zh: "重点等级（{tier}）覆盖：{customers} 位中的 {covered} 位（{share}%）",
  },
  "cli.planCapped": {
    en: "{n} customers asked for more visits than working days: one a day",
    zh: "{n} 位客户的拜访次数多于工作日数：每天安排一次",
  },
  "cli.planManager": {
    en: "{visits} visits; busiest {busiest} ({busiestVisits}), quietest {quietest} ({quietestVisits})",
    zh: "{visits} 次拜访；最忙 {busiest}（{busiestVisits} 次），最闲 {quietest}（{quietestVisits} 次）",
  },
  "cli.noManager": { en: "(no manager)", zh: "（无客户经理）" },
  "cli.matrixCorner": { en: "from \\ to", zh: "原 \\ 新" },
  "cli.total": { en: "total", zh: "合计" },
  "cli.latestEvaluation": {
    en: "{file}: {count} evaluations, comparing the latest ({period})",
    zh: "{file}：含 {count} 次评估，比较最近一次（{period}）",
  },
  "cli.presetOrder": {
    en: "tier order of the {preset} preset, best first: {tiers} (use --preset or --order to say)",
    zh: "按预设政策 {preset} 的等级顺序（从高到低）：{tiers}（可用 --preset 或 --order 指定）",
  },
  "cli.demoJob": {
    en: "{file} — {preset} ({note}), as of {asOf}",
    zh: "{file} — {preset}（{note}），评估基准日 {asOf}",
  },
  "cli.demoCounts": {
    en: "{n} customers from {input}, {graded} graded, {problems} row problems",
    zh: "{n} 位客户（来自{input}），已分级 {graded} 位，{problems} 处数据问题",
  },
  "cli.demoTier": { en: "tier", zh: "等级" },
  "cli.demoCustomers": { en: "customers", zh: "客户数" },
  "cli.demoShare": { en: "share", zh: "占比" },
  "cli.demoOfSales": { en: "of sales", zh: "销售额占比" },
  "cli.demoQuarterly": {
    en: "quarterly re-evaluation of the store members (2025-09-30 → 2025-12-31)",
    zh: "门店会员的季度复评（2025-09-30 → 2025-12-31）",
  },
  "cli.demoSeededMembers": { en: "seeded store members", zh: "随机生成的门店会员" },
  "cli.demoReEvaluated": {
    en: "membership, re-evaluated 2025-09-30 → 2025-12-31",
    zh: "会员等级，2025-09-30 → 2025-12-31 复评",
  },
  "cli.demoNotifications": { en: "{n} notifications → {file}, sms.csv", zh: "{n} 条通知 → {file}、sms.csv" },
  "cli.demoNote.rfmOrders": {
    en: "R package rfm sample orders, scored as that package does",
    zh: "R 语言 rfm 包的示例订单，按该包的方法打分",
  },
  "cli.demoNote.rfm8": { en: "the same, eight classes", zh: "同上，分为八类" },
  "cli.demoNote.onlineRetail": {
    en: "UCI Online Retail invoices, ABC by share of sales",
    zh: "UCI Online Retail 发票，按销售额占比分 ABC",
  },
  "cli.demoNote.pyramid": { en: "the same, customer pyramid", zh: "同上，客户金字塔" },
  "cli.demoNote.tobacco": {
    en: "the tobacco retailers on their 6-month average, as the wholesaler grades them",
    zh: "烟草零售户按 6 个月月均分级，与批发商的做法一致",
  },
  "cli.demoNote.seeded": { en: "seeded sample", zh: "随机生成的示例" },

  // Orders: every customer in the sheet is accounted for.
  "orders.noReadableOrder": {
    en: "no readable order: rows {rows}⟦more| and {more} more⟧",
    zh: "没有可读取的订单：第 {rows} 行⟦more|（另有 {more} 行）⟧",
  },
  "orders.rowsLeftOut": {
    en: "graded on the readable orders; {n} row(s) left out: rows {rows}⟦more| and {more} more⟧",
    zh: "按可读取的订单分级，未计入 {n} 行：第 {rows} 行⟦more|（另有 {more} 行）⟧",
  },

  // Where Tier meets real Excel (issue 19).
  ...WORKBOOK_REASONS,
  ...LINES_REASONS,
  ...WORKER_REASONS,

  // Why this tier, and what moves the customer up (issue 17).
  ...NEXT_REASONS,

  // Potential (BG/NBD + Gamma-Gamma, src/engine/clv).
  "clv.badX": {
    en: "x is {x}: repeat purchases are a whole number, 0 or more",
    zh: "x 为 {x}：复购次数应为 0 或正整数",
  },
  "clv.badTx": {
    en: "t_x is {tx}: the last purchase is between 0 and T ({T})",
    zh: "t_x 为 {tx}：最近一次购买应在 0 与 T（{T}）之间",
  },
  "clv.zeroTx": {
    en: "t_x is 0 but x says the customer bought again",
    zh: "t_x 为 0，但 x 表明该客户有复购",
  },
  "clv.badSpend": {
    en: "average_spend: a repeat buyer needs a positive average spend",
    zh: "average_spend：有复购的客户需要正的平均消费额",
  },
  "cli.hintMapClv": {
    en: "name them with --map customer_id=HEADER --map date=HEADER",
    zh: "可用 --map customer_id=列名 --map date=列名 指定",
  },
  "clv.lengths": { en: "the columns have different lengths", zh: "各列长度不一致" },
  "clv.badSummary": {
    en: "customer {row}: x = {x}, t_x = {tx}, T = {T} is not a valid summary (x a whole number, 0 ≤ t_x ≤ T)",
    zh: "第{row}位客户：x = {x}、t_x = {tx}、T = {T} 不是有效的汇总（x 为整数，0 ≤ t_x ≤ T）",
  },
  "clv.tooFewRepeatBuyers": {
    en: "only {repeat} of {customers} customers bought again: the model needs repeat buyers to learn from",
    zh: "{customers} 位客户中只有 {repeat} 位再次购买：模型需要有复购的客户才能估计",
  },
  "clv.noConvergence": {
    en: "the {model} model could not be fitted to these data",
    zh: "{model} 模型无法拟合这些数据",
  },
  "clv.badHorizon": {
    en: "the horizon must be a positive number (got {horizon})",
    zh: "预测期必须是正数（现为 {horizon}）",
  },
  "clv.badUnit": {
    en: "the unit must be day, week or month (got {unit})",
    zh: "时间单位必须是 day、week 或 month（现为 {unit}）",
  },
  "clv.badDay": { en: "order {row} has no valid date", zh: "第{row}笔订单没有有效日期" },
  "clv.needsColumns": {
    en: "the orders need a customer id and a date column (columns: {columns}): choose them in the column list",
    zh: "订单需要客户编号列和日期列（现有列：{columns}）：请在列映射中选择",
  },
  "clv.noOrders": {
    en: "none of the {rows} rows is an order with a customer and a date",
    zh: "{rows} 行中没有一行是带客户和日期的订单",
  },
  "clv.noCustomer": { en: "no customer id", zh: "没有客户编号" },
  "clv.notDate": { en: "not a date: “{value}”", zh: "不是日期：“{value}”" },
  "clv.notAmount": { en: "not an amount: “{value}”", zh: "不是金额：“{value}”" },
  "clv.sameRates": {
    en: "the model does not fit well: it finds every customer buying at the same rate (r = {r}), as when customers buy on a schedule",
    zh: "模型拟合不佳：它认为所有客户购买频率相同（r = {r}），常见于按固定周期订货的客户",
  },
  "clv.noDropout": {
    en: "the model does not fit well: it finds no customer ever stops buying, so P(alive) says little here",
    zh: "模型拟合不佳：它认为没有客户会流失，这里的存活概率参考意义不大",
  },
  "clv.badDiscount": {
    en: "the discount rate must be a yearly rate above −100 % (got {discount})",
    zh: "折现率须为高于 −100% 的年利率（现为 {discount}）",
  },

  // Workbook files: reading, writing and the shape of the table (issue 12).
  ...FILE_REASONS,
  ...CLV_METHOD_REASONS,

  // The source presets (issue 14): windows, regular calls, manager load, coverage, eligibility.
  ...PRESET_REASONS,
  ...POLICY_REASONS,
  ...COLOUR_REASONS,
  ...STRATEGY_REASONS,

  // Holiday lists (src/engine/holidays.ts, holidays-cn.ts).
  "holidays.notADate": {
    en: '{source}, line {line}: "{text}" is not a date: write one YYYY-MM-DD a line',
    zh: "{source}，第 {line} 行：“{text}”不是日期，请每行写一个 YYYY-MM-DD",
  },
  "holidays.cannotOpen": {
    en: 'cannot open the holidays file "{source}"',
    zh: "无法打开节假日文件「{source}」",
  },
  "holidays.notCovered": {
    en: "China's public holidays for {year} are not in the calendar data (it covers {first} to {last}): only weekends are off; add that year's holidays to your own list of days off",
    zh: "日历数据中没有 {year} 年的法定节假日（数据覆盖 {first}—{last} 年）：只排除了周末，请把当年的节假日加入自己的休息日列表",
  },

  "cli.formulasNeedXlsx": {
    en: "--formulas writes a workbook: give --out FILE.xlsx",
    zh: "--formulas 输出工作簿：请用 --out 文件.xlsx 指定",
  },
  "formulas.noColumn": {
    en: "the live formulas need the column {column}, which this sheet does not have",
    zh: "公式版需要「{column}」列，本表没有这一列",
  },
  "formulas.noFormulaForm": {
    en: "the method {method} has no plain-formula form: its tiers are written as values",
    zh: "方法「{method}」没有普通公式写法：分级以数值写入",
  },
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
  return fillPlaceholders(
    wording[lang].replace(/⟦(\w+)\|([^⟧]*)⟧/g, (_, name: string, inner: string) =>
      shown(name) ? inner : "",
    ),
    params,
    (v) => paramText(v, lang),
  );
}

/** Whether `code` has a wording in both languages. */
export function hasReason(code: string): boolean {
  return code in CATALOGUE;
}

// Errors thrown by the engine read in English in logs, stack traces and tests.
setReasonDescriber(reasonText);
