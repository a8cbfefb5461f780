import { HeatMapChart, HorizontalBarChart, VerticalBarChart, type ChartProps } from "@fluentui/react-charts";
import {
  makeStyles,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from "@fluentui/react-components";
import { Component, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import {
  distributionChart,
  type ChartDescription,
  type GridChart,
  type ParetoChart,
  type PyramidChart,
  type RfmChart,
} from "../engine/charts";
import { textOn } from "../engine/colour";
import type { PresentedResult } from "../engine/grade";
import { useI18n } from "../i18n";
import { paneChartT } from "../i18n/pane-charts";
import { percentText } from "../i18n/percent";
import {
  gridTable,
  PARETO_LINE,
  paretoBars,
  paretoDecileTable,
  paretoZoneTable,
  pyramidRows,
  rfmHeat,
  rfmScale,
  rfmTable,
  segmentRows,
  tierTable,
  type ChartWords,
  type TextTable,
} from "./kind-chart-data";

const useStyles = makeStyles({
  figure: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, minWidth: 0, margin: 0 },
  chart: { width: "100%", minWidth: 0 },
  details: { fontSize: tokens.fontSizeBase200 },
  summary: { cursor: "pointer", color: tokens.colorBrandForegroundLink },
  num: { textAlign: "end", fontVariantNumeric: "tabular-nums" },
  axes: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  grid: {
    display: "grid",
    gridTemplateColumns: "auto repeat(3, minmax(0, 1fr))",
    gap: tokens.spacingHorizontalXXS,
    fontSize: tokens.fontSizeBase200,
  },
  head: { textAlign: "center", fontWeight: tokens.fontWeightSemibold, alignSelf: "center" },
  cell: {
    display: "flex",
    flexDirection: "column",
    alignItems: "center",
    justifyContent: "center",
    minHeight: "64px",
    padding: tokens.spacingHorizontalXS,
    borderRadius: tokens.borderRadiusSmall,
    textAlign: "center",
    overflowWrap: "anywhere",
    border: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  key: { fontWeight: tokens.fontWeightBold },
});

/** The width of an element, followed as it changes (the Pareto bars are as wide as the plot allows). */
function useWidth<T extends HTMLElement>(): [React.RefObject<T | null>, number] {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(320);
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver(() => setWidth(el.clientWidth || 320));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return [ref, width];
}

/**
 * Keeps the result card when the chart library fails to draw (it measures SVG text, which a browser
 * without layout cannot): the picture is left out and its table still says every number. Without it,
 * an error in one chart would unmount the whole pane.
 */
class ChartBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override render() {
    return this.state.failed ? null : this.props.children;
  }
}

/** A chart's text alternative: a table behind a disclosure, named by its caption. */
function ChartTableAlt({ table, label }: { table: TextTable; label: string }) {
  const styles = useStyles();
  return (
    <details className={styles.details}>
      <summary className={styles.summary}>{label}</summary>
      <Table size="extra-small" aria-label={table.caption}>
        <TableHeader>
          <TableRow>
            {table.head.map((h, i) => (
              <TableHeaderCell key={i} className={i ? styles.num : undefined}>
                {h}
              </TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {table.rows.map((row, r) => (
            <TableRow key={r}>
              {row.map((c, i) => (
                <TableCell key={i} className={i ? styles.num : undefined}>
                  {c}
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </details>
  );
}

/** A caption, the picture (an image named by the caption) and its tables. */
function Figure({
  title,
  tables,
  children,
  showTable,
}: {
  title: string;
  tables: readonly TextTable[];
  children: React.ReactNode;
  showTable: (caption: string) => string;
}) {
  const styles = useStyles();
  return (
    <figure className={styles.figure}>
      <Text as="h3" weight="semibold">
        {title}
      </Text>
      <div className={styles.chart} role="img" aria-label={title}>
        <ChartBoundary>{children}</ChartBoundary>
      </div>
      {tables.map((t, i) => (
        <ChartTableAlt key={i} table={t} label={showTable(t.caption)} />
      ))}
    </figure>
  );
}

function Pareto({
  chart,
  result,
  words,
}: {
  chart: ParetoChart;
  result: PresentedResult;
  words: ChartWords;
}) {
  const [ref, width] = useWidth<HTMLDivElement>();
  const bars = useMemo(() => paretoBars(chart, words), [chart, words]);
  // The plot is the width less both axes (about 100 px); a bar per point, a pixel at least.
  const barWidth = Math.max(1, Math.floor(((width - 100) / bars.length) * 0.9));
  const title = words.t(chart.perPercentile ? "charts.paretoPercentileTitle" : "charts.paretoTitle");
  const zones = paretoZoneTable(chart, distributionChart(result).tiers, words);
  return (
    <Figure
      title={title}
      tables={[zones, paretoDecileTable(chart, words)]}
      showTable={(caption) => words.t("charts.showTable", { caption })}
    >
      <div ref={ref}>
        <VerticalBarChart
          data={bars}
          height={240}
          barWidth={barWidth}
          hideLabels
          // At 350 px the three zones and the line do not fit one row: wrap rather than "+3 more".
          enabledLegendsWrapLines
          lineLegendText={words.t("charts.cumulative")}
          lineLegendColor={PARETO_LINE}
          secondaryYScaleOptions={{ yMinValue: 0, yMaxValue: 100 }}
          secondaryYAxistitle={words.t("charts.cumulative")}
          tickFormat=".0%"
          tickValues={[0.2, 0.4, 0.6, 0.8, 1]}
          xAxisTitle={words.t("charts.customersAxis")}
          yAxisTickFormat={(v: number) => words.number(v)}
          xMinValue={0}
          xMaxValue={1}
        />
      </div>
    </Figure>
  );
}

function Pyramid({ chart, words }: { chart: PyramidChart; words: ChartWords }) {
  const rows = useMemo(() => pyramidRows(chart, words), [chart, words]);
  const title = words.t("charts.pyramidTitle");
  return (
    <Figure
      title={title}
      tables={[tierTable(title, chart.levels, words)]}
      showTable={(caption) => words.t("charts.showTable", { caption })}
    >
      {/* The level captions name every bar: no legend (the spacers would list as empty names). */}
      <HorizontalBarChart data={rows} barHeight={20} chartDataMode="hidden" legendProps={{ legends: [] }} />
    </Figure>
  );
}

function Grid({ chart, result, words }: { chart: GridChart; result: PresentedResult; words: ChartWords }) {
  const styles = useStyles();
  const { pick } = useI18n();
  const rs = result.ruleSet as {
    x?: { name: { zh: string; en: string } };
    y?: { name: { zh: string; en: string } };
  };
  const title = words.t("charts.gridTitle");
  const n = chart.columns.length;
  return (
    <Figure
      title={title}
      tables={[gridTable(chart, words)]}
      showTable={(caption) => words.t("charts.showTable", { caption })}
    >
      <Text className={styles.axes} block>
        {words.t("charts.gridAxes", { x: rs.x ? pick(rs.x.name) : "X", y: rs.y ? pick(rs.y.name) : "Y" })}
      </Text>
      {/* Nine labelled cells, each with three lines (cell, customers, visits): a CSS grid, since
          Fluent's HeatMapChart writes one line of text per cell and names an empty cell in English. */}
      <div className={styles.grid}>
        <span />
        {chart.columns.map((c) => (
          <span key={c} className={styles.head}>
            {c}
          </span>
        ))}
        {chart.rows.map((r, i) => [
          <span key={r} className={styles.head}>
            {r}
          </span>,
          ...chart.columns.map((_, j) => {
            const cell = chart.cells[i * n + j];
            const name = words.tier(cell.key);
            return (
              <div
                key={cell.key}
                className={styles.cell}
                style={{ backgroundColor: cell.fill, color: textOn(cell.fill) }}
                data-cell={cell.key}
              >
                <span className={styles.key}>{cell.key}</span>
                {name !== cell.key && <span>{name}</span>}
                <span>{words.t("charts.gridCustomers", { n: words.number(cell.customers) })}</span>
                {Number.isFinite(cell.value) && (
                  <span>{words.t("charts.gridVisits", { n: words.number(cell.value) })}</span>
                )}
              </div>
            );
          }),
        ])}
      </div>
    </Figure>
  );
}

function Rfm({
  chart,
  words,
  compact,
}: {
  chart: RfmChart;
  words: ChartWords;
  compact: (x: number) => string;
}) {
  const heat = useMemo(() => rfmHeat(chart, words, compact), [chart, words, compact]);
  const scale = rfmScale(chart);
  const segments: ChartProps[] = useMemo(() => segmentRows(chart, words), [chart, words]);
  const segTitle = words.t("charts.segmentsTitle");
  return (
    <>
      <Figure
        title={words.t("charts.rfmTitle")}
        tables={[rfmTable(chart, words)]}
        showTable={(caption) => words.t("charts.showTable", { caption })}
      >
        <HeatMapChart
          data={heat}
          domainValuesForColorScale={scale.domain}
          rangeValuesForColorScale={scale.range}
          height={260}
          hideLegend
          xAxisTitle={words.t("charts.rfmF")}
          yAxisTitle={words.t("charts.rfmR")}
          sortOrder="none"
        />
      </Figure>
      <Figure
        title={segTitle}
        tables={[tierTable(segTitle, chart.segments, words)]}
        showTable={(caption) => words.t("charts.showTable", { caption })}
      >
        <HorizontalBarChart data={segments} barHeight={12} chartDataMode="default" />
      </Figure>
    </>
  );
}

export interface KindChartProps {
  chart: ChartDescription;
  result: PresentedResult;
}

/**
 * The pane's picture of a policy's own chart, from the same description the summary sheet draws
 * (`chartsOf`): the Pareto bars in their zone's colour with the cumulative share (customer axis in
 * percent), the pyramid as centred bars, the nine-grid as a 3 × 3 of shaded cells with visits, the
 * R × F heat map of mean monetary value with the segment sizes. Each has a caption, is an image named
 * by it, and has its numbers as a table. Loaded on demand with the tier chart (the library is large).
 */
export default function KindChart({ chart, result }: KindChartProps) {
  const { locale, lang, pick } = useI18n();
  const words = useMemo<ChartWords>(() => {
    const names = new Map(result.tiers.map((t) => [t.key, pick(t.name)]));
    const nf = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
    return {
      t: paneChartT(locale),
      tier: (key) => names.get(key) ?? key,
      number: (x) => nf.format(x),
      share: (x) => percentText(x, lang),
    };
  }, [result, locale, lang, pick]);
  // Whole units in a heat map cell (its shade is what is read); 1.2万 / 12K from ten thousand on.
  const compact = useMemo(() => {
    const whole = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
    const cf = new Intl.NumberFormat(locale, { notation: "compact", maximumFractionDigits: 1 });
    return (x: number) => (Math.abs(x) < 10_000 ? whole.format(x) : cf.format(x));
  }, [locale]);
  switch (chart.kind) {
    case "pareto":
      return <Pareto chart={chart} result={result} words={words} />;
    case "pyramid":
      return <Pyramid chart={chart} words={words} />;
    case "grid":
      return <Grid chart={chart} result={result} words={words} />;
    case "rfm":
      return <Rfm chart={chart} words={words} compact={compact} />;
    default:
      return null;
  }
}
