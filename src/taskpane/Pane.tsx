import {
  Button,
  Caption1,
  Divider,
  makeStyles,
  mergeClasses,
  MessageBar,
  MessageBarBody,
  Spinner,
  Subtitle2,
  tokens,
} from "@fluentui/react-components";
import {
  lazy,
  startTransition,
  Suspense,
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from "react";
import { formatDay, parseIsoDay, todayDay } from "../engine/dates";
import { type InputKind, type PresentedResult, type Problem } from "../engine/grade";
import { errorText, presentResult } from "../i18n/result";
import { download } from "./download";
import { guessInputKind, resolveMapping, type Role } from "../engine/headers";
import { preset, PRESET_NAMES, PRESETS } from "../engine/presets";
import { parseRuleSetText, type RuleSet } from "../engine/ruleset";
import { sheetRow, tableFromRows, type SheetTable } from "../engine/table";
import { gradeRun, type GradeRunRequest } from "../workbook/grade-run";
import type { Progress, ProgressStep, SheetRead, WorkbookHost } from "../workbook/host";
import { outputHeader, SETTING_RULES, type WriteGradeReport } from "../workbook/write-result";
import { isGradingHost, RunCancelled } from "../workbook/grading-host";
import { MESSAGES, useI18n, type MessageKey } from "../i18n";
import { clvText } from "../i18n/clv";
import { DataStep, type LoadState } from "./DataStep";
import { PolicyEditor, type ImportNote } from "./editors/PolicyEditor";
import { EvaluateStep, type RunState } from "./EvaluateStep";
import { Header } from "./Header";
import { PolicyGallery, type GalleryEntry } from "./PolicyGallery";
import { Preview } from "./Preview";
import { ResultCard } from "./ResultCard";
import { NextList } from "./NextList";
import { readNotes } from "./read-notes";
import { setAt, validate, type Path } from "./validate";
import { useJourneyT } from "../i18n/journey";
import { PolicyFit } from "./PolicyFit";
import { lastDateOf, suggestPolicy } from "./policy-needs";
import { OutputChoice, type OutputMode } from "./OutputChoice";
import { useLiveT } from "../i18n/live";
import { hasFormulaForm } from "../workbook/formulas";
import { isSummaryHost, type SheetSummary } from "../workbook/grading-host";
import { useColumnFacts } from "./column-facts";
import { HAS_WORKER } from "./worker-start";
import { workerGrader, type Grader } from "./worker-grader";

// The Visits and History steps only show after a grade: load them then, to keep the first load light.
const VisitsStep = lazy(() =>
  import(/* webpackChunkName: "visits-history" */ "./VisitsStep").then((m) => ({ default: m.VisitsStep })),
);
const HistoryStep = lazy(() =>
  import(/* webpackChunkName: "visits-history" */ "./HistoryStep").then((m) => ({ default: m.HistoryStep })),
);
// The Potential step (BG/NBD + Gamma-Gamma) fits models: its own chunk, loaded after a grade of orders.
const PotentialStep = lazy(() =>
  import(/* webpackChunkName: "potential" */ "./PotentialStep").then((m) => ({ default: m.PotentialStep })),
);

const useStyles = makeStyles({
  root: {
    // One column in a task pane; from 700 px the data and the policy side by side, the rest below,
    // and never wider than 1200 px (fields stretched to a wide window's width are hard to read).
    display: "grid",
    gridTemplateColumns: "minmax(0, 1fr)",
    alignItems: "start",
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    boxSizing: "border-box",
    maxWidth: "1200px",
    marginInline: "auto",
    minWidth: 0,
    color: tokens.colorNeutralForeground1,
    "& > *": { gridColumn: "1 / -1" },
    "@media (min-width: 700px)": {
      gridTemplateColumns: "minmax(0, 1fr) minmax(0, 1fr)",
      columnGap: tokens.spacingHorizontalXXL,
    },
  },
  left: { "@media (min-width: 700px)": { gridColumn: "1 / 2" } },
  right: { "@media (min-width: 700px)": { gridColumn: "2 / 3" } },
  wideOnly: { "@media (min-width: 700px)": { display: "none" } },
  // The Grade button stays on screen while the user reads the data and edits the policy.
  sticky: {
    position: "sticky",
    bottom: 0,
    zIndex: 1,
    paddingBlock: tokens.spacingVerticalS,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: `0 -1px 0 ${tokens.colorNeutralStroke2}`,
  },
  outcome: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    minWidth: 0,
    outline: "none",
  },
  step: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
});

