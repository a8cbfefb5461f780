// What the custom-function layer costs on top of the engine: TIER.RFM and TIER.ABC over 100,000 rows
// (bench/functions-cases.ts), timed in the two JavaScript engines at hand, in the same run:
//
// - headless Chromium: the engine of the shared runtime (WebView2 in Excel on Windows, the browser for
//   Excel on the web). The cases are bundled by esbuild and served to the page from memory, with the
//   cross-origin isolation headers that give performance.now() its 5 µs resolution. This is the
//   figure the issue's target (the layer adds less than 50 %) is judged on.
// - Node, for comparison: CPU and wall time, and minor page faults per call. On a machine where a page
//   fault is expensive (a nested VM), Node pays for every fresh large object: V8 in Node maps a new
//   large-object page for each 100,000-row result and unmaps it after GC, so the result array Excel
//   requires costs page faults there that Chromium's V8 does not pay. The "result array alone" line
//   shows that floor in each engine.
//
// Prints figures, asserts nothing (a slow machine is not a bug).
// Run: npm run bench:functions   (BENCH_REPEATS=5 Chromium runs; BENCH_GC=1 collects garbage before each timed call)
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { build } from "esbuild";
import { chromium } from "playwright-core";
import { functionsBench, median, type Figures, type Timing } from "./functions-cases";

const CHROMIUM = "/usr/bin/chromium";
/** Served from memory by page.route; localhost is a secure context, which cross-origin isolation needs. */
const ORIGIN = "http://localhost:9";
const withGc = Boolean(process.env.BENCH_GC);
/** Chromium runs, each in a fresh page (a fresh heap and JIT): BENCH_REPEATS, 5 unless set. */
const REPEATS = Number(process.env.BENCH_REPEATS ?? 5);

const ms = (x: number) => `${x.toFixed(2).padStart(6)} ms`;
const pct = (e: number, l: number) => `${(((l - e) / e) * 100).toFixed(0).padStart(4)} %`;

function timing(t: Timing): string {
  const cpu = t.cpu === undefined ? "" : ` (cpu ${ms(t.cpu)})`;
  const faults = t.faults === undefined ? "" : `, ${String(Math.round(t.faults)).padStart(3)} faults`;
  return `${ms(t.wall)}${cpu}${faults}`;
}

/** One line per case; with several runs (fresh pages), the median run and the range of what the layer adds. */
function report(where: string, runs: Figures[]): void {
  const f = runs[0];
  const over = runs.length > 1 ? `, ${runs.length} runs in fresh pages` : "";
  console.log(
    `\n${where}: ${f.rows.toLocaleString("en")} rows, median of ${f.rounds} alternating calls${over}`,
  );
  f.cases.forEach((c, k) => {
    const adds = runs.map(
      (r) => ((r.cases[k].layer.wall - r.cases[k].engine.wall) / r.cases[k].engine.wall) * 100,
    );
    const mid = runs[adds.indexOf(median(adds))].cases[k];
    const cpu =
      mid.engine.cpu !== undefined && mid.layer.cpu !== undefined
        ? `, cpu ${pct(mid.engine.cpu, mid.layer.cpu)}`
        : "";
    const range = runs.length > 1 ? ` (runs: ${adds.map((x) => `${x.toFixed(0)} %`).join(", ")})` : "";
    console.log(
      `  ${c.name.padEnd(9)} engine ${timing(mid.engine)} | function ${timing(mid.layer)} | layer adds ${pct(mid.engine.wall, mid.layer.wall)}${cpu}${range}`,
    );
  });
  const result = median(runs.map((r) => r.result.wall));
  const alone = runs.find((r) => r.result.wall === result)!.result;
  console.log(`  a 100,000-row result array alone (what Excel requires back): ${timing(alone)}`);
}

/** The cases in Node: wall and CPU time, page faults. */
function inNode(): Figures {
  let gc: (() => void) | undefined;
  if (withGc) {
    setFlagsFromString("--expose-gc");
    gc = runInNewContext("gc") as () => void;
  }
  return functionsBench({
    wall: () => performance.now(),
    cpu: () => {
      const u = process.cpuUsage();
      return (u.user + u.system) / 1000;
    },
    faults: () => process.resourceUsage().minorPageFault,
    gc,
  });
}

/** The same cases bundled for the browser and run in headless Chromium; no network is involved. */
async function inChromium(repeats: number): Promise<{ version: string; figures: Figures[] }> {
  const bundle = await build({
    entryPoints: [fileURLToPath(new URL("./functions-cases.ts", import.meta.url))],
    bundle: true,
    write: false,
    format: "iife",
    globalName: "tierBench",
    platform: "browser",
    target: "es2022",
    minify: true,
    logLevel: "silent",
  });
  const script = bundle.outputFiles[0].text;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--headless", "--no-sandbox", "--disable-gpu", ...(withGc ? ["--js-flags=--expose-gc"] : [])],
  });
  try {
    // Cross-origin isolation gives performance.now() 5 µs resolution instead of 100 µs.
    const isolated = {
      "Cross-Origin-Opener-Policy": "same-origin",
      "Cross-Origin-Embedder-Policy": "require-corp",
    };
    const figures: Figures[] = [];
    for (let k = 0; k < repeats; k++) {
      const page = await browser.newPage();
      await page.route(`${ORIGIN}/**`, (route) => {
        const url = route.request().url();
        if (url.endsWith("/bench.js"))
          return route.fulfill({ contentType: "text/javascript", headers: isolated, body: script });
        if (url.endsWith("/")) {
          const body = `<!doctype html><meta charset="utf-8"><script src="bench.js"></script>`;
          return route.fulfill({ contentType: "text/html", headers: isolated, body });
        }
        return route.abort();
      });
      await page.goto(`${ORIGIN}/`);
      const isolatedOk = await page.evaluate(() => globalThis.crossOriginIsolated);
      if (!isolatedOk)
        console.warn("Chromium: the page is not cross-origin isolated; the clock has 100 µs steps");
      // A string, not a function: tsx's transform would leave helpers the page does not have.
      figures.push(
        (await page.evaluate(
          "tierBench.functionsBench({ wall: () => performance.now(), gc: globalThis.gc })",
        )) as Figures,
      );
      await page.close();
    }
    return { version: browser.version(), figures };
  } finally {
    await browser.close();
  }
}

console.log(`TIER functions vs the bare engine${withGc ? " (GC before each call)" : ""}`);
if (existsSync(CHROMIUM)) {
  const { version, figures } = await inChromium(REPEATS);
  report(`Chromium ${version} (the shared runtime's engine: the target is judged here)`, figures);
} else {
  console.log(`\nChromium: skipped, ${CHROMIUM} is missing (apt-get install -y chromium)`);
}
report(`Node ${process.version}, for comparison`, [inNode()]);
