import { z } from "zod";
import { TierError } from "../errors";
import type { MethodDef, TierInfo } from "./types";

/** One tier's actions (策略) in both languages. */
const actions = z.object({ zh: z.array(z.string()), en: z.array(z.string()) }).strict();

/**
 * A rule set's strategies keyed by tier key (`{ "important-value": { zh: [...], en: [...] } }`): how a
 * method whose tiers come from the method itself (RFM segments, the eight RFM classes, lifecycle
 * stages, nine-grid cells, stars, CLV) carries the policy's actions per tier. On methods that list
 * their tiers in the rule set (rule tables, levels, ABC, pyramid, k-means) an entry here replaces
 * that tier's own `strategies`.
 */
export const strategyMap = z.record(z.string().min(1), actions).optional();
export type StrategyMap = z.infer<typeof strategyMap>;

/**
 * The tiers with each one's strategies taken from `map` where it has an entry for the tier's key.
 *
 * @example withStrategies(tiersOf(preset("rfm8")), { "important-value": { zh: ["专属服务"], en: ["dedicated service"] } })[0].strategies?.zh // ["专属服务"]
 */
export function withStrategies(tiers: TierInfo[], map: StrategyMap): TierInfo[] {
  if (!map) return tiers;
  return tiers.map((t) => (Object.hasOwn(map, t.key) ? { ...t, strategies: map[t.key] } : t));
}

type WithMap = { method: string; strategies?: StrategyMap };

/** A method whose tiers carry the rule set's `strategies` entries, and which refuses an unknown key. */
function overlaid<R extends WithMap>(def: MethodDef<R>): MethodDef<R> {
  return {
    ...def,
    check(rs) {
      def.check(rs);
      if (!rs.strategies) return;
      const keys = def.tiers(rs).map((t) => t.key);
      // A mistyped key would silently leave its tier without actions: say so where it is.
      for (const key of Object.keys(rs.strategies))
        if (!keys.includes(key))
          throw new TierError("rules.strategyTier", { key, tiers: keys }, `strategies.${key}`);
    },
    tiers: (rs) => withStrategies(def.tiers(rs), rs.strategies),
  };
}

/**
 * The registry, frozen, with every method's tiers reading the rule set's `strategies` map: one place, so no
 * method has to remember it and every layer that asks the registry for tiers (the grade driver's
 * 策略 column, the summary sheet, SQL, the pane) sees the same actions.
 *
 * @example withStrategyMaps({ rfm8: rfm8Method }).rfm8.tiers({ method: "rfm8", name, strategies })
 */
export function withStrategyMaps<T extends object>(registry: T): T {
  const out: Record<string, unknown> = {};
  for (const [id, def] of Object.entries(registry)) out[id] = overlaid(def as MethodDef<WithMap>);
  return Object.freeze(out) as T;
}
