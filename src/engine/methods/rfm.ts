import { z } from "zod";
import { TierError } from "../errors";
import { rfm as rfmScores, rfmCode } from "../rfm";
import { OTHERS, segments } from "../segments";
import { rankColour } from "../colour";
import { SEGMENT_COLOURS } from "../palettes";
import { base } from "./parts";
import type { MethodDef, MethodInput, MethodRun, OutValue, RowReason, TierInfo } from "./types";
import { rfmNext } from "../next/rfm";

const bins = z.number().int().min(2).max(9);
const segmentRow = z
  .object({
    name: z.string().min(1),
    zh: z.string().min(1),
    r: z.tuple([z.number().int(), z.number().int()]),
    f: z.tuple([z.number().int(), z.number().int()]),
    m: z.tuple([z.number().int(), z.number().int()]),
  })
  .strict();

export const rfmSchema = z
  .object({
    ...base,
    method: z.literal("rfm"),
    rfm: z
      .object({
        method: z.enum(["quantile", "rfm-r", "fixed"]),
        bins: z.union([bins, z.object({ r: bins, f: bins, m: bins }).strict()]),
        thresholds: z
          .object({ r: z.array(z.number()), f: z.array(z.number()), m: z.array(z.number()) })
          .strict()
          .optional(),
      })
      .strict(),
    segments: z.array(segmentRow).min(1),
  })
  .strict();

export type RfmRules = z.infer<typeof rfmSchema>;

/** The key of customers no segment row matches. */
export const OTHERS_KEY = "others";

/** Rounds a column to cents for output; NaN and ±Infinity become blank. */
export function cents(a: ArrayLike<number> | undefined): OutValue[] {
  return Array.from(a ?? [], (x) => (Number.isFinite(x) ? Math.round(x * 100) / 100 : null));
}

/** The recency, frequency and amount columns of an RFM method, NaN where a row cannot be scored. */
export function rfmInputs(input: MethodInput, issue: (RowReason | null)[]): Float64Array[] {
  const keys = ["recency_days", "frequency", "amount"];
  keys.forEach((k) => input.numeric(k));
  input.requireValid(keys, issue);
  return input.masked(keys, issue);
}

/**
 * RFM scores (quintiles by default, the R package rfm's rule, or fixed thresholds) and named segments,
 * first matching segment row wins; customers no row matches are "others".
 *
 * @example methodOf(preset("rfm")).run(input, preset("rfm")).tier[0] // "champions"
 */
export const rfmMethod: MethodDef<RfmRules> = {
  id: "rfm",
  schema: rfmSchema,
  chart: "rfm",
  keyColumns: { segment: "name" },
  check(rs) {
    const keys = new Set<string>();
    rs.segments.forEach((s, i) => {
      if (keys.has(s.name) || s.name === OTHERS_KEY)
        throw new TierError("rules.duplicateKey", { key: s.name }, `segments[${i}].name`);
      keys.add(s.name);
    });
  },
  needs: () => [{ role: "customer_id" }, { role: "recency_days" }, { role: "frequency" }, { role: "amount" }],
  tiers(rs): TierInfo[] {
    return [
      // A segment of the default table keeps its meaning's colour; a user's own segment its rank's.
      ...rs.segments.map((s, i) => ({
        key: s.name,
        name: { zh: s.zh, en: s.name },
        colour: SEGMENT_COLOURS[s.name] ?? rankColour(i),
      })),
      { key: OTHERS_KEY, name: { zh: OTHERS.zh, en: OTHERS.name }, colour: SEGMENT_COLOURS[OTHERS_KEY] },
    ];
  },
  run(input, rs): MethodRun {
    const n = input.n;
    const issue: (RowReason | null)[] = new Array(n).fill(null);
    const tier: (string | null)[] = new Array(n).fill(null);
    const [rec, fre, amt] = rfmInputs(input, issue);
    const res = rfmScores(rec, fre, amt, {
      bins: rs.rfm.bins,
      method: rs.rfm.method,
      thresholds: rs.rfm.thresholds,
    });
    const seg = segments(
      res.r,
      res.f,
      res.m,
      rs.segments.map((s) => ({ ...s })),
    );
    const code: OutValue[] = new Array(n);
    for (let i = 0; i < n; i++) {
      if (res.r[i] === 0) {
        code[i] = null;
        continue;
      }
      code[i] = rfmCode(res.r[i], res.f[i], res.m[i]);
      tier[i] = seg[i] >= 0 ? rs.segments[seg[i]].name : OTHERS_KEY;
    }
    const score = (a: Uint8Array): OutValue[] => Array.from(a, (x) => (x === 0 ? null : x));
    return {
      columns: [
        ["recency_days", cents(input.numeric("recency_days"))],
        ["frequency", cents(input.numeric("frequency"))],
        ["amount", cents(input.numeric("amount"))],
        ["r", score(res.r)],
        ["f", score(res.f)],
        ["m", score(res.m)],
        ["rfm", code],
        ["segment", [...tier]],
      ],
      tier,
      issue,
    };
  },
  // Reasons and next steps (issue 17).
  ...rfmNext,
};
