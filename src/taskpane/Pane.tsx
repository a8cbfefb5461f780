import {
  Divider,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Spinner,
  Subtitle2,
  tokens,
} from "@fluentui/react-components";
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { formatDay, parseIsoDay, todayDay } from "../engine/dates";
import { grade, type InputKind, type PresentedResult, type Problem } from "../engine/grade";
import { errorText, presentResult } from "../i18n/result";
import { download } from "./download";
import { guessInputKind, resolveMapping, type Role } from "../engine/headers";
import { preset, PRESET_NAMES, PRESETS } from "../engine/presets";
import { parseRuleSetText, type RuleSet } from "../engine/ruleset";
import { columnLetter, sheetRow, tableFromRows, type SheetTable } from "../engine/table";
import type { Progress, ProgressStep, SheetRead, WorkbookHost } from "../workbook/host";
import { outputHeader, SETTING_RULES, writeGrade, type WriteGradeReport } from "../workbook/write-result";
import { MESSAGES, useI18n, type MessageKey } from "../i18n";
import { clvText } from "../i18n/clv";
import { DataStep, type LoadState } from "./DataStep";
import { PolicyEditor, type ImportNote } from "./editors/PolicyEditor";
import { EvaluateStep, type RunState } from "./EvaluateStep";
import { Header } from "./Header";
import { PolicyGallery, type GalleryEntry } from "./PolicyGallery";
import { Preview } from "./Preview";
import { ResultCard } from "./ResultCard";
import { readNotes } from "./read-notes";
import { setAt, validate, type Path } from "./validate";

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
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    boxSizing: "border-box",
    maxWidth: "100%",
    minWidth: 0,
    color: tokens.colorNeutralForeground1,
  },
  step: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
});

