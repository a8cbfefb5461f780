/**
 * `tier plan`: grades a customer file and plans a month of visits per tier.
 *
 *   tier plan <file> (--preset NAME | --rules FILE.json) --month YYYY-MM [--days mon-fri|mon-sat]
 *             [--holidays cn|none|FILE]... [--capacity N] [--visits TIER=N]... [--input orders|customers] [--sheet NAME]
 *             [--map ROLE=HEADER]... [--as-of YYYY-MM-DD] [--lang en|zh] [--out plan.csv|plan.json]
 */
import { readFile, writeFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { formatDay, parseIsoDay } from "../engine/dates";
import { TierError } from "../engine/errors";
import { grade, type Lang } from "../engine/grade";
import { mergeHolidays, parseHolidays, type HolidayList } from "../engine/holidays";
import { CHINA_YEARS, chinaHolidays } from "../engine/holidays-cn";
import { planVisits, visitCustomers, visitsPerTier, workingDays, type VisitPlan } from "../engine/visits";
import { toCsv } from "../workbook/csv-out";
import { reasonText } from "../i18n/reasons";
import { decodeText } from "../workbook/files";
import type { Io } from "./main";
import {
  inputOption,
  langOption,
  parseMap,
  POLICY_OPTIONS,
  readTable,
  ruleSetOf,
  TABLE_OPTIONS,
} from "./options";
import { padDisplay } from "./text";

export const PLAN_USAGE = `  tier plan <file.csv|file.xlsx> (--preset NAME | --rules FILE.json) --month YYYY-MM
            [--days mon-fri|mon-sat] [--holidays cn|none|FILE]... [--capacity N] [--visits TIER=N]...
            [--input orders|customers] [--sheet NAME] [--map ROLE=HEADER]... [--as-of YYYY-MM-DD]
            [--lang en|zh] [--out plan.csv|plan.json]`;

/** The CSV columns of `tier plan`, in order. */
export const PLAN_COLUMNS = [
  "date",
  "customer_id",
  "tier",
  "visit",
  "visits",
  "manager",
  "area",
  "route_order",
];

export async function planCommand(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: {
      ...POLICY_OPTIONS,
      ...TABLE_OPTIONS,
      month: { type: "string" },
      days: { type: "string" },
      holidays: { type: "string", multiple: true },
      capacity: { type: "string" },
      visits: { type: "string", multiple: true },
      sheet: { type: "string" },
      out: { type: "string" },
    },
  });
  if (positionals.length !== 1) throw new TierError(`plan takes one file (got ${positionals.length})`);
  if (!values.month) throw new TierError("plan needs the month: --month YYYY-MM, e.g. --month 2025-10");
  const m = /^(\d{4})-(\d{1,2})$/.exec(values.month.trim());
  if (!m || +m[2] < 1 || +m[2] > 12)
    throw new TierError(`--month must be YYYY-MM, e.g. 2025-10 (got "${values.month}")`);
  const week = values.days ?? "mon-fri";
  if (week !== "mon-fri" && week !== "mon-sat")
    throw new TierError(`--days must be mon-fri or mon-sat (got "${values.days}")`);
  const input = inputOption(values.input);
  const lang = langOption(values.lang);
  let capacity: number | undefined;
  if (values.capacity !== undefined) {
    capacity = Number(values.capacity);
    if (!Number.isInteger(capacity) || capacity < 1)
      throw new TierError(
        `--capacity must be a whole number of visits a day, at least 1 (got "${values.capacity}")`,
      );
  }
  const out = values.out;
  if (out && !/\.(csv|json)$/i.test(out))
    throw new TierError(`--out must end in .csv or .json (got "${out}")`);

  const ruleSet = await ruleSetOf(values);
  const holidays = await holidaysOf(values.holidays ?? [], lang, +m[1], +m[2], io);
  const days = workingDays(+m[1], +m[2], { days: week, ...holidays });

  const table = await readTable(positionals[0], values.sheet);
  const result = grade(table, ruleSet, {
    input,
    map: parseMap(values.map ?? []),
    asOf: values["as-of"] === undefined ? undefined : parseIsoDay(values["as-of"]),
    lang,
  });
  const order = result.summary.map((s) => s.tier);
  const perTier = { ...visitsPerTier(ruleSet, lang, order), ...parseVisits(values.visits ?? [], order) };
  const customers = visitCustomers(table, result, perTier);
  const plan = planVisits(customers, days, { capacity, tierOrder: order });
  io.err(
    `columns: ${Object.entries(result.mapping)
      .map(([role, header]) => `${role}=${header}`)
      .join(", ")}\n`,
  );
  reportPlan(plan, values.month, io, result.ungraded);

  const columns = planColumns(plan, customers);
  if (!out) io.out(toCsv(PLAN_COLUMNS, columns));
  else if (out.toLowerCase().endsWith(".csv")) await writeFile(out, "\uFEFF" + toCsv(PLAN_COLUMNS, columns));
  else
    await writeFile(
      out,
      JSON.stringify(
        {
          month: values.month,
          policy: ruleSet.name,
          asOf: formatDay(result.asOf),
          workingDays: days.map(formatDay),
          visitsPerTier: perTier,
          summary: {
            ...plan.summary,
            perManager: plan.summary.perManager.map((x) => ({
              ...x,
              largestDay: { ...x.largestDay, day: formatDay(x.largestDay.day) },
              smallestDay: { ...x.smallestDay, day: formatDay(x.smallestDay.day) },
            })),
          },
          visits: columns.date.map((_, i) => Object.fromEntries(PLAN_COLUMNS.map((k) => [k, columns[k][i]]))),
        },
        null,
        1,
      ) + "\n",
    );
  return 0;
}

