import { TierError } from "./errors";

/** The eight RFM classes in the spec's order; the index is the class code returned by {@link rfm8}. */
export const RFM8_CLASSES: readonly { key: string; zh: string; en: string }[] = Object.freeze([
  { key: "important-value", zh: "重要价值客户", en: "Important value" },
  { key: "important-development", zh: "重要发展客户", en: "Important development" },
  { key: "important-retention", zh: "重要保持客户", en: "Important retention" },
  { key: "important-win-back", zh: "重要挽留客户", en: "Important win-back" },
  { key: "general-value", zh: "一般价值客户", en: "General value" },
  { key: "general-development", zh: "一般发展客户", en: "General development" },
  { key: "general-retention", zh: "一般保持客户", en: "General retention" },
  { key: "general-win-back", zh: "一般挽留客户", en: "General win-back" },
]);

/** Neumaier-compensated running sum, so that the mean of n equal values is that value more often. */
class Sum {
  sum = 0;
  comp = 0;
  add(x: number): void {
    const t = this.sum + x;
    this.comp += Math.abs(this.sum) >= Math.abs(x) ? this.sum - t + x : x - t + this.sum;
    this.sum = t;
  }
  mean(n: number): number {
    return n === 0 ? NaN : (this.sum + this.comp) / n;
  }
}

/**
 * RFM eight classes (the form most Chinese retail teams use): R, F and M are each "high" when
 * strictly better than the mean of the valid raw values (recency below it, frequency and amount
 * above it). Class code = index in {@link RFM8_CLASSES}; -1 for a customer with any NaN value.
 * @example rfm8([10, 90], [8, 1], [500, 20]).cls // Int8Array [0, 7] (重要价值客户, 一般挽留客户)
 */
export function rfm8(
  recencyDays: ArrayLike<number>,
  frequency: ArrayLike<number>,
  amount: ArrayLike<number>,
): { cls: Int8Array; means: { recency: number; frequency: number; amount: number } } {
  const n = recencyDays.length;
  if (frequency.length !== n || amount.length !== n) {
    throw new TierError("rfm.rowCounts", { r: n, f: frequency.length, m: amount.length });
  }
  // Two passes and no mask: the means, then the classes.
  const sr = new Sum();
  const sf = new Sum();
  const sm = new Sum();
  let nValid = 0;
  for (let i = 0; i < n; i++) {
    const r = recencyDays[i];
    const f = frequency[i];
    const m = amount[i];
    if (r === r && f === f && m === m) {
      sr.add(r);
      sf.add(f);
      sm.add(m);
      nValid++;
    }
  }
  const mr = sr.mean(nValid);
  const mf = sf.mean(nValid);
  const mm = sm.mean(nValid);
  const cls = new Int8Array(n);
  for (let i = 0; i < n; i++) {
    const r = recencyDays[i];
    const f = frequency[i];
    const m = amount[i];
    // Order of RFM8_CLASSES: M low adds 4, R low adds 2, F low adds 1; NaN fails every test.
    cls[i] = r === r && f === f && m === m ? (m > mm ? 0 : 4) + (r < mr ? 0 : 2) + (f > mf ? 0 : 1) : -1;
  }
  return { cls, means: { recency: mr, frequency: mf, amount: mm } };
}
