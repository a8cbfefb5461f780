/** Reasons and next steps of the `rfm8` method: R, F and M against this run's means. */
import { rfm8, RFM8_CLASSES } from "../rfm8";
import type { Rfm8Rules } from "../methods/rfm8";
import type { MethodDef, MethodInput, MethodRun } from "../methods/types";
import type { Reason } from "../reasons";
import { atLeast, atMost, searchNext } from "./search";

type Parts = Pick<MethodDef<Rfm8Rules>, "explain" | "next" | "regrade">;

interface Frozen {
  rec: Float64Array;
  fre: Float64Array;
  amt: Float64Array;
  means: { recency: number; frequency: number; amount: number };
}

function freeze(input: MethodInput, run: MethodRun): Frozen {
  const [rec, fre, amt] = ["recency_days", "frequency", "amount"].map((k) => {
    const v = Float64Array.from(input.numeric(k));
    for (let i = 0; i < input.n; i++) if (run.tier[i] === null) v[i] = NaN;
    return v;
  });
  return { rec, fre, amt, means: rfm8(rec, fre, amt).means };
}

/** The class of one customer against fixed means: the same tests as rfm8.ts. */
function classOf(r: number, f: number, m: number, means: Frozen["means"]): number {
  if (!(r === r && f === f && m === m)) return -1;
  return (m > means.amount ? 0 : 4) + (r < means.recency ? 0 : 2) + (f > means.frequency ? 0 : 1);
}

const r2 = (x: number): number => Math.round(x * 100) / 100;

/**
 * Each of R, F and M against its mean in this run ("R 12 天 < 平均 45.3 天"); the next step brings one
 * of them across its mean (a recent order, one more order, more spend). The means are this run's, so
 * the steps are estimates: the customer's own change moves the mean a little.
 *
 * @example rfm8Next.next!(input, rs, run)[0] // { tier: "important-value", role: "recency_days", from: 60, to: 30, estimate: true }
 */
export const rfm8Next: Parts = {
  explain(input, _rs, run) {
    const fz = freeze(input, run);
    const { means } = fz;
    return run.tier.map((t, i): Reason | null => {
      if (t === null) return null;
      return {
        code: "why.rfm8",
        params: {
          recency: fz.rec[i],
          rOp: fz.rec[i] < means.recency ? "<" : "≥",
          rMean: r2(means.recency),
          frequency: fz.fre[i],
          fOp: fz.fre[i] > means.frequency ? ">" : "≤",
          fMean: r2(means.frequency),
          amount: fz.amt[i],
          mOp: fz.amt[i] > means.amount ? ">" : "≤",
          mMean: r2(means.amount),
          tier: t,
        },
      };
    });
  },
  regrade(input, _rs, run) {
    const fz = freeze(input, run);
    return (i, c) => {
      const k = classOf(
        c.recency_days ?? fz.rec[i],
        c.frequency ?? fz.fre[i],
        c.amount ?? fz.amt[i],
        fz.means,
      );
      return k < 0 ? null : RFM8_CLASSES[k].key;
    };
  },
  next(input, rs, run) {
    const fz = freeze(input, run);
    const { means } = fz;
    const label = (k: string): string => input.label(k);
    return searchNext(
      run,
      RFM8_CLASSES.map((c) => c.key),
      (i) => [
        {
          role: "recency_days",
          column: label("recency_days"),
          from: fz.rec[i],
          to: atMost(means.recency, 1, true),
        },
        {
          role: "frequency",
          column: label("frequency"),
          from: fz.fre[i],
          to: atLeast(means.frequency, 1, true),
        },
        { role: "amount", column: label("amount"), from: fz.amt[i], to: atLeast(means.amount, 0.01, true) },
      ],
      rfm8Next.regrade!(input, rs, run),
      true,
    );
  },
};
