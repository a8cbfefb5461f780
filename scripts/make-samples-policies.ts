/**
 * Writes the sample workbooks of the policies added in issue 14 (three-level, four-level, senior-mid,
 * loyalty, walk-in, ladder, kmeans), named `<preset>--<name>-zh.xlsx` so that `npm run demo` grades
 * each with its preset, in Chinese.
 *
 *   node --import tsx scripts/make-samples-policies.ts
 *
 * Made-up data from a seeded generator (one seed per file), so the files are the same on every run.
 * A few rows are wrong on purpose, as in scripts/make-samples.ts: a customer type no rule knows, a
 * blank, text in a number column.
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { seededRandom } from "../src/engine/random";
import {
  chineseName,
  dateOf,
  day,
  int,
  logNormal,
  pick,
  round2,
  writeBook,
  type Rand,
  type SheetSpec,
} from "./make-samples";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const COMPANY = "华瑞恒泰信达锦宏博远中科鼎盛东方新源天合金桥海通";
const company = (rand: Rand, suffix: string) => pick(rand, [...COMPANY]) + pick(rand, [...COMPANY]) + suffix;

/** Business customers by type (source 000, 三、分级标准): for `three-level`. */
function businessCustomers(): SheetSpec {
  const rand = seededRandom(20261);
  const types = ["大型企业", "战略合作伙伴", "中小型企业", "长期合作客户", "个人客户", "新客户"];
  const weights = [0.08, 0.05, 0.3, 0.17, 0.28, 0.12];
  const managers = ["张伟", "李娜", "王强", "刘洋"];
  const rows: unknown[][] = [];
  for (let i = 1; i <= 120; i++) {
    let u = rand();
    let t = 0;
    while (t < types.length - 1 && u > weights[t]) u -= weights[t++];
    const person = t >= 4;
    const scale = [2_000_000, 1_500_000, 300_000, 250_000, 20_000, 8_000][t];
    rows.push([
      `KH${String(1000 + i)}`,
      person
        ? chineseName(rand)
        : company(rand, pick(rand, ["集团", "科技有限公司", "贸易有限公司", "实业公司"])),
      types[t],
      round2(logNormal(rand, scale, 0.5)),
      pick(rand, managers),
    ]);
  }
  rows[30][2] = "政府机构"; // a type the source's three levels do not list
  rows[57][2] = null; // a type left blank
  return {
    name: "客户",
    title: "企业客户名录（2025年）",
    headers: ["客户编号", "客户名称", "客户类型", "交易金额（元）", "客户经理"],
    rows,
    widths: [10, 22, 14, 18, 10],
    formats: { 3: "#,##0.00" },
  };
}

/** Sales customers with value and potential (source 000, 销售客户分级管理制度): for `four-level`. */
function salesCustomers(): SheetSpec {
  const rand = seededRandom(20262);
  const rows: unknown[][] = [];
  for (let i = 1; i <= 150; i++) {
    const prospect = rand() < 0.15;
    const orders = prospect ? 0 : rand() < 0.2 ? int(rand, 12, 40) : int(rand, 1, 11);
    const amount = prospect ? 0 : round2(orders * logNormal(rand, 6_000, 0.9));
    rows.push([
      `XS${String(2000 + i)}`,
      company(rand, pick(rand, ["商贸", "科技", "电器", "建材"])),
      amount,
      orders,
      // Few customers score high on potential: a sales team rates most of them 2 or 3.
      pick(rand, [1, 1, 2, 2, 2, 3, 3, 3, 4, 5]),
    ]);
  }
  rows[44][2] = "待核"; // text in the amount column
  return {
    name: "销售客户",
    headers: ["客户编号", "客户名称", "销售额（元）", "购买次数", "潜力得分"],
    rows,
    widths: [10, 16, 16, 10, 10],
    formats: { 2: "#,##0.00" },
  };
}

/** Wholesale customers by amount, frequency, categories, willingness (source 000, 标准版): for `senior-mid`. */
function wholesaleCustomers(): SheetSpec {
  const rand = seededRandom(20263);
  const rows: unknown[][] = [];
  for (let i = 1; i <= 150; i++) {
    const big = rand() < 0.25;
    const orders = big ? int(rand, 8, 36) : int(rand, 1, 10);
    rows.push([
      `PF${String(3000 + i)}`,
      company(rand, pick(rand, ["超市", "便利店", "批发部", "餐饮"])),
      round2(orders * logNormal(rand, big ? 9_000 : 3_000, 0.6)),
      orders,
      int(rand, 1, big ? 6 : 3),
      int(rand, big ? 3 : 1, 5),
    ]);
  }
  rows[12][5] = null; // willingness not asked yet
  return {
    name: "批发客户",
    headers: ["客户编号", "客户名称", "交易金额（元）", "购买次数", "购买品类数", "合作意愿（1-5）"],
    rows,
    widths: [10, 16, 16, 10, 12, 16],
    formats: { 2: "#,##0.00" },
  };
}

