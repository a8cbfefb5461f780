import { abcByAmount, abcByShare, monthlyAverage } from "./abc";
import { aggregateOrders } from "./aggregate";
import { formatDay, readDate, todayDay } from "./dates";
import { TierError } from "./errors";
import { gridCells, type GridCut } from "./grid";
import {
  guessInputKind,
  guessMonthColumns,
  resolveMapping,
  ROLE_SYNONYMS,
  normaliseHeader,
  type Role,
} from "./headers";
import { levelIndex } from "./level";
import { lifecycle, LIFECYCLE_STAGES } from "./lifecycle";
import { benefitsOf } from "./membership";
import { pyramid } from "./pyramid";
import { rfm, rfmCode } from "./rfm";
import { RFM8_CLASSES, rfm8 } from "./rfm8";
import type { RuleSet, TierDef } from "./ruleset";
import { applyRules } from "./rules";
import {
  maintenanceClass,
  parseRating,
  stageProblems,
  stars as starsOf,
  weightedScoreByStage,
} from "./scorecard";
import { segments, OTHERS } from "./segments";
import { sheetRow, type SheetTable } from "./table";
import { readNumber, readText } from "./values";

export type Lang = "zh" | "en";
export type InputKind = "orders" | "customers";
export type OutValue = string | number | null;

export interface GradeOptions {
  /** Orders (one row per purchase) or customers (one row each); guessed when absent. */
  input?: InputKind;
  /** Role → header overrides (`--map amount=销售额`). */
  map?: Readonly<Record<string, string>>;
  /** As-of day (days since 1970-01-01); today when absent. */
  asOf?: number;
  /** Language of tier names; English by default. */
  lang?: Lang;
}

/** One row-level problem, at the sheet row and column the user sees. */
export interface Problem {
  row: number;
  column: string;
  reason: string;
}

export interface TierCount {
  tier: string;
  customers: number;
  customerShare: number;
  amount: number;
  amountShare: number;
}

export interface GradeResult {
  ruleSet: RuleSet;
  input: InputKind;
  inputGuessed: boolean;
  /** Role → header actually used. */
  mapping: Record<string, string>;
  asOf: number;
  /** Output columns in order; the first is customer_id, the last two tier and issue. */
  keys: string[];
  columns: Record<string, OutValue[]>;
  /** Per output row: the 1-based sheet row it came from (first order row for orders). */
  sourceRow: number[];
  /** Problems of rows (order rows for orders, customer rows otherwise). */
  problems: Problem[];
  /** Customers per tier in tier order, with their share of the amount where there is one. */
  summary: TierCount[];
  graded: number;
  ungraded: number;
}

/** What a method reads per customer, before grading. */
interface Base {
  n: number;
  ids: string[];
  sourceRow: number[];
  /** A row that already failed (duplicate id, bad order aggregate): its reason. */
  issue: (string | null)[];
  num: Map<string, Float64Array>;
  /** Raw cells per header, one per customer (first order row for orders). */
  cell: (header: string) => unknown[];
  headers: string[];
  mapping: Partial<Record<Role, number>>;
  /** Header a derived value comes from, for messages. */
  label: Map<string, string>;
  numReason: Map<string, (string | null)[]>;
}

const DAY_ROLES = new Set(["recency_days", "tenure_days"]);

/**
 * Grades a sheet with a rule set: the one driver behind the command line, the pane and the tests.
 * Reads the mapped columns, aggregates orders when the sheet holds orders, runs the method, and
 * returns output columns with a tier and, for rows that got none, the reason.
 *
 * @example grade(tableFromRows(rows, false, "Sheet1"), PRESETS.abc, { lang: "zh" }).columns.tier
 */