/** One numbered step of the pane: a section labelled by its heading. */
function Step({
  id,
  title,
  className,
  children,
}: {
  id: string;
  title: string;
  className?: string;
  children: ReactNode;
}) {
  const styles = useStyles();
  return (
    <section className={mergeClasses(styles.step, className)} aria-labelledby={id}>
      <Subtitle2 as="h2" id={id}>
        {title}
      </Subtitle2>
      {children}
    </section>
  );
}

export type PaneMode = "office" | "standalone";

export interface PaneProps {
  /** The workbook, through the workbook layer only; null until a file is opened (standalone). */
  host: WorkbookHost | null;
  mode: PaneMode;
  title?: MessageKey;
  /** Shown above the steps (standalone: the file picker). */
  top?: ReactNode;
  /** Shown under the result (standalone: the download link). */
  afterResult?: ReactNode;
  /** Called after a grade has been written. */
  onGraded?: (result: PresentedResult) => void;
  /** Today as a day number (tests pin it); the clock's today otherwise. */
  today?: number;
  /**
   * Where a host that does not grade by itself (Excel's) has its grading done: a worker by default where
   * the browser has workers, null for on this thread (jsdom, where there are none).
   */
  grader?: Grader | null;
}

const DEFAULT_PRESET = "membership";
const DEFAULT_GRADER: Grader | null = HAS_WORKER ? workerGrader() : null;
/** Graded rows shown in the standalone preview. */
const PREVIEW_GRADED = 100;
const PREVIEW_STEP = 25;
const PREVIEW_ROWS = 8;

class Cancelled extends Error {}

/** Role → column as grading will use it: the user's choices, guesses for the rest, "none" removed. */
function mappingOf(headers: readonly string[], choice: Partial<Record<Role, number | null>>) {
  const overrides: Record<string, string> = {};
  for (const [role, col] of Object.entries(choice))
    if (typeof col === "number") overrides[role] = headers[col];
  let roles: Partial<Record<Role, number>>;
  try {
    roles = resolveMapping(headers, overrides);
  } catch {
    roles = resolveMapping(headers, {});
  }
  for (const [role, col] of Object.entries(choice)) if (col === null) delete roles[role as Role];
  return roles;
}

interface Loaded {
  state: LoadState;
  error?: string;
  read?: SheetRead;
  table?: SheetTable;
  /** Set when the host kept the rows (the standalone page's worker): `table` holds the first rows only. */
  summary?: Omit<SheetSummary, "read" | "table">;
}

interface Run {
  state: RunState;
  step: ProgressStep;
  done: number;
  total: number;
  error?: string;
}

/**
 * The pane: the container that does the async work (listing and reading sheets, grading, writing)
 * and hands plain values to the display components of the three steps.
 */
