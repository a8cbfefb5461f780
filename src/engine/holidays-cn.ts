/**
 * China's public holidays (法定节假日) and the weekend days worked in exchange (调休上班), from the
 * `chinese-days` package's data file, which follows the State Council's yearly notice.
 *
 * The engine imports the data itself rather than having each edge pass it in: it is a plain JSON
 * file (no code, no clock, no network), so the engine stays pure, and the command line, the pane and
 * the tests cannot disagree about it. It is kept out of `index.ts` so the custom functions' bundle
 * does not carry it.
 *
 * Outside the years the data covers (2004 to the last year the State Council has announced, 2026 in
 * chinese-days 1.5.7) nothing is known: `chinaHolidays` returns empty lists with `covered: false`, and
 * the edges say so and ask the user to type that year's holidays.
 */
import data from "chinese-days/dist/chinese-days.json";
import { parseIsoDay } from "./dates";
import type { HolidayList } from "./holidays";

const HOLIDAYS = Object.keys(data.holidays);
const WORKDAYS = Object.keys(data.workdays);
const YEARS = [...new Set(HOLIDAYS.map((d) => Number(d.slice(0, 4))))].sort((a, b) => a - b);

/** First and last year the holiday data covers. */
export const CHINA_YEARS: { readonly first: number; readonly last: number } = Object.freeze({
  first: YEARS[0],
  last: YEARS[YEARS.length - 1],
});

const prefix = (year: number, month: number) => `${year}-${String(month).padStart(2, "0")}-`;

/**
 * China's holidays and 调休 working days of one month. `covered` is false for a year the data does
 * not hold (the lists are then empty).
 *
 * @example chinaHolidays(2025, 10)
 * // holidays 10-01 … 10-08 (国庆节 and 中秋节), workdays [10-11]; 09-28 is in chinaHolidays(2025, 9).workdays
 */
export function chinaHolidays(year: number, month: number): HolidayList & { covered: boolean } {
  const covered = YEARS.includes(year);
  const p = prefix(year, month);
  return {
    covered,
    holidays: HOLIDAYS.filter((d) => d.startsWith(p)).map(parseIsoDay),
    workdays: WORKDAYS.filter((d) => d.startsWith(p)).map(parseIsoDay),
  };
}
