/** Reasons and next steps of the `level` method: one column against the tiers' thresholds. */
import { levelIndex } from "../level";
import type { LevelRules } from "../methods/level";
import type { MethodDef, MethodInput } from "../methods/types";
import type { Reason } from "../reasons";
import { searchNext, stepOf, atLeast, columnOf } from "./search";

type Parts = Pick<MethodDef<LevelRules>, "explain" | "next" | "regrade" | "startOf">;

function value(input: MethodInput, rs: LevelRules): { key: string; v: Float64Array } {
  const key = input.columnKey(rs.column);
  return { key, v: input.numeric(key) };
}

/**
 * `{column} {value} ≥ {tier} threshold {min}, < {next} threshold {max}`, and the next tier's
 * threshold as the next step ("再消费 1,360 元升金卡").
 *
 * @example levelNext.next!(input, rs, run)[0] // { tier: "gold", role: "amount", from: 8640, to: 10000 }
 */
export const levelNext: Parts = {
  startOf: (rs, tier) => rs.tiers.find((t) => t.key === tier)?.min,
  explain(input, rs, run) {
    const { key, v } = value(input, rs);
    const at = new Map(rs.tiers.map((t, k) => [t.key, k]));
    return run.tier.map((t, i): Reason | null => {
      if (t === null) return null;
      const k = at.get(t)!;
      const up = rs.tiers[k + 1];
      return {
        code: "why.threshold",
        params: {
          column: columnOf(input, key),
          role: key,
          value: v[i],
          tier: t,
          min: rs.tiers[k].min,
          ...(up ? { next: up.key, max: up.min } : {}),
        },
      };
    });
  },
  regrade(input, rs) {
    const { key, v } = value(input, rs);
    const mins = rs.tiers.map((t) => t.min);
    return (i, changes) => {
      const k = levelIndex([changes[key] ?? v[i]], mins)[0];
      return k < 0 ? null : rs.tiers[k].key;
    };
  },
  next(input, rs, run) {
    const { key, v } = value(input, rs);
    const order = rs.tiers.map((t) => t.key).reverse();
    const step = stepOf(key);
    return searchNext(
      run,
      order,
      (i) =>
        rs.tiers.map((t) => ({
          role: key,
          column: input.label(key),
          from: v[i],
          to: atLeast(t.min, step, false),
        })),
      levelNext.regrade!(input, rs, run),
    );
  },
};

/**
 * The next threshold up per value and the gap to it, for TIER.NEXT: `next[i]` is the index of the
 * first threshold above the value (-1 at the top), `gap[i]` how much is missing (rounded to cents).
 * Thresholds increase; a value below the lowest gets the lowest.
 *
 * @example levelSteps([8640, 25000], [0, 5000, 10000, 20000]) // { next: [2, -1], gap: [1360, NaN] }
 */
export function levelSteps(
  values: ArrayLike<number>,
  thresholds: readonly number[],
): { next: Int16Array; gap: Float64Array } {
  const k = levelIndex(values, thresholds);
  const next = new Int16Array(values.length);
  const gap = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const up = k[i] + 1;
    next[i] = Number.isNaN(values[i]) || up >= thresholds.length ? -1 : up;
    gap[i] = next[i] < 0 ? NaN : Math.round((thresholds[up] - values[i]) * 100) / 100;
  }
  return { next, gap };
}
