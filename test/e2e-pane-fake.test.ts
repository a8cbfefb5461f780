// @vitest-environment jsdom
/**
 * The pane against the workbook layer's fake Excel: the real OfficeHost over test/fake-excel.ts, driven
 * through the pane by roles and labels, checking the calls that reach "Excel" and what they left in the
 * workbook (tier column, summary sheet, Pareto chart, rules in the document settings).
 */
import { gradeIn } from "./present";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { cleanup, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { createElement } from "react";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { dayFromCivil, formatDay } from "../src/engine/dates";

import { parseRuleSetText } from "../src/engine/ruleset";
import { tableFromRows } from "../src/engine/table";
import { format, I18nProvider, type Locale } from "../src/i18n";
import { countsLine } from "../src/i18n/counts";
import { Pane } from "../src/taskpane/Pane";
import type { WorkbookHost } from "../src/workbook/host";
import { OfficeHost } from "../src/workbook/office-host";
import { outputHeader, SETTING_RULES, SHEET_NAMES } from "../src/workbook/write-result";
import { FakeExcel, type FakeValue } from "./fake-excel";

beforeAll(() => {
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  } as unknown as typeof ResizeObserver;
  Element.prototype.scrollIntoView ??= function () {};
  globalThis.NodeFilter ??= window.NodeFilter;
});

let uninstall: (() => void) | undefined;
afterEach(() => {
  cleanup();
  uninstall?.();
  uninstall = undefined;
});

const AS_OF = dayFromCivil(2025, 12, 31);
const L = (key: Parameters<typeof format>[1], params?: Parameters<typeof format>[2]) =>
  format("zh-CN", key, params);

/** 30 customers with sales 1000, 900, … and one row whose amount is text. */
function customers(): FakeValue[][] {
  const rows: FakeValue[][] = [["客户编号", "客户名称", "销售额", "地区"]];
  for (let i = 1; i <= 30; i++)
    rows.push([`C${String(i).padStart(3, "0")}`, `客户${i}`, 1000 - (i - 1) * 30, i % 2 ? "东区" : "西区"]);
  rows.push(["C031", "客户31", "未知", "东区"]);
  return rows;
}

/** The pane as the add-in starts it: theme, language, the host. */
function renderPane(host: WorkbookHost, locale: Locale) {
  const pane = createElement(Pane, { host, mode: "office", today: AS_OF });
  const i18n = createElement(I18nProvider, { initialLocale: locale }, pane);
  return render(createElement(FluentProvider, { theme: webLightTheme }, i18n));
}

type Call = { method: keyof WorkbookHost; args: unknown[] };

