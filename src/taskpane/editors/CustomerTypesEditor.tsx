import { Button, Caption1, makeStyles, Subtitle2, tokens } from "@fluentui/react-components";
import { AddRegular, DeleteRegular } from "@fluentui/react-icons";
import { useI18n } from "../../i18n";
import { getAt } from "../validate";
import { CellField } from "./cells";
import { ValueField } from "./fields";
import type { EditorForm } from "./form";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  intro: { color: tokens.colorNeutralForeground2 },
  // A letter, its meaning and a delete button fit 350 px.
  type: {
    display: "grid",
    gridTemplateColumns: "4em minmax(0, 1fr) auto",
    columnGap: tokens.spacingHorizontalS,
    alignItems: "end",
  },
});

interface CustomerType {
  key: string;
  name: { zh: string; en: string };
}

/**
 * The customer types of a scorecard (the dealer card's A–E, 三、客户范围): the column they are read from
 * and each type's letter and meaning in the pane's language (the other language's meaning is kept).
 * Renders nothing for a scorecard without customer types.
 */
export function CustomerTypesEditor({ form }: { form: EditorForm }) {
  const styles = useStyles();
  const { t, lang } = useI18n();
  const types = getAt(form.draft, ["customerTypes", "types"]) as CustomerType[] | undefined;
  if (!Array.isArray(types)) return null;
  const nextKey = String.fromCharCode(65 + types.length);
  return (
    <section className={styles.root} aria-label={t("pe.types.title")}>
      <Subtitle2 as="h3">{t("pe.types.title")}</Subtitle2>
      <Caption1 className={styles.intro}>{t("pe.types.intro")}</Caption1>
      <ValueField form={form} path={["customerTypes", "column"]} label={t("pe.types.column")} kind="text" />
      {types.map((ty, i) => (
        <div key={i} className={styles.type}>
          <CellField
            form={form}
            path={["customerTypes", "types", i, "key"]}
            name={t("pe.types.key", { n: i + 1 })}
            text
          />
          <CellField
            form={form}
            path={["customerTypes", "types", i, "name", lang]}
            name={t("pe.types.name", { n: i + 1 })}
            text
          />
          <Button
            appearance="subtle"
            icon={<DeleteRegular />}
            aria-label={t("pe.types.remove", { key: ty.key })}
            title={t("pe.types.remove", { key: ty.key })}
            disabled={types.length === 1}
            onClick={() =>
              form.set(
                ["customerTypes", "types"],
                types.filter((_, k) => k !== i),
              )
            }
          />
        </div>
      ))}
      <Button
        size="small"
        icon={<AddRegular />}
        onClick={() =>
          form.set(
            ["customerTypes", "types"],
            [...types, { key: nextKey, name: { zh: nextKey, en: nextKey } }],
          )
        }
      >
        {t("pe.types.add")}
      </Button>
    </section>
  );
}
