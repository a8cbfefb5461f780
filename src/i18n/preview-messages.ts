/**
 * Pane messages of the graded table's preview (issue 13, item 6): the page shows the first rows of a
 * large result, not all of them. Kept apart from messages.ts so the branches that edit the catalogue
 * merge cleanly; spread into it once.
 */
import type { Locale } from "./locale";

const enUS = {
  "standalone.gradedShown":
    "Showing the first {shown} of {total} rows; the downloaded workbook has them all.",
} as const;

const zhCN: Record<keyof typeof enUS, string> = {
  "standalone.gradedShown": "显示前 {shown} 行，共 {total} 行；下载的工作簿包含全部行。",
};

export type PreviewKey = keyof typeof enUS;

export const PREVIEW_MESSAGES: Readonly<Record<Locale, Readonly<Record<PreviewKey, string>>>> = {
  "en-US": enUS,
  "zh-CN": zhCN,
};
