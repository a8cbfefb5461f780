import { check } from "./errors";

/** Editable windows of the lifecycle preset, in days and numbers of purchases. */
export interface LifecycleWindows {
  lostDays: number;
  atRiskDays: number;
  newDays: number;
  loyalFrequency: number;
  regularFrequency: number;
}

/** The lifecycle preset's windows: lost after 365 days, at risk after 180, new for 90, loyal from 5 purchases, regular from 2. */
export const DEFAULT_LIFECYCLE_WINDOWS: Readonly<LifecycleWindows> = Object.freeze({
  lostDays: 365,
  atRiskDays: 180,
  newDays: 90,
  loyalFrequency: 5,
  regularFrequency: 2,
});

/** Lifecycle stages in the order {@link lifecycle} returns their index (and the order they are tested). */
export const LIFECYCLE_STAGES = [
  { key: "prospect", name: { zh: "潜在", en: "Prospect" } },
  { key: "lost", name: { zh: "流失", en: "Lost" } },
  { key: "at_risk", name: { zh: "沉睡", en: "At risk" } },
  { key: "new", name: { zh: "新客户", en: "New" } },
  { key: "loyal", name: { zh: "忠诚", en: "Loyal" } },
  { key: "regular", name: { zh: "常规", en: "Regular" } },
  { key: "one_time", name: { zh: "一次性", en: "One-time" } },
] as const;

export type LifecycleStage = (typeof LIFECYCLE_STAGES)[number]["key"];

const PROSPECT = 0;
const LOST = 1;
const AT_RISK = 2;
const NEW = 3;
const LOYAL = 4;
const REGULAR = 5;
const ONE_TIME = 6;

function checkWindows(w: LifecycleWindows): void {
  for (const k of Object.keys(DEFAULT_LIFECYCLE_WINDOWS) as (keyof LifecycleWindows)[]) {
    check(Number.isFinite(w[k]) && w[k] >= 0, "lifecycle.window", { window: k, value: w[k] });
  }
  check(w.atRiskDays <= w.lostDays, "lifecycle.windowOrder", { atRisk: w.atRiskDays, lost: w.lostDays });
  check(w.regularFrequency <= w.loyalFrequency, "lifecycle.frequencyOrder", {
    regular: w.regularFrequency,
    loyal: w.loyalFrequency,
  });
}

/**
 * Lifecycle stage per customer, first match (spec "Lifecycle preset"): prospect (no purchase), lost
 * (as_of − last > lostDays), at risk (> atRiskDays), new (as_of − first <= newDays), loyal
 * (frequency >= loyalFrequency), regular (>= regularFrequency), else one-time. Returns the index into
 * {@link LIFECYCLE_STAGES}.
 *
 * Missing values (NaN, or any non-finite number): frequency 0, or frequency and last day both missing, is a
 * prospect. Otherwise a row gets -1 (listed by the caller) when the first test it reaches needs a value it
 * lacks: no last day; no first day while it is not lost or at risk (except one purchase, where first = last);
 * no frequency while it is not lost, at risk or new. Also -1: a negative frequency, a last day after the
 * as-of day, or a first day after the last day.
 *
 * @example
 * // as of day 1000: bought last on day 634 (366 days ago) → lost; on day 635 (365 days) → at risk
 * lifecycle([100, 100], [634, 635], [3, 3], 1000); // Int8Array [1, 2]
 */
export function lifecycle(
  firstDay: ArrayLike<number>,
  lastDay: ArrayLike<number>,
  frequency: ArrayLike<number>,
  asOfDay: number,
  windows?: Partial<LifecycleWindows>,
): Int8Array {
  const w: LifecycleWindows = { ...DEFAULT_LIFECYCLE_WINDOWS, ...stripUndefined(windows) };
  checkWindows(w);
  check(Number.isFinite(asOfDay), "lifecycle.noAsOf");
  const n = frequency.length;
  check(firstDay.length === n && lastDay.length === n, "lifecycle.rowCounts", {
    first: firstDay.length,
    last: lastDay.length,
    frequency: n,
  });
  const out = new Int8Array(n);
  for (let i = 0; i < n; i++) {
    const f = frequency[i];
    const last = lastDay[i];
    let first = firstDay[i];
    const hasF = Number.isFinite(f);
    const hasLast = Number.isFinite(last);
    if (f === 0 || (!hasF && !hasLast)) {
      out[i] = PROSPECT;
      continue;
    }
    if ((hasF && f < 0) || !hasLast || last > asOfDay || first > last) {
      out[i] = -1;
      continue;
    }
    const recency = asOfDay - last;
    if (recency > w.lostDays) out[i] = LOST;
    else if (recency > w.atRiskDays) out[i] = AT_RISK;
    else {
      if (!Number.isFinite(first) && f === 1) first = last;
      if (!Number.isFinite(first)) out[i] = -1;
      else if (asOfDay - first <= w.newDays) out[i] = NEW;
      else if (!hasF) out[i] = -1;
      else if (f >= w.loyalFrequency) out[i] = LOYAL;
      else if (f >= w.regularFrequency) out[i] = REGULAR;
      else out[i] = ONE_TIME;
    }
  }
  return out;
}

function stripUndefined(w: Partial<LifecycleWindows> | undefined): Partial<LifecycleWindows> {
  const out: Partial<LifecycleWindows> = {};
  if (w) for (const [k, v] of Object.entries(w)) if (v !== undefined) out[k as keyof LifecycleWindows] = v;
  return out;
}
