/**
 * Messages of the pane's next-step list (issue 17), in zh-CN and en-US with the same keys. Kept
 * apart from messages.ts as visits-history.ts is, until the lead merges the catalogues.
 */
import type { Locale, MessageParams } from "./locale";
import { fillPlaceholders } from "../engine/placeholders";

const enUS = {
  "next.title": "Next tier",
  "next.sort": "Order",
  "next.sortClosest": "Closest to the next tier first",
  "next.sortSheet": "Sheet order",
  "next.customer": "Customer",
  "next.tier": "Tier",
  "next.nextTier": "Next tier",
  "next.step": "Next step",
  "next.more": "{n} more customers in the results.",
  "next.reasonHint": "Hover a tier to see why the customer got it.",
};

export type NextPaneKey = keyof typeof enUS;

const zhCN: Record<NextPaneKey, string> = {
  "next.title": "下一等级",
  "next.sort": "排序",
  "next.sortClosest": "离升级最近的在前",
  "next.sortSheet": "按表格顺序",
  "next.customer": "客户",
  "next.tier": "等级",
  "next.nextTier": "下一等级",
  "next.step": "升级建议",
  "next.more": "另有 {n} 位客户见结果表。",
  "next.reasonHint": "将鼠标停在等级上可查看分级原因。",
};

export const NEXT_PANE_MESSAGES: Readonly<Record<Locale, Readonly<Record<NextPaneKey, string>>>> = {
  "en-US": enUS,
  "zh-CN": zhCN,
};

/** A translate function over this catalogue. */
export function nextPaneT(locale: Locale) {
  return (key: NextPaneKey, params: MessageParams = {}): string =>
    fillPlaceholders(NEXT_PANE_MESSAGES[locale][key], params);
}
