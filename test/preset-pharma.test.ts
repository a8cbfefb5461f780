import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../src/cli/main";
import { parseIsoDay } from "../src/engine/dates";
import { tiersOf } from "../src/engine/methods";
import { preset } from "../src/engine/presets";
import { tableFromRows } from "../src/engine/table";
import { allocateVisits, priorityCoverage, type RangeCustomer } from "../src/engine/visit-ranges";
import type { TargetRow } from "../src/engine/targets";
import type { WorkbookHost } from "../src/workbook/host";
import { writeTargets } from "../src/workbook/write-targets";
import { gradeIn } from "./present";

/**
 * Seed 000, 客户分级管理(PPT33页), 拜访客户目标: "拜访到的优先客户的百分比 ≥60% 10-12个 … A:4-6次/月 B:2-4次/月
 * C:0-2次/月 九宫格与狙击手表管理"; who does not count: "三级医院无处方权医师（如住院医师不能处方高端产品，门诊药不在内）
 * – 二级医院非主诊科室的主治医师以下 – 一级医院除了院长、个别特殊有价值医师".
 */
const PHARMA = preset("pharma");
if (PHARMA.method !== "grid") throw new Error("pharma is a nine-grid");
const asOf = parseIsoDay("2025-12-31");

const HEADER = ["医生编号", "医院等级", "主诊科室", "职称", "职务", "处方权", "处方潜力", "当前处方量"];

describe("the pharma preset (seed 000)", () => {
  it("pharma visits A cells 4–6 times a month, B 2–4, C 0–2", () => {
    const range = Object.fromEntries(tiersOf(PHARMA).map((t) => [t.key, [t.visits, t.maxVisits]]));
    for (const c of ["A1", "A2", "A3"]) expect(range[c]).toEqual([4, 6]);
    for (const c of ["B1", "B2", "B3"]) expect(range[c]).toEqual([2, 4]);
    for (const c of ["C1", "C2", "C3"]) expect(range[c]).toEqual([0, 2]);
    expect(PHARMA.capacity).toBe(10);
    expect(PHARMA.coverageTarget).toBe(0.6);
    expect(PHARMA.priority).toEqual(["A1", "A2", "A3"]);
  });

  it("pharma leaves out, before the cut points, every doctor an eligibility rule excludes and names the rule", () => {
    const rows = [
      HEADER,
      ["D1", "三级", "是", "住院医师", "", "无", 1000, 1000], // 三级医院无处方权医师
      ["D2", "二级", "否", "主治医师", "", "有", 1000, 1000], // 二级医院非主诊科室的主治医师以下
      ["D3", "一级", "是", "主任医师", "", "有", 1000, 1000], // 一级医院除了院长
      ["D4", "一级", "是", "主任医师", "院长", "有", 90, 90],
      ["D5", "二级", "是", "主治医师", "", "有", 60, 60],
      ["D6", "三级", "是", "主任医师", "", "有", 30, 30],
    ];
    const r = gradeIn(tableFromRows(rows, false, "医生"), PHARMA, { asOf, input: "customers", lang: "zh" });
    expect(r.columns.issue.slice(0, 3)).toEqual([
      "不计入（准入规则）：三级医院无处方权医师",
      "不计入（准入规则）：二级医院非主诊科室的主治医师以下",
      "不计入（准入规则）：一级医院除院长外",
    ]);
    // The three who count are cut among themselves: the 1000s of the excluded are in no tercile.
    expect(r.tierKeys).toEqual([null, null, null, "A1", "B2", "C3"]);
    const en = gradeIn(tableFromRows(rows, false, "医生"), PHARMA, { asOf, input: "customers" });
    expect(en.columns.issue[0]).toBe("not counted (eligibility): tertiary hospital, no prescribing right");
  });

  it("allocateVisits gives everyone its least in priority order, then adds up to the most while capacity allows", () => {
    // One representative, 20 working days, 1 call a day: 20 calls. Least: A 4 × 3 + B 2 × 3 = 18;
    // then the first A (largest value) gets 2 more; nothing is left for the others or for C.
    const c = (tier: string, min: number, max: number, value: number): RangeCustomer => ({
      tier,
      min,
      max,
      value,
    });
    const list = [
      c("B", 2, 4, 5),
      c("A", 4, 6, 1),
      c("A", 4, 6, 9),
      c("C", 0, 2, 7),
      c("A", 4, 6, 3),
      c("B", 2, 4, 2),
      c("B", 2, 4, 1),
    ];
    expect(Array.from(allocateVisits(list, 20, 1, ["A", "B", "C"]))).toEqual([2, 4, 6, 0, 4, 2, 2]);
  });

  it("priorityCoverage reports the share of priority doctors with their least visits against 60 % and lists the others", () => {
    const list: RangeCustomer[] = [0, 1, 2].map((k) => ({ tier: "A1", min: 4, max: 6, value: 3 - k }));
    // 5 calls in the month: the first A gets 4 (then 1 more), the other two none.
    const visits = allocateVisits(list, 5, 1, ["A1"]);
    expect(Array.from(visits)).toEqual([5, 0, 0]);
    const cov = priorityCoverage(list, visits, ["A1"], 0.6);
    expect(cov).toMatchObject({ customers: 3, covered: 1, met: false, uncovered: [1, 2] });
    expect(cov.share).toBeCloseTo(1 / 3, 12);
  });
});

