import { aggregateOrders } from "./aggregate";
import { readOrderRows } from "./clv/sheet-orders";
import { readDate } from "./dates";
import { TierError } from "./errors";
import { normaliseHeader, ROLE_SYNONYMS, type Role } from "./headers";
import type { MethodInput, RowReason } from "./methods";
import type { Problem, Reason } from "./reasons";
import { sheetRow, type SheetTable } from "./table";
import { readNumber, readText } from "./values";
import { windowTotals } from "./window";

/** What the grading driver prepared: the method's input plus ids, sheet rows and early problems. */
export interface Prepared {
  input: MethodInput;
  ids: string[];
  /** Per customer: the 1-based sheet row it came from (first order row for orders). */
  sourceRow: number[];
  /** A customer that failed before the method ran (duplicate id, unreadable orders). */
  failed: (RowReason | null)[];
  /** A customer graded on part of its rows: which were left out (orders input only). */
  notes: (Reason | null)[];
  /** Rows kept in place but not customers (a units row, a subtotal inside the table): not counted. */
  notCustomer: boolean[];
  /** Orders: rows that are not purchases of a listed customer, grouped by why (returns included). */
  uncounted?: Uncounted[];
}

/** Why a row is not counted as a purchase or a customer (labelled at the edge: `counts.<reason>`). */
export type UncountedReason =
  "return" | "noId" | "badDate" | "badAmount" | "noOrderId" | "totalRow" | "unitsRow" | "footnote" | "other";

export interface Uncounted {
  readonly reason: UncountedReason;
  readonly rows: number;
}

/** At most this many sheet rows are named in one reason; the rest are counted. */
const NAMED_ROWS = 10;

function rowsParams(rows: readonly number[]): { rows: number[]; more: number } {
  return { rows: rows.slice(0, NAMED_ROWS), more: Math.max(0, rows.length - NAMED_ROWS) };
}

type Mapping = Partial<Record<Role, number>>;

/** Roles that are derived from dates, and the date role a user maps to get them. */
const DERIVED: Record<string, Role> = {
  recency_days: "last_date",
  tenure_days: "first_date",
  last_day: "last_date",
  first_day: "first_date",
};

/**
 * Throws the readable "this policy needs a column for `role`" error: the role, header examples and
 * the sheet's headers, as data (the pane points to the column dropdown, the command line to --map).
 */
export function needColumn(
  mapping: Mapping,
  role: Role,
  headers: readonly string[],
  context?: Reason,
): number {
  const idx = mapping[role];
  if (idx === undefined) {
    throw new TierError("column.missing", {
      role,
      examples: ROLE_SYNONYMS[role].slice(0, 3),
      headers: headers.map((h) => `"${h}"`),
      ...(context ? { context } : {}),
    });
  }
  return idx;
}

function columnCells(table: SheetTable, col: number): unknown[] {
  const out = new Array(table.rows.length);
  for (let i = 0; i < table.rows.length; i++) out[i] = table.rows[i][col];
  return out;
}

/** The shared part of both inputs: numeric columns with their reasons, read on demand. */
class Input implements MethodInput {
  readonly num = new Map<string, Float64Array>();
  readonly why = new Map<string, (Reason | null)[]>();
  readonly labels = new Map<string, string>();
  windowed?: MethodInput["windowed"];
  orderRows?: MethodInput["orderRows"];
  constructor(
    readonly n: number,
    readonly asOf: number,
    readonly headers: readonly string[],
    readonly mapping: Mapping,
    readonly failed: (RowReason | null)[],
    private readonly cellsOf: (header: string) => unknown[],
  ) {}

  numeric(key: string): Float64Array {
    const v = this.num.get(key);
    if (v) return v;
    const dateRole = DERIVED[key];
    if (dateRole !== undefined)
      needColumn(this.mapping, dateRole, this.headers, { code: "column.forDerived", params: { key } });
    needColumn(this.mapping, key as Role, this.headers);
    throw new TierError("column.missing", {
      role: key,
      examples: [],
      headers: this.headers.map((h) => `"${h}"`),
    });
  }

