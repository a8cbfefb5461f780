/**
 * Orders table → one row per customer (spec "Inputs and preparation"): frequency, amount, first and
 * last order day. Bad order rows are reported and skipped; the rest aggregate.
 */
import { readDate } from "./dates";
import { TierError, type RowIssue } from "./errors";
import { reason, type Reason } from "./reasons";
import { BLANK, errorValue, readNumber, readText } from "./values";

/** Raw order cells, one entry per order row (0-based data rows). */
export interface OrderColumns {
  ids: readonly unknown[];
  dates: readonly unknown[];
  /** The line amount; with `quantities` and `unitPrices` instead, it is quantity × unit price. */
  amounts?: readonly unknown[];
  orderIds?: readonly unknown[];
  /** Line items: the quantity (negative for a return), read with `unitPrices` when no amount is given. */
  quantities?: readonly unknown[];
  unitPrices?: readonly unknown[];
}

export interface AggregateOptions {
  /** `rows` (default): order rows; `orders`: distinct order ids (needs `orderIds`); `days`: distinct order days. */
  frequency?: "rows" | "orders" | "days";
  /** `sum` (default) of the amounts, or their `mean` per order (sum / frequency). */
  amount?: "sum" | "mean";
  /**
   * Returns (a negative amount, or a negative quantity): `net` (default) subtracts them from the
   * amount but they are not purchases (not in frequency, first or last day); `drop` leaves them out.
   */
  returns?: "net" | "drop";
  date1904?: boolean;
  /** Order dates after this day are invalid and their rows skipped. */
  asOfDay?: number;
  /** Headers named in issues; default `customer_id`, `date`, `amount`, `order_id`. */
  columnNames?: {
    id: string;
    date: string;
    amount: string;
    orderId?: string;
    quantity?: string;
    unitPrice?: string;
  };
}

export interface CustomerAggregate {
  /** Customer ids in order of first appearance. */
  ids: string[];
  frequency: Float64Array;
  amount: Float64Array;
  firstDay: Float64Array;
  lastDay: Float64Array;
  /** Order rows kept per customer (purchases and returns). */
  orders: Uint32Array;
  /** Per order row: `row` is the order row index. */
  issues: RowIssue[];
  /** First order row of each customer, for reporting. */
  firstRow: Uint32Array;
  /**
   * Per customer: the order rows left out because a cell could not be read (ascending), or
   * undefined. A customer none of whose rows could be read is still listed, with `orders` 0 and NaN
   * amounts and days, so every id in the sheet is accounted for.
   */
  leftOut: (number[] | undefined)[];
  /**
   * Readable return rows netted into the amounts (0 with `returns: "drop"`). A customer with kept rows
   * but frequency 0 had only returns: its first and last day are NaN, its amount the net (≤ 0).
   */
  returnRows: number;
}

const INTEGER_TEXT = /^[+-]?\d+\.0*$/;

/**
 * The customer id of a cell: trimmed text, with the number 17850, the text "17850" and the text
 * "17850.0" (how pandas writes a float column) all giving "17850". Leading zeros are kept ("007").
 * Returns `undefined` for a blank cell or an error value (`#N/A` is nobody's id).
 *
 * @example customerId(17850) // "17850"
 * @example customerId(" 17850.0 ") // "17850"
 */
export function customerId(v: unknown): string | undefined {
  if (typeof v === "number") return Number.isFinite(v) ? String(v) : undefined;
  if (errorValue(v) !== undefined) return undefined;
  const t = readText(v);
  if (t === "") return undefined;
  if (INTEGER_TEXT.test(t)) {
    const dot = t.indexOf(".");
    return t.slice(t[0] === "+" ? 1 : 0, dot);
  }
  return t;
}

function grow<T extends Float64Array | Uint32Array>(a: T, size: number): T {
  if (size <= a.length) return a;
  const b = new (a.constructor as new (n: number) => T)(Math.max(size, a.length * 2));
  b.set(a);
  return b;
}

