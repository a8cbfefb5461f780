import type { RuleSet } from "../../engine/ruleset";
import { benefitsSql, strategyColumn } from "../benefits";
import { dbl } from "../cuts";
import type { Query } from "../query";
import { formatDay, parseIsoDay } from "../../engine/dates";
import { TierError } from "../../engine/errors";
import { textColumns } from "../../engine/methods/rules";
import { windowDays } from "../../engine/window";

type Condition = Extract<RuleSet, { method: "rules" }>["rules"][number]["when"][number];

function conditionSql(q: Query, x: string, c: Condition): string {
  const d = q.d;
  // A number compares as a number; a text value compares with the cell's number written as JavaScript
  // writes it (5, not 5.0), as the engine compares text.
  const lit = (v: number | string) => (typeof v === "number" ? dbl(d, v) : d.str(v.trim()));
  const lhs = (v: number | string) => (typeof v === "number" ? x : q.jsText(x));
  const v = c.value;
  switch (c.op) {
    case "between": {
      const [lo, hi] = v as (number | string)[];
      return `${lhs(lo)} BETWEEN ${lit(lo)} AND ${lit(hi)}`;
    }
    case "in":
      return `(${(v as (number | string)[]).map((e) => `${lhs(e)} = ${lit(e)}`).join(" OR ")})`;
    default: {
      const s = v as number | string;
      return `${lhs(s)} ${c.op} ${lit(s)}`;
    }
  }
}

/**
 * A rule table in SQL (membership …): one CASE branch per rule in order, its conditions joined with
 * AND, first matching rule wins, else the default tier. Columns: each column a rule tests, `benefits`.
 *
 * @example rulesSql(q, preset("membership")) // "… WHEN \"amount\" >= 20000 AND … THEN 'diamond' … FROM ruled"
 */

export function rulesSql(q: Query, rs: Extract<RuleSet, { method: "rules" }>): string {
  // A category column (客户类型 in …) is compared as text by the engine; the SQL reads rule columns as
  // numbers, so it says so rather than write a query that lists every row as "not a number".
  const texts = textColumns(rs);
  if (texts.size) throw new TierError("sql.textRules", { columns: [...texts] });
  const d = q.d;
  const window = rs.window && rs.window.kind !== "all" ? rs.window : undefined;
  if (window) {
    if (!q.orders) throw new TierError("rules.windowNeedsOrders");
    q.windowFrom = formatDay(windowDays(window, parseIsoDay(q.options.asOf))[0]);
  }
  // A margin needs a profit or cost column per order, which the SQL form does not add up: said, not
  // guessed. Without one, a rule on margin holds for nobody, as in the engine.
  if (rs.margin && rs.rules.some((r) => r.when.some((c) => c.column === "margin")))
    throw new TierError("sql.marginUnsupported");
  const used = [...new Set(rs.rules.flatMap((r) => r.when.map((c) => c.column)))].filter(
    (c) => c !== "margin",
  );
  for (const c of used) q.value(c);
  q.prepare();
  const whens = rs.rules.map((r) => {
    const conds = r.when.map((c) => (c.column === "margin" ? "FALSE" : conditionSql(q, d.id(c.column), c)));
    return `WHEN ${conds.length ? conds.join(" AND ") : "TRUE"} THEN ${d.str(r.tier)}`;
  });
  const fallback = rs.default !== undefined ? ` ELSE ${d.str(rs.default)}` : "";
  q.ctes.push([
    "ruled",
    `SELECT prepared.*, CASE WHEN issue IS NULL THEN CASE\n      ${whens.join("\n      ")}${fallback} END END AS tier_key\n  FROM prepared`,
  ]);
  const tier = `CASE tier_key ${rs.tiers.map((t) => `WHEN ${d.str(t.key)} THEN ${q.name(t.name)}`).join(" ")} END`;
  const issue = `COALESCE(issue, CASE WHEN tier_key IS NULL THEN 'no rule matches and the policy has no default tier' END)`;
  return q.render(
    q.output(
      [
        ...used.map((c) => [c, q.r2(d.id(c))] as [string, string]),
        ["benefits", benefitsSql(q, rs.tiers, "tier_key")],
        ...strategyColumn(q, rs.tiers, "tier_key", (i) => d.str(rs.tiers[i].key)),
      ],
      tier,
      issue,
    ) + "\nFROM ruled",
  );
}
