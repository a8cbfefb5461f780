import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../src/cli/main";
import ExcelJS from "exceljs";
import Papa from "papaparse";

const data = (f: string) => path.join(__dirname, "data", f);

async function run(...argv: string[]) {
  let out = "";
  let err = "";
  const code = await main(argv, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

function rows(csv: string): Record<string, string>[] {
  return Papa.parse<Record<string, string>>(csv.replace(/^\uFEFF/, ""), {
    header: true,
    skipEmptyLines: true,
  }).data;
}

function tmp(name: string, text: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), "tier-cli-"));
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
}

describe("tier grade on the R package rfm sample orders", () => {
  it("guesses orders, says so, and reproduces the package's About To Sleep segment (102 customers, 283 orders, 23,449 revenue)", async () => {
    const { code, out, err } = await run(
      "grade",
      data("rfm-orders.csv"),
      "--preset",
      "rfm-r",
      "--as-of",
      "2006-12-31",
    );
    expect(code).toBe(0);
    expect(err).toContain("orders (guessed");
    expect(err).toContain("customer_id=customer_id");
    const table = rows(out);
    expect(table).toHaveLength(995);
    expect(Object.keys(table[0])).toEqual([
      "customer_id",
      "recency_days",
      "frequency",
      "amount",
      "r",
      "f",
      "m",
      "rfm",
      "segment",
      "strategy",
      "tier",
      "issue",
      "note",
      "reason",
      "next_tier",
      "next_step",
    ]);
    const sleep = table.filter((r) => r.segment === "About To Sleep");
    expect(sleep).toHaveLength(102);
    expect(sleep.reduce((s, r) => s + Number(r.frequency), 0)).toBe(283);
    expect(sleep.reduce((s, r) => s + Number(r.amount), 0)).toBe(23449);
  });

  it("writes tier names in Chinese with --lang zh", async () => {
    const { out } = await run(
      "grade",
      data("rfm-orders.csv"),
      "--preset",
      "rfm-r",
      "--as-of",
      "2006-12-31",
      "--lang",
      "zh",
    );
    expect(rows(out).filter((r) => r.tier === "即将沉睡客户")).toHaveLength(102);
  });
});

describe("tier grade on the Online Retail invoices", () => {
  it("puts 1,133 of 4,338 customers in A (the first 80 % of sales)", async () => {
    const { code, out } = await run(
      "grade",
      data("online-retail-invoices.csv"),
      "--preset",
      "abc",
      "--as-of",
      "2011-12-10",
    );
    expect(code).toBe(0);
    const table = rows(out);
    expect(table).toHaveLength(4338);
    expect(table.filter((r) => r.abc === "A")).toHaveLength(1133);
  });

  it("puts the top 1 % (44 customers) at the top of the pyramid, holding 32.0 % of sales", async () => {
    const { out, err } = await run(
      "grade",
      data("online-retail-invoices.csv"),
      "--preset",
      "pyramid",
      "--as-of",
      "2011-12-10",
    );
    const top = rows(out).filter((r) => r.tier === "Top");
    expect(top).toHaveLength(44);
    expect(err).toMatch(/Top\s+44\s+1\.0 %\s+of sales\s+32\.0 %/);
  });

  it("writes JSON with the summary and one object per customer", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "tier-json-"));
    const out = path.join(dir, "r.json");
    const { code } = await run("grade", data("online-retail-invoices.csv"), "--preset", "abc", "--out", out);
    expect(code).toBe(0);
    const json = JSON.parse(readFileSync(out, "utf8"));
    expect(json.rows).toHaveLength(4338);
    expect(json.summary.map((s: { tier: string }) => s.tier)).toEqual(["A", "B", "C"]);
  });
});

