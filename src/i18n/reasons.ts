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
