import { LIFECYCLE_STAGES } from "../../engine/lifecycle";
import type { RuleSet } from "../../engine/ruleset";
import type { Query } from "../query";

/**
 * The customer lifecycle in SQL: prospect, lost, at risk, new, loyal, regular, one-time from the first
 * and last purchase and the frequency, in the engine's first-match order. Columns `recency_days, frequency`.
 *
 * @example lifecycleSql(q, preset("lifecycle")) // "… WHEN recency_days > 365 THEN 'Lost' … FROM staged"
 */
export function lifecycleSql(q: Query, rs: Extract<RuleSet, { method: "lifecycle" }>): string {
  const w = rs.windows;
  // Blank values are allowed (a prospect has no purchase); unreadable ones are not.
  q.value("frequency", { optional: true });
  const f = "frequency";
  let last = "recency_days";
  if (!q.orders && q.options.map?.recency_days !== undefined) {
    // The recency column is shown, but the stage is worked out from the dates, as the engine does.
    q.value("recency_days", { check: false });
    last = q.value("last_days", { optional: true });
  } else q.value("recency_days", { optional: true });
  const first = q.value("tenure_days", { optional: true });
  q.prepare();
  const st = (i: number) => q.name(LIFECYCLE_STAGES[i].name);
  const firstOrLast = `COALESCE(${first}, CASE WHEN ${f} = 1 THEN ${last} END)`;
  const stage = `CASE WHEN issue IS NOT NULL THEN NULL
      WHEN ${f} = 0 OR (${f} IS NULL AND ${last} IS NULL) THEN ${st(0)}
      WHEN ${f} < 0 OR ${last} IS NULL OR ${first} < ${last} THEN NULL
      WHEN ${last} > ${w.lostDays} THEN ${st(1)}
      WHEN ${last} > ${w.atRiskDays} THEN ${st(2)}
      WHEN ${firstOrLast} IS NULL THEN NULL
      WHEN ${firstOrLast} <= ${w.newDays} THEN ${st(3)}
      WHEN ${f} IS NULL THEN NULL
      WHEN ${f} >= ${w.loyalFrequency} THEN ${st(4)}
      WHEN ${f} >= ${w.regularFrequency} THEN ${st(5)}
      ELSE ${st(6)} END`;
  q.ctes.push(["staged", `SELECT prepared.*, ${stage} AS stage\n  FROM prepared`]);
  const issue = `COALESCE(issue, CASE WHEN stage IS NULL THEN 'purchases without a readable first and last date' END)`;
  return q.render(
    q.output(
      [
        ["recency_days", q.r2("recency_days")],
        ["frequency", q.r2(f)],
      ],
      "stage",
      issue,
    ) + `\nFROM staged`,
  );
}
