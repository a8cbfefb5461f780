import { reason, type Reason } from "../src/engine/reasons";
import { BLANK } from "../src/engine/values";
import { describe, expect, it } from "vitest";
import { TierError } from "../src/engine/errors";
import {
  dayToExcelSerial,
  excelSerialToDay,
  formatDay,
  parseIsoDay,
  readDate,
  todayDay,
} from "../src/engine/dates";

// 2025-03-01 is 20148 days after 1970-01-01: 55 years with 14 leap days (1972..2024) + Jan 31 + Feb 28.
const MARCH_1_2025 = 55 * 365 + 14 + 31 + 28;

const show = (v: number | Reason) => (typeof v === "number" ? formatDay(v) : v);

describe("Excel serial dates", () => {
  it("excelSerialToDay pins serials of both date systems to known days", () => {
    expect(MARCH_1_2025).toBe(20148);
    expect(excelSerialToDay(45717)).toBe(MARCH_1_2025);
    expect(excelSerialToDay(44255, true)).toBe(MARCH_1_2025);
    expect(excelSerialToDay(25569)).toBe(0);
    expect(excelSerialToDay(24107, true)).toBe(0);
    expect(formatDay(excelSerialToDay(1))).toBe("1900-01-01");
    expect(formatDay(excelSerialToDay(59))).toBe("1900-02-28");
    expect(formatDay(excelSerialToDay(61))).toBe("1900-03-01");
    expect(formatDay(excelSerialToDay(0, true))).toBe("1904-01-01");
  });

  it("excelSerialToDay maps the fictional 1900-02-29 (serial 60) to 1900-02-28 and drops the time of day", () => {
    expect(formatDay(excelSerialToDay(60))).toBe("1900-02-28");
    expect(excelSerialToDay(45717.99)).toBe(MARCH_1_2025);
  });

  it("dayToExcelSerial is the inverse of excelSerialToDay in both systems", () => {
    for (const s of [1, 59, 61, 25569, 45717, 2958465]) expect(dayToExcelSerial(excelSerialToDay(s))).toBe(s);
    for (const s of [0, 1, 24107, 44255]) expect(dayToExcelSerial(excelSerialToDay(s, true), true)).toBe(s);
  });
});

describe("readDate", () => {
  it("readDate reads every text form of 2025-03-01 in the spec and a few more", () => {
    const forms = [
      "2025-03-01",
      "2025/3/1",
      "2025.3.1",
      "2025年3月1日",
      "2025 年 3 月 1 日",
      "２０２５年３月１日",
      "2025-03-01 08:26:00",
      "2025-03-01T08:26:00Z",
      "2025-03-01T23:30:00+08:00",
      "2025/03/01 8:26",
      "20250301",
      "45717",
      " 2025-03-01 ",
      "1 Mar 2025",
      "01-Mar-2025",
      "Mar 1, 2025",
      "March 1 2025",
    ];
    for (const f of forms) expect(show(readDate(f)), f).toBe("2025-03-01");
  });

  it("readDate reads serial numbers, in the 1904 system when asked, and UTC Date objects", () => {
    expect(readDate(45717)).toBe(MARCH_1_2025);
    expect(readDate(45717.35)).toBe(MARCH_1_2025);
    expect(readDate(44255, { date1904: true })).toBe(MARCH_1_2025);
    expect(readDate("44255", { date1904: true })).toBe(MARCH_1_2025);
    expect(readDate(new Date(Date.UTC(2025, 2, 1)))).toBe(MARCH_1_2025);
    expect(readDate(new Date(Date.UTC(2025, 2, 1, 23, 59)))).toBe(MARCH_1_2025);
  });

  it("readDate reads dd/mm/yyyy or mm/dd/yyyy only when the day is over 12, and asks for ISO otherwise", () => {
    expect(show(readDate("13/01/2025"))).toBe("2025-01-13");
    expect(show(readDate("01/13/2025"))).toBe("2025-01-13");
    expect(show(readDate("05/05/2025"))).toBe("2025-05-05");
    expect(readDate("03/01/2025")).toEqual(
      reason("cell.ambiguousDate", { value: "03/01/2025", a: "2025-03-01", b: "2025-01-03" }),
    );
  });

  it("readDate rejects days that do not exist, serials out of range and words", () => {
    expect(readDate("2025-02-30")).toEqual(reason("cell.noSuchDay", { value: "2025-02-30" }));
    expect(readDate("2023-02-29")).toEqual(reason("cell.noSuchDay", { value: "2023-02-29" }));
    expect(show(readDate("2024-02-29"))).toBe("2024-02-29");
    expect(readDate("2025-13-01")).toEqual(reason("cell.noSuchDay", { value: "2025-13-01" }));
    expect(readDate(123456789)).toEqual(reason("cell.notDate", { value: "123456789" }));
    expect(readDate(0)).toEqual(reason("cell.notDate", { value: "0" }));
    expect(readDate(-5)).toEqual(reason("cell.notDate", { value: "-5" }));
    expect(readDate(60)).toEqual(reason("cell.leap1900", { value: "60" }));
    expect(readDate("abc")).toEqual(reason("cell.notDate", { value: "abc" }));
    expect(readDate("2025-03")).toEqual(reason("cell.notDate", { value: "2025-03" }));
    expect(readDate(true)).toEqual(reason("cell.notDate", { value: "TRUE" }));
  });

  it("readDate reports blanks and error values", () => {
    expect(readDate("")).toEqual(BLANK);
    expect(readDate(null)).toEqual(BLANK);
    expect(readDate(undefined)).toEqual(BLANK);
    expect(readDate("#N/A")).toEqual(reason("cell.error", { value: "#N/A" }));
    expect(readDate({ error: "#REF!" })).toEqual(reason("cell.error", { value: "#REF!" }));
  });

  it("readDate refuses a date after the as-of date and accepts the as-of date itself", () => {
    const asOfDay = parseIsoDay("2025-12-31");
    expect(readDate("2026-01-05", { asOfDay })).toEqual(
      reason("cell.afterAsOf", { date: "2026-01-05", asOf: "2025-12-31" }),
    );
    expect(show(readDate("2025-12-31", { asOfDay }))).toBe("2025-12-31");
    expect(readDate(46027, { asOfDay })).toEqual(
      reason("cell.afterAsOf", { date: "2026-01-05", asOf: "2025-12-31" }),
    );
  });
});

describe("ISO days", () => {
  it("parseIsoDay reads YYYY-MM-DD and throws TierError otherwise", () => {
    // The R package rfm's analysis date: 13,513 days = 36 years (9 leap days) + 364 days of 2006.
    expect(parseIsoDay("2006-12-31")).toBe(36 * 365 + 9 + 364);
    expect(() => parseIsoDay("2006-02-30")).toThrow(TierError);
    expect(() => parseIsoDay("31/12/2006")).toThrow(/YYYY-MM-DD/);
  });

  it("formatDay writes zero-padded YYYY-MM-DD, before 1970 too", () => {
    expect(formatDay(0)).toBe("1970-01-01");
    expect(formatDay(-1)).toBe("1969-12-31");
    expect(formatDay(MARCH_1_2025)).toBe("2025-03-01");
  });

  it("todayDay is the local calendar day of the clock", () => {
    expect(todayDay(new Date(2025, 2, 1, 7, 30))).toBe(MARCH_1_2025);
    expect(Number.isInteger(todayDay())).toBe(true);
  });
});
