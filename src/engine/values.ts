/**
 * Reading one spreadsheet cell as a number or as text. Cells arrive from Office.js `values`, from a
 * CSV (always text) or from exceljs (numbers, text, Dates, `{ error }` objects); a value that cannot
 * be read is returned as a structured reason, never thrown, so one bad row never stops the others.
 */

import { reason, type Reason } from "./reasons";

/** The reason for an empty cell (one shared object: readers compare by code, never by identity). */
export const BLANK: Reason = Object.freeze({ code: "cell.blank" });
const NOT_FINITE: Reason = Object.freeze({ code: "cell.notFinite" });

/** True when a reader's result is a reason rather than a value. */
export function isReason(x: unknown): x is Reason {
  return typeof x === "object" && x !== null && typeof (x as Reason).code === "string";
}

/** One raw cell as the readers receive it: an Excel error is `"#N/A"` (Office.js, CSV) or `{ error: "#N/A" }` (exceljs). */
export type Cell = string | number | boolean | Date | null | undefined | { error: string };

/** The error values Excel can show in a cell. */
const ERROR_VALUES = new Set([
  "#N/A",
  "#VALUE!",
  "#DIV/0!",
  "#REF!",
  "#NAME?",
  "#NUM!",
  "#NULL!",
  "#SPILL!",
  "#CALC!",
  "#GETTING_DATA",
  "#FIELD!",
  "#BLOCKED!",
  "#CONNECT!",
  "#BUSY!",
  "#UNKNOWN!",
]);

/**
 * The Excel error value a cell holds, or `undefined`.
 *
 * @example errorValue({ error: "#N/A" }) // "#N/A"
 * @example errorValue("#DIV/0!") // "#DIV/0!"
 */
export function errorValue(v: unknown): string | undefined {
  if (typeof v === "string") {
    if (v.length > 0 && v.charCodeAt(0) === 35 /* # */) {
      const t = v.trim().toUpperCase();
      if (ERROR_VALUES.has(t)) return t;
    }
    return undefined;
  }
  if (v !== null && typeof v === "object" && !(v instanceof Date)) {
    const e = (v as { error?: unknown }).error;
    if (typeof e === "string") return e;
  }
  return undefined;
}

/**
 * True for an empty cell: `null`, `undefined`, or text that is only white space (full-width too).
 *
 * @example isBlank("  ") // true
 * @example isBlank(0) // false
 */
export function isBlank(v: unknown): boolean {
  if (v === null || v === undefined) return true;
  return typeof v === "string" && v.trim() === "";
}

/**
 * The trimmed text of a cell: numbers via `String`, booleans as `TRUE`/`FALSE`, Dates as their UTC
 * ISO day (`2025-03-01`), error values as the error (`#N/A`), blanks as `""`.
 *
 * @example readText("  Alice ") // "Alice"
 * @example readText(new Date(Date.UTC(2025, 2, 1))) // "2025-03-01"
 */
export function readText(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return v.trim();
  if (typeof v === "number") return String(v);
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? "" : v.toISOString().slice(0, 10);
  const e = errorValue(v);
  if (e !== undefined) return e;
  return String(v).trim();
}

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;
const GROUPED = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d*)?$/;
const CURRENCY = /^(?:US\$|HK\$|RMB|CNY|USD|EUR|GBP|[¥$€£₩]|元)|(?:RMB|CNY|USD|EUR|GBP|元|[¥$€£])$/i;
const POW10 = Array.from({ length: 16 }, (_, k) => 10 ** k);

/**
 * A plain decimal such as "139.12" or "-5" (`/^-?\d+(\.\d+)?$/`) as a number, NaN for any other text:
 * the fast path for number columns of hundreds of thousands of rows (CSV files, numbers stored as
 * text in a range). Up to 15 digits the digits form an integer below 2^53 and the power of ten is
 * exact, so one division rounds correctly and gives the same double as Number(text) (Clinger's fast
 * path); longer numbers go to Number(text).
 */
