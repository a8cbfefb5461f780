import type { TierInfo } from "../../src/engine/methods";

/**
 * A hand-made re-evaluation of nine customers under three tiers A > B > C (the example the pane,
 * file and Office tests share):
 *
 *   before: C1 A, C2 A, C3 B, C4 B, C5 C, C6 C, C7 B
 *   now:    C1 A, C2 B, C3 A, C4 C, C5 B, C6 C, C8 A, C9 C
 *
 * so C1, C6 stay (same); C3 B→A and C5 C→B go up; C2 A→B and C4 B→C go down; C8, C9 are new; C7 is gone.
 * By hand, rows before × columns now (A, B, C, none):
 *
 *          A  B  C  none
 *   A      1  1  0  0
 *   B      1  0  1  1
 *   C      0  1  1  0
 *   none   1  0  1  0
 */
export const TIERS: readonly TierInfo[] = Object.freeze([
  { key: "A", name: { zh: "甲", en: "A" }, colour: "#1F4E79" },
  { key: "B", name: { zh: "乙", en: "B" }, colour: "#C9A227" },
  { key: "C", name: { zh: "丙", en: "C" }, colour: "#A6A6A6" },
]);
export const BEFORE = Object.freeze(
  [
    ["C1", "A"],
    ["C2", "A"],
    ["C3", "B"],
    ["C4", "B"],
    ["C5", "C"],
    ["C6", "C"],
    ["C7", "B"],
  ].map(([customerId, tier]) => ({ customerId, tier })),
);
export const NOW = Object.freeze(
  [
    ["C1", "A"],
    ["C2", "B"],
    ["C3", "A"],
    ["C4", "C"],
    ["C5", "B"],
    ["C6", "C"],
    ["C8", "A"],
    ["C9", "C"],
  ].map(([customerId, tier]) => ({ customerId, tier })),
);
