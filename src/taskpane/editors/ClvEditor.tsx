import { Field, makeStyles, Radio, RadioGroup, Text, tokens } from "@fluentui/react-components";
import type { ClvUnit } from "../../engine/clv";
import { useI18n } from "../../i18n";
import { clvText, type ClvMessage } from "../../i18n/clv";
import { ValueField } from "./fields";
import { getAt } from "../validate";
import type { EditorForm } from "./form";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  note: { color: tokens.colorNeutralForeground2 },
});

const UNITS: readonly ClvUnit[] = ["week", "month", "day"];

const VALUES: readonly [string, ClvMessage][] = [
  ["horizon", "editorHorizon"],
  ["discount", "editorDiscount"],
  ["alive", "editorAlive"],
  ["lost", "editorLost"],
];

/** The CLV policy: the unit and horizon of the forecast, its discount rate and the P(alive) lines. */
export function ClvEditor({ form }: { form: EditorForm }) {
  const styles = useStyles();
  const { lang } = useI18n();
  const t = (key: ClvMessage) => clvText(key, lang);
  return (
    <section className={styles.root}>
      <Field label={t("editorUnit")}>
        <RadioGroup
          layout="horizontal"
          value={String(getAt(form.draft, ["unit"]) ?? "week")}
          onChange={(_, d) => form.set(["unit"], d.value)}
        >
          {UNITS.map((u) => (
            <Radio key={u} value={u} label={t(u)} />
          ))}
        </RadioGroup>
      </Field>
      {VALUES.map(([key, label]) => (
        <ValueField key={key} form={form} path={[key]} label={t(label)} kind="number" />
      ))}
      <Text className={styles.note}>{t("editorTiersHint")}</Text>
    </section>
  );
}
