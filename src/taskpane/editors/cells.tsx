import { Field, makeStyles } from "@fluentui/react-components";
import { useI18n } from "../../i18n";
import { getAt, numberOrText, pathKey, type Path } from "../validate";
import { DraftInput } from "./fields";
import type { EditorForm } from "./form";

const useStyles = makeStyles({
  field: { minWidth: 0 },
  input: { minWidth: 0, width: "100%", fontVariantNumeric: "tabular-nums" },
});

/** Empty text → no value (an open end, a default); a number → the number; else the text, for the schema to report. */
export function optionalNumber(text: string): number | string | undefined {
  return text.trim() === "" ? undefined : numberOrText(text);
}

export interface NumberCellProps {
  form: EditorForm;
  path: Path;
  /** The short label shown above the input ("From", "最少"). */
  label: string;
  /** The full name read by a screen reader and by tests ("逾期率第 1 档：不高于"). */
  name: string;
  parse?: (text: string) => unknown;
  show?: (value: unknown) => string;
  hint?: string;
  /** A warning of the editor's own (not a schema problem), shown when the schema has none. */
  warning?: string;
}

/**
 * One small number of a row of numbers (a band's ends and points, a cell's least and most visits):
 * its problem from the schema under it in the user's language, a short visible label and a full name.
 */
export function NumberCell({ form, path, label, name, parse, show, hint, warning }: NumberCellProps) {
  const styles = useStyles();
  const { t } = useI18n();
  const value = getAt(form.draft, path);
  const problem = form.problems[pathKey(path)];
  const text = show ? show(value) : value === undefined || value === null ? "" : String(value);
  const message = problem ? t(problem.key, problem.params) : warning;
  return (
    <Field
      className={styles.field}
      label={label}
      hint={hint}
      size="small"
      validationState={problem ? "error" : warning ? "warning" : "none"}
      validationMessage={message}
    >
      <DraftInput
        className={styles.input}
        size="small"
        aria-label={name}
        inputMode="decimal"
        text={text}
        onText={(s) => form.set(path, (parse ?? optionalNumber)(s))}
      />
    </Field>
  );
}
