import { z } from "zod";
import { TierError } from "../errors";
import { applyRules } from "../rules";
import { base, distinctKeys, tierDef, tierInfos } from "./parts";
import { readText } from "../values";
import { cents } from "./rfm";
import { rulesNext } from "../next/rules";
import { retentionSchema } from "./retention";
import type { MethodDef, MethodRun, OutValue, RowReason } from "./types";
import { textColumns, windowColumns } from "./rules-window";

export { textColumns };

const op = z.enum([">=", ">", "<=", "<", "=", "<>", "between", "in"]);
const scalar = z.union([z.number(), z.string()]);
/** One condition of a rule (`column op value`), shared with the nine-grid's eligibility filters. */
export const condition = z
  .object({ column: z.string().min(1), op, value: z.union([scalar, z.array(scalar)]) })
  .strict();

export const rulesSchema = z
  .object({
    ...base,
    method: z.literal("rules"),
    tiers: z.array(tierDef).min(1),
    rules: z.array(z.object({ tier: z.string().min(1), when: z.array(condition) }).strict()),
    default: z.string().min(1).optional(),
    /** Tier retention (保级) at re-evaluation, off unless set (issue 17). */
    retention: retentionSchema.optional(),
    /** Which orders spend and counts add up: all (default), the last N months, or the calendar year. */
    window: z
      .union([
        z.object({ kind: z.literal("all") }).strict(),
        z.object({ kind: z.literal("months"), months: z.number().int().min(1).max(120) }).strict(),
        z.object({ kind: z.literal("year") }).strict(),
      ])
      .optional(),
    /** Where the column `margin` of the rules comes from: a profit column, or amount minus a cost column. */
    margin: z
      .object({ column: z.string().min(1), kind: z.enum(["profit", "cost"]) })
      .strict()
      .optional(),
  })
  .strict();
export type RulesRules = z.infer<typeof rulesSchema>;

/** The window's columns a rule table reads: spend, counts and dates of the window, and margin. */
const fail = (code: string, params: Record<string, string | number>, path: string): never => {
  throw new TierError(code, params, path);
};

/**
 * A rule table (membership cards): rules tried top to bottom, first matching rule wins, every
 * condition of a rule must hold; the default tier when none matches. Tiers are listed lowest first.
 *
 * @example methodOf(preset("membership")).tiers(preset("membership"))[0].key // "diamond"
 */
export const rulesMethod: MethodDef<RulesRules> = {
  id: "rules",
  schema: rulesSchema,
  chart: "pareto",
  keyColumns: { benefits: "benefits" },
  check(rs) {
    distinctKeys(
      rs.tiers.map((t) => t.key),
      "tiers",
      fail,
    );
    const keys = new Set(rs.tiers.map((t) => t.key));
    rs.rules.forEach(
      (r, i) =>
        keys.has(r.tier) ||
        fail("rules.unknownTier", { tier: r.tier, where: `rules[${i}].tier` }, `rules[${i}].tier`),
    );
    if (rs.default !== undefined && !keys.has(rs.default))
      fail("rules.unknownTier", { tier: rs.default, where: "default" }, "default");
  },
  needs(rs) {
    const used = [...new Set(rs.rules.flatMap((r) => r.when.map((c) => c.column)))];
    // `margin` is worked out from the column the rule set names, not mapped.
    const mapped = used.filter((c) => c !== "margin");
    return [{ role: "customer_id" }, ...mapped.map((c) => ({ role: c as "amount" }))];
  },
  tiers: (rs) => tierInfos(rs.tiers, false),
  run(input, rs): MethodRun {
    const n = input.n;
    const issue: (RowReason | null)[] = new Array(n).fill(null);
    const tier: (string | null)[] = new Array(n).fill(null);
    const used = [...new Set(rs.rules.flatMap((r) => r.when.map((c) => c.column)))];
    const own = windowColumns(input, rs, used);
    const texts = textColumns(rs);
    const read = used.filter((c) => !own.has(c));
    const keys = read.map((c) => input.columnKey(c));
    input.requireValid(
      keys.filter((_, j) => !texts.has(read[j])),
      issue,
    );
    const cols: Record<string, Float64Array | string[]> = {};
    read.forEach((c, j) => {
      // A blank text cell fails its conditions, as in `applyRules`; with no default tier the row is
      // then listed as matching no rule.
      if (texts.has(c)) cols[c] = input.cells(keys[j]).map(readText);
      else cols[c] = input.masked([keys[j]], issue)[0];
    });
    for (const [c, v] of own) {
      const copy = Float64Array.from(v);
      for (let i = 0; i < n; i++) if (issue[i] || input.failed[i]) copy[i] = NaN;
      cols[c] = copy;
    }
    const idx = applyRules(
      { rules: rs.rules.map((r) => ({ tier: r.tier, when: r.when })), default: rs.default },
      cols,
      n,
    );
    const defaultKey = rs.default === undefined ? undefined : rs.tiers.find((t) => t.key === rs.default)?.key;
    for (let i = 0; i < n; i++) {
      if (issue[i] || input.failed[i]) continue;
      const k = idx[i];
      const key = k < 0 ? undefined : k < rs.rules.length ? rs.rules[k].tier : defaultKey;
      if (key === undefined) {
        issue[i] = { code: "rules.noMatch" };
        continue;
      }
      tier[i] = key;
    }
    return {
      columns: [
        ...keys.map(
          (k, j) =>
            [
              k,
              texts.has(read[j]) ? input.cells(k).map((v) => readText(v) || null) : cents(input.numeric(k)),
            ] as [string, OutValue[]],
        ),
        // A margin nobody named is not a column (every rule on it holds for nobody).
        ...[...own]
          .filter(([k]) => k !== "margin" || rs.margin)
          .map(([k, v]) => [k, cents(v)] as [string, OutValue[]]),
        ["benefits", [...tier]],
      ],
      tier,
      issue,
    };
  },
  // Reasons and next steps (issue 17).
  ...rulesNext,
};
