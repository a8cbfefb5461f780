import { z } from "zod";
import { TierError } from "../errors";
import { levelIndex } from "../level";
import { base, benefits, colour, distinctKeys, names, tierInfos, visits } from "./parts";
import { cents } from "./rfm";
import type { MethodDef, MethodRun, OutValue, RowReason } from "./types";
import { levelNext } from "../next/level";
import { retentionSchema } from "./retention";

export const levelSchema = z
  .object({
    ...base,
    method: z.literal("level"),
    column: z.string().min(1),
    tiers: z
      .array(
        z
          .object({
            key: z.string().min(1),
            name: names,
            min: z.number(),
            benefits,
            cumulative: z.boolean().optional(),
            visits: visits.optional(),
            colour: colour.optional(),
            strategies: benefits,
          })
          .strict(),
      )
      .min(1),
    /** Tier retention (保级) at re-evaluation, off unless set (issue 17). */
    retention: retentionSchema.optional(),
  })
  .strict();
export type LevelRules = z.infer<typeof levelSchema>;

const fail = (code: string, params: Record<string, string | number>, path: string): never => {
  throw new TierError(code, params, path);
};

/**
 * Levels by threshold on one column, like Excel's LOOKUP over a sorted threshold list: a customer
 * gets the highest tier whose `min` their value reaches; tiers are listed lowest first.
 *
 * @example methodOf(rs).run(input, rs).tier // ["silver", "gold", null]
 */
export const levelMethod: MethodDef<LevelRules> = {
  id: "level",
  schema: levelSchema,
  chart: "pareto",
  keyColumns: { benefits: "benefits" },
  check(rs) {
    rs.tiers.forEach(
      (t, i) =>
        i > 0 &&
        t.min <= rs.tiers[i - 1].min &&
        fail(
          "rules.levelOrder",
          { i, min: t.min, j: i - 1, previous: rs.tiers[i - 1].min },
          `tiers[${i}].min`,
        ),
    );
    distinctKeys(
      rs.tiers.map((t) => t.key),
      "tiers",
      fail,
    );
  },
  needs: (rs) => [{ role: "customer_id" }, { role: rs.column as "amount" }],
  tiers: (rs) => tierInfos(rs.tiers, false),
  run(input, rs): MethodRun {
    const n = input.n;
    const issue: (RowReason | null)[] = new Array(n).fill(null);
    const tier: (string | null)[] = new Array(n).fill(null);
    const key = input.columnKey(rs.column);
    input.requireValid([key], issue);
    const [v] = input.masked([key], issue);
    const level = levelIndex(
      v,
      rs.tiers.map((t) => t.min),
    );
    for (let i = 0; i < n; i++) {
      if (Number.isNaN(v[i])) continue;
      const k = level[i];
      if (k < 0) {
        issue[i] = {
          code: "level.belowLowest",
          params: { value: v[i], lowest: rs.tiers[0].min },
          column: input.label(key),
        };
        continue;
      }
      tier[i] = rs.tiers[k].key;
    }
    return {
      columns: [
        [key, cents(v)],
        ["benefits", [...tier] as OutValue[]],
      ],
      tier,
      issue,
    };
  },
  // Reasons and next steps (issue 17).
  ...levelNext,
};
