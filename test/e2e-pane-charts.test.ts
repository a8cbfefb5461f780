/**
 * The pane's per-policy charts in headless Chromium at 350 px (the width of Excel's task pane), on the
 * standalone page, which renders the same result card as the Excel pane: for each kind (Pareto,
 * pyramid, nine-grid, R × F) a sample is opened, its policy graded, the chart found by its name as a
 * person's screen reader would, and photographed into docs/images/pane-chart-<kind>.png. After the
 * pointer has been over the chart (which opens its tooltip), nothing may cover the controls at the top
 * of the page: the lesson of issue 13, where hidden tooltip layers outlived the chart.
 */
import { mkdirSync } from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { chromium, type Browser, type Locator, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureBuild } from "../scripts/ensure-build";
import { format, type MessageKey } from "../src/i18n";
import { JOURNEY_MESSAGES } from "../src/i18n/journey";
import { paneChartT, type PaneChartKey } from "../src/i18n/pane-charts";
import { CHROMIUM_ARGS, serve } from "./browser";

const ROOT = path.resolve(import.meta.dirname, "..");
const IMAGES = path.join(ROOT, "docs", "images");
const OUT = path.join(ROOT, "test-output", "pane-charts");
const L = (key: MessageKey) => format("zh-CN", key);
const C = paneChartT("zh-CN");
/** A chart's name: the Pareto chart's says whether its bars are customers or percentiles of them. */
const named = (key: PaneChartKey) => (key === "charts.paretoTitle" ? /^帕累托图/ : C(key));

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

/** True when the topmost element at the centre of `target` is the target or inside it. */
async function onTop(page: Page, target: Locator): Promise<boolean> {
  await target.scrollIntoViewIfNeeded();
  const box = (await target.boundingBox())!;
  const handle = await target.elementHandle();
  return page.evaluate(
    ([x, y, el]) => {
      const hit = document.elementFromPoint(x as number, y as number);
      return !!hit && (el as Element).contains(hit);
    },
    [box.x + box.width / 2, box.y + box.height / 2, handle] as const,
  );
}

const CASES: {
  kind: string;
  sample: string;
  /** The policy to choose when the sample suggests another (its name in the gallery). */
  policy?: string;
  /** The chart's caption (also its image's name), and any further chart. */
  titles: PaneChartKey[];
}[] = [
  { kind: "pareto", sample: "abc--tobacco-retailers-zh.xlsx", titles: ["charts.paretoTitle"] },
  {
    kind: "pyramid",
    sample: "membership--store-members-zh.xlsx",
    policy: "客户金字塔",
    titles: ["charts.pyramidTitle"],
  },
  { kind: "grid", sample: "grid9--hospital-doctors-zh.xlsx", titles: ["charts.gridTitle"] },
  { kind: "rfm", sample: "rfm--online-orders.xlsx", titles: ["charts.rfmTitle", "charts.segmentsTitle"] },
];

describe("the pane's chart per policy at 350 px", () => {
  for (const c of CASES)
    it(`draws the ${c.kind} chart, named and photographed, and leaves every control at the top usable`, async () => {
      const context = await browser.newContext({ locale: "zh-CN", viewport: { width: 350, height: 900 } });
      const page = await context.newPage();
      await page.goto(`${base}/standalone.html`);
      const open = page.getByRole("button", { name: L("standalone.open") });
      await open.waitFor({ timeout: 60_000 });
      const [chooser] = await Promise.all([page.waitForEvent("filechooser"), open.click()]);
      await chooser.setFiles(path.join(ROOT, "samples", c.sample));
      await page
        .getByText(new RegExp(JOURNEY_MESSAGES["zh-CN"]["suggest.title"].replace("{policy}", "")))
        .first()
        .waitFor({ timeout: 120_000 });
      if (c.policy) {
        const change = page.getByRole("button", { name: JOURNEY_MESSAGES["zh-CN"]["policy.change"] });
        if (await change.isVisible()) await change.click();
        await page.getByRole("radio", { name: new RegExp(`^${c.policy}`) }).check();
      }
      await page.getByRole("button", { name: L("eval.button") }).click();
      const result = page.getByRole("region", { name: L("result.title"), exact: true });
      await result.waitFor({ timeout: 120_000 });

      // Only this policy's chart, found by its name; each photographed with its caption and table link.
      for (const key of c.titles) {
        const chart = result.getByRole("img", { name: named(key) });
        await chart.waitFor({ timeout: 60_000 });
        await chart.scrollIntoViewIfNeeded();
        await page.waitForTimeout(800);
        const figure = chart.locator("xpath=ancestor::figure[1]");
        const name =
          key === c.titles[0] ? c.kind : `${c.kind}-${key.replace("charts.", "").replace("Title", "")}`;
        await figure.screenshot({ path: path.join(IMAGES, `pane-chart-${name}.png`) });
      }
      for (const other of CASES.filter((o) => o.kind !== c.kind))
        expect(await result.getByRole("img", { name: named(other.titles[0]) }).count()).toBe(0);
      await page.screenshot({ path: path.join(OUT, `${c.kind}-result.png`), fullPage: true });

      // The text alternative opens and holds a row per level, cell or tier.
      const details = result.locator("details").first();
      await details.locator("summary").click();
      expect(await details.getByRole("row").count()).toBeGreaterThan(2);
      await page.screenshot({ path: path.join(OUT, `${c.kind}-table.png`) });

      // The pointer over the chart opens its tooltip; moved away, nothing may cover the controls.
      const chart = result.getByRole("img", { name: named(c.titles[0]) });
      const box = (await chart.boundingBox())!;
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await page.waitForTimeout(300);
      await page.mouse.move(box.x + box.width / 3, box.y + box.height / 3);
      await page.waitForTimeout(300);
      await page.mouse.move(0, 0);
      await page.evaluate(() => window.scrollTo(0, 0));
      expect(await onTop(page, open)).toBe(true);
      expect(await onTop(page, page.getByRole("combobox", { name: L("data.sheet") }))).toBe(true);
      expect(await onTop(page, page.getByRole("combobox", { name: L("role.customer_id") }))).toBe(true);
      const [again] = await Promise.all([
        page.waitForEvent("filechooser", { timeout: 10_000 }),
        open.click(),
      ]);
      expect(again).toBeTruthy();
      await page.screenshot({ path: path.join(OUT, `${c.kind}-top-after.png`) });
      await context.close();
    }, 600_000);
});
