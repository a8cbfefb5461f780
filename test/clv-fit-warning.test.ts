// The clv policy says when its model does not fit, as `tier clv` and the Potential step do: one check
// (fitWarnings in src/engine/clv/clv.ts) carried from the engine's result to the command line, the
// pane's grading pipeline (the standalone page's worker runs the same one) and the summary sheet.
// Three data sets: customers restocking every 14 days (a schedule), a shop where 10 of 300 customers
// came back, and the paper's CDNOW customers, which fit and must not warn.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../src/cli/main";
import { FEW_REPEAT_BUYERS, runPotential } from "../src/engine/clv";
import { dayFromCivil, formatDay, parseIsoDay } from "../src/engine/dates";
import { grade } from "../src/engine/grade";
import { preset } from "../src/engine/presets";
import { tableFromRows } from "../src/engine/table";
import { presentResult } from "../src/i18n/result";
import { reasonText } from "../src/i18n/reasons";
import { FileHost } from "../src/workbook/file-host";
import { gradeRun, resultForPage } from "../src/workbook/grade-run";
import { SHEET_NAMES } from "../src/workbook/write-result";

const END = dayFromCivil(2025, 12, 31);
type Rows = (string | number)[][];

/** 200 customers each restocking every 14 days through 2025, none ever stopping: a delivery schedule. */
function scheduleOrders(): Rows {
  const rows: Rows = [["customer_id", "date", "amount"]];
  for (let c = 0; c < 200; c++)
    for (let d = dayFromCivil(2025, 1, 1) + (c % 14); d <= END; d += 14)
      rows.push([`S${c}`, formatDay(d), 100 + (c % 7) * 10]);
  return rows;
}

/** 300 customers who bought once in 2025, every 30th of them (10) once more. */
function fewRepeatOrders(): Rows {
  const rows: Rows = [["customer_id", "date", "amount"]];
  for (let c = 0; c < 300; c++) {
    const first = dayFromCivil(2025, 1, 1) + ((c * 37) % 300);
    rows.push([`F${c}`, formatDay(first), 50 + (c % 9) * 5]);
    if (c % 30 === 0) rows.push([`F${c}`, formatDay(first + 20 + (c % 40)), 60 + (c % 5) * 7]);
  }
  return rows;
}

/** The paper's calibration end, 1997-01-01 + 38 weeks and six days (Fader, Hardie & Lee 2005). */
const CDNOW_END = dayFromCivil(1997, 9, 30);

/**
 * test/data/cdnow-summary.csv rebuilt as orders, as test/clv-method.test.ts does: the first purchase
 * T weeks before the calibration end, the last t_x weeks after it, the others on the days between.
 */
function cdnowOrders(): Rows {
  const lines = readFileSync(new URL("./data/cdnow-summary.csv", import.meta.url), "utf8")
    .trim()
    .split(/\r?\n/)
    .slice(1)
    .map((l) => l.split(",").map(Number));
  const rows: Rows = [["customer_id", "date", "amount"]];
  for (const [id, x, tx, T, zbar] of lines) {
    const first = CDNOW_END - Math.round(T * 7);
    rows.push([`C${id}`, formatDay(first), 10]);
    for (let k = 1; k < x; k++) rows.push([`C${id}`, formatDay(first + k), zbar]);
    if (x > 0) rows.push([`C${id}`, formatDay(first + Math.round(tx * 7)), zbar]);
  }
  return rows;
}

const table = (rows: Rows) => tableFromRows(rows, false, "Orders");
const codes = (ws: { code: string }[] | undefined) => (ws ?? []).map((w) => w.code);

function csvFile(rows: Rows): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "tier-fit-")), "orders.csv");
  writeFileSync(file, rows.map((r) => r.join(",")).join("\n") + "\n");
  return file;
}

