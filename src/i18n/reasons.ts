/**
 * The catalogue of reasons: every row problem, rules mistake and grading error the engine reports
 * as a code (`src/engine/reasons.ts`), worded in zh-CN and en-US. A test fails when a code used in
 * the sources lacks either language, or when the two languages name different placeholders.
 *
 * Wording: Chinese text uses full-width punctuation and no spaces around Chinese words; lists are
 * joined with 、 in Chinese and ", " in English; numbers are shown as given.
 */
import { setReasonDescriber } from "../engine/errors";
import type { Lang, Reason, ReasonParam } from "../engine/reasons";

interface Wording {
  readonly en: string;
  readonly zh: string;
}

export const REASONS = {
  // A code not in the catalogue (text from a library, a legacy message): shown as it is.
  "error.text": { en: "{text}", zh: "{text}" },
  // Potential (BG/NBD + Gamma-Gamma, src/engine/clv).
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
    en: "the orders need a customer id and a date column (columns: {columns}); name them with --map customer_id=HEADER --map date=HEADER",
    zh: "订单需要客户编号列和日期列（现有列：{columns}）；可用 --map customer_id=列名 --map date=列名 指定",
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
} as const satisfies Record<string, Wording>;

export type ReasonCode = keyof typeof REASONS;

const CATALOGUE: Readonly<Record<string, Wording>> = REASONS;

function paramText(value: ReasonParam, lang: Lang): string {
  if (Array.isArray(value)) return value.map((v) => String(v)).join(lang === "zh" ? "、" : ", ");
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
  return wording[lang].replace(/\{(\w+)\}/g, (m, name: string) =>
    name in params ? paramText(params[name], lang) : m,
  );
}

/** Whether `code` has a wording in both languages. */
export function hasReason(code: string): boolean {
  return code in CATALOGUE;
}

// Errors thrown by the engine read in English in logs, stack traces and tests.
setReasonDescriber((r) => reasonText(r, "en"));