export function grade(table: SheetTable, ruleSet: RuleSet, options: GradeOptions = {}): GradeResult {
  const lang = options.lang ?? "en";
  const asOf = options.asOf ?? todayDay();
  const mapping = resolveMapping(table.headers, options.map ?? {});
  const idCol = mapping.customer_id;
  const hasDate = mapping.date !== undefined;
  let input: InputKind;
  let inputGuessed = false;
  if (options.input) input = options.input;
  else {
    inputGuessed = true;
    input = idCol === undefined ? "customers" : guessInputKind(columnCells(table, idCol), hasDate);
  }
  if (input === "orders") {
    // An orders table has one purchase date per row; a guessed "last date" header is that date.
    if (mapping.date === undefined && mapping.last_date !== undefined) mapping.date = mapping.last_date;
    need(mapping, "customer_id", table.headers);
    need(mapping, "date", table.headers);
    need(mapping, "amount", table.headers);
  }
  const problems: Problem[] = [];
  const base =
    input === "orders"
      ? fromOrders(table, mapping, asOf, problems)
      : fromCustomers(table, mapping, asOf, problems);
  const out = runMethod(base, ruleSet, lang, asOf);

  const keys = ["customer_id"];
  const columns: Record<string, OutValue[]> = { customer_id: base.ids };
  if (mapping.name !== undefined) {
    keys.push("name");
    columns.name = base.cell(table.headers[mapping.name]).map((v) => readText(v) || null);
  }
  for (const [k, v] of out.columns) {
    keys.push(k);
    columns[k] = v;
  }
  const issue: OutValue[] = new Array(base.n);
  let graded = 0;
  for (let i = 0; i < base.n; i++) {
    const reason = base.issue[i] ?? out.issue[i];
    issue[i] = reason;
    if (!base.issue[i] && out.issue[i]) {
      // Method issues read "column: reason"; the stderr list and the pane show them by row and column.
      const cut = out.issue[i]!.indexOf(": ");
      problems.push(
        cut > 0
          ? {
              row: base.sourceRow[i],
              column: out.issue[i]!.slice(0, cut),
              reason: out.issue[i]!.slice(cut + 2),
            }
          : { row: base.sourceRow[i], column: "", reason: out.issue[i]! },
      );
    }
    if (reason) out.tier[i] = null;
    else if (out.tier[i] !== null) graded++;
  }
  keys.push("tier", "issue");
  columns.tier = out.tier;
  columns.issue = issue;

  problems.sort((a, b) => a.row - b.row);
  const amount = base.num.get("amount");
  const summary = summarise(out.order, out.tier, out.summaryValue ?? amount);
  const usedMapping: Record<string, string> = {};
  for (const [role, idx] of Object.entries(mapping))
    if (idx !== undefined) usedMapping[role] = table.headers[idx];
  return {
    ruleSet,
    input,
    inputGuessed,
    mapping: usedMapping,
    asOf,
    keys,
    columns,
    sourceRow: base.sourceRow,
    problems,
    summary,
    graded,
    ungraded: base.n - graded,
  };
}

function columnCells(table: SheetTable, col: number): unknown[] {
  const out = new Array(table.rows.length);
  for (let i = 0; i < table.rows.length; i++) out[i] = table.rows[i][col];
  return out;
}

function need(
  mapping: Partial<Record<Role, number>>,
  role: Role,
  headers: readonly string[],
  why = "",
): number {
  const idx = mapping[role];
  if (idx === undefined) {
    const examples = ROLE_SYNONYMS[role].slice(0, 3).join(", ");
    throw new TierError(
      `${why || "this policy"} needs a column for ${role} (headers such as ${examples}); none of ${headers
        .map((h) => `"${h}"`)
        .join(", ")} looks like one: use --map ${role}=HEADER`,
    );
  }
  return idx;
}

