/**
 * Tier retention (保级) at re-evaluation (issue 17): two quarters of store members graded with the
 * membership policy plus keep-bars, compared by `tier history`; customers whose spend fell below
 * their card's threshold but stayed above its keep-bar keep the card, and the change log lists them.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { main } from "../src/cli/main";
import { parseIsoDay } from "../src/engine/dates";
import { grade } from "../src/engine/grade";
import { compareSnapshots, snapshotOf, type Snapshot } from "../src/engine/history";
import { ruleSetSchema, tiersOf, type RuleSet } from "../src/engine/methods";
import { preset } from "../src/engine/presets";
import { retain, retainWith } from "../src/engine/retention";
import { keptTexts } from "../src/i18n/retention";
import { changeRows } from "../src/workbook/write-plan";
import { tableFromRows } from "../src/engine/table";

/** The membership policy with keep-bars: 金卡 kept while spend ≥ 8,000, 银卡 while ≥ 4,000 (the example). */
function withRetention(): RuleSet {
  const rs = preset("membership") as Extract<RuleSet, { method: "rules" }>;
  return ruleSetSchema.parse({ ...rs, retention: { keep: { gold: 8000, silver: 4000 } } });
}

const HEAD = ["会员号", "首次消费日期", "消费次数", "累计消费金额"];
/** Q3 and Q4 spend of five members: M1 and M2 fall below their card but stay above the keep-bar, M3 falls below it. */
const MEMBERS: [string, number, number][] = [
  ["M1", 12000, 8640], // gold → graded silver, 8,640 ≥ 8,000: keeps gold
  ["M2", 6000, 4500], // silver → graded regular, 4,500 ≥ 4,000: keeps silver
  ["M3", 11000, 7000], // gold → silver, 7,000 < 8,000: down
  ["M4", 3000, 6000], // regular → silver: up
  ["M5", 15000, 15000], // gold, same
];

function quarter(which: 1 | 2) {
  const rows = MEMBERS.map(([id, q3, q4]) => [id, "2023-01-05", 5, which === 1 ? q3 : q4]);
  return tableFromRows([HEAD, ...rows], false, "members");
}

function snapshots(rs: RuleSet): { q3: Snapshot[]; q4: Snapshot[] } {
  const q3 = grade(quarter(1), rs, { asOf: parseIsoDay("2025-09-30") });
  const q4 = grade(quarter(2), rs, { asOf: parseIsoDay("2025-12-31") });
  return { q3: snapshotOf(q3, "2025Q3", "membership"), q4: snapshotOf(q4, "2025Q4", "membership") };
}

function csv(snap: readonly Snapshot[]): string {
  const lines = ["period,as_of,method,customer_id,tier,score"];
  for (const s of snap) lines.push(`${s.period},2025-01-01,${s.method},${s.customerId},${s.tier},${s.score}`);
  return lines.join("\n") + "\n";
}

