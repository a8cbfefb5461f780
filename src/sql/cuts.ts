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
 * interpolate at the double (n-1)p with its float noise (5 × 0.6 = 3.0000000000000004), while the
 * engine snaps whole positions: with rfm-r's `x >= q + 1` that noise moves customers.
 *
 * The position is integer arithmetic: lo = ((n-1)k) DIV bins, and the fraction is zero exactly when
 * ((n-1)k) MOD bins = 0 (the engine's snap); otherwise it is the engine's own double, (n-1)·(k/bins) − lo
 * (`rfm`) or ((n-1)·k)/3 − lo (`tercile`), and q = v_lo + frac·(v_lo+1 − v_lo) as the engine writes it.
 * v_lo and v_lo+1 come from ONE ordered pass: `row_number() OVER (ORDER BY v)` over the one column,
 * folded to one row by `MAX(CASE WHEN i = lo THEN v END)`; nothing the size of the table is kept.
 */
export function cutCtes(d: SqlDialect, s: CutSpec): { ctes: [string, string][]; cut: string } {
  const ks = Array.from({ length: s.bins - 1 }, (_, i) => i + 1);
  const sorted = `${s.name}_sorted`;
  const stat = `${s.name}_stat`;
  const cut = `${s.name}_cut`;
  const lo = (k: number) => d.idiv(`(n - 1) * ${k}`, String(s.bins));
  const frac = (k: number) =>
    s.style === "rfm"
      ? `CAST(n - 1 AS ${d.double}) * ${dbl(d, k / s.bins)} - ${lo(k)}`
      : `CAST((n - 1) * ${k} AS ${d.double}) / 3 - ${lo(k)}`;
  const ctes: [string, string][] = [
    [
      sorted,
      `SELECT v, ROW_NUMBER() OVER (ORDER BY v) - 1 AS i, COUNT(*) OVER () AS n\n  FROM (SELECT ${s.value} AS v FROM ${s.from}) t`,
    ],
    [
      stat,
      `SELECT MAX(n) AS n,\n    ${ks
        .map(
          (k) =>
            `MAX(CASE WHEN i = ${lo(k)} THEN v END) AS a${k}, MAX(CASE WHEN i = ${lo(k)} + 1 THEN v END) AS b${k}`,
        )
        .join(",\n    ")}\n  FROM ${sorted}`,
    ],
    [
      cut,
      `SELECT ${ks
        .map(
          (k) =>
            `CASE WHEN ((n - 1) * ${k}) % ${s.bins} = 0 THEN a${k} ELSE a${k} + (${frac(k)}) * (b${k} - a${k}) END AS q${k}`,
        )
        .join(",\n    ")}\n  FROM ${stat}`,
    ],
  ];
  return { ctes, cut };
}
