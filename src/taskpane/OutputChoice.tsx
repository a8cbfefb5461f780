import {
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  tokens,
} from "@fluentui/react-components";
import { useLiveT } from "../i18n/live";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
});

/** How the tiers are written: values (a snapshot) or live formulas (docs/formulas.md). */
export type OutputMode = "values" | "formulas";

export interface OutputChoiceProps {
  mode: OutputMode;
  onMode: (mode: OutputMode) => void;
  /** The chosen policy's name, when its method has no formula form (then values are written). */
  noFormulaForm?: string;
  disabled?: boolean;
}

/**
 * The evaluate step's output choice, shared by the pane in Excel and the standalone page: "写入方式：
 * 数值 / 实时公式", with the sentence that says what live formulas do.
 */
export function OutputChoice({ mode, onMode, noFormulaForm, disabled }: OutputChoiceProps) {
  const styles = useStyles();
  const t = useLiveT();
  return (
    <div className={styles.root}>
      <Field label={t("live.mode")} hint={t("live.hint")}>
        <RadioGroup
          layout="horizontal"
          value={mode}
          disabled={disabled}
          onChange={(_, data) => onMode(data.value === "formulas" ? "formulas" : "values")}
        >
          <Radio value="values" label={t("live.values")} />
          <Radio value="formulas" label={t("live.formulas")} />
        </RadioGroup>
      </Field>
      {mode === "formulas" && noFormulaForm !== undefined && (
        <MessageBar intent="info">
          <MessageBarBody>{t("live.noForm", { policy: noFormulaForm })}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
