/**
 * A screenshot of the pane's tier colour editor at 350 px (the width of Excel's task pane) for
 * docs/colours.md: the standalone page on the store members sample, 金卡 recoloured by typing its hex.
 *
 *   node --import tsx scripts/palette-shot.ts
 *
 * Builds dist/ first when it is missing or older than the sources; needs /usr/bin/chromium.
 */
import path from "node:path";
import type { AddressInfo } from "node:net";
import { chromium } from "playwright-core";
import { format } from "../src/i18n";
import { CHROMIUM_ARGS, serve } from "../test/browser";
import { DIST, ensureBuild, ROOT } from "./ensure-build";

const L = (key: Parameters<typeof format>[1], params?: Parameters<typeof format>[2]) =>
  format("zh-CN", key, params);

await ensureBuild();
const server = await serve(DIST);
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS });
try {
  const context = await browser.newContext({ locale: "zh-CN", viewport: { width: 350, height: 2400 } });
  // Nothing leaves the machine.
  await context.route("**/*", (route) =>
    /^(127\.0\.0\.1|localhost)$/.test(new URL(route.request().url()).hostname)
      ? route.continue()
      : route.abort(),
  );
  const page = await context.newPage();
  await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/standalone.html`);
  const open = page.getByRole("button", { name: L("standalone.open") });
  await open.waitFor({ timeout: 60_000 });
  const [chooser] = await Promise.all([page.waitForEvent("filechooser"), open.click()]);
  await chooser.setFiles(path.join(ROOT, "samples", "membership--store-members-zh.xlsx"));
  const header = page.getByRole("button", { name: L("palette.title") });
  await header.waitFor({ timeout: 60_000 });
  await header.click();
  const gold = page.getByRole("textbox", { name: L("palette.colourOf", { tier: "金卡" }) });
  await gold.waitFor({ timeout: 60_000 });
  await gold.fill("#C9A227");
  const section = page.getByRole("region", { name: L("palette.title") });
  // Tall enough that the sticky Evaluate button sits below the section, not over it.
  await section.evaluate((e) => e.scrollIntoView({ block: "start" }));
  await page.waitForTimeout(300);
  const out = path.join(ROOT, "docs", "images", "pane-palette-350.png");
  await section.screenshot({ path: out });
  process.stdout.write(`${out}\n`);
} finally {
  await browser.close();
  server.close();
}
