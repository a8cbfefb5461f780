/**
 * Messages of the live-formulas output choice (issue 18, docs/formulas.md): the choice in the evaluate
 * step of the pane and the standalone page, and what was written. zh-CN and en-US with the same keys
 * (test/live-choice.test.tsx compares them); kept apart from messages.ts until the lead merges it.
 */
import { useMemo } from "react";
import { useI18n } from "./index";
import type { Locale, MessageParams } from "./messages";
import { fillPlaceholders } from "../engine/placeholders";

const enUS = {
  "live.mode": "Write tiers as",
  "live.values": "Values",
  "live.formulas": "Live formulas",
  "live.hint":
    "Live formulas write the tier columns and the rules as plain Excel formulas, so the workbook keeps grading without the add-in when a sale or a threshold changes; a method without a formula form says so and writes values.",
  "live.noForm": "“{policy}” has no formula form: its tiers will be written as values.",
  "live.written":
    "Live formulas written: {formulas} formulas; the tiers are on “{sheet}”, the rules on “{rules}” (change a value there and every tier recalculates), the summary on “{summary}”.",
  "live.wroteValues": "“{policy}” has no formula form: its tiers were written as values.",
} as const;

export type LiveKey = keyof typeof enUS;

const zhCN: Record<LiveKey, string> = {
  "live.mode": "写入方式",
  "live.values": "数值",
  "live.formulas": "实时公式",
  "live.hint":
    "选择实时公式时，分级列和规则以普通 Excel 公式写入，销售额或阈值改动后，工作簿不装加载项也会重新分级；没有公式形式的方法会说明并写入数值。",
  "live.noForm": "「{policy}」没有公式形式：分级将以数值写入。",
  "live.written":
    "已写入实时公式：共 {formulas} 个公式；分级在「{sheet}」表，规则在「{rules}」表（修改其中的数值，所有分级随之重算），汇总在「{summary}」表。",
  "live.wroteValues": "「{policy}」没有公式形式：分级已以数值写入。",
};

export const LIVE_MESSAGES: Readonly<Record<Locale, Readonly<Record<LiveKey, string>>>> = {
  "en-US": enUS,
  "zh-CN": zhCN,
};

export type LiveT = (key: LiveKey, params?: MessageParams) => string;

/** A translate function over this catalogue in `locale`. */
export function liveT(locale: Locale): LiveT {
  return (key, params = {}) => fillPlaceholders(LIVE_MESSAGES[locale][key], params);
}

/** This catalogue in the pane's current language. */
export function useLiveT(): LiveT {
  const { locale } = useI18n();
  return useMemo(() => liveT(locale), [locale]);
}