function fromOrders(
  table: SheetTable,
  mapping: Partial<Record<Role, number>>,
  asOf: number,
  problems: Problem[],
): Base {
  const h = table.headers;
  const idc = mapping.customer_id!;
  const dc = mapping.date!;
  const ac = mapping.amount!;
  const agg = aggregateOrders(
    {
      ids: columnCells(table, idc),
      dates: columnCells(table, dc),
      amounts: columnCells(table, ac),
      orderIds: mapping.order_id !== undefined ? columnCells(table, mapping.order_id) : undefined,
    },
    {
      frequency: mapping.order_id !== undefined ? "orders" : "rows",
      date1904: table.date1904,
      asOfDay: asOf,
      columnNames: { id: h[idc], date: h[dc], amount: h[ac] },
    },
  );
  for (const p of agg.issues)
    problems.push({ row: sheetRow(table, p.row), column: p.column, reason: p.reason });
  const n = agg.ids.length;
  const recency = new Float64Array(n);
  const tenure = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    recency[i] = asOf - agg.lastDay[i];
    tenure[i] = asOf - agg.firstDay[i];
  }
  const num = new Map<string, Float64Array>([
    ["amount", agg.amount],
    ["frequency", agg.frequency],
    ["recency_days", recency],
    ["tenure_days", tenure],
    ["first_day", agg.firstDay],
    ["last_day", agg.lastDay],
  ]);
  const label = new Map<string, string>([
    ["amount", h[ac]],
    ["frequency", h[idc]],
    ["recency_days", h[dc]],
    ["tenure_days", h[dc]],
  ]);
  const firstRow = Array.from(agg.firstRow);
  return {
    n,
    ids: agg.ids,
    sourceRow: firstRow.map((r) => sheetRow(table, r)),
    issue: new Array(n).fill(null),
    num,
    cell: (header) => {
      const c = h.indexOf(header);
      return firstRow.map((r) => (c < 0 ? null : table.rows[r][c]));
    },
    headers: h,
    mapping,
    label,
    numReason: new Map(),
  };
}

function fromCustomers(
  table: SheetTable,
  mapping: Partial<Record<Role, number>>,
  asOf: number,
  problems: Problem[],
): Base {
  const h = table.headers;
  const n = table.rows.length;
  const issue: (string | null)[] = new Array(n).fill(null);
  const ids: string[] = new Array(n);
  const idc = mapping.customer_id ?? mapping.name;
  const seen = new Map<string, number[]>();
  for (let i = 0; i < n; i++) {
    const id = idc === undefined ? `row ${sheetRow(table, i)}` : readText(table.rows[i][idc]);
    ids[i] = id;
    if (id === "") {
      issue[i] = `${h[idc!]}: blank customer id`;
      problems.push({ row: sheetRow(table, i), column: h[idc!], reason: "blank customer id" });
      continue;
    }
    const list = seen.get(id);
    if (list) list.push(i);
    else seen.set(id, [i]);
  }
  for (const [id, rows] of seen) {
    if (rows.length < 2) continue;
    const where = rows.map((r) => sheetRow(table, r)).join(", ");
    const reason = `duplicate customer id "${id}" (rows ${where}): fix or merge them, they are not merged silently`;
    for (const r of rows) {
      issue[r] = `${h[idc!]}: ${reason}`;
      problems.push({ row: sheetRow(table, r), column: h[idc!], reason });
    }
  }
  const num = new Map<string, Float64Array>();
  const numReason = new Map<string, (string | null)[]>();
  const label = new Map<string, string>();
  /** Reads column `col` into `key` with `read` (a number, or why the cell is not one). */
  const readColumn = (key: string, col: number, read: (cell: unknown) => number | string) => {
    const v = new Float64Array(n);
    const why: (string | null)[] = new Array(n).fill(null);
    for (let i = 0; i < n; i++) {
      const x = read(table.rows[i][col]);
      if (typeof x === "number") v[i] = x;
      else {
        v[i] = NaN;
        why[i] = x;
      }
    }
    num.set(key, v);
    numReason.set(key, why);
    label.set(key, h[col]);
  };
  const readNum = (key: string, col: number) => readColumn(key, col, readNumber);
  const readDay = (key: string, col: number) =>
    readColumn(key, col, (cell) => readDate(cell, { date1904: table.date1904, asOfDay: asOf }));
  for (const role of [
    "amount",
    "frequency",
    "recency_days",
    "potential",
    "current_value",
    "route_order",
  ] as const) {
    const c = mapping[role];
    if (c !== undefined) readNum(role, c);
  }
  if (mapping.last_date !== undefined) readDay("last_day", mapping.last_date);
  if (mapping.first_date !== undefined) readDay("first_day", mapping.first_date);
  if (!num.has("recency_days") && num.has("last_day")) {
    const last = num.get("last_day")!;
    const r = new Float64Array(n);
    for (let i = 0; i < n; i++) r[i] = asOf - last[i];
    num.set("recency_days", r);
    numReason.set("recency_days", numReason.get("last_day")!);
    label.set("recency_days", label.get("last_day")!);
  }
  if (num.has("first_day")) {
    const first = num.get("first_day")!;
    const t = new Float64Array(n);
    for (let i = 0; i < n; i++) t[i] = asOf - first[i];
    num.set("tenure_days", t);
    numReason.set("tenure_days", numReason.get("first_day")!);
    label.set("tenure_days", label.get("first_day")!);
  }
  return {
    n,
    ids,
    sourceRow: Array.from({ length: n }, (_, i) => sheetRow(table, i)),
    issue,
    num,
    cell: (header) => {
      const c = h.indexOf(header);
      return table.rows.map((row) => (c < 0 ? null : row[c]));
    },
    headers: h,
    mapping,
    label,
    numReason,
  };
}

