import { describe, expect, it } from "vitest";
import { luminance, textOn } from "../src/engine/colour";
import { tiersOf } from "../src/engine/methods";
import { preset } from "../src/engine/presets";

/** Hue in degrees of `#RRGGBB` (HSL), to tell "three greens" from three colours. */
function hue(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
  const max = Math.max(r, g, b);
  const d = max - Math.min(r, g, b);
  if (!d) return NaN;
  const h = max === r ? ((g - b) / d) % 6 : max === g ? (b - r) / d + 2 : (r - g) / d + 4;
  return (h * 60 + 360) % 360;
}

describe("tier colours", () => {
  it("gives the store cards diamond-blue, gold, silver, a neutral grey and a light accent", () => {
    const c = Object.fromEntries(tiersOf(preset("membership")).map((t) => [t.key, t.colour]));
    expect(hue(c.diamond)).toBeGreaterThan(200); // blue: 200°–240°
    expect(hue(c.diamond)).toBeLessThan(240);
    expect(hue(c.gold)).toBeGreaterThan(35); // gold: 35°–55°
    expect(hue(c.gold)).toBeLessThan(55);
    expect(luminance(c.silver)).toBeGreaterThan(luminance(c.gold));
    expect(luminance(c.new)).toBeGreaterThan(luminance(c.regular));
  });

  it("gives A, B and C three hues at least 60° apart", () => {
    const h = tiersOf(preset("abc")).map((t) => hue(t.colour));
    for (let i = 0; i < 3; i++)
      for (let j = i + 1; j < 3; j++) {
        const d = Math.abs(h[i] - h[j]);
        expect(Math.min(d, 360 - d)).toBeGreaterThanOrEqual(60);
      }
  });

  it("shades stars from light (one star) to dark (five stars)", () => {
    const l = tiersOf(preset("scorecard")).map((t) => luminance(t.colour));
    for (let i = 1; i < l.length; i++) expect(l[i]).toBeGreaterThan(l[i - 1]);
  });

  it("writes every tier name in the text colour WCAG gives the higher contrast on its fill", () => {
    // WCAG 2.x contrast ratio (L1 + 0.05) / (L2 + 0.05) ≥ 4.5 for normal text (AA), checked per tier.
    for (const name of ["membership", "abc", "pyramid", "scorecard"]) {
      for (const t of tiersOf(preset(name))) {
        const l = luminance(t.colour);
        const fg = luminance(textOn(t.colour));
        const ratio = (Math.max(l, fg) + 0.05) / (Math.min(l, fg) + 0.05);
        expect(ratio, `${name} ${t.key}`).toBeGreaterThanOrEqual(4.5);
      }
    }
  });
});