  peek(key: string): Float64Array | undefined {
    return this.num.get(key);
  }

  columnKey(column: string): string {
    if (this.num.has(column)) return column;
    if (column in DERIVED || column in ROLE_SYNONYMS) {
      this.numeric(column);
      return column;
    }
    const c = this.headers.findIndex((h) => normaliseHeader(h) === normaliseHeader(column));
    if (c < 0) throw new TierError("column.unknownInRule", { column, headers: [...this.headers] });
    const header = this.headers[c];
    this.read(header, c, this.cellsOf(header), readNumber);
    return header;
  }

  /** Reads cells into column `key` with `read` (a number, or why the cell is not one). */
  read(key: string, col: number, cells: readonly unknown[], read: (cell: unknown) => number | Reason): void {
    const v = new Float64Array(this.n);
    const why: (Reason | null)[] = new Array(this.n).fill(null);
    for (let i = 0; i < this.n; i++) {
      const x = read(cells[i]);
      if (typeof x === "number") v[i] = x;
      else {
        v[i] = NaN;
        why[i] = x;
      }
    }
    this.num.set(key, v);
    this.why.set(key, why);
    this.labels.set(key, this.headers[col]);
  }

  requireValid(keys: readonly string[], issue: (RowReason | null)[]): void {
    for (const key of keys) {
      const v = this.numeric(key);
      const why = this.why.get(key);
      const column = this.label(key);
      for (let i = 0; i < this.n; i++) {
        if (issue[i] || !Number.isNaN(v[i])) continue;
        issue[i] = { ...(why?.[i] ?? { code: "cell.noValue" }), column };
      }
    }
  }

  masked(keys: readonly string[], issue: readonly (RowReason | null)[]): Float64Array[] {
    return keys.map((k) => {
      const copy = Float64Array.from(this.numeric(k));
      for (let i = 0; i < this.n; i++) if (issue[i] || this.failed[i]) copy[i] = NaN;
      return copy;
    });
  }

  cells(header: string): unknown[] {
    return this.cellsOf(header);
  }

  reasons(key: string): readonly (Reason | null)[] | undefined {
    return this.why.get(key);
  }

  label(key: string): string {
    return this.labels.get(key) ?? key;
  }

  need(role: Role, context?: Reason): number {
    return needColumn(this.mapping, role, this.headers, context);
  }

  /** Sets a derived column (recency from a date) sharing its source's reasons and header. */
  derive(key: string, from: string, f: (x: number) => number): void {
    const src = this.num.get(from)!;
    const out = new Float64Array(this.n);
    for (let i = 0; i < this.n; i++) out[i] = f(src[i]);
    this.num.set(key, out);
    this.why.set(key, this.why.get(from)!);
    this.labels.set(key, this.labels.get(from)!);
  }
}

/**
 * The customers of an orders sheet (one row per purchase), aggregated: frequency, amount, first and
 * last purchase day per customer. Unreadable order rows are problems at their sheet row.
 */