interface MethodOutput {
  columns: [string, OutValue[]][];
  tier: (string | null)[];
  issue: (string | null)[];
  /** Tier names in tier order (best first) for the summary. */
  order: string[];
  summaryValue?: Float64Array;
}

/** The numeric column `key`, or a readable error naming the role to map. */
function numeric(base: Base, key: string, why: string): Float64Array {
  const v = base.num.get(key);
  if (v) return v;
  if (key === "first_day") need(base.mapping, "first_date", base.headers, why);
  if (key === "last_day") need(base.mapping, "last_date", base.headers, why);
  if (key === "recency_days")
    need(
      base.mapping,
      "last_date",
      base.headers,
      `${why} (recency: a last purchase date or a recency_days column)`,
    );
  if (key === "tenure_days")
    need(base.mapping, "first_date", base.headers, `${why} (tenure: a first purchase date)`);
  need(base.mapping, key as Role, base.headers, why);
  throw new TierError(`${why} needs a ${key} column`);
}

/** Marks rows whose required values are missing, with the first reason. */
function requireValid(base: Base, keys: readonly string[], issue: (string | null)[]): void {
  for (const key of keys) {
    const v = base.num.get(key)!;
    const why = base.numReason.get(key);
    const lab = base.label.get(key) ?? key;
    for (let i = 0; i < base.n; i++) {
      if (issue[i] || !Number.isNaN(v[i])) continue;
      issue[i] = `${lab}: ${why?.[i] ?? "no value"}`;
    }
  }
}

function nm(lang: Lang, n: { zh: string; en: string }): string {
  return lang === "zh" ? n.zh : n.en;
}

