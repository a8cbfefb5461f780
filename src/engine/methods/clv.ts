import { z } from "zod";
import { calibrationSummary, fitBgNbd, fitGammaGamma, fitWarnings, scoreClv } from "../clv";
import { TierError } from "../errors";
import { cutPoints } from "../quantile";
import { base } from "./parts";
import type { MethodDef, MethodRun, OutValue, RowReason, TierInfo } from "./types";

export const clvSchema = z
  .object({
    ...base,
    method: z.literal("clv"),
    /** The unit of t_x, T and the horizon. */
    unit: z.enum(["day", "week", "month"]),
    /** The horizon of expected purchases and CLV, in `unit`s. */
    horizon: z.number().positive(),
    /** Yearly discount rate of CLV (0.1 = 10 % a year). */
    discount: z.number().min(0).lt(1),
    /** P(alive) from which a customer counts as active (graded by CLV). */
    alive: z.number().gt(0).lte(1),
    /** P(alive) below which a customer counts as lost; between it and `alive`, at risk. */
    lost: z.number().gte(0).lt(1),
  })
  .strict();
export type ClvRules = z.infer<typeof clvSchema>;

/** The tiers, best first: the active by CLV thirds, then at risk and lost by P(alive). */
export const CLV_TIERS: readonly TierInfo[] = [
  { key: "high", name: { zh: "高价值活跃", en: "Active, high value" }, colour: "#1E7B34" },
  { key: "medium", name: { zh: "中价值活跃", en: "Active, medium value" }, colour: "#4CA64C" },
  { key: "low", name: { zh: "低价值活跃", en: "Active, low value" }, colour: "#9BCB6A" },
  { key: "at-risk", name: { zh: "可能流失", en: "At risk" }, colour: "#F2C14E" },
  { key: "lost", name: { zh: "已流失", en: "Probably lost" }, colour: "#BFBFBF" },
];

const round = (a: ArrayLike<number>, digits: number): OutValue[] => {
  const k = 10 ** digits;
  return Array.from(a, (v) => (Number.isFinite(v) ? Math.round(v * k) / k : null));
};

/**
 * Customer lifetime value (BG/NBD + Gamma-Gamma, Fader, Hardie & Lee 2005) fitted on the sheet's
 * orders up to the as-of date, which is the end of calibration. A customer whose P(alive) is below
 * `lost` is lost, below `alive` at risk; the others are active and cut into thirds by CLV
 * (PERCENTILE.INC at 1/3 and 2/3 of the active customers' CLV, right-closed: a CLV on a cut point
 * takes the lower third). P(alive) is 1 for a customer who never bought again (the model lets a
 * customer drop out only after a purchase), so one-time buyers are active and ranked by their CLV,
 * which is low for an old one.
 *
 * @example methodOf(preset("clv")).tiers(preset("clv")).map((t) => t.key) // ["high", "medium", "low", "at-risk", "lost"]
 */
export const clvMethod: MethodDef<ClvRules> = {
  id: "clv",
  schema: clvSchema,
  chart: "distribution",
  check(rs) {
    if (!(rs.lost < rs.alive))
      throw new TierError("rules.clvThresholds", { lost: rs.lost, alive: rs.alive }, "lost");
  },
  needs: () => [{ role: "customer_id" }, { role: "date" }, { role: "amount" }],
  tiers: () => CLV_TIERS.map((t) => ({ ...t })),
  run(input, rs): MethodRun {
    const n = input.n;
    if (!input.orderRows) throw new TierError("clv.needsOrderRows");
    const rows = input.orderRows();
    const summary = calibrationSummary(
      { customerId: Array.from(rows.customer, String), day: rows.day, amount: rows.amount },
      { calibrationEnd: input.asOf, unit: rs.unit },
    );
    const bgnbd = fitBgNbd(summary);
    const gammaGamma = fitGammaGamma(summary);
    const scores = scoreClv(bgnbd, gammaGamma, summary, {
      horizon: rs.horizon,
      unit: rs.unit,
      discount: rs.discount,
    });

    // Back from the summary's customers (those with a readable order) to the graded customers.
    const at = new Int32Array(n).fill(-1);
    summary.customerId.forEach((c, k) => (at[Number(c)] = k));
    const column = (from: ArrayLike<number>) => {
      const out = new Float64Array(n).fill(NaN);
      for (let i = 0; i < n; i++) if (at[i] >= 0 && !input.failed[i]) out[i] = from[at[i]];
      return out;
    };
    const alive = column(scores.pAlive);
    const clv = column(scores.clv);
    const active: number[] = [];
    for (let i = 0; i < n; i++) if (alive[i] >= rs.alive && Number.isFinite(clv[i])) active.push(clv[i]);
    const [low, high] = active.length ? cutPoints(active, [1 / 3, 2 / 3]) : [NaN, NaN];

    const tier: (string | null)[] = new Array(n).fill(null);
    const issue: (RowReason | null)[] = new Array(n).fill(null);
    for (let i = 0; i < n; i++) {
      if (input.failed[i]) continue;
      if (!Number.isFinite(alive[i]) || !Number.isFinite(clv[i])) {
        issue[i] = { code: "clv.notScored" };
        continue;
      }
      if (alive[i] < rs.lost) tier[i] = "lost";
      else if (alive[i] < rs.alive) tier[i] = "at-risk";
      else tier[i] = clv[i] <= low ? "low" : clv[i] <= high ? "medium" : "high";
    }
    return {
      columns: [
        ["x", round(column(summary.x), 0)],
        ["t_x", round(column(summary.tx), 2)],
        ["T", round(column(summary.T), 2)],
        ["p_alive", round(alive, 4)],
        ["expected_purchases", round(column(scores.expectedPurchases), 3)],
        ["expected_spend", round(column(scores.expectedSpend), 2)],
        ["clv", round(clv, 2)],
      ],
      tier,
      issue,
      // The same check as `tier clv` and the Potential step: a model that does not fit says so.
      warnings: fitWarnings(bgnbd, summary),
    };
  },
};
