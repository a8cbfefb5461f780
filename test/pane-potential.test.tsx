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
import type { LineChartRequest, SheetWriteRequest, WorkbookHost } from "../src/workbook/host";
import { potentialChartData } from "../src/taskpane/PotentialCharts";
import { POTENTIAL_HEADERS } from "../src/workbook/write-potential";

beforeAll(() => {
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  } as unknown as typeof ResizeObserver;
  Element.prototype.scrollIntoView ??= function () {};
  // jsdom lays out no SVG text: the chart library measures axis labels, so give them a size.
  const svg = SVGElement.prototype as unknown as Record<string, unknown>;
  svg.getComputedTextLength ??= () => 30;
  svg.getBBox ??= () => ({ x: 0, y: 0, width: 30, height: 12 });
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

  it("feeds the nine-grid and the graded policy: grid columns, potential per tier, and the two charts", async () => {
    const { table, roles } = rfmOrders();
    const { host, written } = recordingHost();
    const charts: LineChartRequest[] = [];
    host.addLineChart = async (request) => {
      charts.push(request);
    };
    const ids = ["Brion Stark", "Ethyl Botsford", "Hosteen Jacobi", "nobody"];
    const chosen: string[] = [];
    render(
      wrap(
        <PotentialStep
          host={host}
          table={table}
          roles={roles}
          lang="en"
          graded={{
            policy: "RFM",
            ids,
            tiers: ["champions", "champions", "lost", "lost"],
            names: [
              { key: "champions", name: "Champions" },
              { key: "lost", name: "Lost" },
            ],
          }}
          onGradeGrid={(sheet) => chosen.push(sheet)}
        />,
      ),
    );
    await userEvent.type(screen.getByRole("textbox", { name: /Calibration end/ }), "2005-12-31");
    await userEvent.click(screen.getByRole("checkbox", { name: /nine-grid's columns/ }));
    await userEvent.click(screen.getByRole("button", { name: "Compute potential" }));
    await screen.findByText(/982 customers written/);
    // The Potential sheet carries the columns the nine-grid's roles read.
    const header = written[0].rows[0] as string[];
    expect(header.slice(-2)).toEqual(["potential", "current value"]);
    const mapped = resolveMapping(header, {});
    expect(header[mapped.potential!]).toBe("potential");
    expect(header[mapped.current_value!]).toBe("current value");
    // Potential per tier of the graded policy: on the model sheet and in the pane.
    const model = written[1].rows;
    const at = model.findIndex((r) => r[0] === 'Potential by tier of "RFM"');
    expect(model[at + 2].slice(0, 2)).toEqual(["Champions", 2]);
    expect(model[at + 3].slice(0, 2)).toEqual(["Lost", 1]);
    const byTier = screen.getByRole("table", { name: "Potential by tier of “RFM”" });
    expect(byTier.textContent).toContain("Champions");
    // The two charts: on the model sheet, and in the pane.
    expect(charts.map((c) => [c.sheetName, c.name, c.seriesColumns])).toEqual([
      ["Potential model", "TierPAlive", [2]],
      ["Potential model", "TierHoldout", [2, 3]],
    ]);
    expect(model[charts[1].headerRow]).toEqual([
      "x in calibration",
      "customers",
      "holdout actual",
      "holdout predicted",
    ]);
    expect(
      await screen.findByRole("img", { name: "P(alive) by weeks since the last purchase" }),
    ).toBeTruthy();
    expect(
      screen.getByRole("img", { name: "Repeat purchases in the holdout: actual and predicted" }),
    ).toBeTruthy();
    // The button hands the Potential sheet to the pane, graded on the nine-grid.
    await userEvent.click(screen.getByRole("button", { name: "Grade “Potential” on the nine-grid" }));
    expect(chosen).toEqual(["Potential"]);
  });

  it("reads the orders again when the table it is given holds one row per customer (the standalone page's worker)", async () => {
    const { table, roles } = rfmOrders();
    const { host, written } = recordingHost();
    const text = readFileSync(path.join(__dirname, "data", "rfm-orders.csv"), "utf8");
    const all = Papa.parse<string[]>(text.replace(/^\uFEFF/, ""), { skipEmptyLines: true }).data;
    host.readSheet = async (name) => ({ sheetName: name, rows: all, date1904: false, top: 0, left: 0 });
    // Keep each customer's first order line only, the others left as holes.
    const seen = new Set<unknown>();
    const rows: unknown[][] = new Array(table.rows.length);
    table.rows.forEach((r, i) => {
      if (!seen.has(r[0])) rows[i] = r;
      seen.add(r[0]);
    });
    render(wrap(<PotentialStep host={host} table={{ ...table, rows }} roles={roles} lang="en" />));
    await userEvent.type(screen.getByRole("textbox", { name: /Calibration end/ }), "2005-12-31");
    await userEvent.click(screen.getByRole("button", { name: "Compute potential" }));
    await screen.findByText(/982 customers written/);
    // Repeat purchases were counted from every order line, not from the first one of each customer.
    expect(written[0].rows.slice(1).some((r) => Number(r[1]) > 0)).toBe(true);
  });

  it("potentialChartData draws mean P(alive) per recency bucket and the holdout's actual and predicted lines", () => {
    const labels = {
      aliveTitle: "A",
      alive: "mean",
      recency: "weeks",
      holdoutTitle: "H",
      actual: "actual",
      predicted: "predicted",
      x: "x",
    };
    const data = potentialChartData(
      [
        { from: 0, to: 5, customers: 3, meanAlive: 0.9 },
        { from: 5, to: 10, customers: 0, meanAlive: NaN },
        { from: 10, to: 15, customers: 2, meanAlive: 0.25 },
      ],
      [
        { x: 0, atLeast: false, customers: 10, actual: 0.2, predicted: 0.25 },
        { x: 1, atLeast: true, customers: 4, actual: 1.5, predicted: 1.25 },
      ],
      labels,
    );
    expect(data.alive.lineChartData![0].data.map((p) => [p.x, p.y])).toEqual([
      [0, 0.9],
      [10, 0.25],
    ]);
    expect(data.holdout!.lineChartData!.map((l) => [l.legend, l.data.map((p) => p.y)])).toEqual([
      ["actual", [0.2, 1.5]],
      ["predicted", [0.25, 1.25]],
    ]);
  });

  it("has every pane sentence in both languages", () => {
    expect(Object.keys(CLV_MESSAGES.zh).sort()).toEqual(Object.keys(CLV_MESSAGES.en).sort());
  });
});
