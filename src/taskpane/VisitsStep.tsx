import {
  Button,
  Caption1,
  Checkbox,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  SpinButton,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  Textarea,
  tokens,
} from "@fluentui/react-components";
import { CalendarLtrRegular, DocumentTableArrowRightRegular } from "@fluentui/react-icons";
import { useMemo, useState } from "react";
import { civilFromDay, formatDay, todayDay } from "../engine/dates";
import { TierError } from "../engine/errors";
import { mergeHolidays, parseHolidays, type HolidayList } from "../engine/holidays";
import { CHINA_YEARS, chinaHolidays } from "../engine/holidays-cn";
import type { Lang, PresentedResult } from "../engine/grade";
import { errorText } from "../i18n/result";
import type { RuleSet } from "../engine/ruleset";
import type { SheetTable } from "../engine/table";
import {
  planVisits,
  visitCustomers,
  visitsPerTier,
  workingDays,
  type PlanSummary,
  type VisitCustomer,
  type VisitPlan,
  type WeekPattern,
} from "../engine/visits";
import { journeyT } from "../i18n/journey";
import { visitsHistoryT, type VisitsHistoryT } from "../i18n/visits-history";
import { readText } from "../engine/values";
import { MANAGER_LOAD } from "./policy-needs";
import type { WorkbookHost } from "../workbook/host";
import { writePlan } from "../workbook/write-plan";
import { writeTargets } from "../workbook/write-targets";
import { planRanges, type RangedPlan } from "../engine/visit-ranges";
import { targetList } from "../engine/targets";
import { reasonText } from "../i18n/reasons";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  tiers: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(120px, 1fr))",
    gap: tokens.spacingHorizontalS,
  },
  fill: { minWidth: 0, width: "100%" },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  summary: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
    minWidth: 0,
  },
  scroll: { overflowX: "auto", minWidth: 0 },
  num: { textAlign: "end", fontVariantNumeric: "tabular-nums" },
  note: { color: tokens.colorNeutralForeground2 },
});

/** The visit counts a SpinButton accepts: a month never has more than 31 working days. */
const MAX_VISITS = 31;

const tick = () => new Promise<void>((resolve) => setTimeout(resolve));

