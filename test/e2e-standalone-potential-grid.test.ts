/**
 * The standalone page in headless Chromium at 350 px: open the sample orders workbook, grade it, run
 * the Potential step with the nine-grid's columns, grade the Potential sheet on the nine-grid (潜力 =
 * CLV as its potential axis), download. The downloaded workbook must hold the Potential sheet with its
 * potential and current-value columns and the nine-grid's tier columns beside them, each tier the one
 * the engine gives those numbers. The nine-grid's result is kept as docs/images/potential-grid.png.
 *
 * This is the flow that stopped in the browser with "there is no sheet "Potential"": the page opens an
 * .xlsx through PackageHost, which could not write tier columns beside a sheet it had added itself.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import ExcelJS from "exceljs";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureBuild } from "../scripts/ensure-build";
import { dayFromCivil, formatDay } from "../src/engine/dates";
import { preset } from "../src/engine/presets";
import { tableFromRows } from "../src/engine/table";
import { format, type MessageKey, type MessageParams } from "../src/i18n";
import { clvText } from "../src/i18n/clv";
import { reasonText } from "../src/i18n/reasons";
import { outputHeader, SHEET_NAMES } from "../src/workbook/write-result";
import { POTENTIAL_SHEETS } from "../src/workbook/write-potential";
import { CHROMIUM_ARGS, serve } from "./browser";
import { gradeIn } from "./present";

const ROOT = path.resolve(import.meta.dirname, "..");
const DIST = path.join(ROOT, "dist");
const OUT = path.join(ROOT, "test-output");
const IMAGE = path.join(ROOT, "docs", "images", "potential-grid.png");
const SAMPLE = path.join(ROOT, "samples", "rfm--online-orders.xlsx");
const L = (key: MessageKey, params?: MessageParams) => format("en-US", key, params);
const C = (key: Parameters<typeof clvText>[0], params?: Record<string, string | number>) =>
  clvText(key, "en", params);

let server: Server;
let browser: Browser;
let page: Page;
let base: string;
const outside: string[] = [];

beforeAll(async () => {
  await ensureBuild();
  mkdirSync(OUT, { recursive: true });
  server = await serve(DIST);
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS });
  const context = await browser.newContext({
    locale: "en-US",
    viewport: { width: 350, height: 900 },
    acceptDownloads: true,
  });
  await context.route("**/*", (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === "127.0.0.1" || url.hostname === "localhost") return route.continue();
    outside.push(route.request().url());
    return route.abort();
  });
  page = await context.newPage();
}, 1_000_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((r) => server?.close(r));
});

const shot = (name: string) =>
  page.screenshot({ path: path.join(OUT, `standalone-potential-grid-${name}.png`), fullPage: true });

