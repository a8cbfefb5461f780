/**
 * Re-evaluation history (复评记录): snapshots of a grading, and what changed against the previous one.
 */
import { formatDay } from "./dates";
import { TierError } from "./errors";
import type { GradeResult, Lang } from "./grade";
import { tierKeyOf, tiersOf, type TierInfo } from "./methods";
import type { RuleSet } from "./ruleset";

/** One customer's tier in one evaluation, as a row of the history sheet. */
export interface Snapshot {
  /** The evaluation's name, e.g. "2025Q4" or "2025-12". */
  period: string;
  /** As-of day number of the evaluation. */
  asOf: number;
  /** The method or preset it was graded with (only snapshots of one method are compared). */
  method: string;
  customerId: string;
  tier: string;
  score: number | null;
}

export type ChangeKind = "new" | "up" | "down" | "same" | "gone";

export const CHANGE_KINDS: readonly ChangeKind[] = ["new", "up", "down", "same", "gone"];

/** Labels of change kinds: 新增 / 升级 / 降级 / 不变 / 移出. */
export const CHANGE_LABELS: Readonly<Record<ChangeKind, { zh: string; en: string }>> = {
  new: { zh: "新增", en: "new" },
  up: { zh: "升级", en: "up" },
  down: { zh: "降级", en: "down" },
  same: { zh: "不变", en: "same" },
  gone: { zh: "移出", en: "gone" },
};

/** The row and column label of "no tier" in the migration matrix. */
export const NONE = { zh: "（无）", en: "(none)" } as const;

export interface Change {
  customerId: string;
  old?: string;
  new?: string;
  change: ChangeKind;
}

export interface Migration {
  /** Customers in current order, then the ones gone (in previous order). */
  changes: Change[];
  /** Row labels: previous tiers best first, then "(none)" (customers new this time). */
  from: string[];
  /** Column labels: current tiers best first, then "(none)" (customers gone). */
  to: string[];
  /** counts[r][c]: customers in tier from[r] before and to[c] now. */
  matrix: number[][];
  /** Customers per change kind. */
  counts: Record<ChangeKind, number>;
}

/**
 * Compares two snapshots of one method by tier order (best first): 新增 new (only now), 升级 up (a
 * better tier), 降级 down, 不变 same, 移出 gone (only before); plus the from × to migration matrix with
 * a "(none)" row and column, whose cells add up to the customers of both snapshots together.
 *
 * @example
 * compareSnapshots([{ customerId: "C1", tier: "B" }], [{ customerId: "C1", tier: "A" }], ["A", "B", "C"])
 *   .changes[0].change // "up"
 */
export function compareSnapshots(
  previous: readonly Pick<Snapshot, "customerId" | "tier">[],
  current: readonly Pick<Snapshot, "customerId" | "tier">[],
  tiers: readonly TierInfo[],
  lang: Lang = "en",
): Migration {
  // Tiers are compared by key, so a snapshot saved in Chinese compares with one saved in English.
  const rank = new Map(tiers.map((t, r) => [t.key, r]));
  const before = index(previous, "previous", tiers);
  const now = index(current, "current", tiers);
  const names = tiers.map((t) => t.name[lang]);
  const labels = [...names, NONE[lang]];
  const matrix = labels.map(() => new Array<number>(labels.length).fill(0));
  const counts: Record<ChangeKind, number> = { new: 0, up: 0, down: 0, same: 0, gone: 0 };
  const changes: Change[] = [];
  const none_ = tiers.length;
  for (const [id, key] of now) {
    const old = before.get(id);
    const r = rank.get(key)!;
    let change: ChangeKind;
    if (old === undefined) change = "new";
    else {
      const o = rank.get(old)!;
      change = r < o ? "up" : r > o ? "down" : "same";
    }
    changes.push(
      old === undefined
        ? { customerId: id, new: names[r], change }
        : { customerId: id, old: names[rank.get(old)!], new: names[r], change },
    );
    matrix[old === undefined ? none_ : rank.get(old)!][r]++;
    counts[change]++;
  }
  for (const [id, old] of before) {
    if (now.has(id)) continue;
    changes.push({ customerId: id, old: names[rank.get(old)!], change: "gone" });
    matrix[rank.get(old)!][none_]++;
    counts.gone++;
  }
  return { changes, from: labels, to: labels, matrix, counts };
}

