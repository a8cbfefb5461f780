import { z } from "zod";
import { rankColour } from "../colour";
import { strategyMap } from "./strategies";
import type { Names, TierInfo } from "./types";

/** Schema pieces shared by the methods' rule sets. */
export const names = z.object({ zh: z.string().min(1), en: z.string().min(1) }).strict();
export const unitShare = z.number().gt(0).lte(1);
export const visits = z.number().int().min(0).max(31);
export const colour = z.string().regex(/^#[0-9A-Fa-f]{6}$/, "a colour such as #C9A227");
export const benefits = z
  .object({ zh: z.array(z.string()), en: z.array(z.string()) })
  .strict()
  .optional();
export const tierDef = z
  .object({
    key: z.string().min(1),
    name: names,
    benefits,
    cumulative: z.boolean().optional(),
    visits: visits.optional(),
    colour: colour.optional(),
    strategies: benefits,
  })
  .strict();
export const base = {
  name: names,
  description: names.optional(),
  /**
   * Thresholds the source policy does not give, as paths in the rule set (`"rules[0].when[0].value"`):
   * examples to replace (示例门槛), which the pane and the docs show as such, not as the policy.
   */
  examples: z.array(z.string().min(1)).optional(),
  /** The user's tier colours (`{ "gold": "#C9A227" }`), by tier key, over the method's own (`tiersOf`). */
  colours: z.record(z.string().min(1), colour).optional(),
  /** The policy's actions per tier key (策略), for methods whose tiers come from the method. */
  strategies: strategyMap,
};

export type TierDef = z.infer<typeof tierDef>;

/** Throws the rules mistake of two tiers with one key (they would be indistinguishable in history). */
export function distinctKeys(
  keys: readonly string[],
  path: string,
  fail: (code: string, params: Record<string, string | number>, path: string) => never,
): void {
  const seen = new Set<string>();
  keys.forEach((k, i) => {
    if (seen.has(k)) fail("rules.duplicateKey", { key: k, path: `${path}[${i}]` }, `${path}[${i}]`);
    seen.add(k);
  });
}

/**
 * Tier infos from a rule set's tier list, best first: `bestFirst` is false for lists written lowest
 * first (membership, level). Benefits are cumulated where a tier says it keeps the lower tiers' ones.
 */
export function tierInfos(
  tiers: readonly {
    key: string;
    name: Names;
    colour?: string;
    visits?: number;
    benefits?: { zh: string[]; en: string[] };
    cumulative?: boolean;
    strategies?: { zh: string[]; en: string[] };
  }[],
  bestFirst: boolean,
): TierInfo[] {
  const lowestFirst = bestFirst ? [...tiers].reverse() : [...tiers];
  // A cumulative tier keeps the benefits of the tier below it, and through it (when that one is
  // cumulative too) of lower ones; the chain stops at the first tier that is not cumulative, as
  // `benefitsOf` in ../membership reads the store policy ("除普通客户权益外").
  const withBenefits = lowestFirst.map((t, i) => {
    let from = i;
    while (from > 0 && lowestFirst[from].cumulative) from--;
    const zh: string[] = [];
    const en: string[] = [];
    for (let j = from; j <= i; j++) {
      const b = lowestFirst[j].benefits;
      if (!b) continue;
      for (const x of b.zh) if (x.trim() !== "" && !zh.includes(x.trim())) zh.push(x.trim());
      for (const x of b.en) if (x.trim() !== "" && !en.includes(x.trim())) en.push(x.trim());
    }
    return { t, benefits: zh.length || en.length ? { zh, en } : undefined };
  });
  return withBenefits.reverse().map(({ t, benefits: b }, rank) => ({
    key: t.key,
    name: t.name,
    colour: t.colour ?? rankColour(rank),
    ...(t.visits !== undefined ? { visits: t.visits } : {}),
    ...(b ? { benefits: b } : {}),
    ...(t.strategies ? { strategies: t.strategies } : {}),
  }));
}
