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
