import { RFM8_CLASSES } from "../../engine/rfm8";
import type { Query } from "../query";
import { rfmColumns } from "./rfm";

/**
 * RFM eight classes in SQL: R, F and M each H when strictly better than the mean of the valid
 * customers (`AVG`), else L, and the class named for the pattern. Columns as RFM, `rfm` being `HHL`.
 *
 * @example rfm8Sql(q) // "… WHEN r = 'H' AND f = 'H' AND m = 'H' THEN 'Important value' … FROM classed"
 */
export function rfm8Sql(q: Query): string {
  for (const k of ["recency_days", "frequency", "amount"]) q.value(k);
  q.prepare();
  q.ctes.push([
    "means",
    "SELECT AVG(recency_days) AS mean_r, AVG(frequency) AS mean_f, AVG(amount) AS mean_m\n  FROM prepared WHERE issue IS NULL",
  ]);
  const hl = (cond: string) => `CASE WHEN issue IS NULL THEN CASE WHEN ${cond} THEN 'H' ELSE 'L' END END`;
  q.ctes.push([
    "scored",
    `SELECT prepared.*,\n    ${hl("recency_days < mean_r")} AS r,\n    ${hl("frequency > mean_f")} AS f,\n    ${hl("amount > mean_m")} AS m\n  FROM prepared CROSS JOIN means`,
  ]);
  // RFM8_CLASSES order: M low adds 4, R low adds 2, F low adds 1.
  const cls = RFM8_CLASSES.map((c, i) => {
    const m = i & 4 ? "L" : "H";
    const r = i & 2 ? "L" : "H";
    const f = i & 1 ? "L" : "H";
    return `WHEN r = '${r}' AND f = '${f}' AND m = '${m}' THEN ${q.name(c)}`;
  });
  q.ctes.push(["classed", `SELECT scored.*, CASE ${cls.join("\n    ")} END AS segment\n  FROM scored`]);
  return q.render(q.output(rfmColumns(q, "r || f || m"), "segment") + "\nFROM classed");
}
