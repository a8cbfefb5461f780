import { tiersOf, type TierInfo } from "../src/engine/methods";
import { describe, expect, it } from "vitest";
import { preset } from "../src/engine/presets";
import { compareSnapshots, latestTwo, tierOrder, CHANGE_LABELS, type Snapshot } from "../src/engine/history";
import {
  benefitTexts,
  DEFAULT_TEMPLATES,
  draftMessage,
  mailtoLink,
  notificationList,
  phoneText,
  smsCsv,
} from "../src/engine/notify";
import fc from "fast-check";

const snap = (customerId: string, tier: string) => ({ customerId, tier });
/** Tiers named by their keys, best first, as a custom `--order` gives them. */
const order = (...keys: string[]): TierInfo[] =>
  keys.map((key) => ({ key, name: { zh: key, en: key }, colour: "#000000" }));

describe("compareSnapshots", () => {
  const previous = Object.freeze([snap("C1", "B"), snap("C2", "B"), snap("C3", "B"), snap("C4", "A")]);
  const current = Object.freeze([snap("C1", "A"), snap("C2", "C"), snap("C3", "B"), snap("C5", "C")]);
  const m = compareSnapshots(previous, current, order("A", "B", "C"));

  it("compareSnapshots names each change by tier order: up, down, same, new and gone", () => {
    expect(m.changes).toEqual([
      { customerId: "C1", old: "B", new: "A", change: "up" },
      { customerId: "C2", old: "B", new: "C", change: "down" },
      { customerId: "C3", old: "B", new: "B", change: "same" },
      { customerId: "C5", new: "C", change: "new" },
      { customerId: "C4", old: "A", change: "gone" },
    ]);
    expect(m.counts).toEqual({ new: 1, up: 1, down: 1, same: 1, gone: 1 });
  });

  it("compareSnapshots counts from × to with a (none) row for new customers and a (none) column for gone ones", () => {
    expect(m.from).toEqual(["A", "B", "C", "(none)"]);
    expect(m.matrix).toEqual([
      [0, 0, 0, 1],
      [1, 1, 1, 0],
      [0, 0, 0, 0],
      [0, 0, 1, 0],
    ]);
  });

  it("compareSnapshots labels change kinds 新增 / 升级 / 降级 / 不变 / 移出", () => {
    expect(["new", "up", "down", "same", "gone"].map((k) => CHANGE_LABELS[k as "new"].zh)).toEqual([
      "新增",
      "升级",
      "降级",
      "不变",
      "移出",
    ]);
    expect(compareSnapshots([], [snap("C1", "A")], order("A"), "zh").from).toEqual(["A", "（无）"]);
  });

  it("compareSnapshots refuses a tier the policy does not have and a customer listed twice", () => {
    expect(() => compareSnapshots([snap("C1", "金卡")], [], order("A", "B"))).toThrow(
      /tier 金卡, which is not one of A, B/,
    );
    expect(() => compareSnapshots([], [snap("C1", "A"), snap("C1", "B")], order("A", "B"))).toThrow(
      /C1 twice/,
    );
  });

  it("the matrix adds up to the customers of both evaluations, its rows to the previous tiers and its columns to the current ones", () => {
    const tiers = ["钻石", "金卡", "银卡", "普通", "新客户"];
    const evaluation = fc.dictionary(fc.string({ minLength: 1, maxLength: 3 }), fc.constantFrom(...tiers), {
      maxKeys: 60,
    });
    fc.assert(
      fc.property(evaluation, evaluation, (a, b) => {
        const prev = Object.entries(a).map(([id, t]) => snap(id, t));
        const cur = Object.entries(b).map(([id, t]) => snap(id, t));
        const r = compareSnapshots(prev, cur, order(...tiers));
        const union = new Set([...Object.keys(a), ...Object.keys(b)]);
        const total = r.matrix.flat().reduce((s, x) => s + x, 0);
        expect(total).toBe(union.size);
        expect(r.changes).toHaveLength(union.size);
        tiers.forEach((t, i) => {
          expect(r.matrix[i].reduce((s, x) => s + x, 0)).toBe(prev.filter((p) => p.tier === t).length);
          expect(r.matrix.reduce((s, row) => s + row[i], 0)).toBe(cur.filter((p) => p.tier === t).length);
        });
        expect(r.matrix[tiers.length][tiers.length]).toBe(0);
      }),
      { numRuns: 200, seed: 3 },
    );
  });
});

describe("tier order and snapshots", () => {
  it("tierOrder puts the membership cards best first, 钻石 to 新客户, as grade reports them", () => {
    expect(tierOrder(preset("membership"), "zh")).toEqual(["钻石", "金卡", "银卡", "普通", "新客户"]);
    expect(tierOrder(preset("abc"), "en")).toEqual(["A", "B", "C"]);
    expect(tierOrder(preset("scorecard"), "en")[0]).toBe("5 stars");
  });

  it("latestTwo picks the latest evaluation of a method and the one before it", () => {
    const s = (period: string, asOf: number, method = "membership"): Snapshot => ({
      period,
      asOf,
      method,
      customerId: "C1",
      tier: "金卡",
      score: null,
    });
    const h = [s("2025Q2", 20269), s("2025Q3", 20361), s("2025Q4", 20453), s("x", 20500, "abc")];
    const { current, previous } = latestTwo(h, "membership");
    expect(current[0].period).toBe("2025Q4");
    expect(previous![0].period).toBe("2025Q3");
  });
});

