import type { Lang } from "../engine/reasons";

/**
 * A share as a percentage with one decimal, written as each language writes it: "27.4%" in Chinese
 * (no space, GB/T 15835), "27.4 %" in English as the rest of the English catalogue has it.
 *
 * @example percentText(0.274, "zh") // "27.4%"
 */
export function percentText(x: number, lang: Lang): string {
  return `${(x * 100).toFixed(1)}${lang === "zh" ? "%" : " %"}`;
}
