// The grid helpers of the next-step search (issue 17): the smallest typed value past a cut.
import { describe, expect, it } from "vitest";
import { atLeast, atMost } from "../src/engine/next/search";
import { seededRandom } from "../src/engine/random";

describe("atLeast and atMost", () => {
  it("atLeast(2470.72, 0.01, strict) is 2470.73: the cent above a cut that is itself a whole cent", () => {
    expect(atLeast(2470.72, 0.01, true)).toBe(2470.73);
    expect(atLeast(2470.72, 0.01, false)).toBe(2470.72);
    // 0.1 + 0.2 is 0.30000000000000004 in binary: the typed value 0.31 is the first above it.
    expect(atLeast(0.1 + 0.2, 0.01, true)).toBe(0.31);
  });

  it("atMost(97.61, 1, strict) is 97 days and atMost(30, 1, strict) is 29", () => {
    expect(atMost(97.61, 1, true)).toBe(97);
    expect(atMost(30, 1, true)).toBe(29);
    expect(atMost(30, 1, false)).toBe(30);
  });

  it("lands past the bound for 1,000 random bounds, and one step less does not", () => {
    const random = seededRandom(17);
    for (let k = 0; k < 1000; k++) {
      const b = Math.round(random() * 1e7) / 1e3;
      const up = atLeast(b, 0.01, true);
      expect(up > b && Math.round((up - 0.01) * 100) / 100 <= b).toBe(true);
    }
  });
});
