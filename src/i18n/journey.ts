/**
 * Messages of the journey fixes (issue 13): outside Office, the suggested policy, the columns a policy
 * needs, the as-of note, the plan's warnings. zh-CN and en-US with the same keys (a test compares
 * them); kept apart from messages.ts until the lead merges it into the main catalogue.
 */
import { useMemo } from "react";
import { useI18n } from "./index";
import type { Locale, MessageParams } from "./messages";
import { fillPlaceholders } from "../engine/placeholders";

const enUS = {
  "office.outside":
    "This page is the add-in's pane and works inside Excel only; to grade a file in the browser, open the standalone page.",
  "office.standaloneLink": "Open the standalone page",
  "suggest.title": "Suggested policy: {policy}",
  "suggest.why": "The sheet has every column it needs: {columns}.",
  "suggest.whyPartial": "The sheet has {found} of the {needed} columns it needs: {columns}.",
  "suggest.use": "Use it",
  "needs.title": "Columns this policy needs",
  "needs.found": "{role}: found in “{header}”",
  "needs.missing": "{role}: not found — choose its column above",
  "needs.optional": "(optional)",
  "asOf.fromData":
    "As-of date set to {date}, the last date in the data: today is more than 30 days later, and every customer would look lapsed.",
  "plan.noManager":
    "The sheet has no customer-manager column: all visits go to one unnamed manager. Map a manager column in step 1 to share them out.",
  "plan.overLoad":
    "{manager} has {customers} customers; the policy allows {max} per manager. Consider sharing them out.",
  "policy.change": "Choose another policy",
} as const;

export type JourneyKey = keyof typeof enUS;

const zhCN: Record<JourneyKey, string> = {
  "office.outside":
    "这个页面是加载项的任务窗格，只能在 Excel 中使用；要在浏览器中为文件分级，请打开独立页面。",
  "office.standaloneLink": "打开独立页面",
  "suggest.title": "推荐政策：{policy}",
  "suggest.why": "工作表具备它需要的全部列：{columns}。",
  "suggest.whyPartial": "它需要 {needed} 列，工作表有 {found} 列：{columns}。",
  "suggest.use": "使用该政策",
  "needs.title": "该政策需要的列",
  "needs.found": "{role}：已找到「{header}」",
  "needs.missing": "{role}：未找到，请在上方选择对应列",
  "needs.optional": "（可选）",
  "asOf.fromData":
    "截止日期已设为数据中的最后日期 {date}：今天比它晚 30 天以上，按今天计算每位客户都会显得已流失。",
  "plan.noManager":
    "工作表没有客户经理列：所有拜访都归到一位未指定的经理。请在第 1 步指定客户经理列以便分配。",
  "plan.overLoad":
    "{manager} 负责 {customers} 位客户，政策规定每位客户经理最多 {max} 位，建议分配给其他客户经理。",
  "policy.change": "更换政策",
};

export const JOURNEY_MESSAGES: Readonly<Record<Locale, Readonly<Record<JourneyKey, string>>>> = {
  "en-US": enUS,
  "zh-CN": zhCN,
};

export type JourneyT = (key: JourneyKey, params?: MessageParams) => string;

/** A translate function over this catalogue in `locale`. */
export function journeyT(locale: Locale): JourneyT {
  return (key, params = {}) => fillPlaceholders(JOURNEY_MESSAGES[locale][key], params);
}

/** This catalogue in the pane's current language. */
export function useJourneyT(): JourneyT {
  const { locale } = useI18n();
  return useMemo(() => journeyT(locale), [locale]);
}
