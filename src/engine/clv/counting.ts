/**
 * The calibration summary of the BG/NBD and Gamma-Gamma models, counted as Fader, Hardie & Lee (2005)
 * count CDNOW: a customer's transactions are the days on which she bought (several orders on one day
 * are one transaction), x is the number of transactions after the first, t_x and T run from the first
 * purchase to the last purchase and to the end of calibration.
 */
import { TierError } from "../errors";

/** The time unit of t_x, T and the horizon. */
export type ClvUnit = "day" | "week" | "month";

/** Days in one unit; a month is a mean Gregorian month (365.25 / 12 days). */
export const UNIT_DAYS: Readonly<Record<ClvUnit, number>> = { day: 1, week: 7, month: 365.25 / 12 };

/** Orders as columns: who bought, on which day (a day number of `dates.ts`), for how much. */
export interface OrderDays {
  customerId: readonly string[];
  day: ArrayLike<number>;
  /** Spend per order; NaN or missing counts as 0 in a transaction's total. */
  amount?: ArrayLike<number>;
}

export interface CountingOptions {
  /** Last day of the calibration period (inclusive); the last order day when omitted. */
  calibrationEnd?: number;
  /** Last day of the holdout period (inclusive); the last order day when omitted. */
  holdoutEnd?: number;
  /** The unit of t_x and T: week (as in the paper) by default. */
  unit?: ClvUnit;
}

/** One row per customer who bought on or before the calibration end, in order of first appearance. */
export interface CalibrationSummary {
  customerId: string[];
  /** Repeat transactions in calibration (transaction days after the first). */
  x: Float64Array;
  /** First to last transaction in calibration, in units. */
  tx: Float64Array;
  /** First transaction to the end of calibration, in units. */
  T: Float64Array;
  /** Mean spend of the repeat transactions in calibration (0 when x = 0), a transaction's spend being its day's total. */
  zbar: Float64Array;
  /** Transaction days after the calibration end, up to the holdout end. */
  holdoutX: Float64Array;
  /** Spend on every transaction in calibration, the first included (the customer's value to date). */
  spend: Float64Array;
  /** Customers whose first purchase is after the calibration end: not in the summary. */
  leftOut: string[];
  calibrationEnd: number;
  holdoutEnd: number;
  /** Length of the holdout period in units (0 when there is none). */
  holdoutLength: number;
  unit: ClvUnit;
}

/**
 * Counts x, t_x, T, z̄ and the holdout transactions per customer from orders, days with a purchase
 * being transactions (Fader, Hardie & Lee 2005). Orders with a non-finite day are the caller's to
 * report; here they throw `clv.badDay`. Inputs are not mutated.
 * @example calibrationSummary({ customerId: ["a", "a", "a"], day: [0, 0, 14], amount: [5, 5, 30] }, { calibrationEnd: 21 })
 *   // customerId ["a"], x [1], tx [2], T [3], zbar [30], holdoutX [0]
 */
export function calibrationSummary(orders: OrderDays, options: CountingOptions = {}): CalibrationSummary {
  const { customerId: ids, day, amount } = orders;
  const n = ids.length;
  if (day.length !== n || (amount && amount.length !== n))
    throw new TierError("clv.lengths", { customerId: n, day: day.length, amount: amount?.length ?? n });
  const unit = options.unit ?? "week";
  const perUnit = UNIT_DAYS[unit];
  if (!perUnit) throw new TierError("clv.badUnit", { unit });
  let lastDay = -Infinity;
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(day[i])) throw new TierError("clv.badDay", { row: i + 1 });
    if (day[i] > lastDay) lastDay = day[i];
  }
  const end = options.calibrationEnd ?? lastDay;
  const holdoutEnd = Math.max(options.holdoutEnd ?? lastDay, end);

  // Customer index per order, in order of first appearance.
  const index = new Map<string, number>();
  const cust = new Uint32Array(n);
  const names: string[] = [];
  for (let i = 0; i < n; i++) {
    let c = index.get(ids[i]);
    if (c === undefined) {
      c = names.length;
      index.set(ids[i], c);
      names.push(ids[i]);
    }
    cust[i] = c;
  }
  // Orders sorted by customer then day (a copy of the indices: the input stays as it is).
  const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => cust[i] - cust[j] || day[i] - day[j]);

  const m = names.length;
  const x = new Float64Array(m);
  const tx = new Float64Array(m);
  const T = new Float64Array(m);
  const zbar = new Float64Array(m);
  const holdoutX = new Float64Array(m);
  const spendToDate = new Float64Array(m);
  const keep = new Uint8Array(m);
  for (let k = 0; k < n;) {
    const c = cust[order[k]];
    const first = Math.floor(day[order[k]]);
    let repeats = 0;
    let last = first;
    let repeatSpend = 0;
    let allSpend = 0;
    let holdout = 0;
    // One transaction per distinct day: walk the customer's days, summing spend within a day.
    while (k < n && cust[order[k]] === c) {
      const d = Math.floor(day[order[k]]);
      let spend = 0;
      while (k < n && cust[order[k]] === c && Math.floor(day[order[k]]) === d) {
        const a = amount ? amount[order[k]] : 0;
        if (Number.isFinite(a)) spend += a;
        k++;
      }
      if (d <= end) {
        allSpend += spend;
        if (d > first) {
          repeats++;
          repeatSpend += spend;
          last = d;
        }
      } else if (d <= holdoutEnd) holdout++;
    }
    if (first > end) continue;
    keep[c] = 1;
    x[c] = repeats;
    tx[c] = (last - first) / perUnit;
    T[c] = (end - first) / perUnit;
    zbar[c] = repeats > 0 ? repeatSpend / repeats : 0;
    holdoutX[c] = holdout;
    spendToDate[c] = allSpend;
  }

  const kept: number[] = [];
  const leftOut: string[] = [];
  for (let c = 0; c < m; c++) {
    if (keep[c]) kept.push(c);
    else leftOut.push(names[c]);
  }
  const pick = (a: Float64Array) => Float64Array.from(kept, (c) => a[c]);
  return {
    customerId: kept.map((c) => names[c]),
    x: pick(x),
    tx: pick(tx),
    T: pick(T),
    zbar: pick(zbar),
    holdoutX: pick(holdoutX),
    spend: pick(spendToDate),
    leftOut,
    calibrationEnd: end,
    holdoutEnd,
    holdoutLength: (holdoutEnd - end) / perUnit,
    unit,
  };
}
