// TIER.PALIVE and TIER.CLV called the way Excel calls them (2-D arrays, "" for a blank cell, null for
// an omitted argument), against the engine on the CDNOW sample of Fader, Hardie & Lee (2005).
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { fitBgNbd, fitGammaGamma, pAlive, scoreClv } from "../src/engine/clv";

class FakeError {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}
Object.assign(globalThis, {
  CustomFunctions: {
    Error: FakeError,
    ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A" },
    associate: () => undefined,
  },
});

type Fn = (...args: unknown[]) => unknown[][];
const F = (await import("../src/functions/functions")) as unknown as Record<string, Fn>;

/** A column as Excel passes it, frozen to prove the functions never write into it. */
const col = (cells: ArrayLike<unknown>): unknown[][] =>
  Object.freeze(Array.from(cells, (c) => Object.freeze([c]))) as unknown[][];

function cdnow() {
  const lines = readFileSync(new URL("./data/cdnow-summary.csv", import.meta.url), "utf8")
    .trim()
    .split(/\r?\n/)
    .slice(1);
  const c = (k: number) => Float64Array.from(lines, (l) => Number(l.split(",")[k]));
  return { x: c(1), tx: c(2), T: c(3), zbar: c(4) };
}

const data = cdnow();

describe("TIER.PALIVE", () => {
  it("spills the engine's P(alive) for the 2,357 CDNOW customers, fitted on the ranges given", () => {
    const out = F.tierPalive(col(data.x), col(data.tx), col(data.T));
    const expected = pAlive(fitBgNbd(data), data);
    expect(out).toHaveLength(2357);
    for (let i = 0; i < out.length; i++) expect(out[i][0]).toBeCloseTo(expected[i], 12);
    expect(out[2][0]).toBe(1); // customer 3 never bought again
  });

  it("spills #N/A with the reason for a bad row and fits on the others", () => {
    const x = Array.from(data.x, (v) => v as unknown);
    const tx = Array.from(data.tx, (v) => v as unknown);
    x[0] = "abc";
    tx[1] = 99; // after T = 38.86
    const out = F.tierPalive(col(x), col(tx), col(data.T));
    expect((out[0][0] as FakeError).code).toBe("#N/A");
    expect((out[0][0] as FakeError).message).toBe('x: not a number: "abc"');
    expect((out[1][0] as FakeError).message).toContain("t_x is 99");
    const rest = { x: data.x.slice(2), tx: data.tx.slice(2), T: data.T.slice(2) };
    const expected = pAlive(fitBgNbd(rest), rest);
    expect(out[2][0]).toBeCloseTo(expected[0], 12);
  });

  it("is #VALUE! with the reason when nobody bought again", () => {
    try {
      F.tierPalive(col([0, 0, 0]), col([0, 0, 0]), col([5, 6, 7]));
      expect.unreachable();
    } catch (e) {
      expect((e as FakeError).code).toBe("#VALUE!");
      expect((e as FakeError).message).toBe(
        "only 0 of 3 customers bought again: the model needs repeat buyers to learn from",
      );
    }
  });
});

describe("TIER.CLV", () => {
  it("spills the engine's CLV over a year at 10 % a year, blank spend allowed for one-time buyers", () => {
    const spend = Array.from(data.zbar, (z, i) => (data.x[i] === 0 ? "" : z));
    const out = F.tierClv(col(data.x), col(data.tx), col(data.T), col(spend), 52, 0.1, null);
    const expected = scoreClv(fitBgNbd(data), fitGammaGamma(data), data, { horizon: 52, discount: 0.1 }).clv;
    expect(out).toHaveLength(2357);
    for (let i = 0; i < out.length; i++) expect(out[i][0]).toBeCloseTo(expected[i], 9);
  });

  it("takes the unit in words and rejects an unknown one", () => {
    const out = F.tierClv(col(data.x), col(data.tx), col(data.T), col(data.zbar), null, null, "week");
    expect(typeof out[0][0]).toBe("number");
    try {
      F.tierClv(col(data.x), col(data.tx), col(data.T), col(data.zbar), null, null, "year");
      expect.unreachable();
    } catch (e) {
      expect((e as FakeError).code).toBe("#VALUE!");
    }
  });
});
