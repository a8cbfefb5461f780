import { Dropdown, Field, makeStyles, Option, Radio, RadioGroup, tokens } from "@fluentui/react-components";
import { useI18n } from "../../i18n";
import { getAt } from "../validate";
import { ValueField } from "./fields";
import type { EditorForm } from "./form";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
});

export interface ShareEditorProps {
  form: EditorForm;
  method: "abc" | "pyramid";
}

const MONTHS = [3, 4, 5, 6] as const;

/** ABC shares (or fixed amounts) and the pyramid's cut shares. */
export function ShareEditor({ form, method }: ShareEditorProps) {
  const styles = useStyles();
  const { t } = useI18n();
  if (method === "pyramid") {
    const cuts = (getAt(form.draft, ["cuts"]) as unknown[] | undefined) ?? [];
    return (
      <section className={styles.root} aria-label={t("editor.cuts")}>
        {cuts.map((_, i) => (
          <ValueField
            key={i}
            form={form}
            path={["cuts", i]}
            label={t("editor.cut", { n: i + 1 })}
            kind="number"
            alsoPaths={i === 0 ? [["cuts"]] : undefined}
          />
        ))}
      </section>
    );
  }
  const kind = getAt(form.draft, ["basis", "kind"]) as "share" | "amount";
  const months = getAt(form.draft, ["months"]) as number | undefined;
  return (
    <section className={styles.root} aria-label={t("editor.basis")}>
      <Field label={t("editor.basis")}>
        <RadioGroup
          layout="horizontal"
          value={kind}
          onChange={(_, d) =>
            form.set(
              ["basis"],
              d.value === "share"
                ? { kind: "share", a: 0.8, b: 0.95 }
                : { kind: "amount", a: 10000, b: 1000 },
            )
          }
        >
          <Radio value="share" label={t("editor.basisShare")} />
          <Radio value="amount" label={t("editor.basisAmount")} />
        </RadioGroup>
      </Field>
      <ValueField
        form={form}
        path={["basis", "a"]}
        label={t(kind === "share" ? "editor.shareA" : months ? "pe.standardA" : "editor.amountA")}
        kind="number"
      />
      <ValueField
        form={form}
        path={["basis", "b"]}
        label={t(kind === "share" ? "editor.shareB" : months ? "pe.standardB" : "editor.amountB")}
        kind="number"
      />
      <Field label={t("editor.months")}>
        <Dropdown
          value={months ? t("editor.monthsK", { k: months }) : t("editor.monthsAmount")}
          selectedOptions={[String(months ?? "")]}
          onOptionSelect={(_, d) => form.set(["months"], d.optionValue ? Number(d.optionValue) : undefined)}
        >
          <Option value="">{t("editor.monthsAmount")}</Option>
          {MONTHS.map((k) => (
            <Option key={k} value={String(k)}>
              {t("editor.monthsK", { k })}
            </Option>
          ))}
        </Dropdown>
      </Field>
    </section>
  );
}
