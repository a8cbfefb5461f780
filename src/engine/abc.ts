import { TierError, check } from "./errors";

/**
 * The smallest value v in a (a scratch copy of the positive values, reordered here) whose share
 * of sales strictly above it, sumGreater(v) / total, is below `share`. Weighted quickselect with a
 * three-way partition: each round keeps only the side of the pivot where the answer lies, so the
 * expected cost is O(n) instead of a sort.
 */
function shareThreshold(a: Float64Array, total: number, share: number): number {
  let lo = 0;
  let hi = a.length - 1;
  let sumAbove = 0; // sum of the values known to be greater than everything in a[lo..hi]
  let best = Infinity;
  while (lo <= hi) {
    // Median of three as pivot: safe on sorted and reverse-sorted input.
    const x = a[lo];
    const y = a[(lo + hi) >> 1];
    const z = a[hi];
    const p = x < y ? (y < z ? y : x < z ? z : x) : x < z ? x : y < z ? z : y;
    // Dutch flag: a[lo..gt) > p, a[gt..i) === p, a(lt..hi] < p.
    let gt = lo;
    let i = lo;
    let lt = hi;
    let sumGreater = 0;
    while (i <= lt) {
      const v = a[i];
      if (v > p) {
        sumGreater += v;
        a[i] = a[gt];
        a[gt] = v;
        gt++;
        i++;
      } else if (v < p) {
        a[i] = a[lt];
        a[lt] = v;
        lt--;
      } else i++;
    }
    if ((sumAbove + sumGreater) / total < share) {
      // p qualifies; a smaller qualifying value can only be below p.
      best = p;
      sumAbove += sumGreater + p * (i - gt);
      lo = lt + 1;
    } else {
      hi = gt - 1;
    }
  }
  return best;
}

function checkShares(a: number, b: number): void {
  check(Number.isFinite(a) && Number.isFinite(b) && a > 0 && a < b && b <= 1, "abc.shares", {
    a: a * 100,
    b: b * 100,
  });
}

/**
 * ABC by share of sales (Pareto): with total = sum(max(v, 0)) and before(v) = sum of the values
 * strictly greater than v / total (ties share it), A when v > 0 and before < a (0.8), else B when
 * v > 0 and before < b (0.95), else C. 1 = A, 2 = B, 3 = C, 0 for NaN. The customer whose sales
 * cross 80 % is in A. Excel: `=IF(AND(B2>0,SUMIF(B$2:B$N,">"&B2)/SUMIF(B$2:B$N,">0")<0.8),"A",...)`.
 * @example abcByShare([500, 300, 100, 60, 40]) // Uint8Array [1, 1, 2, 2, 3]
 */
export function abcByShare(values: ArrayLike<number>, options: { a?: number; b?: number } = {}): Uint8Array {
  const a = options.a ?? 0.8;
  const b = options.b ?? 0.95;
  checkShares(a, b);
  const n = values.length;
  // Be careful not to mutate an array owned by the user: select on a copy of the positive values,
  // gathered in the same pass that adds up the total.
  const positive = new Float64Array(n);
  let total = 0;
  let nPos = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v > 0) {
      total += v;
      positive[nPos++] = v;
    }
  }
  check(total > 0, "abc.noPositiveSales");
  const scratch = positive.subarray(0, nPos);
  // The class is monotone in v: A is v >= tA, B is tB <= v < tA (both among positive values).
  const tA = shareThreshold(scratch, total, a);
  const tB = shareThreshold(scratch, total, b);
  return classify(values, tA, tB);
}

/**
 * The cut amounts behind {@link abcByShare}: A is a positive value ≥ `a`, B ≥ `b` (Infinity when no
 * customer qualifies). What a reason quotes and what a next step aims at.
 *
 * @example abcShareCuts([500, 300, 150, 50], { a: 0.8, b: 0.95 }) // { a: 300, b: 150 }
 */
