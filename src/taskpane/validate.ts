/**
 * Validation of the rule set being edited, mapped to the fields that show it. The schema's issues carry
 * a path (`tiers.2.min`); the engine's meaning checks (orders, sums) name the path at the start of their
 * message (`cuts[1] must be more than cuts[0]`), so both land on the field that caused them.
 */
import type { z } from "zod";
import type { MessageKey, MessageParams } from "../i18n";
import { parseRuleSet, ruleSetSchema, type RuleSet } from "../engine/ruleset";
import { TierError } from "../engine/errors";
import type { Lang } from "../engine/reasons";
import { reasonText } from "../i18n/reasons";

/** A field's problem as a catalogue message. */
export interface FieldProblem {
  key: MessageKey;
  params?: MessageParams;
}

export interface Validation {
  /** The rule set when it is valid. */
  ruleSet: RuleSet | null;
  /** Problems by field path, e.g. `tiers.2.min`, `profiles.新场`. */
  fields: Record<string, FieldProblem>;
}

export type Path = readonly (string | number)[];

export function pathKey(path: Path): string {
  return path.join(".");
}

function fromIssue(issue: z.core.$ZodIssue): FieldProblem {
  const i = issue as unknown as {
    code: string;
    expected?: string;
    origin?: string;
    minimum?: number | bigint;
    maximum?: number | bigint;
    inclusive?: boolean;
    message: string;
    input?: unknown;
  };
  switch (i.code) {
    case "invalid_type":
      if (i.expected === "number") return { key: "invalid.number" };
      if (i.expected === "int") return { key: "invalid.integer" };
      if (i.expected === "tuple" || i.expected === "array") return { key: "invalid.range" };
      return { key: "invalid.other", params: { reason: i.message } };
    case "too_small":
      if (i.origin === "string") return { key: "invalid.empty" };
      if (i.origin === "number")
        return {
          key: i.inclusive ? "invalid.atLeast" : "invalid.moreThan",
          params: { n: Number(i.minimum) },
        };
      return { key: "invalid.other", params: { reason: i.message } };
    case "too_big":
      if (i.origin === "number")
        return { key: i.inclusive ? "invalid.atMost" : "invalid.lessThan", params: { n: Number(i.maximum) } };
      return { key: "invalid.other", params: { reason: i.message } };
    default:
      return { key: "invalid.other", params: { reason: i.message } };
  }
}

const LEADING_PATH = /^([A-Za-z_\u4e00-\u9fff][\w\u4e00-\u9fff]*(?:\[\d+\]|\.[\w\u4e00-\u9fff]+)*)/u;

function fromMeaning(message: string): [string, FieldProblem] {
  const m = LEADING_PATH.exec(message);
  const path = m ? m[1].replace(/\[(\d+)\]/g, ".$1") : "";
  const sum = /weights add up to ([\d.]+) %/.exec(message);
  if (sum) return [path, { key: "invalid.weights", params: { sum: sum[1] } }];
  if (/^tiers\.\d+\.min$/.test(path) && /must be more than/.test(message))
    return [path, { key: "invalid.order" }];
  return [path, { key: "invalid.other", params: { reason: message } }];
}

/**
 * A union (ABC by share or by amount, a grid cut fixed or by terciles) reports one issue for the
 * whole object; the branch whose discriminator matched says which field is wrong.
 */
function flatten(issues: readonly z.core.$ZodIssue[], prefix: PropertyKey[] = []): z.core.$ZodIssue[] {
  const out: z.core.$ZodIssue[] = [];
  for (const issue of issues) {
    const path = [...prefix, ...issue.path];
    if (issue.code === "invalid_union" && issue.errors.length > 0) {
      const discriminator = (i: z.core.$ZodIssue) =>
        i.path.length === 1 && (i.path[0] === "kind" || i.path[0] === "method");
      const branch = issue.errors.find((b) => b.length > 0 && !b.some(discriminator));
      if (branch) {
        out.push(...flatten(branch, path));
        continue;
      }
    }
    out.push({ ...issue, path } as z.core.$ZodIssue);
  }
  return out;
}

