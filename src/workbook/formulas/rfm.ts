/**
 * RFM as formulas (spec "RFM"). Per dimension a value column over the valid rows, then:
 * - `quantile`: cut points `PERCENTILE.INC(values, k/bins)` on the rules sheet, score `1+SUMPRODUCT(--(x>cuts))`;
 * - `rfm-r`: the same cut points, score `1+SUMPRODUCT(--(x>=cuts+1))` (the R package rfm 0.3.0);
 * - `fixed`: thresholds typed on the rules sheet, score `1+SUMPRODUCT(--(x>=thresholds))`.
 * R is reversed: `bins - SUMPRODUCT(…)` on the days. The segment is the first row of the segment table
 * whose ranges hold R, F and M: `INDEX(names, MATCH(1, (R>=rmin)*(R<=rmax)*…, 0))`, a one-cell array formula.
 */
import { OTHERS } from "../../engine/segments";
import { numberInput, validColumn, validValues } from "./inputs";
import type { MethodFormulas } from "./method";
import { num, type ColumnRef } from "./refs";

const DIMS = ["r", "f", "m"] as const;
const KEYS = { r: "recency_days", f: "frequency", m: "amount" } as const;

export const rfmFormulas: MethodFormulas<"rfm"> = (rs, b, env) => {
  const bins =
    typeof rs.rfm.bins === "number" ? { r: rs.rfm.bins, f: rs.rfm.bins, m: rs.rfm.bins } : rs.rfm.bins;
  const raw = DIMS.map((d) => numberInput(b, env, KEYS[d]));
  const valid = validColumn(b, env, raw);
  const score: ColumnRef[] = DIMS.map((d, j) => {
    const name = d.toUpperCase();
    let bounds: string;
    let cmp: string;
    if (rs.rfm.method === "fixed") {
      const t = rs.rfm.thresholds?.[d] ?? [];
      bounds = b.ruleRow(env.label("thresholds", { name }), [...t]).range;
      cmp = ">=";
    } else {
      const values = validValues(b, env, valid, raw[j], name);
      const probs = Array.from({ length: bins[d] - 1 }, (_, k) => (k + 1) / bins[d]);
      const p = b.ruleRow(env.label("percentiles", { name }), probs);
      bounds = b.ruleRow(
        env.label("cuts", { name }),
        p.cells.map((c) => ({ formula: `PERCENTILE.INC(${values.sheetRange},${c})` })),
      ).range;
      if (rs.rfm.method === "rfm-r") bounds = `${bounds}+1`;
      cmp = rs.rfm.method === "quantile" ? ">" : ">=";
    }
    const passed = (r: number) => `SUMPRODUCT(--(${raw[j].at(r)}${cmp}${bounds}))`;
    return b.column(env.label("score", { name }), (r) =>
      d === "r"
        ? `IF(${valid.at(r)}=1,${num(bins.r)}-${passed(r)},"")`
        : `IF(${valid.at(r)}=1,1+${passed(r)},"")`,
    );
  });
  const [R, F, M] = score;
  b.column(env.label("rfmCode"), (r) => `IF(${valid.at(r)}=1,${R.at(r)}&${F.at(r)}&${M.at(r)},"")`);
  const table = b.ruleTable(
    env.label("segmentTable"),
    rs.segments.map((s) => [
      env.lang === "zh" ? s.zh : s.name,
      s.r[0],
      s.r[1],
      s.f[0],
      s.f[1],
      s.m[0],
      s.m[1],
    ]),
  );
  const others = b.rule(env.label("others"), env.lang === "zh" ? OTHERS.zh : OTHERS.name);
  return b.column(
    env.label("tier"),
    (r) => {
      const within = [R, F, M]
        .map((x, j) => `(${x.at(r)}>=${table.col(1 + 2 * j)})*(${x.at(r)}<=${table.col(2 + 2 * j)})`)
        .join("*");
      return `IF(${valid.at(r)}=1,IFERROR(INDEX(${table.col(0)},MATCH(1,${within},0)),${others}),"")`;
    },
    { array: true },
  );
};