export function fromOrders(table: SheetTable, mapping: Mapping, asOf: number, problems: Problem[]): Prepared {
  const h = table.headers;
  const idc = mapping.customer_id!;
  const dc = mapping.date!;
  const lines = isLineItems(mapping);
  // Line items: the amount is quantity × unit price, labelled with the quantity's header.
  const ac = lines ? mapping.quantity! : mapping.amount!;
  const orderColumns = {
    ids: columnCells(table, idc),
    dates: columnCells(table, dc),
    ...(lines
      ? {
          quantities: columnCells(table, mapping.quantity!),
          unitPrices: columnCells(table, mapping.unit_price!),
        }
      : { amounts: columnCells(table, ac) }),
    orderIds: mapping.order_id !== undefined ? columnCells(table, mapping.order_id) : undefined,
  };
  const orderOptions = {
    frequency: mapping.order_id !== undefined ? ("orders" as const) : ("rows" as const),
    date1904: table.date1904,
    asOfDay: asOf,
    columnNames: {
      id: h[idc],
      date: h[dc],
      amount: h[ac],
      ...(lines ? { quantity: h[mapping.quantity!], unitPrice: h[mapping.unit_price!] } : {}),
      ...(mapping.order_id !== undefined ? { orderId: h[mapping.order_id] } : {}),
    },
  };
  const agg = aggregateOrders(orderColumns, orderOptions);
  // A units row or subtotal inside the table was emptied by the reader: it is listed as left out, not
  // as an order with a blank id.
  const notRecords = new Set(table.notRecords ?? []);
  for (const p of agg.issues)
    if (!notRecords.has(p.row)) problems.push({ ...p, row: sheetRow(table, p.row) });
  const uncounted = uncountedOrderRows(agg.issues, notRecords, h, mapping, agg.returnRows);
  const n = agg.ids.length;
  const firstRow = Array.from(agg.firstRow);
  const failed: (RowReason | null)[] = new Array(n).fill(null);
  const notes: (Reason | null)[] = new Array(n).fill(null);
  // Every id in the sheet is accounted for: a customer with no readable order is listed with the
  // rows that failed; one graded on part of its orders says which rows were left out.
  for (let i = 0; i < n; i++) {
    const rows = agg.leftOut[i];
    if (!rows) continue;
    const params = rowsParams(rows.map((r) => sheetRow(table, r)));
    if (agg.orders[i] === 0) failed[i] = { code: "orders.noReadableOrder", params };
    else notes[i] = { code: "orders.rowsLeftOut", params: { ...params, n: rows.length } };
  }
  // A customer with returns and no purchase (bought before the data begins): listed, not graded.
  for (let i = 0; i < n; i++) {
    if (agg.orders[i] === 0 || agg.frequency[i] > 0) continue;
    const reason = { code: "orders.onlyReturns", params: { amount: Math.round(agg.amount[i] * 100) / 100 } };
    failed[i] = reason;
    problems.push({ ...reason, row: sheetRow(table, agg.firstRow[i]), column: h[idc] });
  }
  const input = new Input(n, asOf, h, mapping, failed, (header) => {
    const c = h.indexOf(header);
    return firstRow.map((r) => (c < 0 ? null : table.rows[r][c]));
  });
  input.orderRows = () =>
    readOrderRows(
      { ids: columnCells(table, idc), dates: columnCells(table, dc), amounts: columnCells(table, ac) },
      agg.ids,
      { date1904: table.date1904, asOfDay: asOf },
    );
  const set = (key: string, v: Float64Array, label: string) => {
    input.num.set(key, v);
    input.labels.set(key, label);
  };
  set("amount", agg.amount, lines ? h[mapping.unit_price!] : h[ac]);
  set("frequency", agg.frequency, h[idc]);
  set("first_day", agg.firstDay, h[dc]);
  set("last_day", agg.lastDay, h[dc]);
  input.derive("recency_days", "last_day", (d) => asOf - d);
  input.derive("tenure_days", "first_day", (d) => asOf - d);
  // Rule tables with a spend window aggregate the orders of the window only (./window.ts).
  input.windowed = (from, to, extra) => {
    const c = extra === undefined ? -1 : h.findIndex((x) => normaliseHeader(x) === normaliseHeader(extra));
    if (extra !== undefined && c < 0)
      throw new TierError("column.unknownInRule", { column: extra, headers: [...h] });
    return windowTotals(
      orderColumns,
      agg.ids,
      [from, to],
      orderOptions,
      c < 0 ? undefined : columnCells(table, c),
    );
  };
  return {
    input,
    ids: agg.ids,
    sourceRow: firstRow.map((r) => sheetRow(table, r)),
    failed,
    notes,
    notCustomer: new Array(n).fill(false),
    uncounted,
  };
}

/**
 * Whether the amount is quantity × unit price: both mapped and no amount column.
 *
 * @example isLineItems({ quantity: 3, unit_price: 5 }) // true
 */
export function isLineItems(mapping: Mapping): boolean {
  return mapping.amount === undefined && mapping.quantity !== undefined && mapping.unit_price !== undefined;
}

