/**
 * The policy editor as the pane holds it, for jsdom tests: a draft kept in state, validated in the
 * pane's language on every change (`validate(draft, lang)`), around the real `PolicyEditor`.
 */
import { cleanup, render } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { useMemo, useState } from "react";
import { afterEach, beforeAll, expect } from "vitest";
import { preset } from "../src/engine/presets";
import { parseRuleSetText, type RuleSet } from "../src/engine/ruleset";
import { engineLang, I18nProvider, type Locale } from "../src/i18n";
import type { EditorForm } from "../src/taskpane/editors/form";
import { PolicyEditor } from "../src/taskpane/editors/PolicyEditor";
import { setAt, validate } from "../src/taskpane/validate";

beforeAll(() => {
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  } as unknown as typeof ResizeObserver;
});
afterEach(cleanup);

/**
 * Renders the editor of preset `name` in `locale`; `draft()` reads the latest draft, and `seen`
 * receives every draft after a change.
 */
export function renderEditor(
  name: string,
  locale: Locale,
  seen: (d: Record<string, unknown>) => void = () => {},
): { draft: () => Record<string, unknown> } {
  let latest = preset(name) as unknown as Record<string, unknown>;
  function Harness() {
    const [draft, setDraft] = useState(latest);
    const problems = useMemo(() => validate(draft, engineLang(locale)).fields, [draft]);
    const form: EditorForm = {
      draft,
      problems,
      set: (path, value) =>
        setDraft((d) => {
          latest = setAt(d, path, value) as Record<string, unknown>;
          seen(latest);
          return latest;
        }),
    };
    const rs = preset(name);
    return (
      <PolicyEditor
        form={form}
        name={rs.name}
        description={rs.description}
        asOf="2025-12-31"
        asOfInvalid={false}
        onAsOf={() => {}}
        valid
        onExport={() => {}}
        onImport={() => {}}
        importNote={null}
      />
    );
  }
  render(
    <FluentProvider theme={webLightTheme}>
      <I18nProvider initialLocale={locale}>
        <Harness />
      </I18nProvider>
    </FluentProvider>,
  );
  return { draft: () => latest };
}

/**
 * The rule set grading would use for the draft (the pane's `validate`), checked against the one the
 * JSON import reads from the equivalent rule file: equal, so grading cannot tell them apart.
 */
export function sameAsImport(draft: Record<string, unknown>, file: unknown): RuleSet {
  const edited = validate(draft);
  expect(edited.fields).toEqual({});
  const imported = parseRuleSetText(JSON.stringify(file));
  expect(edited.ruleSet).toEqual(imported);
  return imported;
}
