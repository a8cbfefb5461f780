/** Reasons and next steps of the `rfm` method: scores against this run's cut points, then segments. */
import { rfm as rfmScores } from "../rfm";
import { OTHERS_KEY, type RfmRules } from "../methods/rfm";
import { segments } from "../segments";
import type { MethodDef, MethodInput, MethodRun } from "../methods/types";
import type { Reason } from "../reasons";
import { atLeast, atMost, searchNext, type Candidate } from "./search";

type Parts = Pick<MethodDef<RfmRules>, "explain" | "next" | "regrade">;

const ROLES = ["recency_days", "frequency", "amount"] as const;

interface Frozen {
  values: Float64Array[];
  /** Lower bounds per dimension (r, f, m), ascending, as rfm.ts `score` reads them. */
  bounds: Float64Array[];
  strict: boolean;
}

/** This run's bounds: the cut points for quantiles, one above them for rfm-r, the thresholds when fixed. */
function freeze(input: MethodInput, rs: RfmRules, run: MethodRun): Frozen {
  const values = ROLES.map((k) => Float64Array.from(input.numeric(k)));
  for (let i = 0; i < input.n; i++) if (run.tier[i] === null) for (const v of values) v[i] = NaN;
  const res = rfmScores(values[0], values[1], values[2], {
    bins: rs.rfm.bins,
    method: rs.rfm.method,
    thresholds: rs.rfm.thresholds,
  });
  const plusOne = rs.rfm.method === "rfm-r";
  const bounds = [res.cuts.r, res.cuts.f, res.cuts.m].map((c) => (plusOne ? c.map((q) => q + 1) : c));
  return { values, bounds, strict: rs.rfm.method === "quantile" };
}

/** 1 + the bounds passed (x > b when strict, x ≥ b otherwise); recency reversed: the same rule as rfm.ts. */
function scoreOf(x: number, bounds: Float64Array, strict: boolean, reverse: boolean): number {
  let c = 0;
  while (c < bounds.length && (strict ? x > bounds[c] : x >= bounds[c])) c++;
  return reverse ? bounds.length + 1 - c : 1 + c;
}

const round = (a: Float64Array): number[] => Array.from(a, (x) => Math.round(x * 100) / 100);

/**
 * R, F and M with their values and this run's cut points ("R 4、F 3、M 5；本次分界 …"); the next step
 * moves one of recency, frequency or amount across a cut so the segment table gives a better segment.
 * Quantile cut points come from this run, so those steps are estimates.
 *
 * @example rfmNext.next!(input, preset("rfm"), run)[0] // { tier: "loyal", role: "frequency", from: 2, to: 3, estimate: true }
 */
export const rfmNext: Parts = {
  explain(input, rs, run) {
    const fz = freeze(input, rs, run);
    return run.tier.map((t, i): Reason | null => {
      if (t === null) return null;
      const [r, f, m] = fz.values.map((v, d) => scoreOf(v[i], fz.bounds[d], fz.strict, d === 0));
      return {
        code: "why.rfm",
        params: {
          r,
          f,
          m,
          recency: fz.values[0][i],
          frequency: fz.values[1][i],
          amount: fz.values[2][i],
          rCuts: round(fz.bounds[0]),
          fCuts: round(fz.bounds[1]),
          mCuts: round(fz.bounds[2]),
          tier: t,
        },
      };
    });
  },
  regrade(input, rs, run) {
    const fz = freeze(input, rs, run);
    const table = rs.segments.map((s) => ({ ...s }));
    // Scores are 1..9 each: the segment of every R, F, M combination is looked up once.
    const seen = new Map<number, string | null>();
    return (i, changes) => {
      const x = ROLES.map((k, d) => changes[k] ?? fz.values[d][i]);
      if (x.some((v) => Number.isNaN(v))) return null;
      const [r, f, m] = x.map((v, d) => scoreOf(v, fz.bounds[d], fz.strict, d === 0));
      const code = r * 100 + f * 10 + m;
      if (!seen.has(code)) {
        const s = segments([r], [f], [m], table)[0];
        seen.set(code, s >= 0 ? rs.segments[s].name : s === -1 ? OTHERS_KEY : null);
      }
      return seen.get(code)!;
    };
  },
  next(input, rs, run) {
    const fz = freeze(input, rs, run);
    const order = [...rs.segments.map((s) => s.name), OTHERS_KEY];
    return searchNext(
      run,
      order,
      (i) => {
        const out: Candidate[] = [];
        ROLES.forEach((role, d) => {
          const from = fz.values[d][i];
          const step = role === "amount" ? 0.01 : 1;
          for (const b of fz.bounds[d]) {
            // Recency scores higher below a bound; frequency and amount above it.
            const to = d === 0 ? atMost(b, step, !fz.strict) : atLeast(b, step, fz.strict);
            out.push({ role, column: input.label(role), from, to });
          }
        });
        return out;
      },
      rfmNext.regrade!(input, rs, run),
      rs.rfm.method !== "fixed",
    );
  },
};
