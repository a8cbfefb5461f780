// @vitest-environment jsdom
import { cleanup, render, screen, waitFor, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { MIGRATION_SHADES, migrationChart, NO_TIER, NO_TIER_COLOUR } from "../src/engine/charts-migration";
import { textOn } from "../src/engine/colour";
import { compareSnapshots } from "../src/engine/history";
import { MIGRATION_MESSAGES } from "../src/i18n/migration";
import { visitsHistoryT } from "../src/i18n/visits-history";
import { MigrationView } from "../src/taskpane/HistoryStep";
import { migrationFlowData } from "../src/taskpane/MigrationFlow";
import { BEFORE, NOW, TIERS } from "./helpers/migration-example";

beforeAll(() => {
  // jsdom lacks these; Fluent's charts and positioning ask for them.
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  } as unknown as typeof ResizeObserver;
  Element.prototype.scrollIntoView ??= function () {};
  // jsdom lays out no SVG text: the Sankey chart measures its node labels, so give them a size.
  const svg = SVGElement.prototype as unknown as Record<string, unknown>;
  svg.getComputedTextLength ??= () => 30;
  svg.getBBox ??= () => ({ x: 0, y: 0, width: 30, height: 12 });
});
afterEach(cleanup);

const rgb = (hex: string) => `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(", ")})`;

describe("the pane's migration pictures", () => {
  it("MigrationView colours the matrix by change, names each cell for a screen reader, and draws the flow after re-evaluation", async () => {
    const migration = compareSnapshots(BEFORE, NOW, TIERS, "en");
    render(
      <FluentProvider theme={webLightTheme}>
        <MigrationView
          migration={migration}
          heading="2025-Q3 → 2025-Q4"
          t={visitsHistoryT("en-US")}
          tiers={TIERS}
          lang="en"
        />
      </FluentProvider>,
    );
    const table = screen.getByRole("table", { name: /^Tier migration/ });
    // B → A, the hand-made example's upgrade of C3: deep green with the text colour of the WCAG rule.
    const up = within(table).getByRole("cell", { name: "B to A: 1 customers (Up)" });
    expect(up.textContent).toBe("1");
    expect(up.style.backgroundColor).toBe(rgb(MIGRATION_SHADES.up.high));
    expect(up.style.color).toBe(rgb(textOn(MIGRATION_SHADES.up.high)));
    const down = within(table).getByRole("cell", { name: "A to B: 1 customers (Down)" });
    expect(down.style.backgroundColor).toBe(rgb(MIGRATION_SHADES.down.high));
    const empty = within(table).getByRole("cell", { name: "B to B: 0 customers (Same)" });
    expect(empty.style.backgroundColor).toBe(rgb(MIGRATION_SHADES.same.low));
    expect(within(table).getByRole("cell", { name: "(none) to C: 1 customers (New)" })).toBeTruthy();
    expect(within(table).getByRole("cell", { name: "B to (none): 1 customers (Gone)" })).toBeTruthy();
    expect(screen.getByText(/Green: up; red: down; grey: same; blue: new; orange: gone\./)).toBeTruthy();
    // The flow, loaded on demand, names itself.
    const flow = await screen.findByRole("img", { name: "Tier flow" }, { timeout: 5000 });
    // A bar per non-empty cell of the matrix (nine), stacked in four columns.
    await waitFor(() =>
      expect(flow.querySelectorAll("rect[role='img'], g rect").length).toBeGreaterThanOrEqual(9),
    );
  });

  it("migrationFlowData stacks each previous tier's customers by their current tier, with the matrix's counts and the tiers' colours", () => {
    const chart = migrationChart(compareSnapshots(BEFORE, NOW, TIERS, "zh"), TIERS);
    const name = (side: string) => (k: string) => (k === NO_TIER ? `${side}:none` : `${side}:${k}`);
    const data = migrationFlowData(chart, { title: "流向", before: name("before"), now: name("now") });
    // The hand-made matrix row by row (test/helpers/migration-example.ts), empty cells left out.
    expect(data.map((c) => [c.xAxisPoint, c.chartData.map((p) => `${p.legend} ${p.data}`)])).toEqual([
      ["before:A", ["now:A 1", "now:B 1"]],
      ["before:B", ["now:A 1", "now:C 1", "now:none 1"]],
      ["before:C", ["now:B 1", "now:C 1"]],
      ["before:none", ["now:A 1", "now:C 1"]],
    ]);
    expect(data[1].chartData.map((p) => p.color)).toEqual([TIERS[0].colour, TIERS[2].colour, NO_TIER_COLOUR]);
    // Nine customers flow in all: the seven before and the two new, or the eight now and the one gone.
    expect(data.flatMap((c) => c.chartData).reduce((s, p) => s + Number(p.data), 0)).toBe(9);
  });

  it("the migration catalogue has the same keys and placeholders in zh and en", () => {
    const holes = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    expect(Object.keys(MIGRATION_MESSAGES.zh).sort()).toEqual(Object.keys(MIGRATION_MESSAGES.en).sort());
    for (const [k, v] of Object.entries(MIGRATION_MESSAGES.en))
      expect(holes(MIGRATION_MESSAGES.zh[k as keyof typeof MIGRATION_MESSAGES.zh]), k).toEqual(holes(v));
  });
});
