// @vitest-environment jsdom
import { cleanup, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { dayFromCivil } from "../src/engine/dates";
import { PRESET_NAMES } from "../src/engine/presets";
import { I18nProvider, MESSAGES, type Locale } from "../src/i18n";
import { Pane } from "../src/taskpane/Pane";
import type { SheetRead, WorkbookHost } from "../src/workbook/host";

beforeAll(() => {
  // jsdom lacks these; Fluent's positioning and the pane's scrolling ask for them.
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  } as unknown as typeof ResizeObserver;
  Element.prototype.scrollIntoView ??= function () {};
  globalThis.NodeFilter ??= window.NodeFilter;
});
afterEach(cleanup);

/** A workbook of one sheet that remembers nothing: enough for the pane's first two steps. */
function sheetHost(rows: unknown[][], name = "Sheet1"): WorkbookHost {
  const read: SheetRead = { sheetName: name, rows, date1904: false, top: 0, left: 0 };
  const settings = new Map<string, string>();
  return {
    listSheets: async () => ({ sheets: [name], active: name }),
    readSheet: async () => read,
    writeColumns: async (r) => ({
      sheetName: r.sheetName,
      headerRow: r.headerRow,
      firstColumn: r.dataEnd,
      headers: r.headers,
      rows: r.columns[0]?.length ?? 0,
    }),
    writeSheet: async () => {},
    appendRows: async () => {},
    addParetoChart: async () => {},
    saveSetting: async (k, v) => void settings.set(k, v),
    loadSetting: async (k) => settings.get(k) ?? null,
    selectCell: async () => {},
  };
}

function renderPane(host: WorkbookHost, locale: Locale) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <I18nProvider initialLocale={locale}>
        <Pane host={host} mode="office" today={dayFromCivil(2025, 6, 30)} />
      </I18nProvider>
    </FluentProvider>,
  );
}

const ZH_MEMBERS = [
  ["会员卡号", "姓名", "累计消费金额（元）", "消费次数", "首次消费日期", "最近消费日期"],
  ["M001", "张三", 25000, 12, "2023-01-05", "2025-06-01"],
  ["M002", "李四", 6000, 3, "2024-11-20", "2025-05-11"],
  ["M003", "王五", 300, 1, "2025-06-02", "2025-06-02"],
];

const EN_ORDERS = [
  ["Customer ID", "Name", "Order Date", "Revenue"],
  ["C1", "Ann", "2025-01-03", 120],
  ["C2", "Bob", "2025-02-10", 80],
  ["C1", "Ann", "2025-03-15", 40],
];

/** The value a Fluent Dropdown shows, found by its label. */
async function dropdownValue(label: string): Promise<string> {
  const box = await screen.findByRole("combobox", { name: label }, { timeout: 10_000 });
  return box.textContent ?? "";
}

