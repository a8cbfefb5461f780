// @vitest-environment jsdom
// The pane's Potential step driven as a person does: fill the calibration end, press the button, read
// the holdout table; the sheets go through a recording WorkbookHost.
import { readFileSync } from "node:fs";
import path from "node:path";
import { cleanup, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import Papa from "papaparse";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { resolveMapping } from "../src/engine/headers";
import { tableFromRows } from "../src/engine/table";
import { CLV_MESSAGES } from "../src/i18n/clv";
import { PotentialStep } from "../src/taskpane/PotentialStep";
import type { SheetWriteRequest, WorkbookHost } from "../src/workbook/host";
import { POTENTIAL_HEADERS } from "../src/workbook/write-potential";

beforeAll(() => {
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  } as unknown as typeof ResizeObserver;
  Element.prototype.scrollIntoView ??= function () {};
});
afterEach(cleanup);

/** Records the sheets written; nothing else is called by this step. */
function recordingHost(): { host: WorkbookHost; written: SheetWriteRequest[] } {
  const written: SheetWriteRequest[] = [];
  const unused = () => Promise.reject(new Error("not used by the Potential step"));
  const host: WorkbookHost = {
    listSheets: unused,
    readSheet: unused,
    writeColumns: unused,
    writeSheet: async (request) => {
      written.push(request);
    },
    appendRows: unused,
    addParetoChart: unused,
    saveSetting: unused,
    loadSetting: unused,
    selectCell: unused,
  };
  return { host, written };
}

/** test/data/rfm-orders.csv as the pane reads it (text cells). */
function rfmOrders() {
  const text = readFileSync(path.join(__dirname, "data", "rfm-orders.csv"), "utf8");
  const rows = Papa.parse<string[]>(text.replace(/^\uFEFF/, ""), { skipEmptyLines: true }).data;
  const table = tableFromRows(rows, false, "orders");
  return { table, roles: resolveMapping(table.headers, {}) };
}

const wrap = (ui: React.ReactElement) => <FluentProvider theme={webLightTheme}>{ui}</FluentProvider>;

describe("PotentialStep", () => {
  it("writes one row per customer and the model, and shows the holdout check 0..7+", async () => {
    const { table, roles } = rfmOrders();
    const { host, written } = recordingHost();
    render(wrap(<PotentialStep host={host} table={table} roles={roles} lang="en" />));
    await userEvent.type(screen.getByRole("textbox", { name: /Calibration end/ }), "2005-12-31");
    await userEvent.click(screen.getByRole("button", { name: "Compute potential" }));
    expect(
      await screen.findByText(/982 customers written to the sheets “Potential” and “Potential model”/),
    ).toBeTruthy();
    expect(written.map((w) => w.name)).toEqual(["Potential", "Potential model"]);
    expect(written[0].rows[0]).toEqual([...POTENTIAL_HEADERS.en]);
    expect(written[0].rows).toHaveLength(983);
    const table1 = screen.getByRole("table");
    expect(table1.textContent).toContain("7+");
    // This synthetic sample is one the model does not fit: the step says so.
    expect(screen.getAllByText(/the model does not fit well/).length).toBeGreaterThan(0);
  });

  it("speaks Chinese, marks a date it cannot read and does not run", async () => {
    const { table, roles } = rfmOrders();
    const { host, written } = recordingHost();
    render(wrap(<PotentialStep host={host} table={table} roles={roles} lang="zh" />));
    await userEvent.type(screen.getByRole("textbox", { name: /校准期结束日/ }), "2005-13-45");
    expect(screen.getByRole("button", { name: "计算潜力" }).hasAttribute("disabled")).toBe(true);
    expect(screen.getByText("请先修改标出的字段。")).toBeTruthy();
    expect(written).toHaveLength(0);
  });

  it("has every pane sentence in both languages", () => {
    expect(Object.keys(CLV_MESSAGES.zh).sort()).toEqual(Object.keys(CLV_MESSAGES.en).sort());
  });
});
