/**
 * Labels a graded result at the edge: the one place where tier keys become tier names and reasons
 * become sentences, for the command line, the pane and the workbook writers alike.
 */
import type { GradeResult, Lang, OutValue, PresentedResult } from "../engine/grade";
import { methodOf, type TierInfo } from "../engine/methods";
export { tierKeyOf } from "../engine/methods";
import type { Problem, Reason } from "../engine/reasons";
import { TierError } from "../engine/errors";
import { reasonText } from "./reasons";
import { nextStepText, whyText } from "./next-text";

/**
 * A tier's name in `lang` from its key; an unknown key is shown as it is.
 *
 * @example tierName(tiersOf(preset("membership")), "gold", "zh") // "金卡"
 */
export function tierName(tiers: readonly TierInfo[], key: string, lang: Lang): string {
  return tiers.find((t) => t.key === key)?.name[lang] ?? key;
}

/** A row problem as a sentence: "金额：不是数字：“abc”". */
export function problemText(p: Reason & { column?: string }, lang: Lang): string {
  const text = reasonText(p, lang);
  return p.column
    ? reasonText({ code: "row.inColumn", params: { column: p.column, reason: p } }, lang)
    : text;
}

function benefitsText(tier: TierInfo | undefined, lang: Lang): string | null {
  const list = tier?.benefits?.[lang] ?? [];
  return list.length ? list.join(lang === "zh" ? "、" : ", ") : null;
}

/**
 * A tier's strategies (策略) in `lang`, joined as benefits are, or null when it has none.
 *
 * @example strategiesText(tiersOf(preset("three-level"))[1], "zh") // "专属客户经理、定期回访、定期培训"
 */
export function strategiesText(tier: TierInfo | undefined, lang: Lang): string | null {
  const list = tier?.strategies?.[lang] ?? [];
  return list.length ? list.join(lang === "zh" ? "、" : ", ") : null;
}

/**
 * The result in `lang`: tier names for keys, benefits for the benefits column, sentences for reasons.
 *
 * @example presentResult(grade(table, preset("membership")), "zh").columns.tier[0] // "金卡"
 */
export function presentResult(result: GradeResult, lang: Lang): PresentedResult {
  const byKey = new Map(result.tiers.map((t) => [t.key, t]));
  const name = (v: OutValue): OutValue => (v === null ? null : (byKey.get(String(v))?.name[lang] ?? v));
  const keyColumns = methodOf(result.ruleSet).keyColumns ?? {};
  const columns: Record<string, OutValue[]> = { ...result.columns };
  columns.tier = result.columns.tier.map(name);
  for (const [col, as] of Object.entries(keyColumns)) {
    const src = result.columns[col];
    if (!src) continue;
    columns[col] = src.map((v) =>
      v === null ? null : as === "name" ? name(v) : benefitsText(byKey.get(String(v)), lang),
    );
  }
  if (result.columns.strategy)
    columns.strategy = result.columns.strategy.map((v) =>
      v === null ? null : strategiesText(byKey.get(String(v)), lang),
    );
  columns.issue = result.issues.map((r) => (r ? problemText(r, lang) : null));
  if (columns.note) columns.note = result.notes.map((r) => (r ? reasonText(r, lang) : null));
  // Reasons and next steps (issue 17), when the result carries them.
  if (result.why) columns.reason = result.why.map((r) => (r ? whyText(r, result.tiers, lang) : null));
  if (result.next && columns.next_tier) columns.next_tier = columns.next_tier.map(name);
  if (result.next)
    columns.next_step = result.next.map((s) => (s ? nextStepText(s, result.tiers, lang) : null));
  return {
    ...result,
    lang,
    columns,
    tierKeys: result.columns.tier.map((v) => (v === null ? null : String(v))),
    summary: result.summary.map((s) => {
      const strategy = strategiesText(byKey.get(s.tier), lang);
      return { ...s, tier: tierName(result.tiers, s.tier, lang), ...(strategy ? { strategy } : {}) };
    }),
    problemTexts: result.problems.map((p: Problem) => problemText(p, lang)),
    ...(result.warnings ? { warningTexts: result.warnings.map((w) => reasonText(w, lang)) } : {}),
  };
}

/**
 * What went wrong, as a sentence in `lang`: an engine error (a reason) worded by the catalogue,
 * anything else by its own message.
 *
 * @example errorText(new TierError("rules.notObject"), "zh") // "规则文件必须是一个含“method”的 JSON 对象"
 */
export function errorText(e: unknown, lang: Lang): string {
  if (e instanceof TierError) return reasonText(e, lang);
  return e instanceof Error ? e.message : String(e);
}
