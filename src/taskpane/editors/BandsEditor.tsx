import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  Caption1,
  makeStyles,
  Subtitle2,
  Switch,
  tokens,
} from "@fluentui/react-components";
import { AddRegular, DeleteRegular } from "@fluentui/react-icons";
import type { Band } from "../../engine/bands";
import { useI18n } from "../../i18n";
import { getAt } from "../validate";
import { CellField } from "./cells";
import type { EditorForm } from "./form";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  intro: { color: tokens.colorNeutralForeground2 },
  panel: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  band: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    paddingBlock: tokens.spacingVerticalXS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  // Three narrow numbers and a button fit 350 px; below that they wrap rather than overflow.
  row: {
    display: "grid",
    gridTemplateColumns: "repeat(3, minmax(4.5em, 1fr)) auto",
    columnGap: tokens.spacingHorizontalS,
    alignItems: "end",
  },
  reads: { color: tokens.colorNeutralForeground2, fontVariantNumeric: "tabular-nums" },
  header: { overflowWrap: "anywhere" },
});

interface Criterion {
  key: string;
  name: { zh: string; en: string };
}

/** A band as read, to show what it means ("≥ 500 → 5 分"); nothing while a number is being fixed. */
function useReading() {
  const { t } = useI18n();
  return (b: Partial<Record<keyof Band, unknown>>): string | undefined => {
    const num = (v: unknown) => v === undefined || (typeof v === "number" && Number.isFinite(v));
    if (!num(b.min) || !num(b.max) || typeof b.points !== "number") return undefined;
    const p = { min: String(b.min), max: String(b.max), points: b.points };
    if (b.min !== undefined && b.max !== undefined) return t("pe.bands.readBoth", p);
    if (b.min !== undefined) return t("pe.bands.readMin", p);
    if (b.max !== undefined) return t("pe.bands.readMax", p);
    return t("pe.bands.readAny", p);
  };
}

/**
 * The dealer card's point bands (评分档): per item, raw figure ranges turned into 0–5 points, first
 * band that holds wins, none gives 0. An item without bands is rated 0–5 directly; the switch gives
 * it bands or takes them away. Problems come from the rule set's schema, in the user's language.
 */
export function BandsEditor({ form }: { form: EditorForm }) {
  const styles = useStyles();
  const { t, pick } = useI18n();
  const reading = useReading();
  const criteria = (getAt(form.draft, ["criteria"]) as Criterion[] | undefined) ?? [];
  const all = (getAt(form.draft, ["bands"]) as Record<string, Partial<Band>[]> | undefined) ?? {};
  const withBands = criteria.filter((c) => Array.isArray(all[c.key])).map((c) => c.key);
  const toggle = (key: string, on: boolean) => {
    if (on) form.set(["bands", key], [{ min: 0, points: 5 }]);
    else form.set(["bands"], Object.fromEntries(Object.entries(all).filter(([k]) => k !== key)));
  };
  return (
    <section className={styles.root} aria-label={t("pe.bands.title")}>
      <Subtitle2 as="h3">{t("pe.bands.title")}</Subtitle2>
      <Caption1 className={styles.intro}>{t("pe.bands.intro")}</Caption1>
      <Accordion multiple collapsible defaultOpenItems={withBands.slice(0, 1)}>
        {criteria.map((c) => {
          const item = pick(c.name);
          const bands = all[c.key];
          return (
            <AccordionItem key={c.key} value={c.key}>
              <AccordionHeader size="small" className={styles.header}>
                {t("pe.bands.header", {
                  item,
                  state: bands ? t("pe.bands.count", { n: bands.length }) : t("pe.bands.direct"),
                })}
              </AccordionHeader>
              <AccordionPanel className={styles.panel}>
                <Switch
                  label={t("pe.bands.use")}
                  aria-label={t("pe.bands.useOf", { item })}
                  checked={!!bands}
                  onChange={(_, d) => toggle(c.key, d.checked)}
                />
                {bands?.map((b, i) => {
                  const n = i + 1;
                  const path = ["bands", c.key, i];
                  const inverted = typeof b.min === "number" && typeof b.max === "number" && b.min > b.max;
                  return (
                    <div key={i} className={styles.band} role="group" aria-label={t("pe.bands.band", { n })}>
                      <div className={styles.row}>
                        <CellField
                          form={form}
                          path={[...path, "min"]}
                          label={t("pe.bands.min")}
                          name={t("pe.bands.minOf", { item, n })}
                          warning={inverted ? t("pe.bands.minAboveMax") : undefined}
                        />
                        <CellField
                          form={form}
                          path={[...path, "max"]}
                          label={t("pe.bands.max")}
                          name={t("pe.bands.maxOf", { item, n })}
                        />
                        <CellField
                          form={form}
                          path={[...path, "points"]}
                          label={t("pe.bands.points")}
                          name={t("pe.bands.pointsOf", { item, n })}
                        />
                        <Button
                          appearance="subtle"
                          icon={<DeleteRegular />}
                          aria-label={t("pe.bands.remove", { n, item })}
                          title={t("pe.bands.remove", { n, item })}
                          disabled={bands.length === 1}
                          onClick={() =>
                            form.set(
                              ["bands", c.key],
                              bands.filter((_, k) => k !== i),
                            )
                          }
                        />
                      </div>
                      <Caption1 className={styles.reads}>{reading(b) ?? "—"}</Caption1>
                    </div>
                  );
                })}
                {bands && (
                  <>
                    <Caption1 className={styles.intro}>{t("pe.bands.openHint")}</Caption1>
                    <Button
                      size="small"
                      icon={<AddRegular />}
                      aria-label={t("pe.bands.addTo", { item })}
                      onClick={() => form.set(["bands", c.key], [...bands, { points: 0 }])}
                    >
                      {t("pe.bands.add")}
                    </Button>
                  </>
                )}
              </AccordionPanel>
            </AccordionItem>
          );
        })}
      </Accordion>
    </section>
  );
}