function runMethod(base: Base, rs: RuleSet, lang: Lang, asOf: number): MethodOutput {
  const n = base.n;
  const issue: (string | null)[] = new Array(n).fill(null);
  const tier: (string | null)[] = new Array(n).fill(null);
  const num = (a: Float64Array | undefined): OutValue[] =>
    Array.from(a ?? [], (x) => (Number.isFinite(x) ? Math.round(x * 100) / 100 : null));
  const masked = (keys: readonly string[]): Float64Array[] =>
    keys.map((k) => {
      const src = base.num.get(k)!;
      const copy = Float64Array.from(src);
      for (let i = 0; i < n; i++) if (issue[i] || base.issue[i]) copy[i] = NaN;
      return copy;
    });

  switch (rs.method) {
    case "rfm": {
      const need3 = ["recency_days", "frequency", "amount"];
      need3.forEach((k) => numeric(base, k, `${rs.name.en}`));
      requireValid(base, need3, issue);
      const [rec, fre, amt] = masked(need3);
      const res = rfm(rec, fre, amt, {
        bins: rs.rfm.bins,
        method: rs.rfm.method,
        thresholds: rs.rfm.thresholds,
      });
      const seg = segments(
        res.r,
        res.f,
        res.m,
        rs.segments.map((s) => ({ ...s })),
      );
      const code: OutValue[] = new Array(n);
      for (let i = 0; i < n; i++) {
        if (res.r[i] === 0) {
          code[i] = null;
          continue;
        }
        code[i] = rfmCode(res.r[i], res.f[i], res.m[i]);
        const s = seg[i];
        tier[i] =
          s >= 0
            ? lang === "zh"
              ? rs.segments[s].zh
              : rs.segments[s].name
            : lang === "zh"
              ? OTHERS.zh
              : OTHERS.name;
      }
      const score = (a: Uint8Array): OutValue[] => Array.from(a, (x) => (x === 0 ? null : x));
      return {
        columns: [
          ["recency_days", num(base.num.get("recency_days"))],
          ["frequency", num(base.num.get("frequency"))],
          ["amount", num(base.num.get("amount"))],
          ["r", score(res.r)],
          ["f", score(res.f)],
          ["m", score(res.m)],
          ["rfm", code],
          ["segment", [...tier]],
        ],
        tier,
        issue,
        order: [
          ...rs.segments.map((s) => (lang === "zh" ? s.zh : s.name)),
          lang === "zh" ? OTHERS.zh : OTHERS.name,
        ],
      };
    }
    case "rfm8": {
      const need3 = ["recency_days", "frequency", "amount"];
      need3.forEach((k) => numeric(base, k, rs.name.en));
      requireValid(base, need3, issue);
      const [rec, fre, amt] = masked(need3);
      const res = rfm8(rec, fre, amt);
      const hl = (cond: (i: number) => boolean): OutValue[] =>
        Array.from({ length: n }, (_, i) => (res.cls[i] < 0 ? null : cond(i) ? "H" : "L"));
      const r = hl((i) => rec[i] < res.means.recency);
      const f = hl((i) => fre[i] > res.means.frequency);
      const m = hl((i) => amt[i] > res.means.amount);
      for (let i = 0; i < n; i++) if (res.cls[i] >= 0) tier[i] = nm(lang, RFM8_CLASSES[res.cls[i]]);
      return {
        columns: [
          ["recency_days", num(base.num.get("recency_days"))],
          ["frequency", num(base.num.get("frequency"))],
          ["amount", num(base.num.get("amount"))],
          ["r", r],
          ["f", f],
          ["m", m],
          ["rfm", r.map((x, i) => (x === null ? null : `${x}${f[i]}${m[i]}`))],
          ["segment", [...tier]],
        ],
        tier,
        issue,
        order: RFM8_CLASSES.map((c) => nm(lang, c)),
      };
    }
    case "abc": {
      let value: Float64Array;
      const cols: [string, OutValue[]][] = [];
      if (rs.months) {
        const monthCols = guessMonthColumns(base.headers);
        if (monthCols.length < rs.months)
          throw new TierError(
            `ABC on the average of the last ${rs.months} months needs ${rs.months} monthly columns (such as 2025年1月 or 2025-01); found ${monthCols.length}`,
          );
        const last = monthCols.slice(-rs.months);
        const months = last.map((c) => {
          const header = base.headers[c];
          const cells = base.cell(header);
          const v = new Float64Array(n);
          for (let i = 0; i < n; i++) {
            const x = readText(cells[i]) === "" ? 0 : readNumber(cells[i]);
            if (typeof x === "number") v[i] = x;
            else {
              v[i] = NaN;
              if (!issue[i]) issue[i] = `${header}: ${x}`;
            }
          }
          return v;
        });
        value = monthlyAverage(months, rs.months);
        cols.push(["amount", num(value)]);
      } else {
        numeric(base, "amount", rs.name.en);
        requireValid(base, ["amount"], issue);
        value = base.num.get("amount")!;
        cols.push(["amount", num(value)]);
      }
      const v = Float64Array.from(value);
      for (let i = 0; i < n; i++) if (issue[i] || base.issue[i]) v[i] = NaN;
      const cls =
        rs.basis.kind === "share"
          ? abcByShare(v, { a: rs.basis.a, b: rs.basis.b })
          : abcByAmount(v, rs.basis);
      const names = rs.tiers.map((t) => nm(lang, t.name));
      const letter: OutValue[] = new Array(n).fill(null);
      for (let i = 0; i < n; i++) {
        if (cls[i] === 0) continue;
        letter[i] = "ABC"[cls[i] - 1];
        tier[i] = names[cls[i] - 1];
      }
      cols.push(["abc", letter]);
      return { columns: cols, tier, issue, order: names, summaryValue: value };
    }
    case "pyramid": {
      numeric(base, "amount", rs.name.en);
      requireValid(base, ["amount"], issue);
      const [v] = masked(["amount"]);
      const lv = pyramid(v, rs.cuts);
      const names = rs.tiers.map((t) => nm(lang, t.name));
      for (let i = 0; i < n; i++) if (lv[i] > 0) tier[i] = names[lv[i] - 1];
      return {
        columns: [
          ["amount", num(base.num.get("amount"))],
          ["level", Array.from(lv, (x) => (x === 0 ? null : x))],
        ],
        tier,
        issue,
        order: names,
      };
    }
    case "level": {
      const key = columnKey(base, rs.column, rs.name.en);
      requireValid(base, [key], issue);
      const [v] = masked([key]);
      const order = rs.tiers.map((t) => ({
        tier: t.key,
        benefits: t.benefits?.[lang] ?? [],
        cumulative: !!t.cumulative,
      }));
      const benefits: OutValue[] = new Array(n).fill(null);
      const level = levelIndex(
        v,
        rs.tiers.map((t) => t.min),
      );
      for (let i = 0; i < n; i++) {
        if (Number.isNaN(v[i])) continue;
        const k = level[i];
        if (k < 0) {
          issue[i] = `${base.label.get(key)}: ${v[i]} is below the lowest tier (${rs.tiers[0].min})`;
          continue;
        }
        tier[i] = nm(lang, rs.tiers[k].name);
        benefits[i] = benefitsOf(order, rs.tiers[k].key, lang) || null;
      }
      return {
        columns: [
          [key, num(v)],
          ["benefits", benefits],
        ],
        tier,
        issue,
        order: [...rs.tiers].reverse().map((t) => nm(lang, t.name)),
      };
    }
    case "rules": {
      const used = [...new Set(rs.rules.flatMap((r) => r.when.map((c) => c.column)))];
      const keys = used.map((c) => columnKey(base, c, rs.name.en));
      requireValid(base, keys, issue);
      const cols: Record<string, Float64Array> = {};
      used.forEach((c, j) => (cols[c] = masked([keys[j]])[0]));
      const defIndex = rs.default === undefined ? -1 : rs.tiers.findIndex((t) => t.key === rs.default);
      const idx = applyRules(
        {
          rules: rs.rules.map((r) => ({ tier: r.tier, when: r.when })),
          default: rs.default,
        },
        cols,
        n,
      );
      const order = rs.tiers.map((t) => ({
        tier: t.key,
        benefits: t.benefits?.[lang] ?? [],
        cumulative: !!t.cumulative,
      }));
      const byKey = new Map(rs.tiers.map((t) => [t.key, t] as [string, TierDef]));
      const benefits: OutValue[] = new Array(n).fill(null);
      for (let i = 0; i < n; i++) {
        if (issue[i] || base.issue[i]) continue;
        const k = idx[i];
        const key = k < 0 ? undefined : k < rs.rules.length ? rs.rules[k].tier : rs.tiers[defIndex]?.key;
        if (key === undefined) {
          issue[i] = "no rule matches and the policy has no default tier";
          continue;
        }
        tier[i] = nm(lang, byKey.get(key)!.name);
        benefits[i] = benefitsOf(order, key, lang) || null;
      }
      return {
        columns: [
          ...keys.map((k) => [k, num(base.num.get(k))] as [string, OutValue[]]),
          ["benefits", benefits],
        ],
        tier,
        issue,
        order: [...rs.tiers].reverse().map((t) => nm(lang, t.name)),
      };
    }
    case "lifecycle": {
      const freq = numeric(base, "frequency", rs.name.en);
      const first = numeric(base, "first_day", rs.name.en);
      const last = numeric(base, "last_day", rs.name.en);
      // Blank dates are allowed for a prospect (no purchase); unreadable ones are not.
      for (const key of ["frequency", "first_day", "last_day"]) {
        const why = base.numReason.get(key);
        if (!why) continue;
        for (let i = 0; i < n; i++)
          if (!issue[i] && why[i] && why[i] !== "blank") issue[i] = `${base.label.get(key)}: ${why[i]}`;
      }
      const f = Float64Array.from(freq);
      for (let i = 0; i < n; i++) if (issue[i] || base.issue[i]) f[i] = NaN;
      const st = lifecycle(first, last, f, asOf, rs.windows);
      for (let i = 0; i < n; i++) {
        if (issue[i] || base.issue[i]) continue;
        if (st[i] < 0) issue[i] = "purchases without a readable first and last date";
        else tier[i] = nm(lang, LIFECYCLE_STAGES[st[i]].name);
      }
      return {
        columns: [
          ["recency_days", num(base.num.get("recency_days"))],
          ["frequency", num(freq)],
        ],
        tier,
        issue,
        order: LIFECYCLE_STAGES.map((s) => nm(lang, s.name)),
      };
    }
    case "scorecard":
      return runScorecard(base, rs, lang, issue, tier);
    case "grid": {
      const xk = columnKey(base, rs.x.role, rs.name.en);
      const yk = columnKey(base, rs.y.role, rs.name.en);
      requireValid(base, [xk, yk], issue);
      const [x, y] = masked([xk, yk]);
      const cells = gridCells(x, y, { x: rs.x.cut as GridCut, y: rs.y.cut as GridCut });
      const cellOut: OutValue[] = new Array(n).fill(null);
      const visits: OutValue[] = new Array(n).fill(null);
      const byCell = new Map(rs.cells.map((c) => [c.cell, c]));
      const CELLS = ["A1", "A2", "A3", "B1", "B2", "B3", "C1", "C2", "C3"];
      for (let i = 0; i < n; i++) {
        if (cells[i] < 0) continue;
        const c = byCell.get(CELLS[cells[i]])!;
        cellOut[i] = c.cell;
        tier[i] = nm(lang, c.name);
        visits[i] = c.visits;
      }
      return {
        columns: [
          [xk, num(x)],
          [yk, num(y)],
          ["cell", cellOut],
          ["visits", visits],
        ],
        tier,
        issue,
        order: CELLS.map((c) => nm(lang, byCell.get(c)!.name)),
      };
    }
  }
}