describe("the standalone page grades the Potential sheet on the nine-grid", () => {
  it("opens orders, computes potential with the grid's columns, grades them on the nine-grid and downloads both", async () => {
    await page.goto(`${base}/standalone.html`);
    const open = page.getByRole("button", { name: L("standalone.open") });
    await open.waitFor({ timeout: 60_000 });
    const [chooser] = await Promise.all([page.waitForEvent("filechooser"), open.click()]);
    await chooser.setFiles(SAMPLE);
    const id = page.getByRole("combobox", { name: L("role.customer_id") });
    await expect.poll(() => id.textContent(), { timeout: 60_000 }).toBe("Customer ID");

    // Any grade of the orders opens the later steps; the policy the page suggests will do.
    await page.getByRole("button", { name: L("eval.button") }).click();
    const result = page.getByRole("region", { name: L("result.title"), exact: true });
    await result.waitFor({ timeout: 120_000 });

    // The Potential step with the nine-grid's columns: potential = CLV, current value = spend to date.
    await page.getByRole("checkbox", { name: C("paneGrid") }).check();
    await page.getByRole("button", { name: C("paneRun") }).click();
    await page.getByText(/customers written to the sheets/).waitFor({ timeout: 120_000 });
    await shot("1-potential");

    // The Potential sheet handed to the Data step with the nine-grid chosen, then graded.
    const sheet = POTENTIAL_SHEETS.customers.en;
    await page.getByRole("button", { name: C("paneGridGrade", { sheet }) }).click();
    await expect.poll(() => id.textContent(), { timeout: 60_000 }).toBe("customer_id");
    // The gallery shows the nine-grid alone, chosen.
    expect(await page.getByRole("radio", { name: /Nine-grid/ }).isChecked()).toBe(true);
    await page.getByRole("button", { name: L("eval.button") }).click();
    const failed = page.getByRole("alert");
    const graded = page.getByText(L("result.written", { sheet, summary: SHEET_NAMES.summary.en }));
    await Promise.race([
      graded.waitFor({ timeout: 120_000 }),
      failed.waitFor({ timeout: 120_000 }).then(async () => {
        throw new Error(`grading the Potential sheet failed: ${await failed.first().textContent()}`);
      }),
    ]);
    await result.scrollIntoViewIfNeeded();
    await page.waitForTimeout(500);
    await result.screenshot({ path: IMAGE });
    await shot("2-grid");

    const download = page.getByRole("button", { name: L("standalone.download") });
    const [file] = await Promise.all([page.waitForEvent("download"), download.click()]);
    const saved = path.join(OUT, "standalone-potential-grid.xlsx");
    await file.saveAs(saved);
    expect(outside).toEqual([]);

    // The Potential sheet: the model's columns, the grid's two, and the nine-grid's beside them.
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync(saved) as unknown as ExcelJS.Buffer);
    const potential = book.getWorksheet(sheet)!;
    expect(potential).toBeDefined();
    expect(book.getWorksheet(POTENTIAL_SHEETS.model.en)).toBeDefined();
    expect(book.getWorksheet(SHEET_NAMES.summary.en)).toBeDefined();
    const header = (potential.getRow(1).values as unknown[]).slice(1).map(String);
    // The tier comes first among the columns a grade adds (write-result.ts resultColumnKeys).
    const own = header.slice(0, header.indexOf(outputHeader("tier", "en")));
    expect(own.slice(0, 10)).toEqual([
      "customer_id",
      "x",
      "t_x",
      "T",
      "p_alive",
      "expected_purchases",
      "expected_spend",
      "clv",
      "potential",
      "current value",
    ]);
    for (const key of ["cell", "visits"]) expect(header.slice(own.length)).toContain(outputHeader(key, "en"));

    // Each customer's nine-grid tier is the engine's for the potential and current value written.
    const rows: unknown[][] = [];
    potential.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    const data = rows.map((r) => r.slice(0, own.length));
    const expected = gradeIn(tableFromRows(data, false, sheet), preset("grid9"), { lang: "en" });
    const tierAt = header.indexOf(outputHeader("tier", "en"));
    const written = rows.slice(1).map((r) => r[tierAt] ?? null);
    expect(written).toHaveLength(449);
    expect(written).toEqual(expected.columns.tier);
  }, 900_000);

  it("shows the clv policy's warning that the model does not fit customers on a schedule, and writes it on the summary", async () => {
    // 200 customers restocking every 14 days through 2025 (as test/clv-fit-warning.test.ts).
    const lines = ["customer_id,date,amount"];
    for (let c = 0; c < 200; c++)
      for (let d = dayFromCivil(2025, 1, 1) + (c % 14); d <= dayFromCivil(2025, 12, 31); d += 14)
        lines.push(`S${c},${formatDay(d)},${100 + (c % 7) * 10}`);
    const csv = path.join(OUT, "schedule-orders.csv");
    writeFileSync(csv, lines.join("\n") + "\n");

    await page.goto(`${base}/standalone.html`);
    const open = page.getByRole("button", { name: L("standalone.open") });
    await open.waitFor({ timeout: 60_000 });
    const [chooser] = await Promise.all([page.waitForEvent("filechooser"), open.click()]);
    await chooser.setFiles(csv);
    const id = page.getByRole("combobox", { name: L("role.customer_id") });
    await expect.poll(() => id.textContent(), { timeout: 60_000 }).toBe("customer_id");
    await page.getByRole("button", { name: "Choose another policy" }).click();
    await page.getByRole("radio", { name: /Customer lifetime value \(CLV\)/ }).click();
    await page.getByLabel(L("policy.asOf"), { exact: true }).fill("2025-12-31");
    await page.getByRole("button", { name: L("eval.button") }).click();
    const result = page.getByRole("region", { name: L("result.title"), exact: true });
    await result.waitFor({ timeout: 120_000 });
    const noDropout = reasonText({ code: "clv.noDropout" }, "en");
    await expect.poll(() => result.textContent(), { timeout: 60_000 }).toContain(noDropout);
    expect(await result.textContent()).toContain("it finds every customer buying at the same rate");
    await shot("3-clv-warning");

    const [file] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: L("standalone.download") }).click(),
    ]);
    const saved = path.join(OUT, "standalone-clv-warning.xlsx");
    await file.saveAs(saved);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync(saved) as unknown as ExcelJS.Buffer);
    const lines2: string[] = [];
    book
      .getWorksheet(SHEET_NAMES.summary.en)!
      .eachRow((row) => lines2.push(String(row.getCell(1).value ?? "")));
    expect(lines2).toContain(`Warning: ${noDropout}`);
    expect(outside).toEqual([]);
  }, 900_000);
});
