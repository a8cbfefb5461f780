/**
 * Converting what Excel hands a custom function (`any[][]` ranges, scalars, null for an omitted
 * argument) into engine columns, and engine results back into spilled rows.
 *
 * Nothing here touches the `CustomFunctions` global when the module loads: the two error
 * constructors look it up when they are called, so Node tests can stub `globalThis.CustomFunctions`.
 */
import { readDate, todayDay } from "../engine/dates";
import { describeReason, TierError } from "../engine/errors";
import { reason, type Lang, type Reason } from "../engine/reasons";
import { BLANK, errorValue, isBlank, readNumber, readText } from "../engine/values";

/**
 * Most rows a TIER function takes, counted after trailing blank rows are dropped. Excel caps what a
 * custom function receives and returns at 5 MB (office-js #4654) and a large result can stay at
 * #BUSY on the web (#2786): 100,000 rows of TIER.RFM's three number columns in and four cells out stay
 * under 2 MB each way. Larger customer lists go through the pane or the command line.
 */
export const MAX_ROWS = 100_000;

/** A range as Excel passes it: rows of cells; "", null (the web) or an error object for odd cells. */
export type Matrix = readonly (readonly unknown[])[];
export type { Lang };

/** `#VALUE!` with a message: a bad argument, the whole call fails. */
export function invalidValue(message: string): CustomFunctions.Error {
  return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, message);
}

/** `#N/A` with the reason one row got no result; the other rows still spill. */
export function notAvailable(reason: string): CustomFunctions.Error {
  return new CustomFunctions.Error(CustomFunctions.ErrorCode.notAvailable, reason);
}

/**
 * Runs the body of a custom function with the one error policy: an engine TierError (a bad
 * parameter) becomes `#VALUE!` with its message; anything else is a bug and propagates.
 */
export function excel<T>(body: () => T): T {
  const outer = !inCall;
  if (outer) {
    inCall = true;
    taken = 0;
    codesTaken = false;
  }
  try {
    return body();
  } catch (e) {
    // English, as the functions' help text is: a cell's error message has no language of its own.
    if (e instanceof TierError) throw invalidValue(describeReason(e, "en"));
    throw e;
  } finally {
    if (outer) inCall = false;
  }
}

/**
 * Input columns are converted into buffers kept from one call to the next. A fresh Float64Array per
 * column per call means fresh memory from the system each time (Chromium's allocator maps a large
 * buffer anew and returns it when it is collected), and where mapping memory is slow that cost more
 * than the conversion itself (bench/functions-bench.ts). Reuse is safe because a function runs to
 * the end before the next one starts and nothing it returns refers to these buffers: `spill` copies
 * the values into the rows Excel receives. Columns over KEEP_ROWS rows get buffers of their own, so
 * at most KEEP_ROWS × 8 bytes (2 MiB) per column of the widest call stay allocated.
 */
const KEEP_ROWS = 1 << 18;
const buffers: Float64Array[] = [];
let taken = 0;
let inCall = false;

let codes: Uint16Array | undefined;
let codesTaken = false;

/** A column of n small codes (0..65535) to write every cell of, kept like the number columns (one per call is kept). */
export function codeBuffer(n: number): Uint16Array {
  if (!inCall || n > KEEP_ROWS || codesTaken) return new Uint16Array(n);
  codesTaken = true;
  if (codes === undefined || codes.length < n) codes = new Uint16Array(n);
  return codes.length === n ? codes : codes.subarray(0, n);
}

/** A column of n numbers to write every cell of: a kept buffer inside a call, a new one otherwise. */
function columnBuffer(n: number): Float64Array {
  if (!inCall || n > KEEP_ROWS) return new Float64Array(n);
  let b = buffers[taken];
  if (b === undefined || b.length < n) b = buffers[taken] = new Float64Array(n);
  taken++;
  return b.length === n ? b : b.subarray(0, n);
}

/**
 * An error value inside a range: `"#N/A"`, `{ error }` (exceljs) or a CustomFunctions.Error-like
 * `{ code: "#N/A" }`, which is how Excel hands an error cell to a function whose metadata says
 * `allowErrorForDataTypeAny` (custom-functions-errors: "Errors as custom function inputs").
 */
export function cellError(v: unknown): string | undefined {
  const e = errorValue(v);
  if (e !== undefined) return e;
  if (v !== null && typeof v === "object") {
    const code = (v as { code?: unknown }).code;
    if (typeof code === "string" && code.startsWith("#")) return code;
  }
  return undefined;
}

