import { TierError, check } from "./errors";

/** Copies the non-NaN values into a fresh Float64Array we may reorder freely. */
export function validCopy(values: ArrayLike<number>): Float64Array {
  const n = values.length;
  // One pass: copy everything, advance only past valid values; a view trims the tail if NaN was met.
  const out = new Float64Array(n);
  let j = 0;
  for (let i = 0; i < n; i++) {
    const x = values[i];
    out[j] = x;
    if (x === x) j++;
  }
  return j === n ? out : out.subarray(0, j);
}

/**
 * Floyd-Rivest selection: afterwards a[k] holds the k-th smallest (0-based) of a[left..right],
 * everything left of k is <= a[k] and everything right of it is >= a[k].
 */
export function selectInPlace(a: Float64Array, k: number, left = 0, right = a.length - 1): void {
  while (right > left) {
    if (right - left > 600) {
      // Recurse on a small sample around k so the pivot lands next to the k-th value.
      const n = right - left + 1;
      const m = k - left + 1;
      const z = Math.log(n);
      const s = 0.5 * Math.exp((2 * z) / 3);
      const sd = 0.5 * Math.sqrt((z * s * (n - s)) / n) * (m - n / 2 < 0 ? -1 : 1);
      const newLeft = Math.max(left, Math.floor(k - (m * s) / n + sd));
      const newRight = Math.min(right, Math.floor(k + ((n - m) * s) / n + sd));
      selectInPlace(a, k, newLeft, newRight);
    }
    const t = a[k];
    let i = left;
    let j = right;
    let tmp = a[left];
    a[left] = a[k];
    a[k] = tmp;
    if (a[right] > t) {
      tmp = a[left];
      a[left] = a[right];
      a[right] = tmp;
    }
    while (i < j) {
      tmp = a[i];
      a[i] = a[j];
      a[j] = tmp;
      i++;
      j--;
      while (a[i] < t) i++;
      while (a[j] > t) j--;
    }
    if (a[left] === t) {
      tmp = a[left];
      a[left] = a[j];
      a[j] = tmp;
    } else {
      j++;
      tmp = a[j];
      a[j] = a[right];
      a[right] = tmp;
    }
    if (j <= k) left = j + 1;
    if (k <= j) right = j - 1;
  }
}

/**
 * Puts the order statistics at the sorted positions `ks` (0-based) in place, selecting the middle
 * position first so that each later selection works on a narrower range on either side.
 * Returns the selected values in the order of `ks`.
 */
export function selectPositions(a: Float64Array, ks: readonly number[]): Float64Array {
  const sorted = Array.from(new Set(ks)).sort((x, y) => x - y);
  const go = (lo: number, hi: number, kLo: number, kHi: number): void => {
    if (kLo > kHi || lo > hi) return;
    const mid = (kLo + kHi) >> 1;
    const k = sorted[mid];
    selectInPlace(a, k, lo, hi);
    go(lo, k - 1, kLo, mid - 1);
    go(k + 1, hi, mid + 1, kHi);
  };
  go(0, a.length - 1, 0, sorted.length - 1);
  const out = new Float64Array(ks.length);
  for (let i = 0; i < ks.length; i++) out[i] = a[ks[i]];
  return out;
}

function checkProb(p: number): void {
  check(p >= 0 && p <= 1, "quantile.percentile", { p });
}

/** Splits h = (n-1)p into floor and fraction, snapping float noise (0.57 * 100 = 56.99999999999999). */
function position(n: number, p: number): [number, number] {
  const h = (n - 1) * p;
  const r = Math.round(h);
  if (Math.abs(h - r) <= 8 * Number.EPSILON * Math.max(1, h)) return [r, 0];
  const lo = Math.floor(h);
  return [lo, h - lo];
}

/**
 * PERCENTILE.INC without a copy when every valid value is a whole number in a small range (days,
 * order counts): count each value once, then read the order statistics off the running counts.
 * Returns undefined when the column does not qualify. `valid` (optional) masks rows out.
 */
