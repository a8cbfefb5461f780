/**
 * Dates as whole day numbers: days since 1970-01-01 in the proleptic Gregorian calendar. No time
 * zones anywhere — a date is the calendar day written in the cell, times of day are dropped.
 */
import { TierError } from "./errors";
import { reason, type Reason } from "./reasons";
import { BLANK, errorValue } from "./values";

const MS_PER_DAY = 86_400_000;
/** Excel's largest date, 9999-12-31, as a 1900-system serial. */
const MAX_SERIAL = 2_958_465;
/** 1900-01-01 and 9999-12-31 as day numbers. */
const MIN_DAY = -25_567;
const MAX_DAY = 2_932_896;
/** Serial of 1970-01-01 in the 1900 system (counting Excel's fictional 1900-02-29). */
const EPOCH_1900 = 25_569;
/** Serial of 1970-01-01 in the 1904 system. */
const EPOCH_1904 = 24_107;

/**
 * Day number of a calendar date (Hinnant's days_from_civil), no validity check.
 *
 * @example dayFromCivil(2025, 3, 1) // 20148
 */
export function dayFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/**
 * Calendar date `[year, month, day]` of a day number (Hinnant's civil_from_days).
 *
 * @example civilFromDay(20148) // [2025, 3, 1]
 */
export function civilFromDay(dayNumber: number): [number, number, number] {
  const z = Math.floor(dayNumber) + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [m <= 2 ? yoe + era * 400 + 1 : yoe + era * 400, m, d];
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function validDay(year: number, month: number, day: number): number | undefined {
  if (year < 1900 || year > 9999 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month))
    return undefined;
  return dayFromCivil(year, month, day);
}

/**
 * Day number of an Excel serial date; the time of day (the fraction) is dropped.
 *
 * 1900 system: serial 1 is 1900-01-01 and 25569 is 1970-01-01. Excel counts a 1900-02-29 that never
 * existed (serial 60, kept for Lotus 1-2-3 compatibility), so serials from 61 on are one day ahead
 * of a plain count; serial 60 is mapped to 1900-02-28 here (readDate rejects it instead).
 * 1904 system (old Mac workbooks): serial 0 is 1904-01-01, 24107 is 1970-01-01.
 *
 * @example excelSerialToDay(45717) // 20148, i.e. 2025-03-01
 * @example excelSerialToDay(44255, true) // 20148
 */
export function excelSerialToDay(serial: number, date1904 = false): number {
  const s = Math.floor(serial);
  if (date1904) return s - EPOCH_1904;
  // Before the fictional 1900-02-29 the plain count is one day behind Excel's; 60 joins 59.
  if (s >= 61) return s - EPOCH_1900;
  return Math.min(s, 59) - EPOCH_1900 + 1;
}

/**
 * Excel serial of a day number, the inverse of {@link excelSerialToDay} (never returns the fictional 60).
 *
 * @example dayToExcelSerial(20148) // 45717
 */
export function dayToExcelSerial(day: number, date1904 = false): number {
  if (date1904) return day + EPOCH_1904;
  const s = day + EPOCH_1900;
  return s >= 61 ? s : s - 1;
}

/**
 * `YYYY-MM-DD` of a day number.
 *
 * @example formatDay(20148) // "2025-03-01"
 */
export function formatDay(day: number): string {
  const [y, m, d] = civilFromDay(day);
  return `${String(y).padStart(4, "0")}-${m < 10 ? "0" : ""}${m}-${d < 10 ? "0" : ""}${d}`;
}

/**
 * Day number of a strict `YYYY-MM-DD` (the `--as-of` option); throws TierError otherwise.
 *
 * @example parseIsoDay("2006-12-31") // 13513
 */
export function parseIsoDay(text: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  const day = m ? validDay(+m[1], +m[2], +m[3]) : undefined;
  if (day === undefined) throw new TierError("dates.notIsoDay", { value: text });
  return day;
}

/**
 * Today's day number on the user's own calendar (local date of `now`): the one place the clock's
 * time zone matters, because "today" for a user in Beijing at 07:00 is not yet today in UTC.
 *
 * @example todayDay(new Date(2025, 2, 1, 9, 0)) // 20148
 */
