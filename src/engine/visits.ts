/**
 * Visit plans (拜访计划): working days of a month, and a month's visits per customer placed on them.
 * The spec's "Visit plans" section is the contract; docs/visits-history.md explains the algorithm.
 */
import { dayFromCivil } from "./dates";
import { TierError } from "./errors";
import { reason } from "./reasons";
import type { GradeResult, Lang } from "./grade";
import { tiersOf } from "./methods";
import type { RuleSet } from "./ruleset";
import { readNumber, readText } from "./values";
import { dataIndex, type SheetTable } from "./table";

export type WeekPattern = "mon-fri" | "mon-sat";

export interface WorkingDayOptions {
  /** Which weekdays are worked: Monday to Friday (default) or Monday to Saturday. */
  days?: WeekPattern;
  /** Day numbers that are not worked (public holidays, 法定节假日). */
  holidays?: readonly number[];
  /** Day numbers of weekend days that are worked (调休上班); a holiday on the same day wins. */
  workdays?: readonly number[];
}

/**
 * Weekday of a day number: 0 Sunday … 6 Saturday (1970-01-01 was a Thursday).
 *
 * @example weekday(20148) // 6, 2025-03-01 was a Saturday
 */
export function weekday(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

/**
 * The working days of a month as day numbers, ascending: Mon-Fri (or Mon-Sat), minus holidays, plus
 * worked weekend days.
 *
 * @example workingDays(2025, 10, { days: "mon-fri", holidays: [] }).length // 23
 */
export function workingDays(year: number, month: number, options: WorkingDayOptions = {}): number[] {
  if (!Number.isInteger(year) || !Number.isInteger(month) || month < 1 || month > 12)
    throw new TierError("visits.notMonth", { year, month });
  const lastDow = options.days === "mon-sat" ? 6 : 5;
  const holidays = new Set(options.holidays ?? []);
  const extra = new Set(options.workdays ?? []);
  const first = dayFromCivil(year, month, 1);
  const next = month === 12 ? dayFromCivil(year + 1, 1, 1) : dayFromCivil(year, month + 1, 1);
  const out: number[] = [];
  for (let d = first; d < next; d++) {
    const w = weekday(d);
    const worked = (w >= 1 && w <= lastDow) || extra.has(d);
    if (worked && !holidays.has(d)) out.push(d);
  }
  return out;
}

/** One customer to visit. `visits` is per month; the other fields only order and label the plan. */
export interface VisitCustomer {
  id: string;
  tier: string;
  visits: number;
  manager?: string;
  area?: string;
  routeOrder?: number;
  name?: string;
  contact?: string;
}

/** Visit `k` (1-based) of `f` of customer `customer` (an index into the input) on day number `day`. */
export interface PlannedVisit {
  day: number;
  customer: number;
  k: number;
  f: number;
}

export interface PlanOptions {
  /** Most visits one manager makes on one day; unlimited by default. */
  capacity?: number;
  /** Tiers best first; the first is the priority tier. Default: the order tiers first appear in. */
  tierOrder?: readonly string[];
}

export interface TierVisits {
  tier: string;
  customers: number;
  /** Visits a month asked for (the largest among the tier's customers, before capping at W). */
  perMonth: number;
  visits: number;
  /** Customers with at least one visit. */
  covered: number;
}

export interface DayLoad {
  day: number;
  visits: number;
}

export interface ManagerVisits {
  /** "" for customers without a manager. */
  manager: string;
  customers: number;
  visits: number;
  largestDay: DayLoad;
  smallestDay: DayLoad;
  /** Distinct (area, day) pairs: how often the manager goes into an area this month. */
  areaDays: number;
}

export interface PlanSummary {
  workingDays: number;
  visits: number;
  perTier: TierVisits[];
  perManager: ManagerVisits[];
  /** The first tier's customers and how many of them get at least one visit. */
  priority: { tier: string; customers: number; covered: number; share: number } | null;
  /** Customers asking for more visits than there are working days (given one a day). */
  capped: number;
}

export interface VisitPlan {
  /** Sorted for printing: manager (first appearance), day, area (route order), route order, customer. */
  visits: PlannedVisit[];
  summary: PlanSummary;
}

/** The smallest gap the spec allows between two visits of a customer with `f` visits in `w` days. */
export function minimumGap(w: number, f: number): number {
  return Math.max(1, Math.floor(w / f) - 1);
}

interface Segment {
  members: number[];
  areaKey: string;
  weight: number;
  seq: number;
}

/**
 * A month's visit plan. Per manager: each area's customers (in route order) are cut into route
 * segments of about one day's work; each segment gets one phase, and its customers' `f` visits go on
 * days `phase + floor(j·W/f)` (mod W), so a segment's customers share days and every gap is at least
 * `floor(W/f)`. Phases are picked greedily (largest segment first) to keep the sum of squared day loads
 * smallest, within `capacity`. A local search then moves single visits to days at least two visits
 * lighter while the gap stays at least `floor(W/f) - 1`, preferring days the customer's area is already
 * visited, until no such move is left. Deterministic: the same input gives the same plan.
 *
 * @example
 * planVisits([{ id: "C1", tier: "A", visits: 4 }], workingDays(2025, 10), {}).visits.map((v) => v.k) // [1, 2, 3, 4]
 */
export function planVisits(
  customers: readonly VisitCustomer[],
  days: readonly number[],
  options: PlanOptions = {},
): VisitPlan {
  const w = days.length;
  const cap = options.capacity ?? Infinity;
  if (!(cap >= 1) || (Number.isFinite(cap) && !Number.isInteger(cap)))
    throw new TierError("visits.capacity", { got: cap });
  for (let d = 1; d < w; d++) if (!(days[d] > days[d - 1])) throw new TierError("visits.daysOrder");
  const n = customers.length;
  const f = new Int32Array(n);
  let capped = 0;
  for (let i = 0; i < n; i++) {
    const v = customers[i].visits;
    if (!Number.isInteger(v) || v < 0)
      throw new TierError("visits.visitCount", {
        id: customers[i].id,
        tier: customers[i].tier,
        visits: v,
      });
    f[i] = Math.min(v, w);
    if (v > w) capped++;
  }
  if (w === 0 && f.some((x) => x > 0)) throw new TierError("visits.noWorkingDays");

  const managers = groupBy(n, (i) => customers[i].manager ?? "");
  const areaRank = areaRanks(customers);
  const pos: number[][] = Array.from({ length: n }, () => []);
  const loads = new Map<string, Int32Array>();
  for (const [manager, members] of managers) {
    const load = new Int32Array(w);
    loads.set(manager, load);
    const total = members.reduce((s, i) => s + f[i], 0);
    const who = manager ? reason("visits.manager", { manager }) : reason("visits.noManager");
    if (total > cap * w) throw new TierError("visits.overCapacity", { who, total, days: w, capacity: cap });
    if (total === 0) continue;
    const segments = cutSegments(members, customers, f, areaRank, Math.min(cap, Math.ceil(total / w)));
    placeSegments(segments, customers, f, w, cap, load, pos);
    balance(members, customers, f, w, cap, load, pos);
    const over = load.findIndex((x) => x > cap);
    if (over >= 0)
      throw new TierError("visits.dayOverCapacity", {
        who,
        visits: load[over],
        day: over + 1,
        days: w,
        capacity: cap,
      });
  }

  const visits: PlannedVisit[] = [];
  for (let i = 0; i < n; i++)
    for (let k = 0; k < pos[i].length; k++)
      visits.push({ day: days[pos[i][k]], customer: i, k: k + 1, f: f[i] });
  const managerRank = new Map([...managers.keys()].map((m, r) => [m, r]));
  visits.sort(
    (a, b) =>
      managerRank.get(customers[a.customer].manager ?? "")! -
        managerRank.get(customers[b.customer].manager ?? "")! ||
      a.day - b.day ||
      areaRank.get(areaKey(customers[a.customer], a.customer))! -
        areaRank.get(areaKey(customers[b.customer], b.customer))! ||
      routeOf(customers[a.customer]) - routeOf(customers[b.customer]) ||
      a.customer - b.customer,
  );

  return { visits, summary: summarise(customers, f, days, managers, loads, pos, options, capped) };
}

function groupBy(n: number, key: (i: number) => string): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (let i = 0; i < n; i++) {
    const k = key(i);
    const list = out.get(k);
    if (list) list.push(i);
    else out.set(k, [i]);
  }
  return out;
}

