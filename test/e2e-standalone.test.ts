/**
 * The standalone page end to end in headless Chromium: open a sample workbook, change a threshold,
 * grade, download; the downloaded workbook's tiers must equal what the engine (the one the command line
 * runs) gives for the exported rules. Every request that leaves localhost is blocked and fails the test.
 * A screenshot of each step goes to test-output/.
 */
import { gradeIn } from "./present";
import ExcelJS from "exceljs";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureBuild } from "../scripts/ensure-build";
import { CHROMIUM_ARGS, serve } from "./browser";
import { parseIsoDay } from "../src/engine/dates";

import { parseRuleSetText } from "../src/engine/ruleset";
import { tableFromRows } from "../src/engine/table";
import { format, type MessageKey, type MessageParams } from "../src/i18n";
import { FileHost } from "../src/workbook/file-host";
import { outputHeader } from "../src/workbook/write-result";

const ROOT = path.resolve(import.meta.dirname, "..");
const DIST = path.join(ROOT, "dist");
const OUT = path.join(ROOT, "test-output");
const SAMPLE = path.join(ROOT, "samples", "membership--store-members-zh.xlsx");
const AS_OF = "2026-03-31";
const L = (key: MessageKey, params?: MessageParams) => format("zh-CN", key, params);

let server: Server;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let base: string;
const outside: string[] = [];

beforeAll(async () => {
  await ensureBuild();
  mkdirSync(OUT, { recursive: true });
  server = await serve(DIST);
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS });
  context = await browser.newContext({
    locale: "zh-CN",
    viewport: { width: 320, height: 900 },
    acceptDownloads: true,
  });
  // Anything that is not this server is recorded and refused.
  await context.route("**/*", (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === "127.0.0.1" || url.hostname === "localhost") return route.continue();
    outside.push(route.request().url());
    return route.abort();
  });
  page = await context.newPage();
  page.on("request", (r) => {
    const u = new URL(r.url());
    if (/^https?:$/.test(u.protocol) && u.hostname !== "127.0.0.1" && u.hostname !== "localhost")
      outside.push(r.url());
  });
}, 1_000_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((r) => server?.close(r));
});

async function shot(name: string, fullPage = true) {
  await page.screenshot({ path: path.join(OUT, `pane-standalone-${name}.png`), fullPage });
}

describe("the standalone page", () => {
  it("grades a sample workbook as the engine does, with no request leaving the machine", async () => {
    await page.goto(`${base}/standalone.html`);
    const open = page.getByRole("button", { name: L("standalone.open") });
    await open.waitFor({ timeout: 60_000 });
    await shot("1-open");

    // 1. Data: choose the file as a person does, through the file chooser.
    const [chooser] = await Promise.all([page.waitForEvent("filechooser"), open.click()]);
    await chooser.setFiles(SAMPLE);
    const id = page.getByRole("combobox", { name: L("role.customer_id") });
    await expect.poll(() => id.textContent(), { timeout: 60_000 }).toBe("会员卡号");
    await expect
      .poll(() => page.getByRole("combobox", { name: L("role.amount") }).textContent())
      .toBe("累计消费金额（元）");
    await shot("2-data");
    await shot("2-data-top", false);

    // 2. Policy: membership (the default); gold from 8000 instead of 10000; the as-of date.
    const gold = page.getByRole("textbox", { name: "金卡：金额 ≥" });
    await gold.fill("abc");
    await expect.poll(() => gold.getAttribute("aria-invalid")).toBe("true");
    await expect(page.getByText(L("invalid.number")).first().isVisible()).resolves.toBe(true);
    await shot("3-invalid");
    await gold.fill("8000");
    await expect.poll(() => gold.getAttribute("aria-invalid")).not.toBe("true");
    await page.getByLabel(L("policy.asOf"), { exact: true }).fill(AS_OF);
    await gold.scrollIntoViewIfNeeded();
    await shot("4-policy");
    await shot("4-policy-view", false);
    const [rulesDownload] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: L("policy.export") }).click(),
    ]);
    const rulesPath = path.join(OUT, "pane-standalone-rules.json");
    await rulesDownload.saveAs(rulesPath);

    // 3. Grade.
    await page.getByRole("button", { name: L("eval.button") }).click();
    const result = page.getByRole("region", { name: L("result.title"), exact: true });
    await result.waitFor({ timeout: 120_000 });
    const download = page.getByRole("button", { name: L("standalone.download") });
    await download.waitFor({ timeout: 60_000 });
    await result.scrollIntoViewIfNeeded();
    await page.waitForTimeout(500);
    await shot("5-result", false);
    await shot("5-result-full");
    // The tier chart at 350 px, the width of Excel's task pane: customers beside sales per tier.
    await page.setViewportSize({ width: 350, height: 900 });
    const chart = result.getByRole("img", { name: L("result.distributionTitle") });
    await chart.waitFor({ timeout: 60_000 });
    await chart.scrollIntoViewIfNeeded();
    await page.waitForTimeout(800);
    await shot("5-result-chart-350", false);
    await page.setViewportSize({ width: 320, height: 900 });

    // A row without a tier scrolls the graded table to it.
    const problems = result.getByRole("button", { name: /^第 \d+ 行/ });
    if ((await problems.count()) > 0) {
      const first = problems.first();
      const row = Number(/第 (\d+) 行/.exec((await first.textContent()) ?? "")?.[1]);
      await first.click();
      const graded = page.getByRole("region", { name: L("standalone.graded", { sheet: "会员" }) });
      await expect.poll(() => graded.locator("tr[aria-selected=true]").count()).toBe(1);
      expect(await graded.locator("tr[aria-selected=true] td").first().textContent()).toBe(String(row));
      await shot("6-problem", false);
    }

    const [file] = await Promise.all([page.waitForEvent("download"), download.click()]);
    const gradedPath = path.join(OUT, "pane-standalone-graded.xlsx");
    await file.saveAs(gradedPath);

    // The downloaded workbook holds the engine's tiers for the exported rules.
    const rules = parseRuleSetText(readFileSync(rulesPath, "utf8"));
    expect(JSON.stringify(rules)).toContain('"value":8000');
    const source = await FileHost.fromBytes(readFileSync(SAMPLE), "sample.xlsx");
    const read = await source.readSheet("会员");
    const table = tableFromRows(read.rows, read.date1904, "会员");
    const expected = gradeIn(table, rules, { asOf: parseIsoDay(AS_OF), lang: "zh" });

    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync(gradedPath) as unknown as ExcelJS.Buffer);
    const sheet = book.getWorksheet("会员")!;
    // The sample has a title above its header row: the tier column sits on the header row found.
    const headerRow = read.top + table.headerRow + 1;
    const header = sheet.getRow(headerRow).values as unknown[];
    const tierCol = header.indexOf(outputHeader("tier", "zh"));
    expect(tierCol).toBeGreaterThan(0);
    const tiers: (string | null)[] = [];
    for (let r = headerRow + 1; r <= headerRow + table.rows.length; r++) {
      const v = sheet.getRow(r).getCell(tierCol).value;
      tiers.push(v === null || v === undefined || v === "" ? null : String(v));
    }
    expect(tiers).toEqual(expected.columns.tier);
    expect(tiers.filter((t) => t === "金卡").length).toBeGreaterThan(0);
    expect(book.getWorksheet("分级汇总")).toBeDefined();
    writeFileSync(path.join(OUT, "pane-standalone-summary.txt"), JSON.stringify(expected.summary, null, 1));

    expect(outside).toEqual([]);
  }, 600_000);
});
