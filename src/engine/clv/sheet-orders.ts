/**
 * The readable order rows of an orders sheet, for the CLV method of the registry: the models count
 * transaction days and repeat spend themselves, which the per-customer aggregates cannot give.
 */
import { customerId } from "../aggregate";
import { readDate } from "../dates";
import { readNumber } from "../values";

/** Order rows as columns: the customer (an index into the graded customers), the day and the amount. */
export interface OrderRows {
  customer: Uint32Array;
  day: Float64Array;
  amount: Float64Array;
}

/**
 * The order rows that aggregate into the customers `ids`, read as `aggregateOrders` reads them (the
 * same id, date and amount rules, dates after `asOfDay` refused); a row with a cell that cannot be
 * read is left out here, since the grading driver has already reported it.
 * @example readOrderRows({ ids: ["a", "b", "a"], dates: [20000, 20001, "x"], amounts: [5, 6, 7] }, ["a", "b"], {})
 *   // customer [0, 1], day [20000, 20001], amount [5, 6]
 */
export function readOrderRows(
  cells: { ids: readonly unknown[]; dates: readonly unknown[]; amounts: readonly unknown[] },
  ids: readonly string[],
  options: { date1904?: boolean; asOfDay?: number },
): OrderRows {
  const index = new Map(ids.map((id, i) => [id, i]));
  const n = cells.ids.length;
  const customer = new Uint32Array(n);
  const day = new Float64Array(n);
  const amount = new Float64Array(n);
  const dateOptions = { date1904: options.date1904 === true, asOfDay: options.asOfDay };
  let m = 0;
  for (let r = 0; r < n; r++) {
    const id = customerId(cells.ids[r]);
    const c = id === undefined ? undefined : index.get(id);
    if (c === undefined) continue;
    const d = readDate(cells.dates[r], dateOptions);
    const a = readNumber(cells.amounts[r]);
    if (typeof d !== "number" || typeof a !== "number") continue;
    customer[m] = c;
    day[m] = d;
    amount[m++] = a;
  }
  return { customer: customer.slice(0, m), day: day.slice(0, m), amount: amount.slice(0, m) };
}