export function Pane({
  host,
  mode,
  title = "app.title",
  top,
  afterResult,
  onGraded,
  today,
  grader = DEFAULT_GRADER,
}: PaneProps) {
  const styles = useStyles();
  const { t, lang, pick } = useI18n();
  const [sheets, setSheets] = useState<string[]>([]);
  const [sheet, setSheet] = useState("");
  const [loaded, setLoaded] = useState<Loaded>({ state: "idle" });
  const [choice, setChoice] = useState<Partial<Record<Role, number | null>>>({});
  const [inputChoice, setInputChoice] = useState<InputKind | null>(null);
  const [selected, setSelected] = useState<string>(DEFAULT_PRESET);
  const [custom, setCustom] = useState<{ ruleSet: RuleSet; use: MessageKey } | null>(null);
  const [draft, setDraft] = useState<Record<string, unknown>>(() => preset(DEFAULT_PRESET));
  const [asOf, setAsOf] = useState(() => formatDay(today ?? todayDay()));
  /** The user picked a policy or typed a date: the data's suggestions no longer replace them. */
  const [policyChosen, setPolicyChosen] = useState(false);
  const [asOfTyped, setAsOfTyped] = useState(false);
  const [asOfNote, setAsOfNote] = useState<string | null>(null);
  const [galleryOpen, setGalleryOpen] = useState(true);
  const outcomeRef = useRef<HTMLDivElement>(null);
  const tj = useJourneyT();
  const [importNote, setImportNote] = useState<ImportNote>(null);
  const [run, setRun] = useState<Run>({ state: "idle", step: "read", done: 0, total: 0 });
  // Values or live formulas (docs/formulas.md): asked for each run, values unless the user picks formulas.
  const [output, setOutput] = useState<OutputMode>("values");
  const lt = useLiveT();
  const [outcome, setOutcome] = useState<{
    result: PresentedResult;
    report: WriteGradeReport;
    /** The table exactly as graded: the Visits and History steps find manager, area and phone in it. */
    table: SheetTable;
    ruleSet: RuleSet;
  } | null>(null);
  const [focusRow, setFocusRow] = useState<number | undefined>();
  const abort = useRef<AbortController | null>(null);

  // Sheets, and the rules saved in the document by the last run.
  useEffect(() => {
    if (!host) return;
    let live = true;
    (async () => {
      const list = await host.listSheets();
      if (!live) return;
      setSheets(list.sheets);
      setSheet(list.active || list.sheets[0] || "");
      const saved = await host.loadSetting(SETTING_RULES);
      if (!live || !saved) return;
      try {
        const ruleSet = parseRuleSetText(saved);
        setCustom({ ruleSet, use: "policy.savedHint" });
        setSelected("custom");
        setPolicyChosen(true);
        setGalleryOpen(false);
        setDraft(structuredClone(ruleSet) as Record<string, unknown>);
      } catch {
        // A setting this version cannot read: start from the presets rather than fail.
      }
    })().catch((e) => live && setLoaded({ state: "error", error: errorText(e, lang) }));
    return () => {
      live = false;
    };
  }, [host]);

  useEffect(() => {
    if (!host || !sheet) return;
    let live = true;
    setLoaded({ state: "loading" });
    // A host that keeps the rows (the standalone page's worker) sends a summary, not a large file's rows.
    const reading = isSummaryHost(host)
      ? host.readSummary(sheet).then(({ read, table, ...summary }) => ({ read, table, summary }))
      : host
          .readSheet(sheet)
          .then((read) => ({ read, table: tableFromRows(read.rows, read.date1904, sheet, read.top) }));
    reading.then(
      ({ read, table, summary }: Omit<Loaded, "state">) => {
        if (!live) return;
        // A transition: React renders the data step, the policies and their needs in slices, so the
        // page keeps answering when a large sheet's summary arrives.
        startTransition(() => {
          setChoice({});
          setInputChoice(null);
          setOutcome(null);
          setRun({ state: "idle", step: "read", done: 0, total: 0 });
          setLoaded({ state: "ready", read, table, summary });
        });
      },
      (e) => live && setLoaded({ state: "error", error: errorText(e, lang) }),
    );
    return () => {
      live = false;
    };
  }, [host, sheet]);

  // Once a sheet is read, load the code the result needs (the chart, the Visits and History steps)
  // while the user chooses a policy, rather than parsing it on the page's thread right after a grade.
  const ready0 = loaded.state === "ready";
  useEffect(() => {
    if (!ready0) return;
    void import(/* webpackChunkName: "tier-chart" */ "./TierChart");
    void import(/* webpackChunkName: "visits-history" */ "./VisitsStep");
  }, [ready0]);

  const table = loaded.table;
  const headers = useMemo(() => table?.headers ?? [], [table]);
  const mapping = useMemo(() => mappingOf(headers, choice), [headers, choice]);
  const summary = loaded.summary;
  const factsOf = useColumnFacts(host, sheet, summary, [
    mapping.customer_id,
    mapping.date ?? mapping.last_date,
  ]);
  const guessedInput = useMemo<InputKind>(() => {
    const id = mapping.customer_id;
    if (!table || id === undefined) return "customers";
    if (summary) return mapping.date !== undefined && factsOf(id)?.repeats ? "orders" : "customers";
    return guessInputKind(
      table.rows.map((r) => r[id]),
      mapping.date !== undefined,
    );
  }, [table, mapping, summary, factsOf]);
  const input = inputChoice ?? guessedInput;

  // Defaults from the data: the policy whose needed columns the sheet has, chosen for the user until
  // they pick one themselves.
  const suggestion = useMemo(
    () => (table ? suggestPolicy(PRESET_NAMES, headers, mapping) : null),
    [table, headers, mapping],
  );
  useEffect(() => {
    if (!suggestion?.complete || policyChosen) return;
    setSelected(suggestion.policy);
    setDraft(preset(suggestion.policy) as Record<string, unknown>);
    setGalleryOpen(false);
  }, [suggestion, policyChosen]);

  // The as-of date: the data's last date when today is more than 30 days after it (an old file would
  // otherwise make every customer look lapsed), with a note saying so; never over a date the user typed.
  const lastDay = useMemo(() => {
    if (!table) return null;
    if (!summary) return lastDateOf(table, mapping);
    const col = mapping.date ?? mapping.last_date;
    return col === undefined ? null : (factsOf(col)?.lastDay ?? null);
  }, [table, mapping, summary, factsOf]);
  useEffect(() => {
    if (asOfTyped || lastDay === null) return;
    const now = today ?? todayDay();
    if (now - lastDay > 30) {
      setAsOf(formatDay(lastDay));
      setAsOfNote(formatDay(lastDay));
    } else {
      setAsOf(formatDay(now));
      setAsOfNote(null);
    }
  }, [lastDay, asOfTyped, today]);

  const validation = useMemo(() => validate(draft, lang), [draft, lang]);
  const asOfDay = useMemo(() => {
    try {
      return parseIsoDay(asOf);
    } catch {
      return null;
    }
  }, [asOf]);

  const set = useCallback((path: Path, value: unknown) => setDraft((d) => setAt(d, path, value)), []);
  const form = useMemo(() => ({ draft, problems: validation.fields, set }), [draft, validation.fields, set]);

  const entries = useMemo<GalleryEntry[]>(() => {
    const list: GalleryEntry[] = PRESET_NAMES.map((name) => {
      const p: RuleSet = PRESETS[name];
      const key = `use.${name}`;
      // A preset added to the engine before the catalogue knows it shows its own description.
      return key in MESSAGES["en-US"]
        ? { id: name, name: p.name, use: key as MessageKey }
        : { id: name, name: p.name, use: null, description: p.description ?? p.name };
    });
    if (custom) list.unshift({ id: "custom", name: custom.ruleSet.name, use: custom.use });
    return list;
  }, [custom]);

  const choose = (id: string) => {
    setSelected(id);
    setPolicyChosen(true);
    setGalleryOpen(false);
    setImportNote(null);
    if (id === "custom" && custom) setDraft(structuredClone(custom.ruleSet) as Record<string, unknown>);
    else setDraft(preset(id) as Record<string, unknown>);
  };

  const onRole = (role: Role, col: number | null) =>
    setChoice((c) => {
      const next = { ...c, [role]: col };
      // A column plays one role: the role that had it before gives it up.
      if (col !== null)
        for (const [other, at] of Object.entries(mapping))
          if (at === col && other !== role) next[other as Role] = null;
      return next;
    });

  const onExport = () => {
    if (!validation.ruleSet) return;
    const blob = new Blob([JSON.stringify(validation.ruleSet, null, 2) + "\n"], { type: "application/json" });
    download(blob, `tier-rules-${validation.ruleSet.method}.json`);
  };

  const onImport = async (file: File) => {
    try {
      const ruleSet = parseRuleSetText(await file.text());
      setCustom({ ruleSet, use: "policy.saved" });
      setSelected("custom");
      setPolicyChosen(true);
      setDraft(structuredClone(ruleSet) as Record<string, unknown>);
      setImportNote({ kind: "ok", file: file.name });
    } catch (e) {
      setImportNote({ kind: "error", reason: errorText(e, lang) });
    }
  };

  const ready = loaded.state === "ready" && !!table && !!host;
  const canRun = ready && !!validation.ruleSet && asOfDay !== null;
  const blocker = !ready ? t("eval.needData") : !validation.ruleSet ? t("policy.invalid") : undefined;

  const evaluate = async () => {
    if (!host || !validation.ruleSet || asOfDay === null) return;
    const ruleSet = validation.ruleSet;
    const controller = new AbortController();
    abort.current = controller;
    const stop = () => {
      if (controller.signal.aborted) throw new Cancelled();
    };
    const progress: Progress = (step, done, total) => {
      stop();
      setRun({ state: "running", step, done, total });
    };
    // Roles by header name: the sheet is read again and its columns may have moved.
    const map: Record<string, string> = {};
    for (const [role, col] of Object.entries(mapping)) map[role] = headers[col];
    const none = (Object.entries(choice) as [Role, number | null][])
      .filter(([, c]) => c === null)
      .map(([r]) => r);
    setOutcome(null);
    setFocusRow(undefined);
    setRun({ state: "running", step: "read", done: 0, total: 0 });
    const request: GradeRunRequest = {
      sheet,
      ruleSet,
      input,
      map,
      none,
      asOf: asOfDay,
      lang,
      formulas: output === "formulas",
    };
    let finished = false;
    try {
      // A host that grades in a worker (the standalone page) keeps the page answering; Excel's host
      // grades here, yielding between steps.
      const {
        result,
        report,
        table: gradedTable,
      } = isGradingHost(host)
        ? await host.gradeRun(
            request,
            (step, done, total) => {
              // A worker's progress comes on its own channel and may arrive after the result: a late
              // one must not turn a finished run back into a running one.
              if (!finished) setRun({ state: "running", step, done, total });
            },
            controller.signal,
          )
        : await gradeRun(
            host,
            request,
            progress,
            stop,
            presentResult,
            // Excel's host: Office.js reads and writes here, the grading between them in a worker.
            grader ? (read, req, p) => grader.gradeRead(read, req, p, controller.signal) : undefined,
          );
      finished = true;
      stop();
      // A transition: React renders the result, chart and steps in slices, so the page keeps answering.
      startTransition(() => {
        setOutcome({ result, report, table: gradedTable, ruleSet });
        setRun({ state: "done", step: "summary", done: 1, total: 1 });
      });
      onGraded?.(result);
    } catch (e) {
      finished = true;
      if (e instanceof Cancelled || e instanceof RunCancelled || controller.signal.aborted)
        setRun((r) => ({ ...r, state: "cancelled" }));
      else setRun((r) => ({ ...r, state: "failed", error: errorText(e, lang) }));
    } finally {
      abort.current = null;
    }
  };

  // The result, or why there is none, is brought into view and given focus (not left on <body>).
  useEffect(() => {
    if (run.state !== "done" && run.state !== "failed" && run.state !== "cancelled") return;
    const el = outcomeRef.current;
    if (!el) return;
    el.scrollIntoView?.({ block: "start", behavior: "smooth" });
    el.focus({ preventScroll: true });
  }, [run.state, outcome]);

  const onProblem = (p: Problem) => {
    const read = loaded.read;
    if (!host || !read) return;
    setFocusRow(p.row);
    let col = p.column === undefined ? -1 : headers.indexOf(p.column);
    if (col < 0) col = mapping.customer_id ?? 0;
    // p.row is the sheet row the user reads (1-based), wherever the used range starts.
    host.selectCell(read.sheetName, p.row - 1, read.left + col).catch(() => {
      // Selecting is a convenience: the row is also marked in the list.
    });
  };

  const written = outcome
    ? outcome.report.owned
      ? t("result.written", { sheet, summary: outcome.report.summarySheet })
      : t("result.writtenOrders", {
          results: outcome.report.resultsSheet ?? "",
          summary: outcome.report.summarySheet,
        })
    : undefined;

  // Live formulas: the sentence says what was written where (the same sheets the file holds).
  const live = outcome?.report.live;
  const liveWritten =
    outcome && live?.state === "formulas"
      ? lt("live.written", {
          formulas: live.formulas,
          sheet: live.tierSheet,
          rules: live.rulesSheet,
          summary: outcome.report.summarySheet,
        })
      : outcome && live?.state === "values"
        ? `${written ?? ""} ${lt("live.wroteValues", { policy: pick(outcome.ruleSet.name) })}`
        : written;

  // The Visits and History steps mount a moment after the result, in a commit of their own: one commit
  // of the result, the chart, the table and both steps is a long task on a slow machine.
  const [stepsFor, setStepsFor] = useState<typeof outcome>(null);
  // …and the Potential step (its model) in a commit after theirs.
  const [stepsShown, setStepsShown] = useState(0);
  useEffect(() => {
    setStepsShown(0);
    if (!outcome) return setStepsFor(null);
    const timers = [1, 2].map((n) =>
      window.setTimeout(
        () =>
          startTransition(() => {
            setStepsFor(outcome);
            setStepsShown(n);
          }),
        100 * n,
      ),
    );
    return () => timers.forEach((t) => window.clearTimeout(t));
  }, [outcome]);

  const graded = outcome?.result;
  // The graded rows appear a slice at a time: a thousand rows of table in one commit is a long task.
  const [previewCount, setPreviewCount] = useState(PREVIEW_STEP);
  useEffect(() => {
    setPreviewCount(PREVIEW_STEP);
    if (!graded) return;
    const target = Math.min(graded.sourceRow.length, PREVIEW_GRADED);
    let n = PREVIEW_STEP;
    let timer = 0;
    const grow = () => {
      n = Math.min(n + PREVIEW_STEP, target);
      startTransition(() => setPreviewCount(n));
      if (n < target) timer = window.setTimeout(grow, 50);
    };
    if (n < target) timer = window.setTimeout(grow, 50);
    return () => window.clearTimeout(timer);
  }, [graded]);
  const gradedRows = useMemo(() => {
    if (!graded) return [];
    const n = Math.min(graded.sourceRow.length, PREVIEW_GRADED, previewCount);
    return Array.from({ length: n }, (_, i) => graded.keys.map((k) => graded.columns[k][i]));
  }, [graded, previewCount]);
  // A row the user picked from the problems, past the rows shown, is shown after them.
  const focusAt = graded && focusRow !== undefined ? graded.sourceRow.indexOf(focusRow) : -1;
  const focusExtra = graded && focusAt >= gradedRows.length ? focusAt : -1;

  return (
    <main className={styles.root}>
      <Header title={t(title)} />
      {top}
      {host && (
        <>
          <Step id="step-data" title={t("step.data")} className={styles.left}>
            <DataStep
              sheets={sheets}
              sheet={sheet}
              onSheet={setSheet}
              state={loaded.state}
              error={loaded.error}
              headers={headers}
              mapping={mapping}
              onRole={onRole}
              input={input}
              inputGuessed={inputChoice === null}
              onInput={setInputChoice}
              previewRows={table?.rows.slice(0, PREVIEW_ROWS) ?? []}
              previewRowNumbers={(table?.rows.slice(0, PREVIEW_ROWS) ?? []).map((_, i) =>
                table ? sheetRow(table, i) : i + 2,
              )}
              rowCount={summary?.rowCount ?? table?.rows.length ?? 0}
              headerRow={(table?.top ?? 0) + (table?.headerRow ?? 0)}
              notes={readNotes(loaded.read, lang)}
            />
          </Step>
          <Divider className={styles.wideOnly} />
          <Step id="step-policy" title={t("step.policy")} className={styles.right}>
            {table && (
              <PolicyFit
                suggestion={suggestion}
                suggestedName={suggestion ? pick(preset(suggestion.policy).name) : ""}
                selected={selected}
                onUse={choose}
                headers={headers}
                mapping={mapping}
              />
            )}
            {/* Once a policy is chosen the gallery shows it alone, with a button to choose again. */}
            <PolicyGallery
              entries={galleryOpen ? entries : entries.filter((e) => e.id === selected)}
              selected={selected}
              onSelect={choose}
            />
            {!galleryOpen && (
              <Button size="small" appearance="subtle" onClick={() => setGalleryOpen(true)}>
                {tj("policy.change")}
              </Button>
            )}
            {asOfNote && (
              <MessageBar intent="info">
                <MessageBarBody>{tj("asOf.fromData", { date: asOfNote })}</MessageBarBody>
              </MessageBar>
            )}
            <PolicyEditor
              form={form}
              name={(draft.name as { zh: string; en: string }) ?? { zh: "", en: "" }}
              description={draft.description as { zh: string; en: string } | undefined}
              asOf={asOf}
              asOfInvalid={asOfDay === null}
              onAsOf={(v) => {
                setAsOf(v);
                setAsOfTyped(true);
                setAsOfNote(null);
              }}
              valid={!!validation.ruleSet}
              onExport={onExport}
              onImport={(f) => void onImport(f)}
              importNote={importNote}
            />
          </Step>
          <Divider />
          <Subtitle2 as="h2" id="step-evaluate">
            {t("step.evaluate")}
          </Subtitle2>
          <OutputChoice
            mode={output}
            onMode={setOutput}
            disabled={run.state === "running"}
            noFormulaForm={
              validation.ruleSet && !hasFormulaForm(validation.ruleSet.method)
                ? pick(validation.ruleSet.name)
                : undefined
            }
          />
          <div className={styles.sticky}>
            <EvaluateStep
              state={run.state}
              canRun={canRun}
              blocker={blocker}
              step={run.step}
              done={run.done}
              total={run.total}
              error={run.state === "failed" ? undefined : run.error}
              onRun={() => void evaluate()}
              onCancel={() => abort.current?.abort()}
            />
          </div>
          <section ref={outcomeRef} className={styles.outcome} aria-labelledby="step-evaluate" tabIndex={-1}>
            {run.state === "failed" && (
              <MessageBar intent="error" role="alert">
                <MessageBarBody>{t("eval.failed", { reason: run.error ?? "" })}</MessageBarBody>
              </MessageBar>
            )}
            {outcome && <ResultCard result={outcome.result} written={liveWritten} onProblem={onProblem} />}
            {outcome && <NextList result={outcome.result} />}
            {outcome && afterResult}
            {outcome && mode === "standalone" && (
              <>
                <Subtitle2 as="h3">{t("standalone.graded", { sheet })}</Subtitle2>
                <Preview
                  label={t("standalone.graded", { sheet })}
                  headers={outcome.result.keys.map((k) => outputHeader(k, lang))}
                  rows={
                    focusExtra < 0
                      ? gradedRows
                      : [...gradedRows, outcome.result.keys.map((k) => outcome.result.columns[k][focusExtra])]
                  }
                  rowNumbers={
                    focusExtra < 0
                      ? outcome.result.sourceRow
                      : [
                          ...outcome.result.sourceRow.slice(0, gradedRows.length),
                          outcome.result.sourceRow[focusExtra],
                        ]
                  }
                  focusRow={focusRow}
                />
                {outcome.result.sourceRow.length > PREVIEW_GRADED && (
                  <Caption1>
                    {t("standalone.gradedShown", {
                      shown: PREVIEW_GRADED,
                      total: outcome.result.sourceRow.length,
                    })}
                  </Caption1>
                )}
              </>
            )}
          </section>
          {outcome && stepsFor === outcome && host && (
            <Suspense fallback={<Spinner size="tiny" label={t("app.loading")} />}>
              <Divider />
              <Step id="step-visits" title={t("step.visits")}>
                <VisitsStep
                  host={host}
                  table={outcome.table}
                  result={outcome.result}
                  ruleSet={outcome.ruleSet}
                  lang={lang}
                  t={t}
                  today={today}
                  policy={selected === "custom" ? undefined : selected}
                />
              </Step>
              <Divider />
              <Step id="step-history" title={t("step.history")}>
                <HistoryStep
                  host={host}
                  table={outcome.table}
                  result={outcome.result}
                  ruleSet={outcome.ruleSet}
                  lang={lang}
                  t={t}
                  method={selected === "custom" ? undefined : selected}
                />
              </Step>
              {stepsShown >= 2 && mapping.date !== undefined && mapping.customer_id !== undefined && (
                <>
                  <Divider />
                  <Step id="step-potential" title={clvText("paneTitle", lang)}>
                    <PotentialStep
                      host={host}
                      table={outcome.table}
                      roles={mapping}
                      lang={lang}
                      graded={{
                        policy: pick(outcome.ruleSet.name),
                        ids: outcome.result.columns.customer_id,
                        tiers: outcome.result.tierKeys,
                        names: outcome.result.tiers.map((x) => ({ key: x.key, name: pick(x.name) })),
                      }}
                      onGradeGrid={(name) => {
                        // The Potential sheet, with its potential and current value columns, on the nine-grid.
                        setSheets((list) => (list.includes(name) ? list : [...list, name]));
                        setSheet(name);
                        choose("grid9");
                      }}
                    />
                  </Step>
                </>
              )}
            </Suspense>
          )}
        </>
      )}
      {!host && mode === "office" && (
        <MessageBar intent="info">
          <MessageBarBody>{t("app.loading")}</MessageBarBody>
        </MessageBar>
      )}
    </main>
  );
}
