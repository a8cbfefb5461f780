/** Reasons and next steps of the `pyramid` method: the amount against this run's level starts. */
import type { PyramidRules } from "../methods/pyramid";
import { pyramidCuts } from "../pyramid";
import type { MethodDef, MethodInput, MethodRun } from "../methods/types";
import type { Reason } from "../reasons";
import { atLeast, searchNext, columnOf } from "./search";

type Parts = Pick<MethodDef<PyramidRules>, "explain" | "next" | "regrade">;

function freeze(input: MethodInput, rs: PyramidRules, run: MethodRun): { v: Float64Array; t: number[] } {
  const v = Float64Array.from(input.numeric("amount"));
  for (let i = 0; i < input.n; i++) if (run.tier[i] === null) v[i] = NaN;
  return { v, t: pyramidCuts(v, rs.cuts) };
}

/**
 * The amount against the start of its level and of the one above, this run's ranks
 * ("金额 8,640 ≥ 普通客户起点 3,000，< 次要客户起点 12,000"). Reaching the start of the level above
 * puts the customer in it even though the ranks are this run's: the level sizes depend only on the
 * number of customers, and the customer who was last in it moves down instead.
 *
 * @example pyramidNext.next!(input, preset("pyramid"), run)[5] // { tier: "second", role: "amount", from: 8640, to: 12000 }
 */
export const pyramidNext: Parts = {
  explain(input, rs, run) {
    const { v, t } = freeze(input, rs, run);
    const at = new Map(rs.tiers.map((x, k) => [x.key, k]));
    return run.tier.map((tier, i): Reason | null => {
      if (tier === null) return null;
      const k = at.get(tier)!;
      return {
        code: "why.rank",
        params: {
          column: columnOf(input, "amount"),
          role: "amount",
          value: v[i],
          tier,
          min: k < t.length ? t[k] : 0,
          ...(k > 0 ? { next: rs.tiers[k - 1].key, max: t[k - 1] } : {}),
        },
      };
    });
  },
  regrade(input, rs, run) {
    const { v, t } = freeze(input, rs, run);
    return (i, changes) => {
      const x = changes.amount ?? v[i];
      if (x !== x) return null;
      let level = 0;
      while (level < t.length && x < t[level]) level++;
      return rs.tiers[level].key;
    };
  },
  next(input, rs, run) {
    const { v, t } = freeze(input, rs, run);
    return searchNext(
      run,
      rs.tiers.map((x) => x.key),
      (i) =>
        t.map((cut) => ({
          role: "amount",
          column: input.label("amount"),
          from: v[i],
          to: atLeast(cut, 0.01, false),
        })),
      pyramidNext.regrade!(input, rs, run),
    );
  },
};
