import { GRID_CELLS } from "../../engine/grid";
import type { RuleSet } from "../../engine/ruleset";
import { cutCtes, dbl } from "../cuts";
import type { Query } from "../query";

/**
 * The nine-grid in SQL: X and Y each cut into three levels (fixed low/high or terciles by
 * PERCENTILE.INC), the cell named A..C for X and 1..3 for Y (high first), with its tier and visits.
 * Columns: the X and Y columns, `cell, visits`.
 *
 * @example gridSql(q, GRID_PRESET) // "… CASE cell WHEN 'A1' THEN 'Key account: maintain' … FROM celled"
 */
export function gridSql(q: Query, rs: Extract<RuleSet, { method: "grid" }>): string {
  const d = q.d;
  const xk = rs.x.role;
  const yk = rs.y.role;
  const x = q.value(xk);
  const y = q.value(yk);
  q.prepare();
  const joins: string[] = [];
  const level = (axis: "x" | "y", v: string): string => {
    const cut = rs[axis].cut;
    if (cut.method === "fixed")
      return `CASE WHEN ${v} >= ${dbl(d, cut.high)} THEN 3 WHEN ${v} >= ${dbl(d, cut.low)} THEN 2 ELSE 1 END`;
    const c = cutCtes(d, {
      name: axis,
      value: v,
      from: "prepared WHERE issue IS NULL",
      bins: 3,
      style: "tercile",
    });
    q.ctes.push(...c.ctes);
    joins.push(c.cut);
    return `1 + CASE WHEN ${v} > ${c.cut}.q1 THEN 1 ELSE 0 END + CASE WHEN ${v} > ${c.cut}.q2 THEN 1 ELSE 0 END`;
  };
  const lx = level("x", x);
  const ly = level("y", y);
  const t = d.text;
  q.ctes.push([
    "celled",
    `SELECT prepared.*, CASE WHEN issue IS NULL THEN\n      CASE ${lx} WHEN 3 THEN 'A' WHEN 2 THEN 'B' ELSE 'C' END || CAST(4 - (${ly}) AS ${t}) END AS cell\n  FROM prepared${joins.map((j) => ` CROSS JOIN ${j}`).join("")}`,
  ]);
  const byCell = new Map(rs.cells.map((c) => [c.cell, c]));
  const tier = `CASE cell ${GRID_CELLS.map((c) => `WHEN '${c}' THEN ${q.name(byCell.get(c)!.name)}`).join(" ")} END`;
  const visits = `CASE cell ${GRID_CELLS.map((c) => `WHEN '${c}' THEN ${byCell.get(c)!.visits}`).join(" ")} END`;
  return q.render(
    q.output(
      [
        [xk, `CASE WHEN issue IS NULL THEN ${q.r2(x)} END`],
        [yk, `CASE WHEN issue IS NULL THEN ${q.r2(y)} END`],
        ["cell", "cell"],
        ["visits", visits],
      ],
      tier,
    ) + "\nFROM celled",
  );
}