/** Why order rows are not purchases, grouped: each unreadable row once (its first bad cell), then returns. */
function uncountedOrderRows(
  issues: readonly { row: number; column?: string }[],
  notRecords: ReadonlySet<number>,
  headers: readonly string[],
  mapping: Mapping,
  returnRows: number,
): Uncounted[] {
  const byColumn = new Map<string, UncountedReason>([
    [headers[mapping.customer_id!], "noId"],
    [headers[mapping.date!], "badDate"],
  ]);
  if (mapping.order_id !== undefined) byColumn.set(headers[mapping.order_id], "noOrderId");
  const counts = new Map<UncountedReason, number>();
  let last = -1;
  for (const p of issues) {
    if (p.row === last || notRecords.has(p.row)) continue;
    last = p.row;
    const why = byColumn.get(p.column ?? "") ?? "badAmount";
    counts.set(why, (counts.get(why) ?? 0) + 1);
  }
  if (returnRows > 0) counts.set("return", returnRows);
  return [...counts].map(([reason, rows]) => ({ reason, rows }));
}

/**
 * The customers of a customer sheet, one per row: ids checked (blank and duplicate ids are problems,
 * never merged silently), mapped number and date columns read with their reasons.
 */
export function fromCustomers(
  table: SheetTable,
  mapping: Mapping,
  asOf: number,
  problems: Problem[],
): Prepared {
  const h = table.headers;
  const n = table.rows.length;
  const failed: (RowReason | null)[] = new Array(n).fill(null);
  const ids: string[] = new Array(n);
  const idc = mapping.customer_id ?? mapping.name;
  const seen = new Map<string, number[]>();
  const notCustomer: boolean[] = new Array(n).fill(false);
  for (const i of table.notRecords ?? []) if (i < n) notCustomer[i] = true;
  for (let i = 0; i < n; i++) {
    if (notCustomer[i]) {
      ids[i] = "";
      continue;
    }
    const id = idc === undefined ? `#${sheetRow(table, i)}` : readText(table.rows[i][idc]);
    ids[i] = id;
    if (id === "") {
      failed[i] = { code: "row.blankId", column: h[idc!] };
      problems.push({ row: sheetRow(table, i), column: h[idc!], code: "row.blankId" });
      continue;
    }
    const list = seen.get(id);
    if (list) list.push(i);
    else seen.set(id, [i]);
  }
  for (const [id, rows] of seen) {
    if (rows.length < 2) continue;
    const params = { id, rows: rows.map((r) => sheetRow(table, r)) };
    for (const r of rows) {
      failed[r] = { code: "row.duplicateId", params, column: h[idc!] };
      problems.push({ row: sheetRow(table, r), column: h[idc!], code: "row.duplicateId", params });
    }
  }
  const input = new Input(n, asOf, h, mapping, failed, (header) => {
    const c = h.indexOf(header);
    return table.rows.map((row) => (c < 0 ? null : row[c]));
  });
  const cells = (col: number) => columnCells(table, col);
  for (const role of [
    "amount",
    "frequency",
    "recency_days",
    "potential",
    "current_value",
    "route_order",
  ] as const) {
    const c = mapping[role];
    if (c !== undefined) input.read(role, c, cells(c), readNumber);
  }
  const day = (cell: unknown) => readDate(cell, { date1904: table.date1904, asOfDay: asOf });
  if (mapping.last_date !== undefined)
    input.read("last_day", mapping.last_date, cells(mapping.last_date), day);
  if (mapping.first_date !== undefined)
    input.read("first_day", mapping.first_date, cells(mapping.first_date), day);
  // A lease end lies ahead of the as-of date: read without the "after the as-of date" check.
  if (mapping.lease_end !== undefined)
    input.read("lease_end_day", mapping.lease_end, cells(mapping.lease_end), (c) =>
      readDate(c, { date1904: table.date1904 }),
    );
  if (!input.num.has("recency_days") && input.num.has("last_day"))
    input.derive("recency_days", "last_day", (d) => asOf - d);
  if (input.num.has("first_day")) input.derive("tenure_days", "first_day", (d) => asOf - d);
  return {
    input,
    ids,
    sourceRow: Array.from({ length: n }, (_, i) => sheetRow(table, i)),
    failed,
    notes: new Array(n).fill(null),
    notCustomer,
  };
}
