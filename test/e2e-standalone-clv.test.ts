/**
 * The CLV policy and the Potential step on the standalone page, in headless Chromium: grade the sample
 * orders with the clv policy, compute potential with a holdout, see both charts, and hand the Potential
 * sheet to the Data step for the nine-grid. No request may leave the machine. Screenshots go to test-output/.
 */
import { mkdirSync } from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureBuild } from "../scripts/ensure-build";
import { CHROMIUM_ARGS, serve } from "./browser";
import { format, type MessageKey, type MessageParams } from "../src/i18n";
import { clvText } from "../src/i18n/clv";

const ROOT = path.resolve(import.meta.dirname, "..");
const DIST = path.join(ROOT, "dist");
const OUT = path.join(ROOT, "test-output");
const SAMPLE = path.join(ROOT, "samples", "rfm--online-orders.xlsx");
const L = (key: MessageKey, params?: MessageParams) => format("en-US", key, params);
const C = (key: Parameters<typeof clvText>[0], params?: Record<string, string | number>) =>
  clvText(key, "en", params);

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
    locale: "en-US",
    viewport: { width: 360, height: 900 },
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
  page.screenshot({ path: path.join(OUT, `standalone-clv-${name}.png`), fullPage: true });

describe("the standalone page with the clv policy and the Potential step", () => {
  it("grades orders by CLV, draws the checks, and opens the Potential sheet for the nine-grid", async () => {
    await page.goto(`${base}/standalone.html`);
    const open = page.getByRole("button", { name: L("standalone.open") });
    await open.waitFor({ timeout: 60_000 });
    const [chooser] = await Promise.all([page.waitForEvent("filechooser"), open.click()]);
    await chooser.setFiles(SAMPLE);
    const id = page.getByRole("combobox", { name: L("role.customer_id") });
    await expect.poll(() => id.textContent(), { timeout: 60_000 }).toBe("Customer ID");

    // The clv policy from the gallery, graded.
    await page.getByRole("button", { name: "Choose another policy" }).click();
    await page.getByRole("radio", { name: /Customer lifetime value \(CLV\)/ }).click();
    await page.getByRole("button", { name: L("eval.button") }).click();
    const result = page.getByRole("region", { name: L("result.title"), exact: true });
    await result.waitFor({ timeout: 120_000 });
    await expect.poll(() => result.textContent(), { timeout: 60_000 }).toContain("Active, high value");
    await shot("1-graded");

    // The Potential step, calibrated to mid-2025 with the half year after it as holdout.
    await page.getByRole("textbox", { name: new RegExp(C("paneCalibrationEnd")) }).fill("2025-06-30");
    await page.getByRole("checkbox", { name: C("paneGrid") }).check();
    await page.getByRole("button", { name: C("paneRun") }).click();
    await page.getByText(/customers written to the sheets/).waitFor({ timeout: 120_000 });
    await page
      .getByRole("img", { name: C("chartAliveTitle", { unit: C("week") }) })
      .waitFor({ timeout: 60_000 });
    await page.getByRole("img", { name: C("chartHoldoutTitle") }).waitFor({ timeout: 60_000 });
    expect(
      await page
        .getByRole("img", { name: C("chartHoldoutTitle") })
        .locator("path")
        .count(),
    ).toBeGreaterThan(0);
    await shot("2-potential");

    // The Potential sheet handed to the Data step, with the nine-grid chosen.
    await page.getByRole("button", { name: C("paneGridGrade", { sheet: "Potential" }) }).click();
    await expect.poll(() => id.textContent(), { timeout: 60_000 }).toBe("customer_id");
    expect(outside).toEqual([]);
  }, 600_000);
});
