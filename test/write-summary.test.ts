import { describe, expect, it } from "vitest";
import { grade } from "../src/engine/grade";
import { preset } from "../src/engine/presets";
import { tableFromRows } from "../src/engine/table";
import { presentResult } from "../src/i18n/result";
import type { SheetWriteRequest, WorkbookHost } from "../src/workbook/host";
import { resultColumnKeys } from "../src/workbook/write-result";
import { writeSummary } from "../src/workbook/write-summary";

/** A host that keeps the sheets written and draws no chart (addChart absent, as the interface allows). */
function sheetsHost(): { host: WorkbookHost; sheets: SheetWriteRequest[] } {
  const sheets: SheetWriteRequest[] = [];
  const unused = () => Promise.reject(new Error("not used"));
  const host: WorkbookHost = {
    listSheets: unused,
    readSheet: unused,
    writeColumns: unused,
    writeSheet: async (r) => void sheets.push(r),
    appendRows: unused,
    addParetoChart: unused,
    saveSetting: unused,
    loadSetting: unused,
    selectCell: unused,
  };
  return { host, sheets };
}

const GRID_ROWS: unknown[][] = [["客户", "潜力", "处方量"]];
for (const x of [1, 2, 3]) for (const y of [1, 2, 3]) GRID_ROWS.push([`c${x}${y}`, x, y]);

describe("the summary sheet", () => {
  it("writeSummary gives the nine-grid no sales column (it reads no sales) but each cell's visits", async () => {
    const table = tableFromRows(GRID_ROWS, false, "Sheet1");
    const result = presentResult(
      grade(table, preset("grid9"), { map: { potential: "潜力", current_value: "处方量" } }),
      "zh",
    );
    const { host, sheets } = sheetsHost();
    await writeSummary(host, result, "zh", "分级汇总");
    const rows = sheets[0].rows;
    const header = rows[6];
    expect(header).toEqual(["等级", "客户数", "客户占比", "月拜访次数", "策略"]);
    expect(rows.flat()).not.toContain("销售额");
    // A1 (重点维护) plans 6 visits a month (grid.ts GRID_PRESET).
    // Then its strategies, examples the nine-grid preset carries (docs/strategies.md).
    expect(rows[7]).toEqual(["重点维护", 1, 1 / 9, 6, "高频拜访维护关系、邀请参加学术会议"]);
    // Nine tiers, then the total row.
    expect(rows[16]).toEqual(["合计", 9, 1]);
  });

  it("writeSummary puts the title, policy, date and counts at the top and colours each tier's name", async () => {
    const rows: unknown[][] = [
      ["客户", "销售额"],
      ["c1", 500],
      ["c2", 300],
      ["c3", 100],
      ["c4", 60],
      ["c5", 40],
    ];
    const result = presentResult(
      grade(tableFromRows(rows, false, "S"), preset("abc"), { asOf: 20000 }),
      "en",
    );
    const { host, sheets } = sheetsHost();
    await writeSummary(host, result, "en", "Tier summary");
    const [summary] = sheets;
    expect(summary.rows.slice(0, 5).map((r) => r[0])).toEqual([
      "Customer tiers: ABC classes (80/20)",
      "Policy",
      "As of",
      "Customers",
      "Graded / not graded",
    ]);
    expect(summary.rows[2][1]).toBe("2024-10-04"); // day 20000 after 1970-01-01
    expect(summary.looks?.filter((l) => l.fill).map((l) => [l.row, l.fill])).toEqual(
      result.tiers.map((t, i) => [7 + i, t.colour]),
    );
    expect(summary.printTitleRow).toBe(6);
    // The total row: 5 customers, all sales (1,000).
    expect(summary.rows[10]).toEqual(["Total", 5, 1, 1000, 1]);
  });

  it("resultColumnKeys puts the tier first and leaves out the user's own columns", () => {
    const rows: unknown[][] = [
      ["客户", "销售额"],
      ["c1", 500],
      ["c2", 300],
    ];
    const table = tableFromRows(rows, false, "S");
    const result = presentResult(grade(table, preset("abc")), "zh");
    // The abc preset carries its strategies (策略, docs/strategies.md).
    expect(result.keys).toEqual(["customer_id", "amount", "abc", "strategy", "tier", "issue"]);
    expect(resultColumnKeys(result, table.headers)).toEqual(["tier", "abc", "strategy", "issue"]);
  });
});
