import type { RuleSet } from "../../engine/ruleset";
import { benefitsSql, strategyColumn } from "../benefits";
import { dbl } from "../cuts";
import type { Query } from "../query";

/**
 * Levels by threshold in SQL, like Excel's LOOKUP over a sorted threshold list: the highest tier whose
 * `min` the column reaches; below the lowest is a row problem. Columns: the column, `benefits`.
 *
 * @example levelSql(q, { method: "level", column: "points", tiers: [{ key: "gold", min: 1000, … }, …], … }) // "… WHEN \"points\" >= 1000 THEN 'gold' … FROM leveled"
 */
export function levelSql(q: Query, rs: Extract<RuleSet, { method: "level" }>): string {
  const d = q.d;
  const key = rs.column;
  const x = q.value(key);
  q.prepare();
  const pick = [...rs.tiers]
    .map((t, i) => ({ t, i }))
    .reverse()
    .map(({ t }) => `WHEN ${x} >= ${dbl(d, t.min)} THEN ${d.str(t.key)}`);
  q.ctes.push([
    "leveled",
    `SELECT prepared.*, CASE WHEN issue IS NULL THEN CASE ${pick.join(" ")} END END AS tier_key\n  FROM prepared`,
  ]);
  const tier = `CASE tier_key ${rs.tiers.map((t) => `WHEN ${d.str(t.key)} THEN ${q.name(t.name)}`).join(" ")} END`;
  const issue = `COALESCE(issue, CASE WHEN tier_key IS NULL THEN ${d.str(`${q.label(key)}: `)} || CAST(${x} AS ${d.text}) || ${d.str(` is below the lowest tier (${rs.tiers[0].min})`)} END)`;
  return q.render(
    q.output(
      [
        [key, `CASE WHEN issue IS NULL THEN ${q.r2(x)} END`],
        ["benefits", benefitsSql(q, rs.tiers, "tier_key")],
        ...strategyColumn(q, rs.tiers, "tier_key", (i) => d.str(rs.tiers[i].key)),
      ],
      tier,
      issue,
    ) + "\nFROM leveled",
  );
}