describe("notifications", () => {
  it("draftMessage fills {name}, {tier}, {old_tier} and {benefits} and leaves other braces alone", () => {
    expect(
      draftMessage(DEFAULT_TEMPLATES.zh.up, {
        name: "王芳",
        tier: "金卡",
        old_tier: "银卡",
        benefits: "免费配送服务",
      }),
    ).toBe("尊敬的王芳：恭喜您由银卡升级为金卡，您可享受：免费配送服务。");
    expect(draftMessage("{name} {", { name: "{tier}", tier: "A" })).toBe("{tier} {");
  });

  it("draftMessage reads a Chinese template's {姓名}, {等级}, {原等级}, {权益} as name, tier, old tier, benefits", () => {
    const fields = { name: "王芳", tier: "金卡", old_tier: "银卡", benefits: "专属客服" };
    expect(draftMessage(DEFAULT_TEMPLATES.zh.up, fields)).toBe(
      "尊敬的王芳：恭喜您由银卡升级为金卡，您可享受：专属客服。",
    );
  });

  it("draftMessage names the placeholders when a template has a misspelt one", () => {
    expect(() => draftMessage("Dear {nmae}", {})).toThrow(
      /\{nmae\}; the placeholders, each in braces: name, tier/,
    );
  });

  it("benefitTexts gives each card its own and the lower cards' benefits (除普通客户权益外)", () => {
    expect(benefitTexts(preset("membership"), "zh")["银卡"]).toBe(
      "会员价格、积分累计、生日礼包、优先预约服务",
    );
    expect(benefitTexts(preset("abc"), "zh")).toEqual({});
  });

  it("mailtoLink percent-encodes Chinese text as UTF-8 and line breaks as %0D%0A (RFC 6068)", () => {
    // 金卡 = E9 87 91 E5 8D A1 in UTF-8.
    expect(mailtoLink("wang.fang@example.com", "金卡", "您好\n再见 !")).toBe(
      "mailto:wang.fang@example.com?subject=%E9%87%91%E5%8D%A1&body=%E6%82%A8%E5%A5%BD%0D%0A%E5%86%8D%E8%A7%81%20%21",
    );
    expect(decodeURIComponent(mailtoLink("a@b.cn", "x", "尊敬的王芳").split("body=")[1])).toBe("尊敬的王芳");
    expect(mailtoLink("a+b@example.com", "", "")).toBe("mailto:a%2Bb@example.com");
    expect(() => mailtoLink("not an address", "", "")).toThrow(/not an e-mail address/);
  });

  it("smsCsv writes phone,message as UTF-8 with a BOM, phones as quoted text with leading zeros and + kept", () => {
    const csv = smsCsv([
      { phone: 13800138000, message: "您好" },
      { phone: "0755-8888 6666", message: 'say "hi"' },
      { phone: "+8613900000000", message: "x" },
      { phone: "", message: "no phone" },
    ]);
    expect(csv).toBe(
      '\uFEFF"phone","message"\r\n"13800138000","您好"\r\n"075588886666","say ""hi"""\r\n"+8613900000000","x"\r\n',
    );
    expect(phoneText(13800138000)).toBe("13800138000");
  });

  it("notificationList writes one message per new, up or down customer, with a mailto link where there is an address", () => {
    const m = compareSnapshots(
      [snap("C1", "银卡"), snap("C2", "金卡"), snap("C3", "普通"), snap("C4", "普通")],
      [snap("C1", "金卡"), snap("C2", "银卡"), snap("C3", "普通"), snap("C5", "新客户")],
      tiersOf(preset("membership")),
      "zh",
    );
    const contacts = new Map([
      ["C1", { name: "王芳", phone: "13800138000", email: "wang@example.com" }],
      ["C2", { name: "李强", phone: 13900000000 }],
    ]);
    const list = notificationList(m.changes, contacts, {
      lang: "zh",
      benefits: benefitTexts(preset("membership"), "zh"),
    });
    expect(list.map((n) => [n.customerId, n.change])).toEqual([
      ["C1", "up"],
      ["C2", "down"],
      ["C5", "new"],
    ]);
    expect(list[0].message).toBe(
      "尊敬的王芳：恭喜您由银卡升级为金卡，您可享受：会员价格、积分累计、生日礼包、优先预约服务、免费配送服务、专属客服。",
    );
    expect(list[0].mailto.startsWith("mailto:wang@example.com?subject=")).toBe(true);
    expect(list[1].phone).toBe("13900000000");
    expect(list[1].mailto).toBe("");
    expect(list[2].message).toContain("尊敬的C5");
  });
});
