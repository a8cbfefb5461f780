import { z } from "zod";
import { abcMethod, abcSchema } from "./abc";
import { clvMethod, clvSchema } from "./clv";
import { gridMethod, gridSchema } from "./grid";
import { kmeansMethod, kmeansSchema } from "./kmeans";
import { levelMethod, levelSchema } from "./level";
import { lifecycleMethod, lifecycleSchema } from "./lifecycle";
import { pyramidMethod, pyramidSchema } from "./pyramid";
import { rfmMethod, rfmSchema } from "./rfm";
import { rfm8Method, rfm8Schema } from "./rfm8";
import { rulesMethod, rulesSchema } from "./rules";
import { scorecardMethod, scorecardSchema } from "./scorecard";
import { withStrategyMaps } from "./strategies";
import type { MethodDef, TierInfo } from "./types";
import { withColours } from "../palettes";

export type * from "./types";
export { pick } from "./types";

/** Every rule set: one per method, told apart by `method`. */
export const ruleSetSchema = z.discriminatedUnion("method", [
  rfmSchema,
  rfm8Schema,
  abcSchema,
  pyramidSchema,
  levelSchema,
  rulesSchema,
  lifecycleSchema,
  scorecardSchema,
  gridSchema,
  clvSchema,
  kmeansSchema,
]);

export type RuleSet = z.infer<typeof ruleSetSchema>;
export type Method = RuleSet["method"];

type Registry = { readonly [M in Method]: MethodDef<Extract<RuleSet, { method: M }>> };

/**
 * The method registry: the one place that knows every grading method. Every other layer asks it
 * (`methodOf(ruleSet)`) rather than switching over method names. Frozen, and every method's tiers
 * read the rule set's `strategies` map (策略 per tier key) the same way (`./strategies`).
 */
export const METHODS: Registry = withStrategyMaps({
  rfm: rfmMethod,
  rfm8: rfm8Method,
  abc: abcMethod,
  pyramid: pyramidMethod,
  level: levelMethod,
  rules: rulesMethod,
  lifecycle: lifecycleMethod,
  scorecard: scorecardMethod,
  grid: gridMethod,
  clv: clvMethod,
  kmeans: kmeansMethod,
});

/** The method ids, in the registry's order. */
export const METHOD_IDS = Object.keys(METHODS) as Method[];

/**
 * The method of a rule set, typed for it.
 *
 * @example methodOf(preset("abc")).chart // "pareto"
 */
export function methodOf<R extends RuleSet>(rules: R): MethodDef<R> {
  return METHODS[rules.method] as unknown as MethodDef<R>;
}

/**
 * A rule set's tiers, best first: the order of summaries, charts and up/down between periods, each
 * with its colour (the rule set's `colours` where it sets one).
 *
 * @example tiersOf(preset("membership")).map((t) => t.key) // ["diamond", "gold", "silver", "regular", "new"]
 */
export function tiersOf(rules: RuleSet): TierInfo[] {
  // The user's colours (`colours`, by tier key) over the method's: the one lookup of a tier's fill.
  return withColours(methodOf(rules).tiers(rules), rules.colours);
}

/**
 * The key of a tier written as its key or as its name in either language (a history sheet written
 * in Chinese, read back by an English pane), or undefined.
 *
 * @example tierKeyOf(tiersOf(preset("membership")), "金卡") // "gold"
 */
export function tierKeyOf(tiers: readonly TierInfo[], text: string): string | undefined {
  const t = text.trim();
  const lower = t.toLowerCase();
  return (
    tiers.find((x) => x.key === t)?.key ??
    tiers.find((x) => x.name.zh === t || x.name.en === t)?.key ??
    tiers.find((x) => x.name.en.toLowerCase() === lower || x.key.toLowerCase() === lower)?.key
  );
}
