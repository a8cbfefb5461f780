/**
 * Colours that mean something, per method whose tiers are not a simple rank (docs/colours.md), and
 * the user's own colours laid over a method's: the one place a tier gets its fill.
 */
import type { TierInfo } from "./methods/types";

/**
 * Lifecycle stages read as health: fresh green for new, deep blue for loyal and a lighter blue for
 * regular (mature), amber for one purchase only, red for at risk (沉睡), grey for lost, and a pale
 * lavender for prospects, who are outside the sequence (no purchase yet). Lost is a dark grey: the
 * summary chart draws each tier's share of customers in light grey (#A6A6A6) beside its share of
 * sales in the tier's colour, and a mid grey there could not be told apart.
 */
export const LIFECYCLE_COLOURS: Readonly<Record<string, string>> = Object.freeze({
  prospect: "#D9D2E9",
  lost: "#5F5F5F",
  at_risk: "#D9483B",
  new: "#8DD08F",
  loyal: "#1F5FA8",
  regular: "#6FA8DC",
  one_time: "#F5D77A",
});

/**
 * The eight RFM classes (RFM 八类): the hue says what to do (value green, develop purple, keep blue,
 * win back red), the depth says how much it matters (重要 deep with white text, 一般 the same colour
 * 60% of the way to white, `mix(重要, "#FFFFFF", 0.6)`, with black text), and 一般挽留客户, the class
 * least worth chasing, is a light grey (lighter than the chart's #A6A6A6 customer bars).
 */
export const RFM8_COLOURS: Readonly<Record<string, string>> = Object.freeze({
  "important-value": "#1E7B34",
  "important-development": "#6A3D9A",
  "important-retention": "#1F5FA8",
  "important-win-back": "#B03A2E",
  "general-value": "#A5CAAE",
  "general-development": "#C3B1D7",
  "general-retention": "#A5BFDC",
  "general-win-back": "#D9D9D9",
});

/**
 * The default RFM segment table's segments (src/engine/segments.ts), by name: greens for the best
 * and the growing, blue for loyal, deep red for the valuable slipping away (Can't Lose Them), orange
 * to amber to sand for the ones cooling down, grey for lost and a light grey for the unmatched
 * (`others`, the key of the segment no row matches).
 */
export const SEGMENT_COLOURS: Readonly<Record<string, string>> = Object.freeze({
  Champions: "#1E7B34",
  "Potential Loyalist": "#4CA64C",
  "Loyal Customers": "#1F5FA8",
  Promising: "#9BCB6A",
  "New Customers": "#8DD08F",
  "Can't Lose Them": "#B03A2E",
  "At Risk": "#E8743B",
  "Need Attention": "#F2C14E",
  "About To Sleep": "#F5E3A3",
  Lost: "#5F5F5F",
  others: "#D9D9D9",
});

/**
 * A method's tiers with the user's colours (a rule set's `colours`, by tier key) over their own; the
 * tiers unchanged when there are none. `tiersOf` applies it, so every renderer sees the same fills.
 *
 * @example withColours([{ key: "A", name, colour: "#1E7B34" }], { A: "#C9A227" })[0].colour // "#C9A227"
 */
export function withColours(
  tiers: TierInfo[],
  colours: Readonly<Record<string, string>> | undefined,
): TierInfo[] {
  if (!colours) return tiers;
  return tiers.map((t) => (colours[t.key] ? { ...t, colour: colours[t.key].toUpperCase() } : t));
}