/** One numbered step of the pane: a section labelled by its heading. */
function Step({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  const styles = useStyles();
  return (
    <section className={styles.step} aria-labelledby={id}>
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
}

const DEFAULT_PRESET = "membership";
/** Graded rows shown in the standalone preview. */
const PREVIEW_GRADED = 1000;
const PREVIEW_ROWS = 8;

class Cancelled extends Error {}

/** Lets React paint between steps of long work. */
const tick = () => new Promise<void>((resolve) => setTimeout(resolve));

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

/**
 * The table grading sees: columns whose role the user set to "none" get a neutral header, so the
 * engine's own guess cannot bring them back (the engine's --map has no "none").
 */
function tableForGrading(table: SheetTable, map: Record<string, string>, none: readonly Role[]): SheetTable {
  if (none.length === 0) return table;
  const again = resolveMapping(table.headers, map);
  const headers = [...table.headers];
  for (const role of none) {
    const col = again[role];
    if (col !== undefined) headers[col] = `column ${columnLetter(col)}`;
  }
  return { ...table, headers };
}

interface Loaded {
  state: LoadState;
  error?: string;
  read?: SheetRead;
  table?: SheetTable;
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
export function Pane({ host, mode, title = "app.title", top, afterResult, onGraded, today }: PaneProps) {
  const styles = useStyles();
  const { t, lang } = useI18n();
  const [sheets, setSheets] = useState<string[]>([]);
  const [sheet, setSheet] = useState("");
  const [loaded, setLoaded] = useState<Loaded>({ state: "idle" });
  const [choice, setChoice] = useState<Partial<Record<Role, number | null>>>({});
  const [inputChoice, setInputChoice] = useState<InputKind | null>(null);
  const [selected, setSelected] = useState<string>(DEFAULT_PRESET);
  const [custom, setCustom] = useState<{ ruleSet: RuleSet; use: MessageKey } | null>(null);
  const [draft, setDraft] = useState<Record<string, unknown>>(() => preset(DEFAULT_PRESET));
  const [asOf, setAsOf] = useState(() => formatDay(today ?? todayDay()));
  const [importNote, setImportNote] = useState<ImportNote>(null);
  const [run, setRun] = useState<Run>({ state: "idle", step: "read", done: 0, total: 0 });
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
    host.readSheet(sheet).then(
      (read) => {
        if (!live) return;
        setChoice({});
        setInputChoice(null);
        setOutcome(null);
        setRun({ state: "idle", step: "read", done: 0, total: 0 });
        setLoaded({ state: "ready", read, table: tableFromRows(read.rows, read.date1904, sheet, read.top) });
      },
      (e) => live && setLoaded({ state: "error", error: errorText(e, lang) }),
    );
    return () => {
      live = false;
    };
  }, [host, sheet]);

  const table = loaded.table;
  const headers = useMemo(() => table?.headers ?? [], [table]);
  const mapping = useMemo(() => mappingOf(headers, choice), [headers, choice]);
  const guessedInput = useMemo<InputKind>(() => {
    const id = mapping.customer_id;
    if (!table || id === undefined) return "customers";
    return guessInputKind(
      table.rows.map((r) => r[id]),
      mapping.date !== undefined,
    );
  }, [table, mapping]);
  const input = inputChoice ?? guessedInput;

  const validation = useMemo(() => validate(draft), [draft]);
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
    try {
      await tick();
      const read = await host.readSheet(sheet, progress);
      stop();
      const fresh = tableFromRows(read.rows, read.date1904, sheet, read.top);
      setRun({ state: "running", step: "grade", done: 0, total: fresh.rows.length });
      await tick();
      stop();
      const gradedTable = tableForGrading(fresh, map, none);
      const result = presentResult(grade(gradedTable, ruleSet, { input, map, asOf: asOfDay }), lang);
      setRun({ state: "running", step: "grade", done: fresh.rows.length, total: fresh.rows.length });
      await tick();
      stop();
      const report = await writeGrade(host, read, fresh, result, { lang, onProgress: progress });
      setOutcome({ result, report, table: gradedTable, ruleSet });
      setRun({ state: "done", step: "summary", done: 1, total: 1 });
      onGraded?.(result);
    } catch (e) {
      if (e instanceof Cancelled) setRun((r) => ({ ...r, state: "cancelled" }));
      else setRun((r) => ({ ...r, state: "failed", error: errorText(e, lang) }));
    } finally {
      abort.current = null;
    }
  };

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

  const graded = outcome?.result;
  const gradedRows = useMemo(() => {
    if (!graded) return [];
    const n = Math.min(graded.sourceRow.length, PREVIEW_GRADED);
    return Array.from({ length: n }, (_, i) => graded.keys.map((k) => graded.columns[k][i]));
  }, [graded]);

  return (
    <main className={styles.root}>
      <Header title={t(title)} />
      {top}
      {host && (
        <>
          <Step id="step-data" title={t("step.data")}>
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
              rowCount={table?.rows.length ?? 0}
              headerRow={(table?.top ?? 0) + (table?.headerRow ?? 0)}
              notes={readNotes(loaded.read, lang)}
            />
          </Step>
          <Divider />
          <Step id="step-policy" title={t("step.policy")}>
            <PolicyGallery entries={entries} selected={selected} onSelect={choose} />
            <PolicyEditor
              form={form}
              name={(draft.name as { zh: string; en: string }) ?? { zh: "", en: "" }}
              description={draft.description as { zh: string; en: string } | undefined}
              asOf={asOf}
              asOfInvalid={asOfDay === null}
              onAsOf={setAsOf}
              valid={!!validation.ruleSet}
              onExport={onExport}
              onImport={(f) => void onImport(f)}
              importNote={importNote}
            />
          </Step>
          <Divider />
          <Step id="step-evaluate" title={t("step.evaluate")}>
            <EvaluateStep
              state={run.state}
              canRun={canRun}
              blocker={blocker}
              step={run.step}
              done={run.done}
              total={run.total}
              error={run.error}
              onRun={() => void evaluate()}
              onCancel={() => abort.current?.abort()}
            />
            {outcome && <ResultCard result={outcome.result} written={written} onProblem={onProblem} />}
            {outcome && afterResult}
            {outcome && mode === "standalone" && (
              <>
                <Subtitle2 as="h3">{t("standalone.graded", { sheet })}</Subtitle2>
                <Preview
                  label={t("standalone.graded", { sheet })}
                  headers={outcome.result.keys.map((k) => outputHeader(k, lang))}
                  rows={gradedRows}
                  rowNumbers={outcome.result.sourceRow}
                  focusRow={focusRow}
                />
              </>
            )}
          </Step>
          {outcome && host && (
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
              {mapping.date !== undefined && mapping.customer_id !== undefined && (
                <>
                  <Divider />
                  <Step id="step-potential" title={clvText("paneTitle", lang)}>
                    <PotentialStep host={host} table={outcome.table} roles={mapping} lang={lang} />
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
