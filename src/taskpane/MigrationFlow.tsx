import { SankeyChart, type ChartProps } from "@fluentui/react-charts";
import { makeStyles } from "@fluentui/react-components";
import { MIGRATION_SHADES, NO_TIER, type MigrationChart } from "../engine/charts-migration";

const useStyles = makeStyles({
  root: { width: "100%", minWidth: 0 },
});

/** Names of the flow's nodes: a previous tier on the left, a current one on the right. */
export interface MigrationFlowLabels {
  title: string;
  /** Left node of a previous tier key ({@link NO_TIER}: new customers). */
  before: (key: string) => string;
  /** Right node of a current tier key ({@link NO_TIER}: gone). */
  now: (key: string) => string;
}

/**
 * The flow as Sankey data: previous tiers on the left, current ones on the right (only those with
 * customers), a link per non-empty cell of the matrix in its change's deep shade — green up, red down,
 * grey same, blue new, orange gone — so the flow and the matrix colour a move alike.
 *
 * @example migrationFlowData(chart, labels).SankeyChartData?.links.length // chart.flows.length
 */
export function migrationFlowData(chart: MigrationChart, labels: MigrationFlowLabels): ChartProps {
  const used = (side: "from" | "to") => chart.rows.filter((k) => chart.flows.some((f) => f[side] === k));
  const left = used("from");
  const right = used("to");
  const nodes = [
    // New customers come in blue on the left; the gone leave in orange on the right.
    ...left.map((k, i) => ({
      nodeId: i,
      name: labels.before(k),
      color: k === NO_TIER ? MIGRATION_SHADES.new.high : chart.colours[k],
    })),
    ...right.map((k, i) => ({ nodeId: left.length + i, name: labels.now(k), color: chart.colours[k] })),
  ];
  const links = chart.flows.map((f) => ({
    source: left.indexOf(f.from),
    target: left.length + right.indexOf(f.to),
    value: f.customers,
    color: MIGRATION_SHADES[f.change].high,
  }));
  return { chartTitle: labels.title, SankeyChartData: { nodes, links } };
}

export interface MigrationFlowProps {
  chart: MigrationChart;
  labels: MigrationFlowLabels;
}

/**
 * The pane's tier flow: a Fluent UI Sankey chart of the migration chart's links (loaded on demand:
 * the chart library is large). Excel has no Sankey, so the workbook draws the same links as stacked
 * columns; the pane can draw the flow itself.
 */
export default function MigrationFlow({ chart, labels }: MigrationFlowProps) {
  const styles = useStyles();
  return (
    <div className={styles.root} role="img" aria-label={labels.title}>
      <SankeyChart data={migrationFlowData(chart, labels)} height={260} />
    </div>
  );
}
