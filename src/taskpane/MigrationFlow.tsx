import { VerticalStackedBarChart, type VerticalStackedChartProps } from "@fluentui/react-charts";
import { makeStyles } from "@fluentui/react-components";
import type { MigrationChart } from "../engine/charts-migration";

const useStyles = makeStyles({
  root: { width: "100%", minWidth: 0 },
});

/** Names of the flow's parts: a column per previous tier, a part per current tier. */
export interface MigrationFlowLabels {
  title: string;
  /** A column: the previous tier of a key ({@link NO_TIER}: new customers). */
  before: (key: string) => string;
  /** A part of a column (and the legend): the current tier of a key ({@link NO_TIER}: gone). */
  now: (key: string) => string;
}

/**
 * The flow as the workbook draws it: a column per previous tier (and one for new customers), split by
 * where those customers are now, each part in the current tier's colour (orange: gone) — the same
 * stacked columns as the change log's chart, read from the same non-empty cells of the matrix.
 *
 * @example migrationFlowData(chart, labels).map((c) => c.xAxisPoint) // one per previous tier with customers
 */
export function migrationFlowData(
  chart: MigrationChart,
  labels: MigrationFlowLabels,
): VerticalStackedChartProps[] {
  return chart.rows
    .filter((from) => chart.flows.some((f) => f.from === from))
    .map((from) => ({
      xAxisPoint: labels.before(from),
      chartData: chart.flows
        .filter((f) => f.from === from)
        .map((f) => ({ legend: labels.now(f.to), data: f.customers, color: chart.colours[f.to] })),
    }));
}

export interface MigrationFlowProps {
  chart: MigrationChart;
  labels: MigrationFlowLabels;
}

/**
 * The pane's tier flow (loaded on demand: the chart library is large). Stacked columns rather than
 * Fluent's SankeyChart: its nodes are a fixed 124 px wide, so at the task pane's 350 px the two
 * columns of nodes overlap and the links vanish (tried: the screenshot showed it), while columns read
 * at any width and match the workbook's chart.
 */
export default function MigrationFlow({ chart, labels }: MigrationFlowProps) {
  const styles = useStyles();
  return (
    <div className={styles.root} role="img" aria-label={labels.title}>
      <VerticalStackedBarChart
        data={migrationFlowData(chart, labels)}
        height={240}
        barWidth="auto"
        maxBarWidth={36}
        hideLegend={false}
        // Wrapped rather than folded behind a "+2 more" button the catalogue does not word.
        legendProps={{ enabledWrapLines: true, allowFocusOnLegends: true }}
      />
    </div>
  );
}
