import { z } from "zod";
import { TierError } from "../errors";
import { normaliseHeader } from "../headers";
import {
  maintenanceClass,
  parseRating,
  stageProblems,
  stars as starsOf,
  weightedScoreByStage,
} from "../scorecard";
import { readText } from "../values";
import { base, names } from "./parts";
import type { MethodDef, MethodInput, MethodRun, OutValue, RowReason, TierInfo } from "./types";

export const scorecardSchema = z
  .object({
    ...base,
    method: z.literal("scorecard"),
    scale: z.union([z.literal(5), z.literal(100)]),
    criteria: z
      .array(z.object({ key: z.string().min(1), name: names, group: z.string().optional() }).strict())
      .min(1),
    profiles: z.record(z.string(), z.array(z.number().min(0))).refine((p) => Object.keys(p).length > 0, {
      message: "needs at least one weight profile",
    }),
    stars: z.array(z.number()).length(4),
    missing: z.enum(["skip", "one"]),
  })
  .strict();
export type ScorecardRules = z.infer<typeof scorecardSchema>;

/** Star tiers, best first: the keys are the number of stars. Light to dark gold. */
export const STAR_TIERS: readonly TierInfo[] = Object.freeze(
  [5, 4, 3, 2, 1].map((k, i) => ({
    key: String(k),
    name: { zh: `${k}星`, en: k === 1 ? "1 star" : `${k} stars` },
    colour: ["#7A5C00", "#A67C00", "#D4A017", "#F2D16B", "#FBF0C8"][i],
  })),
);

const fail = (code: string, params: Record<string, string | number>, path: string): never => {
  throw new TierError(code, params, path);
};

/** The header of each criterion's rating column (its zh or en name, or key), undefined when missing. */
function ratingHeaders(input: MethodInput, rs: ScorecardRules): (string | undefined)[] {
  return ratingHeadersIn(input.headers, rs);
}

/**
 * The header rating each criterion (its Chinese or English name or key, or a header containing the
 * Chinese name), undefined where none does: what the pane checks before grading.
 *
 * @example ratingHeadersIn(["商户", "销售业绩"], preset("scorecard"))[0] // "销售业绩"
 */
export function ratingHeadersIn(headers: readonly string[], rs: ScorecardRules): (string | undefined)[] {
  return rs.criteria.map((c) => {
    const wanted = [c.name.zh, c.name.en, c.key].map(normaliseHeader);
    return (
      headers.find((h) => wanted.includes(normaliseHeader(h))) ??
      headers.find((h) => normaliseHeader(h).includes(normaliseHeader(c.name.zh)))
    );
  });
}

/**
 * A weighted scorecard: each criterion rated 1-5 (优秀 5 … 不合格 1), weighted by the stage's profile,
 * shown on a 5- or 100-point scale and turned into 1-5 stars at the `stars` cut points, with the
 * maintenance class A (4-5 stars), B (2-3) or C (1).
 *
 * @example methodOf(preset("scorecard")).tiers(preset("scorecard"))[0].key // "5"
 */
export const scorecardMethod: MethodDef<ScorecardRules> = {
  id: "scorecard",
  schema: scorecardSchema,
  chart: "stars",
  check(rs) {
    for (const [stage, w] of Object.entries(rs.profiles)) {
      if (w.length !== rs.criteria.length)
        fail(
          "rules.weightCount",
          { stage, weights: w.length, criteria: rs.criteria.length },
          `profiles.${stage}`,
        );
      const sum = w.reduce((a, b) => a + b, 0);
      if (Math.abs(sum - 100) > 1e-6 && Math.abs(sum - 1) > 1e-9)
        fail("rules.weightSum", { stage, sum: Math.round(sum * 100) / 100 }, `profiles.${stage}`);
    }
    rs.stars.forEach(
      (s, i) =>
        i > 0 &&
        s >= rs.stars[i - 1] &&
        fail("rules.decreasing", { later: `stars[${i}]`, earlier: `stars[${i - 1}]` }, `stars[${i}]`),
    );
    const keys = new Set<string>();
    rs.criteria.forEach((c, i) => {
      if (keys.has(c.key)) fail("rules.duplicateKey", { key: c.key }, `criteria[${i}].key`);
      keys.add(c.key);
    });
  },
  needs: (rs) => [
    { role: "customer_id" },
    { role: "ratings" },
    ...(Object.keys(rs.profiles).length > 1 ? [{ role: "stage" as const }] : []),
  ],
  tiers: () => [...STAR_TIERS],
  run(input, rs): MethodRun {
    const n = input.n;
    const issue: (RowReason | null)[] = new Array(n).fill(null);
    const tier: (string | null)[] = new Array(n).fill(null);
    const headersOf = ratingHeaders(input, rs);
    const missing = rs.criteria.filter((_, i) => headersOf[i] === undefined);
    if (missing.length)
      throw new TierError("scorecard.missingCriteria", {
        criteria: missing.slice(0, 6).map((c) => `${c.name.zh} (${c.name.en})`),
        more: Math.max(0, missing.length - 6),
      });
    const ratings = headersOf.map((header) => {
      const cells = input.cells(header!);
      const v = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        const r = parseRating(cells[i]);
        v[i] = r;
        if (Number.isNaN(r) && rs.missing === "skip" && !issue[i]) {
          const t = readText(cells[i]);
          issue[i] =
            t === ""
              ? { code: "scorecard.blankRating", column: header }
              : { code: "scorecard.notRating", params: { value: t }, column: header };
        }
      }
      return v;
    });
    const stages = Object.keys(rs.profiles);
    const stageCol = input.mapping.stage;
    if (stages.length > 1 && stageCol === undefined)
      input.need("stage", { code: "scorecard.stagesNeedColumn", params: { stages } });
    // One profile: every row uses it; several: the stage column picks the profile per row.
    const stageCells =
      stages.length > 1 ? input.cells(input.headers[stageCol!]) : new Array<unknown>(n).fill(stages[0]);
    const score = weightedScoreByStage(ratings, rs.profiles, stageCells, { missing: rs.missing });
    for (const p of stageProblems(rs.profiles, stageCells, input.headers[stageCol ?? 0]))
      if (!issue[p.row]) issue[p.row] = { code: p.code, params: p.params, column: p.column };
    for (let i = 0; i < n; i++) if (issue[i] || input.failed[i]) score[i] = NaN;
    const shown = Float64Array.from(score, (s) => (rs.scale === 100 ? s * 20 : s));
    const st = starsOf(shown, rs.stars, rs.scale);
    const cls: OutValue[] = maintenanceClass(st).map((c) => c || null);
    for (let i = 0; i < n; i++) if (st[i] !== 0) tier[i] = String(st[i]);
    return {
      columns: [
        ["score", Array.from(shown, (x) => (Number.isFinite(x) ? Math.round(x * 100) / 100 : null))],
        ["stars", Array.from(st, (x) => (x === 0 ? null : x))],
        ["class", cls],
      ],
      tier,
      issue,
    };
  },
};
