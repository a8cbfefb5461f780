import { describe, expect, it } from "vitest";
import {
  chartsOf,
  distributionChart,
  gridChart,
  paretoChart,
  pyramidChart,
  rfmChart,
  HEAT,
} from "../src/engine/charts";
import { mix } from "../src/engine/colour";
import { grade } from "../src/engine/grade";
import { preset } from "../src/engine/presets";
import { tableFromRows } from "../src/engine/table";
import { presentResult } from "../src/i18n/result";

const table = (rows: unknown[][]) => tableFromRows(rows, false, "Sheet1");
const ABC_ROWS = [
  ["客户", "销售额"],
  ["c1", 500],
  ["c2", 300],
  ["c3", 100],
  ["c4", 60],
  ["c5", 40],
];

describe("chart descriptions", () => {
  it("distributionChart(result) gives every tier its share of customers beside its share of sales", () => {
    // Hand calculation: total 1000; A = c1+c2 = 800 (80 %), B = c3 + c4 = 160 (cumulative 96 %
    // crosses 95 % at c4, which is B), C = c5 = 40.
    const d = distributionChart(grade(table(ABC_ROWS), preset("abc")));
    expect(d.tiers.map((t) => [t.key, t.customers, t.customerShare, t.amountShare])).toEqual([
      ["A", 2, 0.4, 0.8],
      ["B", 2, 0.4, 0.16],
      ["C", 1, 0.2, 0.04],
    ]);
    expect(d.hasAmount).toBe(true);
  });

  it("paretoChart(result) draws one bar per customer up to 200, with the A/B/C zones in share of customers", () => {
    const p = paretoChart(grade(table(ABC_ROWS), preset("abc")))!;
    expect(p.perPercentile).toBe(false);
    expect(p.points.map((x) => [x.upTo, x.amount, x.cumulative, x.tier])).toEqual([
      [0.2, 500, 0.5, "A"],
      [0.4, 300, 0.8, "A"],
      [0.6, 100, 0.9, "B"],
      [0.8, 60, 0.96, "B"],
      [1, 40, 1, "C"],
    ]);
    expect(p.zones.map((z) => [z.key, z.from, z.to])).toEqual([
      ["A", 0, 0.4],
      ["B", 0.4, 0.8],
      ["C", 0.8, 1],
    ]);
  });

  it("paretoChart(result) draws one bar per percentile above 200 customers, so 4,338 customers make 100 bars", () => {
    const rows: unknown[][] = [["客户", "销售额"]];
    for (let i = 0; i < 4338; i++) rows.push([`c${i}`, 4338 - i]);
    const p = paretoChart(grade(table(rows), preset("abc")))!;
    expect(p.perPercentile).toBe(true);
    expect(p.points).toHaveLength(100);
    // Bar k holds customers floor((k-1)·n/100) .. floor(k·n/100) − 1: 43 or 44 of them, 4,338 in all.
    expect(p.points[0].customers).toBe(43);
    expect(p.points.reduce((s, x) => s + x.customers, 0)).toBe(4338);
    expect(p.points.at(-1)!.cumulative).toBe(1);
    expect(p.points.at(-1)!.upTo).toBe(1);
  });

  it("paretoChart(result) reads tiers through tierKeys when the result is labelled", () => {
    const p = paretoChart(presentResult(grade(table(ABC_ROWS), preset("abc")), "zh"))!;
    expect(p.points.map((x) => x.tier)).toEqual(["A", "A", "B", "B", "C"]);
  });

  it("pyramidChart(result) puts the top 1 % at the tip with its count and share of sales", () => {
    // 100 customers with sales 100, 99, …, 1 (total 5,050): top 1 % is the first customer (100 / 5050).
    const rows: unknown[][] = [["客户", "销售额"]];
    for (let i = 0; i < 100; i++) rows.push([`c${i}`, 100 - i]);
    const p = pyramidChart(grade(table(rows), preset("pyramid")));
    expect(p.levels.map((l) => [l.key, l.customers])).toEqual([
      ["top", 1],
      ["second", 19],
      ["ordinary", 30],
      ["small", 50],
    ]);
    expect(p.levels[0].amountShare).toBeCloseTo(100 / 5050, 12);
  });

  it("gridChart(result) lays the nine cells out with A1 top right and the planned visits in each", () => {
    const rows: unknown[][] = [["客户", "潜力", "处方量"]];
    // Three customers at each of three levels of both axes: one per cell.
    for (const x of [1, 2, 3]) for (const y of [1, 2, 3]) rows.push([`c${x}${y}`, x, y]);
    const result = grade(table(rows), preset("grid9"), {
      map: { potential: "潜力", current_value: "处方量" },
    });
    const g = gridChart(result);
    expect(g.cells.map((c) => c.key)).toEqual(["C1", "B1", "A1", "C2", "B2", "A2", "C3", "B3", "A3"]);
    expect(g.cells.map((c) => c.customers)).toEqual([1, 1, 1, 1, 1, 1, 1, 1, 1]);
    // Visits from the preset (grid.ts GRID_PRESET): A1 6, C3 0.
    expect(g.cells[2].value).toBe(6);
    expect(g.cells[6].value).toBe(0);
    expect(g.cells[0].fill).toBe(HEAT.high);
  });

  it("rfmChart(result) gives the mean monetary value per R × F cell, as rfm_heatmap does", () => {
    const rows: unknown[][] = [["客户", "距今天数", "消费次数", "金额"]];
    for (let i = 0; i < 25; i++) rows.push([`c${i}`, i + 1, (i % 5) + 1, 10 * (i + 1)]);
    const result = grade(table(rows), preset("rfm"), {
      map: { recency_days: "距今天数", frequency: "消费次数", amount: "金额" },
    });
    const h = rfmChart(result)!;
    expect(h.rows).toEqual(["5", "4", "3", "2", "1"]);
    expect(h.columns).toEqual(["1", "2", "3", "4", "5"]);
    expect(h.cells).toHaveLength(25);
    expect(h.cells.reduce((s, c) => s + c.customers, 0)).toBe(25);
    // The mean of each cell is its sum over its count, computed here from the result's own columns.
    const r = result.columns.r;
    const f = result.columns.f;
    const m = result.columns.amount;
    const want = (rr: number, ff: number) => {
      const idx = r.map((_, i) => i).filter((i) => r[i] === rr && f[i] === ff);
      return idx.length ? idx.reduce((s, i) => s + Number(m[i]), 0) / idx.length : NaN;
    };
    for (const c of h.cells) {
      const [rr, ff] = c.key.split(",").map(Number);
      if (c.customers) expect(c.value).toBeCloseTo(want(rr, ff), 9);
      else expect(c.value).toBeNaN();
    }
  });

  it("chartsOf(result) asks the registry: distribution for every policy, then the policy's own chart", () => {
    expect(chartsOf(grade(table(ABC_ROWS), preset("abc"))).map((c) => c.kind)).toEqual([
      "distribution",
      "pareto",
    ]);
    expect(chartsOf(grade(table(ABC_ROWS), preset("pyramid"))).map((c) => c.kind)).toEqual([
      "distribution",
      "pyramid",
    ]);
  });

  it("mix(from, to, t) shades channel by channel and clamps t to 0..1", () => {
    expect(mix("#000000", "#FFFFFF", 0.5)).toBe("#808080");
    expect(mix(HEAT.low, HEAT.high, 2)).toBe(HEAT.high);
    expect(mix(HEAT.low, HEAT.high, -1)).toBe(HEAT.low);
  });
});
