/**
 * Holidays: the one parser of holiday lists, China's calendar from chinese-days, and the command
 * line's `--holidays cn|none|FILE`. The 2025 dates are those of the State Council's notice on the
 * 2025 holidays (国办发明电〔2024〕12号): 国庆节 and 中秋节 off 10-01 to 10-08, worked on Sunday 09-28
 * and Saturday 10-11.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { main } from "../src/cli/main";
import { formatDay, parseIsoDay } from "../src/engine/dates";
import { TierError } from "../src/engine/errors";
import { mergeHolidays, parseHolidays } from "../src/engine/holidays";
import { CHINA_YEARS, chinaHolidays } from "../src/engine/holidays-cn";
import { workingDays } from "../src/engine/visits";
import { reasonText } from "../src/i18n/reasons";

const days = (list: readonly number[]) => list.map(formatDay);

async function run(...argv: string[]) {
  let out = "";
  let err = "";
  const code = await main(argv, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

const dir = mkdtempSync(path.join(tmpdir(), "tier-holidays-"));
const file = (name: string, text: string) => {
  const p = path.join(dir, name);
  writeFileSync(p, text);
  return p;
};

function retailers(): string {
  const lines = ["客户编号,客户经理,销售额"];
  for (let i = 1; i <= 24; i++) lines.push(`R${i},${i <= 12 ? "张伟" : "李娜"},${Math.round(10000 / i)}`);
  return file("retailers.csv", lines.join("\n") + "\n");
}

const planDates = (csv: string) =>
  new Set(
    Papa.parse<Record<string, string>>(csv.replace(/^\uFEFF/, ""), {
      header: true,
      skipEmptyLines: true,
    }).data.map((r) => r.date),
  );

describe("parseHolidays", () => {
  it("parseHolidays reads one date a line, a CSV's first column, 调休 markers, and skips a header, blanks and comments", () => {
    const text =
      '\uFEFFdate,note\n# 国庆\n2025-10-01\n\n"2025-10-02",国庆\n2025-10-11，上班\n2025-09-28\tworkday\n';
    expect(parseHolidays(text)).toEqual({
      holidays: [parseIsoDay("2025-10-01"), parseIsoDay("2025-10-02")],
      workdays: [parseIsoDay("2025-10-11"), parseIsoDay("2025-09-28")],
    });
  });

  it("parseHolidays names the file, the line and the text of the first line that is not a date", () => {
    let error: unknown;
    try {
      parseHolidays("2025-10-01\n10/2/2025\n", "h.txt");
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(TierError);
    expect((error as TierError).code).toBe("holidays.notADate");
    expect(reasonText(error as TierError, "en")).toBe(
      'h.txt, line 2: "10/2/2025" is not a date: write one YYYY-MM-DD a line',
    );
    expect(reasonText(error as TierError, "zh")).toBe(
      "h.txt，第 2 行：“10/2/2025”不是日期，请每行写一个 YYYY-MM-DD",
    );
  });

  it("mergeHolidays puts later lists on top: the user's worked day is no longer a holiday", () => {
    const d = parseIsoDay;
    const merged = mergeHolidays(
      { holidays: [d("2025-10-01"), d("2025-10-08")], workdays: [d("2025-10-11")] },
      { holidays: [d("2025-10-11"), d("2025-10-20")], workdays: [d("2025-10-08")] },
    );
    expect(days(merged.holidays)).toEqual(["2025-10-01", "2025-10-11", "2025-10-20"]);
    expect(days(merged.workdays)).toEqual(["2025-10-08"]);
  });
});

describe("China's calendar (chinese-days)", () => {
  it("chinaHolidays(2025, 10) has 10-01 to 10-08 off and Saturday 10-11 worked; Sunday 09-28 is worked in September", () => {
    const october = chinaHolidays(2025, 10);
    expect(october.covered).toBe(true);
    expect(days(october.holidays)).toEqual([
      "2025-10-01",
      "2025-10-02",
      "2025-10-03",
      "2025-10-04",
      "2025-10-05",
      "2025-10-06",
      "2025-10-07",
      "2025-10-08",
    ]);
    expect(days(october.workdays)).toEqual(["2025-10-11"]);
    expect(days(chinaHolidays(2025, 9).workdays)).toEqual(["2025-09-28"]);
  });

  it("October 2025 has 18 working days with China's calendar: 23 weekdays, less 6 weekdays off, plus Saturday 10-11", () => {
    const working = days(workingDays(2025, 10, { days: "mon-fri", ...chinaHolidays(2025, 10) }));
    expect(working).toHaveLength(18);
    expect(working.filter((d) => d >= "2025-10-01" && d <= "2025-10-08")).toEqual([]);
    expect(working).toContain("2025-10-11");
    expect(days(workingDays(2025, 9, { days: "mon-fri", ...chinaHolidays(2025, 9) }))).toContain(
      "2025-09-28",
    );
  });

  it("the calendar covers 2004 to 2026, and a year outside it is said to be uncovered with empty lists", () => {
    expect(CHINA_YEARS).toEqual({ first: 2004, last: 2026 });
    expect(chinaHolidays(2027, 1)).toEqual({ covered: false, holidays: [], workdays: [] });
    // 元旦 2026: 01-01 to 01-03 off, Sunday 01-04 worked (国办发明电〔2025〕7号).
    expect(days(chinaHolidays(2026, 1).holidays).slice(0, 3)).toEqual([
      "2026-01-01",
      "2026-01-02",
      "2026-01-03",
    ]);
    expect(days(chinaHolidays(2026, 1).workdays)).toEqual(["2026-01-04"]);
  });
});

describe("tier plan --holidays", () => {
  it("tier plan --lang zh leaves 10-01 to 10-08 free and visits on 10-11, with no --holidays given", async () => {
    const r = await run("plan", retailers(), "--preset", "abc", "--month", "2025-10", "--lang", "zh");
    expect(r.code).toBe(0);
    const dates = planDates(r.out);
    for (let d = 1; d <= 8; d++) expect(dates.has(`2025-10-0${d}`)).toBe(false);
    expect(dates.has("2025-10-11")).toBe(true);
  });

  it("tier plan --lang zh --holidays none plans on 10-08, a Wednesday, and not on Saturday 10-11", async () => {
    const r = await run(
      "plan",
      retailers(),
      "--preset",
      "abc",
      "--month",
      "2025-10",
      "--lang",
      "zh",
      "--holidays",
      "none",
    );
    expect(r.code).toBe(0);
    const dates = planDates(r.out);
    expect(dates.has("2025-10-08")).toBe(true);
    expect(dates.has("2025-10-11")).toBe(false);
  });

  it("tier plan in English uses no calendar unless --holidays cn, and adds the user's own file on top", async () => {
    const plain = planDates((await run("plan", retailers(), "--preset", "abc", "--month", "2025-10")).out);
    expect(plain.has("2025-10-01")).toBe(true);
    const own = file("own.txt", "2025-10-20\n");
    const r = await run(
      "plan",
      retailers(),
      "--preset",
      "abc",
      "--month",
      "2025-10",
      "--holidays",
      "cn",
      "--holidays",
      own,
    );
    const dates = planDates(r.out);
    expect(dates.has("2025-10-01")).toBe(false);
    expect(dates.has("2025-10-20")).toBe(false);
    expect(dates.has("2025-10-11")).toBe(true);
  });

  it("tier plan --lang zh for 2027 says on stderr that the calendar has no holidays for that year, and plans weekdays", async () => {
    const r = await run("plan", retailers(), "--preset", "abc", "--month", "2027-01", "--lang", "zh");
    expect(r.code).toBe(0);
    expect(r.err).toContain("日历数据中没有 2027 年的法定节假日（数据覆盖 2004—2026 年）");
    expect(planDates(r.out).has("2027-01-01")).toBe(true);
  });
});
