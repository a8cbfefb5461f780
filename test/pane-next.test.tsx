// @vitest-environment jsdom
// The pane's next-step list (issue 17) as a person uses it: the customers closest to the next tier
// first, sheet order on request, the reason on the tier.
import { cleanup, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { parseIsoDay } from "../src/engine/dates";
import { grade } from "../src/engine/grade";
import { preset } from "../src/engine/presets";
import { tableFromRows } from "../src/engine/table";
import { I18nProvider } from "../src/i18n";
import { presentResult } from "../src/i18n/result";
import { NextList } from "../src/taskpane/NextList";

beforeAll(() => {
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  } as unknown as typeof ResizeObserver;
  Element.prototype.scrollIntoView ??= function () {};
});
afterEach(cleanup);

const HEAD = ["会员号", "姓名", "首次消费日期", "消费次数", "累计消费金额"];
// Gaps to the next card: 王芳 9,000 → 金卡 10,000 is 1,000 (11 %); 李明 4,900 → 银卡 5,000 is 100 (2 %);
// 赵强 25,000 is a diamond (top tier).
const ROWS = [
  ["M1", "王芳", "2023-01-05", 5, 9000],
  ["M2", "李明", "2023-01-05", 5, 4900],
  ["M3", "赵强", "2023-01-05", 5, 25000],
];

function list() {
  const result = presentResult(
    grade(tableFromRows([HEAD, ...ROWS], false, "会员"), preset("membership"), {
      asOf: parseIsoDay("2025-12-31"),
      explain: true,
    }),
    "zh",
  );
  render(
    <FluentProvider theme={webLightTheme}>
      <I18nProvider initialLocale="zh-CN">
        <NextList result={result} />
      </I18nProvider>
    </FluentProvider>,
  );
  return screen.getByRole("region", { name: "下一等级" });
}

describe("the next-step list", () => {
  it("lists the customer closest to the next tier first, with the step in words", () => {
    const rows = within(within(list()).getByRole("table")).getAllByRole("row").slice(1);
    expect(rows.map((r) => within(r).getAllByRole("cell")[0].textContent)).toEqual(["李明", "王芳", "赵强"]);
    expect(within(rows[0]).getAllByRole("cell")[3].textContent).toBe("再消费 100 元即可升为银卡");
    expect(within(rows[2]).getAllByRole("cell")[3].textContent).toBe("已是最高等级");
  });

  it("puts the rows back in sheet order on request", async () => {
    list();
    await userEvent.click(screen.getByRole("combobox", { name: "排序" }));
    await userEvent.click(screen.getByRole("option", { name: "按表格顺序" }));
    const table = screen.getAllByRole("table", { name: "下一等级" })[0];
    const rows = within(table).getAllByRole("row").slice(1);
    expect(rows.map((r) => within(r).getAllByRole("cell")[0].textContent)).toEqual(["王芳", "李明", "赵强"]);
  });
});
