/**
 * Small cell helpers both file writers need (the exceljs `FileHost` and the surgical `PackageHost`):
 * one copy, so the two writers size columns, name table headers and colour tiers alike.
 */
import { textOn } from "../engine/colour";
import type { CellOut } from "./host";

/** Display width of a cell in characters: CJK characters count two, a date as YYYY-MM-DD. */
export function textWidth(v: CellOut): number {
  if (v === null) return 0;
  const s = typeof v === "object" ? "2025-01-01" : typeof v === "number" ? v.toLocaleString("en") : String(v);
  let w = 0;
  for (const ch of s) w += /[\u2e80-\uffef]/.test(ch) ? 2 : 1;
  return w;
}

/** `#RRGGBB` as Excel's ARGB ("FFRRGGBB"). */
export function argb(hex: string): string {
  return "FF" + hex.replace("#", "").toUpperCase();
}

/** The text colour on a tier fill, as ARGB: the one contrast rule (WCAG) every host uses. */
export function textColour(hex: string): string {
  return argb(textOn(hex));
}

/** Table column names: text, unique (case-insensitive), never blank, as Excel requires. */
export function uniqueHeaders(row: readonly CellOut[], width: number): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (let j = 0; j < width; j++) {
    const v = row[j];
    const base =
      v === null || v === undefined || v === ""
        ? `Column${j + 1}`
        : String(typeof v === "object" ? v.date : v);
    let name = base;
    for (let k = 2; seen.has(name.toLowerCase()); k++) name = `${base}${k}`;
    seen.add(name.toLowerCase());
    out.push(name);
  }
  return out;
}
