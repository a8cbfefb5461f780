// The Potential step's two checks as native charts, read back: P(alive) by recency and the holdout
// check (Fader, Hardie & Lee 2005, fig. 4) on the model sheet, in a file (PackageHost) and in Excel
// (OfficeHost on the fake Excel); and the nine-grid and per-tier blocks that feed the other policies.
import { readFileSync } from "node:fs";
import path from "node:path";
import JSZip from "jszip";
import Papa from "papaparse";
import { afterEach, describe, expect, it } from "vitest";
import { aliveByRecency, ordersFromTable, pAlive, potentialByTier, runPotential } from "../src/engine/clv";
import { parseIsoDay } from "../src/engine/dates";
import { grade } from "../src/engine/grade";
import { resolveMapping } from "../src/engine/headers";
import { preset } from "../src/engine/presets";
import { tableFromRows } from "../src/engine/table";
import { OfficeHost } from "../src/workbook/office-host";
import { PackageHost } from "../src/workbook/package-host";
import {
  GRID_HEADERS,
  potentialCharts,
  potentialModelLayout,
  potentialRows,
  writePotential,
} from "../src/workbook/write-potential";
import { FakeExcel } from "./fake-excel";

/** test/data/rfm-orders.csv, calibrated to 2005-12-31 with a year of holdout after it. */
function potential() {
  const text = readFileSync(path.join(__dirname, "data", "rfm-orders.csv"), "utf8");
  const rows = Papa.parse<string[]>(text.replace(/^\uFEFF/, ""), { skipEmptyLines: true }).data;
  const table = tableFromRows(rows, false, "orders");
  const orders = ordersFromTable(table, {});
  const result = runPotential({ customerId: orders.ids, day: orders.days, amount: orders.amounts }, true, {
    calibrationEnd: parseIsoDay("2005-12-31"),
  });
  return { table, result };
}

const SAMPLE = path.join(__dirname, "..", "samples", "membership--store-members-zh.xlsx");

