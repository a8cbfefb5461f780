/**
 * Strategies (策略) on the presets whose tiers come from the method (RFM, RFM eight classes, lifecycle,
 * nine-grid, stars, CLV) or from a fixed ABC list, carried by the rule set's `strategies` map (issue 14,
 * item 6). Each sourced action is quoted from `/work/shared/seeds/` beside the assertion that pins it;
 * the rest are examples, and docs/strategies.md says which.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../src/cli/main";
import { parseIsoDay } from "../src/engine/dates";
import { tiersOf, type RuleSet } from "../src/engine/methods";
import { PRESET_NAMES, preset } from "../src/engine/presets";
import { STRATEGY_ORIGIN } from "../src/engine/presets-strategies";
import { parseRuleSet } from "../src/engine/ruleset";
import { tableFromRows } from "../src/engine/table";
import { reasonText } from "../src/i18n/reasons";
import { TierError } from "../src/engine/errors";
import { toSql } from "../src/sql/generate";
import { toCsv } from "../src/workbook/csv-out";
import { gradedWorkbook } from "../src/workbook/file-host";
import { parseXlsx, readWorkbookBytes } from "../src/workbook/files";
import { gradeIn } from "./present";

const asOf = parseIsoDay("2025-12-31");
const byName = (name: string, lang: "zh" | "en") =>
  Object.fromEntries(tiersOf(preset(name)).map((t) => [t.name[lang], t.strategies?.[lang] ?? []]));
const byKey = (name: string, lang: "zh" | "en") =>
  Object.fromEntries(tiersOf(preset(name)).map((t) => [t.key, t.strategies?.[lang] ?? []]));
const samples = path.resolve(__dirname, "../samples");

describe("every preset carries actions per tier", () => {
  it("gives every tier of every preset strategies (or, for the store cards, benefits) in both languages", () => {
    for (const name of PRESET_NAMES)
      for (const t of tiersOf(preset(name))) {
        // membership and loreal: the source's actions per card are the benefits column (权益).
        const actions = t.strategies ?? t.benefits;
        expect(actions, `${name} ${t.key}`).toBeDefined();
        if (!t.strategies) continue;
        expect(t.strategies.zh.length, `${name} ${t.key}`).toBeGreaterThan(0);
        expect(t.strategies.en.length, `${name} ${t.key}`).toBe(t.strategies.zh.length);
      }
  });

  it("says for every tier of the method-tier presets whether its actions are sourced or examples", () => {
    for (const [name, origin] of Object.entries(STRATEGY_ORIGIN))
      expect(Object.keys(origin).sort(), name).toEqual(
        tiersOf(preset(name))
          .map((t) => t.key)
          .sort(),
      );
  });

  it("docs/strategies.md lists every tier's actions with their origin (来源 or 示例)", () => {
    const doc = readFileSync(path.resolve(__dirname, "../docs/strategies.md"), "utf8");
    for (const [name, origin] of Object.entries(STRATEGY_ORIGIN))
      for (const t of tiersOf(preset(name))) {
        const mark = origin[t.key] === "source" ? "来源 source" : "示例 example";
        expect(doc, `${name} ${t.key}`).toContain(
          `| ${name} | ${t.name.zh} | ${t.strategies!.zh.join("、")} | ${mark} |`,
        );
      }
  });
});

describe("the sourced actions", () => {
  it("abc: A personal premium service, B latent needs, C general offers (source 004, 三、1)", () => {
    // 004 三、1: "對於高價值的A類客戶，要提供個性化、高端的服務體驗 … 提供定制化的解決方案 … 安排專屬的銷售顧問";
    // "對於B類客戶，要在保持良好服務的基礎上，進一步挖掘他們的潛在需求，提升他們的價值"; "對於C類客戶，可以通過提供一些
    // 普遍性的優惠活動來吸引他們增加消費 … 推出滿減活動".
    expect(byKey("abc", "zh")).toEqual({
      A: ["个性化、高端的服务体验", "专属销售顾问", "定制化的解决方案"],
      B: ["保持良好服务", "挖掘潜在需求，提升价值"],
      C: ["普遍性的优惠活动（如满减）"],
    });
  });

  it("tobacco: core retailers every ten days, the others every half month, on top of the regular calls (source 002, 案例5)", () => {
    // 002 案例5: "客户经理在正常访销以外每旬对核心客户走访一次，对其他客户每半月走访一次".
    for (const name of ["tobacco", "abc-months"]) {
      const s = byKey(name, "zh");
      expect(s.A[0]).toBe("正常访销以外每旬走访一次");
      expect(s.B).toEqual(["正常访销以外每半月走访一次"]);
      expect(s.C).toEqual(["正常访销以外每半月走访一次"]);
    }
  });

  it("scorecard: 4-5 stars renew as strategic partners, 2-3 adjust, 1 does not renew (source 000, 六、七)", () => {
    // 000 招商部「客户管理机制」六、各星级维护形式: "1星为C级维护,合约到期则不再续约 2星-3星为B级维护,做为调整对象(短
    // 续、调位) 4星-5星为A级维护,续约,做为战略联盟对象"; 七: "定期客户访谈,每月一例记录 … 节日问候、客户联谊会".
    const s = byKey("scorecard", "zh");
    expect(s["5"]).toEqual(s["4"]);
    expect(s["5"].slice(0, 2)).toEqual(["A级维护：续约", "作为战略联盟对象"]);
    expect(s["3"]).toEqual(s["2"]);
    expect(s["3"][0]).toBe("B级维护：作为调整对象（短续、调位）");
    expect(s["1"][0]).toBe("C级维护：合约到期则不再续约");
    for (const k of ["5", "4", "3", "2", "1"]) expect(s[k]).toContain("定期客户访谈（每月一例记录）");
  });

  it("lifecycle: loyal double points and first access, prospects coupons, first buyers to repeat buyers (sources 004 and 001)", () => {
    // 004 三、2: "對於忠誠客戶可以給予積分加倍、優先購買新產品等特權，而對於潛在客戶則可以通過發放優惠券等方式吸引他們
    // 嘗試購買產品". 001 「客户的形成」: "再把满意的首次购买客户转变为重复购买客户 … 必须把重复购买客户转化为忠诚的客户".
    const s = byName("lifecycle", "zh");
    expect(s["忠诚"]).toEqual(["积分加倍", "优先购买新产品"]);
    expect(s["潜在"]).toEqual(["发放优惠券，吸引尝试购买"]);
    expect(s["新客户"]).toEqual(["让客户满意", "促成重复购买"]);
    expect(s["一次性"]).toEqual(["让客户满意", "促成重复购买"]);
    expect(s["常规"]).toEqual(["转化为忠诚客户"]);
  });

  it("clv: the active thirds take the value levels' actions (source 003, 第三章 and 第四章)", () => {
    // 003 第四章: "对于高价值客户(A类),企业需要提供专属服务、优先体验和增值权益 … 对于中价值客户(B类),企业需要通过
    // 激励升级、需求满足和社群运营等策略"; 第三章: C类 "性价比需求和基础服务保障", "折扣活动".
    const s = byKey("clv", "zh");
    expect(s.high).toEqual(["专属服务", "优先体验", "增值权益"]);
    expect(s.medium).toEqual(["激励升级", "需求满足", "社群运营"]);
    expect(s.low).toEqual(["折扣活动", "基础服务保障"]);
  });
});

describe("a strategies map on any rule set", () => {
  it("replaces a tier's actions by tier key, and refuses a key the policy has no tier for", () => {
    const rs = {
      ...preset("rfm8"),
      strategies: { "important-value": { zh: ["年度答谢会"], en: ["annual thank-you event"] } },
    } as RuleSet;
    const tiers = tiersOf(parseRuleSet(rs));
    expect(tiers[0].strategies?.zh).toEqual(["年度答谢会"]);
    // The other classes have no entry in this map and no actions of their own.
    expect(tiers[1].strategies).toBeUndefined();
    const bad = { ...rs, strategies: { "important-valu": { zh: ["x"], en: ["x"] } } };
    let error: unknown;
    try {
      parseRuleSet(bad);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(TierError);
    const e = error as TierError;
    expect(e.code).toBe("rules.strategyTier");
    expect(reasonText(e, "zh")).toMatch(
      /^strategies\.important-valu：此政策没有等级 important-valu，现有等级为 important-value、/,
    );
  });
});

describe("the 策略 column on the presets whose tiers come from the method", () => {
  const cases: [string, string][] = [
    ["abc", "abc--tobacco-retailers-zh.xlsx"],
    ["lifecycle", "lifecycle--store-members-zh.xlsx"],
    ["grid9", "grid9--hospital-doctors-zh.xlsx"],
    ["scorecard", "scorecard--mall-tenants-zh.xlsx"],
    ["rfm8", "rfm8--online-orders.xlsx"],
  ];
  for (const [name, file] of cases)
    it(`writes it for ${name} in the result, the CSV and the summary sheet`, async () => {
      const bytes = new Uint8Array(readFileSync(path.join(samples, file)));
      const book = await readWorkbookBytes(bytes, file);
      const sheet = book.sheets[0];
      const t = tableFromRows(sheet.rows, book.date1904, sheet.name);
      const rs = preset(name);
      const zh = gradeIn(t, rs, { asOf, lang: "zh" });
      const i = zh.columns.tier.findIndex((x) => x !== null);
      const tier = tiersOf(rs).find((x) => x.name.zh === zh.columns.tier[i])!;
      expect(zh.columns.strategy[i]).toBe(tier.strategies!.zh.join("、"));
      expect(toCsv(zh.keys, zh.columns).split("\n")[0]).toContain("strategy");

      const out = await parseXlsx(await gradedWorkbook(bytes, file, sheet.name, t, zh, "zh"));
      const summary = out.sheets.find((s) => s.name === "分级汇总")!;
      const head = summary.rows.find((r) => r[0] === "等级")!;
      const col = head.indexOf("策略");
      expect(col).toBeGreaterThan(0);
      const row = summary.rows.find((r) => r[0] === tier.name.zh)!;
      expect(row[col]).toBe(tier.strategies!.zh.join("、"));
    });

  it("prints it from the command line (tier grade --preset lifecycle --lang zh)", async () => {
    let out = "";
    const code = await main(
      [
        "grade",
        path.join(samples, "lifecycle--store-members-zh.xlsx"),
        "--preset",
        "lifecycle",
        "--as-of",
        "2025-12-31",
        "--lang",
        "zh",
      ],
      { out: (s) => (out += s), err: () => {} },
    );
    expect(code).toBe(0);
    expect(out.split("\n")[0]).toContain("strategy");
    expect(out).toContain("积分加倍、优先购买新产品");
  });

  it("gives the SQL form the same column, by tier name", () => {
    const sql = toSql(preset("rfm8"), {
      dialect: "duckdb",
      table: "t",
      input: "customers",
      asOf: "2025-12-31",
      lang: "zh",
    });
    expect(sql).toContain("CASE segment WHEN '重要价值客户' THEN 'VIP 专属服务、优先体验新品'");
  });
});