export function todayDay(now: Date = new Date()): number {
  return dayFromCivil(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

export interface ReadDateOptions {
  /** The workbook counts serials from 1904-01-01 (exceljs `workbook.properties.date1904`). */
  date1904?: boolean;
  /** Dates after this day are invalid ("a date after the as-of date"). */
  asOfDay?: number;
}

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
  january: 1, february: 2, march: 3, april: 4, june: 6, july: 7, august: 8, september: 9, october: 10,
  november: 11, december: 12,
}; // prettier-ignore

// Optional time of day after the date; a zone suffix is accepted and ignored (the written day counts).
const TIME = String.raw`(?:[ T]+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:[AP]M)?)?\s*(?:Z|[+-]\d{2}:?\d{2}|UTC|GMT)?`;
const YMD = new RegExp(String.raw`^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})${TIME}$`, "i");
const CJK = new RegExp(String.raw`^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?${TIME}$`, "i");
const DMY = new RegExp(String.raw`^(\d{1,2})([-/.])(\d{1,2})\2(\d{4})${TIME}$`, "i");
const D_MON_Y = new RegExp(String.raw`^(\d{1,2})[-\s/]([a-z]{3,9})\.?[-\s/,]+(\d{4})${TIME}$`, "i");
const MON_D_Y = new RegExp(String.raw`^([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})${TIME}$`, "i");
const DIGITS = /^\d+(?:\.\d+)?$/;
// The dominant CSV shape ("2010-12-01 08:26:00"): tested first, without the general regexes.
const ISO_FAST = /^(\d{4})-(\d{2})-(\d{2})(?:[ T]\d{2}:\d{2}(?::\d{2})?)?$/;

/**
 * Reads a cell as a day number, or returns why it is not a date.
 *
 * - numbers are Excel serials (1900 or 1904 system), 1..2958465; serial 60 (1900-02-29) is rejected;
 * - Date objects are read on their UTC calendar day (exceljs gives UTC midnights);
 * - text: `2025-03-01`, `2025/3/1`, `2025.3.1`, `2025年3月1日`, `2025-03-01 08:26:00`,
 *   `2025-03-01T08:26:00Z` (the written day, zone ignored), `20250301`, `1 Mar 2025`, `Mar 1, 2025`,
 *   and numeric text serials (`45717`);
 * - `dd/mm/yyyy` or `mm/dd/yyyy` is read only when unambiguous (one part above 12, or both equal);
 *   otherwise `ambiguous date "03/01/2025": write it as 2025-03-01 or 2025-01-03`.
 *
 * Reasons (codes): `cell.blank`, `cell.error`, `cell.notDate` ("abc", 123456789), `cell.noSuchDay`
 * ("2025-02-30"), `cell.leap1900`, `cell.ambiguousDate`, `cell.afterAsOf` (2026-01-05 after 2025-12-31).
 *
 * @example readDate("2025年3月1日") // 20148
 * @example readDate(45717) // 20148
 * @example readDate("2026-01-05", { asOfDay: parseIsoDay("2025-12-31") }) // "date 2026-01-05 is after the as-of date 2025-12-31"
 */
export function readDate(v: unknown, options: ReadDateOptions = {}): number | Reason {
  const day = readDay(v, options.date1904 === true);
  if (typeof day === "number" && options.asOfDay !== undefined && day > options.asOfDay) {
    return reason("cell.afterAsOf", { date: formatDay(day), asOf: formatDay(options.asOfDay) });
  }
  return day;
}

function readSerial(serial: number, date1904: boolean, shown: string): number | Reason {
  if (!Number.isFinite(serial) || serial < 1 || serial > MAX_SERIAL)
    return reason("cell.notDate", { value: shown });
  if (!date1904 && Math.floor(serial) === 60) return reason("cell.leap1900", { value: shown });
  return excelSerialToDay(serial, date1904);
}

function readDay(v: unknown, date1904: boolean): number | Reason {
  if (typeof v === "string") return readDateText(v, date1904);
  if (typeof v === "number") return readSerial(v, date1904, String(v));
  if (v instanceof Date) {
    const t = v.getTime();
    const day = Math.floor(t / MS_PER_DAY);
    // NaN fails both comparisons' negation below; years outside Excel's 1900..9999 are not dates either.
    return day >= MIN_DAY && day <= MAX_DAY
      ? day
      : reason("cell.notDate", { value: Number.isNaN(t) ? "Invalid Date" : v.toISOString() });
  }
  if (v === null || v === undefined) return BLANK;
  if (typeof v === "boolean") return reason("cell.notDate", { value: v ? "TRUE" : "FALSE" });
  const e = errorValue(v);
  if (e !== undefined) return reason("cell.error", { value: e });
  return reason("cell.notDate", { value: String(v) });
}

function readDateText(raw: string, date1904: boolean): number | Reason {
  const fast = ISO_FAST.exec(raw);
  if (fast !== null) return checked(+fast[1], +fast[2], +fast[3], raw);
  const trimmed = raw.trim();
  if (trimmed === "") return BLANK;
  const e = errorValue(trimmed);
  if (e !== undefined) return reason("cell.error", { value: e });
  const s = trimmed.normalize("NFKC");
  let m: RegExpExecArray | null;
  if (DIGITS.test(s)) {
    if (s.length === 8 && (s.startsWith("19") || s.startsWith("20"))) {
      return checked(+s.slice(0, 4), +s.slice(4, 6), +s.slice(6, 8), trimmed);
    }
    return readSerial(+s, date1904, trimmed);
  }
  if ((m = YMD.exec(s)) !== null) return checked(+m[1], +m[3], +m[4], trimmed);
  if ((m = CJK.exec(s)) !== null) return checked(+m[1], +m[2], +m[3], trimmed);
  if ((m = DMY.exec(s)) !== null) {
    const a = +m[1];
    const b = +m[3];
    const y = +m[4];
    if (a > 12 || a === b) return checked(y, b, a, trimmed);
    if (b > 12) return checked(y, a, b, trimmed);
    const p = (n: number) => String(n).padStart(2, "0");
    return reason("cell.ambiguousDate", {
      value: trimmed,
      a: `${y}-${p(a)}-${p(b)}`,
      b: `${y}-${p(b)}-${p(a)}`,
    });
  }
  if ((m = D_MON_Y.exec(s)) !== null) {
    const month = MONTHS[m[2].toLowerCase()];
    if (month !== undefined) return checked(+m[3], month, +m[1], trimmed);
  }
  if ((m = MON_D_Y.exec(s)) !== null) {
    const month = MONTHS[m[1].toLowerCase()];
    if (month !== undefined) return checked(+m[3], month, +m[2], trimmed);
  }
  return reason("cell.notDate", { value: trimmed });
}

function checked(year: number, month: number, day: number, shown: string): number | Reason {
  return validDay(year, month, day) ?? reason("cell.noSuchDay", { value: shown.trim() });
}
