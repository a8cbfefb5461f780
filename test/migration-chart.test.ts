import { describe, expect, it } from "vitest";
import {
  MIGRATION_SHADES,
  migrationChart,
  migrationClass,
  NO_TIER,
  NO_TIER_COLOUR,
} from "../src/engine/charts-migration";
import { mix } from "../src/engine/colour";
import { compareSnapshots } from "../src/engine/history";
import { BEFORE, NOW, TIERS } from "./helpers/migration-example";

describe("the migration chart description", () => {
  it("migrationChart(migration, tiers) counts the hand-made example cell by cell, best tiers first on both axes", () => {
    const chart = migrationChart(compareSnapshots(BEFORE, NOW, TIERS, "en"), TIERS);
    expect(chart.rows).toEqual(["A", "B", "C", NO_TIER]);
    expect(chart.columns).toEqual(["A", "B", "C", NO_TIER]);
    const grid = chart.rows.map((_, r) => chart.cells.slice(r * 4, r * 4 + 4).map((c) => c.customers));
    expect(grid).toEqual([
      [1, 1, 0, 0],
      [1, 0, 1, 1],
      [0, 1, 1, 0],
      [1, 0, 1, 0],
    ]);
    expect(chart.counts).toEqual({ new: 2, up: 2, down: 2, same: 2, gone: 1 });
  });

  it("migrationChart classes each cell: up left of the diagonal, down right of it, same on it, new in the last row, gone in the last column", () => {
    const chart = migrationChart(compareSnapshots(BEFORE, NOW, TIERS, "en"), TIERS);
    const classes = chart.rows.map((_, r) => chart.cells.slice(r * 4, r * 4 + 4).map((c) => c.change));
    expect(classes).toEqual([
      ["same", "down", "down", "gone"],
      ["up", "same", "down", "gone"],
      ["up", "up", "same", "gone"],
      ["new", "new", "new", "none"],
    ]);
    // The counts per class agree with compareSnapshots' counts per change.
    const per = (k: string) => chart.cells.filter((c) => c.change === k).reduce((s, c) => s + c.customers, 0);
    expect(["new", "up", "down", "same", "gone"].map(per)).toEqual([2, 2, 2, 2, 1]);
    expect(migrationClass(0, 3, 3)).toBe("gone");
  });

  it("migrationChart shades a cell 25 % to 100 % of the way to its class's deep end by its count, and leaves empty cells pale", () => {
    const chart = migrationChart(compareSnapshots(BEFORE, NOW, TIERS, "en"), TIERS);
    // Every filled cell holds 1 customer and the fullest holds 1: all at the deep end.
    const at = (from: string, to: string) => chart.cells.find((c) => c.from === from && c.to === to)!;
    expect(at("B", "A").fill).toBe(MIGRATION_SHADES.up.high);
    expect(at("A", "B").fill).toBe(MIGRATION_SHADES.down.high);
    expect(at("B", "B").fill).toBe(MIGRATION_SHADES.same.low);
    expect(at(NO_TIER, NO_TIER).fill).toBe("#FFFFFF");
    // With a fuller cell elsewhere: 2 of 4 customers is 0.25 + 0.75 · 2/4 = 62.5 % of the way.
    const m = {
      matrix: [
        [4, 2],
        [0, 0],
      ],
      counts: { new: 0, up: 0, down: 2, same: 4, gone: 0 },
    };
    const one = migrationChart(m, TIERS.slice(0, 1));
    expect(one.cells[1].fill).toBe(mix(MIGRATION_SHADES.gone.low, MIGRATION_SHADES.gone.high, 0.625));
  });

  it("migrationChart lists the flow as links with customers, previous tier to current tier, in matrix order", () => {
    const chart = migrationChart(compareSnapshots(BEFORE, NOW, TIERS, "en"), TIERS);
    expect(chart.flows.map((f) => `${f.from}→${f.to} ${f.customers} ${f.change}`)).toEqual([
      "A→A 1 same",
      "A→B 1 down",
      "B→A 1 up",
      "B→C 1 down",
      "B→(none) 1 gone",
      "C→B 1 up",
      "C→C 1 same",
      "(none)→A 1 new",
      "(none)→C 1 new",
    ]);
    expect(chart.colours).toEqual({ A: "#1F4E79", B: "#C9A227", C: "#A6A6A6", [NO_TIER]: NO_TIER_COLOUR });
  });

  it("migrationChart refuses a matrix of other tiers rather than drawing it wrong", () => {
    const m = compareSnapshots(BEFORE, NOW, TIERS, "en");
    expect(() => migrationChart(m, TIERS.slice(0, 2))).toThrow(RangeError);
  });
});
