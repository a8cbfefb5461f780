/**
 * The BG/NBD model of repeat purchases (Fader, Hardie & Lee 2005, "Counting Your Customers the Easy
 * Way: An Alternative to the Pareto/NBD Model", Marketing Science 24(2), 275–284): while alive a
 * customer buys as a Poisson process with rate λ ~ Gamma(r, α); after each purchase she drops out
 * with probability p ~ Beta(a, b). Per customer the model needs x (repeat transactions), t_x (time of
 * the last one since the first purchase) and T (time from the first purchase to the end of the
 * calibration period), in one unit.
 */
import hyp2f1 from "@stdlib/math-base-special-hyp2f1";
import { TierError } from "../errors";
import { maximiseLogLikelihood } from "./optimise";

/** The four BG/NBD parameters: purchase rates ~ Gamma(r, α), drop-out ~ Beta(a, b). */
export interface BgNbdParams {
  r: number;
  alpha: number;
  a: number;
  b: number;
}

/** A fitted BG/NBD model: the parameters, the log-likelihood at them and the customers fitted on. */
export interface BgNbdFit extends BgNbdParams {
  logLikelihood: number;
  customers: number;
}

/** The calibration summary the model reads: one entry per customer, all in the same time unit. */
export interface RfmSummary {
  /** Repeat transactions (whole numbers, 0 for a one-time buyer). */
  x: ArrayLike<number>;
  /** Time of the last transaction since the first (0 when x = 0). */
  tx: ArrayLike<number>;
  /** Time from the first transaction to the end of calibration (T >= t_x). */
  T: ArrayLike<number>;
}

function checkSummary({ x, tx, T }: RfmSummary): number {
  const n = x.length;
  if (tx.length !== n || T.length !== n)
    throw new TierError("clv.lengths", { x: n, tx: tx.length, T: T.length });
  for (let i = 0; i < n; i++) {
    const xi = x[i];
    if (!(xi >= 0 && Number.isInteger(xi)) || !(tx[i] >= 0) || !(T[i] >= tx[i]) || (xi > 0 && !(tx[i] > 0)))
      throw new TierError("clv.badSummary", { row: i + 1, x: xi, tx: tx[i], T: T[i] });
  }
  return n;
}

/** Counts of customers per x, for the terms that depend on x alone. */
function countsByX(x: ArrayLike<number>): Float64Array {
  let max = 0;
  for (let i = 0; i < x.length; i++) if (x[i] > max) max = x[i];
  const counts = new Float64Array(max + 1);
  for (let i = 0; i < x.length; i++) counts[x[i]]++;
  return counts;
}

/**
 * The BG/NBD log-likelihood (Fader, Hardie & Lee 2005, eq. 6) summed over customers, in the
 * log-gamma/log-beta form that never overflows (the lnΓ and ln B ratios in x taken as sums of
 * logarithms, exact for whole x):
 *
 *   ln L_i = lnΓ(r+x) − lnΓ(r) + r ln α + ln B(a, b+x) − ln B(a, b)
 *            + ln[ (α+T)^−(r+x) + δ(x>0) · a/(b+x−1) · (α+t_x)^−(r+x) ]
 *
 * with the last logarithm taken as a log-sum-exp. When `gradient` is given it receives
 * d(ln L)/d(r, α, a, b). Terms in x alone are evaluated once per distinct x.
 * @example bgnbdLogLikelihood({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, cdnow) // ≈ -9582.4
 */
export function bgnbdLogLikelihood(
  params: BgNbdParams,
  summary: RfmSummary,
  gradient?: Float64Array,
): number {
  checkSummary(summary);
  const counts = countsByX(summary.x);
  const g = gradient ?? new Float64Array(4);
  return logLikelihood(params.r, params.alpha, params.a, params.b, summary, counts, g);
}

