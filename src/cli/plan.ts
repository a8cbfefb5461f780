/**
 * `tier plan`: grades a customer file and plans a month of visits per tier.
 *
 *   tier plan <file> (--preset NAME | --rules FILE.json) --month YYYY-MM [--days mon-fri|mon-sat]
 *             [--holidays cn|none|FILE]... [--capacity N] [--visits TIER=N]... [--regular N] [--input orders|customers] [--sheet NAME]
 *             [--map ROLE=HEADER]... [--as-of YYYY-MM-DD] [--lang en|zh] [--out plan.csv|plan.json]
 */
import { readFile, writeFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { TierError } from "../engine/errors";
import type { ReasonParams } from "../engine/reasons";
import { reasonText } from "../i18n/reasons";
import { presentResult } from "../i18n/result";
import { grade, type Lang } from "../engine/grade";
import { MANAGER_LOAD, overloadedManagers } from "../engine/manager-load";
import { parseRuleSet } from "../engine/ruleset";
import { mergeHolidays, parseHolidays, type HolidayList } from "../engine/holidays";
import { CHINA_YEARS, chinaHolidays } from "../engine/holidays-cn";
import {
  planVisits,
  visitCustomers,
  visitsPerTier,
  workingDays,
  type VisitCustomer,
  type VisitPlan,
} from "../engine/visits";
import { planRanges, type RangedPlan } from "../engine/visit-ranges";
import type { SheetTable } from "../engine/table";
import { targetList } from "../engine/targets";
import type { PresentedResult } from "../engine/grade";
import { formatDay, parseIsoDay } from "../engine/dates";
import { toCsv } from "../workbook/csv-out";
import { decodeText } from "../workbook/files";
import type { Io } from "./io";
import {
  inputOption,
  langOption,
  mappingList,
  parseMap,
  POLICY_OPTIONS,
  readTable,
  ruleSetOf,
  TABLE_OPTIONS,
} from "./options";
import { padDisplay } from "./text";

export const PLAN_USAGE = `  tier plan <file.csv|file.xlsx> (--preset NAME | --rules FILE.json) --month YYYY-MM
            [--days mon-fri|mon-sat] [--holidays cn|none|FILE]... [--capacity N] [--visits TIER=N]...
            [--regular N] [--targets targets.csv] [--input orders|customers] [--sheet NAME] [--map ROLE=HEADER]... [--as-of YYYY-MM-DD]
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
      regular: { type: "string" },
      targets: { type: "string" },
      sheet: { type: "string" },
      out: { type: "string" },
    },
  });
  if (positionals.length !== 1)
    throw new TierError("cli.oneFile", { command: "plan", got: positionals.length, usage: PLAN_USAGE });
  if (!values.month) throw new TierError("cli.planMonth");
  const m = /^(\d{4})-(\d{1,2})$/.exec(values.month.trim());
  if (!m || +m[2] < 1 || +m[2] > 12) throw new TierError("cli.badMonth", { got: values.month });
  const week = values.days ?? "mon-fri";
  if (week !== "mon-fri" && week !== "mon-sat")
    throw new TierError("cli.badDays", { got: String(values.days) });
  const input = inputOption(values.input);
  const lang = langOption(values.lang);
  let capacity: number | undefined;
  if (values.capacity !== undefined) {
    capacity = Number(values.capacity);
    if (!Number.isInteger(capacity) || capacity < 1)
      throw new TierError("cli.badCapacity", { got: values.capacity });
  }
  const out = values.out;
  if (out && !/\.(csv|json)$/i.test(out))
    throw new TierError("cli.badOut", { allowed: [".csv", ".json"], got: out });

  let ruleSet = await ruleSetOf(values);
  if (values.regular !== undefined) {
    // The regular calls (正常访销) are the rule set's: the tiers' own visits go on top of them.
    const regular = Number(values.regular);
    if (!Number.isInteger(regular) || regular < 0 || regular > 31)
      throw new TierError("cli.badRegular", { got: values.regular });
    ruleSet = parseRuleSet({ ...ruleSet, regularVisits: regular });
  }
  const holidays = await holidaysOf(values.holidays ?? [], lang, +m[1], +m[2], io);
  const days = workingDays(+m[1], +m[2], { days: week, ...holidays });

  const table = await readTable(positionals[0], values.sheet);
  const result = presentResult(
    grade(table, ruleSet, {
      input,
      map: parseMap(values.map ?? []),
      asOf: values["as-of"] === undefined ? undefined : parseIsoDay(values["as-of"]),
    }),
    lang,
  );
  const order = result.summary.map((s) => s.tier);
  const perTier = { ...visitsPerTier(ruleSet, lang, order), ...parseVisits(values.visits ?? [], order) };
  const customers = visitCustomers(table, result, perTier);
  const ranged = planRanges(ruleSet, lang, result, customers, days.length, capacity, order);
  const plan = planVisits(customers, days, { capacity: ranged?.capacity ?? capacity, tierOrder: order });
  const say = (code: string, params?: ReasonParams) => reasonText({ code, params }, lang);
  io.err(say("cli.columns", { mapping: mappingList(result.mapping, lang) }) + "\n");
  reportPlan(plan, values.month, io, result.ungraded, say);
  if ("regularVisits" in ruleSet && ruleSet.regularVisits !== undefined)
    io.err(`  ${say("cli.planRegular", { regular: ruleSet.regularVisits })}\n`);
  if (ranged) reportCoverage(ranged, customers, say, io);
  if (values.targets)
    await writeTargets(values.targets, table, result, customers, plan, ranged?.priority ?? order.slice(0, 1));
  const load = values.preset === undefined ? undefined : MANAGER_LOAD[values.preset];
  if (load)
    for (const o of overloadedManagers(
      customers.map((c) => c.manager),
      load.max,
    ))
      io.err(`  ${say("cli.planManagerLoad", o)}\n`);

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
          ...(ranged
            ? {
                capacity: ranged.capacity,
                coverage: {
                  ...ranged.coverage,
                  uncovered: ranged.coverage.uncovered.map((k) => customers[k].id),
                },
              }
            : {}),
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

function reportCoverage(
  ranged: RangedPlan,
  customers: readonly VisitCustomer[],
  say: (code: string, params?: ReasonParams) => string,
  io: Io,
): void {
  const c = ranged.coverage;
  io.err(
    `  ${say(c.met ? "cli.planCoverageMet" : "cli.planCoverageShort", {
      tiers: ranged.priority,
      covered: c.covered,
      customers: c.customers,
      share: (c.share * 100).toFixed(0),
      target: (c.target * 100).toFixed(0),
      capacity: ranged.capacity,
    })}\n`,
  );
  if (c.uncovered.length)
    io.err(
      `  ${say("cli.planUncovered", {
        ids: c.uncovered.slice(0, 20).map((k) => customers[k].id),
        more: Math.max(0, c.uncovered.length - 20),
      })}\n`,
    );
}

/** The target-list (狙击手表) columns: the priority customers with their cell, planned visits and last visit. */
export const TARGET_COLUMNS = ["customer_id", "name", "cell", "tier", "planned_visits", "last_visit"];

/** Writes the target list (狙击手表) of the plan: one row per priority customer, covered or not. */
async function writeTargets(
  file: string,
  table: SheetTable,
  result: PresentedResult,
  customers: readonly VisitCustomer[],
  plan: VisitPlan,
  priority: readonly string[],
): Promise<void> {
  const list = targetList(table, result, customers, plan, priority);
  const cols: Record<string, (string | number | null)[]> = {
    customer_id: list.map((r) => r.id),
    name: list.map((r) => r.name),
    cell: list.map((r) => r.cell),
    tier: list.map((r) => r.tier),
    planned_visits: list.map((r) => r.planned),
    last_visit: list.map((r) => (r.lastVisit === null ? null : formatDay(r.lastVisit))),
  };
  await writeFile(file, "\uFEFF" + toCsv(TARGET_COLUMNS, cols));
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

function reportPlan(
  plan: VisitPlan,
  month: string,
  io: Io,
  ungraded: number,
  say: (code: string, params?: ReasonParams) => string,
): void {
  const s = plan.summary;
  io.err(say("cli.planSummary", { month, days: s.workingDays, visits: s.visits, ungraded }) + "\n");
  for (const t of s.perTier)
    io.err(
      `  ${padDisplay(t.tier, 20)} ${say("cli.planTier", { customers: String(t.customers).padStart(6), perMonth: t.perMonth, visits: t.visits })}\n`,
    );
  if (s.priority) {
    const { tier, covered, customers, share } = s.priority;
    io.err(`  ${say("cli.planPriority", { tier, covered, customers, share: (share * 100).toFixed(0) })}\n`);
  }
  if (s.capped) io.err(`  ${say("cli.planCapped", { n: s.capped })}\n`);
  for (const m of s.perManager)
    io.err(
      `  ${padDisplay(m.manager || say("cli.noManager"), 20)} ${say("cli.planManager", {
        visits: m.visits,
        busiest: formatDay(m.largestDay.day),
        busiestVisits: m.largestDay.visits,
        quietest: formatDay(m.smallestDay.day),
        quietestVisits: m.smallestDay.visits,
      })}\n`,
    );
}

function parseVisits(list: readonly string[], order: readonly string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const v of list) {
    const eq = v.lastIndexOf("=");
    const tier = v.slice(0, eq).trim();
    const n = Number(v.slice(eq + 1));
    if (eq <= 0 || !Number.isInteger(n) || n < 0 || n > 31) throw new TierError("cli.badVisits", { got: v });
    if (!order.includes(tier))
      throw new TierError("cli.unknownVisitsTier", { pair: v, tier, tiers: [...order] });
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
