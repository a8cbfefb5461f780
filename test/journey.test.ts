/**
 * Defaults from the data (issue 13): the policy a sheet's columns suggest, the as-of date of an old
 * file, and the journey catalogue in both languages.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseIsoDay } from "../src/engine/dates";
import { resolveMapping } from "../src/engine/headers";
import { PRESET_NAMES } from "../src/engine/presets";
import { tableFromRows } from "../src/engine/table";
import { JOURNEY_MESSAGES } from "../src/i18n/journey";
import { lastDateOf, NEEDS, suggestPolicy } from "../src/taskpane/policy-needs";
import { FileHost } from "../src/workbook/file-host";

const SAMPLES = path.resolve(import.meta.dirname, "..", "samples");

async function sampleTable(file: string) {
  const host = await FileHost.fromBytes(readFileSync(path.join(SAMPLES, file)), file);
  const { sheets } = await host.listSheets();
  const read = await host.readSheet(sheets[0]);
  return tableFromRows(read.rows, read.date1904, sheets[0]);
}

describe("suggestPolicy", () => {
  it("suggestPolicy picks, for each sample, the policy the sample was made for (its file name's prefix)", async () => {
    // rfm8's sample has the same columns as rfm's, lifecycle's the same as membership's: where the
    // columns cannot tell them apart, the presets' own order decides.
    const expected: Record<string, string> = {
      "abc--tobacco-retailers-zh.xlsx": "abc-months",
      "grid9--hospital-doctors-zh.xlsx": "grid9",
      "membership--store-members-zh.xlsx": "membership",
      "lifecycle--store-members-zh.xlsx": "membership",
      "rfm--online-orders.xlsx": "rfm",
      "rfm8--online-orders.xlsx": "rfm",
      "scorecard--mall-tenants-zh.xlsx": "scorecard",
      // The same retailers: the columns cannot tell the two tobacco presets apart, the order decides.
      "tobacco--tobacco-retailers-zh.xlsx": "abc-months",
      "dealer--equipment-dealers-zh.xlsx": "dealer",
      // The same columns as grid9's doctors: the presets' order decides.
      "pharma--hospital-doctors-zh.xlsx": "grid9",
      // Orders with dates and amounts: RFM comes first among the order policies.
      "loreal--cosmetics-orders-zh.xlsx": "rfm",
      // The policies of issue 14b: each sample's own columns (潜力, 合作意愿, 满意度, 是否会员 …) pick it.
      "four-level--sales-customers-zh.xlsx": "four-level",
      "senior-mid--wholesale-customers-zh.xlsx": "senior-mid",
      "loyalty--restaurant-survey-zh.xlsx": "loyalty",
      "walk-in--store-customers-zh.xlsx": "walk-in",
      "ladder--crm-contacts-zh.xlsx": "ladder",
      // 客户类型 and a sales column read as many columns as ABC does: the presets' order decides.
      "three-level--business-customers-zh.xlsx": "abc",
      // Per-customer recency, frequency and amount: RFM comes before k-means on the same columns.
      "kmeans--online-customers-zh.xlsx": "rfm",
    };
    for (const file of readdirSync(SAMPLES).filter((f) => f.endsWith(".xlsx"))) {
      const table = await sampleTable(file);
      const s = suggestPolicy(PRESET_NAMES, table.headers, resolveMapping(table.headers, {}));
      expect(s?.policy, file).toBe(expected[file]);
      expect(s?.complete, file).toBe(true);
    }
  });

  it("suggestPolicy names the needed columns it found, and says when one is missing", () => {
    const headers = ["Customer ID", "Amount"];
    const s = suggestPolicy(["rfm"], headers, { customer_id: 0, amount: 1 })!;
    expect(s.complete).toBe(false);
    // The registry's rfm needs recency, frequency and amount: an order date gives the first two.
    expect(s.found).toEqual([
      { role: "customer_id", header: "Customer ID" },
      { role: "date", header: undefined },
      { role: "frequency", header: undefined },
      { role: "amount", header: "Amount" },
    ]);
  });

  it("the needed columns are the method registry's needs: abc on monthly columns needs the months, rfm a date", () => {
    expect(NEEDS["abc-months"].required).toEqual(["customer_id", "month_columns"]);
    expect(NEEDS.rfm.required).toEqual(["customer_id", "date", "frequency", "amount"]);
    expect(NEEDS.grid9.required).toEqual(["customer_id", "potential", "current_value"]);
  });

  it("suggestPolicy takes quantity × unit price as the amount of a line-items sheet (Online Retail's columns)", () => {
    const headers = [
      "InvoiceNo",
      "StockCode",
      "Description",
      "Quantity",
      "InvoiceDate",
      "UnitPrice",
      "CustomerID",
    ];
    const s = suggestPolicy(["rfm"], headers, resolveMapping(headers, {}))!;
    expect(s.complete).toBe(true);
    expect(s.found.find((f) => f.role === "amount")?.header).toBe("Quantity × UnitPrice");
  });

  it("every preset of the engine has its needed columns in the table", () => {
    for (const name of PRESET_NAMES) expect(NEEDS[name], name).toBeDefined();
  });
});

describe("lastDateOf", () => {
  it("lastDateOf reads the order-date column's last day whatever form the cells take", () => {
    const table = tableFromRows(
      [
        ["id", "date"],
        ["A", "2011-12-09 12:50:00"],
        ["B", 40000],
        ["C", "not a date"],
      ],
      false,
      "s",
    );
    expect(lastDateOf(table, { customer_id: 0, date: 1 })).toBe(parseIsoDay("2011-12-09"));
    expect(lastDateOf(table, { customer_id: 0 })).toBeNull();
  });
});

describe("the journey catalogue", () => {
  it("has the same keys and the same placeholders in zh-CN and en-US, and full-width punctuation in Chinese", () => {
    const zh = JOURNEY_MESSAGES["zh-CN"];
    const en = JOURNEY_MESSAGES["en-US"];
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
    const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(names(zh[key]), key).toEqual(names(en[key]));
      expect(zh[key], key).not.toMatch(/[,:;()](?!\d)/);
    }
  });
});
