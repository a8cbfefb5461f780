import type { SqlDialect } from "./dialect";

/** A double literal that reads back as exactly the same double in every dialect. */
export function dbl(d: SqlDialect, x: number): string {
  if (Number.isInteger(x) && Math.abs(x) < 2 ** 53) return String(x);
  // A decimal literal such as 0.2 is DECIMAL in all three; text to double rounds correctly everywhere.
  return `CAST('${String(x)}' AS ${d.double})`;
}

export interface CutSpec {
  /** CTE name prefix, e.g. `r` gives `r_counts`, `r_pos`, `r_cut`. */
  name: string;
  /** The value, a column of `from`. */
  value: string;
  /** Rows that take part, e.g. `prepared WHERE issue IS NULL`. */
  from: string;
  bins: number;
  /**
   * How h = (n-1)p is worked out, as the engine does it to the last bit: `rfm` takes (n-1) * (k/bins)
   * and snaps whole numbers (quantile.ts), `tercile` takes ((n-1) * k) / 3 (grid.ts).
   */
  style: "rfm" | "tercile";
}

/**
 * PERCENTILE.INC cut points q_1..q_(bins-1) at k/bins as CTEs; the last one, `<name>_cut`, has one row
 * with columns q1.. . Written out instead of quantile_cont / percentile_cont / percentile because those
 * interpolate at (n-1)p with its float noise (5 × 0.6 = 3.0000000000000004), while the engine snaps
 * whole positions: with rfm-r's `x >= q + 1` that noise moves customers. Distinct values are counted
 * first, so days and order counts sort a few hundred rows, not one per customer.
 */
export function cutCtes(d: SqlDialect, s: CutSpec): { ctes: [string, string][]; cut: string } {
  const ks = Array.from({ length: s.bins - 1 }, (_, i) => i + 1);
  const counts = `${s.name}_counts`;
  const run = `${s.name}_run`;
  const pos = `${s.name}_pos`;
  const stat = `${s.name}_stat`;
  const cut = `${s.name}_cut`;
  const lo = (k: number) => `CAST(FLOOR(CAST((n - 1) * ${k} AS ${d.double}) / ${s.bins}) AS BIGINT)`;
  const frac = (k: number) =>
    s.style === "rfm"
      ? `CASE WHEN ((n - 1) * ${k}) % ${s.bins} = 0 THEN 0 ELSE CAST(n - 1 AS ${d.double}) * ${dbl(d, k / s.bins)} - lo${k} END`
      : `CAST((n - 1) * ${k} AS ${d.double}) / 3 - lo${k}`;
  // Order statistic i (0-based) is the value whose run of equal values covers i.
  const at = (i: string) =>
    `MAX(CASE WHEN ${run}.n_below <= ${i} AND ${i} < ${run}.n_upto THEN ${run}.v END)`;
  const ctes: [string, string][] = [
    [counts, `SELECT ${s.value} AS v, COUNT(*) AS c FROM ${s.from} GROUP BY ${s.value}`],
    [
      run,
      `SELECT v, SUM(c) OVER (ORDER BY v ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) - c AS n_below,\n` +
        `    SUM(c) OVER (ORDER BY v ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS n_upto\n  FROM ${counts}`,
    ],
    [
      pos,
      `SELECT n,\n    ${ks.map((k) => `lo${k}, ${frac(k)} AS frac${k}`).join(",\n    ")}\n  FROM (SELECT n,\n      ${ks
        .map((k) => `${lo(k)} AS lo${k}`)
        .join(",\n      ")}\n    FROM (SELECT CAST(COALESCE(SUM(c), 0) AS BIGINT) AS n FROM ${counts}) t) t`,
    ],
    [
      stat,
      `SELECT ${ks.map((k) => `${at(`${pos}.lo${k}`)} AS a${k}, ${at(`${pos}.lo${k} + 1`)} AS b${k}`).join(",\n    ")}\n  FROM ${run} CROSS JOIN ${pos}`,
    ],
    [
      cut,
      `SELECT ${ks.map((k) => `CASE WHEN frac${k} = 0 THEN a${k} ELSE a${k} + frac${k} * (b${k} - a${k}) END AS q${k}`).join(",\n    ")}\n  FROM ${stat} CROSS JOIN ${pos}`,
    ],
  ];
  return { ctes, cut };
}
