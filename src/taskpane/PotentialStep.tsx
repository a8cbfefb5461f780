import {
  Button,
  Checkbox,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
  Spinner,
} from "@fluentui/react-components";
import { lazy, Suspense, useState } from "react";
import {
  aliveByRecency,
  ordersFromTable,
  potentialByTier,
  runPotential,
  YEAR_IN_UNITS,
  type ClvUnit,
  type HoldoutRow,
  type RecencyBucket,
  type TierPotential,
} from "../engine/clv";
import { parseIsoDay } from "../engine/dates";
import { TierError } from "../engine/errors";
import type { Role } from "../engine/headers";
import type { Lang } from "../engine/reasons";
import { tableFromRows, type SheetTable } from "../engine/table";
import { clvText } from "../i18n/clv";
import { reasonText } from "../i18n/reasons";
import type { WorkbookHost } from "../workbook/host";
import { writePotential } from "../workbook/write-potential";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  fill: { minWidth: 0, width: "100%" },
  scroll: { overflowX: "auto", minWidth: 0 },
  num: { textAlign: "end", fontVariantNumeric: "tabular-nums" },
  note: { color: tokens.colorNeutralForeground2 },
});

export interface PotentialStepProps {
  host: WorkbookHost;
  /** The sheet as graded: its orders are read again here. */
  table: SheetTable;
  /** Column of each role as the Data step settled it. */
  roles: Partial<Record<Role, number>>;
  lang: Lang;
  /** The graded result the step follows: the potential of each of its tiers is summed up. */
  graded?: GradedTiers;
  /** Switches the pane to a sheet graded on the nine-grid (the Potential sheet with its grid columns). */
  onGradeGrid?: (sheet: string) => void;
}

/** A graded result as the Potential step reads it: customer ids, their tier keys, the tiers' names. */
export interface GradedTiers {
  policy: string;
  ids: readonly unknown[];
  tiers: readonly (string | null)[];
  names: readonly { key: string; name: string }[];
}

// The chart library is large: loaded when the first result is shown.
const PotentialCharts = lazy(() => import(/* webpackChunkName: "potential-charts" */ "./PotentialCharts"));

type Done = {
  state: "done";
  message: string;
  warnings: string[];
  holdout?: HoldoutRow[];
  recency: RecencyBucket[];
  unit: ClvUnit;
  byTier?: (TierPotential & { name: string })[];
  sheet: string;
  grid: boolean;
};

type Outcome = { state: "idle" } | { state: "running" } | { state: "error"; message: string } | Done;

const UNITS: ClvUnit[] = ["week", "month", "day"];

/** `10%` or `0.1` as a rate; undefined when it is not one. */
function rateOf(text: string): number | undefined {
  const t = text.trim();
  if (t === "") return 0;
  const v = t.endsWith("%") ? Number(t.slice(0, -1)) / 100 : Number(t);
  return Number.isFinite(v) && v > -1 ? v : undefined;
}

/** Whether a row array is sparse (rows left out as holes). */
function hasHoles(rows: readonly unknown[]): boolean {
  for (let i = 0; i < rows.length; i++) if (!(i in rows)) return true;
  return false;
}

function dayOf(text: string): number | null | undefined {
  if (text.trim() === "") return null;
  try {
    return parseIsoDay(text);
  } catch {
    return undefined;
  }
}

/**
 * The pane's Potential step: P(alive), expected purchases, expected spend and CLV per customer from the
 * graded sheet's orders, written to two sheets of their own, with the calibration/holdout check shown.
 */
