import { HorizontalBarChart, type ChartProps } from "@fluentui/react-charts";
import { makeStyles } from "@fluentui/react-components";

const useStyles = makeStyles({
  root: { width: "100%", minWidth: 0 },
});

export interface TierChartProps {
  title: string;
  bars: readonly { tier: string; share: number; colour: string }[];
}

/** Share of sales per tier as horizontal bars (loaded on demand: the chart library is large). */
export default function TierChart({ title, bars }: TierChartProps) {
  const styles = useStyles();
  const data: ChartProps[] = bars.map((b) => ({
    chartTitle: b.tier,
    chartData: [
      {
        legend: b.tier,
        horizontalBarChartdata: { x: Math.round(b.share * 1000) / 10, total: 100 },
        color: b.colour,
      },
    ],
  }));
  return (
    <div className={styles.root} role="img" aria-label={title}>
      <HorizontalBarChart data={data} chartDataMode="percentage" barHeight={10} />
    </div>
  );
}
