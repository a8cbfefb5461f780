// @vitest-environment jsdom
// The pane's per-kind charts (issue 15): the result card shows the policy's own chart from the same
// description the summary sheet draws (`chartsOf`), with a caption, an image named by it and its numbers
// as a table, in Chinese and English. Numbers are hand calculations shown beside each check.
import { cleanup, render, screen, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { gridChart, paretoChart, pyramidChart, rfmChart } from "../src/engine/charts";
import { grade, type PresentedResult } from "../src/engine/grade";
import { preset } from "../src/engine/presets";
import type { RuleSet } from "../src/engine/ruleset";
import { tableFromRows } from "../src/engine/table";
import { I18nProvider, type Locale } from "../src/i18n";
import { PANE_CHART_MESSAGES, paneChartT } from "../src/i18n/pane-charts";
import { percentText } from "../src/i18n/percent";
import { presentResult } from "../src/i18n/result";
import {
  paretoBars,
  paretoDecileTable,
  paretoZoneTable,
  pyramidRows,
  rfmHeat,
  type ChartWords,
} from "../src/taskpane/kind-chart-data";
import { ResultCard } from "../src/taskpane/ResultCard";

beforeAll(() => {
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  } as unknown as typeof ResizeObserver;
  Element.prototype.scrollIntoView ??= function () {};
  // The chart library measures text on a canvas; jsdom has none (it measures nothing then).
  HTMLCanvasElement.prototype.getContext = () => null;
  // jsdom lays out no SVG text: the chart library measures axis labels, so give them a size.
  const svg = SVGElement.prototype as unknown as Record<string, unknown>;
  svg.getComputedTextLength ??= () => 30;
  svg.getBBox ??= () => ({ x: 0, y: 0, width: 30, height: 12 });
});
afterEach(cleanup);

const table = (rows: unknown[][]) => tableFromRows(rows, false, "Sheet1");

/** Five customers, total 1,000: A = 500 + 300 (80 %), B = 100 + 60 (cumulative 96 %), C = 40. */
const ABC_ROWS = [
  ["客户", "销售额"],
  ["c1", 500],
  ["c2", 300],
  ["c3", 100],
  ["c4", 60],
  ["c5", 40],
];

/** 100 customers with sales 100, 99 … 1 (total 5,050). */
function hundred(): unknown[][] {
  const rows: unknown[][] = [["客户", "销售额"]];
  for (let i = 0; i < 100; i++) rows.push([`c${i}`, 100 - i]);
  return rows;
}

/** One doctor in each cell of the nine-grid (three levels of each axis). */
function nine(): unknown[][] {
  const rows: unknown[][] = [["客户", "潜力", "处方量"]];
  for (const x of [1, 2, 3]) for (const y of [1, 2, 3]) rows.push([`c${x}${y}`, x, y]);
  return rows;
}

/** 25 customers: recency 1..25 days, frequency 1..5 in turn, monetary 10..250. */
function twentyFive(): unknown[][] {
  const rows: unknown[][] = [["客户", "距今天数", "消费次数", "金额"]];
  for (let i = 0; i < 25; i++) rows.push([`c${i}`, i + 1, (i % 5) + 1, 10 * (i + 1)]);
  return rows;
}

const cases: Record<string, () => { rows: unknown[][]; rules: RuleSet; map?: Record<string, string> }> = {
  abc: () => ({ rows: ABC_ROWS, rules: preset("abc") }),
  pyramid: () => ({ rows: hundred(), rules: preset("pyramid") }),
  grid: () => ({ rows: nine(), rules: preset("grid9"), map: { potential: "潜力", current_value: "处方量" } }),
  rfm: () => ({
    rows: twentyFive(),
    rules: preset("rfm"),
    map: { recency_days: "距今天数", frequency: "消费次数", amount: "金额" },
  }),
};