/**
 * Aggregates order rows per customer: frequency = purchase rows (or distinct order ids, or distinct
 * days, of purchases), amount = sum of amounts, returns included (or mean per purchase = sum /
 * frequency), first/last day = min/max purchase day. A line item's amount is quantity × unit price.
 * Excel check: `=COUNTIFS(A:A,id,C:C,">=0")`, `=SUMIF(A:A,id,C:C)`, `=MAXIFS(B:B,A:A,id,C:C,">=0")`.
 *
 * A row with a blank id, an unreadable amount (quantity, unit price) or an unreadable or future date
 * gets one issue per bad cell and is skipped. A return (negative amount or quantity: a cancelled
 * invoice of the Online Retail data has both a `C` number and a negative quantity) reduces the
 * amount but is no purchase; with `returns: "drop"` it is left out.
 *
 * @example
 * aggregateOrders({ ids: ["a", "b", "a"], dates: ["2025-01-01", "2025-01-02", "2025-02-01"], amounts: [10, 5, "-3"] })
 * // ids ["a", "b"], frequency [1, 1], amount [7, 5], lastDay [2025-01-01, 2025-01-02] as day numbers
 */
export function aggregateOrders(orders: OrderColumns, options: AggregateOptions = {}): CustomerAggregate {
  const { ids, dates, amounts, orderIds, quantities, unitPrices } = orders;
  const n = ids.length;
  const frequencyMode = options.frequency ?? "rows";
  const amountMode = options.amount ?? "sum";
  const returns = options.returns ?? "net";
  const names = options.columnNames ?? { id: "customer_id", date: "date", amount: "amount" };
  const orderIdName = names.orderId ?? "order_id";
  const lineItems = amounts === undefined && quantities !== undefined && unitPrices !== undefined;
  const amountCells = amounts ?? quantities ?? [];
  if (
    dates.length !== n ||
    amountCells.length !== n ||
    (lineItems && unitPrices.length !== n) ||
    (orderIds !== undefined && orderIds.length !== n)
  ) {
    throw new TierError("aggregate.lengths", {
      id: names.id,
      ids: n,
      date: names.date,
      dates: dates.length,
      amount: lineItems ? (names.quantity ?? "quantity") : names.amount,
      amounts: amountCells.length,
    });
  }
  if (amounts === undefined && !lineItems) throw new TierError("aggregate.noAmount");
  if (frequencyMode !== "rows" && frequencyMode !== "orders" && frequencyMode !== "days") {
    throw new TierError("aggregate.frequencyMode", { got: String(frequencyMode) });
  }
  if (amountMode !== "sum" && amountMode !== "mean") {
    throw new TierError("aggregate.amountMode", { got: String(amountMode) });
  }
  if (returns !== "net" && returns !== "drop")
    throw new TierError("aggregate.returns", { got: String(returns) });
  if (frequencyMode === "orders" && orderIds === undefined) {
    throw new TierError("aggregate.needOrderId");
  }

  // Order rows left out per customer id (a readable id, an unreadable amount, date or order id).
  const skipped = new Map<string, number[]>();
  const index = new Map<string, number>();
  const outIds: string[] = [];
  let cap = 1024;
  let frequency = new Float64Array(cap);
  let amount = new Float64Array(cap);
  let firstDay = new Float64Array(cap);
  let lastDay = new Float64Array(cap);
  let kept = new Uint32Array(cap);
  let firstRow = new Uint32Array(cap);
  const issues: RowIssue[] = [];
  // Distinct (customer, order) and (customer, day) pairs; a day key packs both into one safe integer.
  const seenOrders = frequencyMode === "orders" ? new Set<string>() : undefined;
  const seenDays = frequencyMode === "days" ? new Set<number>() : undefined;
  const dateOptions = { date1904: options.date1904 === true, asOfDay: options.asOfDay };
  // Order exports repeat the same date text row after row; remember the last one read.
  let lastDateCell: unknown = undefined;
  let lastDateValue: number | Reason = BLANK;
  let returnRows = 0;
  const quantityName = names.quantity ?? "quantity";
  const priceName = names.unitPrice ?? "unit_price";

  /** A new customer's index, the columns grown (doubled) when full. */
  const addCustomer = (id: string): number => {
    const c = outIds.length;
    index.set(id, c);
    outIds.push(id);
    if (c >= cap) {
      cap *= 2;
      frequency = grow(frequency, cap);
      amount = grow(amount, cap);
      firstDay = grow(firstDay, cap);
      lastDay = grow(lastDay, cap);
      kept = grow(kept, cap);
      firstRow = grow(firstRow, cap);
    }
    return c;
  };

  for (let r = 0; r < n; r++) {
    const id = customerId(ids[r]);
    let amountValue: number | Reason;
    let quantity = 0;
    let badLine: RowIssue[] | undefined;
    if (lineItems) {
      const q = readNumber(quantities[r]);
      const p = readNumber(unitPrices[r]);
      if (typeof q === "number" && typeof p === "number") {
        amountValue = q * p;
        quantity = q;
      } else {
        amountValue = BLANK;
        badLine = [];
        if (typeof q !== "number") badLine.push({ row: r, column: quantityName, ...q });
        if (typeof p !== "number") badLine.push({ row: r, column: priceName, ...p });
      }
    } else amountValue = readNumber(amounts![r]);
    const dateCell = dates[r];
    let dayValue: number | Reason;
    if (typeof dateCell === "string" && dateCell === lastDateCell) dayValue = lastDateValue;
    else {
      dayValue = readDate(dateCell, dateOptions);
      lastDateCell = dateCell;
      lastDateValue = dayValue;
    }
    let orderKey: string | undefined;
    if (seenOrders !== undefined) orderKey = customerId(orderIds![r]);
    if (
      id === undefined ||
      typeof amountValue !== "number" ||
      typeof dayValue !== "number" ||
      (seenOrders !== undefined && orderKey === undefined)
    ) {
      if (id === undefined) {
        const e = errorValue(ids[r]);
        issues.push({
          row: r,
          column: names.id,
          ...(e === undefined ? BLANK : reason("cell.error", { value: e })),
        });
      }
      if (badLine) issues.push(...badLine);
      else if (typeof amountValue !== "number") issues.push({ row: r, column: names.amount, ...amountValue });
      if (typeof dayValue !== "number") issues.push({ row: r, column: names.date, ...dayValue });
      if (seenOrders !== undefined && orderKey === undefined)
        issues.push({ row: r, column: orderIdName, ...BLANK });
      // A readable id with an unreadable order: the customer exists, this row does not count.
      if (id !== undefined) {
        const list = skipped.get(id);
        if (list) list.push(r);
        else skipped.set(id, [r]);
      }
      continue;
    }
    // -0 (a negative quantity at price 0) is a return too: nothing was bought.
    const isReturn = amountValue < 0 || quantity < 0;
    if (isReturn && returns === "drop") continue;

    let c = index.get(id);
    if (c === undefined) {
      c = addCustomer(id);
      firstDay[c] = Infinity;
      lastDay[c] = -Infinity;
      firstRow[c] = r;
    }
    kept[c]++;
    amount[c] += amountValue;
    if (isReturn) {
      returnRows++;
      continue;
    }
    if (dayValue < firstDay[c]) firstDay[c] = dayValue;
    if (dayValue > lastDay[c]) lastDay[c] = dayValue;
    if (seenOrders !== undefined) {
      const key = `${c}\u0000${orderKey}`;
      if (!seenOrders.has(key)) {
        seenOrders.add(key);
        frequency[c]++;
      }
    } else if (seenDays !== undefined) {
      // Days lie in -25567..2932896 (1900..9999), so day + 2^22 is a non-negative 23-bit number.
      const key = c * 8_388_608 + (dayValue + 4_194_304);
      if (!seenDays.has(key)) {
        seenDays.add(key);
        frequency[c]++;
      }
    } else frequency[c]++;
  }
  // A customer with only returns has no purchase day.
  for (let c = 0; c < outIds.length; c++) {
    if (firstDay[c] === Infinity) {
      firstDay[c] = NaN;
      lastDay[c] = NaN;
    }
  }

  // Customers whose every row was unreadable: listed after the others, in order of first appearance.
  for (const [id, rows] of skipped) {
    if (index.has(id)) continue;
    const c = addCustomer(id);
    amount[c] = NaN;
    frequency[c] = NaN;
    firstDay[c] = NaN;
    lastDay[c] = NaN;
    firstRow[c] = rows[0];
  }
  const m = outIds.length;
  const leftOut: (number[] | undefined)[] = new Array(m);
  for (const [id, rows] of skipped) leftOut[index.get(id)!] = rows;
  const result: CustomerAggregate = {
    ids: outIds,
    frequency: frequency.slice(0, m),
    amount: amount.slice(0, m),
    firstDay: firstDay.slice(0, m),
    lastDay: lastDay.slice(0, m),
    orders: kept.slice(0, m),
    issues,
    firstRow: firstRow.slice(0, m),
    leftOut,
    returnRows,
  };
  if (amountMode === "mean") {
    for (let c = 0; c < m; c++)
      result.amount[c] = result.frequency[c] > 0 ? result.amount[c] / result.frequency[c] : NaN;
  }
  return result;
}