/** Customers without an area are each their own "area": nothing to share. */
function areaKey(c: VisitCustomer, i: number): string {
  const a = c.area?.trim();
  return a ? `${c.manager ?? ""}\u0000${a}` : `\u0001${i}`;
}

function routeOf(c: VisitCustomer): number {
  return c.routeOrder !== undefined && Number.isFinite(c.routeOrder) ? c.routeOrder : Infinity;
}

/** Areas ordered by their first stop in the route, then by first appearance. */
function areaRanks(customers: readonly VisitCustomer[]): Map<string, number> {
  const first = new Map<string, { route: number; at: number }>();
  customers.forEach((c, i) => {
    const k = areaKey(c, i);
    const r = routeOf(c);
    const had = first.get(k);
    if (!had) first.set(k, { route: r, at: i });
    else if (r < had.route) had.route = r;
  });
  const keys = [...first.keys()].sort(
    (a, b) => first.get(a)!.route - first.get(b)!.route || first.get(a)!.at - first.get(b)!.at,
  );
  return new Map(keys.map((k, r) => [k, r]));
}

/** Each area's visited customers in route order, cut into near-equal runs of at most `size`. */
function cutSegments(
  members: readonly number[],
  customers: readonly VisitCustomer[],
  f: Int32Array,
  areaRank: Map<string, number>,
  size: number,
): Segment[] {
  const byArea = groupBy(members.length, (j) => areaKey(customers[members[j]], members[j]));
  const areas = [...byArea.entries()]
    .map(([key, js]) => ({
      key,
      list: js
        .map((j) => members[j])
        .filter((i) => f[i] > 0)
        .sort((a, b) => routeOf(customers[a]) - routeOf(customers[b]) || a - b),
    }))
    .sort((a, b) => areaRank.get(a.key)! - areaRank.get(b.key)!);
  const out: Segment[] = [];
  for (const { key, list } of areas) {
    if (!list.length) continue;
    const parts = Math.ceil(list.length / size);
    for (let p = 0; p < parts; p++) {
      const seg = list.slice(
        Math.floor((p * list.length) / parts),
        Math.floor(((p + 1) * list.length) / parts),
      );
      out.push({ members: seg, areaKey: key, weight: seg.reduce((s, i) => s + f[i], 0), seq: out.length });
    }
  }
  return out;
}

