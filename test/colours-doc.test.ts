import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { colourTable, DOC_PRESETS } from "../scripts/colours-doc";

const DOC = readFileSync(path.join(import.meta.dirname, "..", "docs", "colours.md"), "utf8");

describe("docs/colours.md", () => {
  it.each(DOC_PRESETS)("holds the %s colours, text colours and contrast ratios the code computes", (name) => {
    expect(DOC).toContain(`<!-- colours:${name} -->\n${colourTable(name)}\n`);
  });
});
