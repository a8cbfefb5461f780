import type { z } from "zod";
import { TierError } from "./errors";
import { METHOD_IDS, methodOf, ruleSetSchema, type Method, type RuleSet } from "./methods";
import type { Reason } from "./reasons";

/**
 * A rule set: one grading policy, serialisable to JSON, validated with readable errors. Each method's
 * schema and meaning checks live in its module under `./methods`; this file reads a rule file.
 * The presets are rule sets; a user's rule file (`tier grade --rules my.json`) is one too.
 */
export { ruleSetSchema };
export type { Method, RuleSet };
export type { Names } from "./methods";
export type { TierDef } from "./methods/parts";

function pathText(path: readonly PropertyKey[]): string {
  let out = "";
  for (const p of path) {
    if (typeof p === "number") out += `[${p}]`;
    else out += out ? `.${String(p)}` : String(p);
  }
  return out;
}

function issueReason(issue: z.core.$ZodIssue): Reason {
  const path = pathText(issue.path);
  switch (issue.code) {
    case "invalid_type":
      if (issue.input === undefined) return { code: "rules.missing", params: { path } };
      return {
        code: issue.expected === "array" ? "rules.notList" : "rules.wrongType",
        params: { path, expected: issue.expected },
      };
    case "too_small":
      if (issue.origin === "array")
        return { code: "rules.tooFewEntries", params: { path, min: Number(issue.minimum) } };
      if (issue.origin === "string") return { code: "rules.emptyText", params: { path } };
      return {
        code: issue.inclusive ? "rules.atLeast" : "rules.moreThan",
        params: { path, limit: Number(issue.minimum) },
      };
    case "too_big":
      if (issue.origin === "array")
        return { code: "rules.tooManyEntries", params: { path, max: Number(issue.maximum) } };
      return {
        code: issue.inclusive ? "rules.atMost" : "rules.lessThan",
        params: { path, limit: Number(issue.maximum) },
      };
    case "unrecognized_keys":
      return { code: "rules.unknownField", params: { path, keys: issue.keys } };
    case "invalid_value":
      return { code: "rules.oneOf", params: { path, values: issue.values.map((v) => JSON.stringify(v)) } };
    case "invalid_union":
      if (issue.path.length === 0 || path.endsWith("method"))
        return { code: "rules.unknownMethodAt", params: { path } };
      return { code: "rules.invalidUnion", params: { path } };
    case "invalid_format":
      // A tier colour (`colours.gold`, `tiers[0].colour`) says what a colour looks like.
      if (/colou?rs?$/.test(String(issue.path.at(-1))) || issue.path[0] === "colours")
        return { code: "rules.badColour", params: { path, value: String(issue.input) } };
      return { code: "rules.badFormat", params: { path } };
    default:
      return { code: "rules.invalid", params: { path } };
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
    throw new TierError("rules.notObject");
  }
  const methodValue = (value as { method?: unknown }).method;
  if (!METHOD_IDS.includes(methodValue as Method)) {
    throw new TierError("rules.unknownMethod", {
      methods: METHOD_IDS,
      got: JSON.stringify(methodValue) ?? "—",
    });
  }
  const result = ruleSetSchema.safeParse(value, { reportInput: true });
  if (!result.success) {
    const problems = result.error.issues.slice(0, 5).map(issueReason);
    const first = result.error.issues[0];
    throw new TierError(
      "rules.problems",
      { problems, more: Math.max(0, result.error.issues.length - 5) },
      first ? pathText(first.path) : undefined,
    );
  }
  methodOf(result.data).check(result.data);
  checkColours(result.data);
  return result.data;
}

/** A colour for a tier the rule set does not have would colour nothing: say so rather than drop it. */
function checkColours(rules: RuleSet): void {
  if (!rules.colours) return;
  const keys = methodOf(rules)
    .tiers(rules)
    .map((t) => t.key);
  for (const key of Object.keys(rules.colours))
    if (!keys.includes(key)) throw new TierError("rules.colourTier", { key, tiers: keys }, `colours.${key}`);
}

/** Reads a rule file's text: JSON syntax errors become one readable line. */
export function parseRuleSetText(text: string): RuleSet {
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (e) {
    throw new TierError("rules.notJson", { detail: (e as Error).message });
  }
  return parseRuleSet(value);
}
