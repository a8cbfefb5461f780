/**
 * The nine-grid as formulas (spec "Nine-grid"): each axis high / middle / low by fixed thresholds
 * (`IF(x>=high,3,IF(x>=low,2,1))`) or by terciles (`1+(x>q1)+(x>q2)`, `q = PERCENTILE.INC(values, 1/3 | 2/3)`),
 * the cell `MID("ABC",4-level X,1)&(4-level Y)`, its name and visits looked up in the cell table.
 */
import { TierError } from "../../engine/errors";
import { normaliseHeader } from "../../engine/headers";
import type { RuleSet } from "../../engine/ruleset";
import { numberInput, validColumn, validValues, type Env } from "./inputs";
import type { MethodFormulas } from "./method";
import type { ColumnRef, FormulaBuilder } from "./refs";

type Filter = NonNullable<Extract<RuleSet, { method: "grid" }>["eligibility"]>[number];

/**
 * 1 where the row is valid and no eligibility filter excludes it: `NOT(OR(AND(TRIM(等级)="三级", …), …))`,
 * text compared trimmed, a blank cell equal to nothing (so `<>` holds for it), as in the engine.
 */
function eligibleColumn(
  filters: readonly Filter[],
  b: FormulaBuilder,
  env: Env,
  valid: ColumnRef,
): ColumnRef {
  const refs = new Map<string, ColumnRef>();
  const ref = (column: string) => {
    const header = env.headers.find((h) => normaliseHeader(h) === normaliseHeader(column));
    if (header === undefined) throw new TierError("formulas.noColumn", { column });
    if (!refs.has(column)) refs.set(column, b.input(header)!);
    return refs.get(column)!;
  };
  const lit = (v: number | string) =>
    typeof v === "number" ? String(v) : `"${String(v).trim().replace(/"/g, '""')}"`;
  const test = (c: Filter["when"][number], r: number): string => {
    const cell = ref(c.column).at(r);
    const x = typeof (Array.isArray(c.value) ? c.value[0] : c.value) === "number" ? cell : `TRIM(${cell})`;
    switch (c.op) {
      case "in":
        return `OR(${(c.value as (number | string)[]).map((v) => `${x}=${lit(v)}`).join(",")})`;
      case "between": {
        const [lo, hi] = c.value as (number | string)[];
        return `AND(${x}>=${lit(lo)},${x}<=${lit(hi)})`;
      }
      default:
        return `${x}${c.op}${lit(c.value as number | string)}`;
    }
  };
  return b.column(env.label("eligible"), (r) => {
    const hits = filters.map((f) => `AND(${f.when.map((c) => test(c, r)).join(",")})`);
    return `IF(AND(${valid.at(r)}=1,NOT(OR(${hits.join(",")}))),1,0)`;
  });
}

export const gridFormulas: MethodFormulas<"grid"> = (rs, b, env) => {
  const x = numberInput(b, env, rs.x.role);
  const y = numberInput(b, env, rs.y.role);
  const valid = rs.eligibility
    ? eligibleColumn(rs.eligibility, b, env, validColumn(b, env, [x, y]))
    : validColumn(b, env, [x, y]);
  const level = (axis: "x" | "y", raw: ColumnRef): ColumnRef => {
    const spec = rs[axis];
    const name = spec.name[env.lang];
    let f: (r: number) => string;
    if (spec.cut.method === "fixed") {
      const [low, high] = b.ruleRow(env.label("gridCuts", { name }), [spec.cut.low, spec.cut.high]).cells;
      f = (r) => `IF(${raw.at(r)}>=${high},3,IF(${raw.at(r)}>=${low},2,1))`;
    } else {
      const values = validValues(b, env, valid, raw, name);
      const p = b.ruleRow(env.label("percentiles", { name }), [1 / 3, 2 / 3]).cells;
      const [q1, q2] = b.ruleRow(
        env.label("cuts", { name }),
        p.map((c) => ({ formula: `PERCENTILE.INC(${values.sheetRange},${c})` })),
      ).cells;
      f = (r) => `1+(${raw.at(r)}>${q1})+(${raw.at(r)}>${q2})`;
    }
    return b.column(env.label("score", { name }), (r) => `IF(${valid.at(r)}=1,${f(r)},"")`);
  };
  const lx = level("x", x);
  const ly = level("y", y);
  const table = b.ruleTable(
    `${env.label("gridCells")} / ${env.label("gridNames")} / ${env.label("gridVisits")}`,
    rs.cells.map((c) => [c.cell, c.name[env.lang], c.visits]),
  );
  const cell = b.column(
    env.label("cell"),
    (r) => `IF(${valid.at(r)}=1,MID("ABC",4-${lx.at(r)},1)&(4-${ly.at(r)}),"")`,
  );
  b.column(
    env.label("visits"),
    (r) => `IF(${valid.at(r)}=1,INDEX(${table.col(2)},MATCH(${cell.at(r)},${table.col(0)},0)),"")`,
  );
  return b.column(
    env.label("tier"),
    (r) => `IF(${valid.at(r)}=1,INDEX(${table.col(1)},MATCH(${cell.at(r)},${table.col(0)},0)),"")`,
  );
};
