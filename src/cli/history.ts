/**
 * `tier history`: what changed between two evaluations, and the demo's two quarters of the store sample.
 *
 *   tier history <current.csv> <previous.csv> [--preset NAME | --rules FILE.json | --order T1,T2,…]
 *                [--lang en|zh] [--out changes.csv | changes.xlsx]
 */
import { existsSync, mkdirSync, readdirSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { formatDay, parseIsoDay, readDate } from "../engine/dates";
import { TierError } from "../engine/errors";
import type { ReasonParams } from "../engine/reasons";
import { reasonText } from "../i18n/reasons";
import { grade, type GradeResult, type Lang } from "../engine/grade";
import { tierKeyOf, tiersOf, type TierInfo } from "../engine/methods";
import { presentResult } from "../i18n/result";
import { normaliseHeader } from "../engine/headers";
import {
  CHANGE_KINDS,
  CHANGE_LABELS,
  compareSnapshots,
  SNAPSHOT_HEADER,
  snapshotOf,
  snapshotRow,
  type Migration,
  type Snapshot,
} from "../engine/history";
import { benefitTexts, notificationList, smsCsv } from "../engine/notify";
import { preset, PRESET_NAMES } from "../engine/presets";
import type { RuleSet } from "../engine/ruleset";
import { tableFromRows, type SheetTable } from "../engine/table";
import { readNumber, readText } from "../engine/values";
import { toCsv } from "../workbook/csv-out";
import { FileHost } from "../workbook/file-host";
import { writeChanges } from "../workbook/write-plan";
import { contactsOf } from "../workbook/history-read";
import type { Io } from "./io";
import { langOption, POLICY_OPTIONS, readTable, ruleSetOf } from "./options";
import { seededRandom } from "../engine/random";
import { displayWidth } from "./text";
import { keptTexts } from "../i18n/retention";
import { nextFields } from "../i18n/next-text";
import { retainWith } from "../engine/retention";

export const HISTORY_USAGE = `  tier history <current.csv> <previous.csv> [--preset NAME | --rules FILE.json | --order T1,T2,...]
               [--lang en|zh] [--out changes.csv | changes.xlsx]`;

export async function historyCommand(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: {
      ...POLICY_OPTIONS,
      order: { type: "string" },
      out: { type: "string" },
    },
  });
  if (positionals.length !== 2)
    throw new TierError("cli.historyTwoFiles", { got: positionals.length, usage: HISTORY_USAGE });
  if ([values.preset, values.rules, values.order].filter(Boolean).length > 1)
    throw new TierError("cli.historyOnePolicy");
  const lang = langOption(values.lang);
  if (values.out && !/\.(csv|xlsx)$/i.test(values.out))
    throw new TierError("cli.badOut", { allowed: [".csv", ".xlsx"], got: values.out });

  let current = await readEvaluation(positionals[0], io, lang);
  const previous = await readEvaluation(positionals[1], io, lang);
  const tiers = [...new Set([...current, ...previous].map((s) => s.tier))];
  const order = await resolveOrder(tiers, values, io, lang);
  // Retention (保级, issue 17): the policy's keep-bars and periods, against every earlier evaluation.
  const retained =
    values.preset || values.rules
      ? retainWith(
          await ruleSetOf(values),
          current,
          await readEvaluation(positionals[1], undefined, lang, true),
        )
      : undefined;
  if (retained) current = retained.current;
  const migration = compareSnapshots(previous, current, order, lang);
  const matrix =
    matrixText(migration, lang) +
    (retained?.kept.length
      ? reasonText({ code: "retention.count", params: { n: retained.kept.length } }, lang) + "\n"
      : "");
  const csv = changesCsv(migration, lang, retained && keptTexts(retained.kept, order, lang));
  if (values.out && /\.xlsx$/i.test(values.out)) {
    // The change log sheet as the pane writes it: the matrix coloured up/down, the flow chart beneath.
    const host = FileHost.empty();
    await writeChanges(host, migration, lang, retained && keptTexts(retained.kept, order, lang), order);
    await writeFile(values.out, await host.toXlsx());
    io.out(matrix);
  } else if (values.out) {
    await writeFile(values.out, "\uFEFF" + csv);
    io.out(matrix);
  } else {
    io.err(matrix);
    io.out(csv);
  }
  return 0;
}