export function PotentialStep({ host, table, roles, lang, graded, onGradeGrid }: PotentialStepProps) {
  const styles = useStyles();
  const t = (key: Parameters<typeof clvText>[0], params?: Record<string, string | number>) =>
    clvText(key, lang, params);
  const [end, setEnd] = useState("");
  const [unit, setUnit] = useState<ClvUnit>("week");
  const [horizon, setHorizon] = useState("");
  const [discount, setDiscount] = useState("");
  const [grid, setGrid] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>({ state: "idle" });

  const endDay = dayOf(end);
  const horizonValue = horizon.trim() === "" ? YEAR_IN_UNITS[unit] : Number(horizon);
  const horizonOk = Number.isFinite(horizonValue) && horizonValue > 0;
  const rate = rateOf(discount);
  const valid = endDay !== undefined && horizonOk && rate !== undefined;

  const run = async () => {
    if (!valid) return;
    setOutcome({ state: "running" });
    try {
      const overrides: Record<string, string> = {};
      for (const [role, col] of Object.entries(roles))
        if (typeof col === "number") overrides[role] = table.headers[col];
      // The standalone page's worker sends back one row per graded customer, not every order line:
      // the models count every purchase, so such a table is read again from the workbook.
      let source = table;
      if (hasHoles(table.rows)) {
        const read = await host.readSheet(table.sheetName);
        source = tableFromRows(read.rows, read.date1904, table.sheetName, read.top);
      }
      const orders = ordersFromTable(source, overrides);
      const result = runPotential(
        { customerId: orders.ids, day: orders.days, amount: orders.amounts },
        orders.hasAmount,
        { calibrationEnd: endDay ?? undefined, unit, horizon: horizonValue, discount: rate },
      );
      const byTier = graded
        ? potentialByTier(
            graded.ids,
            graded.tiers,
            graded.names.map((x) => x.key),
            { customerId: result.summary.customerId, pAlive: result.scores.pAlive, clv: result.scores.clv },
          ).map((r) => ({ ...r, name: graded.names.find((x) => x.key === r.tier)?.name ?? r.tier }))
        : undefined;
      const sheets = await writePotential(host, result, lang, {
        grid,
        byTier: byTier && graded ? { policy: graded.policy, rows: byTier } : undefined,
      });
      const n = result.summary.customerId.length;
      let alive = 0;
      let clv = 0;
      for (let i = 0; i < n; i++) {
        alive += result.scores.pAlive[i] / n;
        if (Number.isFinite(result.scores.clv[i])) clv += result.scores.clv[i];
      }
      setOutcome({
        state: "done",
        message: t("paneWritten", {
          customers: n,
          sheet: sheets.customers,
          model: sheets.model,
          alive: alive.toFixed(2),
          clv: Math.round(clv).toLocaleString(lang === "zh" ? "zh-CN" : "en-US"),
        }),
        warnings: result.warnings.map((w) => reasonText(w, lang)),
        holdout: result.holdout,
        recency: aliveByRecency(result.summary, result.scores.pAlive),
        unit,
        byTier,
        sheet: sheets.customers,
        grid,
      });
    } catch (e) {
      const reason =
        e instanceof TierError ? reasonText(e, lang) : e instanceof Error ? e.message : String(e);
      setOutcome({ state: "error", message: t("paneFailed", { reason }) });
    }
  };

  return (
    <div className={styles.root}>
      <Text className={styles.note}>{t("paneIntro")}</Text>
      <Field
        label={t("paneCalibrationEnd")}
        hint={t("paneCalibrationEndHint")}
        validationState={endDay === undefined ? "error" : "none"}
      >
        <Input
          className={styles.fill}
          value={end}
          onChange={(_, d) => setEnd(d.value)}
          placeholder="YYYY-MM-DD"
        />
      </Field>
      <Field label={t("paneUnit")}>
        <RadioGroup layout="horizontal" value={unit} onChange={(_, d) => setUnit(d.value as ClvUnit)}>
          {UNITS.map((u) => (
            <Radio key={u} value={u} label={t(u)} />
          ))}
        </RadioGroup>
      </Field>
      <Field
        label={t("paneHorizon")}
        hint={t("paneHorizonHint")}
        validationState={horizonOk ? "none" : "error"}
      >
        <Input
          className={styles.fill}
          value={horizon}
          onChange={(_, d) => setHorizon(d.value)}
          placeholder={String(YEAR_IN_UNITS[unit])}
        />
      </Field>
      <Field
        label={t("paneDiscount")}
        hint={t("paneDiscountHint")}
        validationState={rate === undefined ? "error" : "none"}
      >
        <Input
          className={styles.fill}
          value={discount}
          onChange={(_, d) => setDiscount(d.value)}
          placeholder="0%"
        />
      </Field>
      <Checkbox checked={grid} onChange={(_, d) => setGrid(d.checked === true)} label={t("paneGrid")} />
      <div>
        <Button
          appearance="primary"
          disabled={!valid || outcome.state === "running"}
          onClick={() => void run()}
        >
          {outcome.state === "running" ? t("paneRunning") : t("paneRun")}
        </Button>
      </div>
      {!valid && <Text className={styles.note}>{t("paneInvalid")}</Text>}
      {outcome.state === "error" && (
        <MessageBar intent="error">
          <MessageBarBody>{outcome.message}</MessageBarBody>
        </MessageBar>
      )}
      {outcome.state === "done" && (
        <>
          <MessageBar intent="success">
            <MessageBarBody>{outcome.message}</MessageBarBody>
          </MessageBar>
          {outcome.warnings.map((w) => (
            <MessageBar key={w} intent="warning">
              <MessageBarBody>{w}</MessageBarBody>
            </MessageBar>
          ))}
          {outcome.holdout && (
            <div className={styles.scroll}>
              <Table size="extra-small" aria-label={t("holdoutX")}>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell>{t("holdoutX")}</TableHeaderCell>
                    <TableHeaderCell className={styles.num}>{t("holdoutCustomers")}</TableHeaderCell>
                    <TableHeaderCell className={styles.num}>{t("holdoutActual")}</TableHeaderCell>
                    <TableHeaderCell className={styles.num}>{t("holdoutPredicted")}</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {outcome.holdout.map((r) => (
                    <TableRow key={r.x}>
                      <TableCell>{r.atLeast ? `${r.x}+` : r.x}</TableCell>
                      <TableCell className={styles.num}>{r.customers}</TableCell>
                      <TableCell className={styles.num}>{r.actual.toFixed(2)}</TableCell>
                      <TableCell className={styles.num}>{r.predicted.toFixed(2)}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </div>
          )}
          {outcome.byTier && graded && (
            <div className={styles.scroll}>
              <Table size="extra-small" aria-label={t("paneByTier", { policy: graded.policy })}>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell>{t("byTierTier")}</TableHeaderCell>
                    <TableHeaderCell className={styles.num}>{t("holdoutCustomers")}</TableHeaderCell>
                    <TableHeaderCell className={styles.num}>{t("byTierAlive")}</TableHeaderCell>
                    <TableHeaderCell className={styles.num}>{t("byTierClv")}</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {outcome.byTier.map((r) => (
                    <TableRow key={r.tier}>
                      <TableCell>{r.name}</TableCell>
                      <TableCell className={styles.num}>{r.customers}</TableCell>
                      <TableCell className={styles.num}>
                        {Number.isFinite(r.meanAlive) ? r.meanAlive.toFixed(2) : ""}
                      </TableCell>
                      <TableCell className={styles.num}>
                        {Number.isFinite(r.meanClv) ? r.meanClv.toFixed(2) : ""}
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </div>
          )}
          {outcome.grid && onGradeGrid && (
            <div>
              <Button onClick={() => onGradeGrid(outcome.sheet)}>
                {t("paneGridGrade", { sheet: outcome.sheet })}
              </Button>
            </div>
          )}
          <Suspense fallback={<Spinner size="tiny" />}>
            <PotentialCharts
              recency={outcome.recency}
              holdout={outcome.holdout}
              labels={{
                aliveTitle: t("chartAliveTitle", { unit: t(outcome.unit) }),
                alive: t("chartAlive"),
                recency: t("chartRecency", { unit: t(outcome.unit) }),
                holdoutTitle: t("chartHoldoutTitle"),
                actual: t("holdoutActual"),
                predicted: t("holdoutPredicted"),
                x: t("holdoutX"),
              }}
            />
          </Suspense>
        </>
      )}
    </div>
  );
}
