import { describe, expect, it } from "vitest";
import { luminance, textOn } from "../src/engine/colour";
import { TierError } from "../src/engine/errors";
import { tiersOf } from "../src/engine/methods";
import { preset } from "../src/engine/presets";
import { DEALER_PRESET } from "../src/engine/presets-source";
import { parseRuleSet, type RuleSet } from "../src/engine/ruleset";
import { reasonText } from "../src/i18n/reasons";
import { gradeIn } from "./present";
import { tableFromRows } from "../src/engine/table";

/** WCAG 2.x contrast ratio (L1 + 0.05) / (L2 + 0.05), lighter over darker. */
function contrast(a: string, b: string): number {
  const [x, y] = [luminance(a), luminance(b)];
  return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
}

/** Hue in degrees of `#RRGGBB` (HSL). */
function hue(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
  const max = Math.max(r, g, b);
  const d = max - Math.min(r, g, b);
  if (!d) return NaN;
  const h = max === r ? ((g - b) / d) % 6 : max === g ? (b - r) / d + 2 : (r - g) / d + 4;
  return (h * 60 + 360) % 360;
}

/** HSL saturation of `#RRGGBB` (0 grey .. 1 pure). */
function saturation(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  const l = (max + min) / 2;
  return max === min ? 0 : (max - min) / (1 - Math.abs(2 * l - 1));
}

const colourOf = (rules: RuleSet) => Object.fromEntries(tiersOf(rules).map((t) => [t.key, t.colour]));

/** The message of what `f` throws, in `lang`. */
function thrown(f: () => unknown, lang: "zh" | "en"): string {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(TierError);
    return reasonText(e as TierError, lang);
  }
  throw new Error("did not throw");
}

describe("meaningful tier colours", () => {
  it("colours lifecycle stages as health: green new, blue loyal and regular, amber one-time, red at risk, grey lost", () => {
    const c = colourOf(preset("lifecycle"));
    expect(hue(c.new)).toBeGreaterThan(90); // green: 90°–150°
    expect(hue(c.new)).toBeLessThan(150);
    for (const k of ["loyal", "regular"]) {
      expect(hue(c[k])).toBeGreaterThan(200); // blue: 200°–230°
      expect(hue(c[k])).toBeLessThan(230);
    }
    expect(luminance(c.loyal)).toBeLessThan(luminance(c.regular)); // loyal reads stronger
    expect(hue(c.one_time)).toBeGreaterThan(35); // amber: 35°–55°
    expect(hue(c.one_time)).toBeLessThan(55);
    expect(Math.min(hue(c.at_risk), 360 - hue(c.at_risk))).toBeLessThan(15); // red: within 15° of 0°
    expect(saturation(c.lost)).toBe(0); // grey
  });

  it("gives the eight RFM classes one hue per action and deep 重要 against pale 一般, with 一般挽留 grey", () => {
    const c = colourOf(preset("rfm8"));
    for (const action of ["value", "development", "retention"]) {
      const important = c[`important-${action}`];
      const general = c[`general-${action}`];
      const d = Math.abs(hue(important) - hue(general));
      expect(Math.min(d, 360 - d), action).toBeLessThan(20); // same hue
      expect(luminance(general) - luminance(important), action).toBeGreaterThan(0.3); // pale tint
      expect(textOn(important), action).toBe("#FFFFFF");
      expect(textOn(general), action).toBe("#000000");
    }
    expect(textOn(c["important-win-back"])).toBe("#FFFFFF");
    expect(saturation(c["general-win-back"])).toBe(0);
    // Four distinct hues for the four actions of 重要 classes.
    const hues = ["value", "development", "retention", "win-back"].map((a) => hue(c[`important-${a}`]));
    for (let i = 0; i < 4; i++)
      for (let j = i + 1; j < 4; j++) {
        const d = Math.abs(hues[i] - hues[j]);
        expect(Math.min(d, 360 - d)).toBeGreaterThanOrEqual(40);
      }
  });

  it("shades the dealer scorecard's stars from light (one star) to dark (five stars)", () => {
    const l = tiersOf(parseRuleSet(DEALER_PRESET)).map((t) => luminance(t.colour));
    expect(l).toHaveLength(5);
    for (let i = 1; i < l.length; i++) expect(l[i]).toBeGreaterThan(l[i - 1]);
  });

  it("keeps every tier name of lifecycle, RFM and the RFM classes at WCAG AA contrast (4.5:1) on its fill", () => {
    for (const name of ["lifecycle", "rfm", "rfm8"])
      for (const t of tiersOf(preset(name)))
        expect(contrast(t.colour, textOn(t.colour)), `${name} ${t.key}`).toBeGreaterThanOrEqual(4.5);
  });

  it("keeps every grey tier of lifecycle, RFM and the RFM classes apart from the summary chart's grey customer bars", () => {
    // write-summary.ts draws share of customers in #A6A6A6 beside share of sales in the tier's colour.
    for (const name of ["lifecycle", "rfm", "rfm8"])
      for (const t of tiersOf(preset(name)))
        if (saturation(t.colour) < 0.15)
          expect(contrast(t.colour, "#A6A6A6"), `${name} ${t.key}`).toBeGreaterThanOrEqual(1.5);
  });
});

describe("a rule set's own colours", () => {
  it("tiersOf lays colours by tier key over the method's, and grading hands them to every renderer", () => {
    const rules = parseRuleSet({ ...preset("abc"), colours: { B: "#7030a0" } });
    expect(tiersOf(rules).map((t) => t.colour)).toEqual([
      tiersOf(preset("abc"))[0].colour,
      "#7030A0",
      tiersOf(preset("abc"))[2].colour,
    ]);
    const table = tableFromRows(
      [
        ["客户编号", "销售额"],
        ["C1", 900],
        ["C2", 60],
        ["C3", 40],
      ],
      false,
      "S",
    );
    const result = gradeIn(table, rules, { lang: "zh" });
    expect(result.tiers.find((t) => t.key === "B")!.colour).toBe("#7030A0");
  });

  it("an invalid colour is refused with a catalogued message in both languages", () => {
    const bad = { ...preset("membership"), colours: { gold: "gold" } };
    expect(thrown(() => parseRuleSet(bad), "en")).toBe(
      'colours.gold: "gold" is not a colour; write it as # and six hexadecimal digits, such as #C9A227',
    );
    expect(thrown(() => parseRuleSet(bad), "zh")).toBe(
      "colours.gold：“gold”不是颜色，请写成 # 加六位十六进制数字，例如 #C9A227",
    );
  });

  it("a colour for a tier the policy does not have is refused, naming its tiers", () => {
    const bad = { ...preset("abc"), colours: { D: "#123456" } };
    expect(thrown(() => parseRuleSet(bad), "en")).toBe(
      'colours: "D" is not a tier of this policy (its tiers: A, B, C)',
    );
    expect(thrown(() => parseRuleSet(bad), "zh")).toBe(
      "colours：“D”不是本政策的等级（本政策的等级：A、B、C）",
    );
  });
});
