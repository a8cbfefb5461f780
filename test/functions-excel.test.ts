// The TIER functions called through the fake Excel's calling rules (test/fake-excel.ts, callAsExcel):
// blank cells as 0 on the desktop and null on the web, error cells as error objects, whole columns.
// docs/workbook.md lists each behaviour with its source.
import { describe, expect, it } from "vitest";
import { dayFromCivil, dayToExcelSerial, todayDay } from "../src/engine/dates";
import {
  callAsExcel,
  FakeCellError,
  type FakeCell,
  type FakeFunctionMetadata,
  type FunctionsPlatform,
} from "./fake-excel";

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

/** The parameters of the functions used here, as dist/functions.json declares them (see functions-metadata.test.ts). */
const range = (name: string, optional = false) => ({ name, dimensionality: "matrix", optional });
const scalar = (name: string) => ({ name, optional: true });
const META: Record<string, FakeFunctionMetadata> = {
  ABC: { allowErrorForDataTypeAny: true, parameters: [range("values"), scalar("a"), scalar("b")] },
  RFM: {
    allowErrorForDataTypeAny: true,
    parameters: [
      range("recency_days"),
      range("frequency"),
      range("amount"),
      scalar("bins"),
      range("method", true),
    ],
  },
  RECENCY: { allowErrorForDataTypeAny: true, parameters: [range("last_dates"), scalar("as_of")] },
  PYRAMID: {
    allowErrorForDataTypeAny: true,
    parameters: [range("values"), range("cuts", true), range("names", true), scalar("lang")],
  },
  LIFECYCLE: {
    allowErrorForDataTypeAny: true,
    parameters: [
      range("first_dates"),
      range("last_dates"),
      range("frequency"),
      scalar("as_of"),
      range("windows", true),
      scalar("lang"),
    ],
  },
};
const PLATFORMS: FunctionsPlatform[] = ["desktop", "web"];
const column = (...cells: FakeCell[]) => cells.map((c) => [c]);
const call = (id: string, platform: FunctionsPlatform, ...args: Parameters<typeof callAsExcel>[2]) =>
  callAsExcel(F[`tier${id[0]}${id.slice(1).toLowerCase()}`], META[id], args, platform) as unknown[][];

describe.each(PLATFORMS)("on Excel %s", (platform) => {
  it("an #N/A among the sales fails that row only, naming the error, and the other rows are graded", () => {
    const out = call("ABC", platform, column(500, new FakeCellError("#N/A"), 300, 200), undefined, undefined);
    expect(out.map((r) => (r[0] instanceof FakeError ? r[0].code : r[0]))).toEqual(["A", "#N/A", "A", "B"]);
    expect((out[1][0] as FakeError).message).toBe("values: error value #N/A");
    // Without allowErrorForDataTypeAny Excel does not call the function: the whole formula is #N/A.
    const strict = { ...META.ABC, allowErrorForDataTypeAny: false };
    expect(callAsExcel(F.tierAbc, strict, [column(500, new FakeCellError("#N/A"))], platform)).toEqual({
      notCalled: "#N/A",
    });
  });

  it("an error given for as_of is #VALUE! naming it", () => {
    const out = (() => {
      try {
        return call("RECENCY", platform, column(45_000), new FakeCellError("#REF!"));
      } catch (e) {
        return e;
      }
    })();
    expect(out).toBeInstanceOf(FakeError);
    expect((out as FakeError).message).toBe("as_of is the error #REF!: fix the cell it comes from");
  });

  it("as_of and bins given as a blank cell take their defaults (today, 5)", () => {
    const day = todayDay() - 10;
    expect(call("RECENCY", platform, column(dayToExcelSerial(day, false)), "")).toEqual([[10]]);
    const r = column(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
    const byDefault = call("RFM", platform, r, r, r, undefined, undefined);
    expect(call("RFM", platform, r, r, r, "", [[""]])).toEqual(byDefault);
  });

  it("TIER.LIFECYCLE with a blank windows range uses the default windows, not 0 days (which made everyone Lost)", () => {
    const asOf = dayToExcelSerial(dayFromCivil(2025, 12, 31), false);
    const first = column(dayToExcelSerial(dayFromCivil(2024, 1, 1), false));
    const last = column(dayToExcelSerial(dayFromCivil(2025, 12, 1), false));
    const freq = column(2);
    const blankWindows = [["", "", "", "", ""]];
    expect(call("LIFECYCLE", platform, first, last, freq, asOf, blankWindows, "")).toEqual([["Regular"]]);
    // One window edited, the other four blank: those keep their defaults.
    expect(call("LIFECYCLE", platform, first, last, freq, asOf, [["", "", 800, "", ""]], "")).toEqual([
      ["New"],
    ]);
  });

  it("blank cells after the cuts of TIER.PYRAMID are not extra cuts", () => {
    const sales = column(...Array.from({ length: 100 }, (_, i) => 100 - i));
    const three = call("PYRAMID", platform, sales, [[0.01], [0.2], [0.5]], undefined, undefined);
    expect(call("PYRAMID", platform, sales, [[0.01], [0.2], [0.5], [""], [""]], undefined, "")).toEqual(
      three,
    );
    expect(three[0]).toEqual(["Top"]);
  });

  it("a whole column (B:B) spills one row per customer, not 1,048,576 rows", () => {
    const whole: FakeCell[][] = Array.from({ length: 1_048_576 }, () => [""]);
    [900, 60, 40].forEach((v, i) => (whole[i][0] = v));
    const out = call("ABC", platform, whole, undefined, undefined);
    expect(out).toEqual([["A"], ["B"], ["C"]]);
  });
});