const ORDERED_OPS = new Set([">=", ">", "<=", "<", "between"]);

/**
 * Conditions that compare by order need numbers: the schema allows text (for `=` and `in`), so a
 * cleared threshold would otherwise pass as "" and match nothing.
 */
function conditionProblems(draft: unknown, fields: Record<string, FieldProblem>): void {
  const rules = getAt(draft, ["rules"]);
  if (!Array.isArray(rules)) return;
  rules.forEach((rule: { when?: { op?: string; value?: unknown }[] }, r) =>
    rule?.when?.forEach((c, k) => {
      if (!c || !ORDERED_OPS.has(c.op ?? "")) return;
      const values = Array.isArray(c.value) ? c.value : [c.value];
      const ok = values.every((v) => typeof v === "number" && Number.isFinite(v));
      const key = pathKey(["rules", r, "when", k, "value"]);
      if (!ok && !(key in fields))
        fields[key] = { key: c.op === "between" ? "invalid.list" : "invalid.number" };
    }),
  );
}

/**
 * Validates a draft (which may hold text where a number belongs) and places each problem on its field.
 * A meaning check's reason is worded in `lang`, the pane's language (its path is read from the code's
 * English wording, which names the field first).
 */
export function validate(draft: unknown, lang: Lang = "en"): Validation {
  const fields: Record<string, FieldProblem> = {};
  const parsed = ruleSetSchema.safeParse(draft);
  if (!parsed.success) {
    for (const issue of flatten(parsed.error.issues)) {
      const key = pathKey(issue.path as (string | number)[]);
      if (!(key in fields)) fields[key] = fromIssue(issue);
    }
  }
  conditionProblems(draft, fields);
  if (!parsed.success || Object.keys(fields).length > 0) return { ruleSet: null, fields };
  try {
    return { ruleSet: parseRuleSet(draft), fields: {} };
  } catch (e) {
    const [guessed, problem] = fromMeaning((e as Error).message);
    if (!(e instanceof TierError) || problem.key !== "invalid.other")
      return { ruleSet: null, fields: { [guessed]: problem } };
    // The check names its field when it knows it (`segments[1].name`); else the wording leads with it.
    const path = e.path !== undefined ? e.path.replace(/\[(\d+)\]/g, ".$1") : guessed;
    return {
      ruleSet: null,
      fields: { [path]: { key: "invalid.other", params: { reason: reasonText(e, lang) } } },
    };
  }
}

/** The value at `path` in a plain JSON value. */
export function getAt(value: unknown, path: Path): unknown {
  let v = value;
  for (const p of path) {
    if (v === null || typeof v !== "object") return undefined;
    v = (v as Record<string | number, unknown>)[p];
  }
  return v;
}

/** A copy of `value` with `path` set to `next` (copies only along the path). */
export function setAt<T>(value: T, path: Path, next: unknown): T {
  if (path.length === 0) return next as T;
  const [head, ...rest] = path;
  const src = value as unknown as Record<string | number, unknown>;
  const copy = (Array.isArray(value) ? [...value] : { ...src }) as Record<string | number, unknown>;
  copy[head] = setAt(src?.[head], rest, next);
  return copy as unknown as T;
}

/** A number when the text is one, else the text itself (so the schema reports it where it was typed). */
export function numberOrText(text: string): number | string {
  const t = text.trim().replace(/,/g, "");
  if (t === "") return text;
  const n = Number(t);
  return Number.isFinite(n) ? n : text;
}

/** `3-5` → [3, 5]; anything else stays text (and is reported as a bad range). */
export function rangeOrText(text: string): [number, number] | string {
  const m = /^\s*(\d+)\s*[-–~]\s*(\d+)\s*$/.exec(text);
  return m ? [Number(m[1]), Number(m[2])] : text;
}

/** `1, 2, 3` → [1, 2, 3]; anything else stays text. */
export function listOrText(text: string): number[] | string {
  const parts = text.split(/[,，、\s]+/).filter((s) => s !== "");
  const nums = parts.map(Number);
  return nums.every((n) => Number.isFinite(n)) ? nums : text;
}
