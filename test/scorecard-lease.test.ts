/**
 * Tenant lease-end reviews on the scorecard (issue 14): source 000, 招商部「客户管理机制」, 三、评估方式:
 * "各项目已签约客户由招商部项目团队及部门负责人对每一个商家每年进行一次评估(对于即将到期商家,需提前三个月完成评估)",
 * and 评估周期 "2、即将到期商家,需提前三个月完成评估": a tenant is re-rated 3 months before its lease ends.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { formatDay, parseIsoDay } from "../src/engine/dates";
import { guessRoles } from "../src/engine/headers";
import { leaseReviews } from "../src/engine/lease";
import { preset } from "../src/engine/presets";
import type { RuleSet } from "../src/engine/ruleset";
import { tableFromRows } from "../src/engine/table";
import { toSql } from "../src/sql/generate";
import { outputHeader } from "../src/workbook/write-result";
import { readWorkbookBytes } from "../src/workbook/files";
import { gradeIn } from "./present";

const asOf = parseIsoDay("2025-12-31");
const tenant = preset("scorecard") as Extract<RuleSet, { method: "scorecard" }>;
const criteria = tenant.criteria.map((c) => c.name.zh);

/** Tenants rated 优秀 on every criterion at the 成熟 stage, with the given lease end cells. */
function tenants(leaseHeader: string, ends: unknown[]) {
  const headers = ["商户编号", "阶段", ...criteria, leaseHeader];
  const rows = ends.map((end, i) => [`T${i + 1}`, "成熟", ...criteria.map(() => "优秀"), end]);
  return tableFromRows([headers, ...rows], false, "商家评价表");
}

describe("lease-end review dates (scorecard)", () => {
  it('re-rates a tenant 3 months before its lease ends, as the source says ("提前三个月完成评估")', () => {
    expect(tenant.leaseReview).toEqual({ months: 3 });
    const ends = Object.freeze([parseIsoDay("2026-03-31"), parseIsoDay("2026-05-31"), NaN]);
    const { review, daysTo } = leaseReviews(ends, 3, asOf);
    // EDATE(2026-03-31, -3) = 2025-12-31; EDATE(2026-05-31, -3) = 2026-02-28 (February has no 31st).
    expect(formatDay(review[0])).toBe("2025-12-31");
    expect(formatDay(review[1])).toBe("2026-02-28");
    expect(daysTo[0]).toBe(0);
    expect(daysTo[1]).toBe(59);
    expect(Number.isNaN(review[2])).toBe(true);
  });

  it("writes the review date and the days to it, due at 0 or less, and leaves a tenant without a lease blank", () => {
    const t = tenants("租约到期日", ["2026-02-15", "2027-06-30", null, "2025-11-30"]);
    const r = gradeIn(t, preset("scorecard"), { asOf, lang: "zh" });
    expect(r.mapping.lease_end).toBe("租约到期日");
    expect(r.columns.review_date).toEqual(["2025-11-15", "2027-03-30", null, "2025-08-30"]);
    // Lease ends within 3 months of 2025-12-31 (or past): the review is due.
    expect(r.columns.review_days).toEqual([-46, 454, null, -123]);
    // Every tenant is still rated, the one without a lease too.
    expect(r.columns.tier).toEqual(["5星", "5星", "5星", "5星"]);
    expect(r.problems).toEqual([]);
  });

  it("reads the months from the rule set", () => {
    const rs = { ...tenant, leaseReview: { months: 6 } };
    const r = gradeIn(tenants("合同到期日", ["2026-06-30"]), rs, { asOf });
    expect(r.columns.review_date).toEqual(["2025-12-30"]);
  });

  it("lists a lease end that is not a date as a row problem in both languages, and grades the others", () => {
    const t = tenants("租约到期日", ["2026-02-30", "2026-09-01"]);
    const zh = gradeIn(t, preset("scorecard"), { asOf, lang: "zh" });
    expect(zh.columns.tier).toEqual([null, "5星"]);
    expect(zh.problems.map((p) => [p.row, p.column, p.code])).toEqual([[2, "租约到期日", "lease.notDate"]]);
    expect(zh.columns.issue[0]).toBe(
      "租约到期日：无法读取为租约到期日（不是日期：“2026-02-30”（日历上没有这一天）），无法给出复评日期",
    );
    const en = gradeIn(t, preset("scorecard"), { asOf, lang: "en" });
    expect(en.columns.issue[0]).toBe(
      '租约到期日: cannot be read as a lease end (not a date: "2026-02-30" (no such day)), so no review date',
    );
  });

  it("guesses the lease end column from its usual headers", () => {
    for (const h of [
      "租约到期日",
      "租约到期日期",
      "合同到期日",
      "合同到期",
      "Lease end",
      "Lease expiry date",
    ])
      expect(guessRoles(["商户编号", h]).lease_end, h).toBe(1);
  });

  it("writes nothing about leases without a lease end column, or on the dealer card", () => {
    const plain = tableFromRows(
      [
        ["商户编号", "阶段", ...criteria],
        ["T1", "成熟", ...criteria.map(() => "良好")],
      ],
      false,
      "S",
    );
    expect(gradeIn(plain, preset("scorecard"), { asOf }).keys).not.toContain("review_date");
    expect(preset("dealer")).not.toHaveProperty("leaseReview");
  });

  it("heads the columns in the sheet's language", () => {
    expect(outputHeader("review_date", "zh")).toBe("分级·复评日期");
    expect(outputHeader("review_days", "en")).toBe("Tier·Days to review (≤ 0: due)");
  });

  it("has no SQL form, and says so when the lease end column is named", () => {
    const options = {
      dialect: "duckdb" as const,
      table: "t",
      input: "customers" as const,
      asOf: "2025-12-31",
    };
    expect(() => toSql(preset("scorecard"), { ...options, map: { lease_end: "租约到期日" } })).toThrow(
      /does not work out lease review dates/,
    );
    expect(() => toSql(preset("scorecard"), options)).not.toThrow();
  });

  it("gives the tenants of the sample workbook their review dates", async () => {
    const file = path.resolve(__dirname, "../samples/scorecard--mall-tenants-zh.xlsx");
    const book = await readWorkbookBytes(new Uint8Array(readFileSync(file)), file);
    const s = book.sheets[0];
    const r = gradeIn(tableFromRows(s.rows, book.date1904, s.name), preset("scorecard"), {
      asOf,
      lang: "zh",
    });
    const days = r.columns.review_days.filter((d): d is number => typeof d === "number");
    expect(days.length).toBeGreaterThan(40);
    // Some leases end in the first quarter of 2026: their reviews are due at the as-of date.
    expect(days.some((d) => d <= 0)).toBe(true);
  });
});
