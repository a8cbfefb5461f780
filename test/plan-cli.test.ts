import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { main } from "../src/cli/main";
import { demoHistory } from "../src/cli/history";
import { parseHolidays } from "../src/engine/holidays";
import { compareSnapshots } from "../src/engine/history";
import { planVisits, workingDays } from "../src/engine/visits";
import type { CellOut, SheetWriteRequest, WorkbookHost } from "../src/workbook/host";
import { appendHistory, writeChanges, writeNotifications, writePlan } from "../src/workbook/write-plan";

async function run(...argv: string[]) {
  let out = "";
  let err = "";
  const code = await main(argv, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

const rows = (csv: string) =>
  Papa.parse<Record<string, string>>(csv.replace(/^\uFEFF/, ""), { header: true, skipEmptyLines: true }).data;

const dir = mkdtempSync(path.join(tmpdir(), "tier-plan-"));
const file = (name: string, text: string) => {
  const p = path.join(dir, name);
  writeFileSync(p, text);
  return p;
};

/** 24 retailers, 2 managers, 2 areas each, sales falling with the number so ABC gives A, B and C. */
function retailersCsv(bump: (i: number) => number = () => 0): string {
  const lines = ["客户编号,客户名称,客户经理,片区,路序,销售额"];
  for (let i = 1; i <= 24; i++) {
    const manager = i <= 12 ? "张伟" : "李娜";
    const area = `${manager === "张伟" ? "城东" : "城西"}${(i - 1) % 12 < 6 ? "一" : "二"}片`;
    lines.push(
      `R${String(i).padStart(3, "0")},零售户${i},${manager},${area},${((i - 1) % 6) + 1},${Math.round(10000 / i) + bump(i)}`,
    );
  }
  return lines.join("\n") + "\n";
}

describe("tier plan", () => {
  it("tier plan writes date, customer_id, tier, visit, visits, manager, area, route_order for every visit of the month", async () => {
    const input = file("retailers.csv", retailersCsv());
    const holidays = file(
      "holidays.txt",
      "date\n2025-10-01\n2025-10-02\n2025-10-03\n2025-10-06\n2025-10-07\n2025-10-08\n2025-10-11,上班\n",
    );
    const out = path.join(dir, "plan.csv");
    const r = await run(
      "plan",
      input,
      "--preset",
      "abc",
      "--month",
      "2025-10",
      "--holidays",
      holidays,
      "--out",
      out,
    );
    expect(r.code).toBe(0);
    expect(r.err).toContain("2025-10: 18 working days");
    const text = readFileSync(out, "utf8");
    expect(text.startsWith("\uFEFFdate,customer_id,tier,visit,visits,manager,area,route_order\r\n")).toBe(
      true,
    );
    const plan = rows(text);
    const per = new Map<string, Record<string, string>[]>();
    for (const v of plan) per.set(v.customer_id, [...(per.get(v.customer_id) ?? []), v]);
    expect(per.size).toBe(24);
    for (const list of per.values()) {
      expect(list).toHaveLength(Number(list[0].visits));
      expect(list.map((v) => v.visit)).toEqual(list.map((_, k) => String(k + 1)));
      expect({ A: "4", B: "2", C: "1" }[list[0].tier]).toBe(list[0].visits);
    }
    expect(plan.every((v) => v.date >= "2025-10-09")).toBe(true);
    // Printed per manager, then by date.
    const firstLi = plan.findIndex((v) => v.manager === "李娜");
    expect(plan.slice(firstLi).every((v) => v.manager === "李娜")).toBe(true);
    const zhang = plan.slice(0, firstLi).map((v) => v.date);
    expect([...zhang].sort()).toEqual(zhang);
  });

  it("tier plan takes edited visits per tier and writes JSON with the summary", async () => {
    const input = file("retailers2.csv", retailersCsv());
    const out = path.join(dir, "plan.json");
    const r = await run(
      "plan",
      input,
      "--preset",
      "abc",
      "--month",
      "2025-11",
      "--days",
      "mon-sat",
      "--visits",
      "C=0",
      "--out",
      out,
    );
    expect(r.code).toBe(0);
    const json = JSON.parse(readFileSync(out, "utf8"));
    expect(json.workingDays).toHaveLength(25);
    expect(json.visitsPerTier).toEqual({ A: 4, B: 2, C: 0 });
    expect(json.summary.priority.share).toBe(1);
    expect(json.visits.every((v: { tier: string }) => v.tier !== "C")).toBe(true);
  });

  it("tier plan exits 2 with one line for a missing month, a bad --days and a bad holidays line", async () => {
    const input = file("retailers3.csv", retailersCsv());
    for (const args of [
      ["--preset", "abc"],
      ["--preset", "abc", "--month", "2025-10", "--days", "weekdays"],
      ["--preset", "abc", "--month", "2025-10", "--holidays", file("bad.txt", "2025-10-01\n10/2/2025\n")],
    ]) {
      const r = await run("plan", input, ...args);
      expect(r.code).toBe(2);
      expect(r.err.trim().split("\n")).toHaveLength(1);
    }
    expect(() => parseHolidays("2025-10-01\n10/2/2025\n", "h.txt")).toThrow(
      /h.txt, line 2: "10\/2\/2025" is not a date/,
    );
  });

  it("tier plan --lang zh prints its summary and its mistakes in Chinese: only ids, tiers, dates and option names are Latin", async () => {
    const input = file("retailers-zh.csv", retailersCsv());
    const r = await run(
      "plan",
      input,
      "--preset",
      "abc",
      "--month",
      "2025-10",
      "--lang",
      "zh",
      "--out",
      path.join(dir, "zh.csv"),
    );
    expect(r.code).toBe(0);
    // With --lang zh the calendar is China's: 国庆 10-01..10-08 are off, 10-11 (a Saturday) is worked.
    expect(r.err).toContain("2025-10：18 个工作日");
    const bad = await run(
      "plan",
      input,
      "--preset",
      "abc",
      "--month",
      "2025-10",
      "--days",
      "weekdays",
      "--lang",
      "zh",
    );
    expect(bad.err).toBe("tier: --days 必须是 mon-fri 或 mon-sat（收到“weekdays”）\n");
    const latin = (r.err + bad.err)
      .replace(/^tier: /gm, "")
      .replace(/“[^”]*”/g, "") // a value as the user typed it
      .replace(/--[a-z]+|mon-fri|mon-sat/g, "") // options and their values, as the user types them
      .match(/[A-Za-z]{2,}/g);
    expect(latin).toBeNull();
  });
});

describe("tier history", () => {
  it("tier history compares two tier grade outputs, prints the migration matrix and writes the change list", async () => {
    const q3 = path.join(dir, "q3.csv");
    const q4 = path.join(dir, "q4.csv");
    expect((await run("grade", file("q3-in.csv", retailersCsv()), "--preset", "abc", "--out", q3)).code).toBe(
      0,
    );
    // R020 jumps to the top, which pushes others down.
    expect(
      (
        await run(
          "grade",
          file(
            "q4-in.csv",
            retailersCsv((i) => (i === 20 ? 20000 : 0)),
          ),
          "--preset",
          "abc",
          "--out",
          q4,
        )
      ).code,
    ).toBe(0);
    const out = path.join(dir, "changes.csv");
    const r = await run("history", q4, q3, "--out", out);
    expect(r.code).toBe(0);
    expect(r.err).toContain("tier order of the abc preset");
    expect(r.out).toMatch(/^from \\ to/);
    expect(r.out).toContain("total");
    const changes = rows(readFileSync(out, "utf8"));
    expect(Object.keys(changes[0])).toEqual(["customer_id", "old_tier", "new_tier", "change"]);
    expect(changes).toHaveLength(24);
    expect(changes.find((c) => c.customer_id === "R020")).toEqual({
      customer_id: "R020",
      old_tier: "B",
      new_tier: "A",
      change: "up",
    });
    expect(changes.some((c) => c.change === "down")).toBe(true);
  });

  it("tier history without --out writes the change list to stdout in Chinese with --lang zh", async () => {
    const prev = file(
      "prev.csv",
      "period,as_of,method,customer_id,tier,score\n2025Q3,2025-09-30,membership,M1,银卡,6000\n2025Q3,2025-09-30,membership,M2,普通,100\n",
    );
    const cur = file("cur.csv", "customer_id,tier,issue\nM1,金卡,\nM3,新客户,\nM4,,bad date\n");
    const r = await run("history", cur, prev, "--lang", "zh");
    expect(r.code).toBe(0);
    expect(rows(r.out)).toEqual([
      { customer_id: "M1", old_tier: "银卡", new_tier: "金卡", change: "升级" },
      { customer_id: "M3", old_tier: "", new_tier: "新客户", change: "新增" },
      { customer_id: "M2", old_tier: "普通", new_tier: "", change: "移出" },
    ]);
    expect(r.err).toContain("升级 1");
    // Chinese counts are separated by the full-width comma.
    expect(r.err).toMatch(/新增 1，升级 1，降级 0/);
  });

  it("tier history exits 2 when it cannot tell which tier is better", async () => {
    const a = file("a.csv", "customer_id,tier\nC1,platinum\n");
    const r = await run("history", a, a);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/give --preset NAME, --rules FILE.json or --order/);
    expect((await run("history", a, a, "--order", "platinum,gold")).code).toBe(0);
  });

  it("demoHistory grades two quarters of the store members and writes history, changes, notifications and the SMS list", async () => {
    const outDir = path.join(dir, "demo");
    let out = "";
    expect(await demoHistory(outDir, { out: (s) => (out += s), err: () => {} })).toBe(0);
    expect(out).toContain("2025-09-30 → 2025-12-31");
    const history = rows(readFileSync(path.join(outDir, "history.csv"), "utf8"));
    expect(new Set(history.map((h) => h.period))).toEqual(new Set(["2025Q3", "2025Q4"]));
    expect(readFileSync(path.join(outDir, "sms.csv"), "utf8").startsWith('\uFEFF"phone","message"')).toBe(
      true,
    );
    const notes = rows(readFileSync(path.join(outDir, "notifications.csv"), "utf8"));
    expect(notes.length).toBeGreaterThan(0);
    expect(notes.every((n) => n.message.length > 0)).toBe(true);
  });
});

/** An in-memory WorkbookHost: sheets as rows, appendRows only ever adds. */
function memoryHost() {
  const sheets = new Map<string, CellOut[][]>();
  const requests: SheetWriteRequest[] = [];
  const host: WorkbookHost = {
    listSheets: async () => ({ sheets: [...sheets.keys()], active: "" }),
    readSheet: async () => {
      throw new Error("not used");
    },
    writeColumns: async () => {
      throw new Error("not used");
    },
    writeSheet: async (r) => {
      requests.push(r);
      sheets.set(r.name, r.rows);
    },
    appendRows: async (name, header, add) => {
      sheets.set(name, [...(sheets.get(name) ?? [header]), ...add]);
    },
    addParetoChart: async () => {},
    saveSetting: async () => {},
    loadSetting: async () => null,
    selectCell: async () => {},
  };
  return { host, sheets, requests };
}

describe("writing plans and history into a workbook", () => {
  it("writePlan writes the plan with real dates and weekdays, and a summary with each manager's busiest and quietest day", async () => {
    const { host, sheets, requests } = memoryHost();
    const days = workingDays(2025, 10);
    const customers = [
      {
        id: "R1",
        tier: "A",
        visits: 4,
        manager: "张伟",
        area: "城东",
        routeOrder: 1,
        contact: "13800138000",
      },
      { id: "R2", tier: "C", visits: 1, manager: "张伟", area: "城东", routeOrder: 2 },
    ];
    const plan = planVisits(customers, days, { tierOrder: ["A", "B", "C"] });
    await writePlan(host, plan, customers, "zh");
    const rowsOut = sheets.get("拜访计划")!;
    expect(rowsOut[0]).toEqual([
      "日期",
      "星期",
      "客户经理",
      "片区",
      "路序",
      "客户编号",
      "客户名称",
      "等级",
      "第几次",
      "联系方式",
    ]);
    expect(rowsOut).toHaveLength(6);
    expect(rowsOut[1][0]).toEqual({ date: days[0] });
    expect(rowsOut[1][1]).toBe("周三");
    expect(rowsOut[1][8]).toBe("1/4");
    expect(requests[0].formats?.[0]).toBe("yyyy-mm-dd");
    const summary = sheets.get("拜访汇总")!;
    expect(summary.find((r) => r[0] === "张伟")?.slice(1, 3)).toEqual([2, 5]);
  });

  it("appendHistory only ever adds rows, so two quarters sit one under the other", async () => {
    const { host, sheets } = memoryHost();
    const s = (period: string, asOf: number) => [
      { period, asOf, method: "abc", customerId: "C1", tier: "A", score: 1 },
    ];
    await appendHistory(host, s("2025Q3", 20361), "en");
    await appendHistory(host, s("2025Q4", 20453), "en");
    expect(sheets.get("Tier history")!.map((r) => r[0])).toEqual(["period", "2025Q3", "2025Q4"]);
    expect(sheets.get("Tier history")![1][1]).toEqual({ date: 20361 });
  });

  it("writeChanges and writeNotifications write the change list with the matrix beside it, and the messages with mailto links as text", async () => {
    const { host, sheets } = memoryHost();
    const m = compareSnapshots(
      [{ customerId: "C1", tier: "B" }],
      [{ customerId: "C1", tier: "A" }],
      ["A", "B"].map((key) => ({ key, name: { zh: key, en: key }, colour: "#000000" })),
      "zh",
    );
    await writeChanges(host, m, "zh");
    const ch = sheets.get("等级变动")!;
    expect(ch[1].slice(0, 4)).toEqual(["C1", "B", "A", "升级"]);
    expect(ch[0].slice(5)).toEqual(["原等级 \\ 新等级", "A", "B", "（无）", "合计"]);
    await writeNotifications(
      host,
      [
        {
          customerId: "C1",
          name: "王芳",
          change: "up",
          oldTier: "B",
          tier: "A",
          message: "您好",
          phone: "13800138000",
          email: "a@b.cn",
          mailto: "mailto:a@b.cn?body=%E6%82%A8%E5%A5%BD",
        },
      ],
      "zh",
    );
    const n = sheets.get("客户通知")!;
    expect(n[1]).toEqual([
      "C1",
      "王芳",
      "升级",
      "B",
      "A",
      "13800138000",
      "a@b.cn",
      "您好",
      "mailto:a@b.cn?body=%E6%82%A8%E5%A5%BD",
    ]);
  });
});
