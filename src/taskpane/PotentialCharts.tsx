import { LineChart, type ChartProps } from "@fluentui/react-charts";
import { makeStyles, Text, tokens } from "@fluentui/react-components";
import type { HoldoutRow, RecencyBucket } from "../engine/clv";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  chart: { width: "100%", minWidth: 0 },
});

/** Names the charts need, from the CLV catalogue. */
export interface PotentialChartLabels {
  aliveTitle: string;
  alive: string;
  recency: string;
  holdoutTitle: string;
  actual: string;
  predicted: string;
  x: string;
}

const COLOURS = { alive: "#1E7B34", actual: "#4472C4", predicted: "#ED7D31" };

/**
 * The two lines of the Potential step: mean P(alive) per recency bucket (x: the bucket's start), and
 * actual against predicted repeat purchases in the holdout per number of calibration purchases
 * (x: 0 … 7, the last being 7+), as Fader, Hardie & Lee (2005, fig. 4) draw it.
 * @example potentialChartData(buckets, holdout, labels).alive.lineChartData[0].data[0] // { x: 0, y: 0.93, … }
 */
export function potentialChartData(
  recency: readonly RecencyBucket[],
  holdout: readonly HoldoutRow[] | undefined,
  labels: PotentialChartLabels,
): { alive: ChartProps; holdout?: ChartProps } {
  const alive: ChartProps = {
    chartTitle: labels.aliveTitle,
    lineChartData: [
      {
        legend: labels.alive,
        color: COLOURS.alive,
        data: recency
          .filter((b) => b.customers > 0)
          .map((b) => ({
            x: b.from,
            y: Math.round(b.meanAlive * 1000) / 1000,
            xAxisCalloutData: `${labels.recency} ${b.from}–${b.to}`,
          })),
      },
    ],
  };
  if (!holdout) return { alive };
  const line = (legend: string, color: string, key: "actual" | "predicted") => ({
    legend,
    color,
    data: holdout.map((r) => ({
      x: r.x,
      y: Math.round(r[key] * 1000) / 1000,
      xAxisCalloutData: `${labels.x} ${r.atLeast ? `${r.x}+` : r.x}`,
    })),
  });
  return {
    alive,
    holdout: {
      chartTitle: labels.holdoutTitle,
      lineChartData: [
        line(labels.actual, COLOURS.actual, "actual"),
        line(labels.predicted, COLOURS.predicted, "predicted"),
      ],
    },
  };
}

export interface PotentialChartsProps {
  recency: readonly RecencyBucket[];
  holdout?: readonly HoldoutRow[];
  labels: PotentialChartLabels;
}

/** Both charts, each a labelled image for a screen reader. */
export default function PotentialCharts({ recency, holdout, labels }: PotentialChartsProps) {
  const styles = useStyles();
  const data = potentialChartData(recency, holdout, labels);
  return (
    <div className={styles.root}>
      <Text weight="semibold">{labels.aliveTitle}</Text>
      <div className={styles.chart} role="img" aria-label={labels.aliveTitle}>
        <LineChart data={data.alive} height={200} yMinValue={0} yMaxValue={1} xAxisTitle={labels.recency} />
      </div>
      {data.holdout && (
        <>
          <Text weight="semibold">{labels.holdoutTitle}</Text>
          <div className={styles.chart} role="img" aria-label={labels.holdoutTitle}>
            <LineChart data={data.holdout} height={200} yMinValue={0} xAxisTitle={labels.x} />
          </div>
        </>
      )}
    </div>
  );
}
