/**
 * The user's journey on the standalone page, in headless Chromium, in zh-CN and en-US at 350 px and
 * 1280 px: open a sample, check the suggested policy and the columns it needs, edit a threshold, grade,
 * use the file button, the sheet picker and a column dropdown after grading (no layer may cover
 * them), plan a month of visits (October 2025: none on 国庆 in Chinese), re-evaluate (two history
 * snapshots, the change log, the notifications), download, and open the downloaded workbook: it must
 * hold every sheet the page said it wrote. A screenshot of each step goes to test-output/journey/.
 */
import ExcelJS from "exceljs";
import { mkdirSync, readFileSync } from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureBuild } from "../scripts/ensure-build";
import { format, type Locale, type MessageKey, type MessageParams } from "../src/i18n";
import { JOURNEY_MESSAGES, type JourneyKey } from "../src/i18n/journey";
import { CHROMIUM_ARGS, serve } from "./browser";

const ROOT = path.resolve(import.meta.dirname, "..");
const OUT = path.join(ROOT, "test-output", "journey");
const SAMPLE = path.join(ROOT, "samples", "membership--store-members-zh.xlsx");

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

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** A catalogue sentence as a pattern, its placeholders matching anything (captured in order). */
const pattern = (text: string) => new RegExp(escape(text).replace(/\\\{\w+\\\}/g, "(.+?)"));

/**
 * Words of English in the visible text of a Chinese page, less the data: tables (the sheet's cells
 * and the graded rows), the file's name, language names and format tokens.
 */
