// The production build in a real browser: taskpane.html is the shared-runtime page Excel loads (the
// manifest's Page, Runtime and FunctionFile), and it must register every custom function. Office.js is
// replaced by a tiny stub and every other outside request is blocked: no network. A recording
// stand-in for CustomFunctions.associate is installed before the page's scripts run.
import Papa from "papaparse";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT, ensureBuild } from "../scripts/ensure-build";

const CHROMIUM = "/usr/bin/chromium";
const OUT = path.join(ROOT, "test-output");
const haveChromium = existsSync(CHROMIUM);
if (!haveChromium)
  console.warn(`browser-functions: skipped, ${CHROMIUM} is missing (CI installs Debian's chromium)`);

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".png": "image/png",
};

/** Office.js stand-in: what taskpane.js and functions.js touch, nothing more. */
const OFFICE_STUB = `
window.__officeLoaded = true;
window.Office = {
  context: { displayLanguage: "en-US", requirements: { isSetSupported: function () { return true; } } },
  onReady: function (cb) {
    var info = { host: "Excel", platform: "PC" };
    return Promise.resolve(info).then(function (r) { if (cb) cb(r); return r; });
  },
  HostType: { Excel: "Excel" },
};`;

/** Installed before any page script: records associate() calls and provides the Error class. */
function installCustomFunctions() {
  const w = window as unknown as Record<string, unknown>;
  const registered: Record<string, (...args: unknown[]) => unknown> = {};
  w.__registered = registered;
  class CfError extends Error {
    code: string;
    constructor(code: string, message?: string) {
      super(message);
      this.code = code;
    }
  }
  w.CustomFunctions = {
    associate(
      id: string | Record<string, (...args: unknown[]) => unknown>,
      fn?: (...args: unknown[]) => unknown,
    ) {
      if (typeof id === "string") registered[id] = fn!;
      else Object.assign(registered, id);
    },
    Error: CfError,
    ErrorCode: {
      invalidValue: "#VALUE!",
      notAvailable: "#N/A",
      divisionByZero: "#DIV/0!",
      invalidNumber: "#NUM!",
      nullReference: "#NULL!",
      invalidName: "#NAME?",
      invalidReference: "#REF!",
    },
  };
}

function csv(name: string): string[][] {
  const text = readFileSync(fileURLToPath(new URL(`./data/${name}`, import.meta.url)), "utf8");
  return Papa.parse<string[]>(text, { skipEmptyLines: true }).data;
}

let server: Server | undefined;
let browser: Browser | undefined;
let page: Page;
let base = "";
const pageErrors: string[] = [];
const blocked: string[] = [];
let ids: string[] = [];

