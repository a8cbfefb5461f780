import { benefitsOf } from "../engine/membership";
import type { Query } from "./query";

/**
 * The `benefits` column of the level and rule-table methods: a CASE over the tier key with each tier's
 * benefits as `benefitsOf` words them (a cumulative tier keeps the lower tiers' benefits), or NULL text
 * when no tier has any.
 *
 * @example benefitsSql(q, rs.tiers, "tier_key") // "CASE tier_key WHEN 'silver' THEN '…' END"
 */
export function benefitsSql(
  q: Query,
  tiers: readonly { key: string; benefits?: { zh: string[]; en: string[] }; cumulative?: boolean }[],
  keyExpr: string,
): string {
  const order = tiers.map((t) => ({
    tier: t.key,
    benefits: t.benefits?.[q.lang] ?? [],
    cumulative: !!t.cumulative,
  }));
  const whens = tiers
    .map((t) => [t.key, benefitsOf(order, t.key, q.lang)] as const)
    .filter(([, b]) => b !== "")
    .map(([k, b]) => `WHEN ${q.d.str(k)} THEN ${q.d.str(b)}`);
  return whens.length ? `CASE ${keyExpr} ${whens.join(" ")} END` : `CAST(NULL AS ${q.d.text})`;
}

/**
 * The `strategy` column (策略) of a method whose tiers carry strategies: a CASE over `expr` (the tier
 * key, or the level number) with each tier's strategies joined as the engine's edge joins them; no
 * column when no tier has any, as the engine writes none. `whenOf(i)` is the SQL value of tier i.
 *
 * @example strategyColumn(q, rs.tiers, "tier_key", (i) => d.str(rs.tiers[i].key)) // [["strategy", "CASE tier_key WHEN 'core' THEN '专属客户经理、…' END"]]
 */
export function strategyColumn(
  q: Query,
  tiers: readonly { strategies?: { zh: string[]; en: string[] } }[],
  expr: string,
  whenOf: (i: number) => string,
): [string, string][] {
  if (!tiers.some((t) => t.strategies)) return [];
  const sep = q.lang === "zh" ? "、" : ", ";
  const whens = tiers
    .map((t, i) => [whenOf(i), (t.strategies?.[q.lang] ?? []).join(sep)] as const)
    .filter(([, s]) => s !== "")
    .map(([w, s]) => `WHEN ${w} THEN ${q.d.str(s)}`);
  return [["strategy", whens.length ? `CASE ${expr} ${whens.join(" ")} END` : `CAST(NULL AS ${q.d.text})`]];
}
