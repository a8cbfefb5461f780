import { GRID_CELLS } from "../../engine/grid";
import type { RuleSet } from "../../engine/ruleset";
import { cutCtes, dbl } from "../cuts";
import type { Query } from "../query";

type Filter = NonNullable<Extract<RuleSet, { method: "grid" }>["eligibility"]>[number];

/**
 * Eligibility filters as a check before the cut points: a row matching every condition of a filter
 * gets an issue (so it is in no tercile), a blank cell equal to nothing, as in the engine.
 */
function eligibilitySql(q: Query, filters: readonly Filter[]): void {
  const d = q.d;
  const texts = new Map<string, string>();
  const text = (column: string) => {
    if (!texts.has(column)) texts.set(column, q.rawText(`eligible${texts.size + 1}`, d.id(column)));
    return `COALESCE(${texts.get(column)!}, '')`;
  };
  const lit = (v: number | string) => (typeof v === "number" ? dbl(d, v) : d.str(String(v).trim()));
  const test = (c: Filter["when"][number]): string => {
    const t = text(c.column);
    const num = typeof (Array.isArray(c.value) ? c.value[0] : c.value) === "number";
    const x = num ? d.num(t) : t;
    switch (c.op) {
      case "in":
        return `${x} IN (${(c.value as (number | string)[]).map(lit).join(", ")})`;
      case "between": {
        const [lo, hi] = c.value as (number | string)[];
        return `${x} BETWEEN ${lit(lo)} AND ${lit(hi)}`;
      }
      case "<>":
        return `${x} <> ${lit(c.value as number | string)}`;
      default:
        return `${x} ${c.op} ${lit(c.value as number | string)}`;
    }
  };
  const hits = filters.map((f) => `(${f.when.map(test).join(" AND ")})`);
  q.check(
    `(${hits.join(" OR ")})`,
    `CASE ${filters.map((f, k) => `WHEN ${hits[k]} THEN ${d.str(`not counted (eligibility): ${f.name.en}`)}`).join(" ")} END`,
  );
}

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
  if (rs.eligibility) eligibilitySql(q, rs.eligibility);
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
