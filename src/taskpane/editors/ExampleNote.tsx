import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { useI18n } from "../../i18n";
import { MESSAGES, type MessageKey } from "../../i18n/messages";
import { getAt, type Path } from "../validate";
import type { EditorForm } from "./form";

const OPS: Record<string, string> = { ">=": "≥", "<=": "≤", "<>": "≠" };

/** `rules[1].when[0].value` → ["rules", 1, "when", 0, "value"]. */
export function pathOf(text: string): Path {
  return text
    .split(/[.[\]]/)
    .filter((p) => p !== "")
    .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

/** A flagged threshold as the user reads it: "金额 ≥ 100000" for a rule condition's value. */
export function exampleText(
  draft: Record<string, unknown>,
  path: string,
  columnName: (column: string) => string = (c) => c,
): string {
  const p = pathOf(path);
  if (p[p.length - 1] === "value") {
    const c = getAt(draft, p.slice(0, -1)) as { column?: unknown; op?: unknown; value?: unknown } | undefined;
    if (c && typeof c.column === "string") {
      const v = Array.isArray(c.value) ? c.value.join(c.op === "between" ? "–" : "、") : String(c.value);
      return `${columnName(c.column)} ${OPS[String(c.op)] ?? String(c.op)} ${v}`;
    }
  }
  const v = getAt(draft, p);
  return v === undefined ? path : `${path} = ${Array.isArray(v) ? v.join(", ") : String(v)}`;
}

/**
 * The "示例门槛" note: the thresholds of the policy that the source does not give, as they stand in
 * the draft, so the user knows which numbers are examples to replace. Nothing when there are none.
 */
export function ExampleNote({ form }: { form: EditorForm }) {
  const { t, lang } = useI18n();
  const examples = getAt(form.draft, ["examples"]);
  if (!Array.isArray(examples) || examples.length === 0) return null;
  // A role (amount, tenure_days) reads as the column it names in the user's language; a header as itself.
  const columnName = (c: string) => {
    const key = `role.${c}` as MessageKey;
    return key in MESSAGES["en-US"] ? t(key) : c;
  };
  const list = examples
    // A whole table of bands is named as its editor is, not printed as an object.
    .map((e) => (e === "bands" ? t("pe.bands.title") : exampleText(form.draft, String(e), columnName)))
    .join(lang === "zh" ? "；" : "; ");
  return (
    <MessageBar intent="info">
      <MessageBarBody>
        <MessageBarTitle>{t("editor.examples")}</MessageBarTitle>
        {t("editor.examplesBody", { list })}
      </MessageBarBody>
    </MessageBar>
  );
}