/** The change list as CSV: customer_id, old_tier, new_tier, change (new/up/down/same/gone, or 新增 … in zh). */
export function changesCsv(migration: Migration, lang: Lang, kept?: ReadonlyMap<string, string>): string {
  const c = migration.changes;
  return toCsv(["customer_id", "old_tier", "new_tier", "change", ...(kept?.size ? ["retained"] : [])], {
    customer_id: c.map((x) => x.customerId),
    old_tier: c.map((x) => x.old ?? null),
    new_tier: c.map((x) => x.new ?? null),
    change: c.map((x) => CHANGE_LABELS[x.change][lang]),
    // Who kept their tier by retention, and why (保级线 or periods below).
    retained: c.map((x) => kept?.get(x.customerId) ?? null),
  });
}

/** The from × to matrix and the counts per change, as aligned text. */
export function matrixText(migration: Migration, lang: Lang): string {
  const say = (code: string) => reasonText({ code }, lang);
  const head = [say("cli.matrixCorner"), ...migration.to, say("cli.total")];
  const rows = migration.from.map((f, r) => [
    f,
    ...migration.matrix[r].map(String),
    String(sum(migration.matrix[r])),
  ]);
  const colTotals = migration.to.map((_, c) => sum(migration.matrix.map((row) => row[c])));
  rows.push([say("cli.total"), ...colTotals.map(String), String(sum(colTotals))]);
  const all = [head, ...rows];
  const width = head.map((_, c) => Math.max(...all.map((r) => displayWidth(r[c]))));
  const pad = (s: string, c: number) =>
    c === 0 ? s + " ".repeat(width[c] - displayWidth(s)) : " ".repeat(width[c] - displayWidth(s)) + s;
  const lines = all.map((r) => r.map(pad).join("  ").trimEnd());
  const counts = CHANGE_KINDS.map((k) => `${CHANGE_LABELS[k][lang]} ${migration.counts[k]}`).join(
    lang === "zh" ? "，" : ", ",
  );
  return lines.join("\n") + "\n" + counts + "\n";
}

function sum(a: readonly number[]): number {
  return a.reduce((s, x) => s + x, 0);
}

const ID_HEADERS = ["customer_id", "customer id", "客户编号", "客户id", "会员号", "customer"].map(
  normaliseHeader,
);
const TIER_HEADERS = ["tier", "等级", "分级"].map(normaliseHeader);

/**
 * One evaluation from a `tier grade` CSV (customer_id, …, tier, issue) or a snapshot file (period,
 * as_of, method, customer_id, tier, score); a history holding several evaluations gives its latest.
 * Customers without a tier (an issue) are left out.
 */
export async function readEvaluation(
  file: string,
  io?: Io,
  lang: Lang = "en",
  all = false,
): Promise<Snapshot[]> {
  const table = await readTable(file);
  const norm = table.headers.map(normaliseHeader);
  const find = (names: readonly string[]) => norm.findIndex((h) => names.includes(h));
  const idc = find(ID_HEADERS);
  const tc = find(TIER_HEADERS);
  if (idc < 0 || tc < 0) throw new TierError("cli.evaluationColumns", { file, headers: [...table.headers] });
  const pc = find(["period"]);
  const ac = find(["as of", "asof"]);
  const mc = find(["method"]);
  const sc = find(["score"].map(normaliseHeader));
  const out: Snapshot[] = [];
  for (const row of table.rows) {
    const tier = readText(row[tc]);
    const id = readText(row[idc]);
    if (!tier || !id) continue;
    const asOf = ac < 0 ? NaN : readDate(row[ac], { date1904: table.date1904 });
    const score = sc < 0 ? NaN : readNumber(row[sc]);
    out.push({
      period: pc < 0 ? path.basename(file) : readText(row[pc]),
      asOf: typeof asOf === "number" ? asOf : NaN,
      method: mc < 0 ? "" : readText(row[mc]),
      customerId: id,
      tier,
      score: typeof score === "number" ? score : null,
    });
  }
  const evaluations = new Set(out.map((s) => `${s.period}\u0000${s.asOf}`));
  if (evaluations.size <= 1 || all) return out;
  let latest = out[0];
  for (const s of out) if (s.asOf > latest.asOf) latest = s;
  const params: ReasonParams = { file, count: evaluations.size, period: latest.period };
  io?.err(reasonText({ code: "cli.latestEvaluation", params }, lang) + "\n");
  return out.filter((s) => s.period === latest.period && s.asOf === latest.asOf);
}

