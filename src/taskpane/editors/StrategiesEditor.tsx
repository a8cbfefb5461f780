import { makeStyles, Subtitle2, tokens } from "@fluentui/react-components";
import { tiersOf, type RuleSet } from "../../engine/methods";
import { useI18n } from "../../i18n";
import { getAt, type Path } from "../validate";
import { ValueField } from "./fields";
import type { EditorForm } from "./form";

const useStyles = makeStyles({
  list: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
});

interface TierLike {
  key: string;
  name: { zh: string; en: string };
  strategies?: { readonly zh: readonly string[]; readonly en: readonly string[] };
}

/** Splits a typed list at commas, 、 or semicolons (either width), dropping empty items. */
export function parseList(text: string): string[] {
  return text.split(/[,，、;；]\s*/).filter((s) => s.trim() !== "");
}

/** The draft's tiers as the method gives them (names, strategies), or none while the draft cannot say. */
function methodTiers(draft: Record<string, unknown>): TierLike[] {
  try {
    return tiersOf(draft as unknown as RuleSet);
  } catch {
    return [];
  }
}

/**
 * Each tier's strategies (策略: the policy's actions for it) as a list in the pane's language; the
 * other language's list is kept as it is. A policy with a tier list and no `strategies` map edits the
 * list's strategies; any other (RFM classes, stages, stars, cells) edits the map, keyed by tier key.
 * Renders nothing when the policy's tiers are unknown.
 */
export function StrategiesEditor({ form }: { form: EditorForm }) {
  const own = getAt(form.draft, ["tiers"]) as TierLike[] | undefined;
  if (Array.isArray(own) && getAt(form.draft, ["strategies"]) === undefined)
    return <StrategyFields form={form} tiers={own} at={(i) => ["tiers", i, "strategies"]} />;
  const tiers = methodTiers(form.draft);
  return <StrategyFields form={form} tiers={tiers} at={(i) => ["strategies", tiers[i].key]} />;
}

function StrategyFields({
  form,
  tiers,
  at,
}: {
  form: EditorForm;
  tiers: readonly TierLike[];
  /** Where tier i's `{ zh, en }` strategies live in the draft. */
  at: (i: number) => Path;
}) {
  const styles = useStyles();
  const { t, lang, pick } = useI18n();
  const sep = lang === "zh" ? "、" : ", ";
  if (tiers.length === 0) return null;
  return (
    <section aria-label={t("result.strategy")} className={styles.list}>
      <Subtitle2 as="h3">{t("result.strategy")}</Subtitle2>
      {tiers.map((tier, i) => (
        <ValueField
          key={tier.key}
          form={{
            ...form,
            // Strategies come in both languages: create the pair when the tier had none in the draft,
            // starting from the actions it shows (the other language kept).
            set: (path, value) =>
              getAt(form.draft, at(i)) !== undefined
                ? form.set(path, value)
                : form.set(at(i), { zh: [], en: [], ...tier.strategies, [lang]: value }),
          }}
          path={[...at(i), lang]}
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
