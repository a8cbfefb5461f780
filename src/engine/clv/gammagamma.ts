/**
 * The Gamma-Gamma model of spend per transaction (Fader, Hardie & Lee 2005, "RFM and CLV: Using
 * Iso-Value Curves for Customer Base Analysis", Journal of Marketing Research 42(4); Fader & Hardie,
 * "The Gamma-Gamma Model of Monetary Value", 2013): a customer's transactions are Gamma(p, ν) around
 * her own mean p/ν, and ν ~ Gamma(q, γ) across customers. It reads, per repeat buyer, x repeat
 * transactions and z̄ their mean spend, and assumes spend does not depend on how often one buys.
 */
import digamma from "@stdlib/math-base-special-digamma";
import betaln from "@stdlib/math-base-special-betaln";
import { TierError } from "../errors";
import { maximiseLogLikelihood } from "./optimise";

/** The three Gamma-Gamma parameters (γ is `gamma`). */
export interface GammaGammaParams {
  p: number;
  q: number;
  gamma: number;
}

/** A fitted Gamma-Gamma model and the repeat buyers it was fitted on. */
export interface GammaGammaFit extends GammaGammaParams {
  logLikelihood: number;
  customers: number;
}

/** Per customer: repeat transactions x and the mean spend z̄ of those transactions. */
export interface SpendSummary {
  x: ArrayLike<number>;
  zbar: ArrayLike<number>;
}

/** The repeat buyers with a positive mean spend: the ones the model is fitted on. */
function repeatBuyers({ x, zbar }: SpendSummary): { x: Float64Array; zbar: Float64Array } {
  if (zbar.length !== x.length) throw new TierError("clv.lengths", { x: x.length, zbar: zbar.length });
  let m = 0;
  for (let i = 0; i < x.length; i++) if (x[i] > 0 && zbar[i] > 0) m++;
  const xs = new Float64Array(m);
  const zs = new Float64Array(m);
  for (let i = 0, j = 0; i < x.length; i++)
    if (x[i] > 0 && zbar[i] > 0) {
      xs[j] = x[i];
      zs[j++] = zbar[i];
    }
  return { x: xs, zbar: zs };
}

function logLikelihood(
  p: number,
  q: number,
  gamma: number,
  x: Float64Array,
  lnX: Float64Array,
  lnZ: Float64Array,
  zbar: Float64Array,
  g: Float64Array,
): number {
  const lnGamma = Math.log(gamma);
  const psiQ = digamma(q);
  let ll = 0;
  let gp = 0;
  let gq = 0;
  let gg = 0;
  // x is small and repeats: remember the gamma-function terms of the last x seen.
  let lastX = -1;
  let lgTerm = 0;
  let psiSum = 0;
  let psiPx = 0;
  for (let i = 0; i < x.length; i++) {
    const xi = x[i];
    const px = p * xi;
    if (xi !== lastX) {
      lastX = xi;
      // lnΓ(px+q) − lnΓ(px) − lnΓ(q) = −ln B(px, q); stdlib's betaln keeps it exact when q is large,
      // where a difference of lnΓ values would be rounding alone.
      lgTerm = -betaln(px, q);
      psiSum = digamma(px + q);
      psiPx = digamma(px);
    }
    const total = gamma + xi * zbar[i];
    const lnTotal = Math.log(total);
    // ln f(z̄) = lnΓ(px+q) − lnΓ(px) − lnΓ(q) + q ln γ + (px−1) ln z̄ + px ln x − (px+q) ln(γ + x z̄)
    ll += lgTerm + q * lnGamma + (px - 1) * lnZ[i] + px * lnX[i] - (px + q) * lnTotal;
    gp += xi * (psiSum - psiPx + lnZ[i] + lnX[i] - lnTotal);
    gq += psiSum - psiQ + lnGamma - lnTotal;
    gg += q / gamma - (px + q) / total;
  }
  g[0] = gp;
  g[1] = gq;
  g[2] = gg;
  return ll;
}

/**
 * The Gamma-Gamma log-likelihood over the repeat buyers (customers with x > 0 and z̄ > 0):
 * Σ lnΓ(px+q) − lnΓ(px) − lnΓ(q) + q ln γ + (px−1) ln z̄ + px ln x − (px+q) ln(γ + x z̄).
 * @example gammaGammaLogLikelihood({ p: 6.25, q: 3.74, gamma: 15.44 }, cdnow) // ≈ -4052
 */