function graded(kind: string, lang: "zh" | "en"): PresentedResult {
  const c = cases[kind]();
  return presentResult(grade(table(c.rows), c.rules, c.map ? { map: c.map } : {}), lang);
}

function show(result: PresentedResult, locale: Locale) {
  render(
    <FluentProvider theme={webLightTheme}>
      <I18nProvider initialLocale={locale}>
        <ResultCard result={result} onProblem={() => {}} />
      </I18nProvider>
    </FluentProvider>,
  );
}

/** The words the pane uses, in English, for the builders. */
function words(result: PresentedResult): ChartWords {
  const names = new Map(result.tiers.map((t) => [t.key, t.name.en]));
  return {
    t: paneChartT("en-US"),
    tier: (k) => names.get(k) ?? k,
    number: (x) => new Intl.NumberFormat("en-US", { maximumFractionDigits: 1 }).format(x),
    share: (x) => percentText(x, "en"),
  };
}

/** A table's cells, row by row, as text. */
const cells = (t: HTMLElement) =>
  within(t)
    .getAllByRole("row")
    .map((r) =>
      within(r)
        .queryAllByRole("cell")
        .map((c) => c.textContent),
    );

const EN = paneChartT("en-US");
const ZH = paneChartT("zh-CN");
const TITLES = {
  pareto: EN("charts.paretoTitle"),
  pyramid: EN("charts.pyramidTitle"),
  grid: EN("charts.gridTitle"),
  rfm: EN("charts.rfmTitle"),
};