/**
 * True when an optional argument was left out or given as blank cells: null, undefined, "", or 0,
 * and a range whose every cell is one of those. Excel passes a blank cell as 0 on the desktop and as
 * null on the web (office-js #4702; #5262 and #1951 for ranges), so 0 cannot be told from a blank
 * there: every optional parameter of the TIER functions is one where 0 means nothing (bins, shares,
 * as_of, lang, scale, windows, cut lists) and 0 takes the default.
 */
export function omitted(v: unknown): boolean {
  if (Array.isArray(v)) return v.every((row) => (Array.isArray(row) ? row.every(omitted) : omitted(row)));
  return v === null || v === undefined || v === 0 || (typeof v === "string" && v.trim() === "");
}

/** Throws when an argument holds an error value: a parameter mistake ("as_of is the error #N/A"). */
export function refuseError(v: unknown, name: string): void {
  const e = cellError(v);
  if (e !== undefined) throw new TierError("functions.errorArgument", { name, error: e });
}

/** The single value of a scalar argument that may also arrive as a 1×1 range. */
function scalar(v: unknown, name: string): unknown {
  if (!Array.isArray(v)) return v;
  if (v.length === 1 && Array.isArray(v[0]) && v[0].length === 1) return v[0][0];
  throw new TierError("functions.notSingleCell", { name });
}

/**
 * Why each row got no result, first reason per row, built lazily: most calls have none, and
 * 100,000 rows of `null` would cost more than the engine.
 */
export class RowIssues {
  private reason: (string | undefined)[] | undefined;
  private blanks: Uint8Array | undefined;
  /** Number of input columns read so far (a row is empty when all of them are blank). */
  private inputs = 0;

  constructor(
    readonly n: number,
    readonly lang: Lang = "en",
  ) {}

  /** Registers one more input column; returns its index. */
  column(): number {
    return this.inputs++;
  }

  /** Records why input `name` of row i could not be read (the first reason per row is kept). */
  add(i: number, name: string, why: Reason): void {
    if (why.code === BLANK.code) this.blank(i);
    const r = (this.reason ??= new Array<string | undefined>(this.n));
    if (r[i] === undefined)
      r[i] = describeReason(
        why.code === BLANK.code
          ? { code: "row.blankIn", params: { column: name } }
          : { code: "row.inColumn", params: { column: name, reason: why } },
        this.lang,
      );
  }

  /** Counts a blank input of row i that is allowed (e.g. no purchase dates for a prospect). */
  blank(i: number): void {
    (this.blanks ??= new Uint8Array(this.n))[i]++;
  }

  /** Records a reason that is not about one input cell (e.g. a rating outside 1..5). */
  set(i: number, reason: Reason): void {
    const r = (this.reason ??= new Array<string | undefined>(this.n));
    if (r[i] === undefined) r[i] = describeReason(reason, this.lang);
  }

  get(i: number): string | undefined {
    return this.reason === undefined ? undefined : this.reason[i];
  }

  /**
   * Every input of row i is blank: a row of an oversized range, not a customer. It spills ""
   * instead of #N/A so that a range sized for next month's customers stays readable.
   */
  empty(i: number): boolean {
    return this.blanks !== undefined && this.inputs > 0 && this.blanks[i] === this.inputs;
  }

  /** False when every row is complete: the fast path of {@link spill}. */
  any(): boolean {
    return this.reason !== undefined || this.blanks !== undefined;
  }
}

/** Checks that a range argument is one column; its number of rows as given. */
function columnShape(m: unknown, name: string): number {
  if (m === null || m === undefined) throw new TierError("functions.columnMissing", { name });
  if (!Array.isArray(m) || m.length === 0 || !Array.isArray(m[0]))
    throw new TierError("functions.notRange", { name });
  const w = (m[0] as unknown[]).length;
  if (w !== 1) throw new TierError("functions.notOneColumn", { name, columns: w });
  return m.length;
}

/**
 * Rows up to the last one with a cell that is not blank in any of `ranges` (all as tall as `n`):
 * `=TIER.ABC(B:B)` or a range sized for next month's customers spills the customers, not a million
 * blank rows (#SPILL! below them, a payload near Excel's 5 MB cap). Throws past {@link MAX_ROWS}.
 */
export function usedRows(ranges: readonly Matrix[], n: number, name: string): number {
  let end = n;
  // At least one row: an all-blank range keeps the answer it always had (one blank row or #VALUE!).
  while (end > 1 && ranges.every((m) => m[end - 1].every(isBlank))) end--;
  if (end > MAX_ROWS) throw new TierError("functions.tooManyRows", { name, rows: end, limit: MAX_ROWS });
  return end;
}

