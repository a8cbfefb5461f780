import type { RuleSet } from "../../engine/ruleset";
import { strategyColumn } from "../benefits";
import { dbl } from "../cuts";
import type { Query } from "../query";

/**
 * The customer pyramid in SQL: a customer's level counts the cut shares its `above` (the share of
 * amounts strictly greater, as Excel's COUNTIF(…,">"&x)/COUNT(…)) does not beat. Columns `amount, level`.
 *
 * @example pyramidSql(q, preset("pyramid")) // "… CASE level WHEN 1 THEN 'Top' WHEN 2 THEN … FROM leveled"
 */
export function pyramidSql(q: Query, rs: Extract<RuleSet, { method: "pyramid" }>): string {
  const d = q.d;
  q.value("amount");
  q.prepare();
  // above(x) = #{valid values strictly greater} / n, divided as doubles as Excel and the engine do. It
  // only grows as x falls, so above(x) < c is x >= t_c with t_c the least value whose above is < c:
  // one ordered pass over the amounts gives every t_c in one row, crossed back onto every customer.
  q.ctes.push([
    "ranked",
    `SELECT v, RANK() OVER (ORDER BY v DESC) - 1 AS greater, COUNT(*) OVER () AS n\n  FROM (SELECT amount AS v FROM prepared WHERE issue IS NULL) t`,
  ]);
  q.ctes.push([
    "pyramid_cut",
    `SELECT ${rs.cuts
      .map((c, k) => `MIN(CASE WHEN CAST(greater AS ${d.double}) / n < ${dbl(d, c)} THEN v END) AS t${k + 1}`)
      .join(",\n    ")}\n  FROM ranked`,
  ]);
  const terms = rs.cuts.map((c, k) => `CASE WHEN amount >= t${k + 1} THEN 0 ELSE 1 END`);
  q.ctes.push([
    "leveled",
    `SELECT prepared.*, CASE WHEN issue IS NULL THEN 1 + ${terms.join(" + ")} END AS level\n  FROM prepared CROSS JOIN pyramid_cut`,
  ]);
  const tier = `CASE level ${rs.tiers.map((t, i) => `WHEN ${i + 1} THEN ${q.name(t.name)}`).join(" ")} END`;
  return q.render(
    q.output(
      [
        ["amount", q.r2("amount")],
        ["level", "level"],
        ...strategyColumn(q, rs.tiers, "level", (i) => String(i + 1)),
      ],
      tier,
    ) + "\nFROM leveled",
  );
}
