import { windowDays } from "./window";

/**
 * Lease-end review dates (source 000, 招商部「客户管理机制」: "即将到期商家,需提前三个月完成评估"): the day a
 * tenant is re-rated, `months` calendar months before its lease ends (Excel `EDATE(end, -months)`,
 * the month's last day when it has no such day), and the days from the as-of date to it (0 or less:
 * the review is due). NaN where there is no lease end. Does not mutate `ends`.
 *
 * @example leaseReviews([parseIsoDay("2026-05-31")], 3, parseIsoDay("2026-03-01")) // review 2026-02-28, daysTo −1
 */
export function leaseReviews(
  ends: ArrayLike<number>,
  months: number,
  asOf: number,
): { review: Float64Array; daysTo: Float64Array } {
  const review = new Float64Array(ends.length);
  const daysTo = new Float64Array(ends.length);
  for (let i = 0; i < ends.length; i++) {
    const end = ends[i];
    if (!Number.isFinite(end)) {
      review[i] = NaN;
      daysTo[i] = NaN;
      continue;
    }
    // A months window ending on the lease end starts the day after EDATE(end, -months).
    review[i] = windowDays({ kind: "months", months }, end)[0] - 1;
    daysTo[i] = review[i] - asOf;
  }
  return { review, daysTo };
}
