import { GroupedVerticalBarChart, type GroupedVerticalBarChartData } from "@fluentui/react-charts";
import { makeStyles } from "@fluentui/react-components";

const useStyles = makeStyles({
  root: { width: "100%", minWidth: 0 },
});

export interface TierChartProps {
  title: string;
  customersLabel: string;
  salesLabel: string;
  bars: readonly { tier: string; share: number; customerShare: number; colour: string }[];
}

const CUSTOMERS_GREY = "#A6A6A6";

const percent = (share: number) => Math.round(share * 1000) / 10;

/**
 * The pane's picture of the tier distribution (the same description as the summary sheet's first
 * chart): per tier, share of customers in grey beside share of sales in the tier's colour, labelled in
 * percent (loaded on demand: the chart library is large).
 */
export default function TierChart({ title, customersLabel, salesLabel, bars }: TierChartProps) {
  const styles = useStyles();
  const data: GroupedVerticalBarChartData[] = bars.map((b) => ({
    name: b.tier,
    series: [
      {
        key: "customers",
        data: percent(b.customerShare),
        // The grey of the summary sheet's chart, so the pane and the workbook draw the same picture.
        color: CUSTOMERS_GREY,
        legend: customersLabel,
        barLabel: `${percent(b.customerShare)}%`,
      },
      {
        key: "sales",
        data: percent(b.share),
        color: b.colour,
        legend: salesLabel,
        barLabel: `${percent(b.share)}%`,
      },
    ],
  }));
  return (
    <div className={styles.root} role="img" aria-label={title}>
      <GroupedVerticalBarChart
        data={data}
        height={240}
        yAxisTickFormat={(v: number) => `${v}%`}
        hideLegend={false}
      />
    </div>
  );
}
