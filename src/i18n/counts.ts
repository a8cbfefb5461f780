/**
 * The counts line: how many customers, how many graded, and which rows were not counted and why
 * ("4,372 位客户：已分级 4,338，未分级 34；144,368 行未计入（无客户编号 135,080 行，…）").
 */
import type { GradeResult } from "../engine/grade";
import type { Lang } from "../engine/reasons";
import { reasonText } from "./reasons";

/**
 * The counts line of a result in `lang`, from the catalogue (`counts.*`); returns come last so the
 * rows left out entirely lead.
 *
 * @example countsLine({ graded: 3, ungraded: 1, uncounted: [{ reason: "noId", rows: 2 }] }, "en")
 * // "4 customers: 3 graded, 1 not graded; 2 rows not counted (2 without a customer id)"
 */
export function countsLine(
  result: Pick<GradeResult, "graded" | "ungraded" | "uncounted">,
  lang: Lang,
): string {
  const nf = new Intl.NumberFormat(lang === "zh" ? "zh-CN" : "en-US");
  const groups = [...(result.uncounted ?? [])].sort(
    (a, b) => Number(a.reason === "return") - Number(b.reason === "return") || b.rows - a.rows,
  );
  const rows = groups.reduce((s, g) => s + g.rows, 0);
  const reasons = groups
    .map((g) => reasonText({ code: `counts.${g.reason}`, params: { n: nf.format(g.rows) } }, lang))
    .join(lang === "zh" ? "；" : "; ");
  return reasonText(
    {
      code: "counts.line",
      params: {
        customers: nf.format(result.graded + result.ungraded),
        graded: nf.format(result.graded),
        ungraded: nf.format(result.ungraded),
        rows: rows === 0 ? 0 : nf.format(rows),
        reasons,
      },
    },
    lang,
  );
}