/** Day offsets of `f` evenly spread visits from phase 0: floor(j·W/f). */
function pattern(w: number, f: number): number[] {
  return Array.from({ length: f }, (_, j) => Math.floor((j * w) / f));
}

function placeSegments(
  segments: Segment[],
  customers: readonly VisitCustomer[],
  f: Int32Array,
  w: number,
  cap: number,
  load: Int32Array,
  pos: number[][],
): void {
  const queue = [...segments].sort(
    (a, b) => b.weight - a.weight || b.members.length - a.members.length || a.seq - b.seq,
  );
  const lastPhase = new Map<string, number>();
  const profile = new Int32Array(w);
  while (queue.length) {
    const seg = queue.shift()!;
    profile.fill(0);
    for (const i of seg.members) for (const o of pattern(w, f[i])) profile[o]++;
    // Next to the area's previous segment when it costs nothing more: the route goes on the next day.
    const near = lastPhase.has(seg.areaKey) ? (lastPhase.get(seg.areaKey)! + 1) % w : 0;
    let best = -1;
    let bestCost = Infinity;
    let bestDist = Infinity;
    for (let phase = 0; phase < w; phase++) {
      let cost = 0;
      let fits = true;
      for (let o = 0; o < w; o++) {
        const add = profile[o];
        if (!add) continue;
        const d = (o + phase) % w;
        if (load[d] + add > cap) {
          fits = false;
          break;
        }
        cost += add * (2 * load[d] + add);
      }
      if (!fits) continue;
      const dist = (phase - near + w) % w;
      if (cost < bestCost || (cost === bestCost && dist < bestDist)) {
        best = phase;
        bestCost = cost;
        bestDist = dist;
      }
    }
    if (best >= 0) {
      for (const i of seg.members) {
        pos[i] = pattern(w, f[i])
          .map((o) => (o + best) % w)
          .sort((a, b) => a - b);
        for (const d of pos[i]) load[d]++;
      }
      lastPhase.set(seg.areaKey, best);
    } else if (seg.members.length > 1) {
      // A whole segment does not fit under the capacity any more: place its customers one by one.
      queue.unshift(
        ...seg.members.map((i, j) => ({
          members: [i],
          areaKey: seg.areaKey,
          weight: f[i],
          seq: seg.seq + j / w,
        })),
      );
    } else placeAlone(seg.members[0], f, w, cap, load, pos);
  }
}

