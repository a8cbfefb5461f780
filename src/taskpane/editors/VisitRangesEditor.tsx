import { Caption1, Checkbox, Field, makeStyles, Subtitle2, Text, tokens } from "@fluentui/react-components";
import { useI18n } from "../../i18n";
import { getAt, numberOrText, pathKey } from "../validate";
import { optionalNumber, CellField } from "./cells";
import { DraftInput, ValueField } from "./fields";
import type { EditorForm } from "./form";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  intro: { color: tokens.colorNeutralForeground2 },
  row: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 1fr) minmax(3.5em, 5em) minmax(3.5em, 5em)",
    columnGap: tokens.spacingHorizontalS,
    alignItems: "start",
  },
  name: { overflowWrap: "anywhere", paddingTop: tokens.spacingVerticalXS },
  priority: { display: "grid", gridTemplateColumns: "repeat(3, minmax(0, 1fr))" },
});

interface Cell {
  cell: string;
  name: { zh: string; en: string };
  visits?: unknown;
  maxVisits?: unknown;
}

/** 0.6 ↔ "60": the target is a share in the rule set and a percentage in the pane. */
const percentText = (v: unknown) =>
  typeof v === "number" ? String(Math.round(v * 10000) / 100) : v === undefined ? "" : String(v);
function percentValue(text: string): unknown {
  const v = optionalNumber(text);
  return typeof v === "number" ? Math.round(v * 100) / 10000 : v;
}

/** The coverage target in per cent; the schema's bounds (a share, 0 to 1) are shown in per cent too. */
function TargetField({ form }: { form: EditorForm }) {
  const { t } = useI18n();
  const problem = form.problems[pathKey(["coverageTarget"])];
  const bound = problem?.params?.n;
  const message = !problem
    ? undefined
    : typeof bound === "number"
      ? t(problem.key, { n: bound * 100 })
      : t(problem.key, problem.params);
  return (
    <Field
      label={t("pe.ranges.target")}
      validationState={problem ? "error" : "none"}
      validationMessage={message}
    >
      <DraftInput
        inputMode="decimal"
        text={percentText(getAt(form.draft, ["coverageTarget"]))}
        onText={(s) => form.set(["coverageTarget"], percentValue(s))}
      />
    </Field>
  );
}

/**
 * The nine-grid's visits a month as ranges (pharma: A 4–6, B 2–4, C 0–2): each cell's least and
 * most (the most empty for a fixed number); with ranges, the calls a representative makes a day
 * (10 when empty), the coverage target and the priority cells it is measured on.
 */
export function VisitRangesEditor({ form }: { form: EditorForm }) {
  const styles = useStyles();
  const { t, pick } = useI18n();
  const cells = (getAt(form.draft, ["cells"]) as Cell[] | undefined) ?? [];
  const ranged = cells.some((c) => c.maxVisits !== undefined);
  const priority = (getAt(form.draft, ["priority"]) as string[] | undefined) ?? [];
  const togglePriority = (cell: string, on: boolean) => {
    const next = cells.map((c) => c.cell).filter((c) => (c === cell ? on : priority.includes(c)));
    form.set(["priority"], next.length ? next : undefined);
  };
  return (
    <section className={styles.root} aria-label={t("pe.ranges.title")}>
      <Subtitle2 as="h3">{t("pe.ranges.title")}</Subtitle2>
      <Caption1 className={styles.intro}>{t("pe.ranges.intro")}</Caption1>
      <div className={styles.row} aria-hidden>
        <span />
        <Caption1>{t("pe.ranges.least")}</Caption1>
        <Caption1>{t("pe.ranges.most")}</Caption1>
      </div>
      {cells.map((c, i) => {
        const below =
          typeof c.visits === "number" && typeof c.maxVisits === "number" && c.maxVisits < c.visits;
        return (
          <div key={c.cell} className={styles.row}>
            <Text className={styles.name} size={200}>
              {c.cell} {pick(c.name)}
            </Text>
            <CellField
              form={form}
              path={["cells", i, "visits"]}
              name={t("pe.ranges.min", { cell: c.cell })}
              parse={numberOrText}
            />
            <CellField
              form={form}
              path={["cells", i, "maxVisits"]}
              name={t("pe.ranges.max", { cell: c.cell })}
              warning={below ? t("pe.ranges.maxBelowMin") : undefined}
            />
          </div>
        );
      })}
      {ranged && (
        <>
          <ValueField
            form={form}
            path={["capacity"]}
            label={t("pe.ranges.capacity")}
            hint={t("pe.ranges.capacityHint")}
            kind="number"
            parse={optionalNumber}
          />
          <TargetField form={form} />
          <Field label={t("pe.ranges.priority")}>
            <div className={styles.priority} role="group" aria-label={t("pe.ranges.priority")}>
              {cells.map((c) => (
                <Checkbox
                  key={c.cell}
                  label={c.cell}
                  checked={priority.includes(c.cell)}
                  onChange={(_, d) => togglePriority(c.cell, d.checked === true)}
                />
              ))}
            </div>
          </Field>
        </>
      )}
    </section>
  );
}
