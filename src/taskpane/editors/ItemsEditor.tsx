import {
  Button,
  Caption1,
  Field,
  Input,
  makeStyles,
  Radio,
  RadioGroup,
  Subtitle2,
  tokens,
} from "@fluentui/react-components";
import { AddRegular, DeleteRegular } from "@fluentui/react-icons";
import { useState } from "react";
import { normaliseHeader } from "../../engine/headers";
import { useI18n } from "../../i18n";
import { getAt, numberOrText } from "../validate";
import { CellField } from "./cells";
import type { EditorForm } from "./form";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  intro: { color: tokens.colorNeutralForeground2 },
  item: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 1fr) auto",
    columnGap: tokens.spacingHorizontalS,
    alignItems: "end",
  },
  add: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    paddingTop: tokens.spacingVerticalS,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  input: { minWidth: 0, width: "100%" },
});

interface Criterion {
  key: string;
  name: { zh: string; en: string };
  group?: string;
}

export type ScoredBy = "rating" | "bands";

/** What the add form holds: the new item's name, source column, weight (as typed) and how it is scored. */
export interface NewItem {
  name: string;
  column: string;
  weight: number;
  scoredBy: ScoredBy;
}

/**
 * The draft with one more item: its key is its source column (or its name), which the method also
 * reads as a header, so the item is found by its column whatever it is later renamed to; every weight
 * profile gains the item's weight, and an item scored by bands gets one band (0 or more → 5 points).
 *
 * @example withItem(draft, { name: "网点数", column: "", weight: 5, scoredBy: "rating" }).criteria.at(-1) // { key: "网点数", name: { zh: "网点数", en: "网点数" } }
 */
export function withItem(draft: Record<string, unknown>, item: NewItem): Record<string, unknown> {
  const key = (item.column.trim() || item.name.trim()).trim();
  const criteria = (draft.criteria as Criterion[] | undefined) ?? [];
  const profiles = (draft.profiles as Record<string, unknown[]> | undefined) ?? {};
  const next: Record<string, unknown> = {
    ...draft,
    criteria: [...criteria, { key, name: { zh: item.name.trim(), en: item.name.trim() } }],
    profiles: Object.fromEntries(Object.entries(profiles).map(([s, w]) => [s, [...w, item.weight]])),
  };
  if (item.scoredBy === "bands")
    next.bands = { ...((draft.bands as Record<string, unknown>) ?? {}), [key]: [{ min: 0, points: 5 }] };
  return next;
}

/**
 * The draft without item `i`: its entry leaves every weight profile (profiles list weights by item
 * position) and its bands go with it. The other weights are not rescaled: the sum check then says by
 * how much the profile falls short, and the user decides (Normalise, or raise one item).
 */
export function withoutItem(draft: Record<string, unknown>, i: number): Record<string, unknown> {
  const criteria = (draft.criteria as Criterion[] | undefined) ?? [];
  const profiles = (draft.profiles as Record<string, unknown[]> | undefined) ?? {};
  const key = criteria[i]?.key;
  const next: Record<string, unknown> = {
    ...draft,
    criteria: criteria.filter((_, k) => k !== i),
    profiles: Object.fromEntries(Object.entries(profiles).map(([s, w]) => [s, w.filter((_, k) => k !== i)])),
  };
  const bands = draft.bands as Record<string, unknown> | undefined;
  if (bands && key !== undefined && key in bands)
    next.bands = Object.fromEntries(Object.entries(bands).filter(([k]) => k !== key));
  return next;
}

/**
 * The scorecard's items (评分项目): rename an item (its name in the pane's language), remove it, or
 * add one with a name, a source column, a weight and a way to score it (a rating in the sheet, or a
 * raw figure turned into points by bands, edited below in the point bands editor).
 */
export function ItemsEditor({ form }: { form: EditorForm }) {
  const styles = useStyles();
  const { t, lang, pick } = useI18n();
  const criteria = (getAt(form.draft, ["criteria"]) as Criterion[] | undefined) ?? [];
  const [name, setName] = useState("");
  const [column, setColumn] = useState("");
  const [weight, setWeight] = useState("5");
  const [scoredBy, setScoredBy] = useState<ScoredBy>("rating");
  const key = column.trim() || name.trim();
  // A second item on the same column (its key or a name) would read the same figures twice.
  const taken =
    key !== "" &&
    criteria.some((c) =>
      [c.key, c.name.zh, c.name.en].some((h) => normaliseHeader(h) === normaliseHeader(key)),
    );
  const w = numberOrText(weight);
  const ready = name.trim() !== "" && !taken && typeof w === "number" && w >= 0;
  const replace = (next: Record<string, unknown>) => {
    // One change per field the edit touches, so the draft's other fields are left as they are.
    for (const field of ["criteria", "profiles", "bands"])
      if (next[field] !== form.draft[field]) form.set([field], next[field]);
  };
  const add = () => {
    if (!ready) return;
    replace(withItem(form.draft, { name, column, weight: w, scoredBy }));
    setName("");
    setColumn("");
  };
  return (
    <section className={styles.root} aria-label={t("pe.items.title")}>
      <Subtitle2 as="h3">{t("pe.items.title")}</Subtitle2>
      <Caption1 className={styles.intro}>{t("pe.items.intro")}</Caption1>
      {criteria.map((c, i) => (
        <div key={c.key} className={styles.item}>
          <CellField
            form={form}
            path={["criteria", i, "name", lang]}
            name={t("pe.items.nameOf", { n: i + 1 })}
            text
          />
          <Button
            appearance="subtle"
            icon={<DeleteRegular />}
            aria-label={t("pe.items.remove", { item: pick(c.name) })}
            title={t("pe.items.remove", { item: pick(c.name) })}
            disabled={criteria.length === 1}
            onClick={() => replace(withoutItem(form.draft, i))}
          />
        </div>
      ))}
      <div className={styles.add} role="group" aria-label={t("pe.items.addTitle")}>
        <Subtitle2 as="h4">{t("pe.items.addTitle")}</Subtitle2>
        <Field label={t("pe.items.name")} size="small">
          <Input size="small" className={styles.input} value={name} onChange={(_, d) => setName(d.value)} />
        </Field>
        <Field
          label={t("pe.items.column")}
          hint={t("pe.items.columnHint")}
          size="small"
          validationState={taken ? "warning" : "none"}
          validationMessage={taken ? t("pe.items.taken", { column: key }) : undefined}
        >
          <Input
            size="small"
            className={styles.input}
            value={column}
            onChange={(_, d) => setColumn(d.value)}
          />
        </Field>
        <Field label={t("pe.items.weight")} size="small">
          <Input
            size="small"
            className={styles.input}
            inputMode="decimal"
            value={weight}
            onChange={(_, d) => setWeight(d.value)}
          />
        </Field>
        <Field label={t("pe.items.scoredBy")} size="small">
          <RadioGroup value={scoredBy} onChange={(_, d) => setScoredBy(d.value as ScoredBy)}>
            <Radio value="rating" label={t("pe.items.byRating")} />
            <Radio value="bands" label={t("pe.items.byBands")} />
          </RadioGroup>
        </Field>
        <Button size="small" icon={<AddRegular />} disabled={!ready} onClick={add}>
          {t("pe.items.add")}
        </Button>
      </div>
    </section>
  );
}
