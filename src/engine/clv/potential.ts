/**
 * The whole potential computation from orders, as `tier clv` and the pane's Potential step run it:
 * count, fit, score, and check against the holdout when there is one.
 */
import { fitBgNbd, type BgNbdFit } from "./bgnbd";
import { fitWarnings, holdoutCheck, scoreClv, type ClvOptions, type ClvScores, type HoldoutRow } from "./clv";
import { calibrationSummary, type CalibrationSummary, type OrderDays } from "./counting";
import { fitGammaGamma, type GammaGammaFit } from "./gammagamma";
import type { Reason } from "../reasons";

export interface PotentialOptions extends ClvOptions {
  /** Last day of calibration (inclusive); the last order day when omitted. */
  calibrationEnd?: number;
}

export interface PotentialResult {
  summary: CalibrationSummary;
  bgnbd: BgNbdFit;
  /** Absent when the orders carry no amounts. */
  gammaGamma?: GammaGammaFit;
  /** Expected spend and CLV are NaN without amounts. */
  scores: ClvScores;
  /** The calibration/holdout check, when orders follow the calibration end. */
  holdout?: HoldoutRow[];
  /** Signs that the model does not fit these customers (see fitWarnings). */
  warnings: Reason[];
}

/**
 * Counts the orders as the paper counts, fits BG/NBD (and Gamma-Gamma when `withSpend`), scores every
 * customer over the horizon and, with orders after the calibration end, runs the holdout check.
 * @example runPotential({ customerId: ids, day: days, amount: amounts }, true, { calibrationEnd: parseIsoDay("1997-09-30") })
 */
export function runPotential(
  orders: OrderDays,
  withSpend: boolean,
  options: PotentialOptions = {},
): PotentialResult {
  const summary = calibrationSummary(orders, { calibrationEnd: options.calibrationEnd, unit: options.unit });
  const bgnbd = fitBgNbd(summary);
  const gammaGamma = withSpend ? fitGammaGamma(summary) : undefined;
  const scores = scoreClv(bgnbd, gammaGamma ?? { p: NaN, q: NaN, gamma: NaN }, summary, options);
  const hasHoldout = summary.holdoutLength > 0 && summary.holdoutX.some((v) => v > 0);
  const holdout = hasHoldout
    ? holdoutCheck(bgnbd, summary, summary.holdoutX, summary.holdoutLength)
    : undefined;
  return { summary, bgnbd, gammaGamma, scores, holdout, warnings: fitWarnings(bgnbd, summary) };
}
