/**
 * Spend windows for orders (spec "Windows"): every order up to the as-of date, the last N calendar
 * months before it, or its calendar year. Hand formula for `months`:
 * `SUMIFS(amount, id, x, date, ">"&EDATE(as_of,-N), date, "<="&as_of)`.
 */
import { aggregateOrders, customerId, type AggregateOptions, type OrderColumns } from "./aggregate";
import { civilFromDay, dayFromCivil, readDate } from "./dates";

/** Which orders count: all of them, the last `months` calendar months, or the as-of date's year. */
export type SpendWindow = { kind: "all" } | { kind: "months"; months: number } | { kind: "year" };

/**
 * The days a window covers, both ends included, for an as-of day.
 * `months:N` starts the day after EDATE(as_of, -N) (the month's last day when it has no such day);
 * `year` starts on 1 January of the as-of year; `all` starts nowhere.
 *
 * @example windowDays({ kind: "months", months: 12 }, parseIsoDay("2025-12-31")) // [2025-01-01, 2025-12-31] as day numbers
 */
export function windowDays(window: SpendWindow, asOf: number): [number, number] {
  if (window.kind === "all") return [-Infinity, asOf];
  const [y, m, d] = civilFromDay(asOf);
  if (window.kind === "year") return [dayFromCivil(y, 1, 1), asOf];
  const back = y * 12 + (m - 1) - window.months;
  const by = Math.floor(back / 12);
  const bm = back - by * 12 + 1;
  // EDATE clamps the day to the target month's length (EDATE(31 March, -1) is 28 or 29 February).
  const last = dayFromCivil(bm === 12 ? by + 1 : by, bm === 12 ? 1 : bm + 1, 1) - 1;
  const start = Math.min(dayFromCivil(by, bm, d), last);
  return [start + 1, asOf];
}

/** Per customer (aligned with `ids`): spend, count, first and last day of the orders in the window. */
export interface WindowTotals {
  amount: Float64Array;
  frequency: Float64Array;
  firstDay: Float64Array;
  lastDay: Float64Array;
  /** The sum of an extra column (profit, cost) over the same orders, when one was asked for. */
  extra?: Float64Array;
}

/**
 * Aggregates only the order rows dated inside `[from, to]`, with the same reading and counting rules
 * as the whole sheet (`aggregateOrders`), aligned with the customers `ids` of the whole sheet: a
 * customer with no order in the window has spend 0, count 0 and no first or last day (NaN).
 * Unreadable rows are left out here; the whole-sheet aggregation has already reported them.
 *
 * @example windowTotals(orders, ["a"], [from, to], {}).amount // Float64Array [spend of a's orders in the window]
 */
export function windowTotals(
  orders: OrderColumns,
  ids: readonly string[],
  [from, to]: readonly [number, number],
  options: AggregateOptions,
  extra?: readonly unknown[],
): WindowTotals {
  const keep: number[] = [];
  const dateOptions = { date1904: options.date1904 === true, asOfDay: options.asOfDay };
  for (let r = 0; r < orders.ids.length; r++) {
    const day = readDate(orders.dates[r], dateOptions);
    if (typeof day === "number" && day >= from && day <= to && customerId(orders.ids[r]) !== undefined)
      keep.push(r);
  }
  const pick = (col: readonly unknown[]) => keep.map((r) => col[r]);
  const sub: OrderColumns = {
    ids: pick(orders.ids),
    dates: pick(orders.dates),
    amounts: orders.amounts && pick(orders.amounts),
    orderIds: orders.orderIds && pick(orders.orderIds),
    quantities: orders.quantities && pick(orders.quantities),
    unitPrices: orders.unitPrices && pick(orders.unitPrices),
  };
  const agg = aggregateOrders(sub, options);
  const at = new Map(agg.ids.map((id, c) => [id, c]));
  const n = ids.length;
  const out: WindowTotals = {
    amount: new Float64Array(n),
    frequency: new Float64Array(n),
    firstDay: new Float64Array(n).fill(NaN),
    lastDay: new Float64Array(n).fill(NaN),
  };
  for (let i = 0; i < n; i++) {
    const c = at.get(ids[i]);
    if (c === undefined || agg.orders[c] === 0) continue;
    out.amount[i] = agg.amount[c];
    out.frequency[i] = agg.frequency[c];
    out.firstDay[i] = agg.firstDay[c];
    out.lastDay[i] = agg.lastDay[c];
  }
  if (extra) {
    // The extra column read as the amounts of the same rows: a blank or unreadable cell leaves its row out.
    const e = aggregateOrders({ ...sub, amounts: pick(extra) }, options);
    const eat = new Map(e.ids.map((id, c) => [id, c]));
    out.extra = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const c = eat.get(ids[i]);
      if (c !== undefined && e.orders[c] > 0) out.extra[i] = e.amount[c];
    }
  }
  return out;
}