describe("P(alive) by recency", () => {
  it("aliveByRecency averages P(alive) over equal buckets of T − t_x", () => {
    // Recencies 10, 2 and 9 in buckets of ceil(10 / 3) = 4 units: [0, 4) holds 0.9, [8, 12) holds 1 and 0.2.
    expect(aliveByRecency({ tx: [0, 8, 1], T: [10, 10, 10] }, [1, 0.9, 0.2], 3)).toEqual([
      { from: 0, to: 4, customers: 1, meanAlive: 0.9 },
      { from: 4, to: 8, customers: 0, meanAlive: NaN },
      { from: 8, to: 12, customers: 2, meanAlive: 0.6 },
    ]);
  });

  it("falls as the time since the last purchase grows, on CDNOW at the paper's parameters", () => {
    // test/data/cdnow-summary.csv and the fit of Fader, Hardie & Lee (2005): r, α, a, b = 0.243, 4.414, 0.793, 2.426.
    const lines = readFileSync(path.join(__dirname, "data", "cdnow-summary.csv"), "utf8")
      .trim()
      .split(/\r?\n/)
      .slice(1)
      .map((l) => l.split(",").map(Number));
    const summary = { x: lines.map((l) => l[1]), tx: lines.map((l) => l[2]), T: lines.map((l) => l[3]) };
    const repeat = (a: number[]) => a.filter((_, i) => summary.x[i] > 0);
    const alive = pAlive({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, summary);
    const buckets = aliveByRecency(
      { tx: repeat(summary.tx), T: repeat(summary.T) },
      Array.from(alive).filter((_, i) => summary.x[i] > 0),
      4,
    );
    const means = buckets.map((b) => b.meanAlive);
    expect(means).toEqual([...means].sort((p, q) => q - p));
    expect(means[0] - means[3]).toBeGreaterThan(0.3);
  });
});

describe("the model sheet's charts in a file (PackageHost)", () => {
  it("draws two line charts whose cached values are the sheet's recency and holdout numbers", async () => {
    const { result } = potential();
    const host = PackageHost.fromBytes(new Uint8Array(readFileSync(SAMPLE)), "members.xlsx");
    const sheets = await writePotential(host, result, "en");
    const zip = await JSZip.loadAsync(await host.toXlsx());
    const charts = await Promise.all(
      Object.keys(zip.files)
        .filter((f) => /^xl\/charts\/chart\d+\.xml$/.test(f))
        .map((f) => zip.file(f)!.async("string")),
    );
    const lines = charts.filter((c) => c.includes("<c:lineChart>"));
    expect(lines).toHaveLength(2);
    const layout = potentialModelLayout(result, "en");
    const cached = (xml: string, k: number) =>
      [
        ...xml
          .split("<c:ser>")
          [k + 1].split("<c:val>")[1]
          .matchAll(/<c:v>([^<]*)<\/c:v>/g),
      ].map((m) => Number(m[1]));
    const holdoutXml = lines.find((c) => c.includes("holdout"))!;
    // Two series, actual then predicted, over x = 0 … 7+, pointing at the model sheet's cells.
    expect(cached(holdoutXml, 0)).toEqual(result.holdout!.map((r) => r.actual));
    expect(cached(holdoutXml, 1)).toEqual(result.holdout!.map((r) => r.predicted));
    const from = layout.holdout!.headerRow + 2;
    expect(holdoutXml).toContain(`'${sheets.model}'!$C$${from}:$C$${from + 7}`);
    expect(holdoutXml).toContain("<c:v>7+</c:v>");
    const aliveXml = lines.find((c) => !c.includes("holdout"))!;
    const buckets = aliveByRecency(result.summary, result.scores.pAlive).filter((b) => b.customers > 0);
    expect(cached(aliveXml, 0)).toEqual(buckets.map((b) => b.meanAlive));
    // The drawing holds both charts, on the model sheet.
    const drawings = Object.keys(zip.files).filter((f) => /^xl\/drawings\/drawing\d+\.xml$/.test(f));
    const both = await Promise.all(drawings.map((f) => zip.file(f)!.async("string")));
    expect(both.some((d) => (d.match(/<xdr:twoCellAnchor/g) ?? []).length === 2)).toBe(true);
  });
});

describe("the model sheet's charts in Excel (OfficeHost)", () => {
  let uninstall: (() => void) | undefined;
  afterEach(() => uninstall?.());

  it("adds LineMarkers charts named TierPAlive and TierHoldout, replaced on a re-run", async () => {
    const excel = new FakeExcel();
    uninstall = excel.install();
    const host = new OfficeHost();
    const { result } = potential();
    await writePotential(host, result, "zh");
    await writePotential(host, result, "zh");
    const charts = excel.sheet("潜力模型").charts;
    expect(charts.map((c) => [c.name, c.chartType])).toEqual([
      ["TierPAlive", "LineMarkers"],
      ["TierHoldout", "LineMarkers"],
    ]);
    const holdout = charts[1];
    expect(holdout.series.map((s) => s.name)).toEqual(["验证期实际", "验证期预测"]);
    expect(holdout.title.text).toContain("验证期复购次数");
    const layout = potentialModelLayout(result, "zh");
    const top = layout.holdout!.headerRow + 2;
    expect(holdout.series[1].values).toContain(`D${top}:D${top + 7}`);
    expect(holdout.series[0].xValues).toContain(`A${top}:A${top + 7}`);
  });
});

describe("feeding the nine-grid and the graded policy's summary", () => {
  it("with grid columns, the Potential sheet grades on the nine-grid with CLV as potential", () => {
    const { result } = potential();
    const rows = potentialRows(result, "zh", true);
    expect(rows[0].slice(-2)).toEqual([...GRID_HEADERS.zh]);
    const sheet = tableFromRows(rows as unknown[][], false, "潜力");
    const roles = resolveMapping(sheet.headers, {});
    expect(sheet.headers[roles.potential!]).toBe("潜力");
    expect(sheet.headers[roles.current_value!]).toBe("当前价值");
    const graded = grade(sheet, preset("grid9"), { asOf: parseIsoDay("2005-12-31") });
    expect(graded.graded).toBe(result.summary.customerId.length);
    // The potential axis is the CLV column: the highest CLV is in a high-potential cell (A…).
    let best = 0;
    result.scores.clv.forEach((v, i) => (best = v > result.scores.clv[best] ? i : best));
    expect(String(graded.columns.tier[best])).toMatch(/^A/);
  });

  it("sums the potential per tier of a graded policy and writes it on the model sheet", () => {
    const byTier = potentialByTier(
      ["a", "b", "c", " a "],
      ["gold", "silver", null, "gold"],
      ["gold", "silver"],
      {
        customerId: ["b", "a"],
        pAlive: [0.5, 1],
        clv: [10, 30],
      },
    );
    expect(byTier).toEqual([
      { tier: "gold", customers: 2, meanAlive: 1, meanClv: 30, totalClv: 60 },
      { tier: "silver", customers: 1, meanAlive: 0.5, meanClv: 10, totalClv: 10 },
    ]);
    const { result } = potential();
    const layout = potentialModelLayout(result, "en", {
      policy: "RFM",
      rows: byTier.map((r) => ({ ...r, name: r.tier === "gold" ? "Gold" : "Silver" })),
    });
    const at = layout.rows.findIndex((r) => r[0] === 'Potential by tier of "RFM"');
    expect(layout.rows[at + 1]).toEqual(["tier", "customers", "mean P(alive)", "mean CLV", "total CLV"]);
    expect(layout.rows[at + 2]).toEqual(["Gold", 2, 1, 30, 60]);
    expect(potentialCharts(layout, "Potential model", "en").map((c) => c.name)).toEqual([
      "TierPAlive",
      "TierHoldout",
    ]);
  });
});
