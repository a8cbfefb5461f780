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

/** Mean of the valid entries, Neumaier-compensated so that n equal values give exactly that value more often. */
function mean(values: ArrayLike<number>, valid: Uint8Array, nValid: number): number {
  if (nValid === 0) return NaN;
  let sum = 0;
  let comp = 0;
  for (let i = 0; i < values.length; i++) {
    if (valid[i] === 0) continue;
    const x = values[i];
    const t = sum + x;
    comp += Math.abs(sum) >= Math.abs(x) ? sum - t + x : x - t + sum;
    sum = t;
  }
  return (sum + comp) / nValid;
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
    throw new TierError(
      `recency, frequency and amount must have the same number of rows (got ${n}, ${frequency.length} and ${amount.length})`,
    );
  }
  const valid = new Uint8Array(n);
  let nValid = 0;
  for (let i = 0; i < n; i++) {
    const r = recencyDays[i];
    const f = frequency[i];
    const m = amount[i];
    if (r === r && f === f && m === m) {
      valid[i] = 1;
      nValid++;
    }
  }
  const mr = mean(recencyDays, valid, nValid);
  const mf = mean(frequency, valid, nValid);
  const mm = mean(amount, valid, nValid);
  const cls = new Int8Array(n);
  for (let i = 0; i < n; i++) {
    if (valid[i] === 0) {
      cls[i] = -1;
      continue;
    }
    // Order of RFM8_CLASSES: M low adds 4, R low adds 2, F low adds 1.
    cls[i] = (amount[i] > mm ? 0 : 4) + (recencyDays[i] < mr ? 0 : 2) + (frequency[i] > mf ? 0 : 1);
  }
  return { cls, means: { recency: mr, frequency: mf, amount: mm } };
}
