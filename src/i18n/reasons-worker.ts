/**
 * Wording of grading off the page's thread (issue 13, item 6), merged into REASONS in reasons.ts.
 */
export const WORKER_REASONS = {
  "run.cancelled": {
    en: "grading was cancelled: nothing more was written",
    zh: "已取消分级：之后的内容没有写入",
  },
  "run.noWorkbook": {
    en: "no workbook is open",
    zh: "没有打开的工作簿",
  },
} as const;
