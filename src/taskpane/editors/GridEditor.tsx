import { Dropdown, Field, makeStyles, Option, Subtitle2, tokens } from "@fluentui/react-components";
import { useI18n } from "../../i18n";
import { getAt } from "../validate";
import { ValueField } from "./fields";
import type { EditorForm } from "./form";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  pair: { display: "grid", gridTemplateColumns: "1fr 1fr", gap: tokens.spacingHorizontalS },
  cells: { display: "grid", gridTemplateColumns: "2fr 1fr", gap: tokens.spacingHorizontalS },
});

export interface GridEditorProps {
  form: EditorForm;
  /** Whether each cell's visits are edited here; false when an editor of visit ranges does it. */
  visits?: boolean;
}

/** The nine-grid: how each axis is cut, each cell's label and visits. */
export function GridEditor({ form, visits = true }: GridEditorProps) {
  const styles = useStyles();
  const { t, lang, pick } = useI18n();
  const cells = (getAt(form.draft, ["cells"]) as { cell: string }[] | undefined) ?? [];
  return (
    <section className={styles.root}>
      {(["x", "y"] as const).map((axis) => {
        const name = getAt(form.draft, [axis, "name"]) as { zh: string; en: string };
        const method = getAt(form.draft, [axis, "cut", "method"]) as "fixed" | "tercile";
        const A = axis.toUpperCase();
        return (
          <div key={axis} className={styles.root}>
            <Subtitle2 as="h3">{t("editor.axis", { axis: A, name: pick(name) })}</Subtitle2>
            <Field label={t("editor.cutMethod", { axis: A })}>
              <Dropdown
                value={t(method === "fixed" ? "editor.cutFixed" : "editor.cutTercile")}
                selectedOptions={[method]}
                onOptionSelect={(_, d) =>
                  form.set(
                    [axis, "cut"],
                    d.optionValue === "fixed"
                      ? { method: "fixed", low: 30, high: 70 }
                      : { method: "tercile" },
                  )
                }
              >
                <Option value="tercile">{t("editor.cutTercile")}</Option>
                <Option value="fixed">{t("editor.cutFixed")}</Option>
              </Dropdown>
            </Field>
            {method === "fixed" && (
              <div className={styles.pair}>
                <ValueField
                  form={form}
                  path={[axis, "cut", "low"]}
                  label={t("editor.low", { axis: A })}
                  kind="number"
                />
                <ValueField
                  form={form}
                  path={[axis, "cut", "high"]}
                  label={t("editor.high", { axis: A })}
                  kind="number"
                />
              </div>
            )}
          </div>
        );
      })}
      {cells.map((c, i) => (
        <div key={c.cell} className={visits ? styles.cells : undefined}>
          <ValueField
            form={form}
            path={["cells", i, "name", lang]}
            label={t("editor.cellName", { cell: c.cell })}
            kind="text"
            size="small"
          />
          {visits && (
            <ValueField
              form={form}
              path={["cells", i, "visits"]}
              label={t("editor.cellVisits", { cell: c.cell })}
              kind="number"
              size="small"
            />
          )}
        </div>
      ))}
    </section>
  );
}