/** Records every call the pane makes, then passes it to the real host. */
function recording(host: WorkbookHost, calls: Call[]): WorkbookHost {
  return new Proxy(host, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (typeof value !== "function") return value;
      return (...args: unknown[]) => {
        calls.push({ method: prop as keyof WorkbookHost, args });
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}

describe("the pane in Excel (fake Excel under the real OfficeHost)", () => {
  it("reads the sheet, writes the coloured tier column, the summary, its charts and saves the rules", async () => {
    const excel = new FakeExcel();
    excel.addSheet("客户", customers());
    uninstall = excel.install();
    const calls: Call[] = [];
    const host = recording(new OfficeHost(), calls);
    const user = userEvent.setup();
    renderPane(host, "zh-CN");
    await waitFor(
      async () =>
        expect((await screen.findByRole("combobox", { name: L("role.amount") })).textContent).toBe("销售额"),
      {
        timeout: 15_000,
      },
    );
    await user.click(screen.getByRole("radio", { name: /ABC 分类（二八法则）/ }));
    const b = screen.getByRole("textbox", { name: L("editor.shareB") });
    await user.clear(b);
    await user.type(b, "0.9");
    expect((screen.getByLabelText(L("policy.asOf")) as HTMLInputElement).value).toBe(formatDay(AS_OF));
    await user.click(screen.getByRole("button", { name: L("eval.button") }));
    const card = await screen.findByRole("region", { name: L("result.title") }, { timeout: 30_000 });
    // The counts line (src/i18n/counts.ts): customers, graded and not, and the rows not counted.
    expect(card.textContent).toContain(countsLine({ graded: 30, ungraded: 1 }, "zh"));

    // The calls that reached the workbook layer, in order.
    const names = calls.map((c) => c.method);
    expect(names.slice(0, 2)).toEqual(["listSheets", "loadSetting"]);
    expect(names).toContain("readSheet");
    const write = calls.find((c) => c.method === "writeColumns")!.args[0] as {
      sheetName: string;
      headers: string[];
      columns: unknown[][];
      tierColumn: number;
      tierColours: Record<string, string>;
    };
    expect(write.sheetName).toBe("客户");
    expect(write.headers[write.tierColumn]).toBe(outputHeader("tier", "zh"));
    const sheetRows = customers();
    const rules = parseRuleSetText(
      calls.filter((c) => c.method === "saveSetting" && c.args[0] === SETTING_RULES).at(-1)!
        .args[1] as string,
    );
    expect(rules.method === "abc" && rules.basis).toEqual({ kind: "share", a: 0.8, b: 0.9 });
    const expected = gradeIn(tableFromRows(sheetRows, false, "客户"), rules, { asOf: AS_OF, lang: "zh" });
    expect(write.columns[write.tierColumn]).toEqual(expected.columns.tier);
    expect(Object.keys(write.tierColours)).toEqual(["A类", "B类", "C类"]);
    const summary = calls.find((c) => c.method === "writeSheet")!.args[0] as {
      name: string;
      rows: unknown[][];
    };
    expect(summary.name).toBe(SHEET_NAMES.summary.zh);
    // The distribution chart and the Pareto chart, after the sheets they read.
    expect(names.filter((n) => n === "addChart")).toHaveLength(2);
    expect(names.indexOf("addChart")).toBeGreaterThan(names.lastIndexOf("writeSheet"));

    // What the fake Excel holds afterwards.
    const sheet = excel.sheet("客户");
    expect(sheet.value(0, 4 + write.tierColumn)).toBe(outputHeader("tier", "zh"));
    expect(sheet.value(1, 4 + write.tierColumn)).toBe("A类");
    expect(excel.sheet(SHEET_NAMES.summary.zh).charts.map((c) => c.name)).toEqual([
      "TierDistribution",
      "TierPareto",
    ]);
    expect(parseRuleSetText(String(excel.settings.get(SETTING_RULES)))).toEqual(rules);

    // The row without a tier is listed; clicking it selects its cell in Excel.
    const problem = within(card).getByRole("button", { name: /第 32 行，销售额/ });
    await user.click(problem);
    await waitFor(() => expect(excel.selection).toEqual({ sheet: "客户", address: "C32" }));

    // After a grade the pane goes on to the visit plan and the re-evaluation, on the graded table.
    // (loaded on demand, so they arrive a moment after the result)
    expect(await screen.findByRole("heading", { name: L("step.visits") }, { timeout: 10_000 })).toBeTruthy();
    expect(screen.getByRole("heading", { name: L("step.history") })).toBeTruthy();
    expect(screen.getByRole("button", { name: L("visits.plan") })).toBeTruthy();
  });

  it("says that hidden rows are graded and that a table's total row is not, under the rows read", async () => {
    const excel = new FakeExcel();
    const rows = [...customers().slice(0, 11), ["合计", "", 8650, ""]];
    const s = excel.addSheet("客户", rows);
    s.tables.push({
      name: "Table1",
      rect: { top: 0, left: 0, rows: 12, columns: 4 },
      hasHeaders: true,
      showTotals: true,
    });
    s.hiddenRows.add(3);
    s.hiddenRows.add(4);
    uninstall = excel.install();
    renderPane(new OfficeHost(), "zh-CN");
    expect(
      await screen.findByText("有2行被隐藏或筛选掉，这些行也会照常分级", {}, { timeout: 15_000 }),
    ).toBeTruthy();
    expect(screen.getByText("表格的汇总行（第12行）不是客户，不参与分级")).toBeTruthy();
  });

  it("restores the rules saved in the document when the pane opens again", async () => {
    const excel = new FakeExcel();
    excel.addSheet("客户", customers());
    const saved = {
      method: "pyramid",
      name: { zh: "我的金字塔", en: "My pyramid" },
      cuts: [0.1, 0.5],
      tiers: [
        { key: "top", name: { zh: "顶端", en: "Top" } },
        { key: "mid", name: { zh: "中间", en: "Middle" } },
        { key: "low", name: { zh: "底部", en: "Bottom" } },
      ],
    };
    // Saved in the document, so this instance's copy has it too when the pane opens.
    excel.savedSettings.set(SETTING_RULES, JSON.stringify(saved));
    excel.settings.set(SETTING_RULES, JSON.stringify(saved));
    uninstall = excel.install();
    renderPane(new OfficeHost(), "en-US");
    const restored = await screen.findByRole("radio", { name: /My pyramid/ }, { timeout: 15_000 });
    expect((restored as HTMLInputElement).checked).toBe(true);
    expect(
      (screen.getByRole("textbox", { name: format("en-US", "editor.cut", { n: 1 }) }) as HTMLInputElement)
        .value,
    ).toBe("0.1");
  });
});
