/**
 * The machine-readable next step of a JSON result (issue 17): `nextStep: { role, from, to }` beside
 * the row's `reason`, `next_tier` and `next_step` sentences, so a script can act on it.
 */
import type { PresentedResult } from "../engine/grade";

/** What a row of `tier grade --out x.json` adds: the next step as numbers, or why there is none. */
export interface NextJson {
  nextStep?: {
    role: string;
    column: string;
    from: number;
    to: number;
    /** The tier it reaches, as its key. */
    tier: string;
    estimate?: boolean;
  };
  /** Why there is no step (`next.top`, `next.noSingleChange`, `next.notRanked`). */
  nextNone?: string;
}

/**
 * The JSON fields of row `i`'s next step.
 *
 * @example nextJson(result, 0) // { nextStep: { role: "amount", column: "消费", from: 8640, to: 10000, tier: "gold" } }
 */
export function nextJson(result: PresentedResult, i: number): NextJson {
  const s = result.next?.[i];
  if (!s) return {};
  if (!("tier" in s)) return { nextNone: s.none };
  return {
    nextStep: {
      role: s.role,
      column: s.column,
      from: s.from,
      to: s.to,
      tier: s.tier,
      ...(s.estimate ? { estimate: true } : {}),
    },
  };
}