/**
 * Last resort under a tight capacity: a depth-first search over days with room, least-loaded first,
 * for `f` visits at least the minimum gap apart (f <= 31 and W <= 31 keep it small).
 */
function placeAlone(
  i: number,
  f: Int32Array,
  w: number,
  cap: number,
  load: Int32Array,
  pos: number[][],
): void {
  const g = minimumGap(w, f[i]);
  const out: number[] = [];
  let budget = 100_000;
  const search = (k: number, lo: number): boolean => {
    if (k === f[i]) return true;
    if (--budget < 0) return false;
    const hi = w - 1 - (f[i] - 1 - k) * g;
    const options: number[] = [];
    for (let d = lo; d <= hi; d++) if (load[d] < cap) options.push(d);
    options.sort((a, b) => load[a] - load[b] || a - b);
    for (const d of options) {
      out.push(d);
      if (search(k + 1, d + g)) return true;
      out.pop();
    }
    return false;
  };
  // No room left in the right places: place over the capacity, balance() then moves visits along
  // chains of days to make room, and says so if it cannot.
  if (!search(0, 0)) {
    cap = Infinity;
    budget = 100_000;
    out.length = 0;
    search(0, 0);
  }
  for (const d of out) load[d]++;
  pos[i] = out;
}

/**
 * Moves single visits from a day to one at least two visits lighter, keeping each customer's gaps at
 * least floor(W/f) - 1. Every move lowers the sum of squared loads by at least 2, so it ends; when it
 * ends no visit can move to a day two lighter (the guarantee the tests check).
 */