describe("the pane's chart per policy", () => {
  it("paretoBars(chart) colours each customer's bar by its zone and carries the cumulative share in percent", () => {
    const result = graded("abc", "en");
    const chart = paretoChart(result)!;
    const bars = paretoBars(chart, words(result));
    // Cumulative: 500, 800, 900, 960, 1000 of 1000.
    expect(bars.map((b) => [b.x, b.y, b.legend, b.lineData?.y])).toEqual([
      [0.2, 500, "A", 50],
      [0.4, 300, "A", 80],
      [0.6, 100, "B", 90],
      [0.8, 60, "B", 96],
      [1, 40, "C", 100],
    ]);
    const colours = new Map(result.tiers.map((t) => [t.key, t.colour]));
    expect(bars.map((b) => b.color)).toEqual(["A", "A", "B", "B", "C"].map((k) => colours.get(k)));
  });

  it("shows the ABC policy's Pareto chart with its zones and tenths of customers as tables, and no other policy's chart", async () => {
    show(graded("abc", "en"), "en-US");
    // The first chart waits for the chart library's module, loaded on demand.
    expect(await screen.findByRole("img", { name: TITLES.pareto }, { timeout: 20_000 })).toBeTruthy();
    for (const other of [TITLES.pyramid, TITLES.grid, TITLES.rfm])
      expect(screen.queryByRole("img", { name: other })).toBeNull();
    // Zones: A holds customers 1-2 of 5 (0-40 %) and 80 % of sales, B 3-4 (16 %), C the last (4 %).
    const zones = screen.getByRole("table", { name: EN("charts.zonesCaption") });
    expect(cells(zones).slice(1)).toEqual([
      ["A", "0.0 % – 40.0 %", "80.0 %"],
      ["B", "40.0 % – 80.0 %", "16.0 %"],
      ["C", "80.0 % – 100.0 %", "4.0 %"],
    ]);
    // Tenths: the first customer (20 %) makes 50 %, two 80 %, three 90 %, four 96 %, all 100 %.
    const tenths = screen.getByRole("table", { name: EN("charts.decilesCaption") });
    expect(cells(tenths).slice(1)).toEqual([
      ["Top 20.0 % of customers", "50.0 %"],
      ["Top 40.0 % of customers", "80.0 %"],
      ["Top 60.0 % of customers", "90.0 %"],
      ["Top 80.0 % of customers", "96.0 %"],
      ["Top 100.0 % of customers", "100.0 %"],
    ]);
  });

  it("keeps the result card and the chart's table when the chart library cannot draw (no SVG layout)", async () => {
    const svg = SVGElement.prototype as unknown as Record<string, unknown>;
    const measure = svg.getComputedTextLength;
    delete svg.getComputedTextLength;
    try {
      show(graded("abc", "en"), "en-US");
      expect(
        await screen.findByRole("table", { name: EN("charts.zonesCaption") }, { timeout: 20_000 }),
      ).toBeTruthy();
      expect(screen.getByRole("region", { name: "Result" })).toBeTruthy();
    } finally {
      svg.getComputedTextLength = measure;
    }
  });

  it("paretoDecileTable reads each tenth exactly when the bars are percentiles (4,338 customers)", () => {
    const rows: unknown[][] = [["客户", "销售额"]];
    for (let i = 0; i < 4338; i++) rows.push([`c${i}`, 4338 - i]);
    const result = presentResult(grade(table(rows), preset("abc")), "en");
    const chart = paretoChart(result)!;
    const tenths = paretoDecileTable(chart, words(result));
    // Bar 10 ends at customer ⌊10·4338/100⌋ = 433, i.e. 433/4338 = 9.98 % of them.
    expect(tenths.rows.map((r) => r[0])[0]).toBe("Top 10.0 % of customers");
    expect(tenths.rows).toHaveLength(10);
    // Sales 4338 … 1: the top 433 make (4338 + 3906)·433/2 of 4338·4339/2.
    const top = ((4338 + 3906) * 433) / 2 / ((4338 * 4339) / 2);
    expect(tenths.rows[0][1]).toBe(percentText(top, "en"));
    expect(paretoZoneTable(chart, [], words(result)).rows.map((r) => r[0])).toEqual(["A", "B", "C"]);
  });

  it("pyramidRows(chart) centres each level's share of customers between two equal spacers", () => {
    const result = graded("pyramid", "en");
    const rows = pyramidRows(pyramidChart(result), words(result));
    // Shares 1 %, 19 %, 30 %, 50 %: widest 50, so the tip has spacers of (50 − 1) / 2 = 24.5.
    expect(rows.map((r) => r.chartData!.map((d) => d.horizontalBarChartdata!.x))).toEqual([
      [24.5, 1, 24.5],
      [15.5, 19, 15.5],
      [10, 30, 10],
      [0, 50, 0],
    ]);
  });

  it("shows the pyramid's four levels with counts and share of sales, in Chinese", async () => {
    show(graded("pyramid", "zh"), "zh-CN");
    const title = ZH("charts.pyramidTitle");
    expect(await screen.findByRole("img", { name: title })).toBeTruthy();
    expect(screen.queryByRole("img", { name: ZH("charts.paretoTitle") })).toBeNull();
    // Sales 100 … 1, total 5,050: top 1 customer 100 (1.98 %); next 19 make 99 … 81 = 1,710 (33.9 %);
    // next 30 make 80 … 51 = 1,965 (38.9 %); the bottom 50 make 50 … 1 = 1,275 (25.2 %).
    const levels = screen.getByRole("table", { name: title });
    expect(cells(levels).slice(1)).toEqual([
      ["重要客户", "1", "1.0%", "2.0%"],
      ["次要客户", "19", "19.0%", "33.9%"],
      ["普通客户", "30", "30.0%", "38.9%"],
      ["小客户", "50", "50.0%", "25.2%"],
    ]);
    // Each bar's caption says the same.
    expect(screen.getAllByText("重要客户：1 位，销售占比 2.0%").length).toBeGreaterThan(0);
  });

  it("shows the nine-grid as 3 × 3 cells, A1 top right, each with its customers and planned visits", async () => {
    const result = graded("grid", "en");
    show(result, "en-US");
    const img = await screen.findByRole("img", { name: TITLES.grid });
    const order = [...img.querySelectorAll("[data-cell]")].map((c) => c.getAttribute("data-cell"));
    expect(order).toEqual(["C1", "B1", "A1", "C2", "B2", "A2", "C3", "B3", "A3"]);
    // Visits from the grid9 preset (grid.ts): A1 6 a month, C3 none; one doctor per cell.
    const a1 = img.querySelector('[data-cell="A1"]')!;
    expect(a1.textContent).toContain("1 customers");
    expect(a1.textContent).toContain("6 visits/month");
    const g = gridChart(result);
    const rows = cells(screen.getByRole("table", { name: TITLES.grid })).slice(1);
    expect(rows.map((r) => [r[0], r[2], r[3]])).toEqual(
      g.cells.map((c) => [c.key, String(c.customers), String(c.value)]),
    );
    expect(rows[2]).toEqual(["A1", result.tiers.find((t) => t.key === "A1")!.name.en, "1", "6"]);
  });

  it("shows the RFM policy's R × F heat map of mean monetary value and the segment sizes", async () => {
    const result = graded("rfm", "en");
    show(result, "en-US");
    expect(await screen.findByRole("img", { name: TITLES.rfm })).toBeTruthy();
    expect(screen.getByRole("img", { name: EN("charts.segmentsTitle") })).toBeTruthy();
    const h = rfmChart(result)!;
    const rows = cells(screen.getByRole("table", { name: TITLES.rfm })).slice(1);
    expect(rows).toHaveLength(25);
    // The table is the description's cells, R 5 (best) first, F 1 … 5 in each.
    expect(rows.map((r) => [r[0], r[1], r[2]])).toEqual(
      h.cells.map((c) => [...c.key.split(","), String(c.customers)]),
    );
    for (const [k, r] of rows.entries())
      expect(r[3]).toBe(Number.isFinite(h.cells[k].value) ? String(Math.round(h.cells[k].value)) : "—");
    // Segment sizes add up to the 25 customers.
    const seg = cells(screen.getByRole("table", { name: EN("charts.segmentsTitle") })).slice(1);
    expect(seg.reduce((s, r) => s + Number(r[1]), 0)).toBe(25);
    // The heat map's data: F across, R 1 listed first (the chart draws it at the bottom, R 5 on top),
    // an empty cell drawn palest and marked —.
    const heat = rfmHeat(h, words(result), String)[0].data;
    expect(heat.slice(0, 6).map((d) => `${d.y}${d.x}`)).toEqual([
      "R1F1",
      "R1F2",
      "R1F3",
      "R1F4",
      "R1F5",
      "R2F1",
    ]);
    expect(heat.at(-1)).toMatchObject({ x: "F5", y: "R5" });
    expect(heat.filter((d) => d.rectText === "—").length).toBe(h.cells.filter((c) => !c.customers).length);
  });

  it("shows no policy chart for a policy whose story is the distribution alone (lifecycle)", async () => {
    const rows = [
      ["客户", "首次购买", "最近购买", "消费次数"],
      ["c1", 45000, 45900, 3],
    ];
    const result = presentResult(
      grade(table(rows), preset("lifecycle"), {
        map: { first_date: "首次购买", last_date: "最近购买", frequency: "消费次数" },
        asOf: 46000,
      }),
      "en",
    );
    show(result, "en-US");
    for (const title of Object.values(TITLES)) expect(screen.queryByRole("img", { name: title })).toBeNull();
  });
});

describe("the pane charts catalogue", () => {
  it("has the same keys and placeholders in zh-CN and en-US, and full-width punctuation in Chinese", () => {
    const zh = PANE_CHART_MESSAGES["zh-CN"];
    const en = PANE_CHART_MESSAGES["en-US"];
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
    const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(names(zh[key]), key).toEqual(names(en[key]));
      expect(zh[key], key).not.toMatch(/[,:;()](?!\d)|>=/);
    }
  });
});
