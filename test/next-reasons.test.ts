/**
 * Reasons quote the numbers the engine used (issue 17): a sample of reason sentences is parsed back
 * and each number is found among the engine's own (thresholds of the policy, this run's means and
 * cut amounts worked out here by hand from the columns), and next steps read as a user reads them.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseIsoDay } from "../src/engine/dates";
import { grade } from "../src/engine/grade";
import { preset } from "../src/engine/presets";
import { tableFromRows, type SheetTable } from "../src/engine/table";
import { groupNumber, nextStepText, whyText } from "../src/i18n/next-text";
import { presentResult } from "../src/i18n/result";
import { readWorkbookBytes } from "../src/workbook/files";
import { tiersOf } from "../src/engine/methods";
import { notificationList } from "../src/engine/notify";
import { nextFields } from "../src/i18n/next-text";

const AS_OF = parseIsoDay("2025-12-31");

async function sample(file: string): Promise<SheetTable> {
  const p = path.resolve(__dirname, "../samples", file);
  const book = await readWorkbookBytes(new Uint8Array(readFileSync(p)), file);
  return tableFromRows(book.sheets[0].rows, book.date1904, book.sheets[0].name);
}

/** The numbers in a sentence, "8,640" read as 8640. */
function numbersIn(text: string): number[] {
  return [...text.matchAll(/-?\d[\d,]*(?:\.\d+)?/g)].map((m) => Number(m[0].replace(/,/g, "")));
}

const column = (r: ReturnType<typeof presentResult>, key: string) => r.columns[key];

describe("reasons quote the engine's numbers", () => {
  it("a membership reason names the amount, its card's threshold and the next card's, from the policy (5,000 / 10,000 / 20,000)", async () => {
    const r = presentResult(
      grade(await sample("membership--store-members-zh.xlsx"), preset("membership"), {
        asOf: AS_OF,
        explain: true,
      }),
      "zh",
    );
    // The preset's thresholds (门店客户分级管理制度: 5,000 / 10,000 / 20,000 and a year of tenure).
    const thresholds = new Set([0, 5000, 10000, 20000, 365]);
    let checked = 0;
    for (let i = 0; i < r.tierKeys.length && checked < 40; i++) {
      const text = column(r, "reason")[i];
      if (typeof text !== "string" || !["silver", "regular", "gold"].includes(r.tierKeys[i]!)) continue;
      const amount = Number(r.columns.amount[i]);
      const nums = numbersIn(text.replace(/（元）|（天）/g, ""));
      expect(nums[0], text).toBeCloseTo(amount, 2);
      const tenure = Number(r.columns.tenure_days[i]);
      for (const n of nums.slice(1))
        expect(thresholds.has(n) || n === amount || n === tenure, text).toBe(true);
      checked++;
    }
    expect(checked).toBe(40);
  });

  it("an RFM8 reason quotes this run's means, the average of each column over the graded customers", async () => {
    const r = presentResult(
      grade(await sample("rfm8--online-orders.xlsx"), preset("rfm8"), { asOf: AS_OF, explain: true }),
      "en",
    );
    const graded = r.tierKeys.map((t, i) => (t === null ? -1 : i)).filter((i) => i >= 0);
    // The means by hand: plain sums over the graded customers.
    const mean = (key: string) => graded.reduce((s, i) => s + Number(r.columns[key][i]), 0) / graded.length;
    const expected = [mean("recency_days"), mean("frequency"), mean("amount")].map(
      (x) => Math.round(x * 100) / 100,
    );
    for (const i of graded.slice(0, 25)) {
      const nums = numbersIn(String(r.columns.reason[i]));
      // "last order 23 days ago < mean 97.61, 14 orders > mean 4.65, amount 793.3 > mean 240.54"
      expect([nums[1], nums[3], nums[5]]).toEqual(expected.map((x) => expect.closeTo(x, 2)));
    }
  });

  it("a pyramid reason's starts are the amounts of the last customers of each level, counted by hand", async () => {
    const r = presentResult(
      grade(await sample("rfm--online-orders.xlsx"), preset("pyramid"), { asOf: AS_OF, explain: true }),
      "en",
    );
    const amounts = r.tierKeys
      .map((t, i) => (t === null ? NaN : Number(r.columns.amount[i])))
      .filter((x) => !Number.isNaN(x))
      .sort((a, b) => b - a);
    // Top 1 %: the first ceil(1 % of n) customers; the start of Top is the smallest amount among them.
    const n = amounts.length;
    const topStart = amounts[Math.ceil(0.01 * n) - 1];
    const secondStart = amounts[Math.ceil(0.2 * n) - 1];
    const i = r.tierKeys.indexOf("second");
    const nums = numbersIn(String(r.columns.reason[i]));
    expect(nums).toContain(Math.round(secondStart * 100) / 100);
    expect(nums).toContain(Math.round(topStart * 100) / 100);
  });
});

describe("next steps read as a user reads them", () => {
  const tiers = tiersOf(preset("membership"));
  it("an amount step reads with the gap in yuan and the card's name", () => {
    const step = { tier: "gold", role: "amount", column: "消费", from: 8640, to: 10000 };
    expect(nextStepText(step, tiers, "zh")).toBe("再消费 1,360 元即可升为金卡");
    expect(nextStepText(step, tiers, "en")).toBe("spend 1,360 more to reach Gold");
  });
  it("the issue's example reason reads as the issue writes it", () => {
    const reason = {
      code: "why.threshold",
      params: {
        column: "近12个月消费",
        role: "amount",
        value: 8640,
        tier: "silver",
        min: 5000,
        next: "gold",
        max: 10000,
      },
    };
    expect(whyText(reason, tiers, "zh")).toBe(
      "近12个月消费 8,640 元 ≥ 银卡门槛 5,000 元，< 金卡门槛 10,000 元",
    );
  });
  it("groupNumber groups thousands and keeps at most two decimals", () => {
    expect(groupNumber(1234567.891)).toBe("1,234,567.89");
  });
});

describe("notification templates with {next} and {gap}", () => {
  it("fill the next tier and the gap of this grading: 再消费 333.01 元即可升级为 银卡 (5,000 − 4,666.99)", async () => {
    const r = presentResult(
      grade(await sample("membership--store-members-zh.xlsx"), preset("membership"), {
        asOf: AS_OF,
        explain: true,
      }),
      "zh",
    );
    const list = notificationList(
      [{ customerId: "VIP100007", old: "银卡", new: "普通", change: "down" }],
      new Map([["VIP100007", { name: "程勇涛" }]]),
      { lang: "zh", templates: { down: "{name}：再消费 {gap} 元即可升级为 {next}" }, steps: nextFields(r) },
    );
    expect(list[0].message).toBe("程勇涛：再消费 333.01 元即可升级为 银卡");
  });
});