describe("retention at re-evaluation", () => {
  it("retain(…) keeps M1 in gold and M2 in silver, whose spend stayed at or above the keep-bar, and lets M3 go down", () => {
    const rs = withRetention();
    const { q3, q4 } = snapshots(rs);
    // Without retention the grading alone flips M1, M2 and M3 down.
    expect(q4.filter((s) => ["M1", "M2", "M3"].includes(s.customerId)).map((s) => s.tier)).toEqual([
      "silver",
      "regular",
      "silver",
    ]);
    const { current, kept } = retainWith(rs, q4, q3);
    expect(kept.map((k) => [k.customerId, k.tier, k.graded, k.why])).toEqual([
      ["M1", "gold", "silver", "bar"],
      ["M2", "silver", "regular", "bar"],
    ]);
    expect(current.find((s) => s.customerId === "M3")!.tier).toBe("silver");
    expect(current.find((s) => s.customerId === "M4")!.tier).toBe("silver");
  });

  it("`tier history --rules` lists the customers kept by retention in the change log, as unchanged", async () => {
    const rs = withRetention();
    const { q3, q4 } = snapshots(rs);
    const dir = mkdtempSync(path.join(tmpdir(), "tier-retention-"));
    const rules = path.join(dir, "rules.json");
    writeFileSync(rules, JSON.stringify(rs));
    writeFileSync(path.join(dir, "q3.csv"), csv(q3));
    writeFileSync(path.join(dir, "q4.csv"), csv(q4));
    let out = "";
    let err = "";
    const code = await main(
      ["history", path.join(dir, "q4.csv"), path.join(dir, "q3.csv"), "--rules", rules, "--lang", "zh"],
      { out: (s) => (out += s), err: (s) => (err += s) },
    );
    expect(code).toBe(0);
    const rows = Papa.parse<Record<string, string>>(out.replace(/^\uFEFF/, ""), {
      header: true,
      skipEmptyLines: true,
    }).data;
    const by = new Map(rows.map((r) => [r.customer_id, r]));
    expect(by.get("M1")).toMatchObject({ old_tier: "金卡", new_tier: "金卡", change: "不变" });
    expect(by.get("M1")!.retained).toBe("保级：8,640 ≥ 保级线 8,000，保留金卡（本次评定为银卡）");
    expect(by.get("M2")!.retained).toBe("保级：4,500 ≥ 保级线 4,000，保留银卡（本次评定为普通）");
    expect(by.get("M3")).toMatchObject({ change: "降级", retained: "" });
    expect(err).toContain("2 位客户因保级保留原等级");
  });

  it("with periods: 2, a customer below their tier for the first time keeps it, and goes down the second time", () => {
    const tiers = tiersOf(preset("membership"));
    const snap = (period: string, asOf: number, tier: string, score: number): Snapshot => ({
      period,
      asOf,
      method: "membership",
      customerId: "M9",
      tier,
      score,
    });
    const start = (t: string) => ({ gold: 10000, silver: 5000 })[t];
    const q3 = [snap("Q3", 1, "gold", 12000)];
    const q4 = retain([snap("Q4", 2, "silver", 9000)], q3, tiers, { periods: 2 }, start);
    expect(q4.kept).toMatchObject([{ customerId: "M9", tier: "gold", why: "periods", below: 1, periods: 2 }]);
    // Q4 is stored as kept (gold, on 9,000); Q1 is below again: the second period in a row.
    const q1 = retain([snap("Q1", 3, "silver", 9500)], [...q3, ...q4.current], tiers, { periods: 2 }, start);
    expect(q1.kept).toEqual([]);
    expect(q1.current[0].tier).toBe("silver");
  });

  it("a rule set without retention changes nothing", () => {
    const rs = preset("membership");
    const { q3, q4 } = snapshots(rs);
    expect(retainWith(rs, q4, q3)).toEqual({ current: q4, kept: [] });
  });

  it("the change log sheet the pane writes has a 保级 column naming M1 and M2 with their keep-bars, and nobody else", () => {
    const rs = withRetention();
    const { q3, q4 } = snapshots(rs);
    const { current, kept } = retainWith(rs, q4, q3);
    const migration = compareSnapshots(q3, current, tiersOf(rs), "zh");
    const rows = changeRows(migration, "zh", keptTexts(kept, tiersOf(rs), "zh"));
    expect(rows[0].slice(0, 5)).toEqual(["客户编号", "原等级", "新等级", "变动", "保级"]);
    const byId = new Map(rows.slice(1).map((r) => [r[0], r[4]]));
    expect(String(byId.get("M1"))).toContain("8,640");
    expect(String(byId.get("M1"))).toContain("8,000");
    expect(String(byId.get("M2"))).toContain("4,000");
    for (const id of ["M3", "M4", "M5"]) expect(byId.get(id) ?? null).toBeNull();
    // Without anyone kept, the sheet keeps its four columns.
    expect(changeRows(migration, "zh")[0].slice(0, 5)).toEqual([
      "客户编号",
      "原等级",
      "新等级",
      "变动",
      null,
    ]);
  });
});
