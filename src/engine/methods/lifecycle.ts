import { z } from "zod";
import { lifecycle, LIFECYCLE_STAGES } from "../lifecycle";
import { base } from "./parts";
import { LIFECYCLE_COLOURS } from "../palettes";
import { cents } from "./rfm";
import type { MethodDef, MethodRun, RowReason } from "./types";
import { lifecycleNext } from "../next/lifecycle";

export const lifecycleSchema = z
  .object({
    ...base,
    method: z.literal("lifecycle"),
    windows: z
      .object({
        lostDays: z.number().int().positive(),
        atRiskDays: z.number().int().positive(),
        newDays: z.number().int().positive(),
        loyalFrequency: z.number().int().positive(),
        regularFrequency: z.number().int().positive(),
      })
      .strict(),
  })
  .strict();
export type LifecycleRules = z.infer<typeof lifecycleSchema>;

/**
 * Lifecycle stages from first and last purchase and frequency: prospect (no purchase), lost, at risk,
 * new, loyal, regular, one-time, the first that applies in that order.
 *
 * @example methodOf(preset("lifecycle")).tiers(preset("lifecycle"))[0].key // "prospect"
 */
export const lifecycleMethod: MethodDef<LifecycleRules> = {
  id: "lifecycle",
  schema: lifecycleSchema,
  chart: "distribution",
  check() {},
  needs: () => [
    { role: "customer_id" },
    { role: "first_date" },
    { role: "last_date" },
    { role: "frequency" },
  ],
  tiers: () => LIFECYCLE_STAGES.map((s) => ({ key: s.key, name: s.name, colour: LIFECYCLE_COLOURS[s.key] })),
  run(input, rs): MethodRun {
    const n = input.n;
    const issue: (RowReason | null)[] = new Array(n).fill(null);
    const tier: (string | null)[] = new Array(n).fill(null);
    const freq = input.numeric("frequency");
    const first = input.numeric("first_day");
    const last = input.numeric("last_day");
    // Blank dates are allowed for a prospect (no purchase); unreadable ones are not.
    for (const key of ["frequency", "first_day", "last_day"]) {
      const why = input.reasons(key);
      if (!why) continue;
      for (let i = 0; i < n; i++)
        if (!issue[i] && why[i] && why[i]!.code !== "cell.blank")
          issue[i] = { ...why[i]!, column: input.label(key) };
    }
    const f = Float64Array.from(freq);
    for (let i = 0; i < n; i++) if (issue[i] || input.failed[i]) f[i] = NaN;
    const st = lifecycle(first, last, f, input.asOf, rs.windows);
    for (let i = 0; i < n; i++) {
      if (issue[i] || input.failed[i]) continue;
      if (st[i] < 0) issue[i] = { code: "lifecycle.noDates" };
      else tier[i] = LIFECYCLE_STAGES[st[i]].key;
    }
    return {
      columns: [
        ["recency_days", cents(input.numeric("recency_days"))],
        ["frequency", cents(freq)],
      ],
      tier,
      issue,
    };
  },
  // Reasons and next steps (issue 17).
  ...lifecycleNext,
};
