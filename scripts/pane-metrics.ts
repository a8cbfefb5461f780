/**
 * Figures for the pane (prints, never asserts): the gzipped JavaScript of each page's first load
 * (the scripts its HTML loads; lazy chunks listed apart), and the time until the page can be used in
 * headless Chromium on this machine, the median of 5 loads.
 *
 *   node --import tsx scripts/pane-metrics.ts
 *
 * Builds dist/ first when it is missing or older than the sources.
 */
import { ensureBuild } from "./ensure-build";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { chromium, type Page } from "playwright-core";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const DIST = path.join(ROOT, "dist");
const SAMPLE = path.join(ROOT, "samples", "membership--store-members-zh.xlsx");
const LOADS = 5;
const ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const gz = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length;

/** Local scripts an HTML page loads (office.js comes from Microsoft's CDN and is not ours). */
function pageScripts(html: string): string[] {
  const text = readFileSync(path.join(DIST, html), "utf8");
  return [...text.matchAll(/<script[^>]*\ssrc="?([^"\s>]+)"?/g)]
    .map((m) => m[1])
    .filter((s) => !/^https?:/.test(s));
}

function sizes(): void {
  console.log("\nfirst load, gzipped JavaScript (budget 400 KB per page):");
  const firstLoad = new Set<string>();
  for (const html of ["taskpane.html", "standalone.html"]) {
    const scripts = pageScripts(html);
    let total = 0;
    for (const s of scripts) {
      const file = path.join(DIST, s.replace(/^\//, ""));
      total += gz(file);
      firstLoad.add(path.basename(file));
    }
    const parts = scripts.map((s) => `${s} ${kb(gz(path.join(DIST, s.replace(/^\//, ""))))}`).join(" + ");
    console.log(
      `  ${html.padEnd(16)} ${kb(total).padStart(9)}  ${total < 400 * 1024 ? "under" : "OVER"} budget  (${parts})`,
    );
  }
  console.log("\nall JavaScript assets (raw / gzipped; the others are loaded on demand):");
  for (const f of readdirSync(DIST)
    .filter((f) => f.endsWith(".js"))
    .sort()) {
    const file = path.join(DIST, f);
    const tag = firstLoad.has(f) ? "first load" : "on demand";
    console.log(
      `  ${f.padEnd(18)} ${kb(statSync(file).size).padStart(10)} ${kb(gz(file)).padStart(9)}  ${tag}`,
    );
  }
}

function serve(dir: string): Promise<Server> {
  const types: Record<string, string> = { ".html": "text/html; charset=utf-8", ".js": "text/javascript" };
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    const file = path.join(dir, path.normalize(decodeURIComponent(url.pathname)).replace(/^([/\\])+/, ""));
    if (!file.startsWith(dir) || !existsSync(file) || statSync(file).isDirectory())
      return void res.writeHead(404).end();
    res.writeHead(200, { "content-type": types[path.extname(file)] ?? "application/octet-stream" });
    res.end(readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function timings(): Promise<void> {
  const server = await serve(DIST);
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ARGS });
  const measure = async (what: string, run: (page: Page) => Promise<number>) => {
    const ms: number[] = [];
    for (let i = 0; i < LOADS; i++) {
      const context = await browser.newContext({ locale: "en-US", viewport: { width: 320, height: 900 } });
      // No network beyond this server: office.js from the CDN is refused, as offline.
      await context.route("**/*", (r) =>
        /^(127\.0\.0\.1|localhost)$/.test(new URL(r.request().url()).hostname) ? r.continue() : r.abort(),
      );
      const page = await context.newPage();
      ms.push(await run(page));
      await context.close();
    }
    console.log(
      `  ${what.padEnd(62)} median ${median(ms).toFixed(0).padStart(5)} ms  (${ms.map((x) => x.toFixed(0)).join(", ")})`,
    );
  };
  console.log(`\ntime to interactive in headless Chromium, navigation start → ready, ${LOADS} cold loads:`);
  await measure("standalone.html: the Open button visible", async (page) => {
    await page.goto(`${base}/standalone.html`);
    await page.getByRole("button", { name: "Open a workbook (.xlsx or .csv)" }).waitFor();
    return page.evaluate(() => performance.now());
  });
  await measure("standalone.html + open a 400-row sample: Grade button enabled", async (page) => {
    await page.goto(`${base}/standalone.html`);
    const open = page.getByRole("button", { name: "Open a workbook (.xlsx or .csv)" });
    const [chooser] = await Promise.all([page.waitForEvent("filechooser"), open.click()]);
    await chooser.setFiles(SAMPLE);
    await page.waitForFunction(() => {
      const b = [...document.querySelectorAll("button")].find((x) => x.textContent === "Grade customers");
      return b && !b.disabled;
    });
    return page.evaluate(() => performance.now());
  });
  await measure("taskpane.html (office.js blocked, no Excel): title visible", async (page) => {
    await page.goto(`${base}/taskpane.html`);
    await page.getByRole("heading", { name: "Customer tiers" }).waitFor();
    return page.evaluate(() => performance.now());
  });
  await browser.close();
  server.close();
}

await ensureBuild();
sizes();
await timings();
