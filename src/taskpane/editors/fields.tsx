import { Field, Input, makeStyles, Switch, tokens, type InputProps } from "@fluentui/react-components";
import { useState } from "react";
import { useI18n } from "../../i18n";
import { getAt, numberOrText, pathKey, type Path } from "../validate";
import type { EditorForm } from "./form";

const useStyles = makeStyles({
  field: { minWidth: 0 },
  input: { minWidth: 0, width: "100%" },
  compact: { minWidth: 0, width: "100%", fontVariantNumeric: "tabular-nums" },
  switch: { marginLeft: `calc(-1 * ${tokens.spacingHorizontalS})` },
});

export interface DraftInputProps extends Omit<InputProps, "value" | "onChange"> {
  /** The stored value as text. */
  text: string;
  onText: (text: string) => void;
}

/**
 * An input that shows what the user types ("0." on the way to "0.5") while it has focus, and the
 * stored value otherwise: storing parsed numbers on every key would eat the decimal point.
 */
export function DraftInput({ text, onText, onBlur, ...rest }: DraftInputProps) {
  const [typing, setTyping] = useState<string | null>(null);
  return (
    <Input
      {...rest}
      value={typing ?? text}
      onChange={(_, d) => {
        setTyping(d.value);
        onText(d.value);
      }}
      onBlur={(e) => {
        setTyping(null);
        onBlur?.(e);
      }}
    />
  );
}

export type FieldKind = "number" | "text";

export interface ValueFieldProps {
  form: EditorForm;
  path: Path;
  label: string;
  kind: FieldKind;
  hint?: string;
  /** Text → stored value (numbers, lists, ranges); the default keeps numbers as numbers. */
  parse?: (text: string) => unknown;
  /** Stored value → text. */
  show?: (value: unknown) => string;
  /** Problems of other paths shown on this field too (e.g. the whole list). */
  alsoPaths?: readonly Path[];
  size?: "small" | "medium";
}

/** One editable value of the rule set, with its problem (if any) shown under it. */
export function ValueField({ form, path, label, kind, hint, parse, show, alsoPaths, size }: ValueFieldProps) {
  const styles = useStyles();
  const { t } = useI18n();
  const value = getAt(form.draft, path);
  const problem = [path, ...(alsoPaths ?? [])].map((p) => form.problems[pathKey(p)]).find(Boolean);
  const text = show ? show(value) : value === undefined || value === null ? "" : String(value);
  const toValue = parse ?? (kind === "number" ? numberOrText : (s: string) => s);
  return (
    <Field
      className={styles.field}
      label={label}
      hint={hint}
      size={size}
      validationState={problem ? "error" : "none"}
      validationMessage={problem ? t(problem.key, problem.params) : undefined}
    >
      <DraftInput
        className={kind === "number" ? styles.compact : styles.input}
        size={size}
        text={text}
        inputMode={kind === "number" ? "decimal" : "text"}
        onText={(t) => form.set(path, toValue(t))}
      />
    </Field>
  );
}

export interface ToggleFieldProps {
  form: EditorForm;
  path: Path;
  label: string;
}

/** A yes/no value of the rule set. */
export function ToggleField({ form, path, label }: ToggleFieldProps) {
  const styles = useStyles();
  return (
    <Switch
      className={styles.switch}
      label={label}
      checked={getAt(form.draft, path) === true}
      onChange={(_, d) => form.set(path, d.checked)}
    />
  );
}
