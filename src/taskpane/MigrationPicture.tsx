import { Caption1, makeStyles, Spinner, tokens } from "@fluentui/react-components";
import { lazy, Suspense, type CSSProperties } from "react";
import { NO_TIER, type MigrationCell, type MigrationChart } from "../engine/charts-migration";
import { textOn } from "../engine/colour";
import type { Lang } from "../engine/grade";
import type { Migration } from "../engine/history";
import { migrationText } from "../i18n/migration";

const MigrationFlow = lazy(() => import(/* webpackChunkName: "migration-flow" */ "./MigrationFlow"));

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, minWidth: 0 },
  note: { color: tokens.colorNeutralForeground2 },
});

/**
 * A matrix cell's look in the pane: its class's shade, black or white text by the same WCAG rule the
 * workbook uses, so the pane's matrix and the change log's read alike.
 *
 * @example migrationCellStyle(cell).color // "#FFFFFF" on the deep green of the fullest upgrade
 */
export function migrationCellStyle(cell: MigrationCell): CSSProperties {
  return { backgroundColor: cell.fill, color: textOn(cell.fill) };
}

/** What a cell says to a screen reader: "B to A: 1 customers (up)". */
export function migrationCellLabel(
  migration: Pick<Migration, "from" | "to">,
  chart: MigrationChart,
  k: number,
  lang: Lang,
  change: string,
): string {
  const n = chart.columns.length;
  return migrationText(lang, "migration.cell", {
    from: migration.from[Math.floor(k / n)],
    to: migration.to[k % n],
    n: chart.cells[k].customers,
    change,
  });
}

export interface MigrationFlowSectionProps {
  chart: MigrationChart;
  /** The comparison the chart was made from: its row and column labels name the tiers in `lang`. */
  migration: Pick<Migration, "from" | "to">;
  lang: Lang;
}

/** Under the pane's matrix: what its colours mean, and the flow of customers between the two periods. */
export function MigrationFlowSection({ chart, migration, lang }: MigrationFlowSectionProps) {
  const styles = useStyles();
  const say = (key: Parameters<typeof migrationText>[1], params?: Record<string, string>) =>
    migrationText(lang, key, params);
  const name = (labels: readonly string[]) => (key: string) => labels[chart.rows.indexOf(key)];
  const labels = {
    title: say("migration.flow"),
    before: (key: string) => (key === NO_TIER ? say("migration.newCustomers") : name(migration.from)(key)),
    now: (key: string) => (key === NO_TIER ? say("migration.goneCustomers") : name(migration.to)(key)),
  };
  return (
    <div className={styles.root}>
      <Caption1 className={styles.note}>
        {say("migration.matrixHint")} {say("migration.key")}
      </Caption1>
      {chart.flows.length ? (
        <>
          <Caption1 className={styles.note}>{say("migration.flowHint")}</Caption1>
          <Suspense fallback={<Spinner size="tiny" />}>
            <MigrationFlow chart={chart} labels={labels} />
          </Suspense>
        </>
      ) : (
        <Caption1 className={styles.note}>{say("migration.noFlow")}</Caption1>
      )}
    </div>
  );
}