export function plainNumber(text: string): number {
  const n = text.length;
  let i = 0;
  let negative = false;
  if (n > 0 && text.charCodeAt(0) === 45 /* - */) {
    negative = true;
    i = 1;
  }
  let mantissa = 0;
  let digits = 0;
  let decimals = -1; // -1 until the point
  for (; i < n; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d >= 0 && d <= 9) {
      mantissa = mantissa * 10 + d;
      digits++;
      if (decimals >= 0) decimals++;
    } else if (d === -2 /* . */ && decimals < 0 && digits > 0 && i < n - 1) decimals = 0;
    else return NaN;
  }
  if (digits === 0) return NaN;
  if (digits > 15) return Number(text);
  const x = decimals > 0 ? mantissa / POW10[decimals] : mantissa;
  return negative ? -x : x;
}

/**
 * Reads a cell as a finite number, or returns why it is not one.
 *
 * Text is read the way a person would: thousands separators (`1,234.50`), a currency sign or unit
 * (`¥300`, `￥300`, `$1,000`, `300元`, `RMB 300`), `万` (×10,000: `1.2万` is 12000), a trailing `%`
 * (`12%` is 0.12), exponents (`1.2e3`), full-width digits (`１２３`) and accounting negatives
 * (`(12)` is -12, as Excel's accounting format shows them). Commas must group thousands, so
 * `1,2` (a European decimal comma) is rejected rather than guessed.
 *
 * Reasons (codes): `cell.blank`, `cell.notNumber` ("abc", TRUE), `cell.error` (#N/A), `cell.notFinite` (NaN, ±Infinity).
 *
 * @example readNumber("1,234.50") // 1234.5
 * @example readNumber("¥300") // 300
 * @example readNumber("abc") // { code: "cell.notNumber", params: { value: "abc" } }
 */
export function readNumber(v: unknown): number | Reason {
  if (typeof v === "number") return Number.isFinite(v) ? v : NOT_FINITE;
  if (typeof v === "string") {
    const x = plainNumber(v);
    return x === x ? x : readNumberText(v);
  }
  if (v === null || v === undefined) return BLANK;
  if (typeof v === "boolean") return reason("cell.notNumber", { value: v ? "TRUE" : "FALSE" });
  const e = errorValue(v);
  if (e !== undefined) return reason("cell.error", { value: e });
  if (v instanceof Date) return reason("cell.notNumber", { value: readText(v) });
  if (typeof v === "bigint") return Number(v);
  return reason("cell.notNumber", { value: String(v) });
}

function readNumberText(raw: string): number | Reason {
  const trimmed = raw.trim();
  if (trimmed === "") return BLANK;
  const e = errorValue(trimmed);
  if (e !== undefined) return reason("cell.error", { value: e });
  const bad = reason("cell.notNumber", { value: trimmed });
  // NFKC turns full-width digits, signs, "％" and "￥" into their ASCII forms.
  let s = trimmed.normalize("NFKC").replace(/\s+/g, "");
  let sign = 1;
  if (s.startsWith("(") && s.endsWith(")")) {
    sign = -1;
    s = s.slice(1, -1);
  }
  if (s.startsWith("-") || s.startsWith("+")) {
    if (s[0] === "-") sign = -sign;
    s = s.slice(1);
  }
  let scale = 1;
  for (let i = 0; i < 2; i++) {
    const c = CURRENCY.exec(s);
    if (c === null) break;
    s = c.index === 0 ? s.slice(c[0].length) : s.slice(0, c.index);
  }
  if (s.endsWith("%")) {
    scale = 0.01;
    s = s.slice(0, -1);
  } else if (s.endsWith("万")) {
    scale = 10000;
    s = s.slice(0, -1);
  } else if (s.endsWith("亿")) {
    scale = 1e8;
    s = s.slice(0, -1);
  }
  // "-¥300" and "¥-300" are both seen in exports.
  if (sign === 1 && s.startsWith("-")) {
    sign = -1;
    s = s.slice(1);
  }
  if (s.includes(",")) {
    if (!GROUPED.test(s)) return bad;
    s = s.replace(/,/g, "");
  }
  if (!NUMBER.test(s)) return bad;
  const x = sign * Number(s) * scale;
  if (!Number.isFinite(x)) return bad;
  // 12% * 0.01 would print as 0.12000000000000001; round away the binary noise of the scale.
  return scale === 1 ? x : Number(x.toPrecision(15));
}