export function abcShareCuts(
  values: ArrayLike<number>,
  options: { a?: number; b?: number } = {},
): { a: number; b: number } {
  const a = options.a ?? 0.8;
  const b = options.b ?? 0.95;
  checkShares(a, b);
  const positive: number[] = [];
  let total = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v > 0) {
      total += v;
      positive.push(v);
    }
  }
  check(total > 0, "abc.noPositiveSales");
  const scratch = Float64Array.from(positive);
  return { a: shareThreshold(scratch, total, a), b: shareThreshold(scratch, total, b) };
}

function classify(values: ArrayLike<number>, tA: number, tB: number): Uint8Array {
  const n = values.length;
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v !== v) continue;
    out[i] = v > 0 && v >= tA ? 1 : v > 0 && v >= tB ? 2 : 3;
  }
  return out;
}

/**
 * ABC by fixed amounts (等级标准额): A when v >= a, B when v >= b, else C; 0 for NaN.
 * @example abcByAmount([12000, 6000, 800], { a: 10000, b: 5000 }) // Uint8Array [1, 2, 3]
 */
export function abcByAmount(values: ArrayLike<number>, thresholds: { a: number; b: number }): Uint8Array {
  const { a, b } = thresholds;
  check(Number.isFinite(a) && Number.isFinite(b) && a > b, "abc.amountOrder", { a, b });
  const n = values.length;
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v !== v) continue;
    out[i] = v >= a ? 1 : v >= b ? 2 : 3;
  }
  return out;
}

/**
 * Average of the last k monthly columns (k = 3..6), the value a tobacco wholesaler grades on.
 * Blank months must be turned into 0 by the caller; a NaN month makes the average NaN (invalid).
 * @example monthlyAverage([[1, 2], [3, 4], [5, 6], [7, 8]], 3) // Float64Array [5, 6]
 */
export function monthlyAverage(months: readonly ArrayLike<number>[], k: number): Float64Array {
  check(Number.isInteger(k) && k >= 3 && k <= 6, "abc.monthsRange", { months: k });
  check(months.length >= k, "abc.tooFewMonths", { months: k, found: months.length });
  const cols = months.slice(months.length - k);
  const n = cols[0].length;
  for (const c of cols) {
    if (c.length !== n) throw new TierError("abc.monthRows", { first: n, other: c.length });
  }
  const out = new Float64Array(n);
  for (const c of cols) for (let i = 0; i < n; i++) out[i] += c[i];
  for (let i = 0; i < n; i++) out[i] /= k;
  return out;
}

/** One line of the ABC summary: the customer-count pyramid beside the sales pyramid. */
export interface AbcSummaryRow {
  cls: "A" | "B" | "C";
  customers: number;
  customerShare: number;
  sales: number;
  salesShare: number;
}

/**
 * Per class: customers, share of the valid customers, sales and share of sales. Sales count
 * max(v, 0) as the total does, so the sales shares add up to 100 % even with returns.
 * @example abcSummary([500, 300, 200], abcByShare([500, 300, 200]))[0] // { cls: "A", customers: 2, ... }
 */
export function abcSummary(values: ArrayLike<number>, classes: Uint8Array): AbcSummaryRow[] {
  check(values.length === classes.length, "abc.classRows", {
    values: values.length,
    classes: classes.length,
  });
  const count = [0, 0, 0, 0];
  const sales = [0, 0, 0, 0];
  let total = 0;
  let nValid = 0;
  for (let i = 0; i < classes.length; i++) {
    const c = classes[i];
    if (c === 0) continue;
    const v = values[i] > 0 ? values[i] : 0;
    count[c]++;
    sales[c] += v;
    total += v;
    nValid++;
  }
  return (["A", "B", "C"] as const).map((cls, k) => ({
    cls,
    customers: count[k + 1],
    customerShare: nValid > 0 ? count[k + 1] / nValid : 0,
    sales: sales[k + 1],
    salesShare: total > 0 ? sales[k + 1] / total : 0,
  }));
}
