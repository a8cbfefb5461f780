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
import { bandPoints, weightedPoints, type Band } from "../bands";
import { readNumber, readText } from "../values";
import { formatDay } from "../dates";
import { leaseReviews } from "../lease";
import { base, names } from "./parts";
import type { MethodDef, MethodInput, MethodRun, OutValue, RowReason, TierInfo } from "./types";
import { scorecardNext } from "../next/scorecard";

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
    /**
     * Per criterion key: bands turning its raw figure into points (first matching band wins, none
     * gives 0), as a dealer card scores "年销量 ≥ 500 台 → 5 分".
     */
    bands: z
      .record(
        z.string(),
        z
          .array(
            z
              .object({
                min: z.number().optional(),
                max: z.number().optional(),
                points: z.number().min(0).max(5),
              })
              .strict(),
          )
          .min(1),
      )
      .optional(),
    /** An item may score 0 (a rating of 0 is read, not listed as a problem). */
    zero: z.boolean().optional(),
    /** Whether the maintenance class (tenant leases: A renew, B adjust, C do not renew) is written; default yes. */
    classes: z.boolean().optional(),
    /** The star tiers' names, 5 stars first, as the source names them. */
    starNames: z.array(names).length(5).optional(),
    /** Customer types read from a column (A–E) and written, with their meaning, as `customer_type`. */
    customerTypes: z
      .object({
        column: z.string().min(1),
        types: z.array(z.object({ key: z.string().min(1), name: names }).strict()).min(1),
      })
      .strict()
      .optional(),
    /**
     * Lease-end reviews: with a lease end column, the day `months` before it that the tenant is
     * re-rated ("即将到期商家,需提前三个月完成评估") and the days from the as-of date to it.
     */
    leaseReview: z
      .object({ months: z.number().int().min(0).max(24) })
      .strict()
      .optional(),
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

/** A rating where an item may score nothing: a number 0..5 (or numeric text), else a rating word. */
export function ratingOrZero(v: unknown): number {
  const x = readNumber(v);
  return typeof x === "number" && x >= 0 && x <= 5 ? x : parseRating(v);
}

/** A criterion's raw figures turned into points by its bands; an unreadable figure is a row problem. */
function rawPoints(
  cells: readonly unknown[],
  band: readonly Band[],
  header: string,
  missing: "skip" | "one",
  issue: (RowReason | null)[],
): Float64Array {
  const raw = new Float64Array(cells.length);
  for (let i = 0; i < cells.length; i++) {
    const x = readNumber(cells[i]);
    if (typeof x === "number") raw[i] = x;
    else {
      raw[i] = NaN;
      if (missing === "skip" && !issue[i]) issue[i] = { ...x, column: header };
    }
  }
  const p = bandPoints(raw, band);
  // "one" rates a missing item as the lowest rating, as it does for 1..5 ratings.
  if (missing === "one") for (let i = 0; i < p.length; i++) if (Number.isNaN(p[i])) p[i] = 1;
  return p;
}

/** Weighted points per row with the stage's profile (items may score 0); NaN for an unknown stage. */
function pointsByStage(
  points: readonly Float64Array[],
  profiles: Readonly<Record<string, readonly number[]>>,
  stage: readonly unknown[],
  missing: "skip" | "one",
): Float64Array {
  const filled = missing === "one" ? points.map((p) => p.map((x) => (Number.isNaN(x) ? 1 : x))) : points;
  const byStage = new Map(Object.entries(profiles).map(([k, w]) => [k.trim(), weightedPoints(filled, w)]));
  const out = new Float64Array(stage.length);
  for (let i = 0; i < stage.length; i++) {
    const s = byStage.get(readText(stage[i]));
    out[i] = s === undefined ? NaN : s[i];
  }
  return out;
}

/** The customer type of each row as "A：its meaning"; a cell naming no type is shown as it is. */
function customerTypes(input: MethodInput, ct: NonNullable<ScorecardRules["customerTypes"]>): OutValue[] {
  const header = input.headers.find((h) => normaliseHeader(h) === normaliseHeader(ct.column));
  if (header === undefined) return new Array(input.n).fill(null);
  return input.cells(header).map((v) => {
    const t = readText(v);
    const type = ct.types.find((x) => x.key.toLowerCase() === t.toLowerCase().replace(/类$/, ""));
    return type ? type.key : t || null;
  });
}

/**
 * The review date (YYYY-MM-DD) and the days from the as-of date to it, for tenants with a lease end;
 * none when no lease end column is mapped, blank for a tenant without one, and a row problem for a
 * lease end that is not a date.
 */
function leaseColumns(
  input: MethodInput,
  months: number,
  issue: (RowReason | null)[],
): [string, OutValue[]][] {
  const ends = input.peek("lease_end_day");
  if (!ends) return [];
  const why = input.reasons("lease_end_day") ?? [];
  const column = input.label("lease_end_day");
  for (let i = 0; i < input.n; i++)
    if (!issue[i] && why[i] && why[i]!.code !== "cell.blank")
      issue[i] = { code: "lease.notDate", params: { why: why[i]! }, column };
  const { review, daysTo } = leaseReviews(ends, months, input.asOf);
  const ok = (i: number) => Number.isFinite(review[i]) && !issue[i] && !input.failed[i];
  return [
    ["review_date", Array.from(review, (d, i) => (ok(i) ? formatDay(d) : null))],
    ["review_days", Array.from(daysTo, (d, i) => (ok(i) ? d : null))],
  ];
}

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
    ...(rs.leaseReview ? [{ role: "lease_end" as const, optional: true }] : []),
  ],
  tiers: (rs) =>
    rs.starNames ? STAR_TIERS.map((t, i) => ({ ...t, name: rs.starNames![i] })) : [...STAR_TIERS],
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
    const ratings = headersOf.map((header, j) => {
      const cells = input.cells(header!);
      const band = rs.bands?.[rs.criteria[j].key];
      if (band) return rawPoints(cells, band, header!, rs.missing, issue);
      const v = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        const r = rs.zero ? ratingOrZero(cells[i]) : parseRating(cells[i]);
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
    const score =
      rs.bands || rs.zero
        ? pointsByStage(ratings, rs.profiles, stageCells, rs.missing)
        : weightedScoreByStage(ratings, rs.profiles, stageCells, { missing: rs.missing });
    for (const p of stageProblems(rs.profiles, stageCells, input.headers[stageCol ?? 0]))
      if (!issue[p.row]) issue[p.row] = { code: p.code, params: p.params, column: p.column };
    const lease = rs.leaseReview ? leaseColumns(input, rs.leaseReview.months, issue) : [];
    for (let i = 0; i < n; i++) if (issue[i] || input.failed[i]) score[i] = NaN;
    const shown = Float64Array.from(score, (s) => (rs.scale === 100 ? s * 20 : s));
    const st = starsOf(shown, rs.stars, rs.scale);
    const cls: OutValue[] = maintenanceClass(st).map((c) => c || null);
    for (let i = 0; i < n; i++) if (st[i] !== 0) tier[i] = String(st[i]);
    return {
      columns: [
        ["score", Array.from(shown, (x) => (Number.isFinite(x) ? Math.round(x * 100) / 100 : null))],
        ["stars", Array.from(st, (x) => (x === 0 ? null : x))],
        ...(rs.classes === false ? [] : [["class", cls] as [string, OutValue[]]]),
        ...(rs.customerTypes
          ? [["customer_type", customerTypes(input, rs.customerTypes)] as [string, OutValue[]]]
          : []),
        ...lease,
      ],
      tier,
      issue,
    };
  },
  // Reasons and next steps (issue 17).
  ...scorecardNext,
};
