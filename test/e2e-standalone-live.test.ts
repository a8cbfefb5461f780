/**
 * The standalone page's live-formulas mode end to end in headless Chromium: open a sample workbook,
 * choose 实时公式, grade, download. The sentence the page shows must name what the file holds (the
 * sheets and the number of formulas), and LibreOffice, recalculating the downloaded workbook, must give
 * every customer the engine's tier. Every request that leaves localhost is blocked and fails the test.
 * A screenshot of each step goes to test-output/.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureBuild } from "../scripts/ensure-build";
import { parseIsoDay } from "../src/engine/dates";
import { preset } from "../src/engine/presets";
import { tableFromRows } from "../src/engine/table";
import { format, type MessageKey, type MessageParams } from "../src/i18n";
import { liveT } from "../src/i18n/live";
import { formulaLabel } from "../src/workbook/formulas/labels";
import { PackageHost } from "../src/workbook/package-host";
import { CHROMIUM_ARGS, serve } from "./browser";
import { recalculate, soffice } from "./helpers/libreoffice";
import { gradeIn } from "./present";

const ROOT = path.resolve(import.meta.dirname, "..");
const DIST = path.join(ROOT, "dist");
const OUT = path.join(ROOT, "test-output");
const SAMPLE = path.join(ROOT, "samples", "membership--store-members-zh.xlsx");
const AS_OF = "2026-03-31";
const L = (key: MessageKey, params?: MessageParams) => format("zh-CN", key, params);
const LT = liveT("zh-CN");

let server: Server;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let base: string;
const outside: string[] = [];
const work = mkdtempSync(path.join(tmpdir(), "tier-e2e-live-"));

beforeAll(async () => {
  await ensureBuild();
  mkdirSync(OUT, { recursive: true });
  server = await serve(DIST);
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS });
  context = await browser.newContext({
    locale: "zh-CN",
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
  rmSync(work, { recursive: true, force: true });
});

async function shot(name: string, fullPage = false) {
  await page.screenshot({ path: path.join(OUT, `pane-standalone-live-${name}.png`), fullPage });
}

describe.skipIf(!soffice())("the standalone page's live formulas", () => {
  it("with 实时公式 chosen, the download holds the formulas the page names, and LibreOffice recalculates them to the engine's tiers", async () => {
    await page.goto(`${base}/standalone.html`);
    const open = page.getByRole("button", { name: L("standalone.open") });
    await open.waitFor({ timeout: 60_000 });
    const [chooser] = await Promise.all([page.waitForEvent("filechooser"), open.click()]);
    await chooser.setFiles(SAMPLE);
    const id = page.getByRole("combobox", { name: L("role.customer_id") });
    await expect.poll(() => id.textContent(), { timeout: 60_000 }).toBe("会员卡号");
    await page.getByLabel(L("policy.asOf"), { exact: true }).fill(AS_OF);

    // The choice, by its label: values by default, then live formulas.
    const group = page.getByRole("radiogroup", { name: LT("live.mode") });
    await group.scrollIntoViewIfNeeded();
    expect(await page.getByRole("radio", { name: LT("live.values") }).isChecked()).toBe(true);
    await page.getByText(LT("live.formulas"), { exact: true }).click();
    expect(await page.getByRole("radio", { name: LT("live.formulas") }).isChecked()).toBe(true);
    expect(await page.getByText(LT("live.hint")).isVisible()).toBe(true);
    await shot("1-choice");

    await page.getByRole("button", { name: L("eval.button") }).click();
    const result = page.getByRole("region", { name: L("result.title"), exact: true });
    await result.waitFor({ timeout: 120_000 });
    const download = page.getByRole("button", { name: L("standalone.download") });
    await download.waitFor({ timeout: 60_000 });
    await result.scrollIntoViewIfNeeded();
    await shot("2-result");
    const said = (await result.textContent()) ?? "";
    const m = /已写入实时公式：共 (\d+) 个公式；分级在「([^」]+)」表，规则在「([^」]+)」表/.exec(said);
    expect(m, said).not.toBeNull();
    const [, count, tierSheet, rulesSheet] = m!;
    expect(tierSheet).toBe("会员");
    expect(rulesSheet).toBe(formulaLabel("rulesSheet", "zh"));

    const [file] = await Promise.all([page.waitForEvent("download"), download.click()]);
    const graded = path.join(work, "graded.xlsx");
    await file.saveAs(graded);
    const bytes = new Uint8Array(readFileSync(graded));

    // What the page said is in the file: the sheets, and that many formula cells.
    const zip = await JSZip.loadAsync(bytes);
    let formulas = 0;
    for (const name of Object.keys(zip.files).filter((n) => /^xl\/worksheets\/[^/]+\.xml$/.test(n)))
      formulas += ((await zip.file(name)!.async("string")).match(/<f[ >]/g) ?? []).length;
    expect(formulas).toBe(Number(count));

    // LibreOffice recalculates the download; every customer's tier equals the engine's.
    await recalculate([{ path: graded, weight: 1 }], path.join(work, "out"), work);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path.join(work, "out", "graded.xlsx"));
    expect(book.getWorksheet(rulesSheet)).toBeDefined();
    const sheet = book.getWorksheet(tierSheet)!;
    const source = await PackageHost.fromBytes(new Uint8Array(readFileSync(SAMPLE)), "sample.xlsx");
    const read = await source.readSheet("会员");
    const table = tableFromRows(read.rows, read.date1904, "会员");
    const expected = gradeIn(table, preset("membership"), { asOf: parseIsoDay(AS_OF), lang: "zh" });
    const headerRow = read.top + table.headerRow + 1;
    let tierCol = 0;
    sheet.getRow(headerRow).eachCell((c, k) => {
      if (c.text === formulaLabel("tier", "zh")) tierCol = k;
    });
    expect(tierCol).toBeGreaterThan(table.headers.length);
    const tiers: (string | null)[] = [];
    for (let r = headerRow + 1; r <= headerRow + table.rows.length; r++) {
      const t = sheet.getCell(r, tierCol).text;
      tiers.push(t === "" ? null : t);
    }
    expect(tiers).toEqual(expected.columns.tier);
    expect(new Set(tiers).size).toBeGreaterThan(2);
    expect(outside).toEqual([]);
  }, 600_000);
});
