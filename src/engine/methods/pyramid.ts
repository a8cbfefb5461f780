import { z } from "zod";
import { TierError } from "../errors";
import { pyramid } from "../pyramid";
import { base, distinctKeys, tierDef, tierInfos, unitShare } from "./parts";
import { cents } from "./rfm";
import type { MethodDef, MethodRun, RowReason } from "./types";
import { pyramidNext } from "../next/pyramid";

export const pyramidSchema = z
  .object({
    ...base,
    method: z.literal("pyramid"),
    cuts: z.array(unitShare).min(1).max(8),
    tiers: z.array(tierDef).min(2).max(9),
  })
  .strict();
export type PyramidRules = z.infer<typeof pyramidSchema>;

const fail = (code: string, params: Record<string, string | number>, path: string): never => {
  throw new TierError(code, params, path);
};

/**
 * The customer pyramid: customers ranked by amount, the top `cuts[0]` share of customers in the
 * first level, up to `cuts[1]` in the second, and so on (top 1 % / next 19 % / next 30 % / bottom 50 %).
 *
 * @example methodOf(preset("pyramid")).tiers(preset("pyramid")).length // 4
 */
/** Levels from deep (the top 1 %) to pale (the bottom half), as a pyramid is shaded. */
const PYRAMID_COLOURS = ["#1F4E79", "#2E75B6", "#9DC3E6", "#DEEBF7"];

export const pyramidMethod: MethodDef<PyramidRules> = {
  id: "pyramid",
  schema: pyramidSchema,
  chart: "pyramid",
  check(rs) {
    rs.cuts.forEach(
      (c, i) =>
        i > 0 &&
        c <= rs.cuts[i - 1] &&
        fail("rules.increasing", { later: `cuts[${i}]`, earlier: `cuts[${i - 1}]` }, `cuts[${i}]`),
    );
    if (rs.tiers.length !== rs.cuts.length + 1)
      fail("rules.pyramidTiers", { needed: rs.cuts.length + 1, has: rs.tiers.length }, "tiers");
    distinctKeys(
      rs.tiers.map((t) => t.key),
      "tiers",
      fail,
    );
  },
  needs: () => [{ role: "customer_id" }, { role: "amount" }],
  tiers: (rs) =>
    tierInfos(
      rs.tiers.map((t, i) => ({ ...t, colour: t.colour ?? PYRAMID_COLOURS[i] })),
      true,
    ),
  run(input, rs): MethodRun {
    const n = input.n;
    const issue: (RowReason | null)[] = new Array(n).fill(null);
    const tier: (string | null)[] = new Array(n).fill(null);
    input.numeric("amount");
    input.requireValid(["amount"], issue);
    const [v] = input.masked(["amount"], issue);
    const lv = pyramid(v, rs.cuts);
    for (let i = 0; i < n; i++) if (lv[i] > 0) tier[i] = rs.tiers[lv[i] - 1].key;
    return {
      columns: [
        ["amount", cents(input.numeric("amount"))],
        ["level", Array.from(lv, (x) => (x === 0 ? null : x))],
      ],
      tier,
      issue,
    };
  },
  // Reasons and next steps (issue 17).
  ...pyramidNext,
};
