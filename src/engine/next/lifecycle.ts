/** Reasons of the `lifecycle` method: which window placed the customer. Stages are not ranked. */
import type { LifecycleRules } from "../methods/lifecycle";
import type { MethodDef } from "../methods/types";
import type { Reason } from "../reasons";

type Parts = Pick<MethodDef<LifecycleRules>, "explain" | "next">;

/**
 * The window behind each stage, with the customer's days and orders ("最近消费在 200 天前，≥ 沉睡期
 * 180 天，< 流失期 365 天"). No next step: a stage is where the customer is in their life with the
 * store, not a rank to climb (`next.notRanked`).
 *
 * @example lifecycleNext.explain!(input, preset("lifecycle"), run)[0] // { code: "why.lifecycle.at_risk", params: … }
 */
export const lifecycleNext: Parts = {
  explain(input, rs, run) {
    const w = rs.windows;
    const first = input.numeric("first_day");
    const last = input.numeric("last_day");
    const freq = input.numeric("frequency");
    return run.tier.map((t, i): Reason | null => {
      if (t === null) return null;
      const recency = input.asOf - last[i];
      const tenure = Number.isFinite(first[i]) ? input.asOf - first[i] : recency;
      return {
        code: `why.lifecycle.${t}`,
        params: {
          recency,
          tenure,
          frequency: freq[i],
          lost: w.lostDays,
          atRisk: w.atRiskDays,
          newDays: w.newDays,
          loyal: w.loyalFrequency,
          regular: w.regularFrequency,
        },
      };
    });
  },
  next(_input, _rs, run) {
    return run.tier.map((t) => (t === null ? null : { none: "next.notRanked" }));
  },
};
