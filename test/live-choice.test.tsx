// @vitest-environment jsdom
/**
 * The live-formulas choice in the evaluate step, driven by role and label in the pane over the fake
 * Excel (the real OfficeHost): picking 实时公式 writes formulas through `range.formulas`, and the
 * sentence the pane shows names sheets that hold them. The choice's catalogue is in step in both
 * languages.
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { cleanup, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { createElement } from "react";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { dayFromCivil } from "../src/engine/dates";
import { format, I18nProvider } from "../src/i18n";
import { LIVE_MESSAGES, liveT } from "../src/i18n/live";
import { Pane } from "../src/taskpane/Pane";
import { OfficeHost } from "../src/workbook/office-host";
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
const LT = liveT("zh-CN");

/** 30 customers with sales 1000, 970, … and one row whose amount is text. */
function customers(): FakeValue[][] {
  const rows: FakeValue[][] = [["客户编号", "客户名称", "销售额", "地区"]];
  for (let i = 1; i <= 30; i++)
    rows.push([`C${String(i).padStart(3, "0")}`, `客户${i}`, 1000 - (i - 1) * 30, i % 2 ? "东区" : "西区"]);
  rows.push(["C031", "客户31", "未知", "东区"]);
  return rows;
}

describe("the live-formulas choice in the evaluate step", () => {
  it("picking 实时公式 and grading writes the tier column as formulas beside the data and says where, in sheets the workbook has", async () => {
    const excel = new FakeExcel();
    excel.addSheet("客户", customers());
    uninstall = excel.install();
    const user = userEvent.setup();
    const pane = createElement(Pane, { host: new OfficeHost(), mode: "office", today: AS_OF });
    render(
      createElement(
        FluentProvider,
        { theme: webLightTheme },
        createElement(I18nProvider, { initialLocale: "zh-CN" }, pane),
      ),
    );
    await waitFor(
      async () =>
        expect((await screen.findByRole("combobox", { name: L("role.amount") })).textContent).toBe("销售额"),
      { timeout: 15_000 },
    );
    await user.click(screen.getByRole("radio", { name: /ABC 分类（二八法则）/ }));
    const group = screen.getByRole("radiogroup", { name: LT("live.mode") });
    expect(group).toBeTruthy();
    expect(screen.getByText(LT("live.hint"))).toBeTruthy();
    await user.click(screen.getByRole("radio", { name: LT("live.formulas") }));
    await user.click(screen.getByRole("button", { name: L("eval.button") }));
    const card = await screen.findByRole("region", { name: L("result.title") }, { timeout: 30_000 });

    const sheet = excel.sheet("客户");
    const headers = Array.from({ length: 20 }, (_, c) => sheet.value(0, c));
    const tierCol = headers.indexOf("分级·等级");
    expect(tierCol).toBeGreaterThan(3);
    expect(sheet.formula(1, tierCol)).toMatch(/^=IF\(/);
    // The user's columns are as they were.
    expect(headers.slice(0, 4)).toEqual(["客户编号", "客户名称", "销售额", "地区"]);
    const formulas = excel.sheets.reduce(
      (n, s) => n + [...s.rows.values()].reduce((k, r) => k + r.f.filter((f) => f !== undefined).length, 0),
      0,
    );
    expect(card.textContent).toContain(
      LT("live.written", { formulas, sheet: "客户", rules: "分级·规则", summary: "分级汇总" }),
    );
    expect(excel.find("分级·规则")).toBeDefined();
    expect(excel.find("分级汇总")).toBeDefined();
  }, 60_000);

  it("a policy with no formula form (k-means) says so when 实时公式 is picked, writes its tiers as values and says it did", async () => {
    const excel = new FakeExcel();
    const rows: FakeValue[][] = [["客户编号", "最近消费日期", "消费次数", "销售额"]];
    for (let i = 1; i <= 40; i++)
      rows.push([
        `K${i}`,
        `2025-${String(1 + (i % 12)).padStart(2, "0")}-15`,
        1 + (i % 9),
        100 * i + (i % 7) * 37,
      ]);
    excel.addSheet("客户", rows);
    uninstall = excel.install();
    const user = userEvent.setup();
    const pane = createElement(Pane, { host: new OfficeHost(), mode: "office", today: AS_OF });
    render(
      createElement(
        FluentProvider,
        { theme: webLightTheme },
        createElement(I18nProvider, { initialLocale: "zh-CN" }, pane),
      ),
    );
    await waitFor(
      async () =>
        expect((await screen.findByRole("combobox", { name: L("role.amount") })).textContent).toBe("销售额"),
      { timeout: 15_000 },
    );
    // The gallery shows the suggested policy; the others are one click away.
    await user.click(screen.getByRole("button", { name: "更换政策" }));
    await user.click(screen.getByRole("radio", { name: /K-means 聚类/ }));
    await user.click(screen.getByRole("radio", { name: LT("live.formulas") }));
    const policy = "K-means 聚类（RFM）";
    expect(screen.getByText(LT("live.noForm", { policy }))).toBeTruthy();
    await user.click(screen.getByRole("button", { name: L("eval.button") }));
    const card = await screen.findByRole("region", { name: L("result.title") }, { timeout: 30_000 });
    expect(card.textContent).toContain(LT("live.wroteValues", { policy }));
    const sheet = excel.sheet("客户");
    const headers = Array.from({ length: 20 }, (_, c) => sheet.value(0, c));
    const tierCol = headers.indexOf("分级·等级");
    expect(tierCol).toBeGreaterThan(3);
    // Values, not formulas: every customer's cell holds a cluster name.
    for (let r = 1; r <= 40; r++) {
      expect(String(sheet.formula(r, tierCol) ?? "")).not.toMatch(/^=/);
      expect(String(sheet.value(r, tierCol))).toMatch(/价值|基础/);
    }
    expect(excel.find("分级·规则")).toBeUndefined();
  }, 60_000);

  it("the choice's catalogue has the same keys in zh-CN and en-US, the same placeholders, and no >= in a label", () => {
    const zh = LIVE_MESSAGES["zh-CN"];
    const en = LIVE_MESSAGES["en-US"];
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
    for (const k of Object.keys(en) as (keyof typeof en)[]) {
      const holes = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(holes(zh[k]), k).toEqual(holes(en[k]));
      expect(zh[k], k).not.toMatch(/>=|[,:;()](?![^{]*\})/);
      expect(en[k], k).not.toMatch(/>=/);
    }
  });
});
