// TIER.NEXT called the way Excel calls it (issue 17): the next tier above each value and the gap to
// it, for the store card thresholds of 门店客户分级管理制度 (普通 0, 银卡 5,000, 金卡 10,000, 钻石 20,000).
import { describe, expect, it } from "vitest";

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
const col = (...cells: unknown[]): unknown[][] =>
  Object.freeze(cells.map((c) => Object.freeze([c]))) as unknown[][];
const row = (...cells: unknown[]): unknown[][] => Object.freeze([Object.freeze(cells)]) as unknown[][];

describe("TIER.NEXT", () => {
  const thresholds = row(0, 5000, 10000, 20000);
  const names = row("普通", "银卡", "金卡", "钻石");

  it("spills the next tier and the gap: 8,640 is 1,360 short of 金卡 (10,000 − 8,640), the top tier gets blanks", () => {
    const out = F.tierNext(col(8640, 4999.99, 25000, "10,000"), thresholds, names);
    expect(out).toEqual([
      ["金卡", 1360],
      ["银卡", 0.01],
      ["", ""],
      ["钻石", 10000],
    ]);
  });

  it("spills #N/A with the reason in a row that is not a number, and grades the others", () => {
    const out = F.tierNext(col(100, "abc"), thresholds, names);
    expect(out[0]).toEqual(["银卡", 4900]);
    expect(out[1][0]).toBeInstanceOf(FakeError);
    expect((out[1][0] as FakeError).code).toBe("#N/A");
  });

  it("throws #VALUE! when the names do not match the thresholds", () => {
    expect(() => F.tierNext(col(1), row(0, 5), row("a"))).toThrow();
  });
});