function logLikelihood(
  r: number,
  alpha: number,
  a: number,
  b: number,
  { x, tx, T }: RfmSummary,
  counts: Float64Array,
  g: Float64Array,
): number {
  const n = x.length;
  const lnAlpha = Math.log(alpha);
  const lnA = Math.log(a);
  // Per distinct x: lnΓ(r+x) − lnΓ(r) + ln B(a, b+x) − ln B(a, b) and their derivatives. x is a whole
  // number, so by Γ(y+1) = yΓ(y) each lnΓ ratio is a running sum of logarithms (and each digamma
  // difference one of reciprocals): exact, and free of the cancellation that differences of lnΓ
  // suffer once r grows large (at r = 1e16 they are pure rounding, which an optimiser then exploits).
  const xs = counts.length;
  const lnBx1 = new Float64Array(xs);
  let ll = 0;
  let gr = 0;
  let ga = 0;
  let gb = 0;
  let lgR = 0; // lnΓ(r+k) − lnΓ(r)
  let lgB = 0; // lnΓ(b+k) − lnΓ(b)
  let lgAB = 0; // lnΓ(a+b+k) − lnΓ(a+b)
  let psiR = 0; // ψ(r+k) − ψ(r)
  let psiB = 0;
  let psiAB = 0;
  for (let k = 1; k < xs; k++) {
    const j = k - 1;
    lgR += Math.log(r + j);
    lgB += Math.log(b + j);
    lgAB += Math.log(a + b + j);
    psiR += 1 / (r + j);
    psiB += 1 / (b + j);
    psiAB += 1 / (a + b + j);
    lnBx1[k] = Math.log(b + k - 1);
    const c = counts[k];
    if (c === 0) continue;
    ll += c * (lgR + lgB - lgAB);
    gr += c * psiR;
    ga -= c * psiAB;
    gb += c * (psiB - psiAB);
  }
  let galpha = 0;
  for (let i = 0; i < n; i++) {
    const xi = x[i];
    const rx = r + xi;
    const lnAT = Math.log(alpha + T[i]);
    const l1 = -rx * lnAT;
    ll += r * lnAlpha;
    gr += lnAlpha - lnAT;
    galpha += r / alpha - rx / (alpha + T[i]);
    if (xi === 0) {
      ll += l1;
      continue;
    }
    const lnAt = Math.log(alpha + tx[i]);
    // d = ln of the second term over the first; w = its share of the sum, as a logistic of d.
    const d = lnA - lnBx1[xi] - rx * (lnAt - lnAT);
    let w: number;
    if (d > 0) {
      const e = Math.exp(-d);
      ll += l1 + d + Math.log1p(e);
      w = 1 / (1 + e);
    } else {
      const e = Math.exp(d);
      ll += l1 + Math.log1p(e);
      w = e / (1 + e);
    }
    gr += w * (lnAT - lnAt);
    galpha += w * rx * (1 / (alpha + T[i]) - 1 / (alpha + tx[i]));
    ga += w / a;
    gb -= w / (b + xi - 1);
  }
  g[0] = gr;
  g[1] = galpha;
  g[2] = ga;
  g[3] = gb;
  return ll;
}

/**
 * Fits the BG/NBD model by maximum likelihood (log-parameters, Nelder–Mead then Newton with the
 * analytic gradient; see `maximiseLogLikelihood`). Throws `clv.tooFewRepeatBuyers` when fewer than 2
 * customers, or no customer at all, bought again: the drop-out process cannot be told apart then.
 * @example fitBgNbd(cdnow) // { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426, logLikelihood: -9582.4, customers: 2357 }
 */
export function fitBgNbd(input: RfmSummary): BgNbdFit {
  const n = checkSummary(input);
  // Typed copies keep the likelihood's hot loop monomorphic whatever array type the caller passed.
  const summary = {
    x: Float64Array.from(input.x),
    tx: Float64Array.from(input.tx),
    T: Float64Array.from(input.T),
  };
  let repeat = 0;
  let meanT = 0;
  for (let i = 0; i < n; i++) {
    if (summary.x[i] > 0) repeat++;
    meanT += summary.T[i] / n;
  }
  if (repeat < 2) throw new TierError("clv.tooFewRepeatBuyers", { repeat, customers: n });
  const counts = countsByX(summary.x);
  const ll = (s: RfmSummary, c: Float64Array) => (p: Float64Array, g: Float64Array) =>
    logLikelihood(p[0], p[1], p[2], p[3], s, c, g);
  // The simplex only has to find the neighbourhood of the maximum: on a large file it runs on every
  // k-th customer (about 10,000), then Newton finishes on all of them.
  const sample = strided(summary, ROUGH_SAMPLE);
  // Start where the rate scale α is of the order of the customers' ages, the rest at 1.
  const best = maximiseLogLikelihood(
    ll(summary, counts),
    [1, Math.max(meanT, 1e-3), 1, 1],
    n,
    "BG/NBD",
    sample && { ll: ll(sample, countsByX(sample.x)), n: sample.x.length },
  );
  const [r, alpha, a, b] = best.params;
  return { r, alpha, a, b, logLikelihood: best.logLikelihood, customers: n };
}

const ROUGH_SAMPLE = 10_000;

