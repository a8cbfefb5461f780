import { gradeIn } from "./present";
import { mkdtempSync, readdirSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { main } from "../src/cli/main";
import { parseIsoDay } from "../src/engine/dates";

import { preset } from "../src/engine/presets";
import { tableFromRows } from "../src/engine/table";
import { parseXlsx, readWorkbookBytes } from "../src/workbook/files";
import { gradedWorkbook } from "../src/workbook/file-host";
import { POLICY_SAMPLES } from "./helpers/policy-samples";

const dir = path.resolve(__dirname, "../samples");

/**
 * What each sample must show when the demo grades it (as of 2025-12-31): tiers that must not be
 * empty, and the bad rows planted by scripts/make-samples.ts, as sheet row and column.
 */
const EXPECTED: Record<
  string,
  { tiers: string[]; problems: [number, string | undefined][]; excluded?: number }
> = {
  "membership--store-members-zh.xlsx": {
    tiers: ["钻石", "金卡", "银卡", "普通", "新客户"],
    problems: [
      [15, "会员卡号"],
      [20, "累计消费金额（元）"],
      [44, "累计消费金额（元）"],
      [91, "会员卡号"],
    ],
  },
  "lifecycle--store-members-zh.xlsx": {
    tiers: ["流失", "沉睡", "新客户", "忠诚", "常规", "一次性"],
    problems: [
      [15, "会员卡号"],
      [91, "会员卡号"],
    ],
  },
  "abc--tobacco-retailers-zh.xlsx": {
    tiers: ["A类", "B类", "C类"],
    problems: [
      [65, "月均销售额（近6月）"],
      [152, "月均销售额（近6月）"],
    ],
  },
  "grid9--hospital-doctors-zh.xlsx": {
    tiers: [
      "重点维护",
      "重点提升",
      "重点开发",
      "稳定维护",
      "培养提升",
      "逐步开发",
      "保持关系",
      "常规拜访",
      "观察",
    ],
    problems: [
      [32, "当前处方量（盒/月）"],
      [79, "处方潜力（盒/月）"],
    ],
  },
  "scorecard--mall-tenants-zh.xlsx": {
    tiers: ["5星", "4星", "3星", "2星", "1星"],
    problems: [
      [12, "坪效"],
      [25, "阶段"],
    ],
  },
  "rfm--online-orders.xlsx": {
    tiers: ["Champions", "Potential Loyalist", "Loyal Customers", "New Customers", "At Risk", "Lost"],
    problems: [
      [27, "Amount"],
      [142, "Amount"],
    ],
  },
  "rfm8--online-orders.xlsx": {
    tiers: [
      "Important value",
      "Important development",
      "Important retention",
      "Important win-back",
      "General value",
      "General development",
      "General retention",
      "General win-back",
    ],
    problems: [
      [27, "Amount"],
      [142, "Amount"],
    ],
  },
  // The source presets of issue 14.
  "tobacco--tobacco-retailers-zh.xlsx": {
    // Graded on the 3-month average: the 6-month average column with the planted mistakes is not read.
    tiers: ["A类（核心）", "B类", "C类"],
    problems: [],
  },
  "dealer--equipment-dealers-zh.xlsx": {
    tiers: ["四星（80分以上）", "三星（70分以上）", "二星（60分以上）", "一星（60分以下，原文“50分以下”）"],
    problems: [
      [15, "现有设备数量"],
      [43, "信用情况"],
    ],
  },
  "pharma--hospital-doctors-zh.xlsx": {
    tiers: ["重点维护", "重点提升", "稳定维护", "培养提升", "逐步开发", "常规拜访", "观察"],
    // The planted text in row 28 belongs to a doctor the eligibility rules leave out first.
    problems: [],
    excluded: 72,
  },
  "loreal--cosmetics-orders-zh.xlsx": {
    tiers: ["钻石会员", "VIP会员", "二级客户", "负值客户"],
    problems: [[32, "金额（元）"]],
  },
  ...POLICY_SAMPLES,
};

const files = readdirSync(dir).filter((f) => f.endsWith(".xlsx"));

async function gradeSample(file: string) {
  const bytes = new Uint8Array(readFileSync(path.join(dir, file)));
  const book = await readWorkbookBytes(bytes, file);
  const sheet = book.sheets[0];
  const table = tableFromRows(sheet.rows, book.date1904, sheet.name);
  const lang = /zh/.test(file) ? ("zh" as const) : ("en" as const);
  const result = gradeIn(table, preset(file.split("--")[0]), { asOf: parseIsoDay("2025-12-31"), lang });
  return { bytes, sheet, table, result, lang };
}

describe("samples", () => {
  it("every sample is named <preset>--<name>.xlsx for the demo, is listed here and is under 300 KB", () => {
    expect(files.sort()).toEqual(Object.keys(EXPECTED).sort());
    for (const f of files) {
      expect(f).toMatch(/^[a-z0-9-]+--.+\.xlsx$/);
      expect(statSync(path.join(dir, f)).size).toBeLessThan(300 * 1024);
    }
  });

  for (const [file, expected] of Object.entries(EXPECTED)) {
    it(`${file} grades with its preset, every expected tier has customers and the bad rows are reported`, async () => {
      const { result } = await gradeSample(file);
      const counts = Object.fromEntries(result.summary.map((s) => [s.tier, s.customers]));
      for (const t of expected.tiers) expect(counts[t], t).toBeGreaterThan(0);
      // Doctors an eligibility rule leaves out are listed too, with the rule: counted here.
      const listed = result.problems.filter((p) => p.code !== "grid.excluded");
      expect(listed.map((p) => [p.row, p.column])).toEqual(expected.problems);
      expect(result.problems.length - listed.length).toBe(expected.excluded ?? 0);
      expect(result.graded).toBeGreaterThan(40);
    });
  }

  it("the graded sample workbooks keep the sample's sheet and add the summary with its chart", async () => {
    for (const file of ["membership--store-members-zh.xlsx", "rfm--online-orders.xlsx"]) {
      const { bytes, sheet, table, result, lang } = await gradeSample(file);
      const out = await gradedWorkbook(bytes, file, sheet.name, table, result, lang);
      const book = await parseXlsx(out);
      const own = book.sheets.find((s) => s.name === sheet.name)!;
      expect(own.rows.map((r) => r.slice(0, sheet.rows[0].length))).toEqual(sheet.rows);
      expect(book.sheets.map((s) => s.name)).toContain(lang === "zh" ? "分级汇总" : "Tier summary");
      const zip = await JSZip.loadAsync(out);
      expect(zip.file("xl/charts/chart1.xml")).not.toBeNull();
      if (file.startsWith("rfm")) {
        // The planted =HYPERLINK name reaches the results sheet as the text it is.
        const results = book.sheets.find((s) => s.name === "Tier results")!;
        const names = results.rows.map((r) => r[1]);
        expect(names).toContain('=HYPERLINK("http://x","y")');
      }
    }
  });

  it("tier grade --out FILE.xlsx writes the sample's workbook with the tier columns and the summary", async () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), "tier-samples-")), "graded.xlsx");
    const err: string[] = [];
    const code = await main(
      [
        "grade",
        path.join(dir, "grid9--hospital-doctors-zh.xlsx"),
        "--preset",
        "grid9",
        "--lang",
        "zh",
        "--out",
        out,
      ],
      { out: () => {}, err: (s) => err.push(s) },
    );
    expect(code).toBe(0);
    const book = await parseXlsx(new Uint8Array(readFileSync(out)));
    // The very hidden settings sheet is the add-in's, not data: parseXlsx leaves it out.
    // The rows that got no tier are listed on their own sheet; the chart data sheet is hidden.
    expect(book.sheets.map((s) => s.name)).toEqual(["目标医生", "分级汇总", "分级问题", "分级图表数据"]);
    expect(book.sheets[0].rows[0]).toEqual(expect.arrayContaining(["分级·九宫格", "分级·等级"]));
    expect(err.join("")).toContain("2 处数据问题");
  });
});
