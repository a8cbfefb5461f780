import { makeStyles, tokens } from "@fluentui/react-components";
import { useI18n, type MessageKey } from "../../i18n";
import { ValueField } from "./fields";
import type { EditorForm } from "./form";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
});

const WINDOWS: readonly [string, MessageKey][] = [
  ["lostDays", "editor.lostDays"],
  ["atRiskDays", "editor.atRiskDays"],
  ["newDays", "editor.newDays"],
  ["loyalFrequency", "editor.loyalFrequency"],
  ["regularFrequency", "editor.regularFrequency"],
];

export interface LifecycleEditorProps {
  form: EditorForm;
}

/** The lifecycle windows: days without purchase, days since the first, purchases. */
export function LifecycleEditor({ form }: LifecycleEditorProps) {
  const styles = useStyles();
  const { t } = useI18n();
  return (
    <section className={styles.root}>
      {WINDOWS.map(([key, label]) => (
        <ValueField key={key} form={form} path={["windows", key]} label={t(label)} kind="number" />
      ))}
    </section>
  );
}
