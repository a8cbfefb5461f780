import {
  Button,
  Field,
  makeStyles,
  Radio,
  RadioGroup,
  Subtitle2,
  Tab,
  TabList,
  Text,
  tokens,
} from "@fluentui/react-components";
import { useState } from "react";
import { normaliseWeights } from "../../engine/scorecard";
import { useI18n } from "../../i18n";
import { getAt, numberOrText, pathKey } from "../validate";
import { DraftInput, ValueField } from "./fields";
import type { EditorForm } from "./form";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  weights: {
    display: "grid",
    gridTemplateColumns: "1fr 5.5em",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXXS,
    alignItems: "center",
  },
  name: { fontSize: tokens.fontSizeBase200, overflowWrap: "anywhere" },
  weight: { minWidth: 0, width: "100%", fontVariantNumeric: "tabular-nums" },
  sumRow: {
    display: "flex",
    alignItems: "center",
    justifyContent: "space-between",
    gap: tokens.spacingHorizontalS,
  },
  stars: { display: "grid", gridTemplateColumns: "1fr 1fr", gap: tokens.spacingHorizontalS },
});

interface Criterion {
  key: string;
  name: { zh: string; en: string };
}

export interface ScorecardEditorProps {
  form: EditorForm;
}

/** Criteria weights per stage profile with a live sum and Normalise, star thresholds, scale. */
export function ScorecardEditor({ form }: ScorecardEditorProps) {
  const styles = useStyles();
  const { t, pick } = useI18n();
  const profiles = (getAt(form.draft, ["profiles"]) as Record<string, unknown[]> | undefined) ?? {};
  const stages = Object.keys(profiles);
  const [chosen, setChosen] = useState(stages[0] ?? "");
  const stage = stages.includes(chosen) ? chosen : (stages[0] ?? "");
  const criteria = (getAt(form.draft, ["criteria"]) as Criterion[] | undefined) ?? [];
  const weights = profiles[stage] ?? [];
  const numeric = weights.every((w) => typeof w === "number" && Number.isFinite(w));
  const sum = numeric ? (weights as number[]).reduce((a, b) => a + b, 0) : NaN;
  const sumText = Number.isNaN(sum) ? "—" : String(Math.round(sum * 100) / 100);
  const sumOk = Math.abs(sum - 100) < 1e-6;
  const sumProblem = form.problems[pathKey(["profiles", stage])];
  const canNormalise = numeric && sum > 0 && !sumOk && weights.every((w) => (w as number) >= 0);
  return (
    <section className={styles.root}>
      <Field label={t("editor.scale")}>
        <RadioGroup
          layout="horizontal"
          value={String(getAt(form.draft, ["scale"]))}
          onChange={(_, d) => form.set(["scale"], Number(d.value))}
        >
          <Radio value="5" label={t("editor.scale5")} />
          <Radio value="100" label={t("editor.scale100")} />
        </RadioGroup>
      </Field>
      <Subtitle2 as="h3">{t("editor.stars")}</Subtitle2>
      <div className={styles.stars}>
        {[5, 4, 3, 2].map((n, i) => (
          <ValueField
            key={n}
            form={form}
            path={["stars", i]}
            label={t("editor.starN", { n })}
            kind="number"
            size="small"
          />
        ))}
      </div>
      <Field label={t("editor.missing")}>
        <RadioGroup
          value={String(getAt(form.draft, ["missing"]))}
          onChange={(_, d) => form.set(["missing"], d.value)}
        >
          <Radio value="skip" label={t("editor.missingSkip")} />
          <Radio value="one" label={t("editor.missingOne")} />
        </RadioGroup>
      </Field>
      <Subtitle2 as="h3">{t("editor.weights")}</Subtitle2>
      {stages.length > 1 && (
        <TabList
          size="small"
          aria-label={t("editor.profile")}
          selectedValue={stage}
          onTabSelect={(_, d) => setChosen(String(d.value))}
        >
          {stages.map((s) => (
            <Tab key={s} value={s}>
              {s}
            </Tab>
          ))}
        </TabList>
      )}
      <div className={styles.weights} role="group" aria-label={`${t("editor.weights")} ${stage}`}>
        {criteria.map((c, i) => {
          const label = t("editor.weightOf", { criterion: pick(c.name) });
          const bad = form.problems[pathKey(["profiles", stage, i])];
          return [
            <Text key={`n${i}`} className={styles.name} aria-hidden>
              {pick(c.name)}
            </Text>,
            <DraftInput
              key={`w${i}`}
              size="small"
              className={styles.weight}
              aria-label={label}
              aria-invalid={!!bad}
              inputMode="decimal"
              text={String(weights[i] ?? "")}
              onText={(text) => form.set(["profiles", stage, i], numberOrText(text))}
            />,
          ];
        })}
      </div>
      <Field
        validationState={sumProblem ? "error" : sumOk ? "success" : "none"}
        validationMessage={sumProblem ? t(sumProblem.key, sumProblem.params) : undefined}
      >
        <div className={styles.sumRow}>
          <Text weight="semibold" role="status" aria-live="polite">
            {t(sumOk ? "editor.weightSumOk" : "editor.weightSum", { sum: sumText })}
          </Text>
          <Button
            size="small"
            disabled={!canNormalise}
            onClick={() => form.set(["profiles", stage], normaliseWeights(weights as number[]))}
          >
            {t("editor.normalise")}
          </Button>
        </div>
      </Field>
    </section>
  );
}
