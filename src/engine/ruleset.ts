import { z } from "zod";
import { TierError } from "./errors";

/**
 * A rule set: one grading policy, serialisable to JSON, validated with readable errors.
 * The presets are rule sets; a user's rule file (`tier grade --rules my.json`) is one too.
 */

const names = z.object({ zh: z.string().min(1), en: z.string().min(1) }).strict();
const unitShare = z.number().gt(0).lte(1);
const bins = z.number().int().min(2).max(9);
const op = z.enum([">=", ">", "<=", "<", "=", "<>", "between", "in"]);
const scalar = z.union([z.number(), z.string()]);
const condition = z
  .object({ column: z.string().min(1), op, value: z.union([scalar, z.array(scalar)]) })
  .strict();
const visits = z.number().int().min(0).max(31);
const tierDef = z
  .object({
    key: z.string().min(1),
    name: names,
    benefits: z
      .object({ zh: z.array(z.string()), en: z.array(z.string()) })
      .strict()
      .optional(),
    cumulative: z.boolean().optional(),
    visits: visits.optional(),
  })
  .strict();
const segmentRow = z
  .object({
    name: z.string().min(1),
    zh: z.string().min(1),
    r: z.tuple([z.number().int(), z.number().int()]),
    f: z.tuple([z.number().int(), z.number().int()]),
    m: z.tuple([z.number().int(), z.number().int()]),
  })
  .strict();
const base = {
  name: names,
  description: names.optional(),
};
const gridCut = z.union([
  z.object({ method: z.literal("fixed"), low: z.number(), high: z.number() }).strict(),
  z.object({ method: z.literal("tercile") }).strict(),
]);

export const ruleSetSchema = z.discriminatedUnion("method", [
  z
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
    .strict(),
  z.object({ ...base, method: z.literal("rfm8") }).strict(),
  z
    .object({
      ...base,
      method: z.literal("abc"),
      basis: z.union([
        z.object({ kind: z.literal("share"), a: unitShare, b: unitShare }).strict(),
        z.object({ kind: z.literal("amount"), a: z.number(), b: z.number() }).strict(),
      ]),
      months: z.number().int().min(3).max(6).optional(),
      tiers: z.array(tierDef).length(3),
    })
    .strict(),
  z
    .object({
      ...base,
      method: z.literal("pyramid"),
      cuts: z.array(unitShare).min(1).max(8),
      tiers: z.array(tierDef).min(2).max(9),
    })
    .strict(),
  z
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
              benefits: tierDef.shape.benefits,
              cumulative: z.boolean().optional(),
              visits: visits.optional(),
            })
            .strict(),
        )
        .min(1),
    })
    .strict(),
  z
    .object({
      ...base,
      method: z.literal("rules"),
      tiers: z.array(tierDef).min(1),
      rules: z.array(z.object({ tier: z.string().min(1), when: z.array(condition) }).strict()),
      default: z.string().min(1).optional(),
    })
    .strict(),
  z
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
    .strict(),
  z
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
    .strict(),
  z
    .object({
      ...base,
      method: z.literal("grid"),
      x: z.object({ role: z.string().min(1), cut: gridCut, name: names }).strict(),
      y: z.object({ role: z.string().min(1), cut: gridCut, name: names }).strict(),
      cells: z
        .array(z.object({ cell: z.string().regex(/^[ABC][123]$/), name: names, visits: visits }).strict())
        .length(9),
    })
    .strict(),
]);

export type RuleSet = z.infer<typeof ruleSetSchema>;
export type Method = RuleSet["method"];
export type Names = z.infer<typeof names>;
export type TierDef = z.infer<typeof tierDef>;

function pathText(path: readonly PropertyKey[]): string {
  let out = "";
  for (const p of path) {
    if (typeof p === "number") out += `[${p}]`;
    else out += out ? `.${String(p)}` : String(p);
  }
  return out || "the rule set";
}

function issueText(issue: z.core.$ZodIssue): string {
  const where = pathText(issue.path);
  switch (issue.code) {
    case "invalid_type":
      if (issue.input === undefined) return `${where} is missing`;
      return `${where} must be ${issue.expected === "array" ? "a list" : `a ${issue.expected}`}`;
    case "too_small":
      if (issue.origin === "array") return `${where} needs at least ${issue.minimum} entries`;
      if (issue.origin === "string") return `${where} must not be empty`;
      return `${where} must be ${issue.inclusive ? "at least" : "more than"} ${issue.minimum}`;
    case "too_big":
      if (issue.origin === "array") return `${where} takes at most ${issue.maximum} entries`;
      return `${where} must be ${issue.inclusive ? "at most" : "less than"} ${issue.maximum}`;
    case "unrecognized_keys":
      return `${where} has an unknown field ${issue.keys.map((k) => `"${k}"`).join(", ")}`;
    case "invalid_value":
      return `${where} must be one of ${issue.values.map((v) => JSON.stringify(v)).join(", ")}`;
    case "invalid_union":
      if (issue.path.length === 0 || where.endsWith("method")) return `${where} is not a known method`;
      return `${where} is not valid: ${issue.message}`;
    default:
      return `${where}: ${issue.message}`;
  }
}

