import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseIsoDay, readDate } from "../src/engine/dates";
import { PackageHost } from "../src/workbook/package-host";

const SAMPLE = path.join(import.meta.dirname, "..", "samples", "membership--store-members-zh.xlsx");

describe("PackageHost reads back what it wrote in the session", () => {
  it("lists a sheet it added and reads its rows, dates as serials, so a re-evaluation finds the saved snapshot", async () => {
    const host = PackageHost.fromBytes(new Uint8Array(readFileSync(SAMPLE)), "members.xlsx");
    const day = parseIsoDay("2025-12-31");
    await host.appendRows(
      "分级历史",
      ["period", "as_of", "customer_id", "tier"],
      [["2025-Q4", { date: day }, "M1", "金卡"]],
    );
    await host.appendRows("分级历史", [], [["2026-Q1", { date: day + 90 }, "M1", "钻石"]]);
    expect((await host.listSheets()).sheets).toContain("分级历史");
    const read = await host.readSheet("分级历史");
    expect(read.rows.map((r) => r[2])).toEqual(["customer_id", "M1", "M1"]);
    expect(readDate(read.rows[1][1], { date1904: read.date1904 })).toBe(day);
    expect(readDate(read.rows[2][1], { date1904: read.date1904 })).toBe(day + 90);
  });
});