describe("the pane's data step", () => {
  it("shows the roles it guessed for a Chinese header row", async () => {
    renderPane(sheetHost(ZH_MEMBERS, "会员"), "zh-CN");
    await waitFor(async () => expect(await dropdownValue("客户编号")).toBe("会员卡号"), { timeout: 10_000 });
    expect(await dropdownValue("客户名称")).toBe("姓名");
    expect(await dropdownValue("金额")).toBe("累计消费金额（元）");
    expect(await dropdownValue("消费次数")).toBe("消费次数");
    expect(await dropdownValue("首次消费日期")).toBe("首次消费日期");
    expect(await dropdownValue("最近消费日期")).toBe("最近消费日期");
    expect(await dropdownValue("订单日期")).toBe("— 无 —");
    expect((screen.getByRole("radio", { name: "一位客户" }) as HTMLInputElement).checked).toBe(true);
    // The preview shows the first rows.
    expect(screen.getByRole("region", { name: "会员 预览" })?.textContent).toContain("张三");
  });

  it("shows the roles it guessed for an English orders sheet, and that rows are orders", async () => {
    renderPane(sheetHost(EN_ORDERS), "en-US");
    await waitFor(async () => expect(await dropdownValue("Customer ID")).toBe("Customer ID"), {
      timeout: 10_000,
    });
    expect(await dropdownValue("Amount")).toBe("Revenue");
    expect(await dropdownValue("Order date")).toBe("Order Date");
    expect(await dropdownValue("Name")).toBe("Name");
    expect((screen.getByRole("radio", { name: "an order" }) as HTMLInputElement).checked).toBe(true);
  });

  it("lets a role be set to none, and the column it takes leaves the role that had it", async () => {
    const user = userEvent.setup();
    renderPane(sheetHost(EN_ORDERS), "en-US");
    await waitFor(async () => expect(await dropdownValue("Amount")).toBe("Revenue"), { timeout: 10_000 });
    await user.click(screen.getByRole("combobox", { name: "Name" }));
    await user.click(screen.getByRole("option", { name: "Revenue" }));
    expect(await dropdownValue("Name")).toBe("Revenue");
    expect(await dropdownValue("Amount")).toBe("— none —");
  });
});

describe("the policy editor", () => {
  it("marks an invalid threshold where it was typed, with the reason", async () => {
    const user = userEvent.setup();
    renderPane(sheetHost(ZH_MEMBERS), "en-US");
    // The gallery shows the policy the sheet suggests alone until asked for the others.
    await user.click(
      await screen.findByRole("button", { name: "Choose another policy" }, { timeout: 10_000 }),
    );
    await user.click(screen.getByRole("radio", { name: /ABC classes \(80\/20\)/ }));
    const share = screen.getByRole("textbox", { name: "A: share of sales up to (0–1)" });
    await user.clear(share);
    await user.type(share, "abc");
    expect(share.getAttribute("aria-invalid")).toBe("true");
    expect(share.closest("[class*='fui-Field']")?.textContent).toContain("Enter a number.");
    expect((screen.getByRole("button", { name: "Grade customers" }) as HTMLButtonElement).disabled).toBe(
      true,
    );

    // A meaning check (A must be below B) lands on the field too.
    await user.clear(share);
    await user.type(share, "0.99");
    expect(share.getAttribute("aria-invalid")).toBe("true");
    expect(share.closest("[class*='fui-Field']")?.textContent).toContain("must be less than basis.b");
    await user.clear(share);
    await user.type(share, "0.7");
    expect(share.getAttribute("aria-invalid")).not.toBe("true");
  });

  it("marks a membership threshold that is not a number", async () => {
    const user = userEvent.setup();
    renderPane(sheetHost(ZH_MEMBERS), "zh-CN");
    const gold = await screen.findByRole("textbox", { name: "金卡：金额 ≥" }, { timeout: 10_000 });
    expect((gold as HTMLInputElement).value).toBe("10000");
    await user.clear(gold);
    expect(gold.getAttribute("aria-invalid")).toBe("true");
    expect(gold.closest("[class*='fui-Field']")?.textContent).toContain("请输入数字。");
  });

  it("shows the weights' live sum, and Normalise makes it 100", async () => {
    const user = userEvent.setup();
    renderPane(sheetHost(ZH_MEMBERS), "en-US");
    await user.click(
      await screen.findByRole("button", { name: "Choose another policy" }, { timeout: 10_000 }),
    );
    await user.click(screen.getByRole("radio", { name: /Shopping-centre tenant scorecard/ }));
    expect(screen.getByText("Sum: 100 % ✓")).toBeTruthy();
    const first = screen.getByRole("textbox", { name: "Weight of Fits positioning" });
    await user.clear(first);
    await user.type(first, "17");
    expect(screen.getByText("Sum: 110 %")).toBeTruthy();
    expect(screen.getByText("Weights add up to 110 %, they must add up to 100 %.")).toBeTruthy();
    expect((screen.getByRole("button", { name: "Grade customers" }) as HTMLButtonElement).disabled).toBe(
      true,
    );
    await user.click(screen.getByRole("button", { name: "Normalise to 100" }));
    expect(screen.getByText("Sum: 100 % ✓")).toBeTruthy();
    expect(screen.queryByText(/Weights add up to/)).toBeNull();
    // 17 of 110 is 15.45 of 100.
    expect(
      (screen.getByRole("textbox", { name: "Weight of Fits positioning" }) as HTMLInputElement).value,
    ).toBe("15.45");
  });
});