export function cutPointsByCounting(
  values: ArrayLike<number>,
  probs: readonly number[],
  valid?: Uint8Array,
): Float64Array | undefined {
  const len = values.length;
  let min = Infinity;
  let max = -Infinity;
  let n = 0;
  for (let i = 0; i < len; i++) {
    if (valid !== undefined && valid[i] === 0) continue;
    const x = values[i];
    if (x !== x) continue;
    // Whole numbers only, and give up as soon as the range is too wide to count cheaply.
    if (x !== Math.floor(x)) return undefined;
    if (x < min) min = x;
    if (x > max) max = x;
    n++;
    if (max - min > COUNTING_RANGE) return undefined;
  }
  if (n === 0) return undefined;
  const counts = new Uint32Array(max - min + 1);
  for (let i = 0; i < len; i++) {
    if (valid !== undefined && valid[i] === 0) continue;
    const x = values[i];
    if (x === x) counts[(x - min) | 0]++;
  }
  // Order statistic k (0-based) is the first value whose running count passes k.
  const at = (k: number): number => {
    let seen = 0;
    for (let v = 0; v < counts.length; v++) {
      seen += counts[v];
      if (seen > k) return v + min;
    }
    return max;
  };
  const out = new Float64Array(probs.length);
  for (let i = 0; i < probs.length; i++) {
    checkProb(probs[i]);
    const [lo, frac] = position(n, probs[i]);
    const v0 = at(lo);
    out[i] = frac > 0 ? v0 + frac * (at(lo + 1) - v0) : v0;
  }
  return out;
}

/** Widest range of whole numbers {@link cutPointsByCounting} will count (a 256 KB table). */
const COUNTING_RANGE = 65_535;

// One 8-byte cell seen as a double and as two 32-bit words, to read a value's bit pattern.
const cellF64 = new Float64Array(1);
const cellU32 = new Uint32Array(cellF64.buffer);
const HI = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0; // high word index (endianness)

/**
 * A 16-bit key that never decreases as x grows: the sign, exponent and 4 mantissa bits of the double,
 * with negative values flipped so that they sort below the positive ones.
 */
function bucketOf(x: number): number {
  cellF64[0] = x + 0; // -0 becomes +0
  const hi = cellU32[HI];
  return x >= 0 ? (hi >>> 16) | 0x8000 : (~hi >>> 16) & 0x7fff;
}

/**
 * The order statistics at the ascending positions `ks` (0-based among the `n` valid values) without
 * copying the column: count the values per 16-bit bucket of their bit pattern, then copy out only
 * the few buckets that hold a wanted position and select inside them. Two reads of the column and
 * a small scratch array instead of an n-sized copy.
 */
export function orderStatistics(
  values: ArrayLike<number>,
  ks: readonly number[],
  valid?: Uint8Array,
): Float64Array {
  const len = values.length;
  const counts = new Uint32Array(65_536);
  let n = 0;
  for (let i = 0; i < len; i++) {
    if (valid !== undefined && valid[i] === 0) continue;
    const x = values[i];
    if (x !== x) continue;
    counts[bucketOf(x)]++;
    n++;
  }
  const out = new Float64Array(ks.length);
  if (n === 0) return out.fill(NaN);
  // For each wanted position: its bucket and its rank inside that bucket.
  const order = ks.map((k, i) => i).sort((a, b) => ks[a] - ks[b]);
  const bucket = new Int32Array(ks.length);
  const rank = new Float64Array(ks.length);
  let b = 0;
  let before = 0;
  for (const i of order) {
    const k = ks[i];
    check(Number.isInteger(k) && k >= 0 && k < n, "quantile.position", { k, max: n - 1 });
    while (before + counts[b] <= k) before += counts[b++];
    bucket[i] = b;
    rank[i] = k - before;
  }
  // Each wanted bucket gets a stretch of one scratch array: slotOf maps a bucket to its stretch.
  const slotOf = new Int16Array(65_536).fill(-1);
  const start: number[] = [];
  const keys: number[] = [];
  let size = 0;
  for (let i = 0; i < ks.length; i++) {
    if (slotOf[bucket[i]] >= 0) continue;
    slotOf[bucket[i]] = keys.length;
    keys.push(bucket[i]);
    start.push(size);
    size += counts[bucket[i]];
  }
  const scratch = new Float64Array(size);
  const next = Int32Array.from(start);
  for (let i = 0; i < len; i++) {
    if (valid !== undefined && valid[i] === 0) continue;
    const x = values[i];
    if (x !== x) continue;
    const s = slotOf[bucketOf(x)];
    if (s >= 0) scratch[next[s]++] = x;
  }
  for (let s = 0; s < keys.length; s++) {
    const part = scratch.subarray(start[s], start[s] + counts[keys[s]]);
    const mine: number[] = [];
    for (let j = 0; j < ks.length; j++) if (bucket[j] === keys[s]) mine.push(j);
    const got = selectPositions(
      part,
      mine.map((j) => rank[j]),
    );
    mine.forEach((j, r) => (out[j] = got[r]));
  }
  return out;
}

