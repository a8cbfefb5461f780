// @vitest-environment jsdom
/**
 * The pane shows the clv policy's "model does not fit" warning in the result: customers restocking on
 * a 14-day schedule in the fake Excel under the real OfficeHost, graded with the clv policy.
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { cleanup, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { createElement } from "react";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { dayFromCivil, formatDay } from "../src/engine/dates";
import { format, I18nProvider } from "../src/i18n";
import { reasonText } from "../src/i18n/reasons";
import { Pane } from "../src/taskpane/Pane";
import { OfficeHost } from "../src/workbook/office-host";
import { SHEET_NAMES } from "../src/workbook/write-result";
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

const L = (key: Parameters<typeof format>[1], params?: Parameters<typeof format>[2]) =>
  format("en-US", key, params);

/** 200 customers each restocking every 14 days through 2025 (as test/clv-fit-warning.test.ts). */
function scheduleOrders(): FakeValue[][] {
  const rows: FakeValue[][] = [["customer_id", "date", "amount"]];
  for (let c = 0; c < 200; c++)
    for (let d = dayFromCivil(2025, 1, 1) + (c % 14); d <= dayFromCivil(2025, 12, 31); d += 14)
      rows.push([`S${c}`, formatDay(d), 100 + (c % 7) * 10]);
  return rows;
}

describe("the clv policy's warning in the pane", () => {
  it("shows that the model does not fit customers on a schedule, above the tiers, and writes it on the summary", async () => {
    const excel = new FakeExcel();
    excel.addSheet("Orders", scheduleOrders());
    uninstall = excel.install();
    const user = userEvent.setup();
    render(
      createElement(
        FluentProvider,
        { theme: webLightTheme },
        createElement(
          I18nProvider,
          { initialLocale: "en-US" },
          createElement(Pane, { host: new OfficeHost(), mode: "office", today: dayFromCivil(2025, 12, 31) }),
        ),
      ),
    );
    await waitFor(
      async () =>
        expect((await screen.findByRole("combobox", { name: L("role.amount") })).textContent).toBe("amount"),
      { timeout: 15_000 },
    );
    await user.click(await screen.findByRole("button", { name: "Choose another policy" }));
    await user.click(screen.getByRole("radio", { name: /Customer lifetime value \(CLV\)/ }));
    await user.click(screen.getByRole("button", { name: L("eval.button") }));
    const card = await screen.findByRole("region", { name: L("result.title") }, { timeout: 30_000 });
    const noDropout = reasonText({ code: "clv.noDropout" }, "en");
    expect(card.textContent).toContain(
      "the model does not fit well: it finds every customer buying at the same rate",
    );
    expect(card.textContent).toContain(noDropout);
    // The summary sheet holds the same sentence.
    const summary = excel.sheet(SHEET_NAMES.summary.en);
    const cells = Array.from({ length: 40 }, (_, r) => String(summary.value(r, 0) ?? ""));
    expect(cells).toContain(`Warning: ${noDropout}`);
  }, 60_000);
});
