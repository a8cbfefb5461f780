/**
 * Customer lifetime value over a horizon, and the calibration/holdout check, from fitted BG/NBD and
 * Gamma-Gamma models.
 */
import { TierError } from "../errors";
import { reason, type Reason } from "../reasons";
import { conditionalExpectation, pAlive, type BgNbdParams, type RfmSummary } from "./bgnbd";
import { UNIT_DAYS, type ClvUnit } from "./counting";
import { expectedSpend, type GammaGammaParams } from "./gammagamma";

export interface ClvOptions {
  /** The horizon in `unit`s (one year by default: 365 days, 52 weeks or 12 months). */
  horizon?: number;
  /** The unit of t_x, T and the horizon: week by default. */
  unit?: ClvUnit;
  /** Annual discount rate (0.1 = 10 % a year); 0 by default. */
  discount?: number;
}

/** One year in each unit, the default horizon. */
export const YEAR_IN_UNITS: Readonly<Record<ClvUnit, number>> = { day: 365, week: 52, month: 12 };

/** The columns a scored customer gets. */
export interface ClvScores {
  pAlive: Float64Array;
  expectedPurchases: Float64Array;
  expectedSpend: Float64Array;
  clv: Float64Array;
}

/**
 * P(alive), expected transactions in the horizon, expected spend per transaction and CLV per customer.
 *
 * CLV is the discounted monthly sum used by the Python package lifetimes
 * (`customer_lifetime_value`), with an annual rate: the horizon is cut into months (the last one
 * shorter when the horizon is not a whole number of months), and
 *
 *   CLV = E[M] · Σ_m (E[Y(t_m)] − E[Y(t_{m−1})]) / (1 + discount)^(t_m in years)
 *
 * where E[Y(t)] is BG/NBD's expected number of transactions in the next t units and E[M] the
 * Gamma-Gamma expected spend per transaction. Undiscounted it is simply E[M] · E[Y(horizon)].
 * @example scoreClv(bgnbd, gg, cdnow, { horizon: 52, unit: "week", discount: 0.1 })
 */
export function scoreClv(
  bgnbd: BgNbdParams,
  gammaGamma: GammaGammaParams,
  summary: RfmSummary & { zbar: ArrayLike<number> },
  options: ClvOptions = {},
): ClvScores {
  const unit = options.unit ?? "week";
  if (!UNIT_DAYS[unit]) throw new TierError("clv.badUnit", { unit });
  const horizon = options.horizon ?? YEAR_IN_UNITS[unit];
  const discount = options.discount ?? 0;
  if (!(horizon > 0) || !Number.isFinite(horizon)) throw new TierError("clv.badHorizon", { horizon });
  if (!(discount > -1) || !Number.isFinite(discount)) throw new TierError("clv.badDiscount", { discount });
  const alive = pAlive(bgnbd, summary);
  const spend = expectedSpend(gammaGamma, summary);
  const { x, tx, T } = summary;
  const n = x.length;
  const monthInUnits = UNIT_DAYS.month / UNIT_DAYS[unit];
  const yearInUnits = 365.25 / UNIT_DAYS[unit];
  // Month ends and their discount factors, the same for every customer.
  const ends: number[] = [];
  for (let t = monthInUnits; ; t += monthInUnits) {
    if (t >= horizon - 1e-9) {
      ends.push(horizon);
      break;
    }
    ends.push(t);
  }
  const factors = ends.map((t) => Math.pow(1 + discount, -t / yearInUnits));
  const purchases = new Float64Array(n);
  const clv = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let before = 0;
    let value = 0;
    for (let m = 0; m < ends.length; m++) {
      const upTo = conditionalExpectation(bgnbd, ends[m], x[i], tx[i], T[i]);
      value += (upTo - before) * factors[m];
      before = upTo;
    }
    purchases[i] = before;
    clv[i] = value * spend[i];
  }
  return { pAlive: alive, expectedPurchases: purchases, expectedSpend: spend, clv };
}

