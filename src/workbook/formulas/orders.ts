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
 *
 * Line items (issue 13): a second helper column holds quantity × unit price when no amount column is
 * mapped. A return (negative amount or quantity) has its day negated in the helper, so it is summed
 * into the amount (`days,"<>0"`) but is no purchase (`days,">0"`), as in the engine. With an order
 * number, frequency counts distinct orders: a helper marks the first purchase row of each run of rows
 * with the same customer and order number (`SUMIFS(new, ids, id)`), exact when each order's rows are
 * consecutive, as invoice exports list them; otherwise the mark counts the earlier rows of the same
 * order with an expanding COUNTIFS (exact too, but quadratic in the number of rows).
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
    /** Amount = quantity × unit price (no amount column mapped). */
    lineItems?: boolean;
    /** An order number is mapped: frequency counts distinct orders. */
    orderId?: boolean;
    /** Each (customer, order number) pair's rows are consecutive in the sheet. */
    consecutive?: boolean;
  },
): FormulaRegion {
  const rel = (role: string, r: number) => `${columnLetter(orders.col(role) - 1)}${r}`;
  const next = `(${b.asOf}+1)`;
  const helper = (j: number, r: number) => `${columnLetter(orders.firstCol + j - 1)}${r}`;
  const lines = orders.lineItems === true;
  // The row's amount: its amount cell, or the line-amount helper (column 2 of the region).
  const amountAt = (r: number) => (lines ? helper(1, r) : rel("amount", r));
  const isReturn = (r: number) =>
    lines ? `OR(${amountAt(r)}<0,${rel("quantity", r)}<0)` : `${amountAt(r)}<0`;
  const orderOk = (r: number, inner: string) =>
    orders.orderId ? `IF(LEN(TRIM(${rel("order_id", r)}))=0,0,${inner})` : inner;
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
          const day = `IF(${isReturn(r)},-INT(${d}),INT(${d}))`;
          return orderOk(
            r,
            `IF(ISNUMBER(${amountAt(r)}),IF(ISNUMBER(${d}),IF(AND(${d}>=1,${d}<${next}),${day},0),0),0)`,
          );
        },
        // Negative days (returns) show as text-like dates otherwise; a plain number reads better.
        format: "0",
      },
    ],
  };
  if (lines)
    region.columns.push({
      header: env.label("lineAmount"),
      formula: (r) => {
        const q = rel("quantity", r);
        const p = rel("unit_price", r);
        return `IF(AND(ISNUMBER(${q}),ISNUMBER(${p})),${q}*${p},"")`;
      },
    });
  const ids = absRange(orders.col("customer_id"), orders.first, orders.last, orders.sheet);
  const amounts = lines
    ? absRange(orders.firstCol + 1, orders.first, orders.last, orders.sheet)
    : absRange(orders.col("amount"), orders.first, orders.last, orders.sheet);
  const days = absRange(orders.firstCol, orders.first, orders.last, orders.sheet);
  let purchases = (r: number) => `COUNTIFS(${ids},A${r},${days},">0")`;
  if (orders.orderId) {
    // Columns after the day (and line amount): a run flag ("a purchase so far in this run") and the
    // first-purchase-of-its-order mark.
    const j = region.columns.length;
    const day = (r: number) => helper(0, r);
    const same = (r: number) =>
      `AND(${rel("customer_id", r)}=${rel("customer_id", r - 1)},${rel("order_id", r)}=${rel("order_id", r - 1)})`;
    const bought = (r: number) => `IF(${day(r)}>0,1,0)`;
    if (orders.consecutive !== false) {
      region.columns.push({
        header: env.label("orderRun"),
        formula: (r) =>
          r === orders.first
            ? bought(r)
            : `IF(${same(r)},MAX(${helper(j, r - 1)},${bought(r)}),${bought(r)})`,
      });
      region.columns.push({
        header: env.label("orderNew"),
        formula: (r) =>
          r === orders.first ? bought(r) : `IF(${day(r)}>0,IF(AND(${same(r)},${helper(j, r - 1)}=1),0,1),0)`,
      });
    } else {
      const upTo = (c: number, r: number) => {
        const l = columnLetter(c - 1);
        return `$${l}$${orders.first}:${l}${r - 1}`;
      };
      region.columns.push({ header: env.label("orderRun"), formula: (r) => bought(r) });
      region.columns.push({
        header: env.label("orderNew"),
        formula: (r) =>
          r === orders.first
            ? bought(r)
            : `IF(${day(r)}>0,IF(COUNTIFS(${upTo(orders.col("customer_id"), r)},${rel("customer_id", r)},${upTo(orders.col("order_id"), r)},${rel("order_id", r)},${upTo(orders.firstCol, r)},">0")=0,1,0),0)`,
      });
    }
    const marks = absRange(orders.firstCol + j + 1, orders.first, orders.last, orders.sheet);
    purchases = (r: number) => `SUMIFS(${marks},${ids},A${r})`;
  }
  env.orderRanges = { ids, amounts, days };
  // A customer with no purchase (every order unreadable, or only returns) gets blanks, so it is not
  // graded: the engine lists it too, with its reason, and leaves it out of cut points and shares.
  const counted = (r: number) => `COUNTIFS(${ids},A${r},${days},">0")`;
  b.column(
    env.label("amount"),
    (r) => `IF(${counted(r)}=0,"",SUMIFS(${amounts},${ids},A${r},${days},"<>0"))`,
  );
  b.column(env.label("frequency"), (r) => `IF(${counted(r)}=0,"",${purchases(r)})`);
  b.column(env.label("lastDate"), (r) => `SUMPRODUCT(MAX((${ids}=A${r})*${days}))`, { format: "yyyy-mm-dd" });
  b.column(
    env.label("firstDate"),
    (r) => `${AFTER_ALL}-SUMPRODUCT(MAX((${ids}=A${r})*(${days}>0)*(${AFTER_ALL}-${days})))`,
    { format: "yyyy-mm-dd" },
  );
  return region;
}
