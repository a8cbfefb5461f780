import { TierError } from "../../engine/errors";
import type { RuleSet } from "../../engine/ruleset";
import { dbl } from "../cuts";
import type { Query } from "../query";

/**
 * ABC classes in SQL: by share of sales (one ordered pass gives the two thresholds; the customer who
 * crosses 80 % is in A), by fixed amounts, or on the average of the last N monthly columns of a
 * customer table. Columns `amount, abc`.
 *
 * @example abcSql(q, preset("abc")) // "… WHEN amount > 0 AND amount >= t_a THEN 'A' … FROM classed"
 */
export function abcSql(q: Query, rs: Extract<RuleSet, { method: "abc" }>): string {
  const d = q.d;
  if (rs.months) {
    if (q.orders) throw new TierError("sql.abcMonthsOrders");
    const months = q.options.months ?? [];
    if (months.length < rs.months)
      throw new TierError("sql.abcMonths", { months: rs.months, found: months.length });
    const last = months.slice(-rs.months);
    // A blank month is 0; text that is not a number leaves the customer out.
    const parts = last.map((m, j) => {
      const t = q.rawText(`month${j + 1}`, d.id(m));
      q.check(
        `(${d.num(t)} IS NULL AND ${t} IS NOT NULL AND ${t} <> '')`,
        `${d.str(`${m}: not a number: `)} || '"' || ${t} || '"'`,
      );
      return `CASE WHEN ${t} IS NULL OR ${t} = '' THEN 0 ELSE ${d.num(t)} END`;
    });
    q.derived("amount", `(${parts.join(" + ")}) / ${rs.months}`);
  } else q.value("amount");
  q.prepare();
  const x = "amount";
  let cls: string;
  if (rs.basis.kind === "share") {
    // before(v) = sum of the values strictly greater than v / total: ties share it. It only grows as v
    // falls, so A is v >= tA with tA the least v whose before(v) < a (B likewise): one ordered pass over
    // the positive values gives both thresholds in one row, crossed back onto every customer.
    const w = `OVER (ORDER BY v DESC ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)`;
    q.ctes.push([
      "abc_before",
      `SELECT v, SUM(v) ${w} AS above, LAG(v) OVER (ORDER BY v DESC) AS prev\n  FROM (SELECT ${x} AS v FROM prepared WHERE issue IS NULL AND ${x} > 0) t`,
    ]);
    q.ctes.push(["abc_total", `SELECT SUM(${x}) AS total FROM prepared WHERE issue IS NULL AND ${x} > 0`]);
    // The first row of each run of equal values has the sum of every greater value above it.
    const first = "(prev IS NULL OR prev <> v)";
    const share = "COALESCE(above, 0) / total";
    q.ctes.push([
      "abc_cut",
      `SELECT MIN(CASE WHEN ${first} AND ${share} < ${dbl(d, rs.basis.a)} THEN v END) AS t_a,\n    MIN(CASE WHEN ${first} AND ${share} < ${dbl(d, rs.basis.b)} THEN v END) AS t_b\n  FROM abc_before CROSS JOIN abc_total`,
    ]);
    q.ctes.push([
      "classed",
      `SELECT prepared.*, CASE WHEN issue IS NULL THEN CASE\n      WHEN ${x} > 0 AND ${x} >= t_a THEN 'A'\n      WHEN ${x} > 0 AND ${x} >= t_b THEN 'B'\n      ELSE 'C' END END AS abc\n  FROM prepared CROSS JOIN abc_cut`,
    ]);
  } else {
    cls = `CASE WHEN issue IS NULL THEN CASE WHEN ${x} >= ${dbl(d, rs.basis.a)} THEN 'A' WHEN ${x} >= ${dbl(d, rs.basis.b)} THEN 'B' ELSE 'C' END END`;
    q.ctes.push(["classed", `SELECT prepared.*, ${cls} AS abc\n  FROM prepared`]);
  }
  const names = rs.tiers.map((t) => q.name(t.name));
  const tier = `CASE abc WHEN 'A' THEN ${names[0]} WHEN 'B' THEN ${names[1]} WHEN 'C' THEN ${names[2]} END`;
  return q.render(
    q.output(
      [
        ["amount", q.r2(x)],
        ["abc", "abc"],
      ],
      tier,
    ) + "\nFROM classed",
  );
}
