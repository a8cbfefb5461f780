import { reason, type Reason } from "../src/engine/reasons";
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { BLANK, isBlank, plainNumber, readNumber, readText } from "../src/engine/values";

describe("readNumber", () => {
  it('readNumber reads "¥300" as 300 and "abc" as not a number', () => {
    expect(readNumber("¥300")).toBe(300);
    expect(readNumber("abc")).toEqual(reason("cell.notNumber", { value: "abc" }));
  });

  it("readNumber reads the text numbers people type, currencies, units, percent and full-width digits", () => {
    const cases: [unknown, number][] = [
      [1234.5, 1234.5],
      [-3, -3],
      ["1,234.50", 1234.5],
      ["￥300", 300],
      ["$1,000", 1000],
      ["300元", 300],
      ["RMB 300", 300],
      [" 12 ", 12],
      ["\u300012\u3000", 12],
      ["1.2e3", 1200],
      ["-5", -5],
      ["+7", 7],
      [".5", 0.5],
      ["１２３", 123],
      ["12%", 0.12],
      ["１２％", 0.12],
      ["(12)", -12],
      ["-¥300", -300],
      ["¥-300", -300],
      ["1.2万", 12000],
      ["1,234,567", 1234567],
    ];
    for (const [input, expected] of cases) expect(readNumber(input), JSON.stringify(input)).toBe(expected);
  });

  it("readNumber gives a reason for blanks, booleans, words, bad grouping, NaN and Infinity", () => {
    const cases: [unknown, Reason][] = [
      ["", BLANK],
      ["   ", BLANK],
      [null, BLANK],
      [undefined, BLANK],
      [true, reason("cell.notNumber", { value: "TRUE" })],
      [false, reason("cell.notNumber", { value: "FALSE" })],
      ["abc", reason("cell.notNumber", { value: "abc" })],
      ["1,2", reason("cell.notNumber", { value: "1,2" })],
      ["12abc", reason("cell.notNumber", { value: "12abc" })],
      ["0x10", reason("cell.notNumber", { value: "0x10" })],
      [NaN, reason("cell.notFinite")],
      [Infinity, reason("cell.notFinite")],
    ];
    for (const [input, expected] of cases) expect(readNumber(input), String(input)).toEqual(expected);
  });

  it("readNumber names every Excel error value, as text or as an exceljs error object", () => {
    for (const e of [
      "#N/A",
      "#VALUE!",
      "#DIV/0!",
      "#REF!",
      "#NAME?",
      "#NUM!",
      "#NULL!",
      "#SPILL!",
      "#CALC!",
      "#GETTING_DATA",
    ]) {
      expect(readNumber(e)).toEqual(reason("cell.error", { value: e }));
      expect(readNumber({ error: e })).toEqual(reason("cell.error", { value: e }));
    }
  });
});

describe("isBlank and readText", () => {
  it("isBlank is true for null, undefined and white space only", () => {
    expect([null, undefined, "", "  ", "\u3000"].map(isBlank)).toEqual([true, true, true, true, true]);
    expect([0, "0", false, "a"].map(isBlank)).toEqual([false, false, false, false]);
  });

  it("readText trims text and writes numbers, booleans, dates and errors as a person reads them", () => {
    expect(readText("  Alice ")).toBe("Alice");
    expect(readText(17850)).toBe("17850");
    expect(readText(true)).toBe("TRUE");
    expect(readText(new Date(Date.UTC(2025, 2, 1)))).toBe("2025-03-01");
    expect(readText({ error: "#N/A" })).toBe("#N/A");
    expect(readText(null)).toBe("");
  });
});

describe("plainNumber", () => {
  const PLAIN = /^-?\d+(?:\.\d+)?$/;

  it("gives the same double as Number() for every plain decimal, up to 15 digits and beyond", () => {
    const decimal = fc
      .tuple(
        fc.boolean(),
        fc.stringMatching(/^\d{1,20}$/),
        fc.option(fc.stringMatching(/^\d{1,20}$/), { nil: undefined }),
      )
      .map(([neg, int, frac]) => `${neg ? "-" : ""}${int}${frac === undefined ? "" : `.${frac}`}`);
    fc.assert(
      fc.property(decimal, (s) => Object.is(plainNumber(s), Number(s))),
      { numRuns: 20_000 },
    );
    // Numbers printed by JavaScript (the shortest round-trip form) read back exactly.
    fc.assert(
      fc.property(fc.double({ min: -1e12, max: 1e12, noNaN: true }), (x) => {
        const s = String(Math.round(x * 100) / 100);
        return !PLAIN.test(s) || Object.is(plainNumber(s), Number(s));
      }),
      { numRuns: 20_000 },
    );
  });

  it("is NaN exactly for the text that is not a plain decimal", () => {
    for (const s of ["", "-", ".5", "5.", "1.2.3", "1,234", " 12", "12 ", "+5", "1e3", "１２", "--1", "-.5"])
      expect(plainNumber(s)).toBeNaN();
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(..."0123456789.-+e ,") }),
        (s) => Number.isNaN(plainNumber(s)) === !PLAIN.test(s),
      ),
      { numRuns: 20_000 },
    );
  });

  it("keeps the sign of zero and the value of leading zeros", () => {
    expect(Object.is(plainNumber("-0"), -0)).toBe(true);
    expect(plainNumber("007.50")).toBe(7.5);
    expect(plainNumber("139.12")).toBe(139.12);
  });
});