async function resolveOrder(
  tiers: readonly string[],
  values: { preset?: string; rules?: string; order?: string },
  io: Io,
  lang: Lang,
): Promise<TierInfo[]> {
  if (values.order)
    // A custom order names tiers as the files write them: each is its own key and name.
    return values.order
      .split(",")
      .map((t) => t.trim())
      .filter(Boolean)
      .map((t) => ({ key: t, name: { zh: t, en: t }, colour: "#7F7F7F" }));
  const fits = (rs: RuleSet) => {
    const list = tiersOf(rs);
    return tiers.every((t) => tierKeyOf(list, t) !== undefined) ? list : undefined;
  };
  if (values.preset || values.rules) {
    const rs = await ruleSetOf(values);
    const order = fits(rs);
    if (!order) throw new TierError("history.tiersNotInPolicy", { tiers: [...tiers], policy: rs.name.en });
    return order;
  }
  for (const name of PRESET_NAMES) {
    const order = fits(preset(name));
    if (order) {
      const params = { preset: name, tiers: order.map((t) => t.key) };
      io.err(reasonText({ code: "cli.presetOrder", params }, lang) + "\n");
      return order;
    }
  }
  throw new TierError("history.cannotOrder", { tiers: [...tiers] });
}

// ---------------------------------------------------------------------------------------------------
// The demo: two quarters of the store sample, the change log and the notifications.

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** A small seeded store-members table (会员号, 姓名, 手机, 邮箱, 首次消费日期, 消费次数, 累计消费) for when samples/ has none. */
export function seededMembers(n: number, random: () => number): unknown[][] {
  const surnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高";
  const given = "芳伟娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平";
  const rows: unknown[][] = [["会员号", "姓名", "手机", "邮箱", "首次消费日期", "消费次数", "累计消费"]];
  for (let i = 1; i <= n; i++) {
    const spend = Math.round(Math.exp(6 + random() * 4.2));
    const first = parseIsoDay("2022-01-01") + Math.floor(random() * 1300);
    const freq = spend < 300 && random() < 0.5 ? 1 : 1 + Math.floor(random() * 30);
    rows.push([
      `M${String(i).padStart(4, "0")}`,
      surnames[Math.floor(random() * surnames.length)] + given[Math.floor(random() * given.length)],
      `1${3 + Math.floor(random() * 6)}${String(Math.floor(random() * 1e9)).padStart(9, "0")}`,
      random() < 0.6 ? `m${String(i).padStart(4, "0")}@example.com` : "",
      formatDay(first),
      freq,
      freq === 1 ? Math.min(spend, 800) : spend,
    ]);
  }
  return rows;
}

/**
 * The previous quarter of a customer table, seeded: each customer had spent 55-100 % of today's total
 * (fewer purchases too), and about one in twelve had not joined yet. Rows of an orders table are cut at
 * the quarter's end instead (see demoHistory).
 */
function previousQuarter(table: SheetTable, result: GradeResult, random: () => number): SheetTable {
  const col = (role: string) => (result.mapping[role] ? table.headers.indexOf(result.mapping[role]) : -1);
  const amount = col("amount");
  const freq = col("frequency");
  const rows: unknown[][] = [];
  for (const row of table.rows) {
    if (random() < 0.08) continue;
    const copy = [...row];
    const share = 0.55 + random() * 0.45;
    const a = amount < 0 ? NaN : readNumber(row[amount]);
    if (typeof a === "number") copy[amount] = Math.round(a * share * 100) / 100;
    const f = freq < 0 ? NaN : readNumber(row[freq]);
    if (typeof f === "number" && f > 1) copy[freq] = Math.max(1, Math.round(f * share));
    rows.push(copy);
  }
  return { ...table, rows };
}

