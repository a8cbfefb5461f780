import {
  Caption1,
  Card,
  Link,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Spinner,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from "@fluentui/react-components";
import { lazy, Suspense, useMemo } from "react";
import { chartsOf } from "../engine/charts";
import type { PresentedResult, Problem } from "../engine/grade";
import { reasonText } from "../i18n/reasons";
import { countsLine } from "../i18n/counts";
import { percentText } from "../i18n/percent";
import { useI18n } from "../i18n";

const TierChart = lazy(() => import(/* webpackChunkName: "tier-chart" */ "./TierChart"));
// In the tier chart's chunk, so the pane's preload of that chunk brings it too.
const KindChart = lazy(() => import(/* webpackChunkName: "tier-chart" */ "./KindChart"));

const useStyles = makeStyles({
  card: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  table: { width: "100%" },
  num: { textAlign: "end", fontVariantNumeric: "tabular-nums" },
  swatch: {
    display: "inline-block",
    width: tokens.spacingHorizontalS,
    height: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusSmall,
    marginInlineEnd: tokens.spacingHorizontalXS,
  },
  problems: {
    margin: 0,
    padding: 0,
    listStyleType: "none",
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    maxHeight: "200px",
    overflowY: "auto",
  },
  note: { color: tokens.colorNeutralForeground2 },
  problem: { display: "block", textAlign: "start" },
});

/** At most this many problem rows are listed in the pane; the summary sheet has the rest. */
const SHOWN_PROBLEMS = 50;

export interface ResultCardProps {
  result: PresentedResult;
  /** What was written where, in words. */
  written?: string;
  onProblem: (problem: Problem) => void;
}

/** Customers and share of sales per tier, a bar chart, and the rows that got no tier (each clickable). */
export function ResultCard({ result, written, onProblem }: ResultCardProps) {
  const styles = useStyles();
  const { t, locale, lang } = useI18n();
  const pct = (x: number) => percentText(x, lang);
  const nf = new Intl.NumberFormat(locale);
  // The tier colours are the ones written into the workbook, so the pane and the sheet agree.
  const colour = (i: number) => result.tiers[i]?.colour ?? "#7F7F7F";
  const hasSales = result.summary.some((s) => s.amount !== 0);
  // The policy's own chart (Pareto, pyramid, nine-grid, R × F), from the summary sheet's description.
  const own = useMemo(() => chartsOf(result).filter((c) => c.kind !== "distribution"), [result]);
  return (
    <Card className={styles.card} role="region" aria-label={t("result.title")}>
      <Subtitle2 as="h2">{t("result.title")}</Subtitle2>
      <Text role="status">{countsLine(result, lang)}</Text>
      {/* A fitted model that does not fit these customers (the clv policy): said before the tiers. */}
      {result.warningTexts?.map((w) => (
        <MessageBar key={w} intent="warning">
          <MessageBarBody>{w}</MessageBarBody>
        </MessageBar>
      ))}
      <Table size="extra-small" className={styles.table} aria-label={t("result.title")}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{t("result.tier")}</TableHeaderCell>
            <TableHeaderCell className={styles.num}>{t("result.customers")}</TableHeaderCell>
            {hasSales && <TableHeaderCell className={styles.num}>{t("result.salesShare")}</TableHeaderCell>}
          </TableRow>
        </TableHeader>
        <TableBody>
          {result.summary.map((s, i) => (
            <TableRow key={s.tier}>
              <TableCell>
                <span className={styles.swatch} style={{ backgroundColor: colour(i) }} aria-hidden />
                {s.tier}
              </TableCell>
              <TableCell className={styles.num}>{nf.format(s.customers)}</TableCell>
              {hasSales && <TableCell className={styles.num}>{pct(s.amountShare)}</TableCell>}
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {hasSales && (
        <Suspense fallback={<Spinner size="tiny" label={t("result.chartLoading")} />}>
          <TierChart
            title={t("result.distributionTitle")}
            customersLabel={t("result.customerShare")}
            salesLabel={t("result.salesShare")}
            bars={result.summary.map((s, i) => ({
              tier: s.tier,
              share: s.amountShare,
              customerShare: s.customerShare,
              colour: colour(i),
            }))}
          />
        </Suspense>
      )}
      {own.length > 0 && (
        <Suspense fallback={<Spinner size="tiny" label={t("result.chartLoading")} />}>
          {own.map((c) => (
            <KindChart key={c.kind} chart={c} result={result} />
          ))}
        </Suspense>
      )}
      {written && <Caption1 className={styles.note}>{written}</Caption1>}
      {result.problems.length > 0 && (
        <section aria-label={t("result.problems")}>
          <Subtitle2 as="h3">{t("result.problems")}</Subtitle2>
          <ul className={styles.problems}>
            {result.problems.slice(0, SHOWN_PROBLEMS).map((p, i) => (
              <li key={i}>
                <Link as="button" className={styles.problem} onClick={() => onProblem(p)}>
                  {p.column
                    ? t("result.problem", { row: p.row, column: p.column, reason: reasonText(p, lang) })
                    : t("result.problemNoColumn", { row: p.row, reason: reasonText(p, lang) })}
                </Link>
              </li>
            ))}
          </ul>
          {result.problems.length > SHOWN_PROBLEMS && (
            <Caption1>{t("result.moreProblems", { n: result.problems.length - SHOWN_PROBLEMS })}</Caption1>
          )}
        </section>
      )}
    </Card>
  );
}