/** A restaurant's loyalty survey (source 004, 一、5): for `loyalty`. */
function restaurantSurvey(): SheetSpec {
  const rand = seededRandom(20264);
  const sat = ["很满意", "比较满意", "满意", "不满意", "很不满意"];
  const refer = ["很大可能", "有可能", "不可能"];
  const rows: unknown[][] = [];
  for (let i = 1; i <= 200; i++) {
    // Satisfied guests come back and recommend more often: draw one attitude and let all three follow it.
    const a = rand();
    const s = a < 0.3 ? 0 : a < 0.6 ? 1 : a < 0.85 ? 2 : a < 0.95 ? 3 : 4;
    const repeat = Math.min(0.98, Math.max(0.02, 0.9 - s * 0.2 + (rand() - 0.5) * 0.3));
    const r = s === 0 ? (rand() < 0.7 ? 0 : 1) : s <= 2 ? int(rand, 0, 2) : 2;
    rows.push([`HY${String(5000 + i)}`, chineseName(rand), sat[s], Math.round(repeat * 100) / 100, refer[r]]);
  }
  rows[9][2] = null; // a guest who skipped the satisfaction question
  // Rates are numbers shown as percentages: "75%" typed as text is read by the engine but not by the
  // live formulas (ISNUMBER), so the samples keep them numeric.
  return {
    name: "顾客调查",
    title: "顾客忠诚度调查（2025年12月）",
    headers: ["会员编号", "姓名", "满意度", "复购率", "推荐意愿"],
    rows,
    widths: [10, 10, 10, 10, 10],
    formats: { 3: "0%" },
  };
}

/** A shop's customers by visits and spend (source 004, 一、8): for `walk-in`. */
function storeCustomers(): SheetSpec {
  const rand = seededRandom(20265);
  const rows: unknown[][] = [];
  for (let i = 1; i <= 180; i++) {
    const k = rand();
    const visits = k < 0.45 ? int(rand, 1, 2) : k < 0.85 ? int(rand, 3, 11) : int(rand, 12, 40);
    rows.push([
      `MD${String(6000 + i)}`,
      chineseName(rand),
      visits,
      round2(visits * logNormal(rand, 260, 0.7)),
    ]);
  }
  return {
    name: "顾客",
    headers: ["客户编号", "姓名", "消费次数", "累计消费金额（元）"],
    rows,
    widths: [10, 10, 10, 18],
    formats: { 3: "#,##0.00" },
  };
}

/** CRM contacts along the customer ladder (source 001, 客户的形成): for `ladder`. */
function crmContacts(): SheetSpec {
  const rand = seededRandom(20266);
  const rows: unknown[][] = [];
  for (let i = 1; i <= 160; i++) {
    const k = rand();
    const buys = k < 0.3 ? 0 : k < 0.5 ? 1 : k < 0.75 ? int(rand, 2, 4) : int(rand, 5, 20);
    const member = buys >= 5 && rand() < 0.5;
    rows.push([
      `CRM${String(7000 + i)}`,
      chineseName(rand),
      buys,
      buys > 0 || rand() < 0.4 ? "是" : "否",
      member ? "是" : "否",
      member && rand() < 0.5 ? int(rand, 1, 6) : 0,
    ]);
  }
  return {
    name: "联系人",
    headers: ["客户编号", "姓名", "购买次数", "是否合格", "是否成员", "推荐人数"],
    rows,
    widths: [10, 10, 10, 10, 10, 10],
  };
}

/** Online shop customers with recency, frequency and amount, four kinds of buyer: for `kmeans`. */
function rfmCustomers(): SheetSpec {
  const rand = seededRandom(20267);
  const asOf = day("2025-12-31");
  // Loyal big spenders, steady buyers, new or occasional ones, and lapsed ones.
  const kinds = [
    { share: 0.1, recency: [1, 30], orders: [15, 40], basket: 600 },
    { share: 0.3, recency: [5, 90], orders: [5, 14], basket: 300 },
    { share: 0.3, recency: [1, 120], orders: [1, 4], basket: 150 },
    { share: 0.3, recency: [200, 700], orders: [1, 3], basket: 120 },
  ];
  const rows: unknown[][] = [];
  for (let i = 1; i <= 300; i++) {
    let u = rand();
    let k = 0;
    while (k < kinds.length - 1 && u > kinds[k].share) u -= kinds[k++].share;
    const kind = kinds[k];
    const orders = int(rand, kind.orders[0], kind.orders[1]);
    rows.push([
      `WS${String(8000 + i)}`,
      chineseName(rand),
      dateOf(asOf - int(rand, kind.recency[0], kind.recency[1])),
      orders,
      round2(orders * logNormal(rand, kind.basket, 0.4)),
    ]);
  }
  rows[66][4] = null; // a blank amount
  return {
    name: "网店客户",
    headers: ["客户编号", "姓名", "最近消费日期", "消费次数", "累计消费金额（元）"],
    rows,
    widths: [10, 10, 14, 10, 18],
    formats: { 4: "#,##0.00" },
  };
}

async function main(): Promise<void> {
  mkdirSync(path.join(root, "samples"), { recursive: true });
  const jobs: [string, SheetSpec][] = [
    ["three-level--business-customers-zh.xlsx", businessCustomers()],
    ["four-level--sales-customers-zh.xlsx", salesCustomers()],
    ["senior-mid--wholesale-customers-zh.xlsx", wholesaleCustomers()],
    ["loyalty--restaurant-survey-zh.xlsx", restaurantSurvey()],
    ["walk-in--store-customers-zh.xlsx", storeCustomers()],
    ["ladder--crm-contacts-zh.xlsx", crmContacts()],
    ["kmeans--online-customers-zh.xlsx", rfmCustomers()],
  ];
  for (const [file, sheet] of jobs) {
    const size = await writeBook(file, [sheet]);
    process.stdout.write(`samples/${file}  ${sheet.rows.length} rows  ${(size / 1024).toFixed(0)} KB\n`);
  }
}

await main();
