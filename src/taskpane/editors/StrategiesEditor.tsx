import { makeStyles, Subtitle2, tokens } from "@fluentui/react-components";
import { useI18n } from "../../i18n";
import { getAt } from "../validate";
import { ValueField } from "./fields";
import type { EditorForm } from "./form";

const useStyles = makeStyles({
  list: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
});

interface TierLike {
  key: string;
  name: { zh: string; en: string };
  strategies?: { zh: string[]; en: string[] };
}

/** Splits a typed list at commas, 、 or semicolons (either width), dropping empty items. */
export function parseList(text: string): string[] {
  return text.split(/[,，、;；]\s*/).filter((s) => s.trim() !== "");
}

/**
 * Each tier's strategies (策略: the policy's actions for it) as a list in the pane's language; the
 * other language's list is kept as it is. Renders nothing when the policy has no tier list.
 */
export function StrategiesEditor({ form }: { form: EditorForm }) {
  const styles = useStyles();
  const { t, lang, pick } = useI18n();
  const tiers = (getAt(form.draft, ["tiers"]) as TierLike[] | undefined) ?? [];
  const sep = lang === "zh" ? "、" : ", ";
  if (tiers.length === 0) return null;
  return (
    <section aria-label={t("result.strategy")} className={styles.list}>
      <Subtitle2 as="h3">{t("result.strategy")}</Subtitle2>
      {tiers.map((tier, i) => (
        <ValueField
          key={i}
          form={{
            ...form,
            // Strategies come in both languages: create the pair when the tier had none.
            set: (path, value) =>
              tier.strategies
                ? form.set(path, value)
                : form.set(["tiers", i, "strategies"], { zh: [], en: [], [lang]: value }),
          }}
          path={["tiers", i, "strategies", lang]}
          label={t("editor.strategies", { tier: pick(tier.name) || tier.key })}
          hint={i === 0 ? t("editor.strategiesHint") : undefined}
          kind="text"
          show={(v) => (Array.isArray(v) ? v.join(sep) : "")}
          parse={parseList}
        />
      ))}
    </section>
  );
}