/** `YYYY-MM` of the month after `day`: the month a plan is usually made for. */
export function nextMonth(day: number): string {
  const [y, m] = civilFromDay(day);
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, "0")}`;
}

function parseMonth(text: string): [number, number] | null {
  const m = /^(\d{4})-(\d{1,2})$/.exec(text.trim());
  return m && +m[2] >= 1 && +m[2] <= 12 ? [+m[1], +m[2]] : null;
}

/** The holiday box through the engine's one holiday parser; the first bad line as a value, not a throw. */
function readHolidayText(text: string): HolidayList | { line: number; text: string } {
  try {
    return parseHolidays(text);
  } catch (e) {
    if (e instanceof TierError && e.code === "holidays.notADate")
      return { line: Number(e.params.line), text: String(e.params.text) };
    throw e;
  }
}

export interface VisitsStepProps {
  host: WorkbookHost;
  /** The table `result` was graded from (the manager, area and route columns are read from it). */
  table: SheetTable;
  result: PresentedResult;
  ruleSet: RuleSet;
  /** Engine language: tier names, sheet names and headers. */
  lang: Lang;
  /** Translate; this step's own catalogue in `lang` when absent. */
  t?: VisitsHistoryT;
  /** Today as a day number (tests pin it); the clock's today otherwise. */
  today?: number;
  /** The preset graded with, when one was: its customers-per-manager limit is checked. */
  policy?: string;
}

type Busy = "idle" | "planning" | "writing";

interface Planned {
  result: PresentedResult;
  month: string;
  plan: VisitPlan;
  customers: VisitCustomer[];
  /** Visit ranges (pharma): the capacity used and the priority coverage, when the policy has ranges. */
  ranged?: RangedPlan;
}

/**
 * The Visits step: a month's working days, visits a month per tier and an optional daily capacity,
 * then a plan (engine `planVisits`) with its summary, written to the plan and summary sheets.
 */
export function VisitsStep({ host, table, result, ruleSet, lang, t: given, today, policy }: VisitsStepProps) {
  const styles = useStyles();
  const t = useMemo(() => given ?? visitsHistoryT(lang === "zh" ? "zh-CN" : "en-US"), [given, lang]);
  const tj = useMemo(() => journeyT(lang === "zh" ? "zh-CN" : "en-US"), [lang]);
  // Warnings before planning: no manager column (every visit would go to one unnamed manager), and
  // managers with more customers than the policy allows one person.
  const noManager = result.mapping.manager === undefined;
  const overLoaded = useMemo(() => {
    const load = policy ? MANAGER_LOAD[policy] : undefined;
    if (!load || noManager) return [];
    const col = table.headers.indexOf(result.mapping.manager);
    const count = new Map<string, number>();
    result.columns.tier.forEach((tier, i) => {
      if (tier === null || tier === undefined) return;
      const row = table.rows[result.sourceRow[i] - table.headerRow - 2] ?? [];
      const m = readText(row[col]);
      if (m) count.set(m, (count.get(m) ?? 0) + 1);
    });
    return [...count]
      .filter(([, n]) => n > load.max)
      .map(([manager, customers]) => ({ manager, customers, max: load.max }));
  }, [policy, noManager, table, result]);
  const [month, setMonth] = useState(() => nextMonth(today ?? todayDay()));
  const [week, setWeek] = useState<WeekPattern>("mon-fri");
  const [holidayText, setHolidayText] = useState("");
  // China's holidays and 调休 are on by default in Chinese; the user's own list goes on top of them.
  const [china, setChina] = useState(lang === "zh");
  // Edits belong to the result they were made for: a new grading starts from the policy's defaults.
  const [edits, setEdits] = useState<{ result: PresentedResult; visits: Record<string, number | null> }>({
    result,
    visits: {},
  });
  const [capacityText, setCapacityText] = useState("");
  const [busy, setBusy] = useState<Busy>("idle");
  const [planned, setPlanned] = useState<Planned | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [written, setWritten] = useState<{ planSheet: string; summarySheet: string } | null>(null);

  const tiers = result.summary;
  const defaults = useMemo(
    () =>
      visitsPerTier(
        ruleSet,
        lang,
        tiers.map((s) => s.tier),
      ),
    [ruleSet, lang, tiers],
  );
  const visits = useMemo(() => {
    const own = edits.result === result ? edits.visits : {};
    return Object.fromEntries(tiers.map((s) => [s.tier, s.tier in own ? own[s.tier] : defaults[s.tier]]));
  }, [edits, result, tiers, defaults]);
  const badVisits = (v: number | null | undefined) =>
    v === null || v === undefined || !Number.isInteger(v) || v < 0 || v > MAX_VISITS;

  const ym = useMemo(() => parseMonth(month), [month]);
  const own = useMemo(() => readHolidayText(holidayText), [holidayText]);
  const calendar = useMemo(() => (ym && china ? chinaHolidays(ym[0], ym[1]) : null), [ym, china]);
  const holidays = useMemo<HolidayList | null>(
    () => ("line" in own ? null : calendar ? mergeHolidays(calendar, own) : own),
    [own, calendar],
  );
  const days = useMemo(
    () => (ym && holidays ? workingDays(ym[0], ym[1], { days: week, ...holidays }) : null),
    [ym, week, holidays],
  );
  const capacity = capacityText.trim() === "" ? undefined : Number(capacityText.trim());
  const capacityBad = capacity !== undefined && !(Number.isInteger(capacity) && capacity >= 1);
  const valid = !!days && !capacityBad && tiers.every((s) => !badVisits(visits[s.tier]));

  // Any change to the inputs makes the shown plan stale: it is dropped rather than written by mistake.
  const changed = () => {
    setPlanned(null);
    setWritten(null);
    setError(null);
  };

  const plan = async () => {
    if (!valid || !days) return;
    setBusy("planning");
    setError(null);
    setWritten(null);
    try {
      await tick();
      const perTier = Object.fromEntries(tiers.map((s) => [s.tier, visits[s.tier] as number]));
      const customers = visitCustomers(table, result, perTier);
      const order = tiers.map((s) => s.tier);
      // A policy with visit ranges is planned within its daily capacity, priority customers first.
      const ranged = planRanges(ruleSet, lang, result, customers, days.length, capacity, order);
      const out = planVisits(customers, days, { capacity: ranged?.capacity ?? capacity, tierOrder: order });
      setPlanned({ result, month: month.trim(), plan: out, customers, ranged });
    } catch (e) {
      setPlanned(null);
      setError(t("visits.planFailed", { reason: errorText(e, lang) }));
    } finally {
      setBusy("idle");
    }
  };

  const write = async () => {
    if (!planned) return;
    setBusy("writing");
    setError(null);
    try {
      const sheets = await writePlan(host, planned.plan, planned.customers, lang);
      // The target list (狙击手表) goes with a range plan: the priority customers and their visits.
      if (planned.ranged)
        await writeTargets(
          host,
          targetList(table, planned.result, planned.customers, planned.plan, planned.ranged.priority),
          lang,
        );
      setWritten(sheets);
    } catch (e) {
      setError(t("visits.writeFailed", { reason: errorText(e, lang) }));
    } finally {
      setBusy("idle");
    }
  };

  const shown = planned && planned.result === result ? planned : null;
  const holidayProblem =
    "line" in own ? t("visits.holidayInvalid", { line: own.line, text: own.text }) : undefined;

  return (
    <div className={styles.root}>
      {noManager && (
        <MessageBar intent="warning">
          <MessageBarBody>{tj("plan.noManager")}</MessageBarBody>
        </MessageBar>
      )}
      {overLoaded.map((o) => (
        <MessageBar key={o.manager} intent="warning">
          <MessageBarBody>{tj("plan.overLoad", o)}</MessageBarBody>
        </MessageBar>
      ))}
      <Field
        label={t("visits.month")}
        hint={days ? t("visits.monthHint", { days: days.length }) : undefined}
        validationState={ym ? "none" : "error"}
        validationMessage={ym ? undefined : t("visits.monthInvalid")}
      >
        <Input
          className={styles.fill}
          type="month"
          placeholder="YYYY-MM"
          contentBefore={<CalendarLtrRegular aria-hidden />}
          value={month}
          onChange={(_, d) => {
            setMonth(d.value);
            changed();
          }}
        />
      </Field>
      <Field label={t("visits.days")}>
        <RadioGroup
          layout="horizontal"
          value={week}
          onChange={(_, d) => {
            setWeek(d.value as WeekPattern);
            changed();
          }}
        >
          <Radio value="mon-fri" label={t("visits.monFri")} />
          <Radio value="mon-sat" label={t("visits.monSat")} />
        </RadioGroup>
      </Field>
      <Checkbox
        checked={china}
        label={t("visits.china", { first: CHINA_YEARS.first, last: CHINA_YEARS.last })}
        onChange={(_, d) => {
          setChina(!!d.checked);
          changed();
        }}
      />
      {calendar && (
        <Caption1 className={styles.note} role="status">
          {calendar.covered
            ? t("visits.chinaMonth", {
                holidays: calendar.holidays.length,
                workdays: calendar.workdays.length,
              })
            : t("visits.chinaMissing", { year: ym![0], first: CHINA_YEARS.first, last: CHINA_YEARS.last })}
        </Caption1>
      )}
      <Field
        label={t(china ? "visits.holidaysOwn" : "visits.holidays")}
        hint={holidayProblem ? undefined : t("visits.holidaysHint")}
        validationState={holidayProblem ? "error" : "none"}
        validationMessage={holidayProblem}
      >
        <Textarea
          className={styles.fill}
          resize="vertical"
          rows={3}
          placeholder="2025-10-20"
          value={holidayText}
          onChange={(_, d) => {
            setHolidayText(d.value);
            changed();
          }}
        />
      </Field>
      <div className={styles.tiers} role="group" aria-label={t("visits.perTier")}>
        {tiers.map((s) => {
          const v = visits[s.tier];
          const bad = badVisits(v);
          return (
            <Field
              key={s.tier}
              className={styles.fill}
              size="small"
              label={t("visits.tierLabel", { tier: s.tier, customers: s.customers })}
              validationState={bad ? "error" : "none"}
              validationMessage={bad ? t("visits.visitsInvalid") : undefined}
            >
              <SpinButton
                className={styles.fill}
                size="small"
                min={0}
                max={MAX_VISITS}
                value={v ?? null}
                onChange={(_, d) => {
                  const typed = d.displayValue === undefined ? NaN : Number(d.displayValue.trim());
                  const next =
                    d.value ?? (d.displayValue?.trim() === "" || Number.isNaN(typed) ? null : typed);
                  setEdits((e) => ({
                    result,
                    visits: { ...(e.result === result ? e.visits : {}), [s.tier]: next },
                  }));
                  changed();
                }}
              />
            </Field>
          );
        })}
      </div>
      <Field
        label={t("visits.capacity")}
        hint={capacityBad ? undefined : t("visits.capacityHint")}
        validationState={capacityBad ? "error" : "none"}
        validationMessage={capacityBad ? t("visits.capacityInvalid") : undefined}
      >
        <Input
          className={styles.fill}
          inputMode="numeric"
          value={capacityText}
          onChange={(_, d) => {
            setCapacityText(d.value);
            changed();
          }}
        />
      </Field>
      <div className={styles.buttons}>
        <Button
          appearance="primary"
          icon={<CalendarLtrRegular />}
          disabled={!valid || busy !== "idle"}
          onClick={() => void plan()}
        >
          {busy === "planning" ? t("visits.planning") : t("visits.plan")}
        </Button>
        {shown && (
          <Button
            icon={<DocumentTableArrowRightRegular />}
            disabled={busy !== "idle"}
            onClick={() => void write()}
          >
            {busy === "writing" ? t("visits.writing") : t("visits.write")}
          </Button>
        )}
      </div>
      {!valid && (
        <Caption1 className={styles.note} role="status">
          {t("visits.fixFields")}
        </Caption1>
      )}
      {error && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {written && (
        <MessageBar intent="success">
          <MessageBarBody>
            {t("visits.written", { plan: written.planSheet, summary: written.summarySheet })}
          </MessageBarBody>
        </MessageBar>
      )}
      {shown?.ranged && (
        <MessageBar intent={shown.ranged.coverage.met ? "info" : "warning"} role="status">
          <MessageBarBody>{coverageText(shown.ranged, shown.customers, lang)}</MessageBarBody>
        </MessageBar>
      )}
      {shown && <PlanSummaryView month={shown.month} summary={shown.plan.summary} lang={lang} t={t} />}
    </div>
  );
}

/** The coverage of the priority customers against the target, and who is not covered, in `lang`. */
function coverageText(ranged: RangedPlan, customers: readonly VisitCustomer[], lang: Lang): string {
  const c = ranged.coverage;
  const params = {
    tiers: ranged.priority,
    covered: c.covered,
    customers: c.customers,
    share: (c.share * 100).toFixed(0),
    target: (c.target * 100).toFixed(0),
    capacity: ranged.capacity,
  };
  const head = reasonText({ code: c.met ? "cli.planCoverageMet" : "cli.planCoverageShort", params }, lang);
  if (!c.uncovered.length) return head;
  const ids = c.uncovered.slice(0, 20).map((k) => customers[k].id);
  const more = Math.max(0, c.uncovered.length - 20);
  return `${head}${lang === "zh" ? "；" : "; "}${reasonText({ code: "cli.planUncovered", params: { ids, more } }, lang)}`;
}

export interface PlanSummaryViewProps {
  month: string;
  summary: PlanSummary;
  lang: Lang;
  t: VisitsHistoryT;
}

/** The plan's summary: visits per tier with coverage of the priority tier, per manager with the extremes. */
export function PlanSummaryView({ month, summary, lang, t }: PlanSummaryViewProps) {
  const styles = useStyles();
  const percent = new Intl.NumberFormat(lang === "zh" ? "zh-CN" : "en-US", {
    style: "percent",
    maximumFractionDigits: 0,
  });
  const day = (load: { day: number; visits: number }) =>
    Number.isFinite(load.day)
      ? t("visits.dayLoad", { date: formatDay(load.day).slice(5), visits: load.visits })
      : "—";
  return (
    <section className={styles.summary} aria-labelledby="visits-summary">
      <Subtitle2 as="h3" id="visits-summary">
        {t("visits.summary", { month })}
      </Subtitle2>
      <Text>{t("visits.total", { visits: summary.visits, days: summary.workingDays })}</Text>
      {summary.priority && (
        <Text>
          {t("visits.priority", {
            tier: summary.priority.tier,
            covered: summary.priority.covered,
            customers: summary.priority.customers,
            share: percent.format(summary.priority.share),
          })}
        </Text>
      )}
      {summary.capped > 0 && (
        <Caption1 className={styles.note}>{t("visits.capped", { n: summary.capped })}</Caption1>
      )}
      <div className={styles.scroll}>
        <Table size="extra-small" aria-label={t("visits.perTierTable")}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t("visits.tier")}</TableHeaderCell>
              <TableHeaderCell className={styles.num}>{t("visits.customers")}</TableHeaderCell>
              <TableHeaderCell className={styles.num}>{t("visits.visits")}</TableHeaderCell>
              <TableHeaderCell className={styles.num}>{t("visits.covered")}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {summary.perTier.map((x) => (
              <TableRow key={x.tier}>
                <TableCell>{x.tier}</TableCell>
                <TableCell className={styles.num}>{x.customers}</TableCell>
                <TableCell className={styles.num}>{x.visits}</TableCell>
                <TableCell className={styles.num}>{x.covered}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      <div className={styles.scroll}>
        <Table size="extra-small" aria-label={t("visits.perManagerTable")}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t("visits.manager")}</TableHeaderCell>
              <TableHeaderCell className={styles.num}>{t("visits.visits")}</TableHeaderCell>
              <TableHeaderCell>{t("visits.busiest")}</TableHeaderCell>
              <TableHeaderCell>{t("visits.quietest")}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {summary.perManager.map((m) => (
              <TableRow key={m.manager}>
                <TableCell>{m.manager || t("visits.noManager")}</TableCell>
                <TableCell className={styles.num}>{m.visits}</TableCell>
                <TableCell>{day(m.largestDay)}</TableCell>
                <TableCell>{day(m.smallestDay)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
    </section>
  );
}
