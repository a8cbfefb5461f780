import { Caption1, makeStyles, Subtitle2, tokens } from "@fluentui/react-components";
import type { Retention } from "../../engine/retention";
import { useI18n } from "../../i18n";
import { getAt, type Path } from "../validate";
import { CellField } from "./cells";
import type { EditorForm } from "./form";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  intro: { color: tokens.colorNeutralForeground2 },
  bars: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(9em, 1fr))",
    gap: tokens.spacingHorizontalS,
  },
});

interface Tier {
  key: string;
  name: { zh: string; en: string };
}
type Draft = { keep?: Record<string, unknown>; periods?: unknown };

/**
 * Tier retention (保级) of rule tables and level policies: per tier the value at or above which a
 * customer keeps it at re-evaluation, and how many evaluations below before they move down. An empty
 * field removes its entry, and an empty retention removes the field, as a rule file without one reads.
 */
export function RetentionEditor({ form }: { form: EditorForm }) {
  const styles = useStyles();
  const { t, pick } = useI18n();
  const tiers = (getAt(form.draft, ["tiers"]) as Tier[] | undefined) ?? [];
  const retention = (getAt(form.draft, ["retention"]) as Draft | undefined) ?? {};
  const put = (next: Draft) => {
    const out: Draft = {};
    if (next.keep && Object.keys(next.keep).length) out.keep = next.keep;
    if (next.periods !== undefined) out.periods = next.periods;
    form.set(["retention"], Object.keys(out).length ? (out as Retention) : undefined);
  };
  // The cells write through here, so that clearing one removes its entry rather than storing nothing.
  const own: EditorForm = {
    ...form,
    set: (path: Path, value: unknown) => {
      if (path[1] === "periods") return put({ ...retention, periods: value });
      const keep = { ...retention.keep };
      if (value === undefined) delete keep[String(path[2])];
      else keep[String(path[2])] = value;
      put({ ...retention, keep });
    },
  };
  return (
    <section className={styles.root} aria-label={t("pe.keep.title")}>
      <Subtitle2 as="h3">{t("pe.keep.title")}</Subtitle2>
      <Caption1 className={styles.intro}>{t("pe.keep.intro")}</Caption1>
      <div className={styles.bars}>
        {tiers.map((tier) => {
          const label = t("pe.keep.bar", { tier: pick(tier.name) || tier.key });
          return (
            <CellField
              key={tier.key}
              form={own}
              path={["retention", "keep", tier.key]}
              label={label}
              name={label}
            />
          );
        })}
      </div>
      <CellField
        form={own}
        path={["retention", "periods"]}
        label={t("pe.keep.periods")}
        name={t("pe.keep.periods")}
        hint={t("pe.keep.periodsHint")}
      />
    </section>
  );
}
