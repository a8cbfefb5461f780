/**
 * Words of the pane's re-evaluation pictures (issue 15): the coloured migration matrix and the tier
 * flow in the History step, in zh-CN and en-US with the same keys (a test compares them).
 * Placeholders are `{name}`. The change log sheet's words are in `src/workbook/migration-text.ts`.
 */
import type { Lang } from "../engine/grade";
import type { MessageParams } from "./locale";
import { fillPlaceholders } from "../engine/placeholders";

const en = {
  "migration.key": "Green: up; red: down; grey: same; blue: new; orange: gone.",
  "migration.matrixHint": "Rows: previous tier; columns: current tier.",
  "migration.cell": "{from} to {to}: {n} customers ({change})",
  "migration.flow": "Tier flow",
  "migration.flowHint": "A column per previous tier, split by the tier its customers are in now.",
  "migration.newCustomers": "New customers",
  "migration.goneCustomers": "Gone",
  "migration.noFlow": "No customer in either evaluation: nothing flows.",
} as const;

export type MigrationKey = keyof typeof en;

const zh: Record<MigrationKey, string> = {
  "migration.key": "绿色：升级；红色：降级；灰色：不变；蓝色：新增；橙色：移出。",
  "migration.matrixHint": "行：上期等级；列：本期等级。",
  "migration.cell": "{from} 到 {to}：{n} 位客户（{change}）",
  "migration.flow": "等级流向",
  "migration.flowHint": "每列是一个上期等级，按其客户本期所在等级分段。",
  "migration.newCustomers": "新增客户",
  "migration.goneCustomers": "移出",
  "migration.noFlow": "两期都没有客户：没有流向可画。",
};

export const MIGRATION_MESSAGES: Readonly<Record<Lang, Readonly<Record<MigrationKey, string>>>> = { en, zh };

/**
 * One message of the re-evaluation pictures in `lang`.
 *
 * @example migrationText("zh", "migration.now", { tier: "金卡" }) // "本期金卡"
 */
export function migrationText(lang: Lang, key: MigrationKey, params: MessageParams = {}): string {
  return fillPlaceholders(MIGRATION_MESSAGES[lang][key], params);
}
