/**
 * The policy editors of issue 14 on the standalone page in headless Chromium at 350 px, in Chinese:
 * the spend window (L'Oréal), tobacco's 等级标准额, the dealer card's point bands, the nine-grid's
 * eligibility rules and visit ranges (pharma), retention (membership). Each opens its sample, is
 * edited the way a person does, must fit the pane's width, and leaves a screenshot in
 * test-output/editors/ (the ones in docs/images/ are copies).
 */
import { mkdirSync } from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureBuild } from "../scripts/ensure-build";
import { preset } from "../src/engine/presets";
import { format, type MessageKey, type MessageParams } from "../src/i18n";
import { JOURNEY_MESSAGES } from "../src/i18n/journey";
import { CHROMIUM_ARGS, serve } from "./browser";

const ROOT = path.resolve(import.meta.dirname, "..");
const OUT = path.join(ROOT, "test-output", "editors");
const L = (key: MessageKey, params?: MessageParams) => format("zh-CN", key, params);

let server: Server;
let browser: Browser;
let base: string;

beforeAll(async () => {
  const dist = await ensureBuild();
  mkdirSync(OUT, { recursive: true });
  server = await serve(dist);
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS });
}, 1_000_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((r) => server?.close(r));
});

/** The standalone page at 350 px with `sample` open and the preset `name` chosen. */
async function openWith(sample: string, name: string): Promise<Page> {
  const context = await browser.newContext({ locale: "zh-CN", viewport: { width: 350, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${base}/standalone.html`);
  const open = page.getByRole("button", { name: L("standalone.open") });
  await open.waitFor({ timeout: 60_000 });
  const [chooser] = await Promise.all([page.waitForEvent("filechooser"), open.click()]);
  await chooser.setFiles(path.join(ROOT, "samples", sample));
  const escaped = preset(name).name.zh.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const radio = page.getByRole("radio", { name: new RegExp(`^${escaped}`) });
  await page
    .getByRole("button", { name: JOURNEY_MESSAGES["zh-CN"]["policy.change"] })
    .or(radio)
    .first()
    .waitFor({ timeout: 120_000 });
  if (!(await radio.isChecked().catch(() => false))) {
    await page.getByRole("button", { name: JOURNEY_MESSAGES["zh-CN"]["policy.change"] }).click();
    await radio.click();
  }
  return page;
}

/** The editor section named `title`: it fits 350 px, and its picture is kept. */
async function shoot(page: Page, title: string, file: string) {
  const section = page.getByRole("region", { name: title, exact: true });
  await section.scrollIntoViewIfNeeded();
  await page.waitForTimeout(300);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(350);
  // The sticky grade button would cover the middle of a long section in its picture.
  await page.evaluate(() => {
    for (const el of document.querySelectorAll<HTMLElement>("body *")) {
      const position = getComputedStyle(el).position;
      if (position === "sticky" || position === "fixed") el.style.visibility = "hidden";
    }
  });
  const box = (await section.boundingBox())!;
  expect(box.x + box.width).toBeLessThanOrEqual(350);
  await section.screenshot({ path: path.join(OUT, file) });
}

describe("the policy editors at 350 px (zh-CN)", () => {
  it("the spend window of the L'Oréal policy switches to the calendar year and back to 12 months", async () => {
    const page = await openWith("loreal--cosmetics-orders-zh.xlsx", "loreal");
    await page.getByRole("radio", { name: L("pe.window.year") }).click();
    await page.getByRole("radio", { name: L("pe.window.months") }).click();
    expect(await page.getByLabel(L("pe.window.monthsCount")).inputValue()).toBe("12");
    await shoot(page, L("pe.window.title"), "editor-window-350.png");
  }, 300_000);

  it("tobacco's classes are cut by 等级标准额 typed in the pane", async () => {
    const page = await openWith("tobacco--tobacco-retailers-zh.xlsx", "tobacco");
    await page.getByRole("radio", { name: L("editor.basisAmount") }).click();
    await page.getByLabel(L("pe.standardA")).fill("250000");
    await page.getByLabel(L("pe.standardB")).fill("30000");
    await shoot(page, L("editor.basis"), "editor-tobacco-standard-350.png");
  }, 300_000);

  it("the dealer card's first item shows its bands, one of them widened", async () => {
    const page = await openWith("dealer--equipment-dealers-zh.xlsx", "dealer");
    await page.getByLabel(L("pe.bands.minOf", { item: "现有设备数量", n: 1 })).fill("30");
    expect(await page.getByText("≥ 30 → 5 分").count()).toBe(1);
    await shoot(page, L("pe.bands.title"), "editor-bands-350.png");
  }, 300_000);

  it("pharma's eligibility rules and visit ranges stack within the pane", async () => {
    const page = await openWith("pharma--hospital-doctors-zh.xlsx", "pharma");
    await page.getByLabel(L("pe.ranges.max", { cell: "A1" })).fill("8");
    await shoot(page, L("pe.elig.title"), "editor-eligibility-350.png");
    await shoot(page, L("pe.ranges.title"), "editor-visit-ranges-350.png");
  }, 300_000);

  it("membership's retention takes a keep-bar for 金卡", async () => {
    const page = await openWith("membership--store-members-zh.xlsx", "membership");
    await page.getByLabel(L("pe.keep.bar", { tier: "金卡" })).fill("8000");
    await shoot(page, L("pe.keep.title"), "editor-retention-350.png");
  }, 300_000);
});