/**
 * Validates a parsed JSON value as a rule set, with messages such as `tiers[2].min must be a number`.
 * Throws a TierError listing every problem (at most five); returns the typed rule set.
 *
 * @example parseRuleSet(JSON.parse(text))
 */
export function parseRuleSet(value: unknown): RuleSet {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new TierError('a rule file must hold one JSON object with a "method"');
  }
  const methodValue = (value as { method?: unknown }).method;
  const known = ruleSetSchema.options.map((o) => o.shape.method.value);
  if (!known.includes(methodValue as Method)) {
    throw new TierError(
      `method must be one of ${known.map((k) => `"${k}"`).join(", ")} (got ${JSON.stringify(methodValue) ?? "nothing"})`,
    );
  }
  const result = ruleSetSchema.safeParse(value, { reportInput: true });
  if (!result.success) {
    const lines = result.error.issues.slice(0, 5).map(issueText);
    const more = result.error.issues.length > 5 ? ` (and ${result.error.issues.length - 5} more)` : "";
    throw new TierError(lines.join("; ") + more);
  }
  checkMeaning(result.data);
  return result.data;
}

/** Checks what a schema cannot say: orders of thresholds, rule tiers that exist, weights that add up. */
function checkMeaning(rs: RuleSet): void {
  const fail = (m: string): never => {
    throw new TierError(m);
  };
  switch (rs.method) {
    case "abc":
      if (rs.basis.kind === "share" && !(rs.basis.a < rs.basis.b))
        fail(`basis.a (${rs.basis.a}) must be less than basis.b (${rs.basis.b})`);
      if (rs.basis.kind === "amount" && !(rs.basis.a > rs.basis.b))
        fail(`basis.a (${rs.basis.a}) must be more than basis.b (${rs.basis.b}): A needs the larger amount`);
      break;
    case "pyramid":
      rs.cuts.forEach(
        (c, i) => i > 0 && c <= rs.cuts[i - 1] && fail(`cuts[${i}] must be more than cuts[${i - 1}]`),
      );
      if (rs.tiers.length !== rs.cuts.length + 1)
        fail(`tiers needs ${rs.cuts.length + 1} entries, one more than cuts (has ${rs.tiers.length})`);
      break;
    case "level":
      rs.tiers.forEach(
        (t, i) =>
          i > 0 &&
          t.min <= rs.tiers[i - 1].min &&
          fail(
            `tiers[${i}].min (${t.min}) must be more than tiers[${i - 1}].min (${rs.tiers[i - 1].min}): list tiers lowest first`,
          ),
      );
      break;
    case "rules": {
      const keys = new Set(rs.tiers.map((t) => t.key));
      rs.rules.forEach(
        (r, i) => keys.has(r.tier) || fail(`rules[${i}].tier "${r.tier}" is not one of tiers[].key`),
      );
      if (rs.default !== undefined && !keys.has(rs.default))
        fail(`default "${rs.default}" is not one of tiers[].key`);
      break;
    }
    case "scorecard":
      for (const [stage, w] of Object.entries(rs.profiles)) {
        if (w.length !== rs.criteria.length)
          fail(`profiles.${stage} has ${w.length} weights for ${rs.criteria.length} criteria`);
        const sum = w.reduce((a, b) => a + b, 0);
        if (Math.abs(sum - 100) > 1e-6 && Math.abs(sum - 1) > 1e-9)
          fail(
            `profiles.${stage}: weights add up to ${Math.round(sum * 100) / 100} %, they must add up to 100 %`,
          );
      }
      rs.stars.forEach(
        (s, i) => i > 0 && s >= rs.stars[i - 1] && fail(`stars[${i}] must be less than stars[${i - 1}]`),
      );
      break;
    case "grid":
      for (const axis of ["x", "y"] as const) {
        const cut = rs[axis].cut;
        if (cut.method === "fixed" && !(cut.low < cut.high))
          fail(`${axis}.cut.low must be less than ${axis}.cut.high`);
      }
      break;
    default:
      break;
  }
}

/** Reads a rule file's text: JSON syntax errors become one readable line. */
export function parseRuleSetText(text: string): RuleSet {
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (e) {
    throw new TierError(`the rule file is not valid JSON: ${(e as Error).message}`);
  }
  return parseRuleSet(value);
}
