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

export interface CellFieldProps {
  form: EditorForm;
  path: Path;
  /** The short label shown above the input ("From", "列"); none where a header row says it once. */
  label?: string;
  /** The full name read by a screen reader and by tests ("逾期率第 1 档：不高于"). */
  name: string;
  parse?: (text: string) => unknown;
  show?: (value: unknown) => string;
  hint?: string;
  /** A warning of the editor's own (not a schema problem), shown when the schema has none. */
  warning?: string;
  /** Text (a column name, a value) rather than a number. */
  text?: boolean;
}

/**
 * One small field of a row of fields (a band's ends and points, a cell's least and most visits, a
 * condition's column and value): its problem from the schema under it in the user's language, a short
 * visible label (or none, under a header row) and a full name for screen readers.
 */
export function CellField({
  form,
  path,
  label,
  name,
  parse,
  show,
  hint,
  warning,
  text: isText,
}: CellFieldProps) {
  const styles = useStyles();
  const { t } = useI18n();
  const value = getAt(form.draft, path);
  const problem = form.problems[pathKey(path)];
  const shown = show ? show(value) : value === undefined || value === null ? "" : String(value);
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
        inputMode={isText ? "text" : "decimal"}
        text={shown}
        onText={(s) => form.set(path, (parse ?? (isText ? (x: string) => x : optionalNumber))(s))}
      />
    </Field>
  );
}