async function cli(...argv: string[]) {
  let out = "";
  let err = "";
  const code = await main(argv, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

describe("the clv policy's model-fit warning", () => {
  it("grade() warns that customers on a 14-day schedule all buy at the same rate and never leave", () => {
    const result = grade(table(scheduleOrders()), preset("clv"), { asOf: END });
    expect(codes(result.warnings)).toEqual(["clv.sameRates", "clv.noDropout"]);
    // The fit ran to its wall at 10^8 (src/engine/clv/optimise.ts THETA_MAX): r is far past 10^3.
    expect(Number(result.warnings![0].params!.r)).toBeGreaterThan(1e3);
    // A warning is about the run, not a customer: every customer is still graded.
    expect(result.graded).toBe(200);
  });

  it("grade() warns with the numbers when only 10 of 300 customers bought again", () => {
    const result = grade(table(fewRepeatOrders()), preset("clv"), { asOf: END });
    expect(result.warnings).toEqual([
      { code: "clv.fewRepeatBuyers", params: { repeat: 10, customers: 300, least: FEW_REPEAT_BUYERS } },
    ]);
  });

  it("grade() gives the paper's CDNOW customers no warning", () => {
    const result = grade(table(cdnowOrders()), preset("clv"), { asOf: CDNOW_END });
    expect(result.columns.customer_id).toHaveLength(2357);
    expect(result.warnings).toBeUndefined();
  });

  it("is the same check as tier clv and the Potential step run (runPotential)", () => {
    for (const rows of [scheduleOrders(), fewRepeatOrders()]) {
      const body = rows.slice(1);
      const potential = runPotential(
        {
          customerId: body.map((r) => String(r[0])),
          day: Float64Array.from(body, (r) => parseIsoDay(String(r[1]))),
          amount: Float64Array.from(body, (r) => Number(r[2])),
        },
        true,
        { calibrationEnd: END, unit: "week" },
      );
      expect(grade(table(rows), preset("clv"), { asOf: END }).warnings).toEqual(potential.warnings);
    }
  });

  it("presentResult words each warning in the result's language from the catalogue", () => {
    const graded = grade(table(fewRepeatOrders()), preset("clv"), { asOf: END });
    expect(presentResult(graded, "en").warningTexts).toEqual([
      `the model does not fit well: only 10 of 300 customers bought again (it learns from repeat buyers and wants at least ${FEW_REPEAT_BUYERS}), so P(alive) and CLV are rough here`,
    ]);
    expect(presentResult(graded, "zh").warningTexts).toEqual([
      `模型拟合不佳：300 位客户中只有 10 位再次购买（模型从复购客户身上学习，至少需要 ${FEW_REPEAT_BUYERS} 位），这里的存活概率和终身价值只是粗略估计`,
    ]);
    expect(
      presentResult(grade(table(cdnowOrders()), preset("clv"), { asOf: CDNOW_END }), "en").warningTexts,
    ).toBe(undefined);
  });

  it("tier grade --preset clv prints the warning and writes it, code and numbers, in the JSON", async () => {
    const file = csvFile(scheduleOrders());
    const { code, err } = await cli("grade", file, "--preset", "clv", "--as-of", "2025-12-31");
    expect(code).toBe(0);
    expect(err).toContain("the model does not fit well: it finds every customer buying at the same rate");
    expect(err).toContain("the model does not fit well: it finds no customer ever stops buying");

    const zh = await cli("grade", file, "--preset", "clv", "--as-of", "2025-12-31", "--lang", "zh");
    expect(zh.err).toContain("模型拟合不佳：它认为所有客户购买频率相同");

    const out = path.join(path.dirname(file), "graded.json");
    await cli("grade", csvFile(fewRepeatOrders()), "--preset", "clv", "--as-of", "2025-12-31", "--out", out);
    const json = JSON.parse(readFileSync(out, "utf8")) as { warnings: unknown[] };
    expect(json.warnings).toEqual([
      {
        code: "clv.fewRepeatBuyers",
        params: { repeat: 10, customers: 300, least: FEW_REPEAT_BUYERS },
        text: reasonText(
          { code: "clv.fewRepeatBuyers", params: { repeat: 10, customers: 300, least: 100 } },
          "en",
        ),
      },
    ]);
  });

  it("tier grade --preset clv prints no warning on CDNOW", async () => {
    const { code, err } = await cli(
      "grade",
      csvFile(cdnowOrders()),
      "--preset",
      "clv",
      "--as-of",
      "1997-09-30",
    );
    expect(code).toBe(0);
    expect(err).not.toContain("does not fit");
  });

  it("the pane's grading pipeline (the standalone page's worker) carries it to the page and the summary sheet", async () => {
    const text = scheduleOrders()
      .map((r) => r.join(","))
      .join("\n");
    const host = await FileHost.fromBytes(new TextEncoder().encode(text), "orders.csv");
    const sheet = (await host.listSheets()).sheets[0];
    const out = await gradeRun(
      host,
      { sheet, ruleSet: preset("clv"), input: "orders", map: {}, none: [], asOf: END, lang: "en" },
      () => {},
      () => {},
      presentResult,
    );
    // What the worker sends to the page keeps the codes and the sentences.
    const page = resultForPage(out.result);
    expect(codes(page.warnings)).toEqual(["clv.sameRates", "clv.noDropout"]);
    expect(page.warningTexts?.[0]).toMatch(/^the model does not fit well: it finds every customer buying/);
    // The summary sheet: one bold line per warning under the table.
    const summary = (await host.readSheet(SHEET_NAMES.summary.en)).rows.flat().map(String);
    expect(summary.filter((v) => v.startsWith("Warning: the model does not fit well"))).toHaveLength(2);
  });

  it("the summary sheet of CDNOW has no warning line", async () => {
    const text = cdnowOrders()
      .map((r) => r.join(","))
      .join("\n");
    const host = await FileHost.fromBytes(new TextEncoder().encode(text), "orders.csv");
    const sheet = (await host.listSheets()).sheets[0];
    await gradeRun(
      host,
      { sheet, ruleSet: preset("clv"), input: "orders", map: {}, none: [], asOf: CDNOW_END, lang: "zh" },
      () => {},
      () => {},
      presentResult,
    );
    const summary = (await host.readSheet(SHEET_NAMES.summary.zh)).rows.flat().map(String);
    expect(summary.some((v) => v.startsWith("注意："))).toBe(false);
  });
});