describe.skipIf(!haveChromium)("taskpane.html in Chromium (shared runtime, no network)", () => {
  beforeAll(async () => {
    const dist = await ensureBuild();
    ids = (
      JSON.parse(readFileSync(path.join(dist, "functions.json"), "utf8")) as { functions: { id: string }[] }
    ).functions.map((f) => f.id);
    server = createServer((req, res) => {
      const url = new URL(req.url ?? "/", "http://localhost");
      const file = path.join(dist, path.normalize(decodeURIComponent(url.pathname)).replace(/^([/\\])+/, ""));
      if (!file.startsWith(dist) || !existsSync(file)) {
        res.writeHead(404).end("not found");
        return;
      }
      res.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream" });
      res.end(readFileSync(file));
    });
    await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    });
    const context = await browser.newContext({ viewport: { width: 420, height: 800 } });
    await context.route("**/*", (route) => {
      const url = route.request().url();
      if (url.startsWith(base)) return route.continue();
      if (/^https:\/\/appsforoffice\.microsoft\.com\/.*office\.js$/.test(url))
        return route.fulfill({ status: 200, contentType: "text/javascript", body: OFFICE_STUB });
      blocked.push(url);
      return route.abort();
    });
    await context.addInitScript(installCustomFunctions);
    page = await context.newPage();
    page.on("pageerror", (e) => pageErrors.push(e.message));
    await page.goto(`${base}/taskpane.html`);
    await page.waitForFunction(
      () => Object.keys((window as unknown as { __registered: object }).__registered).length > 0,
    );
    mkdirSync(OUT, { recursive: true });
  }, 400_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  });

  it("loads Office.js from the stub, not the network, and nothing else leaves localhost", async () => {
    expect(
      await page.evaluate(() => (window as unknown as { __officeLoaded?: boolean }).__officeLoaded),
    ).toBe(true);
    expect(blocked).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it("registers every function id of functions.json with CustomFunctions.associate", async () => {
    const registered = await page.evaluate(() =>
      Object.keys((window as unknown as { __registered: object }).__registered),
    );
    expect(ids.length).toBe(15); // the twelve grading functions, PALIVE, CLV and NEXT
    expect(registered.sort()).toEqual([...ids].sort());
  });

  it("TIER.ABC on the Online Retail customer totals puts 1,133 of 4,338 customers in A", async () => {
    const totals = new Map<string, number>();
    for (const [, id, , , amount] of csv("online-retail-invoices.csv").slice(1))
      totals.set(id, (totals.get(id) ?? 0) + Number(amount));
    const values = [...totals.values()].map((v) => [v]);
    const counts = await page.evaluate((v) => {
      const fn = (window as unknown as { __registered: Record<string, (...a: unknown[]) => unknown[][]> })
        .__registered.ABC;
      const out = fn(v, null, null);
      const c: Record<string, number> = {};
      for (const [x] of out) c[String(x)] = (c[String(x)] ?? 0) + 1;
      return c;
    }, values);
    expect(counts.A).toBe(1133);
    expect(counts.A + counts.B + counts.C).toBe(4338);
  });

  it("TIER.RFM and TIER.SEGMENT on rfm_data_customer run in the page, with #N/A for a bad row and #VALUE! for bins 10", async () => {
    const rows = csv("rfm-customers.csv").slice(1, 501);
    // Excel-style columns: recency_days, number_of_orders, revenue; the amount of row 3 is text.
    const rec = rows.map((r) => [Number(r[4])]);
    const fre = rows.map((r) => [Number(r[3])]);
    const amt = rows.map((r, i) => [i === 2 ? "oops" : r[1]]);
    const res = await page.evaluate(
      ([rec, fre, amt]) => {
        const f = (window as unknown as { __registered: Record<string, (...a: unknown[]) => unknown[][]> })
          .__registered;
        const out = f.RFM(rec, fre, amt, null, null);
        const seg = f.SEGMENT(
          out.map((r) => [r[0]]),
          out.map((r) => [r[1]]),
          out.map((r) => [r[2]]),
          null,
          "zh",
        );
        const bad = out[2][0] as { code: string; message: string };
        let thrown: { code?: string; message?: string } = {};
        try {
          f.RFM(rec, fre, amt, 10, null);
        } catch (e) {
          thrown = { code: (e as { code: string }).code, message: (e as Error).message };
        }
        // Show the result on the page for the screenshot.
        const pre = document.createElement("pre");
        pre.setAttribute("aria-label", "TIER results");
        pre.textContent = out
          .slice(0, 8)
          .map(
            (r, i) =>
              `${r.map((c) => (typeof c === "object" ? (c as { code: string }).code : c)).join("\t")}\t${seg[i][0]}`,
          )
          .join("\n");
        document.body.prepend(pre);
        return {
          first: out[0],
          seg0: seg[0][0],
          bad: { code: bad.code, message: bad.message },
          thrown,
          isError:
            bad instanceof
            (window as unknown as { CustomFunctions: { Error: new () => object } }).CustomFunctions.Error,
        };
      },
      [rec, fre, amt],
    );
    expect(res.first).toHaveLength(4);
    expect(res.first[3]).toMatch(/^[1-5]{3}$/);
    expect(typeof res.seg0).toBe("string");
    expect(res.isError).toBe(true);
    expect(res.bad).toEqual({ code: "#N/A", message: 'amount: not a number: "oops"' });
    expect(res.thrown).toEqual({
      code: "#VALUE!",
      message: "bins must be a whole number from 2 to 9 (got 10)",
    });
    await page.getByLabel("TIER results").waitFor();
    await page.screenshot({ path: path.join(OUT, "browser-functions.png"), fullPage: true });
  });
});
