import {
  Button,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  tokens,
} from "@fluentui/react-components";
import { DismissRegular, PlayRegular } from "@fluentui/react-icons";
import type { ProgressStep } from "../workbook/host";
import { useI18n } from "../i18n";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  buttons: { display: "flex", gap: tokens.spacingHorizontalS },
  primary: { flexGrow: 1 },
});

export type RunState = "idle" | "running" | "done" | "cancelled" | "failed";

export interface EvaluateStepProps {
  state: RunState;
  canRun: boolean;
  /** Why it cannot run (shown instead of the button's effect). */
  blocker?: string;
  step: ProgressStep;
  done: number;
  total: number;
  error?: string;
  onRun: () => void;
  onCancel: () => void;
}

/** Step 3: one primary button, progress with the step and rows, and Cancel. */
export function EvaluateStep({
  state,
  canRun,
  blocker,
  step,
  done,
  total,
  error,
  onRun,
  onCancel,
}: EvaluateStepProps) {
  const styles = useStyles();
  const { t } = useI18n();
  const running = state === "running";
  return (
    <div className={styles.root}>
      <div className={styles.buttons}>
        <Button
          appearance="primary"
          className={styles.primary}
          icon={<PlayRegular />}
          disabled={!canRun || running}
          onClick={onRun}
        >
          {t("eval.button")}
        </Button>
        {running && (
          <Button icon={<DismissRegular />} onClick={onCancel}>
            {t("eval.cancel")}
          </Button>
        )}
      </div>
      {!canRun && blocker && !running && (
        <MessageBar intent="info">
          <MessageBarBody>{blocker}</MessageBarBody>
        </MessageBar>
      )}
      {running && (
        <Field
          label={t(`eval.step.${step}`)}
          hint={total > 0 ? t("eval.rows", { done, total }) : undefined}
          validationState="none"
        >
          <ProgressBar
            aria-label={t("eval.progressLabel")}
            value={total > 0 ? Math.min(1, done / total) : undefined}
            thickness="large"
          />
        </Field>
      )}
      {state === "cancelled" && (
        <MessageBar intent="warning">
          <MessageBarBody>{t("eval.cancelled")}</MessageBarBody>
        </MessageBar>
      )}
      {/* The pane may show the failure itself, where it moves focus to it: then it passes no error. */}
      {state === "failed" && error !== undefined && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{t("eval.failed", { reason: error ?? "" })}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