/** The plan's rows as the CSV columns: date as YYYY-MM-DD, `visit` k of `visits` f. */
export function planColumns(
  plan: VisitPlan,
  customers: readonly { id: string; tier: string; manager?: string; area?: string; routeOrder?: number }[],
): Record<string, (string | number | null)[]> {
  const cols: Record<string, (string | number | null)[]> = Object.fromEntries(
    PLAN_COLUMNS.map((k) => [k, []]),
  );
  for (const v of plan.visits) {
    const c = customers[v.customer];
    cols.date.push(formatDay(v.day));
    cols.customer_id.push(c.id);
    cols.tier.push(c.tier);
    cols.visit.push(v.k);
    cols.visits.push(v.f);
    cols.manager.push(c.manager ?? null);
    cols.area.push(c.area ?? null);
    cols.route_order.push(c.routeOrder ?? null);
  }
  return cols;
}

function reportPlan(plan: VisitPlan, month: string, io: Io, ungraded: number): void {
  const s = plan.summary;
  io.err(`${month}: ${s.workingDays} working days, ${s.visits} visits`);
  if (ungraded) io.err(`; ${ungraded} customers without a tier are not planned`);
  io.err("\n");
  for (const t of s.perTier)
    io.err(
      `  ${padDisplay(t.tier, 20)} ${String(t.customers).padStart(6)} customers × ${t.perMonth} = ${t.visits} visits\n`,
    );
  if (s.priority)
    io.err(
      `  priority (${s.priority.tier}) covered: ${s.priority.covered} of ${s.priority.customers} (${(s.priority.share * 100).toFixed(0)} %)\n`,
    );
  if (s.capped) io.err(`  ${s.capped} customers asked for more visits than working days: one a day\n`);
  for (const m of s.perManager)
    io.err(
      `  ${padDisplay(m.manager || "(no manager)", 20)} ${m.visits} visits; busiest ${formatDay(m.largestDay.day)} (${m.largestDay.visits}), quietest ${formatDay(m.smallestDay.day)} (${m.smallestDay.visits})\n`,
    );
}

function parseVisits(list: readonly string[], order: readonly string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const v of list) {
    const eq = v.lastIndexOf("=");
    const tier = v.slice(0, eq).trim();
    const n = Number(v.slice(eq + 1));
    if (eq <= 0 || !Number.isInteger(n) || n < 0 || n > 31)
      throw new TierError(`--visits takes TIER=N with N a whole number 0..31 (got "${v}")`);
    if (!order.includes(tier))
      throw new TierError(`--visits ${v}: there is no tier "${tier}" (tiers: ${order.join(", ")})`);
    out[tier] = n;
  }
  return out;
}

/**
 * The days off of `--holidays`, given any number of times: `cn` for China's public holidays and 调休
 * working days (the default with `--lang zh`), `none` for no calendar, or a file of the user's own,
 * added on top of the calendar. A year the calendar data does not cover is said on stderr.
 */
export async function holidaysOf(
  given: readonly string[],
  lang: Lang,
  year: number,
  month: number,
  io: Io,
): Promise<HolidayList> {
  const none = given.some((g) => g.toLowerCase() === "none");
  const china = !none && (given.some((g) => g.toLowerCase() === "cn") || lang === "zh");
  const lists: HolidayList[] = [];
  if (china) {
    const cn = chinaHolidays(year, month);
    if (!cn.covered)
      io.err(
        reasonText(
          { code: "holidays.notCovered", params: { year, first: CHINA_YEARS.first, last: CHINA_YEARS.last } },
          lang,
        ) + "\n",
      );
    lists.push(cn);
  }
  for (const g of given) if (!/^(cn|none)$/i.test(g)) lists.push(await readHolidays(g));
  return mergeHolidays(...lists);
}

/** A holidays file, read by the engine's one holiday parser (`parseHolidays`). */
export async function readHolidays(path: string): Promise<HolidayList> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch {
    throw new TierError("holidays.cannotOpen", { source: path });
  }
  return parseHolidays(decodeText(bytes).text, path);
}
