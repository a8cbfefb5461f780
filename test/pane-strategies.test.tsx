// @vitest-environment jsdom
import { cleanup, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { useState } from "react";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { preset } from "../src/engine/presets";
import { format, I18nProvider, type Locale } from "../src/i18n";
import type { EditorForm } from "../src/taskpane/editors/form";
import { PolicyEditor } from "../src/taskpane/editors/PolicyEditor";
import { setAt } from "../src/taskpane/validate";

beforeAll(() => {
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  } as unknown as typeof ResizeObserver;
});
afterEach(cleanup);

/** The policy editor over a draft it keeps itself; `seen` receives every draft after a change. */
function Harness({ name, seen }: { name: string; seen: (d: Record<string, unknown>) => void }) {
  const [draft, setDraft] = useState(() => preset(name) as unknown as Record<string, unknown>);
  const form: EditorForm = {
    draft,
    problems: {},
    set: (path, value) =>
      setDraft((d) => {
        const next = setAt(d, path, value) as Record<string, unknown>;
        seen(next);
        return next;
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

function renderEditor(name: string, locale: Locale, seen: (d: Record<string, unknown>) => void = () => {}) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <I18nProvider initialLocale={locale}>
        <Harness name={name} seen={seen} />
      </I18nProvider>
    </FluentProvider>,
  );
}

describe("the pane's strategies and example thresholds", () => {
  it("shows each tier's strategies as a list the user edits, in the pane's language", async () => {
    let last: Record<string, unknown> = {};
    renderEditor("three-level", "zh-CN", (d) => (last = d));
    const field = screen.getByLabelText("核心客户的策略") as HTMLInputElement;
    expect(field.value).toBe("专属客户经理、定期回访、定期培训");
    await userEvent.clear(field);
    await userEvent.type(field, "专属客户经理、季度回访");
    const tiers = last.tiers as { key: string; strategies: { zh: string[]; en: string[] } }[];
    const core = tiers.find((t) => t.key === "core")!;
    expect(core.strategies.zh).toEqual(["专属客户经理", "季度回访"]);
    // The English list is kept as it was.
    expect(core.strategies.en).toHaveLength(3);
  });

  it("flags the thresholds the source does not give as 示例门槛, as they stand in the draft", () => {
    renderEditor("walk-in", "zh-CN");
    expect(screen.getByText("示例门槛")).toBeTruthy();
    // Role columns read in the pane's language (消费次数, not frequency).
    const f = format("zh-CN", "role.frequency");
    const a = format("zh-CN", "role.amount");
    expect(screen.getByText(new RegExp(`${f} ≥ 12；${a} ≥ 5000；${f} ≥ 3`))).toBeTruthy();
  });

  it("shows no example note for a preset whose numbers all come from the source", () => {
    renderEditor("three-level", "en-US");
    expect(screen.queryByText("Example thresholds (示例门槛)")).toBeNull();
  });

  it("keeps one cluster name per cluster when the user changes k", async () => {
    let last: Record<string, unknown> = {};
    renderEditor("kmeans", "en-US", (d) => (last = d));
    const k = screen.getByLabelText("Number of clusters (k)") as HTMLInputElement;
    expect(k.value).toBe("4");
    await userEvent.clear(k);
    await userEvent.type(k, "5");
    expect(last.k).toBe(5);
    expect((last.tiers as { name: { en: string } }[]).map((t) => t.name.en)).toEqual([
      "High value",
      "Upper-middle value",
      "Lower-middle value",
      "Basic",
      "Cluster 5",
    ]);
  });
});