function balance(
  members: readonly number[],
  customers: readonly VisitCustomer[],
  f: Int32Array,
  w: number,
  cap: number,
  load: Int32Array,
  pos: number[][],
): void {
  const onDay: number[][] = Array.from({ length: w }, () => []);
  const areaOn = new Map<string, Int32Array>();
  for (const i of members) {
    const key = areaKey(customers[i], i);
    let a = areaOn.get(key);
    if (!a) areaOn.set(key, (a = new Int32Array(w)));
    for (const d of pos[i]) {
      onDay[d].push(i);
      a[d]++;
    }
  }
  const dayOrder = Array.from({ length: w }, (_, d) => d);
  // First make room where placing had to go over the capacity.
  while (load.some((x) => x > cap))
    if (
      !chainMove(
        (d) => load[d] > cap,
        (t) => load[t] < cap,
      )
    )
      return;
  for (;;) {
    dayOrder.sort((a, b) => load[b] - load[a] || a - b);
    let moved = false;
    for (const d of dayOrder) {
      if (load[d] < 2) break;
      // Best move off day d: keep areas together first, then the lightest and nearest day.
      let bi = -1;
      let bk = -1;
      let bt = -1;
      let bScore: number[] = [];
      for (const i of onDay[d]) {
        const p = pos[i];
        const k = p.indexOf(d);
        const g = minimumGap(w, f[i]);
        const lo = k > 0 ? p[k - 1] + g : 0;
        const hi = k < p.length - 1 ? p[k + 1] - g : w - 1;
        const area = areaOn.get(areaKey(customers[i], i))!;
        for (let t = lo; t <= hi; t++) {
          if (t === d || load[t] > load[d] - 2) continue;
          const score = [area[t] > 0 ? 0 : 1, area[d], load[t], Math.abs(t - d), t, i];
          if (bi < 0 || less(score, bScore)) {
            bi = i;
            bk = k;
            bt = t;
            bScore = score;
          }
        }
      }
      if (bi < 0) continue;
      const p = pos[bi];
      p[bk] = bt;
      load[d]--;
      load[bt]++;
      onDay[d].splice(onDay[d].indexOf(bi), 1);
      onDay[bt].push(bi);
      const area = areaOn.get(areaKey(customers[bi], bi))!;
      area[d]--;
      area[bt]++;
      moved = true;
      break;
    }
    if (!moved) {
      const top = load.reduce((m, x) => Math.max(m, x), 0);
      if (
        !chainMove(
          (d) => load[d] === top,
          (t) => load[t] <= top - 2,
        )
      )
        return;
    }
  }

  /**
   * Moves along a chain d0 → d1 → … → dk (one visit per step, distinct customers) from a day `source`
   * accepts to one `target` accepts: d0 loses one visit, dk gains one, the days between keep theirs.
   */
  function chainMove(source: (d: number) => boolean, target: (t: number) => boolean): boolean {
    const from = new Int32Array(w).fill(-2);
    const via: { i: number; k: number }[] = new Array(w);
    const queue: number[] = [];
    for (let d = 0; d < w; d++)
      if (source(d)) {
        from[d] = -1;
        queue.push(d);
      }
    const onPath = (d: number, i: number) => {
      for (let x = d; from[x] >= 0; x = from[x]) if (via[x].i === i) return true;
      return false;
    };
    for (let q = 0; q < queue.length; q++) {
      const d = queue[q];
      for (const i of onDay[d]) {
        if (onPath(d, i)) continue;
        const p = pos[i];
        const k = p.indexOf(d);
        const g = minimumGap(w, f[i]);
        const lo = k > 0 ? p[k - 1] + g : 0;
        const hi = k < p.length - 1 ? p[k + 1] - g : w - 1;
        for (let t = lo; t <= hi; t++) {
          if (from[t] !== -2) continue;
          from[t] = d;
          via[t] = { i, k };
          if (target(t)) {
            for (let x = t; from[x] >= 0; x = from[x]) {
              const { i: c, k: j } = via[x];
              const src = from[x];
              pos[c][j] = x;
              onDay[src].splice(onDay[src].indexOf(c), 1);
              onDay[x].push(c);
              const area = areaOn.get(areaKey(customers[c], c))!;
              area[src]--;
              area[x]++;
            }
            load[t]++;
            load[from[t] < 0 ? t : rootOf(t)]--;
            return true;
          }
          queue.push(t);
        }
      }
    }
    return false;

    function rootOf(t: number): number {
      let x = t;
      while (from[x] >= 0) x = from[x];
      return x;
    }
  }
}

function less(a: readonly number[], b: readonly number[]): boolean {
  for (let j = 0; j < a.length; j++) if (a[j] !== b[j]) return a[j] < b[j];
  return false;
}