/** One line of the holdout check: customers with `x` calibration transactions (the last line is 7+). */
export interface HoldoutRow {
  /** The number of repeat transactions in calibration; the last row, `atLeast`, holds x >= 7. */
  x: number;
  atLeast: boolean;
  customers: number;
  /** Mean repeat transactions in the holdout, as observed. */
  actual: number;
  /** Mean of BG/NBD's E[Y(holdout length) | x, t_x, T]. */
  predicted: number;
}

/**
 * The calibration/holdout check of Fader, Hardie & Lee (2005, fig. 4): customers grouped by their
 * repeat transactions in calibration (0, 1, …, 6, 7+), the mean number of transactions each group
 * made in the holdout against the model's conditional expectation for the holdout's length.
 * @example holdoutCheck(fit, summary, summary.holdoutX, 39) // [{ x: 0, customers: 1411, actual: 0.24, predicted: 0.23 }, …]
 */
export function holdoutCheck(
  bgnbd: BgNbdParams,
  summary: RfmSummary,
  holdoutX: ArrayLike<number>,
  holdoutLength: number,
  groups = 8,
): HoldoutRow[] {
  const predicted = new Float64Array(holdoutX.length);
  for (let i = 0; i < predicted.length; i++)
    predicted[i] = conditionalExpectation(bgnbd, holdoutLength, summary.x[i], summary.tx[i], summary.T[i]);
  const rows: HoldoutRow[] = Array.from({ length: groups }, (_, g) => ({
    x: g,
    atLeast: g === groups - 1,
    customers: 0,
    actual: 0,
    predicted: 0,
  }));
  for (let i = 0; i < predicted.length; i++) {
    const row = rows[Math.min(summary.x[i], groups - 1)];
    row.customers++;
    row.actual += holdoutX[i];
    row.predicted += predicted[i];
  }
  for (const row of rows) {
    if (row.customers) {
      row.actual /= row.customers;
      row.predicted /= row.customers;
    }
  }
  return rows;
}

/**
 * Fewer repeat buyers than this and `fitWarnings` says the estimates are loose. No paper gives a
 * line; the model learns drop-out and spend from the customers who came back, and with under a
 * hundred of them the fitted parameters move a lot from one month's data to the next.
 */
export const FEW_REPEAT_BUYERS = 100;

/**
 * Signs that the model does not fit these customers, the one check behind `tier clv`, the pane's
 * Potential step and the `clv` policy: `clv.fewRepeatBuyers` when fewer than {@link FEW_REPEAT_BUYERS}
 * customers bought again (given the summary's x), `clv.sameRates` when BG/NBD's r and α grew without
 * bound (every customer buys at the same rate, as with customers on a delivery schedule; the fit stops
 * at 10^8), `clv.noDropout` when a/(a+b), the mean drop-out chance, went to 0.
 * @example fitWarnings({ r: 1e7, alpha: 5e7, a: 1e-9, b: 239 }) // [{ code: "clv.sameRates", params: { r: 1e7 } }, { code: "clv.noDropout" }]
 */
export function fitWarnings(fit: BgNbdParams, summary?: { x: ArrayLike<number> }): Reason[] {
  const warnings: Reason[] = [];
  if (summary) {
    let repeat = 0;
    for (let i = 0; i < summary.x.length; i++) if (summary.x[i] > 0) repeat++;
    if (repeat < FEW_REPEAT_BUYERS)
      warnings.push(
        reason("clv.fewRepeatBuyers", { repeat, customers: summary.x.length, least: FEW_REPEAT_BUYERS }),
      );
  }
  if (fit.r > 1e3) warnings.push(reason("clv.sameRates", { r: +fit.r.toPrecision(3) }));
  if (fit.a / (fit.a + fit.b) < 1e-4) warnings.push(reason("clv.noDropout"));
  return warnings;
}
