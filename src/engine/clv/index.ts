/**
 * Potential from the data: BG/NBD (who is still buying, how much more) and Gamma-Gamma (how much per
 * purchase), fitted by maximum likelihood, and CLV over a horizon.
 *
 * @example
 * const summary = calibrationSummary(orders, { calibrationEnd: parseIsoDay("1997-09-30") });
 * const model = fitPotential(summary);
 * const scores = scoreClv(model.bgnbd, model.gammaGamma, summary, { horizon: 52 });
 */
import { fitBgNbd, type BgNbdFit, type RfmSummary } from "./bgnbd";
import { fitGammaGamma, type GammaGammaFit } from "./gammagamma";

export * from "./bgnbd";
export * from "./gammagamma";
export * from "./counting";
export * from "./clv";

/** Both models fitted on one calibration summary. */
export interface PotentialModel {
  bgnbd: BgNbdFit;
  gammaGamma: GammaGammaFit;
}

/**
 * Fits BG/NBD on every customer of the summary and Gamma-Gamma on its repeat buyers.
 * @example fitPotential(cdnow) // bgnbd { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, gammaGamma { p: 6.25, q: 3.74, gamma: 15.45 }
 */
export function fitPotential(summary: RfmSummary & { zbar: ArrayLike<number> }): PotentialModel {
  return { bgnbd: fitBgNbd(summary), gammaGamma: fitGammaGamma(summary) };
}
export * from "./simulate";
export * from "./orders";
export * from "./potential";
export * from "./recency";
export * from "./by-tier";
