/**
 * Writes the target list (狙击手表) of a visit plan through a {@link WorkbookHost}: the priority
 * customers with their cell, planned visits and last visit, the same sheet in Excel and in a file.
 */
import type { Lang } from "../engine/grade";
import type { TargetRow } from "../engine/targets";
import type { CellOut, Progress, WorkbookHost } from "./host";

export const TARGET_SHEET = { zh: "狙击手表", en: "Target list" } as const;

const t = (lang: Lang, zh: string, en: string) => (lang === "zh" ? zh : en);

/**
 * The target list as rows: a header, then one row per priority customer; a last visit is a real date.
 *
 * @example targetRows(list, "zh")[0] // ["客户编号", "客户名称", "格子", "等级", "本月计划拜访", "最近拜访"]
 */
export function targetRows(list: readonly TargetRow[], lang: Lang): CellOut[][] {
  return [
    [
      t(lang, "客户编号", "Customer"),
      t(lang, "客户名称", "Name"),
      t(lang, "格子", "Cell"),
      t(lang, "等级", "Tier"),
      t(lang, "本月计划拜访", "Visits planned"),
      t(lang, "最近拜访", "Last visit"),
    ],
    ...list.map((r): CellOut[] => [
      r.id,
      r.name ?? "",
      r.cell ?? "",
      r.tier,
      r.planned,
      r.lastVisit === null ? null : { date: r.lastVisit },
    ]),
  ];
}

/** Writes the target list sheet; returns its name. */
export async function writeTargets(
  host: WorkbookHost,
  list: readonly TargetRow[],
  lang: Lang,
  onProgress?: Progress,
): Promise<string> {
  const name = TARGET_SHEET[lang];
  await host.writeSheet(
    {
      name,
      rows: targetRows(list, lang),
      formats: ["@", undefined, "@", undefined, "0", "yyyy-mm-dd"],
      widths: [14, 12, 8, 16, 14, 12],
      asTable: true,
    },
    onProgress,
  );
  return name;
}