/**
 * Checks that a range argument is one column and returns its number of rows, trailing blank rows
 * left out (see {@link usedRows}).
 */
export function columnRows(m: unknown, name: string): number {
  return usedRows([m as Matrix], columnShape(m, name), name);
}

/**
 * Checks the column arguments of a call, named as the user sees them (`{ recency_days, frequency }`):
 * each must be one column, all of the same number of rows; returns the rows up to the last one with
 * any value (see {@link usedRows}).
 */
export function sameRows(columns: Readonly<Record<string, unknown>>): number {
  const counts = Object.entries(columns).map(([name, m]) => [name, columnShape(m, name)] as const);
  const [first, n] = counts[0];
  for (const [name, k] of counts) {
    if (k !== n) throw new TierError("functions.rowsDiffer", { first, rows: n, name, other: k });
  }
  return usedRows(Object.values(columns) as Matrix[], n, first);
}

/**
 * A one-column range as numbers, NaN where a cell cannot be read (the reason goes to `issues`).
 * Numbers pass through untouched (the fast path: Excel sends numbers as numbers); text is read the
 * way a person writes it ("1,234.50", "¥300", "12%").
 */
export function readNumbers(m: Matrix, name: string, issues: RowIssues, blankIsAnIssue = true): Float64Array {
  issues.column();
  // The rows of the call (trailing blank rows left out), not of the range.
  const n = issues.n;
  const out = columnBuffer(n);
  // The loop handles a finite number inline (Excel sends numbers as numbers) and leaves the rest to
  // readCell, so that it stays small enough for the JIT to keep tight.
  for (let i = 0; i < n; i++) {
    const v = m[i][0];
    out[i] = typeof v === "number" && v - v === 0 ? v : readCell(v, i, name, issues, blankIsAnIssue);
  }
  return out;
}

/** One cell of readNumbers that is not a finite number: a number as text, or NaN and its reason. */
function readCell(v: unknown, i: number, name: string, issues: RowIssues, blankIsAnIssue: boolean): number {
  const x = readValue(v);
  if (typeof x === "number") return x;
  if (x.code !== BLANK.code || blankIsAnIssue) issues.add(i, name, x);
  else issues.blank(i);
  return NaN;
}

function readValue(v: unknown): number | Reason {
  const e = cellError(v);
  return e !== undefined ? reason("cell.error", { value: e }) : readNumber(v);
}

/**
 * A one-column range of dates as day numbers (days since 1970-01-01), NaN where a cell cannot be
 * read or is after `asOfDay`. Numbers are 1900-system serials: the 1904 system is not visible to
 * custom functions (see docs/functions.md).
 */
export function readDays(
  m: Matrix,
  name: string,
  issues: RowIssues,
  asOfDay: number,
  blankIsAnIssue = true,
): Float64Array {
  issues.column();
  const n = issues.n;
  const out = columnBuffer(n);
  for (let i = 0; i < n; i++) {
    const v = m[i][0];
    const e = cellError(v);
    const d = e !== undefined ? reason("cell.error", { value: e }) : readDate(v, { asOfDay });
    if (typeof d === "number") out[i] = d;
    else {
      out[i] = NaN;
      if (d.code !== BLANK.code || blankIsAnIssue) issues.add(i, name, d);
      else issues.blank(i);
    }
  }
  return out;
}

/** An optional number argument (a cell or a typed value); `fallback` when omitted. */
export function optionalNumber(v: unknown, name: string, fallback: number): number {
  return maybeNumber(v, name) ?? fallback;
}

/** An optional number argument; undefined when omitted. */
export function maybeNumber(v: unknown, name: string): number | undefined {
  if (omitted(v)) return undefined;
  const cell = scalar(v, name);
  refuseError(cell, name);
  const x = readValue(cell);
  if (typeof x === "number") return x;
  throw new TierError("arg.notNumber", { name, reason: x });
}

/**
 * The as-of day: an Excel date serial, a date as text, or today (the user's calendar) when
 * omitted. Custom functions are not volatile: write TODAY() to recalculate every day.
 */
export function asOfDay(v: unknown, name = "as_of"): number {
  if (omitted(v)) return todayDay();
  const x = scalar(v, name);
  if (omitted(x)) return todayDay();
  refuseError(x, name);
  const d = readDate(x);
  if (typeof d === "number") return d;
  throw new TierError("arg.notDate", { name, reason: d });
}

