/**
 * Orders input: the customers sheet's aggregates over the orders sheet (spec "Inputs and preparation").
 * One helper column beside the orders holds each order's day when the row counts (its amount is a
 * number, its date a number not after the as-of date, as the engine's aggregateOrders requires) and 0
 * otherwise. Per customer, then, without MAXIFS / MINIFS (Excel 2019) and without array entry:
 * - amount `SUMIFS(amounts, ids, id, days, ">0")`, frequency `COUNTIFS(ids, id, days, ">0")`, both
 *   blank for a customer with no counted row;
 * - last date `SUMPRODUCT(MAX((ids=id)*days))`;
 * - first date `2958466-SUMPRODUCT(MAX((ids=id)*(days>0)*(2958466-days)))`: the largest distance
 *   below 10000-01-01 is the smallest day (2958466 is that day's serial).
 */
import type { Env } from "./inputs";
import type { FormulaRegion } from "./model";
import { columnLetter } from "../../engine/table";
import { absRange, type FormulaBuilder } from "./refs";

/** 10000-01-01 as a 1900-system serial: later than any date a spreadsheet holds. */
const AFTER_ALL = 2_958_466;

export function ordersAggregates(
  b: FormulaBuilder,
  env: Env,
  orders: {
    sheet: string;
    headerRow: number;
    first: number;
    last: number;
    col: (role: string) => number;
    firstCol: number;
  },
): FormulaRegion {
  const rel = (role: string, r: number) => `${columnLetter(orders.col(role) - 1)}${r}`;
  const next = `(${b.asOf}+1)`;
  const region: FormulaRegion = {
    sheet: orders.sheet,
    headerRow: orders.headerRow,
    firstRow: orders.first,
    lastRow: orders.last,
    firstCol: orders.firstCol,
    columns: [
      {
        header: env.label("orderDay"),
        formula: (r) => {
          const d = rel("date", r);
          return `IF(ISNUMBER(${rel("amount", r)}),IF(ISNUMBER(${d}),IF(AND(${d}>=1,${d}<${next}),INT(${d}),0),0),0)`;
        },
        format: "yyyy-mm-dd",
      },
    ],
  };
  const ids = absRange(orders.col("customer_id"), orders.first, orders.last, orders.sheet);
  const amounts = absRange(orders.col("amount"), orders.first, orders.last, orders.sheet);
  const days = absRange(orders.firstCol, orders.first, orders.last, orders.sheet);
  env.orderRanges = { ids, amounts, days };
  // A customer none of whose rows counts (every order unreadable) gets blanks, so it is not graded:
  // the engine lists it too, with "no readable order", and leaves it out of cut points and shares.
  const counted = (r: number) => `COUNTIFS(${ids},A${r},${days},">0")`;
  b.column(env.label("amount"), (r) => `IF(${counted(r)}=0,"",SUMIFS(${amounts},${ids},A${r},${days},">0"))`);
  b.column(env.label("frequency"), (r) => `IF(${counted(r)}=0,"",${counted(r)})`);
  b.column(env.label("lastDate"), (r) => `SUMPRODUCT(MAX((${ids}=A${r})*${days}))`, { format: "yyyy-mm-dd" });
  b.column(
    env.label("firstDate"),
    (r) => `${AFTER_ALL}-SUMPRODUCT(MAX((${ids}=A${r})*(${days}>0)*(${AFTER_ALL}-${days})))`,
    { format: "yyyy-mm-dd" },
  );
  return region;
}