function cutAt(table: SheetTable, result: GradeResult, day: number): SheetTable {
  const c = table.headers.indexOf(result.mapping.date);
  return {
    ...table,
    rows: table.rows.filter((r) => {
      const d = readDate(r[c], { date1904: table.date1904 });
      return typeof d === "number" && d <= day;
    }),
  };
}

/**
 * Grades the store members sample (samples/membership--*.xlsx|csv, else a seeded table) at the ends of
 * two quarters, 2025-09-30 and 2025-12-31, and writes into `outDir`: history.csv (both snapshots, the
 * way the history sheet is appended), changes.csv, notifications.csv (with mailto links) and sms.csv;
 * prints the migration matrix. Returns the exit code.
 */
export async function demoHistory(
  outDir: string,
  io: Io,
  random: () => number = seededRandom(20251231),
  textLang?: Lang,
): Promise<number> {
  mkdirSync(outDir, { recursive: true });
  const dir = path.join(root, "samples");
  const sample = existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => /^membership--.+\.(xlsx|csv)$/.test(f))
        .sort()[0]
    : undefined;
  const lang: Lang = !sample || /zh/.test(sample) ? "zh" : "en";
  const table = sample
    ? await readTable(path.join(dir, sample))
    : tableFromRows(seededMembers(160, random), false, "会员");
  const rules = preset("membership");
  const q3 = parseIsoDay("2025-09-30");
  const q4 = parseIsoDay("2025-12-31");
  const now = presentResult(grade(table, rules, { asOf: q4, explain: true }), lang);
  const before = presentResult(
    grade(now.input === "orders" ? cutAt(table, now, q3) : previousQuarter(table, now, random), rules, {
      asOf: q3,
      input: now.input,
    }),
    lang,
  );
  const history = [...snapshotOf(before, "2025Q3", "membership"), ...snapshotOf(now, "2025Q4", "membership")];
  const migration = compareSnapshots(
    history.filter((s) => s.period === "2025Q3"),
    history.filter((s) => s.period === "2025Q4"),
    tiersOf(rules),
    lang,
  );
  const list = notificationList(migration.changes, contactsOf(table, now), {
    lang,
    benefits: benefitTexts(rules, lang),
    steps: nextFields(now),
  });
  const header = [...SNAPSHOT_HEADER];
  const rows = history.map(snapshotRow);
  await writeFile(
    path.join(outDir, "history.csv"),
    "\uFEFF" + toCsv(header, Object.fromEntries(header.map((h, c) => [h, rows.map((r) => r[c])]))),
  );
  await writeFile(path.join(outDir, "changes.csv"), "\uFEFF" + changesCsv(migration, lang));
  const nk = ["customer_id", "name", "change", "old_tier", "tier", "phone", "email", "message", "mailto"];
  await writeFile(
    path.join(outDir, "notifications.csv"),
    "\uFEFF" +
      toCsv(nk, {
        customer_id: list.map((x) => x.customerId),
        name: list.map((x) => x.name),
        change: list.map((x) => CHANGE_LABELS[x.change][lang]),
        old_tier: list.map((x) => x.oldTier),
        tier: list.map((x) => x.tier),
        phone: list.map((x) => x.phone),
        email: list.map((x) => x.email),
        message: list.map((x) => x.message),
        mailto: list.map((x) => x.mailto),
      }),
  );
  await writeFile(path.join(outDir, "sms.csv"), smsCsv(list.filter((x) => x.phone)));
  // The printed lines follow --lang when the demo was given one, else the sample's language.
  const say = (code: string, params?: ReasonParams) => reasonText({ code, params }, textLang ?? lang);
  io.out(
    `\n${sample ? `samples/${sample}` : say("cli.demoSeededMembers")} — ${say("cli.demoReEvaluated")}\n`,
  );
  io.out(matrixText(migration, lang).replace(/^/gm, "  "));
  const file = path.relative(process.cwd(), path.join(outDir, "notifications.csv"));
  io.out(`  ${say("cli.demoNotifications", { n: list.length, file })}\n`);
  return 0;
}
