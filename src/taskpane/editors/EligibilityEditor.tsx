import {
  Button,
  Caption1,
  Dropdown,
  Field,
  makeStyles,
  Option,
  Subtitle2,
  tokens,
} from "@fluentui/react-components";
import { AddRegular, DeleteRegular } from "@fluentui/react-icons";
import type { Op } from "../../engine/rules";
import { format, useI18n } from "../../i18n";
import { getAt, numberOrText, pathKey } from "../validate";
import { CellField } from "./cells";
import { ValueField } from "./fields";
import type { EditorForm } from "./form";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  intro: { color: tokens.colorNeutralForeground2 },
  rule: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    minWidth: 0,
  },
  // Stacked at 350 px: column and comparison side by side, the value below them.
  condition: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 1fr) minmax(5em, 7em) auto",
    columnGap: tokens.spacingHorizontalS,
    alignItems: "end",
    paddingTop: tokens.spacingVerticalXS,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
  },
  value: { gridColumn: "1 / 3" },
  op: { minWidth: 0 },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

/** The comparisons a filter offers; `between` needs two numbers and is left to the rule file. */
const OPS: readonly Op[] = ["=", "<>", "in", ">=", ">", "<=", "<"];

interface Condition {
  column: string;
  op: Op;
  value: unknown;
}
interface Filter {
  name: { zh: string; en: string };
  when: Condition[];
}

/** A typed value: a number when it is one, else the trimmed text (三级, 主治医师). */
function scalar(text: string): number | string {
  const v = numberOrText(text);
  return typeof v === "number" ? v : v.trim();
}
/** `主治医师、住院医师` → ["主治医师", "住院医师"]. */
function list(text: string): (number | string)[] {
  return text
    .split(/[,，、;；]/)
    .map((s) => s.trim())
    .filter((s) => s !== "")
    .map(scalar);
}

/**
 * The nine-grid's eligibility filters (准入, pharma: 三级医院无处方权医师 …): rules tried in order before
 * the cut points; a row meeting every condition of one is left out and listed with its name. Rules and
 * conditions can be added and removed; a new rule is named in both languages.
 */
export function EligibilityEditor({ form }: { form: EditorForm }) {
  const styles = useStyles();
  const { t, lang } = useI18n();
  const filters = (getAt(form.draft, ["eligibility"]) as Filter[] | undefined) ?? [];
  const sep = lang === "zh" ? "、" : ", ";
  const setFilters = (next: Filter[]) => form.set(["eligibility"], next.length ? next : undefined);
  const blank: Condition = { column: "", op: "=", value: "" };
  const opName = (op: Op) => t(`op.${op}`);
  return (
    <section className={styles.root} aria-label={t("pe.elig.title")}>
      <Subtitle2 as="h3">{t("pe.elig.title")}</Subtitle2>
      <Caption1 className={styles.intro}>{filters.length ? t("pe.elig.intro") : t("pe.elig.none")}</Caption1>
      {filters.map((f, r) => {
        const n = r + 1;
        return (
          <div key={r} className={styles.rule} role="group" aria-label={t("pe.elig.rule", { n })}>
            <ValueField
              form={form}
              path={["eligibility", r, "name", lang]}
              label={t("pe.elig.name", { n })}
              kind="text"
            />
            {f.when.map((c, k) => {
              const at = ["eligibility", r, "when", k];
              const isList = c.op === "in";
              const opProblem = form.problems[pathKey([...at, "op"])];
              return (
                <div key={k} className={styles.condition}>
                  <CellField
                    text
                    form={form}
                    path={[...at, "column"]}
                    label={t("pe.elig.column")}
                    name={t("pe.elig.columnOf", { n, k: k + 1 })}
                  />
                  <Field
                    className={styles.op}
                    label={t("pe.elig.op")}
                    size="small"
                    validationState={opProblem ? "error" : "none"}
                    validationMessage={opProblem ? t(opProblem.key, opProblem.params) : undefined}
                  >
                    <Dropdown
                      size="small"
                      aria-label={t("pe.elig.opOf", { n, k: k + 1 })}
                      value={opName(c.op)}
                      selectedOptions={[c.op]}
                      onOptionSelect={(_, d) => {
                        const op = d.optionValue as Op;
                        const value =
                          op === "in"
                            ? Array.isArray(c.value)
                              ? c.value
                              : [c.value].filter((v) => v !== "")
                            : Array.isArray(c.value)
                              ? (c.value[0] ?? "")
                              : c.value;
                        form.set(at, { ...c, op, value });
                      }}
                      className={styles.op}
                    >
                      {OPS.map((op) => (
                        <Option key={op} value={op} text={opName(op)}>
                          {opName(op)}
                        </Option>
                      ))}
                    </Dropdown>
                  </Field>
                  <Button
                    appearance="subtle"
                    icon={<DeleteRegular />}
                    aria-label={t("pe.elig.removeCondition", { n, k: k + 1 })}
                    title={t("pe.elig.removeCondition", { n, k: k + 1 })}
                    disabled={f.when.length === 1}
                    onClick={() =>
                      form.set(
                        ["eligibility", r, "when"],
                        f.when.filter((_, j) => j !== k),
                      )
                    }
                  />
                  <div className={styles.value}>
                    <CellField
                      text
                      form={form}
                      path={[...at, "value"]}
                      label={t("pe.elig.value")}
                      name={t("pe.elig.valueOf", { n, k: k + 1 })}
                      hint={isList ? t("pe.elig.listHint") : undefined}
                      parse={isList ? list : scalar}
                      show={(v) => (Array.isArray(v) ? v.join(sep) : v === undefined ? "" : String(v))}
                    />
                  </div>
                </div>
              );
            })}
            <div className={styles.actions}>
              <Button
                size="small"
                icon={<AddRegular />}
                onClick={() => form.set(["eligibility", r, "when"], [...f.when, blank])}
              >
                {t("pe.elig.addCondition", { n })}
              </Button>
              <Button
                size="small"
                icon={<DeleteRegular />}
                onClick={() => setFilters(filters.filter((_, j) => j !== r))}
              >
                {t("pe.elig.remove", { n })}
              </Button>
            </div>
          </div>
        );
      })}
      <div className={styles.actions}>
        <Button
          icon={<AddRegular />}
          onClick={() =>
            setFilters([
              ...filters,
              {
                name: { zh: format("zh-CN", "pe.elig.newName"), en: format("en-US", "pe.elig.newName") },
                when: [blank],
              },
            ])
          }
        >
          {t("pe.elig.add")}
        </Button>
      </div>
    </section>
  );
}