async function englishWords(page: Page, file: string): Promise<string[]> {
  const text = await page.evaluate(() => {
    const out: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || el.closest("table, select, script, style") || !el.checkVisibility()) continue;
      out.push(n.textContent ?? "");
    }
    for (const t of document.querySelectorAll<HTMLTextAreaElement>("textarea")) out.push(t.value);
    return out.join("\n");
  });
  const allowed = /^(RFM|ABC|CSV|Excel|xlsx|csv|YYYY-MM-DD|YYYY-MM|English|Tier|Pareto|SMS|ID|VIP)$/;
  // Cell values quoted in a reason (“abc”, "abc", 「abc」) are data too.
  const unquoted = text.replaceAll(file, "").replace(/“[^”]*”|"[^"]*"|「[^」]*」/g, "");
  return [...new Set(unquoted.match(/[A-Za-z][A-Za-z'-]{2,}/g) ?? [])].filter((w) => !allowed.test(w));
}

for (const locale of ["zh-CN", "en-US"] as Locale[])
  for (const width of [350, 1280])
    describe(`the journey in ${locale} at ${width} px`, () => {
      const L = (key: MessageKey, params?: MessageParams) => format(locale, key, params);
      const J = (key: JourneyKey) => JOURNEY_MESSAGES[locale][key];
      const zh = locale === "zh-CN";
      const tag = `${zh ? "zh" : "en"}-${width}`;
      let page: Page;
      let n = 0;
      const shot = async (name: string, fullPage = false) => {
        n++;
        await page.waitForTimeout(300);
        await page.screenshot({ path: path.join(OUT, `${tag}-${n}-${name}.png`), fullPage });
      };
      /** Sheets the page says it wrote, from its own sentences. */
      const reported = new Set<string>();
      const report = async (key: MessageKey, ...names: number[]) => {
        const text =
          (await page
            .getByText(pattern(L(key)))
            .first()
            .textContent()) ?? "";
        const m = pattern(L(key)).exec(text)!;
        for (const i of names) reported.add(m[i].trim());
      };

      it("opens, suggests, grades, plans, re-evaluates and downloads every sheet it reports, with every control usable", async () => {
        const context = await browser.newContext({
          locale,
          viewport: { width, height: 900 },
          acceptDownloads: true,
        });
        page = await context.newPage();
        await page.goto(`${base}/standalone.html`);
        const open = page.getByRole("button", { name: L("standalone.open") });
        await open.waitFor({ timeout: 60_000 });

        // 1. Open the sample; the policy its columns suggest is chosen, with the reason and the columns.
        const [chooser] = await Promise.all([page.waitForEvent("filechooser"), open.click()]);
        await chooser.setFiles(SAMPLE);
        const suggestion = page.getByText(pattern(J("suggest.title")));
        await suggestion.waitFor({ timeout: 120_000 });
        expect(await suggestion.textContent()).toContain(zh ? "门店客户分级" : "Store membership");
        // The policy, the row kind, values or live formulas, and the membership table's spend window (all orders).
        await expect.poll(() => page.getByRole("radio", { checked: true }).count()).toBe(4);
        expect(await page.getByRole("radio", { name: L("pe.window.all") }).isChecked()).toBe(true);
        const needs = page.getByRole("region", { name: J("needs.title") });
        expect(await needs.textContent()).toContain("会员卡号");
        await shot("1-suggested", true);

        // 2. Edit a threshold: gold from 8000.
        const gold = page.getByRole("textbox", { name: zh ? "金卡：金额 ≥" : "Gold: amount ≥" });
        await gold.fill("8000");
        await expect.poll(() => gold.getAttribute("aria-invalid")).not.toBe("true");
        await page.getByLabel(L("policy.asOf"), { exact: true }).fill("2025-09-30");
        await shot("2-policy");

        // 3. Grade: the view moves to the result and focus goes there.
        const grade = page.getByRole("button", { name: L("eval.button") });
        expect(await grade.isVisible()).toBe(true);
        await grade.click();
        const result = page.getByRole("region", { name: L("result.title"), exact: true });
        await result.waitFor({ timeout: 120_000 });
        await expect
          .poll(() => page.evaluate(() => document.activeElement?.getAttribute("aria-labelledby")))
          .toBe("step-evaluate");
        expect(await result.isVisible()).toBe(true);
        await report("result.written", 2);
        await shot("3-result");

        // 4. After grading, the top of the page still answers: the file button, the sheet picker, a column.
        const [again] = await Promise.all([
          page.waitForEvent("filechooser", { timeout: 10_000 }),
          open.click(),
        ]);
        expect(again).toBeTruthy();
        await page.getByRole("combobox", { name: L("data.sheet") }).click();
        await page.getByRole("option", { name: "会员" }).waitFor();
        await page.keyboard.press("Escape");
        await page.getByRole("combobox", { name: L("role.customer_id") }).click();
        await page.getByRole("option", { name: "会员卡号" }).waitFor();
        await shot("4-controls-after-grade");
        await page.keyboard.press("Escape");

        // 5. Visits for October 2025: in Chinese, China's holidays are on and nothing lands on 10-01..10-08.
        const month = page.getByLabel(zh ? "月份" : "Month", { exact: true });
        await month.fill("2025-10");
        expect(await page.getByText(J("plan.noManager")).isVisible()).toBe(true);
        await page.getByRole("button", { name: zh ? "生成拜访计划" : "Plan visits" }).click();
        await page.getByRole("button", { name: zh ? "写入工作簿" : "Write plan to workbook" }).click();
        await page.getByText(pattern(L("visits.written" as MessageKey))).waitFor({ timeout: 60_000 });
        await report("visits.written" as MessageKey, 1, 2);
        await page.getByText(pattern(L("visits.written" as MessageKey))).scrollIntoViewIfNeeded();
        await shot("5-visits");

        // 6. Re-evaluate: a snapshot, a stricter gold, grade again, a second snapshot, compare, write both.
        const period = page.getByRole("textbox", { name: zh ? "评定期" : "Evaluation", exact: true });
        await period.fill("2025-Q3");
        await page.getByRole("button", { name: zh ? "保存快照" : "Save snapshot" }).click();
        await page.getByText(pattern(L("history.saved" as MessageKey))).waitFor({ timeout: 60_000 });
        await report("history.saved" as MessageKey, 3);
        await gold.fill("12000");
        await grade.click();
        await expect
          .poll(() => page.getByRole("region", { name: L("result.title"), exact: true }).count())
          .toBe(1);
        await page
          .getByRole("region", { name: L("result.title"), exact: true })
          .waitFor({ timeout: 120_000 });
        await period.fill("2025-Q4");
        await page.getByRole("button", { name: zh ? "保存快照" : "Save snapshot" }).click();
        await page.getByText(pattern(L("history.saved" as MessageKey))).waitFor({ timeout: 60_000 });
        await page.getByRole("button", { name: zh ? "与上次比较" : "Compare with previous" }).click();
        await page.getByRole("button", { name: zh ? "写入变动表" : "Write change log" }).click();
        await page.getByText(pattern(L("history.changesWritten" as MessageKey))).waitFor({ timeout: 60_000 });
        await report("history.changesWritten" as MessageKey, 1);
        await page.getByRole("button", { name: zh ? "写入通知表" : "Write notifications" }).click();
        await page
          .getByText(pattern(L("history.notificationsWritten" as MessageKey)))
          .waitFor({ timeout: 60_000 });
        await report("history.notificationsWritten" as MessageKey, 1);
        await page
          .getByText(pattern(L("history.notificationsWritten" as MessageKey)))
          .scrollIntoViewIfNeeded();
        await shot("6-re-evaluated");

        // 7. Download, made from the workbook as it is now.
        const [file] = await Promise.all([
          page.waitForEvent("download"),
          page.getByRole("button", { name: L("standalone.download") }).click(),
        ]);
        const saved = path.join(OUT, `${tag}-graded.xlsx`);
        await file.saveAs(saved);
        const book = new ExcelJS.Workbook();
        await book.xlsx.load(readFileSync(saved) as unknown as ExcelJS.Buffer);
        const names = book.worksheets.map((ws) => ws.name);
        expect(reported.size).toBeGreaterThanOrEqual(6);
        for (const sheet of reported) expect(names, sheet).toContain(sheet);

        // The plan in the file: in Chinese no visit on 国庆 (10-01..10-08), one on the worked Saturday 10-11.
        const planSheet = book.getWorksheet([...reported][1])!;
        const days = new Set<string>();
        planSheet.eachRow((row, i) => {
          const v = row.getCell(1).value;
          if (i > 1 && v instanceof Date) days.add(v.toISOString().slice(0, 10));
        });
        expect(days.size).toBeGreaterThan(0);
        if (zh) {
          for (let d = 1; d <= 8; d++) expect(days.has(`2025-10-0${d}`)).toBe(false);
          expect(days.has("2025-10-11")).toBe(true);
        }
        await shot("7-full", true);

        // Every word a user reads in Chinese is Chinese, the SMS placeholders ({姓名}, {等级}) included.
        if (zh) expect(await englishWords(page, path.basename(SAMPLE, ".xlsx"))).toEqual([]);
        await context.close();
      }, 900_000);
    });

describe("taskpane.html outside Excel", () => {
  it("loads Office.js from dist/office-js when the CDN is blocked, and says in one sentence that it works in Excel only, linking to the standalone page", async () => {
    const context = await browser.newContext({ locale: "zh-CN", viewport: { width: 350, height: 700 } });
    const local: string[] = [];
    await context.route("**/*", (route) => {
      const url = new URL(route.request().url());
      if (url.hostname !== "127.0.0.1") return route.abort();
      local.push(url.pathname);
      return route.continue();
    });
    const page = await context.newPage();
    await page.goto(`${base}/taskpane.html`);
    const link = page.getByRole("link", { name: JOURNEY_MESSAGES["zh-CN"]["office.standaloneLink"] });
    await link.waitFor({ timeout: 60_000 });
    expect(local).toContain("/office-js/office.js");
    expect(await page.getByText(JOURNEY_MESSAGES["zh-CN"]["office.outside"]).isVisible()).toBe(true);
    expect(await page.getByText(format("zh-CN", "app.loading")).count()).toBe(0);
    expect(await link.getAttribute("href")).toBe("standalone.html");
    await page.screenshot({ path: path.join(OUT, "zh-350-outside-office.png") });
    await context.close();
  }, 120_000);
});