describe("tier grade with bad input", () => {
  const sheet = [
    "客户编号,客户名称,累计消费金额（元）,消费次数,最近消费日期,首次消费日期",
    'C001,张三,"1,234.50",3,2025-11-02,2023-05-01',
    "C002,李四,¥300,1,2025/10/1,2025年9月1日",
    "C003,王五,abc,2,2025-09-09,2024-01-01",
    "C004,赵六,,4,2025-08-08,2022-02-02",
    'C005,=HYPERLINK("http://x"),25000,9,2025-12-01,2020-01-01',
    "C006,钱七,#N/A,2,2025-07-07,2024-07-07",
    "C001,重复,500,1,2025-06-06,2025-06-01",
    "C007,孙八,-200,2,2025-05-05,2024-05-05",
    "C008,周九,800,2,2025-05-01,2026-03-01",
  ].join("\n");

  it("grades the good rows, names row and column of each bad one, and never stops", async () => {
    const file = tmp("store.csv", sheet);
    const { code, out, err } = await run(
      "grade",
      file,
      "--preset",
      "membership",
      "--as-of",
      "2025-12-31",
      "--lang",
      "zh",
    );
    expect(code).toBe(0);
    const t = rows(out);
    const by = (id: string) => t.filter((r) => r.customer_id === id);
    expect(by("C002")[0].tier).toBe("新客户");
    expect(by("C003")[0].issue).toBe("累计消费金额（元）：不是数字：“abc”");
    expect(by("C004")[0].issue).toBe("累计消费金额（元）：空白");
    expect(by("C006")[0].issue).toBe("累计消费金额（元）：错误值 #N/A");
    expect(by("C001").map((r) => r.issue)).toEqual([
      "客户编号：客户编号“C001”重复（第 2、8 行）：请修正或合并，系统不会自动合并",
      "客户编号：客户编号“C001”重复（第 2、8 行）：请修正或合并，系统不会自动合并",
    ]);
    expect(by("C001").every((r) => r.tier === "")).toBe(true);
    expect(by("C005")[0].tier).toBe("钻石");
    expect(by("C008")[0].issue).toBe("首次消费日期：日期 2026-03-01 晚于评估基准日 2025-12-31");
    expect(err).toContain("第 4 行：累计消费金额（元）：不是数字");
  });

  it("with --lang zh tells everything in Chinese: only ids, headers, numbers, dates and option names are Latin", async () => {
    const file = tmp("store.csv", sheet);
    const { code, out, err } = await run(
      "grade",
      file,
      "--preset",
      "membership",
      "--as-of",
      "2025-12-31",
      "--lang",
      "zh",
    );
    expect(code).toBe(0);
    const t = rows(out);
    const read = [err, ...t.map((r) => `${r.tier} ${r.issue}`)].join("\n");
    const latin = read
      .replace(/C\d{3}/g, "") // customer ids
      .replace(/=HYPERLINK\("http:\/\/x"\)/g, "") // a customer's name, as typed
      .replace(/#N\/A/g, "") // an Excel error value, as Excel shows it
      .replace(/“[^”]*”/g, "") // a cell as the user typed it
      .replace(/--[a-z]+/g, "") // option names the user types
      .replace(/\bstore\b/g, "") // the file's (sheet's) name
      .match(/[A-Za-z]{2,}/g);
    expect(latin).toBeNull();
  });

  it("writes a customer named =HYPERLINK(...) as text, never as a formula", async () => {
    const file = tmp("store.csv", sheet);
    const { out } = await run("grade", file, "--preset", "membership", "--as-of", "2025-12-31");
    expect(out).toContain(`"'=HYPERLINK(""http://x"")"`);
  });
});

describe("tier grade usage and rules errors", () => {
  it("exits 2 with one readable line for an unknown preset", async () => {
    const { code, err } = await run("grade", data("rfm-orders.csv"), "--preset", "gold");
    expect(code).toBe(2);
    expect(err.trim().split("\n")).toHaveLength(1);
    expect(err).toContain('there is no preset "gold"');
  });

  it("exits 2 naming the field of a bad rule file, as tiers[2].min must be a number", async () => {
    const rules = tmp(
      "rules.json",
      JSON.stringify({
        method: "level",
        name: { zh: "等级", en: "Level" },
        column: "amount",
        tiers: [
          { key: "a", name: { zh: "一", en: "one" }, min: 0 },
          { key: "b", name: { zh: "二", en: "two" }, min: 100 },
          { key: "c", name: { zh: "三", en: "three" }, min: "lots" },
        ],
      }),
    );
    const { code, err } = await run("grade", data("online-retail-invoices.csv"), "--rules", rules);
    expect(code).toBe(2);
    expect(err).toContain("tiers[2].min must be a number");
  });

  it("exits 2 when --map names a header the sheet does not have", async () => {
    const { code, err } = await run(
      "grade",
      data("rfm-orders.csv"),
      "--preset",
      "abc",
      "--map",
      "amount=销售额",
    );
    expect(code).toBe(2);
    expect(err).toMatch(/^tier: .*销售额/);
    expect(err).not.toContain("    at ");
  });

  it("exits 2 for a missing file and for an unknown option, without a stack trace", async () => {
    const a = await run("grade", "nope.csv", "--preset", "abc");
    expect(a.code).toBe(2);
    const b = await run("grade", data("rfm-orders.csv"), "--preset", "abc", "--colour");
    expect(b.code).toBe(2);
    expect(a.err + b.err).not.toContain("    at ");
  });

  it("names a missing file in the language asked for", async () => {
    expect((await run("grade", "nope.csv", "--preset", "abc")).err).toBe(
      'tier: cannot open "nope.csv": no such file\n',
    );
    expect((await run("grade", "nope.csv", "--preset", "abc", "--lang", "zh")).err).toBe(
      "tier: 无法打开「nope.csv」：文件不存在\n",
    );
  });

  it("says a workbook has no visible sheet, and only the command line adds the --sheet hint", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Hidden");
    ws.addRow(["id", "amount"]);
    ws.addRow(["A", 1]);
    ws.state = "hidden";
    const file = tmp("hidden.xlsx", "");
    writeFileSync(file, new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
    const { code, err } = await run("grade", file, "--preset", "abc");
    expect(code).toBe(2);
    expect(err).toBe(
      `tier: "${file}" has no visible sheet: unhide one in Excel\ntier: or name a hidden sheet with --sheet\n`,
    );
  });

  it("lists every preset with its English and Chinese name", async () => {
    const { out } = await run("presets");
    for (const name of [
      "rfm",
      "rfm-r",
      "rfm8",
      "abc",
      "pyramid",
      "membership",
      "lifecycle",
      "scorecard",
      "dealer",
      "grid9",
    ])
      expect(out).toMatch(new RegExp(`^${name} `, "m"));
  });
});
