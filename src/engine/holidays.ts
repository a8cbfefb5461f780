/**
 * The one reader of holiday lists, for the command line's `--holidays FILE` and the pane's holiday
 * box alike, and the merge of several lists (China's calendar, then the user's own on top).
 */
import { parseIsoDay } from "./dates";
import { TierError } from "./errors";

/** Days off and worked weekend days, as day numbers (days since 1970-01-01). */
export interface HolidayList {
  /** Days that are not worked (法定节假日, a shop's own closing days). */
  holidays: number[];
  /** Weekend days that are worked (调休上班). */
  workdays: number[];
}

const WORKED = /^(workday|work|上班|班)$/i;

/**
 * Reads a holiday list: one YYYY-MM-DD a line, or the first column of a CSV (`,` `;` tab or `，`
 * between cells, cells may be quoted). A second cell of `workday`, `上班` or `班` marks a weekend day
 * that is worked (调休). Blank lines, `#` comments and a header line (a first line that does not start
 * with a digit) are skipped. Throws `holidays.notADate` with the line (1-based) and its text on the first
 * line that is not a date, and `source` (a file name) so the message can say where.
 *
 * @example parseHolidays("# 国庆\n2025-10-01\n2025-10-11,上班\n")
 * // { holidays: [20362], workdays: [20372] }
 */
export function parseHolidays(text: string, source = ""): HolidayList {
  const holidays: number[] = [];
  const workdays: number[] = [];
  const lines = text.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/);
  for (let i = 0; i < lines.length; i++) {
    const cells = lines[i].split(/[,;\t，]/).map((c) => c.trim().replace(/^"|"$/g, ""));
    if (cells[0] === "" || cells[0].startsWith("#")) continue;
    if (i === 0 && !/^\d/.test(cells[0])) continue;
    let day: number;
    try {
      day = parseIsoDay(cells[0]);
    } catch {
      throw new TierError("holidays.notADate", { source, line: i + 1, text: cells[0] });
    }
    if (WORKED.test(cells[1] ?? "")) workdays.push(day);
    else holidays.push(day);
  }
  return { holidays, workdays };
}

/**
 * Several lists as one, later lists on top of earlier ones: a day a later list marks as a holiday is
 * no longer a worked weekend day, and a day a later list marks as worked is no longer a holiday.
 *
 * @example mergeHolidays(china, parseHolidays(userText))
 */
export function mergeHolidays(...lists: readonly HolidayList[]): HolidayList {
  const off = new Set<number>();
  const on = new Set<number>();
  for (const list of lists) {
    for (const d of list.holidays) {
      off.add(d);
      on.delete(d);
    }
    for (const d of list.workdays) {
      on.add(d);
      off.delete(d);
    }
  }
  const asc = (a: number, b: number) => a - b;
  return { holidays: [...off].sort(asc), workdays: [...on].sort(asc) };
}