/** "en" (default) or "zh"; zh-CN, 中文 and cn are accepted too. */
export function langOf(v: unknown): Lang {
  if (omitted(v)) return "en";
  const cell = scalar(v, "lang");
  refuseError(cell, "lang");
  const t = readText(cell).toLowerCase();
  if (t === "en" || t.startsWith("en-") || t === "english") return "en";
  if (t === "zh" || t.startsWith("zh-") || t === "cn" || t === "中文") return "zh";
  throw new TierError("functions.badLang", { lang: t });
}

/** All cells of a range, row by row (a list of thresholds or names may be a row or a column). */
export function flat(m: unknown, name: string): unknown[] {
  if (!Array.isArray(m)) return [m];
  const rows = m as unknown[][];
  const tall = rows.length;
  const wide = tall > 0 ? rows[0].length : 0;
  if (tall > 1 && wide > 1)
    throw new TierError("functions.notRowOrColumn", { name, rows: tall, columns: wide });
  const out: unknown[] = [];
  for (const row of rows) for (const c of row) out.push(c);
  return out;
}

/**
 * How many of `cells` are left once blank cells at the end are dropped (an oversized selection). With
 * `zeroIsBlank` (optional lists, where desktop Excel passes a blank cell as 0) zeros at the end go too,
 * all but the first cell: a list that must increase cannot end in 0.
 */
function listEnd(cells: readonly unknown[], zeroIsBlank: boolean): number {
  let end = cells.length;
  while (end > 1 && (isBlank(cells[end - 1]) || (zeroIsBlank && cells[end - 1] === 0))) end--;
  if (end === 1 && isBlank(cells[0])) end = 0;
  return end;
}

/**
 * A row or column of numbers; blank cells at the end are ignored (an oversized selection), and zeros
 * at the end too when `zeroIsBlank` (see {@link listEnd}).
 */
export function numberList(m: unknown, name: string, zeroIsBlank = false): number[] {
  const cells = flat(m, name);
  const end = listEnd(cells, zeroIsBlank);
  const out: number[] = [];
  for (let k = 0; k < end; k++) {
    const x = readValue(cells[k]);
    if (typeof x !== "number") throw new TierError("functions.listValue", { name, k: k + 1, reason: x });
    out.push(x);
  }
  if (out.length === 0) throw new TierError("functions.emptyList", { name });
  return out;
}

/** A row or column of names; blank cells at the end are ignored. */
export function textList(m: unknown, name: string): string[] {
  const cells = flat(m, name);
  // A name is never the number 0: a zero at the end is a blank cell from desktop Excel.
  const end = listEnd(cells, true);
  const out: string[] = [];
  for (let k = 0; k < end; k++) {
    refuseError(cells[k], name);
    const t = readText(cells[k]);
    if (t === "") throw new TierError("functions.blankName", { name, k: k + 1 });
    out.push(t);
  }
  return out;
}

/**
 * The spilled result when every row is one of a few shared rows: `table[codes[i]]` for row i. Without
 * a callback per row: twelve functions share `spill`, so its per-row call site sees a dozen
 * callbacks, which the JIT cannot inline, and the call would cost more than the lookup.
 */
export function spillCodes(
  n: number,
  width: number,
  issues: RowIssues,
  codes: ArrayLike<number>,
  table: readonly unknown[][],
): unknown[][] {
  if (issues.any()) return spill(n, width, issues, (i) => table[codes[i]]);
  const out: unknown[][] = new Array(n);
  for (let i = 0; i < n; i++) out[i] = table[codes[i]];
  return out;
}

/**
 * Builds the spilled result: `width` cells per row. A row with an issue gets `#N/A` with its
 * reason in every cell (or "" when all its inputs are blank); the others get `row(i)`.
 */
export function spill(
  n: number,
  width: number,
  issues: RowIssues,
  row: (i: number) => unknown[],
): unknown[][] {
  const out: unknown[][] = new Array(n);
  if (!issues.any()) {
    for (let i = 0; i < n; i++) out[i] = row(i);
    return out;
  }
  let blankRow: unknown[] | undefined;
  for (let i = 0; i < n; i++) {
    const reason = issues.get(i);
    if (issues.empty(i)) out[i] = blankRow ??= new Array(width).fill("");
    else if (reason === undefined) out[i] = row(i);
    else {
      const e = notAvailable(reason);
      out[i] = width === 1 ? [e] : new Array(width).fill(e);
    }
  }
  return out;
}
