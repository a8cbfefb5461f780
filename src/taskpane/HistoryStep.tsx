import {
  Button,
  Caption1,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
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
import {
  ArrowDownloadRegular,
  ArrowSwapRegular,
  DocumentTableArrowRightRegular,
  MailRegular,
  SaveRegular,
} from "@fluentui/react-icons";
import { useMemo, useState } from "react";
import { civilFromDay, formatDay } from "../engine/dates";
import type { Lang, PresentedResult } from "../engine/grade";
import { errorText } from "../i18n/result";
import { download } from "./download";
import { tiersOf } from "../engine/methods";
import { CHANGE_KINDS, compareSnapshots, latestTwo, snapshotOf, type Migration } from "../engine/history";
import {
  benefitTexts,
  checkTemplate,
  DEFAULT_TEMPLATES,
  notificationList,
  PLACEHOLDERS,
  smsCsv,
} from "../engine/notify";
import type { RuleSet } from "../engine/ruleset";
import type { SheetTable } from "../engine/table";
import { visitsHistoryT, type VisitsHistoryT } from "../i18n/visits-history";
import { contactsOf, readHistory } from "../workbook/history-read";
import { nextFields } from "../i18n/next-text";
import { reasonText } from "../i18n/reasons";
import { retainWith } from "../engine/retention";
import type { WorkbookHost } from "../workbook/host";
import { appendHistory, writeChanges, writeNotifications } from "../workbook/write-plan";
import { keptTexts } from "../i18n/retention";
import { migrationChart } from "../engine/charts-migration";
import type { TierInfo } from "../engine/methods";
import { MigrationFlowSection, migrationCellLabel, migrationCellStyle } from "./MigrationPicture";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  fill: { minWidth: 0, width: "100%" },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  block: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
    minWidth: 0,
  },
  counts: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalS,
    margin: 0,
    padding: 0,
    listStyleType: "none",
  },
  count: {
    paddingInline: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusCircular,
    backgroundColor: tokens.colorNeutralBackground1,
    fontVariantNumeric: "tabular-nums",
  },
  scroll: {
    overflowX: "auto",
    minWidth: 0,
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  num: { textAlign: "end", fontVariantNumeric: "tabular-nums" },
  rowHead: { fontWeight: tokens.fontWeightSemibold },
  note: { color: tokens.colorNeutralForeground2 },
});

/** The changes that get a message, each with its own template (gone customers are not told). */
const TOLD = ["new", "up", "down"] as const;
type Told = (typeof TOLD)[number];

/** A name for the evaluation as of `day`: its quarter, e.g. "2025-Q4". */
export function quarterOf(day: number): string {
  const [y, m] = civilFromDay(day);
  return `${y}-Q${Math.ceil(m / 3)}`;
}

/** The first placeholder the engine's `checkTemplate` refuses, or null when the template is usable. */
export function badPlaceholder(template: string): string | null {
  try {
    checkTemplate(template);
    return null;
  } catch {
    // Ask the engine about each placeholder alone, so its list of names is not repeated here.
    for (const m of template.matchAll(/\{[^{}]*\}/g)) {
      try {
        checkTemplate(m[0]);
      } catch {
        return m[0];
      }
    }
    return template;
  }
}

export interface HistoryStepProps {
  host: WorkbookHost;
  /** The table `result` was graded from (names, phones and e-mails for the messages). */
  table: SheetTable;
  result: PresentedResult;
  ruleSet: RuleSet;
  /** Engine language: tier names, sheet names and headers. */
  lang: Lang;
  /** Translate; this step's own catalogue in `lang` when absent. */
  t?: VisitsHistoryT;
  /**
   * What the snapshot's `method` column says, and which evaluations are compared: the preset's name
   * when there is one ("membership"); the rule set's method otherwise.
   */
  method?: string;
}

type Busy = "idle" | "saving" | "reading" | "writing";
type Note = { intent: "success" | "info" | "warning" | "error"; text: string } | null;

interface Compared {
  result: PresentedResult;
  migration: Migration;
  previous: { period: string; asOf: number };
  current: { period: string; asOf: number };
  /** Customers kept in their tier by retention (保级), with why, for the change log. */
  kept: ReadonlyMap<string, string>;
}

/**
 * The History step: save this grading as a snapshot in the history sheet, compare the latest two
 * evaluations (changes per customer, migration matrix), write the change log and the notification
 * list, and download the SMS list.
 */