/** A rule's column: a role name (amount, tenure_days, …) or a header of the sheet. */
function columnKey(base: Base, column: string, why: string): string {
  if (base.num.has(column)) return column;
  if (DAY_ROLES.has(column) || column in ROLE_SYNONYMS) {
    numeric(base, column, why);
    return column;
  }
  const c = base.headers.findIndex((h) => normaliseHeader(h) === normaliseHeader(column));
  if (c < 0)
    throw new TierError(
      `the policy tests a column "${column}", which is neither a role nor a header of this sheet (${base.headers.join(", ")})`,
    );
  const header = base.headers[c];
  const cells = base.cell(header);
  const v = new Float64Array(base.n);
  const why2: (string | null)[] = new Array(base.n).fill(null);
  for (let i = 0; i < base.n; i++) {
    const x = readNumber(cells[i]);
    if (typeof x === "number") v[i] = x;
    else {
      v[i] = NaN;
      why2[i] = x;
    }
  }
  base.num.set(header, v);
  base.numReason.set(header, why2);
  base.label.set(header, header);
  return header;
}

function runScorecard(
  base: Base,
  rs: Extract<RuleSet, { method: "scorecard" }>,
  lang: Lang,
  issue: (string | null)[],
  tier: (string | null)[],
): MethodOutput {
  const n = base.n;
  const find = (c: { key: string; name: { zh: string; en: string } }): string | undefined => {
    const wanted = [c.name.zh, c.name.en, c.key].map(normaliseHeader);
    return (
      base.headers.find((h) => wanted.includes(normaliseHeader(h))) ??
      base.headers.find((h) => normaliseHeader(h).includes(normaliseHeader(c.name.zh)))
    );
  };
  const headersOf = rs.criteria.map(find);
  const missing = rs.criteria.filter((_, i) => headersOf[i] === undefined);
  if (missing.length)
    throw new TierError(
      `the scorecard needs a rating column per criterion; not found: ${missing
        .slice(0, 6)
        .map((c) => `${c.name.zh} (${c.name.en})`)
        .join(", ")}${missing.length > 6 ? ` and ${missing.length - 6} more` : ""}`,
    );
  const ratings = headersOf.map((header) => {
    const cells = base.cell(header!);
    const v = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const r = parseRating(cells[i]);
      v[i] = r;
      if (Number.isNaN(r) && rs.missing === "skip" && !issue[i]) {
        const t = readText(cells[i]);
        issue[i] =
          `${header}: ${t === "" ? "blank rating" : `"${t}" is not a rating (1-5 or 优秀/良好/合格/较差/不合格)`}`;
      }
    }
    return v;
  });
  const stages = Object.keys(rs.profiles);
  const stageCol = base.mapping.stage;
  if (stages.length > 1 && stageCol === undefined)
    need(
      base.mapping,
      "stage",
      base.headers,
      `the scorecard has weight profiles by stage (${stages.join(", ")}) and`,
    );
  // One profile: every row uses it; several: the stage column picks the profile per row.
  const stageCells =
    stages.length > 1 ? base.cell(base.headers[stageCol!]) : new Array<unknown>(n).fill(stages[0]);
  const score = weightedScoreByStage(ratings, rs.profiles, stageCells, { missing: rs.missing });
  for (const p of stageProblems(rs.profiles, stageCells, base.headers[stageCol ?? 0]))
    if (!issue[p.row]) issue[p.row] = `${p.column}: ${p.reason}`;
  for (let i = 0; i < n; i++) if (issue[i] || base.issue[i]) score[i] = NaN;
  const shown = Float64Array.from(score, (s) => (rs.scale === 100 ? s * 20 : s));
  const st = starsOf(shown, rs.stars, rs.scale);
  const starName = (k: number) => (lang === "zh" ? `${k}星` : k === 1 ? "1 star" : `${k} stars`);
  const cls: OutValue[] = maintenanceClass(st).map((c) => c || null);
  for (let i = 0; i < n; i++) if (st[i] !== 0) tier[i] = starName(st[i]);
  return {
    columns: [
      ["score", Array.from(shown, (x) => (Number.isFinite(x) ? Math.round(x * 100) / 100 : null))],
      ["stars", Array.from(st, (x) => (x === 0 ? null : x))],
      ["class", cls],
    ],
    tier,
    issue,
    order: [5, 4, 3, 2, 1].map(starName),
  };
}

function summarise(
  order: readonly string[],
  tier: readonly (string | null)[],
  amount?: Float64Array,
): TierCount[] {
  const count = new Map<string, number>(order.map((t) => [t, 0]));
  const sum = new Map<string, number>(order.map((t) => [t, 0]));
  let graded = 0;
  let total = 0;
  for (let i = 0; i < tier.length; i++) {
    const t = tier[i];
    if (t === null) continue;
    graded++;
    count.set(t, (count.get(t) ?? 0) + 1);
    const a = amount && Number.isFinite(amount[i]) ? Math.max(amount[i], 0) : 0;
    sum.set(t, (sum.get(t) ?? 0) + a);
    total += a;
  }
  return [...count.keys()].map((t) => ({
    tier: t,
    customers: count.get(t)!,
    customerShare: graded ? count.get(t)! / graded : 0,
    amount: sum.get(t)!,
    amountShare: total ? sum.get(t)! / total : 0,
  }));
}

/** The as-of date as text, for messages and headers. */
export function asOfText(result: Pick<GradeResult, "asOf">): string {
  return formatDay(result.asOf);
}
