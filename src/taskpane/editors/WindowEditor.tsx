import { Field, Input, makeStyles, Radio, RadioGroup, Subtitle2, tokens } from "@fluentui/react-components";
import type { SpendWindow } from "../../engine/window";
import { useI18n } from "../../i18n";
import { getAt } from "../validate";
import { ValueField } from "./fields";
import type { EditorForm } from "./form";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
});

type Kind = SpendWindow["kind"];
interface Margin {
  column: string;
  kind: "profit" | "cost";
}

/** L'Oréal's diamond card counts a year's spend (年消费满10000元): 12 months is the first window offered. */
const FIRST_MONTHS = 12;

/**
 * A rule table's spend window (all orders, the last N months before the as-of date, the as-of date's
 * calendar year) and, when a rule tests `margin`, the profit or cost column it comes from. Choosing
 * "all" removes the window, as a rule file without one reads.
 */
export function WindowEditor({ form }: { form: EditorForm }) {
  const styles = useStyles();
  const { t } = useI18n();
  const win = getAt(form.draft, ["window"]) as Partial<{ kind: Kind; months: unknown }> | undefined;
  const kind: Kind = win?.kind ?? "all";
  const rules = (getAt(form.draft, ["rules"]) as { when?: { column?: string }[] }[] | undefined) ?? [];
  const usesMargin = rules.some((r) => r.when?.some((c) => c.column === "margin"));
  const margin = getAt(form.draft, ["margin"]) as Margin | undefined;
  const choose = (next: Kind) =>
    form.set(
      ["window"],
      next === "all"
        ? undefined
        : next === "months"
          ? { kind: "months", months: typeof win?.months === "number" ? win.months : FIRST_MONTHS }
          : { kind: "year" },
    );
  return (
    <section className={styles.root} aria-label={t("pe.window.title")}>
      <Subtitle2 as="h3">{t("pe.window.title")}</Subtitle2>
      <Field label={t("pe.window.kind")} hint={kind === "all" ? undefined : t("pe.window.needsOrders")}>
        <RadioGroup value={kind} onChange={(_, d) => choose(d.value as Kind)}>
          <Radio value="all" label={t("pe.window.all")} />
          <Radio value="months" label={t("pe.window.months")} />
          <Radio value="year" label={t("pe.window.year")} />
        </RadioGroup>
      </Field>
      {kind === "months" && (
        <ValueField
          form={form}
          path={["window", "months"]}
          label={t("pe.window.monthsCount")}
          kind="number"
        />
      )}
      {usesMargin && (
        <>
          <Field label={t("pe.margin.column")} hint={t("pe.margin.columnHint")}>
            <Input
              value={margin?.column ?? ""}
              onChange={(_, d) =>
                form.set(
                  ["margin"],
                  d.value.trim() === "" ? undefined : { column: d.value, kind: margin?.kind ?? "profit" },
                )
              }
            />
          </Field>
          {margin && (
            <Field label={t("pe.margin.kind")}>
              <RadioGroup value={margin.kind} onChange={(_, d) => form.set(["margin", "kind"], d.value)}>
                <Radio value="profit" label={t("pe.margin.profit")} />
                <Radio value="cost" label={t("pe.margin.cost")} />
              </RadioGroup>
            </Field>
          )}
        </>
      )}
    </section>
  );
}