describe("tier plan with the pharma preset", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "tier-pharma-"));
  const sample = path.resolve(import.meta.dirname, "..", "samples", "pharma--hospital-doctors-zh.xlsx");

  it("tier plan schedules within 10 calls a day by default, reports coverage against 60 % and writes the target list (狙击手表)", async () => {
    const out = path.join(dir, "plan.json");
    const targets = path.join(dir, "targets.csv");
    let err = "";
    const args = ["plan", sample, "--preset", "pharma", "--month", "2026-01", "--holidays", "none"];
    const code = await main([...args, "--out", out, "--targets", targets], {
      out: () => {},
      err: (s) => (err += s),
    });
    expect(code).toBe(0);
    const json = JSON.parse(readFileSync(out, "utf8"));
    expect(json.capacity).toBe(10);
    expect(json.coverage.target).toBe(0.6);
    const perDay = new Map<string, number>();
    for (const v of json.visits as { date: string; manager: string }[])
      perDay.set(`${v.manager} ${v.date}`, (perDay.get(`${v.manager} ${v.date}`) ?? 0) + 1);
    expect(Math.max(...perDay.values())).toBeLessThanOrEqual(10);
    expect(err).toMatch(
      /priority customers \(Key account: maintain, High potential: grow, High potential: win\) covered/,
    );
    const lines = readFileSync(targets, "utf8")
      .replace(/^\uFEFF/, "")
      .trim()
      .split(/\r?\n/);
    expect(lines[0]).toBe("customer_id,name,cell,tier,planned_visits,last_visit");
    expect(lines.length - 1).toBe(json.coverage.customers);
    expect(lines[1]).toMatch(/^YS\d{4},.+,A[123],.+,\d+,2025-\d\d-\d\d$/);
  });

  it("tier plan with too few calls a day says the 60 % target is missed and lists the priority doctors not covered", async () => {
    let err = "";
    const code = await main(
      ["plan", sample, "--preset", "pharma", "--month", "2026-01", "--holidays", "none", "--capacity", "1"],
      { out: () => {}, err: (s) => (err += s) },
    );
    expect(code).toBe(0);
    expect(err).toMatch(/below the target of 60 % with at most 1 calls a day/);
    expect(err).toMatch(/not covered: YS\d{4}/);
  });
});

describe("the target list sheet (狙击手表)", () => {
  it("writeTargets writes the priority doctors with their cell, planned visits and last visit as a real date", async () => {
    const written: { name: string; rows: unknown[][] }[] = [];
    const host = {
      writeSheet: async (req: { name: string; rows: unknown[][] }) => {
        written.push(req);
      },
    } as unknown as WorkbookHost;
    const list: TargetRow[] = [
      {
        id: "YS0005",
        name: "毛斌丽",
        cell: "A1",
        tier: "重点维护",
        planned: 6,
        lastVisit: parseIsoDay("2025-10-27"),
      },
      { id: "YS0009", name: null, cell: "A3", tier: "重点开发", planned: 0, lastVisit: null },
    ];
    expect(await writeTargets(host, list, "zh")).toBe("狙击手表");
    expect(written[0].rows).toEqual([
      ["客户编号", "客户名称", "格子", "等级", "本月计划拜访", "最近拜访"],
      ["YS0005", "毛斌丽", "A1", "重点维护", 6, { date: parseIsoDay("2025-10-27") }],
      ["YS0009", "", "A3", "重点开发", 0, null],
    ]);
  });
});