/** Customer → tier key of one snapshot; a tier written as a key or a name in either language. */
function index(
  rows: readonly Pick<Snapshot, "customerId" | "tier">[],
  which: "previous" | "current",
  tiers: readonly TierInfo[],
): Map<string, string> {
  const out = new Map<string, string>();
  const twice = new Set<string>();
  const unknown = new Set<string>();
  for (const r of rows) {
    if (out.has(r.customerId)) twice.add(r.customerId);
    const key = tierKeyOf(tiers, r.tier);
    if (key === undefined) unknown.add(r.tier);
    else out.set(r.customerId, key);
  }
  if (twice.size)
    throw new TierError(which === "previous" ? "history.previousTwice" : "history.currentTwice", {
      ids: [...twice].slice(0, 5),
      more: Math.max(0, twice.size - 5),
    });
  if (unknown.size)
    throw new TierError(which === "previous" ? "history.previousUnknownTier" : "history.currentUnknownTier", {
      tiers: [...unknown].slice(0, 5),
      known: tiers.map((t) => t.key),
    });
  return out;
}

/**
 * Tier names of a rule set in `lang`, best first, the order `grade` reports them in.
 *
 * @example tierOrder(preset("membership"), "zh") // ["钻石", "金卡", "银卡", "普通", "新客户"]
 */
export function tierOrder(ruleSet: RuleSet, lang: Lang): string[] {
  return tiersOf(ruleSet).map((t) => t.name[lang]);
}

/**
 * A graded result as snapshot rows (graded customers only). The score is the method's score column
 * when it has one (scorecard score, RFM code as a number), else the amount, else blank.
 *
 * @example snapshotOf(result, "2025Q4", "membership")[0] // { period: "2025Q4", asOf: 20453, method: "membership", customerId: "M001", tier: "金卡", score: 12800 }
 */
export function snapshotOf(result: GradeResult, period: string, method: string): Snapshot[] {
  const c = result.columns;
  const scoreCol = c.score ?? c.rfm ?? c.amount;
  const out: Snapshot[] = [];
  for (let i = 0; i < c.customer_id.length; i++) {
    const tier = c.tier[i];
    if (tier === null || tier === undefined) continue;
    const s = scoreCol?.[i];
    const score =
      typeof s === "number" ? s : typeof s === "string" && s.trim() !== "" && Number.isFinite(+s) ? +s : null;
    out.push({
      period,
      asOf: result.asOf,
      method,
      customerId: String(c.customer_id[i]),
      tier: String(tier),
      score,
    });
  }
  return out;
}

/** Header of the history sheet and of snapshot CSVs. */
export const SNAPSHOT_HEADER = ["period", "as_of", "method", "customer_id", "tier", "score"] as const;

/** A snapshot as a row under {@link SNAPSHOT_HEADER} (the date as YYYY-MM-DD text). */
export function snapshotRow(s: Snapshot): (string | number | null)[] {
  return [s.period, formatDay(s.asOf), s.method, s.customerId, s.tier, s.score];
}

/**
 * The latest evaluation of `method` in a history (by as-of day, then by position) and the one before
 * it: what a re-evaluation is compared against.
 *
 * @example latestTwo(history, "membership").previous?.[0].period // "2025Q3"
 */
export function latestTwo(
  history: readonly Snapshot[],
  method?: string,
): { current: Snapshot[]; previous: Snapshot[] | null } {
  const groups = new Map<string, Snapshot[]>();
  for (const s of history) {
    if (method !== undefined && s.method !== method) continue;
    const key = `${s.asOf}\u0000${s.period}`;
    const g = groups.get(key);
    if (g) g.push(s);
    else groups.set(key, [s]);
  }
  const sorted = [...groups.values()].sort((a, b) => a[0].asOf - b[0].asOf);
  return { current: sorted.at(-1) ?? [], previous: sorted.length > 1 ? sorted.at(-2)! : null };
}
