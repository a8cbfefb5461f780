import { TierError, check } from "./errors";
import { binProbs, checkBins, cutPointsByBuckets, cutPointsByCounting } from "./quantile";

export type RfmMethod = "quantile" | "rfm-r" | "fixed";

export interface RfmBins {
  r: number;
  f: number;
  m: number;
}

export interface RfmOptions {
  /** Bins per dimension (2..9, default 5): one number for all three or one per dimension. */
  bins?: number | Partial<RfmBins>;
  method?: RfmMethod;
  /** Fixed method only: bins-1 strictly increasing thresholds per dimension (recency in days). */
  thresholds?: { r?: readonly number[]; f?: readonly number[]; m?: readonly number[] };
}

export interface RfmResult {
  /** Scores 1..bins, higher is better; 0 for a customer with any invalid value. */
  r: Uint8Array;
  f: Uint8Array;
  m: Uint8Array;
  bins: RfmBins;
  /** Quantile methods: the PERCENTILE.INC cut points; fixed: the thresholds. */
  cuts: { r: Float64Array; f: Float64Array; m: Float64Array };
}

const DIMENSIONS = ["r", "f", "m"] as const;
type Dim = (typeof DIMENSIONS)[number];
const LABEL: Record<Dim, string> = { r: "R", f: "F", m: "M" };

function resolveBins(bins: RfmOptions["bins"]): RfmBins {
  if (bins === undefined || typeof bins === "number") {
    const b = checkBins(bins ?? 5);
    return { r: b, f: b, m: b };
  }
  return {
    r: checkBins(bins.r ?? 5, "R"),
    f: checkBins(bins.f ?? 5, "F"),
    m: checkBins(bins.m ?? 5, "M"),
  };
}

function fixedThresholds(list: readonly number[] | undefined, dim: Dim, bins: number): Float64Array {
  const params = { dim: LABEL[dim], count: bins - 1, bins };
  check(list !== undefined && list.length === bins - 1, "rfm.thresholds", params);
  for (let k = 0; k < list.length; k++) {
    check(Number.isFinite(list[k]) && (k === 0 || list[k] > list[k - 1]), "rfm.thresholds", params);
  }
  return Float64Array.from(list);
}

/**
 * Scores one column: 1 + the number of lower bounds passed. `strict` means x > bound (quantile),
 * otherwise x >= bound (rfm-r, fixed). `reverse` turns the bin into bins + 1 - bin (recency).
 */
function score(
  values: ArrayLike<number>,
  valid: Uint8Array | undefined,
  bounds: Float64Array,
  strict: boolean,
  reverse: boolean,
): Uint8Array {
  const n = values.length;
  const out = new Uint8Array(n);
  const nb = bounds.length;
  const base = reverse ? nb + 1 : 1;
  const sign = reverse ? -1 : 1;
  for (let i = 0; i < n; i++) {
    if (valid !== undefined && valid[i] === 0) continue;
    const x = values[i];
    let c = 0;
    // c = #{k : x > bounds[k]} (or >=); bounds are ascending, so stop at the first miss.
    if (strict) while (c < nb && x > bounds[c]) c++;
    else while (c < nb && x >= bounds[c]) c++;
    out[i] = base + sign * c;
  }
  return out;
}

/**
 * RFM scores 1..bins per dimension, higher is better, by one of three methods:
 * - `quantile` (default): PERCENTILE.INC cut points at k/bins, right-closed bins, bin = 1 + #{k : x > q_k};
 * - `rfm-r`: R package rfm 0.3.0 compatible, bin = 1 + #{k : x >= q_k + 1};
 * - `fixed`: user thresholds, left-closed, bin = 1 + #{k : x >= t_k}.
 * R is reversed (R = bins + 1 - bin(recency days)). A customer with any NaN value scores 0 on all
 * three and is left out of every cut point.
 * @example rfm([5, 40, 200], [9, 3, 1], [900, 120, 35], { bins: 3 }).r // Uint8Array [3, 2, 1]
 */
export function rfm(
  recencyDays: ArrayLike<number>,
  frequency: ArrayLike<number>,
  amount: ArrayLike<number>,
  options: RfmOptions = {},
): RfmResult {
  const n = recencyDays.length;
  if (frequency.length !== n || amount.length !== n) {
    throw new TierError("rfm.rowCounts", { r: n, f: frequency.length, m: amount.length });
  }
  const method = options.method ?? "quantile";
  check(method === "quantile" || method === "rfm-r" || method === "fixed", "rfm.method", {
    got: String(method),
  });
  const bins = resolveBins(options.bins);
  const columns: Record<Dim, ArrayLike<number>> = { r: recencyDays, f: frequency, m: amount };

  // The valid mask comes first: a customer missing any one value is out of all three cut points.
  // Without any NaN (the usual case) no mask is needed at all.
  let nValid = 0;
  for (let i = 0; i < n; i++) {
    const r = recencyDays[i];
    const f = frequency[i];
    const m = amount[i];
    if (r === r && f === f && m === m) nValid++;
  }
  let valid: Uint8Array | undefined;
  if (nValid < n) {
    valid = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      const r = recencyDays[i];
      const f = frequency[i];
      const m = amount[i];
      if (r === r && f === f && m === m) valid[i] = 1;
    }
  }
  const cuts = {} as Record<Dim, Float64Array>;
  let bounds = {} as Record<Dim, Float64Array>;
  if (method === "fixed") {
    const t = options.thresholds ?? {};
    for (const d of DIMENSIONS) cuts[d] = fixedThresholds(t[d], d, bins[d]);
    bounds = cuts;
  } else {
    check(nValid >= 2, "rfm.tooFewCustomers", { count: nValid });
    for (const d of DIMENSIONS) {
      const col = columns[d];
      const probs = binProbs(bins[d]);
      // Days and order counts are small whole numbers: counting beats selecting.
      const q = cutPointsByCounting(col, probs, valid) ?? cutPointsByBuckets(col, probs, valid);
      cuts[d] = q;
      // rfm-r (SPSS style) starts a bin one unit above the cut point, as the R package does.
      bounds[d] = method === "rfm-r" ? cuts[d].map((q) => q + 1) : cuts[d];
    }
  }
  const strict = method === "quantile";
  return {
    r: score(recencyDays, valid, bounds.r, strict, true),
    f: score(frequency, valid, bounds.f, strict, false),
    m: score(amount, valid, bounds.m, strict, false),
    bins,
    cuts,
  };
}

/**
 * The RFM code shown to users: R*100 + F*10 + M as text; "" when a score is missing (0).
 * @example rfmCode(5, 4, 3) // "543"
 */
export function rfmCode(r: number, f: number, m: number): string {
  return r > 0 && f > 0 && m > 0 ? `${r}${f}${m}` : "";
}
