/**
 * Orders input: the customers sheet's aggregates over the orders sheet (spec "Inputs and preparation").
 * An order row counts when its amount is a number and its date a number not after the as-of date, as
 * the engine's aggregateOrders skips the rest:
 * - amount `SUMIFS(amounts, ids, id, dates, "<"&(as_of+1))` (text amounts are skipped by SUMIFS itself);
 * - frequency `COUNTIFS(ids, id, dates, "<"&(as_of+1), amounts, ">=0") + COUNTIFS(…, amounts, "<0")`;
 * - last and first date `MAX(IF(ids=id, IF(ISNUMBER(amounts), IF(ISNUMBER(dates), IF(dates<as_of+1, INT(dates))))))`
 *   and the same with MIN, one-cell array formulas (MAXIFS and MINIFS need Excel 2019).
 */
import type { Env } from "./inputs";
import { absRange, type FormulaBuilder } from "./refs";

export function ordersAggregates(
  b: FormulaBuilder,
  env: Env,
  orders: { sheet: string; first: number; last: number; col: (role: string) => number },
): void {
  const range = (role: string) => absRange(orders.col(role), orders.first, orders.last, orders.sheet);
  const ids = range("customer_id");
  const dates = range("date");
  const amounts = range("amount");
  const next = `(${b.asOf}+1)`;
  b.column(env.label("amount"), (r) => `SUMIFS(${amounts},${ids},A${r},${dates},"<"&${next})`);
  const count = (r: number, sign: string) =>
    `COUNTIFS(${ids},A${r},${dates},"<"&${next},${amounts},"${sign}0")`;
  b.column(env.label("frequency"), (r) => `${count(r, ">=")}+${count(r, "<")}`);
  const day = (fn: string, r: number) =>
    `${fn}(IF(${ids}=A${r},IF(ISNUMBER(${amounts}),IF(ISNUMBER(${dates}),IF(${dates}<${next},INT(${dates}))))))`;
  b.column(env.label("lastDate"), (r) => day("MAX", r), { array: true, format: "yyyy-mm-dd" });
  b.column(env.label("firstDate"), (r) => day("MIN", r), { array: true, format: "yyyy-mm-dd" });
}
