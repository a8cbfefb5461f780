// @vitest-environment jsdom
/**
 * The CLV policy end to end in the pane: an orders sheet in the fake Excel under the real OfficeHost,
 * the policy chosen from the gallery, its editor checked, the grade written with the model's columns.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { cleanup, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import Papa from "papaparse";
import { createElement } from "react";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { dayFromCivil } from "../src/engine/dates";
import { preset } from "../src/engine/presets";
import { OUTPUT_PREFIX, tableFromRows } from "../src/engine/table";
import { countsLine } from "../src/i18n/counts";
import { format, I18nProvider } from "../src/i18n";
import { Pane } from "../src/taskpane/Pane";
import { OfficeHost } from "../src/workbook/office-host";
import { outputHeader, SHEET_NAMES } from "../src/workbook/write-result";
import { FakeExcel, type FakeValue } from "./fake-excel";
import { gradeIn } from "./present";

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

/** test/data/rfm-orders.csv (the R package rfm's sample orders), as text cells. */
function orders(): FakeValue[][] {
  const text = readFileSync(path.join(__dirname, "data", "rfm-orders.csv"), "utf8");
  return Papa.parse<string[]>(text.replace(/^\uFEFF/, ""), { skipEmptyLines: true }).data.map((r) =>
    r.slice(0, 3),
  );
}

describe("the clv policy in the pane", () => {
  it("is chosen from the gallery, edited, and grades the orders with the model's columns", async () => {
    const excel = new FakeExcel();
    excel.addSheet("Orders", orders());
    uninstall = excel.install();
    const user = userEvent.setup();
    const today = dayFromCivil(2025, 12, 31);
    render(
      createElement(
        FluentProvider,
        { theme: webLightTheme },
        createElement(
          I18nProvider,
          { initialLocale: "en-US" },
          createElement(Pane, { host: new OfficeHost(), mode: "office", today }),
        ),
      ),
    );
    await waitFor(
      async () =>
        expect((await screen.findByRole("combobox", { name: L("role.amount") })).textContent).toBe("revenue"),
      { timeout: 15_000 },
    );
    await user.click(await screen.findByRole("button", { name: "Choose another policy" }));
    await user.click(screen.getByRole("radio", { name: /Customer lifetime value \(CLV\)/ }));
    // The editor: a lost line above the active line is refused where it was typed.
    const lost = screen.getByRole("textbox", { name: "Lost below P(alive) (0–1)" });
    await user.clear(lost);
    await user.type(lost, "0.7");
    expect(lost.getAttribute("aria-invalid")).toBe("true");
    expect((screen.getByRole("button", { name: L("eval.button") }) as HTMLButtonElement).disabled).toBe(true);
    await user.clear(lost);
    await user.type(lost, "0.3");
    await user.click(screen.getByRole("button", { name: L("eval.button") }));
    const card = await screen.findByRole("region", { name: L("result.title") }, { timeout: 30_000 });
    // The counts line (src/i18n/counts.ts): every customer graded, no row left out.
    expect(card.textContent).toContain(countsLine({ graded: 995, ungraded: 0 }, "en"));

    // The results sheet's headers are the output headers without the prefix of columns beside data.
    const label = (key: string) => outputHeader(key, "en").slice(OUTPUT_PREFIX.en.length);
    // Orders: a results sheet with the model's columns and the tiers' names, as grade() gives them.
    const results = excel.sheet(SHEET_NAMES.results.en);
    const header = Array.from({ length: 12 }, (_, c) => results.value(0, c));
    for (const key of ["x", "t_x", "T", "p_alive", "expected_purchases", "expected_spend", "clv", "tier"])
      expect(header).toContain(label(key));
    const rules = { ...preset("clv"), lost: 0.3 } as ReturnType<typeof preset>;
    const lastDay = dayFromCivil(2006, 12, 30);
    const expected = gradeIn(tableFromRows(orders(), false, "Orders"), rules, { asOf: lastDay });
    const tierAt = header.indexOf(label("tier"));
    const written = Array.from({ length: 995 }, (_, i) => results.value(i + 1, tierAt));
    expect(written).toEqual(expected.columns.tier);
  });
});
