/**
 * The words of the change log's migration pictures (issue 15), in zh-CN and en-US kept in step: the
 * colour key under the matrix and the flow chart's title. They live in the workbook layer beside
 * `summary-text.ts`, which may not import `src/i18n` (eslint layers).
 */
import type { Lang } from "../engine/reasons";

const en = {
  flowTitle: "Tier flow: where last period's customers are now",
  key: "Colours: green up, red down, grey same, blue new, orange gone",
} as const;

export type MigrationTextKey = keyof typeof en;

const zh: Record<MigrationTextKey, string> = {
  flowTitle: "等级流向：上期各等级的客户本期在哪里",
  key: "颜色：绿色为升级，红色为降级，灰色为不变，蓝色为新增，橙色为移出",
};

export const MIGRATION_SHEET_TEXT: Readonly<Record<Lang, Readonly<Record<MigrationTextKey, string>>>> = {
  en,
  zh,
};

/**
 * A word of the change log's migration pictures in `lang`.
 *
 * @example migrationSheetText("zh", "flowTitle") // "等级流向：上期各等级的客户本期在哪里"
 */
export function migrationSheetText(lang: Lang, key: MigrationTextKey): string {
  return MIGRATION_SHEET_TEXT[lang][key];
}