describe("the language", () => {
  it("switches every visible string between English and Chinese", async () => {
    const user = userEvent.setup();
    renderPane(sheetHost(ZH_MEMBERS), "en-US");
    expect(await screen.findByRole("button", { name: "Grade customers" }, { timeout: 10_000 })).toBeTruthy();
    expect(screen.getByRole("heading", { name: "Customer tiers" })).toBeTruthy();
    await user.selectOptions(screen.getByRole("combobox", { name: "Language" }), "zh-CN");
    expect(screen.getByRole("button", { name: "开始分级" })).toBeTruthy();
    expect(screen.getByRole("heading", { name: "客户分级" })).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Grade customers" })).toBeNull();
    expect(screen.getByRole("radiogroup", { name: "选择分级政策" })).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "更换政策" }));
    expect(
      within(screen.getByRole("radiogroup", { name: "选择分级政策" })).getByText("ABC 分类（二八法则）"),
    ).toBeTruthy();
  });
});

describe("the message catalogue", () => {
  const zh = MESSAGES["zh-CN"];
  const en = MESSAGES["en-US"];
  it("has the same keys in zh-CN and en-US", () => {
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
  });
  it("has no empty message in either language", () => {
    for (const [lang, messages] of Object.entries(MESSAGES))
      for (const [key, text] of Object.entries(messages)) expect(text.trim(), `${lang} ${key}`).not.toBe("");
  });
  it("has a line on when to use each preset of the engine", () => {
    for (const name of PRESET_NAMES) expect(en, name).toHaveProperty(`use.${name}`);
  });
  it("uses the same placeholders in both languages", () => {
    const holes = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(en) as (keyof typeof en)[])
      expect(holes(zh[key]), key).toEqual(holes(en[key]));
  });
});

describe("the pane's row numbers", () => {
  it("names a bad cell by the sheet row Excel shows and selects that row, when the table starts at B3", async () => {
    const user = userEvent.setup();
    const rows = [
      ["会员卡号", "姓名", "累计消费金额（元）", "消费次数", "首次消费日期", "最近消费日期"],
      ["M001", "张三", 25000, 12, "2023-01-05", "2025-06-01"],
      ["M002", "李四", "abc", 3, "2024-11-20", "2025-05-11"],
      ["M003", "王五", 300, 1, "2025-06-02", "2025-06-02"],
    ];
    const selected: [string, number, number][] = [];
    const host: WorkbookHost = {
      ...sheetHost(rows, "会员"),
      // The used range starts at B3: its first row is sheet row 3, its first column B.
      readSheet: async () => ({ sheetName: "会员", rows, date1904: false, top: 2, left: 1 }),
      selectCell: async (sheet, row, column) => void selected.push([sheet, row, column]),
    };
    renderPane(host, "zh-CN");
    await waitFor(async () => expect(await dropdownValue("金额")).toBe("累计消费金额（元）"), {
      timeout: 10_000,
    });
    await user.click(screen.getByRole("button", { name: "开始分级" }));
    const problem = await screen.findByRole(
      "button",
      { name: /^第 5 行，累计消费金额（元）：不是数字/ },
      { timeout: 20_000 },
    );
    await user.click(problem);
    // 0-based: sheet row 5 is row index 4; the amount is the range's third column, D (index 3).
    expect(selected).toEqual([["会员", 4, 3]]);
  });
});
