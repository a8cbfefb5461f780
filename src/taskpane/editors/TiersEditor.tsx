import { makeStyles, Subtitle2, tokens } from "@fluentui/react-components";
import { useI18n } from "../../i18n";
import { getAt } from "../validate";
import { ToggleField, ValueField } from "./fields";
import type { EditorForm } from "./form";

const useStyles = makeStyles({
  tier: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    paddingBlock: tokens.spacingVerticalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
});

export interface TiersEditorProps {
  form: EditorForm;
  /** Also edit each tier's lowest value (the `level` method). */
  withMin: boolean;
  /** Edit benefits and the cumulative switch (membership-style policies). */
  withBenefits: boolean;
}

interface TierLike {
  key: string;
  name: { zh: string; en: string };
  benefits?: { zh: string[]; en: string[] };
}

/** Tier names (in the pane's language), lowest values and benefits. */
export function TiersEditor({ form, withMin, withBenefits }: TiersEditorProps) {
  const styles = useStyles();
  const { t, lang, pick } = useI18n();
  const tiers = (getAt(form.draft, ["tiers"]) as TierLike[] | undefined) ?? [];
  const sep = lang === "zh" ? "、" : ", ";
  return (
    <section aria-label={t("editor.tiers")}>
      <Subtitle2 as="h3">{t("editor.tiers")}</Subtitle2>
      {tiers.map((tier, i) => {
        const shown = pick(tier.name) || tier.key;
        return (
          <div key={i} className={styles.tier}>
            <ValueField
              form={form}
              path={["tiers", i, "name", lang]}
              label={t("editor.tierName", { n: i + 1 })}
              kind="text"
            />
            {withMin && (
              <ValueField
                form={form}
                path={["tiers", i, "min"]}
                label={t("editor.minOf", { tier: shown })}
                kind="number"
              />
            )}
            {withBenefits && (
              <>
                <ValueField
                  form={{
                    ...form,
                    // Benefits come in both languages: create the pair when the tier had none.
                    set: (path, value) =>
                      tier.benefits
                        ? form.set(path, value)
                        : form.set(["tiers", i, "benefits"], { zh: [], en: [], [lang]: value }),
                  }}
                  path={["tiers", i, "benefits", lang]}
                  label={t("editor.benefits", { tier: shown })}
                  hint={t("editor.benefitsHint")}
                  kind="text"
                  show={(v) => (Array.isArray(v) ? v.join(sep) : "")}
                  parse={(text) => text.split(/[,，、;；]\s*/).filter((s) => s.trim() !== "")}
                />
                <ToggleField
                  form={form}
                  path={["tiers", i, "cumulative"]}
                  label={t("editor.cumulative", { tier: shown })}
                />
              </>
            )}
          </div>
        );
      })}
    </section>
  );
}