export function HistoryStep({ host, table, result, ruleSet, lang, t: given, method }: HistoryStepProps) {
  const styles = useStyles();
  const t = useMemo(() => given ?? visitsHistoryT(lang === "zh" ? "zh-CN" : "en-US"), [given, lang]);
  const methodName = method ?? ruleSet.method;
  // A name typed for one grading is not carried over to the next: that one defaults to its own quarter.
  const [periodEdit, setPeriodEdit] = useState<{ result: PresentedResult; text: string } | null>(null);
  const period = periodEdit && periodEdit.result === result ? periodEdit.text : quarterOf(result.asOf);
  const [busy, setBusy] = useState<Busy>("idle");
  const [note, setNote] = useState<Note>(null);
  const [skipped, setSkipped] = useState<string | null>(null);
  const [compared, setCompared] = useState<Compared | null>(null);
  const [templates, setTemplates] = useState<Partial<Record<Told, string>>>({});

  const template = (kind: Told) => templates[kind] ?? DEFAULT_TEMPLATES[lang][kind];
  const fields = PLACEHOLDERS[lang].join(lang === "zh" ? "、" : ", ");
  const problems = Object.fromEntries(TOLD.map((k) => [k, badPlaceholder(template(k))])) as Record<
    Told,
    string | null
  >;
  const templatesOk = TOLD.every((k) => problems[k] === null);

  const contacts = useMemo(() => contactsOf(table, result), [table, result]);
  const shown = compared && compared.result === result ? compared : null;
  const list = useMemo(() => {
    if (!shown || !templatesOk) return null;
    return notificationList(shown.migration.changes, contacts, {
      lang,
      templates: Object.fromEntries(TOLD.map((k) => [k, templates[k] ?? DEFAULT_TEMPLATES[lang][k]])),
      benefits: benefitTexts(ruleSet, lang),
      // {next} and {gap} in a template: this grading's next steps (issue 17).
      steps: nextFields(result),
    });
  }, [shown, templatesOk, contacts, lang, templates, ruleSet, result]);

  const run = async (
    what: Busy,
    work: () => Promise<Note>,
    failed: "history.saveFailed" | "history.compareFailed" | "history.writeFailed",
  ) => {
    setBusy(what);
    setNote(null);
    try {
      setNote(await work());
    } catch (e) {
      setNote({ intent: "error", text: t(failed, { reason: errorText(e, lang) }) });
    } finally {
      setBusy("idle");
    }
  };

  const save = () =>
    run(
      "saving",
      async () => {
        const name = period.trim();
        const had = await readHistory(host, lang);
        if (had.snapshots.some((s) => s.method === methodName && s.period === name))
          return { intent: "warning", text: t("history.duplicate", { period: name }) };
        const rows = snapshotOf(result, name, methodName);
        const sheet = await appendHistory(host, rows, lang);
        return {
          intent: "success",
          text: t("history.saved", { customers: rows.length, period: name, sheet }),
        };
      },
      "history.saveFailed",
    );

  const compare = () =>
    run(
      "reading",
      async () => {
        setCompared(null);
        setSkipped(null);
        const history = await readHistory(host, lang);
        if (history.problems.length)
          setSkipped(t("history.skipped", { n: history.problems.length, row: history.problems[0].row }));
        const { current, previous } = latestTwo(history.snapshots, methodName);
        if (!current.length) return { intent: "info", text: t("history.noHistory") };
        if (!previous) return { intent: "info", text: t("history.onlyOne", { period: current[0].period }) };
        // Retention (保级, issue 17): the policy's keep-bars and periods against the earlier evaluations.
        const earlier = history.snapshots.filter((s) => s.method === methodName && !current.includes(s));
        const retained = retainWith(ruleSet, current, earlier);
        const migration = compareSnapshots(previous, retained.current, tiersOf(ruleSet), lang);
        setCompared({
          result,
          migration,
          previous: { period: previous[0].period, asOf: previous[0].asOf },
          current: { period: current[0].period, asOf: current[0].asOf },
          kept: keptTexts(retained.kept, tiersOf(ruleSet), lang),
        });
        return retained.kept.length
          ? {
              intent: "info",
              text: reasonText({ code: "retention.count", params: { n: retained.kept.length } }, lang),
            }
          : null;
      },
      "history.compareFailed",
    );

  const writeLog = () =>
    run(
      "writing",
      async () => {
        if (!shown) return null;
        const sheet = await writeChanges(host, shown.migration, lang, shown.kept, tiersOf(ruleSet));
        return { intent: "success", text: t("history.changesWritten", { sheet }) };
      },
      "history.writeFailed",
    );

  const writeList = () =>
    run(
      "writing",
      async () => {
        if (!list) return null;
        const sheet = await writeNotifications(host, list, lang);
        return { intent: "success", text: t("history.notificationsWritten", { sheet }) };
      },
      "history.writeFailed",
    );

  const downloadSms = () => {
    if (!list || !shown) return;
    const csv = smsCsv(list.filter((n) => n.phone));
    download(
      new Blob([csv], { type: "text/csv;charset=utf-8" }),
      `sms-${shown.current.period || "tiers"}.csv`,
    );
  };

  const idle = busy === "idle";
  const periodBad = period.trim() === "";
  return (
    <div className={styles.root}>
      <Field
        label={t("history.period")}
        hint={periodBad ? undefined : t("history.periodHint")}
        validationState={periodBad ? "error" : "none"}
        validationMessage={periodBad ? t("history.periodEmpty") : undefined}
      >
        <Input
          className={styles.fill}
          value={period}
          onChange={(_, d) => setPeriodEdit({ result, text: d.value })}
        />
      </Field>
      <div className={styles.buttons}>
        <Button icon={<SaveRegular />} disabled={periodBad || !idle} onClick={() => void save()}>
          {busy === "saving" ? t("history.saving") : t("history.save")}
        </Button>
        <Button
          appearance="primary"
          icon={<ArrowSwapRegular />}
          disabled={!idle}
          onClick={() => void compare()}
        >
          {busy === "reading" ? t("history.reading") : t("history.compare")}
        </Button>
      </div>
      {note && (
        <MessageBar intent={note.intent} role={note.intent === "error" ? "alert" : "status"}>
          <MessageBarBody>{note.text}</MessageBarBody>
        </MessageBar>
      )}
      {skipped && (
        <MessageBar intent="warning">
          <MessageBarBody>{skipped}</MessageBarBody>
        </MessageBar>
      )}
      {shown ? (
        <>
          <MigrationView
            migration={shown.migration}
            heading={t("history.comparing", {
              previous: shown.previous.period,
              previousDate: formatDay(shown.previous.asOf),
              current: shown.current.period,
              currentDate: formatDay(shown.current.asOf),
            })}
            t={t}
            tiers={tiersOf(ruleSet)}
            lang={lang}
          />
          <div className={styles.buttons}>
            <Button
              icon={<DocumentTableArrowRightRegular />}
              disabled={!idle}
              onClick={() => void writeLog()}
            >
              {t("history.writeChanges")}
            </Button>
          </div>
        </>
      ) : (
        <Caption1 className={styles.note}>{t("history.needCompare")}</Caption1>
      )}
      <section className={styles.block} aria-labelledby="history-templates">
        <Subtitle2 as="h3" id="history-templates">
          {t("history.templates")}
        </Subtitle2>
        <Caption1 className={styles.note}>{t("history.templateHint", { fields })}</Caption1>
        {TOLD.map((kind) => (
          <Field
            key={kind}
            label={t(`history.template.${kind}`)}
            validationState={problems[kind] ? "error" : "none"}
            validationMessage={
              problems[kind]
                ? t("history.templateInvalid", { placeholder: problems[kind], fields })
                : undefined
            }
          >
            <Textarea
              className={styles.fill}
              resize="vertical"
              rows={3}
              value={template(kind)}
              onChange={(_, d) => setTemplates((all) => ({ ...all, [kind]: d.value }))}
            />
          </Field>
        ))}
        {list && (
          <Text role="status">
            {t("history.messages", { n: list.length, phones: list.filter((n) => n.phone).length })}
          </Text>
        )}
        <div className={styles.buttons}>
          <Button icon={<MailRegular />} disabled={!list || !idle} onClick={() => void writeList()}>
            {t("history.writeNotifications")}
          </Button>
          <Button icon={<ArrowDownloadRegular />} disabled={!list} onClick={downloadSms}>
            {t("history.downloadSms")}
          </Button>
        </div>
      </section>
    </div>
  );
}

