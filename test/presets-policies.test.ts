/**
 * The presets of issue 14 against their sources (`/work/shared/seeds/`, spec appendix and §Loyalty):
 * each number and name a source gives is quoted beside the assertion that pins it. Thresholds the
 * source does not give are examples (`examples`, "示例门槛") and are only checked to be flagged.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../src/cli/main";
import { parseIsoDay } from "../src/engine/dates";
import { TierError } from "../src/engine/errors";
import { rfmClusters } from "../src/engine/kmeans";
import { tiersOf, type RuleSet } from "../src/engine/methods";
import { preset } from "../src/engine/presets";
import { parseRuleSet } from "../src/engine/ruleset";
import { POLICY_PRESETS } from "../src/engine/presets-policies";
import { tableFromRows } from "../src/engine/table";
import { toSql } from "../src/sql/generate";
import { hasFormulaForm } from "../src/workbook/formulas";
import { gradedWorkbook } from "../src/workbook/file-host";
import { parseXlsx, readWorkbookBytes } from "../src/workbook/files";
import { toCsv } from "../src/workbook/csv-out";
import { policyRows } from "./helpers/policy-table";
import { gradeIn } from "./present";

const asOf = parseIsoDay("2025-12-31");
const table = (headers: string[], rows: unknown[][]) => tableFromRows([headers, ...rows], false, "Sheet1");
const tiersOfRows = (headers: string[], rows: unknown[][], name: string, lang: "zh" | "en" = "zh") =>
  gradeIn(table(headers, rows), preset(name), { asOf, lang, input: "customers" }).columns.tier;
const strategies = (name: string, lang: "zh" | "en") =>
  Object.fromEntries(tiersOf(preset(name)).map((t) => [t.name[lang], t.strategies?.[lang] ?? []]));
const getAt = (v: unknown, p: string): unknown =>
  p
    .split(/[.[\]]/)
    .filter(Boolean)
    .reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], v);

describe("three-level: 重要 / 核心 / 普通 by customer type (source 000, 「(完整版)客户分级管理制度」)", () => {
  it("puts each customer type of the source in its level and lists a type the source does not name", () => {
    // 三、分级标准: "1. 重要客户：包括大型企业、战略合作伙伴等 … 2. 核心客户：包括中小型企业、长期合作客户等 …
    // 3. 普通客户：包括个人客户、新客户等".
    const types = [
      "大型企业",
      "战略合作伙伴",
      "中小型企业",
      "长期合作客户",
      "个人客户",
      "新客户",
      "政府机构",
      "",
    ];
    const result = gradeIn(
      table(
        ["客户编号", "客户类型"],
        types.map((t, i) => [`K${i}`, t]),
      ),
      preset("three-level"),
      { asOf, lang: "zh", input: "customers" },
    );
    expect(result.columns.tier).toEqual([
      "重要客户",
      "重要客户",
      "核心客户",
      "核心客户",
      "普通客户",
      "普通客户",
      null,
      null,
    ]);
    expect(result.problems.map((p) => [p.row, p.code])).toEqual([
      [8, "rules.noMatch"],
      [9, "rules.noMatch"],
    ]);
  });

  it("carries the source's management strategies of each level", () => {
    // 四、管理策略: 重要客户 "(1) 专属服务团队 (2) 个性化定制 (3) 高管关怀"; 核心客户 "(1) 专属客户经理 (2) 定期回访
    // (3) 定期培训"; 普通客户 "(1) 统一服务热线".
    expect(strategies("three-level", "zh")).toEqual({
      重要客户: ["专属服务团队", "个性化定制", "高管关怀"],
      核心客户: ["专属客户经理", "定期回访", "定期培训"],
      普通客户: ["统一服务热线"],
    });
    expect(preset("three-level").examples).toBeUndefined();
  });
});

describe("four-level: 核心 / 重点 / 一般 / 潜在 by value and potential (source 000, 「销售客户分级管理制度」)", () => {
  it("grades a customer with no purchase as 潜在 and flags every amount and potential threshold as an example", () => {
    // 二、制度内容: "根据客户的价值和潜力 … 4.潜在客户 … 他们可能是竞争对手的客户，也可能是市场中的新进入者" (no
    // purchase yet); the source gives no amounts, so every number is 示例门槛.
    const headers = ["客户编号", "销售额", "购买次数", "潜力得分"];
    expect(
      tiersOfRows(
        headers,
        [
          ["a", 0, 0, 5],
          ["b", 250000, 20, 3],
          ["c", 60000, 5, 1],
          ["d", 1000, 2, 5],
          ["e", 1000, 2, 2],
        ],
        "four-level",
      ),
    ).toEqual(["潜在客户", "核心客户", "重点客户", "重点客户", "一般客户"]);
    const rs = preset("four-level");
    expect(rs.examples?.map((p) => getAt(rs, p))).toEqual([200000, 12, 50000, 4]);
  });

  it("carries the source's treatment of each level", () => {
    // "对于核心客户，企业应该建立专门的团队进行关系维护和管理，提供个性化的服务和定制化的产品 … 保持持续的沟通和合作关系";
    // "对于重点客户，企业应该制定专门的营销策略，通过定期的关怀和服务 … 不断拓展合作领域"; "对于一般客户，企业应该提供
    // 标准化的服务和产品，通过优质的品质和合理的价格来吸引客户，加强与客户的沟通和互动"; "对于潜在客户，企业应该通过市场
    // 调研和数据分析等手段 … 制定相应的吸引和留存策略".
    expect(strategies("four-level", "zh")).toEqual({
      核心客户: ["专门团队维护关系", "个性化服务", "定制化产品", "持续沟通与合作"],
      重点客户: ["专门的营销策略", "定期关怀和服务", "拓展合作领域"],
      一般客户: ["标准化服务和产品", "优质品质与合理价格", "加强沟通互动"],
      潜在客户: ["市场调研与数据分析", "制定吸引和留存策略"],
    });
  });
});

describe("senior-mid: 高级 / 中级 / 普通 (source 000, 「客户分级管理（标准版）」)", () => {
  it("tests the source's four criteria, each threshold an example to replace", () => {
    // 一、客户分级的标准: "客户的交易金额、购买频率、购买品类以及长期合作意愿等因素 … 将客户分为高级客户、中级客户和
    // 普通客户三个层次"; no numbers are given.
    const rs = preset("senior-mid") as Extract<RuleSet, { method: "rules" }>;
    expect(rs.rules[0].when.map((c) => c.column)).toEqual(["amount", "frequency", "购买品类数", "合作意愿"]);
    expect(rs.examples).toHaveLength(6);
    expect(
      tiersOfRows(
        ["客户编号", "交易金额", "购买次数", "购买品类数", "合作意愿"],
        [
          ["a", 120000, 15, 4, 5],
          ["b", 120000, 15, 2, 5],
          ["c", 5000, 2, 1, 3],
        ],
        "senior-mid",
      ),
    ).toEqual(["高级客户", "中级客户", "普通客户"]);
  });

  it("carries the source's strategies for 高级 and 中级", () => {
    // 二、"1. 个性化服务 … 2. 优先供应和配送 … 3. 定期拜访和维护 … 4. 售后服务特权"; 三、"1. 维持稳定合作关系 2. 定期
    // 沟通和促销活动 3. 增加附加值服务 … 4. 培养发展潜力".
    const s = strategies("senior-mid", "zh");
    expect(s["高级客户"]).toEqual(["个性化定制服务", "优先供应和配送", "定期拜访和维护", "售后服务特权"]);
    expect(s["中级客户"]).toEqual([
      "维持稳定合作关系",
      "定期沟通和促销活动",
      "增加附加值服务",
      "培养发展潜力",
    ]);
    // "低价值客户则享受基础会员服务" (source 000, the neighbouring passage on service by value).
    expect(s["普通客户"]).toEqual(["基础会员服务"]);
  });
});

describe("loyalty: 满意度 × 复购率 × 推荐 (source 004, 一、5; spec §Loyalty)", () => {
  const headers = ["编号", "满意度", "复购率", "推荐意愿"];

  it("uses the source's five satisfaction levels, three referral levels and the 70 % and 30 % repurchase cuts", () => {
    // "整體的顧客滿意度（可分為很滿意、比較滿意、滿意、不滿意、很不滿意）、重復購買的概率（可分為70%以上，70 - 30%、
    // 30%以下）、推薦給他人的可能性（很大可能、有可能、不可能）".
    const rs = preset("loyalty") as Extract<RuleSet, { method: "rules" }>;
    expect(rs.rules[2].when[0].value).toEqual([
      "很满意",
      "比较满意",
      "满意",
      "不满意",
      "很不满意",
      5,
      4,
      3,
      2,
      1,
    ]);
    expect(rs.rules[0].when[1]).toEqual({ column: "复购率", op: ">", value: 0.7 });
    expect(rs.rules[1].when[0]).toEqual({ column: "复购率", op: "<", value: 0.3 });
    expect(rs.rules[0].when[2].value).toBe("很大可能");
  });

  it("gives the source's two ends and the middle at the edges of the 70 % and 30 % bands", () => {
    // "經常光顧、對菜品和服務很滿意并且愿意推薦給他人的顧客就是高忠誠度的「忠實客戶」，而只來過一次且不太滿意的顧客則屬於
    // 低忠誠度客戶": 71 % is above 70 %, 70 % is not; 29 % is below 30 %, 30 % is not.
    expect(
      tiersOfRows(
        headers,
        [
          ["a", "很满意", 0.71, "很大可能"],
          ["b", "很满意", 0.7, "很大可能"],
          ["c", "很满意", "72%", "有可能"],
          ["d", "不满意", 0.29, "不可能"],
          ["e", "不满意", 0.3, "不可能"],
          ["f", 1, 0.1, "不可能"],
          ["g", "", 0.5, "有可能"],
        ],
        "loyalty",
      ),
    ).toEqual([
      "忠实客户（高忠诚度）",
      "中忠诚度客户",
      "中忠诚度客户",
      "低忠诚度客户",
      "中忠诚度客户",
      "低忠诚度客户",
      null,
    ]);
  });

  it("flags which satisfaction answers count as 不太满意 and the middle as examples", () => {
    const rs = preset("loyalty");
    expect(rs.examples).toEqual(["rules[1].when[1].value", "rules[2].when[0].value"]);
  });
});

describe("walk-in: 散客 vs 会员 普通 / VIP (source 004, 一、8 「按消費次數分類」)", () => {
  it("names the source's three groups, every count and amount an example", () => {
    // "分為散客和會員。散客一般為路過或解決一時之需的顧客，消費次數少，回頭率低 … 會員制分為普通客戶和VIP客戶".
    expect(tiersOf(preset("walk-in")).map((t) => t.name.zh)).toEqual(["VIP会员", "普通会员", "散客"]);
    const rs = preset("walk-in");
    expect(rs.examples?.map((p) => getAt(rs, p))).toEqual([12, 5000, 3]);
    expect(
      tiersOfRows(
        ["客户编号", "消费次数", "累计消费金额"],
        [
          ["a", 1, 80],
          ["b", 5, 900],
          ["c", 20, 9000],
        ],
        "walk-in",
      ),
    ).toEqual(["散客", "普通会员", "VIP会员"]);
  });
});

describe("ladder: 预期 → 合格 → 首购 → 重复 → 忠诚 → 成员 → 拥护者 (source 001, 「客户的形成」)", () => {
  it("has the source's seven rungs in order", () => {
    // "企业希望把合格预期顾客转变成首次购买客户，然后再把满意的首次购买客户转变为重复购买客户 … 把重复购买客户转化为忠诚的
    // 客户 … 把客户转化为成员 … 最终再把成员转化为拥护者".
    expect(
      tiersOf(preset("ladder"))
        .map((t) => t.name.zh)
        .reverse(),
    ).toEqual(["预期顾客", "合格预期顾客", "首次购买客户", "重复购买客户", "忠诚客户", "成员", "拥护者"]);
  });

  it("puts one purchase on 首购 and two on 重复, as the source defines them", () => {
    expect(
      tiersOfRows(
        ["客户编号", "购买次数", "是否合格", "是否成员", "推荐人数"],
        [
          ["a", 0, "否", "否", 0],
          ["b", 0, "是", "否", 0],
          ["c", 1, "是", "否", 0],
          ["d", 2, "是", "否", 0],
          ["e", 6, "是", "否", 0],
          ["f", 6, "是", "是", 0],
          ["g", 6, "是", "是", 2],
        ],
        "ladder",
      ),
    ).toEqual(["预期顾客", "合格预期顾客", "首次购买客户", "重复购买客户", "忠诚客户", "成员", "拥护者"]);
    const rs = preset("ladder");
    expect(rs.examples?.map((p) => getAt(rs, p))).toEqual([1, 5]);
  });

  it("carries the step to the next rung, and the member scheme the source names", () => {
    // "为其提供一套利益相关的成员计划方案"; "拥护者会称赞企业的产品并鼓励其他人也参与购买".
    const s = strategies("ladder", "zh");
    expect(s["成员"]).toContain("提供利益相关的成员计划方案");
    expect(s["拥护者"]).toEqual(["鼓励称赞产品并推荐他人购买"]);
  });
});

describe("kmeans: k-means on RFM (source 003, 「RFM模型的量化应用」)", () => {
  it("separates two obvious groups and ranks the one with the larger mean amount first", () => {
    // Hand example: two customers buy often, lately and much; two bought once, long ago, little.
    const r = rfmClusters([5, 300, 8, 400], [12, 1, 10, 1], [9000, 50, 8000, 40], 2, 1);
    expect(Array.from(r.rank)).toEqual([1, 2, 1, 2]);
    expect(r.centroids[0]).toEqual({ recency: 6.5, frequency: 11, amount: 8500 });
    expect(r.centroids[1]).toEqual({ recency: 350, frequency: 1, amount: 45 });
  });

  it("gives the same clusters for the same seed, and leaves the user's columns as they were", () => {
    const rand = (seed: number) => () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
    const g = rand(7);
    const n = 200;
    const rec = Object.freeze(Array.from({ length: n }, () => Math.floor(g() * 400)));
    const fre = Object.freeze(Array.from({ length: n }, () => 1 + Math.floor(g() * 20)));
    const amt = Object.freeze(Array.from({ length: n }, () => Math.round(g() * 10000)));
    const a = rfmClusters(rec, fre, amt, 4, 1);
    const b = rfmClusters(rec, fre, amt, 4, 1);
    expect(Array.from(a.rank)).toEqual(Array.from(b.rank));
    expect(new Set(a.rank).size).toBe(4);
    for (let i = 1; i < 4; i++) expect(a.centroids[i - 1].amount).toBeGreaterThan(a.centroids[i].amount);
  });

  it("defaults to k = 4 named by value rank, and takes the user's k with rank names", () => {
    const rs = preset("kmeans") as Extract<RuleSet, { method: "kmeans" }>;
    expect(rs.k).toBe(4);
    expect(tiersOf(rs).map((t) => t.name.zh)).toEqual([
      "高价值客户",
      "中高价值客户",
      "中低价值客户",
      "基础客户",
    ]);
    const three = { ...rs, k: 3, tiers: undefined };
    expect(tiersOf(three).map((t) => t.name.en)).toEqual([
      "Cluster 1 (highest value)",
      "Cluster 2",
      "Cluster 3 (lowest value)",
    ]);
  });

  it("carries source 003's strategies per value level: A 专属服务, B 积分升级, C 折扣活动", () => {
    // 第四章: "对于高价值客户（A类），企业需要提供专属服务、优先体验和增值权益。例如，某银行提供「一对一客户经理」"; 第三章:
    // "某电商企业通过「积分升级」策略，将B类客户转化为A类"; "C类客户对「折扣活动」的参与度占90%".
    const s = strategies("kmeans", "zh");
    expect(s["高价值客户"]).toEqual(["专属服务", "一对一客户经理", "优先体验", "增值权益"]);
    expect(s["中高价值客户"][0]).toBe("激励升级（积分升级）");
    expect(s["基础客户"]).toEqual(["折扣活动", "基础服务保障"]);
  });

  it("says why when there are fewer customers than clusters, or names for another k", () => {
    const t = table(
      ["客户编号", "距今天数", "消费次数", "金额"],
      [
        ["a", 1, 2, 3],
        ["b", 4, 5, 6],
      ],
    );
    expect(() => gradeIn(t, preset("kmeans"), { asOf })).toThrow(TierError);
    expect(() => gradeIn(t, preset("kmeans"), { asOf })).toThrow(/at least 4 customers/);
    const rs = { ...(preset("kmeans") as Extract<RuleSet, { method: "kmeans" }>), k: 3 };
    expect(() => parseRuleSet(rs)).toThrow(/k is 3 but 4 cluster names/);
  });

  it("has no SQL form and no formula form, and says so", () => {
    expect(() =>
      toSql(preset("kmeans"), { table: "t", dialect: "duckdb", input: "customers", asOf: "2025-12-31" }),
    ).toThrow(/k-means policy has no SQL form/);
    expect(hasFormulaForm("kmeans")).toBe(false);
  });
});

describe("strategies (策略) in every output", () => {
  it("every new preset gives every tier strategies in both languages", () => {
    for (const name of Object.keys(POLICY_PRESETS)) {
      for (const t of tiersOf(preset(name))) {
        expect(t.strategies?.zh.length, `${name} ${t.key}`).toBeGreaterThan(0);
        expect(t.strategies?.en.length, `${name} ${t.key}`).toBe(t.strategies?.zh.length);
      }
    }
  });

  it("every flagged example points at a threshold of its preset", () => {
    for (const name of Object.keys(POLICY_PRESETS)) {
      const rs = preset(name);
      for (const p of rs.examples ?? []) expect(getAt(rs, p), `${name} ${p}`).not.toBeUndefined();
    }
  });

  it("writes a strategy column in zh and en, in the CSV, and on the summary sheet of the graded workbook", async () => {
    const file = "three-level--business-customers-zh.xlsx";
    const bytes = new Uint8Array(readFileSync(path.resolve(__dirname, "../samples", file)));
    const book = await readWorkbookBytes(bytes, file);
    const sheet = book.sheets[0];
    const t = tableFromRows(sheet.rows, book.date1904, sheet.name);
    const zh = gradeIn(t, preset("three-level"), { asOf, lang: "zh" });
    const en = gradeIn(t, preset("three-level"), { asOf, lang: "en" });
    const i = zh.columns.tier.indexOf("核心客户");
    expect(zh.columns.strategy[i]).toBe("专属客户经理、定期回访、定期培训");
    expect(en.columns.strategy[i]).toBe(
      "a dedicated account manager, regular follow-up calls, regular product training",
    );
    expect(toCsv(zh.keys, zh.columns).split("\n")[0]).toContain("strategy");

    const out = await parseXlsx(await gradedWorkbook(bytes, file, sheet.name, t, zh, "zh"));
    const own = out.sheets.find((s) => s.name === sheet.name)!;
    expect(own.rows[1]).toContain("分级·策略");
    const summary = out.sheets.find((s) => s.name === "分级汇总")!;
    const head = summary.rows.find((r) => r[0] === "等级")!;
    expect(head[5]).toBe("策略");
    const core = summary.rows.find((r) => r[0] === "核心客户")!;
    expect(core[5]).toBe("专属客户经理、定期回访、定期培训");
  });

  it("docs/policies.md marks every threshold of every new preset as from the source or an example", () => {
    const doc = readFileSync(path.resolve(__dirname, "../docs/policies.md"), "utf8");
    for (const name of Object.keys(POLICY_PRESETS))
      for (const row of policyRows(name, preset(name))) expect(doc, name).toContain(row);
  });

  it("tier presets lists every new preset", async () => {
    const out: string[] = [];
    expect(await main(["presets"], { out: (s) => out.push(s), err: () => {} })).toBe(0);
    for (const name of Object.keys(POLICY_PRESETS))
      expect(out.join("")).toMatch(new RegExp(`^${name}\\s`, "m"));
  });
});
