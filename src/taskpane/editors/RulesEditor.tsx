import { Dropdown, Field, makeStyles, Option, Subtitle2, tokens } from "@fluentui/react-components";
import { MESSAGES, useI18n, type MessageKey } from "../../i18n";
import type { Op } from "../../engine/rules";
import { getAt, listOrText, pathKey } from "../validate";
import type { EditorForm } from "./form";
import { ValueField } from "./fields";

const useStyles = makeStyles({
  rule: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    paddingBlock: tokens.spacingVerticalXS,
  },
});

interface Condition {
  column: string;
  op: string;
  value: unknown;
}
interface Rule {
  tier: string;
  when: Condition[];
}
interface Tier {
  key: string;
  name: { zh: string; en: string };
}

export interface RulesEditorProps {
  form: EditorForm;
}

/** A rule table's conditions (values editable, first match wins) and its default tier. */
export function RulesEditor({ form }: RulesEditorProps) {
  const styles = useStyles();
  const { t, pick } = useI18n();
  const rules = (getAt(form.draft, ["rules"]) as Rule[] | undefined) ?? [];
  const tiers = (getAt(form.draft, ["tiers"]) as Tier[] | undefined) ?? [];
  const nameOf = (key: string) => {
    const tier = tiers.find((x) => x.key === key);
    return tier ? pick(tier.name) || key : key;
  };
  // Conditions test derived columns by key (amount, tenure_days): show them by their role's name.
  const columnName = (column: string) =>
    `role.${column}` in MESSAGES["en-US"] ? t(`role.${column}` as MessageKey) : column;
  const def = getAt(form.draft, ["default"]) as string | undefined;
  const defProblem = form.problems[pathKey(["default"])];
  return (
    <section aria-label={t("editor.rules")}>
      <Subtitle2 as="h3">{t("editor.rules")}</Subtitle2>
      {rules.map((rule, r) => (
        <div
          key={r}
          className={styles.rule}
          role="group"
          aria-label={t("editor.ruleFor", { tier: nameOf(rule.tier) })}
        >
          {rule.when.map((c, k) => {
            const list = Array.isArray(c.value);
            return (
              <ValueField
                key={k}
                form={form}
                path={["rules", r, "when", k, "value"]}
                label={t("editor.conditionValue", {
                  tier: nameOf(rule.tier),
                  column: columnName(c.column),
                  op: t(`op.${c.op as Op}`),
                })}
                kind={list ? "text" : "number"}
                parse={list ? listOrText : undefined}
                show={list ? (v) => (Array.isArray(v) ? v.join(", ") : String(v ?? "")) : undefined}
              />
            );
          })}
        </div>
      ))}
      <Field
        label={t("editor.defaultTier")}
        validationState={defProblem ? "error" : "none"}
        validationMessage={defProblem ? t(defProblem.key, defProblem.params) : undefined}
      >
        <Dropdown
          value={def === undefined ? t("editor.noDefault") : nameOf(def)}
          selectedOptions={[def ?? ""]}
          onOptionSelect={(_, d) => form.set(["default"], d.optionValue ? d.optionValue : undefined)}
        >
          <Option value="">{t("editor.noDefault")}</Option>
          {tiers.map((tier) => (
            <Option key={tier.key} value={tier.key}>
              {nameOf(tier.key)}
            </Option>
          ))}
        </Dropdown>
      </Field>
    </section>
  );
}