export interface MigrationViewProps {
  migration: Migration;
  /** Which two evaluations, in words. */
  heading: string;
  t: VisitsHistoryT;
  /** The tiers compared: with them, cells are coloured up/down/same and the flow is drawn beneath. */
  tiers?: readonly TierInfo[];
  /** Language of the colour key and the flow (with `tiers`). */
  lang?: Lang;
}

/** Customers per change kind and the from × to migration matrix. */
export function MigrationView({ migration, heading, t, tiers, lang = "en" }: MigrationViewProps) {
  const styles = useStyles();
  const chart = useMemo(() => (tiers ? migrationChart(migration, tiers) : null), [migration, tiers]);
  const n = migration.to.length;
  return (
    <section className={styles.block} aria-labelledby="history-migration">
      <Subtitle2 as="h3" id="history-migration">
        {heading}
      </Subtitle2>
      <ul className={styles.counts} aria-label={t("history.counts")}>
        {CHANGE_KINDS.map((kind) => (
          <li key={kind} className={styles.count}>
            {t(`history.kind.${kind}`)} {migration.counts[kind]}
          </li>
        ))}
      </ul>
      {/* Scrolls sideways for policies with many tiers; focusable so the keyboard can scroll it. */}
      <div className={styles.scroll} tabIndex={0} role="region" aria-label={t("history.matrix")}>
        <Table size="extra-small" aria-label={t("history.matrix")}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t("history.matrixCorner")}</TableHeaderCell>
              {migration.to.map((to) => (
                <TableHeaderCell key={to} className={styles.num}>
                  {to}
                </TableHeaderCell>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody>
            {migration.from.map((from, r) => (
              <TableRow key={from}>
                <TableCell className={styles.rowHead}>{from}</TableCell>
                {migration.matrix[r].map((count, c) => {
                  const cell = chart?.cells[r * n + c];
                  return (
                    <TableCell
                      key={migration.to[c]}
                      className={styles.num}
                      style={cell && migrationCellStyle(cell)}
                      aria-label={
                        cell && cell.change !== "none"
                          ? migrationCellLabel(
                              migration,
                              chart,
                              r * n + c,
                              lang,
                              t(`history.kind.${cell.change}`),
                            )
                          : undefined
                      }
                    >
                      {count}
                    </TableCell>
                  );
                })}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      {chart && <MigrationFlowSection chart={chart} migration={migration} lang={lang} />}
    </section>
  );
}