export function gammaGammaLogLikelihood(params: GammaGammaParams, summary: SpendSummary): number {
  const { x, zbar } = repeatBuyers(summary);
  return logLikelihood(
    params.p,
    params.q,
    params.gamma,
    x,
    x.map(Math.log),
    zbar.map(Math.log),
    zbar,
    new Float64Array(3),
  );
}

const ROUGH_SAMPLE = 10_000;

/**
 * Fits the Gamma-Gamma model by maximum likelihood on the repeat buyers (x > 0 and z̄ > 0; the others
 * say nothing about spend per repeat transaction), on log-parameters. Throws
 * `clv.tooFewRepeatBuyers` with fewer than 2 of them.
 * @example fitGammaGamma(cdnow) // { p: 6.25, q: 3.74, gamma: 15.44, customers: 946 }
 */
export function fitGammaGamma(summary: SpendSummary): GammaGammaFit {
  const buyers = repeatBuyers(summary);
  const m = buyers.x.length;
  if (m < 2) throw new TierError("clv.tooFewRepeatBuyers", { repeat: m, customers: summary.x.length });
  // Sorting by x lets the likelihood compute the gamma-function terms once per distinct x.
  const order = Array.from({ length: m }, (_, i) => i).sort((i, j) => buyers.x[i] - buyers.x[j]);
  const x = new Float64Array(m);
  const zbar = new Float64Array(m);
  let meanZ = 0;
  for (let k = 0; k < m; k++) {
    x[k] = buyers.x[order[k]];
    zbar[k] = buyers.zbar[order[k]];
    meanZ += zbar[k] / m;
  }
  const ll = (xs: Float64Array, zs: Float64Array) => {
    const lnX = xs.map(Math.log);
    const lnZ = zs.map(Math.log);
    return (prm: Float64Array, g: Float64Array) => logLikelihood(prm[0], prm[1], prm[2], xs, lnX, lnZ, zs, g);
  };
  // As in fitBgNbd, the simplex runs on every k-th buyer of a large file (about 10,000; sorted by x,
  // so the sample keeps the mix of x), Newton finishes on all of them.
  const k = Math.floor(m / ROUGH_SAMPLE);
  const pick = (a: Float64Array) => a.filter((_, i) => i % k === 0);
  const rough = k >= 2 ? { ll: ll(pick(x), pick(zbar)), n: Math.ceil(m / k) } : undefined;
  // Start at p = 1, q = 2 and γ = z̄'s mean, so that the population mean pγ/(q−1) is z̄'s mean.
  const best = maximiseLogLikelihood(ll(x, zbar), [1, 2, meanZ], m, "Gamma-Gamma", rough);
  const [p, q, gamma] = best.params;
  return { p, q, gamma, logLikelihood: best.logLikelihood, customers: m };
}

/**
 * E[M | p, q, γ, x, z̄] = p(γ + x z̄) / (px + q − 1), a customer's expected spend per transaction: a
 * weighted mean of the population mean pγ/(q−1) and her own z̄, weighted towards z̄ the more she
 * bought. Customers without a repeat transaction (x = 0 or no z̄) get the population mean. Needs
 * q > 1 for a finite mean (NaN otherwise).
 * @example expectedSpend({ p: 6.25, q: 3.74, gamma: 15.44 }, { x: [0, 2], zbar: [0, 22.35] }) // [≈35.22, ≈25.51]
 */
export function expectedSpend(params: GammaGammaParams, summary: SpendSummary): Float64Array {
  const { p, q, gamma } = params;
  const { x, zbar } = summary;
  if (zbar.length !== x.length) throw new TierError("clv.lengths", { x: x.length, zbar: zbar.length });
  const out = new Float64Array(x.length);
  const population = q > 1 ? (p * gamma) / (q - 1) : NaN;
  for (let i = 0; i < x.length; i++) {
    const xi = x[i];
    out[i] = xi > 0 && zbar[i] > 0 ? (p * (gamma + xi * zbar[i])) / (p * xi + q - 1) : population;
  }
  return out;
}