function summarise(
  customers: readonly VisitCustomer[],
  f: Int32Array,
  days: readonly number[],
  managers: Map<string, number[]>,
  loads: Map<string, Int32Array>,
  pos: number[][],
  options: PlanOptions,
  capped: number,
): PlanSummary {
  const w = days.length;
  const order: string[] = [...(options.tierOrder ?? [])];
  for (const c of customers) if (!order.includes(c.tier)) order.push(c.tier);
  const perTier = new Map<string, TierVisits>(
    order.map((t) => [t, { tier: t, customers: 0, perMonth: 0, visits: 0, covered: 0 }]),
  );
  let total = 0;
  customers.forEach((c, i) => {
    const t = perTier.get(c.tier)!;
    t.customers++;
    t.perMonth = Math.max(t.perMonth, c.visits);
    t.visits += pos[i].length;
    if (pos[i].length) t.covered++;
    total += pos[i].length;
  });
  const perManager: ManagerVisits[] = [];
  for (const [manager, members] of managers) {
    const load = loads.get(manager)!;
    let hi = 0;
    let lo = 0;
    for (let d = 1; d < w; d++) {
      if (load[d] > load[hi]) hi = d;
      if (load[d] < load[lo]) lo = d;
    }
    const pairs = new Set<string>();
    for (const i of members) for (const d of pos[i]) pairs.add(`${areaKey(customers[i], i)}\u0002${d}`);
    perManager.push({
      manager,
      customers: members.length,
      visits: members.reduce((s, i) => s + pos[i].length, 0),
      largestDay: { day: w ? days[hi] : NaN, visits: w ? load[hi] : 0 },
      smallestDay: { day: w ? days[lo] : NaN, visits: w ? load[lo] : 0 },
      areaDays: pairs.size,
    });
  }
  const first = order.length ? perTier.get(order[0])! : null;
  return {
    workingDays: w,
    visits: total,
    perTier: [...perTier.values()],
    perManager,
    priority: first
      ? {
          tier: first.tier,
          customers: first.customers,
          covered: first.covered,
          share: first.customers ? first.covered / first.customers : 0,
        }
      : null,
    capped,
  };
}

/**
 * Visits a month per tier from a rule set, in `tierOrder` (best first): a tier's (or nine-grid cell's)
 * own `visits`, else the ABC default by rank — 4 for the first tier, 2 for the second, 1 for the rest.
 *
 * @example visitsPerTier(preset("abc"), "en", ["A", "B", "C"]) // { A: 4, B: 2, C: 1 }
 */
export function visitsPerTier(
  ruleSet: RuleSet,
  lang: Lang,
  tierOrder: readonly string[],
): Record<string, number> {
  const own = new Map<string, number>();
  for (const t of tiersOf(ruleSet)) if (t.visits !== undefined) own.set(t.name[lang], t.visits);
  const out: Record<string, number> = {};
  tierOrder.forEach((t, r) => (out[t] = own.get(t) ?? (r === 0 ? 4 : r === 1 ? 2 : 1)));
  return out;
}

/**
 * The customers of a graded sheet as {@link VisitCustomer}s: graded customers only, with the manager,
 * area, route order, name and contact (phone, else e-mail) read from the columns the grading mapped.
 * A tier missing from `perTier` is an error (say how often to visit it).
 *
 * @example visitCustomers(table, result, { A: 4, B: 2, C: 1 })[0] // { id: "R001", tier: "A", visits: 4, area: "东片", … }
 */
export function visitCustomers(
  table: SheetTable,
  result: GradeResult,
  perTier: Readonly<Record<string, number>>,
): VisitCustomer[] {
  const col = (role: string) => {
    const h = result.mapping[role];
    return h === undefined ? -1 : table.headers.indexOf(h);
  };
  const [mc, ac, rc, pc, ec] = ["manager", "area", "route_order", "phone", "email"].map(col);
  const text = (row: readonly unknown[], c: number) => (c < 0 ? "" : readText(row[c]));
  const out: VisitCustomer[] = [];
  const ids = result.columns.customer_id;
  for (let i = 0; i < ids.length; i++) {
    const tier = result.columns.tier[i];
    if (tier === null || tier === undefined) continue;
    const visits = perTier[String(tier)];
    if (visits === undefined) throw new TierError("visits.perTierMissing", { tier: String(tier) });
    const row = table.rows[dataIndex(table, result.sourceRow[i])] ?? [];
    const c: VisitCustomer = { id: String(ids[i]), tier: String(tier), visits };
    const manager = text(row, mc);
    const area = text(row, ac);
    const route = rc < 0 ? NaN : readNumber(row[rc]);
    const name = result.columns.name?.[i];
    const contact = text(row, pc) || text(row, ec);
    if (manager) c.manager = manager;
    if (area) c.area = area;
    if (typeof route === "number") c.routeOrder = route;
    if (name !== null && name !== undefined) c.name = String(name);
    if (contact) c.contact = contact;
    out.push(c);
  }
  return out;
}
