import {
  Button,
  Caption1,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Subtitle2,
  tokens,
} from "@fluentui/react-components";
import { ArrowDownloadRegular, ArrowUploadRegular } from "@fluentui/react-icons";
import { useI18n } from "../../i18n";
import type { Method } from "../../engine/methods";
import type { EditorForm } from "./form";
import { EDITORS } from "./registry";
import { ExampleNote } from "./ExampleNote";
import { PaletteEditor } from "./PaletteEditor";
import { FilePickerButton } from "../FilePickerButton";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, minWidth: 0 },
  description: { color: tokens.colorNeutralForeground2 },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

export type ImportNote = { kind: "ok"; file: string } | { kind: "error"; reason: string } | null;

export interface PolicyEditorProps {
  form: EditorForm;
  /** Name and description of the policy in both languages. */
  name: { zh: string; en: string };
  description?: { zh: string; en: string };
  asOf: string;
  asOfInvalid: boolean;
  onAsOf: (value: string) => void;
  valid: boolean;
  onExport: () => void;
  onImport: (file: File) => void;
  importNote: ImportNote;
}

/** The editor of the chosen policy: its method's settings, the as-of date, export and import. */
export function PolicyEditor(props: PolicyEditorProps) {
  const { form, name, description, asOf, asOfInvalid, onAsOf, valid, onExport, onImport, importNote } = props;
  const styles = useStyles();
  const { t, pick } = useI18n();
  const MethodEditor = EDITORS[form.draft.method as Method];
  return (
    <section className={styles.root} aria-label={t("policy.editor", { name: pick(name) })}>
      <Subtitle2 as="h3">{t("policy.editor", { name: pick(name) })}</Subtitle2>
      {description && <Caption1 className={styles.description}>{pick(description)}</Caption1>}
      <Field
        label={t("policy.asOf")}
        hint={t("policy.asOfHint")}
        validationState={asOfInvalid ? "error" : "none"}
        validationMessage={asOfInvalid ? t("invalid.other", { reason: "YYYY-MM-DD" }) : undefined}
      >
        <Input type="date" value={asOf} onChange={(_, d) => onAsOf(d.value)} />
      </Field>
      <ExampleNote form={form} />
      <MethodEditor form={form} />
      <PaletteEditor form={form} />
      {!valid && (
        <MessageBar intent="warning">
          <MessageBarBody>{t("policy.invalid")}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.actions}>
        <Button icon={<ArrowDownloadRegular />} disabled={!valid} onClick={onExport}>
          {t("policy.export")}
        </Button>
        <FilePickerButton accept=".json,application/json" icon={<ArrowUploadRegular />} onFile={onImport}>
          {t("policy.import")}
        </FilePickerButton>
      </div>
      {importNote && (
        <MessageBar intent={importNote.kind === "ok" ? "success" : "error"} role="alert">
          <MessageBarBody>
            {importNote.kind === "ok"
              ? t("policy.imported", { file: importNote.file })
              : t("policy.importFailed", { reason: importNote.reason })}
          </MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
