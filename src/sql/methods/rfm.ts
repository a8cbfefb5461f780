import { TierError } from "../../engine/errors";
import type { RuleSet } from "../../engine/ruleset";
import { OTHERS } from "../../engine/segments";
import { cutCtes, dbl } from "../cuts";
import type { Query } from "../query";

function bins(rs: Extract<RuleSet, { method: "rfm" }>, dim: "r" | "f" | "m"): number {
  return typeof rs.rfm.bins === "number" ? rs.rfm.bins : rs.rfm.bins[dim];
}

/**
 * RFM in SQL (quantile, rfm-r or fixed thresholds): R, F and M scored 1..bins on PERCENTILE.INC cut
 * points from one ordered pass each (`cutCtes`), R reversed, then the segment table in order, first
 * match wins, else Others. Columns `recency_days, frequency, amount, r, f, m, rfm, segment`.
 *
 * @example rfmSql(q, preset("rfm")) // "… CASE WHEN r IS NULL THEN NULL WHEN r BETWEEN 5 AND 5 … FROM segmented"
 */
export function rfmSql(q: Query, rs: Extract<RuleSet, { method: "rfm" }>): string {
  const d = q.d;
  const keys = { r: "recency_days", f: "frequency", m: "amount" } as const;
  for (const k of Object.values(keys)) q.value(k);
  q.prepare();
  const joins: string[] = [];
  const score = (dim: "r" | "f" | "m"): string => {
    const b = bins(rs, dim);
    const x = d.id(keys[dim]);
    const terms: string[] = [];
    if (rs.rfm.method === "fixed") {
      const t = rs.rfm.thresholds?.[dim];
      if (!t || t.length !== b - 1 || t.some((v, i) => i > 0 && v <= t[i - 1]))
        throw new TierError("rfm.thresholds", { dim: dim.toUpperCase(), count: b - 1, bins: b });
      for (const v of t) terms.push(`CASE WHEN ${x} >= ${dbl(d, v)} THEN 1 ELSE 0 END`);
    } else {
      const { ctes, cut } = cutCtes(d, {
        name: dim,
        value: x,
        from: "prepared WHERE issue IS NULL",
        bins: b,
        style: "rfm",
      });
      q.ctes.push(...ctes);
      joins.push(cut);
      for (let k = 1; k < b; k++)
        terms.push(
          rs.rfm.method === "quantile"
            ? `CASE WHEN ${x} > ${cut}.q${k} THEN 1 ELSE 0 END`
            : `CASE WHEN ${x} >= ${cut}.q${k} + 1 THEN 1 ELSE 0 END`,
        );
    }
    const bin = `1 + ${terms.join(" + ")}`;
    return `CASE WHEN issue IS NULL THEN ${dim === "r" ? `${b + 1} - (${bin})` : bin} END`;
  };
  q.ctes.push([
    "scored",
    `SELECT prepared.*,\n    ${score("r")} AS r,\n    ${score("f")} AS f,\n    ${score("m")} AS m\n  FROM prepared${joins.map((j) => ` CROSS JOIN ${j}`).join("")}`,
  ]);
  const seg = rs.segments.map(
    (s) =>
      `WHEN r BETWEEN ${s.r[0]} AND ${s.r[1]} AND f BETWEEN ${s.f[0]} AND ${s.f[1]} AND m BETWEEN ${s.m[0]} AND ${s.m[1]} THEN ${d.str(q.lang === "zh" ? s.zh : s.name)}`,
  );
  const segment = `CASE WHEN r IS NULL THEN NULL\n    ${seg.join("\n    ")}\n    ELSE ${q.name({ zh: OTHERS.zh, en: OTHERS.name })} END`;
  q.ctes.push(["segmented", `SELECT scored.*, ${segment} AS segment\n  FROM scored`]);
  const t = d.text;
  return q.render(
    q.output(rfmColumns(q, `CAST(r AS ${t}) || CAST(f AS ${t}) || CAST(m AS ${t})`), "segment") +
      "\nFROM segmented",
  );
}

/**
 * The output columns of the RFM methods (rfm and rfm8), the same in both: the inputs, r, f, m, the code
 * `rfm` and the segment; only the expression for the code differs.
 *
 * @example rfmColumns(q, "r || f || m").map(([key]) => key) // ["recency_days", "frequency", "amount", "r", "f", "m", "rfm", "segment"]
 */
export function rfmColumns(q: Query, rfm: string): [string, string][] {
  return [
    ["recency_days", q.r2("recency_days")],
    ["frequency", q.r2("frequency")],
    ["amount", q.r2("amount")],
    ["r", "r"],
    ["f", "f"],
    ["m", "m"],
    ["rfm", rfm],
    ["segment", "segment"],
  ];
}
