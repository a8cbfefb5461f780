/**
 * A screenshot of the pane's migration view at 350 px (the width of Excel's task pane): the coloured
 * matrix and the flow (stacked columns) of the demo re-evaluation (scripts/migration-demo.ts), into
 * docs/images/pane-migration-350.png. Bundles one small page with esbuild (no full build needed) and
 * opens it in Debian's chromium.
 *
 *   node --import tsx scripts/shoot-migration-pane.ts
 */
import { build } from "esbuild";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";
import { CHROMIUM_ARGS } from "../test/browser";
import { demoMigration, ROOT } from "./migration-demo";

const work = mkdtempSync(path.join(tmpdir(), "tier-migration-pane-"));
await build({
  entryPoints: [path.join(ROOT, "scripts", "pages", "migration-pane.tsx")],
  bundle: true,
  outfile: path.join(work, "page.js"),
  format: "iife",
  jsx: "automatic",
  define: { "process.env.NODE_ENV": '"production"' },
  minify: true,
  logLevel: "warning",
});
const data = await demoMigration("zh");
writeFileSync(
  path.join(work, "index.html"),
  `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><style>body{margin:0;padding:8px;font-family:"Noto Sans CJK SC",sans-serif}</style></head>` +
    `<body><div id="root"></div><script>window.MIGRATION=${JSON.stringify(data)}</script><script src="page.js"></script></body></html>`,
);
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS });
try {
  const page = await browser.newPage({ viewport: { width: 350, height: 900 }, deviceScaleFactor: 2 });
  await page.goto(pathToFileURL(path.join(work, "index.html")).href);
  await page.getByRole("img", { name: "等级流向" }).locator("svg rect").first().waitFor({ timeout: 20000 });
  await page.waitForTimeout(500);
  const out = path.join(ROOT, "docs", "images", "pane-migration-350.png");
  await page.screenshot({ path: out, fullPage: true });
  console.log(`→ ${path.relative(ROOT, out)}`);
} finally {
  await browser.close();
}