/** PERCENTILE.INC of the valid values by {@link orderStatistics}: no copy of the column. */
export function cutPointsByBuckets(
  values: ArrayLike<number>,
  probs: readonly number[],
  valid?: Uint8Array,
): Float64Array {
  const len = values.length;
  let n = 0;
  for (let i = 0; i < len; i++) {
    if (valid !== undefined && valid[i] === 0) continue;
    const x = values[i];
    if (x === x) n++;
  }
  const out = new Float64Array(probs.length);
  if (n === 0) return out.fill(NaN);
  const pos = probs.map((p) => (checkProb(p), position(n, p)));
  const ks: number[] = [];
  for (const [lo, frac] of pos) {
    ks.push(lo);
    ks.push(frac > 0 ? lo + 1 : lo);
  }
  const v = orderStatistics(values, ks, valid);
  for (let i = 0; i < pos.length; i++) {
    const v0 = v[2 * i];
    out[i] = pos[i][1] > 0 ? v0 + pos[i][1] * (v[2 * i + 1] - v0) : v0;
  }
  return out;
}

/** PERCENTILE.INC on a scratch array we own (reordered); NaN-free, non-empty. */
function cutPointsOwned(a: Float64Array, probs: readonly number[]): Float64Array {
  const n = a.length;
  const out = new Float64Array(probs.length);
  if (n === 0) return out.fill(NaN);
  const ks: number[] = [];
  const pos: [number, number][] = probs.map((p) => position(n, p));
  for (const [lo, frac] of pos) {
    ks.push(lo);
    if (frac > 0) ks.push(lo + 1);
  }
  selectPositions(a, ks);
  for (let i = 0; i < pos.length; i++) {
    const [lo, frac] = pos[i];
    const v0 = a[lo];
    out[i] = frac > 0 ? v0 + frac * (a[lo + 1] - v0) : v0;
  }
  return out;
}

/**
 * Several PERCENTILE.INC (R type 7) values at once, by selection on one copy instead of a sort.
 * NaN values are skipped; every cut is NaN when no value is left.
 * @example cutPoints([1, 2, 3, 4, 5], [0.25, 0.5]) // Float64Array [2, 3]
 */
export function cutPoints(values: ArrayLike<number>, probs: readonly number[]): Float64Array {
  for (const p of probs) checkProb(p);
  return cutPointsByCounting(values, probs) ?? cutPointsByBuckets(values, probs);
}

/** Same as {@link cutPoints} but selects on `scratch` itself (which must be NaN-free and owned). */
export function cutPointsInPlace(scratch: Float64Array, probs: readonly number[]): Float64Array {
  for (const p of probs) checkProb(p);
  return cutPointsOwned(scratch, probs);
}

/**
 * Excel PERCENTILE.INC / R quantile type 7 of the non-NaN values; NaN when there are none.
 * @example percentileInc([10, 20, 30, 40], 0.5) // 25
 */
export function percentileInc(values: ArrayLike<number>, p: number): number {
  return cutPoints(values, [p])[0];
}

/** Checks that `bins` (of the RFM dimension `dim`, when given) is a whole number from 2 to 9 and returns it. */
export function checkBins(bins: number, dim?: string): number {
  if (!(Number.isInteger(bins) && bins >= 2 && bins <= 9)) {
    throw new TierError("quantile.bins", dim ? { bins, dim } : { bins });
  }
  return bins;
}

/** Probabilities k/bins for k = 1..bins-1. */
export function binProbs(bins: number): number[] {
  const probs: number[] = [];
  for (let k = 1; k < bins; k++) probs.push(k / bins);
  return probs;
}

/**
 * Equal-share cut points: PERCENTILE.INC at k/bins, k = 1..bins-1 (quintiles for bins = 5).
 * @example quantileCuts([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 5) // [3, 5, 7, 9]
 */
export function quantileCuts(values: ArrayLike<number>, bins: number): Float64Array {
  return cutPoints(values, binProbs(checkBins(bins)));
}

/**
 * The k-th largest (1-based) of the non-NaN values, by selection; NaN when k is out of range.
 * @example kthLargest([5, 1, 4, 4], 2) // 4
 */
export function kthLargest(values: ArrayLike<number>, k: number): number {
  const a = validCopy(values);
  if (!(Number.isInteger(k) && k >= 1 && k <= a.length)) return NaN;
  selectInPlace(a, a.length - k);
  return a[a.length - k];
}
