import { TierError, check } from "./errors";

/** One row of a segment table: inclusive score ranges [min, max] for R, F and M. */
export interface SegmentRule {
  name: string;
  zh: string;
  r: [number, number];
  f: [number, number];
  m: [number, number];
}

/** The default segment table of the grading spec; order matters (first match wins). */
export const DEFAULT_SEGMENTS: readonly SegmentRule[] = Object.freeze([
  { name: "Champions", zh: "冠军客户", r: [5, 5], f: [5, 5], m: [5, 5] },
  { name: "Potential Loyalist", zh: "潜力忠诚客户", r: [3, 5], f: [3, 5], m: [2, 5] },
  { name: "Loyal Customers", zh: "忠诚客户", r: [2, 4], f: [2, 4], m: [2, 4] },
  { name: "Promising", zh: "有潜力客户", r: [3, 4], f: [1, 3], m: [3, 5] },
  { name: "New Customers", zh: "新客户", r: [4, 5], f: [1, 3], m: [1, 5] },
  { name: "Can't Lose Them", zh: "不能失去的客户", r: [1, 2], f: [3, 4], m: [4, 5] },
  { name: "At Risk", zh: "流失风险客户", r: [1, 2], f: [2, 5], m: [4, 5] },
  { name: "Need Attention", zh: "需关注客户", r: [1, 3], f: [3, 5], m: [3, 5] },
  { name: "About To Sleep", zh: "即将沉睡客户", r: [2, 3], f: [1, 3], m: [1, 4] },
  { name: "Lost", zh: "已流失客户", r: [1, 1], f: [1, 5], m: [1, 5] },
] satisfies SegmentRule[]);

/** The segment of a customer that no row matches. */
export const OTHERS = { name: "Others", zh: "其他" } as const;

function checkTable(table: readonly SegmentRule[]): void {
  table.forEach((rule, i) => {
    const row = i + 1;
    check(typeof rule.name === "string" && rule.name.trim() !== "", "segments.noName", { row });
    for (const d of ["r", "f", "m"] as const) {
      const range = rule[d];
      check(
        Array.isArray(range) && range.length === 2 && Number.isFinite(range[0]) && Number.isFinite(range[1]),
        "segments.notNumbers",
        { row, d },
      );
      check(range[0] <= range[1], "segments.rangeOrder", { row, d });
    }
  });
}

/**
 * RFM segments by an ordered table of inclusive score ranges; the first matching rule wins.
 * Returns the rule index per customer, -1 for Others, -2 where a score is 0 (invalid customer).
 * @example segments([5, 1], [5, 1], [5, 1]) // Int16Array [0, 9] (Champions, Lost)
 */
export function segments(
  r: ArrayLike<number>,
  f: ArrayLike<number>,
  m: ArrayLike<number>,
  table: readonly SegmentRule[] = DEFAULT_SEGMENTS,
): Int16Array {
  const n = r.length;
  if (f.length !== n || m.length !== n) {
    throw new TierError("segments.rowCounts", { r: n, f: f.length, m: m.length });
  }
  checkTable(table);
  const rules = table.length;
  check(rules <= 32767, "segments.tooManyRows", { rows: rules, max: 32767 });
  // Flatten the ranges so the hot loop reads one typed array.
  const lim = new Float64Array(rules * 6);
  for (let k = 0; k < rules; k++) {
    const t = table[k];
    lim.set([t.r[0], t.r[1], t.f[0], t.f[1], t.m[0], t.m[1]], k * 6);
  }
  const out = new Int16Array(n);
  for (let i = 0; i < n; i++) {
    const ri = r[i];
    const fi = f[i];
    const mi = m[i];
    // NaN scores are invalid too: !(x > 0) covers both 0 and NaN.
    if (!(ri > 0 && fi > 0 && mi > 0)) {
      out[i] = -2;
      continue;
    }
    let s = -1;
    for (let k = 0, o = 0; k < rules; k++, o += 6) {
      if (
        ri >= lim[o] &&
        ri <= lim[o + 1] &&
        fi >= lim[o + 2] &&
        fi <= lim[o + 3] &&
        mi >= lim[o + 4] &&
        mi <= lim[o + 5]
      ) {
        s = k;
        break;
      }
    }
    out[i] = s;
  }
  return out;
}
