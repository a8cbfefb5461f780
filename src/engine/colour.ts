/**
 * Tier colours and the one rule for the text on them, shared by Excel, files and the pane.
 */

/** Colours of tiers by rank (best first) when a policy names none: distinct hues, readable in light and dark themes. */
export const TIER_PALETTE: readonly string[] = Object.freeze([
  "#1E7B34",
  "#4CA64C",
  "#9BCB6A",
  "#F2C14E",
  "#F08A4B",
  "#D64545",
  "#8E5BB5",
  "#3F7FBF",
  "#7F7F7F",
]);

/** The palette colour for rank `i` (0 = best); ranks past the palette share its last colour. */
export function rankColour(i: number): string {
  return TIER_PALETTE[Math.min(i, TIER_PALETTE.length - 1)];
}

function channel(hex: string, at: number): number {
  const c = parseInt(hex.slice(at, at + 2), 16) / 255;
  // sRGB to linear light, as WCAG 2.x defines relative luminance.
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

/**
 * WCAG 2.x relative luminance of `#RRGGBB` (0 black .. 1 white).
 *
 * @example luminance("#FFFFFF") // 1
 */
export function luminance(fill: string): number {
  const hex = fill.replace("#", "");
  if (!/^[0-9a-f]{6}$/i.test(hex)) return 1;
  return 0.2126 * channel(hex, 0) + 0.7152 * channel(hex, 2) + 0.0722 * channel(hex, 4);
}

/**
 * Black or white text on `fill`, whichever has the higher WCAG contrast ratio: the one rule the
 * Office host, the file writer and the pane use, so a tier reads the same everywhere.
 *
 * @example textOn("#4CA64C") // "#000000" (contrast 6.9 against 3.1 for white)
 * @example textOn("#1E7B34") // "#FFFFFF"
 */
export function textOn(fill: string): "#000000" | "#FFFFFF" {
  const l = luminance(fill);
  const black = (l + 0.05) / 0.05;
  const white = 1.05 / (l + 0.05);
  return black >= white ? "#000000" : "#FFFFFF";
}

/**
 * The colour a share `t` (0..1) of the way from `from` to `to`, channel by channel in sRGB: the one
 * shading of heat maps in files, in Excel and in the pane.
 *
 * @example mix("#000000", "#FFFFFF", 0.5) // "#808080"
 */
export function mix(from: string, to: string, t: number): string {
  const k = Math.min(1, Math.max(0, Number.isFinite(t) ? t : 0));
  const at = (hex: string, i: number) => parseInt(hex.replace("#", "").slice(i, i + 2), 16);
  let out = "#";
  for (const i of [0, 2, 4]) {
    const v = Math.round(at(from, i) + (at(to, i) - at(from, i)) * k);
    out += v.toString(16).padStart(2, "0").toUpperCase();
  }
  return out;
}

/**
 * WCAG 2.x contrast ratio of two `#RRGGBB` colours, (L1 + 0.05) / (L2 + 0.05) with L1 the lighter:
 * 1 (none) to 21 (black on white). What `textOn` maximises; shown beside each colour in the pane.
 *
 * @example contrastRatio("#FFFFFF", "#000000") // 21
 */
export function contrastRatio(a: string, b: string): number {
  const [x, y] = [luminance(a), luminance(b)];
  return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
}
