/**
 * The colour tables of docs/colours.md, computed from the presets (hex, the text colour the WCAG rule
 * picks, its contrast ratio), so the doc cannot drift from the code; test/colours-doc.test.ts checks
 * the doc holds them. Prints them:
 *
 *   node --import tsx scripts/colours-doc.ts
 */
import { contrastRatio, textOn } from "../src/engine/colour";
import { tiersOf } from "../src/engine/methods";
import { preset } from "../src/engine/presets";

/** The presets whose colours docs/colours.md explains, in its order. */
export const DOC_PRESETS = ["membership", "abc", "scorecard", "lifecycle", "rfm8", "rfm"] as const;

/** One preset's tiers as a Markdown table: key, names, fill, text colour and WCAG contrast ratio. */
export function colourTable(name: string): string {
  const lines = [
    "| key | 名称 | name | fill | text | contrast |",
    "|---|---|---|---|---|---|",
    ...tiersOf(preset(name)).map((t) => {
      const ink = textOn(t.colour);
      const text = ink === "#000000" ? "black" : "white";
      return `| \`${t.key}\` | ${t.name.zh} | ${t.name.en} | \`${t.colour}\` | ${text} | ${contrastRatio(t.colour, ink).toFixed(2)}:1 |`;
    }),
  ];
  return lines.join("\n");
}

if (process.argv[1]?.endsWith("colours-doc.ts"))
  for (const name of DOC_PRESETS) process.stdout.write(`<!-- colours:${name} -->\n${colourTable(name)}\n\n`);