/** Every k-th customer, about `size` of them; undefined when there are fewer than twice as many. */
function strided({ x, tx, T }: RfmSummary, size: number): RfmSummary | undefined {
  const n = x.length;
  if (n < 2 * size) return undefined;
  const k = Math.floor(n / size);
  const m = Math.ceil(n / k);
  const pick = (a: ArrayLike<number>) => Float64Array.from({ length: m }, (_, j) => a[j * k]);
  return { x: pick(x), tx: pick(tx), T: pick(T) };
}

/**
 * P(alive | x, t_x, T) = 1 / (1 + δ(x>0) · a/(b+x−1) · ((α+T)/(α+t_x))^(r+x)) (Fader, Hardie & Lee
 * 2005, eq. 11): 1 for a customer who never bought again (the model lets customers drop out only
 * right after a purchase).
 * @example pAlive(fit, { x: [0, 2], tx: [0, 30.43], T: [38.86, 38.86] }) // [1, ≈0.73]
 */
export function pAlive(params: BgNbdParams, summary: RfmSummary): Float64Array {
  const n = checkSummary(summary);
  const { r, alpha, a, b } = params;
  const { x, tx, T } = summary;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const xi = x[i];
    if (xi === 0) {
      out[i] = 1;
      continue;
    }
    const odds = Math.exp(Math.log(a / (b + xi - 1)) + (r + xi) * Math.log((alpha + T[i]) / (alpha + tx[i])));
    out[i] = 1 / (1 + odds);
  }
  return out;
}

/**
 * E[Y(t) | x, t_x, T], the expected number of transactions in the next t units (Fader, Hardie & Lee
 * 2005, eq. 10):
 *
 *   (a+b+x−1)/(a−1) · [1 − ((α+T)/(α+T+t))^(r+x) · ₂F₁(r+x, b+x; a+b+x−1; t/(α+T+t))]
 *   / (1 + δ(x>0) · a/(b+x−1) · ((α+T)/(α+t_x))^(r+x))
 *
 * with the Gauss hypergeometric function ₂F₁ (see gauss2F1). The formula holds for a < 1 as well (both factors change
 * sign); only a = 1 exactly is a removable 0/0, reported as NaN.
 * @example expectedPurchases(fit, 39, { x: [2], tx: [30.43], T: [38.86] }) // [≈1.23]
 */
export function expectedPurchases(params: BgNbdParams, t: number, summary: RfmSummary): Float64Array {
  const n = checkSummary(summary);
  if (!(t >= 0)) throw new TierError("clv.badHorizon", { horizon: t });
  const out = new Float64Array(n);
  const { x, tx, T } = summary;
  for (let i = 0; i < n; i++) out[i] = conditionalExpectation(params, t, x[i], tx[i], T[i]);
  return out;
}

/** E[Y(t) | x, t_x, T] for one customer (see expectedPurchases). */
export function conditionalExpectation(
  { r, alpha, a, b }: BgNbdParams,
  t: number,
  x: number,
  tx: number,
  T: number,
): number {
  if (t === 0) return 0;
  const rx = r + x;
  const aT = alpha + T;
  const z = t / (aT + t);
  const hyp = gauss2F1(rx, b + x, a + b + x - 1, z);
  const head = ((a + b + x - 1) / (a - 1)) * (1 - Math.exp(rx * Math.log(aT / (aT + t))) * hyp);
  if (x === 0) return head;
  return head / (1 + Math.exp(Math.log(a / (b + x - 1)) + rx * Math.log(aT / (alpha + tx))));
}

/**
 * The Gauss hypergeometric function ₂F₁(a, b; c; z) of BG/NBD: for z <= 3/4 and positive a, b, c its
 * power series Σ (a)_k (b)_k / (c)_k z^k / k! (all terms positive, so no
 * cancellation; stopped when a term no longer changes the sum), three times faster than the general
 * routine; above 3/4, or when the series has not settled after 2,000 terms, stdlib's `hyp2f1` (a port
 * of Cephes, which transforms the argument where the series converges slowly).
 * @example gauss2F1(1, 1, 2, 0.5) // 2 ln 2 ≈ 1.3863
 */
export function gauss2F1(a: number, b: number, c: number, z: number): number {
  // Only where every term is positive: c <= 0 (a + b < 1 at x = 0) would make terms change sign.
  if (!(z >= 0 && z <= 0.75 && a > 0 && b > 0 && c > 0)) return hyp2f1(a, b, c, z);
  let term = 1;
  let sum = 1;
  for (let k = 0; k < 2000; k++) {
    term *= (((a + k) * (b + k)) / ((c + k) * (k + 1))) * z;
    sum += term;
    if (term <= 1e-17 * sum) return sum;
  }
  return hyp2f1(a, b, c, z);
}
