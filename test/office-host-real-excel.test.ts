// OfficeHost against the behaviours of real Excel that the fake models (test/fake-excel.ts): cell-edit
// mode, protected sheets, reads past 5,000,000 cells, a stray value far to the right, co-authors'
// settings, a table's total row and hidden rows. docs/workbook.md lists each with its source.
import { afterEach, describe, expect, it } from "vitest";
import { TierError } from "../src/engine/errors";
import type { WriteColumnsRequest } from "../src/workbook/host";
import { OfficeHost } from "../src/workbook/office-host";
import { ownedSettingKey } from "../src/workbook/write-result";
import { FakeExcel, type FakeExcelOptions, type FakeValue } from "./fake-excel";

let uninstall: (() => void) | undefined;
afterEach(() => {
  uninstall?.();
  uninstall = undefined;
});

function setUp(options: FakeExcelOptions = {}) {
  const excel = new FakeExcel(options);
  uninstall = excel.install();
  return { excel, host: new OfficeHost() };
}

/** A header and `n` customers in 4 columns: id, name, orders, amount. */
function customers(n: number): FakeValue[][] {
  const rows: FakeValue[][] = [["客户编号", "客户名称", "消费次数", "金额"]];
  for (let i = 0; i < n; i++) rows.push([`C${i + 1}`, `客户${i + 1}`, 1 + (i % 9), 100 + i]);
  return rows;
}

/** Two output columns beside a 4-column block, one value per customer. */
function tiers(n: number): WriteColumnsRequest {
  return {
    sheetName: "Customers",
    headerRow: 0,
    dataEnd: 4,
    headers: ["Tier·Tier", "Tier·Score"],
    columns: [Array.from({ length: n }, (_, i) => "ABC"[i % 3]), Array.from({ length: n }, (_, i) => i)],
  };
}

const ticks = () => new Promise((resolve) => setTimeout(resolve, 20));

describe("cell-edit mode (InvalidOperationInCellEditMode)", () => {
  it("the fake fails a batch while a cell is edited unless it was run with delayForCellEdit", async () => {
    const { excel } = setUp();
    excel.addSheet("Customers", customers(3));
    excel.startEditing();
    await expect(
      Excel.run(async (context) => {
        context.workbook.worksheets.load("items/name");
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidOperationInCellEditMode" });
  });

  it("waits while the user types in a cell and writes everything once they press Enter", async () => {
    const { excel, host } = setUp();
    excel.addSheet("Customers", customers(3));
    excel.startEditing();
    const writing = host.writeColumns(tiers(3));
    await ticks();
    expect(excel.syncs).toBe(0);
    excel.stopEditing();
    await writing;
    expect(excel.waitedForCellEdit).toBe(1);
    expect(excel.snapshot("Customers", { top: 0, left: 4, rows: 4, columns: 1 }).values).toEqual([
      ["Tier·Tier"],
      ["A"],
      ["B"],
      ["C"],
    ]);
  });

  it("a write of several syncs does not stop half way when the user starts editing between two of them", async () => {
    const { excel } = setUp({ payloadLimit: 400_000 });
    const host = new OfficeHost({ limitBytes: 300_000 });
    excel.addSheet("Customers", customers(30_000));
    let started = false;
    await host.writeColumns(tiers(30_000), (step, done) => {
      if (step === "write" && !started) {
        started = true;
        excel.startEditing();
        setTimeout(() => excel.stopEditing(), 10);
      }
      void done;
    });
    expect(started).toBe(true);
    expect(excel.waitedForCellEdit).toBeGreaterThan(0);
    expect(excel.sheet("Customers").value(30_000, 5)).toBe(29_999);
  });

  it("says to press Enter or Esc when an Excel that ignores delayForCellEdit refuses the batch", async () => {
    const { excel, host } = setUp({ delayForCellEdit: false });
    excel.addSheet("Customers", customers(3));
    excel.startEditing();
    const failed = await host.writeColumns(tiers(3)).catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(TierError);
    expect((failed as TierError).code).toBe("workbook.cellEdit");
    expect((failed as TierError).message).toBe(
      "Excel is waiting for the cell you are editing: press Enter or Esc, then run Tier again",
    );
  });
});

describe("protected sheets (AccessDenied)", () => {
  it("names the protected sheet and how to unprotect it, and changes nothing", async () => {
    const { excel, host } = setUp();
    excel.addSheet("Customers", customers(3)).isProtected = true;
    const before = excel.snapshot("Customers", { top: 0, left: 0, rows: 5, columns: 8 });
    const failed = await host.writeColumns(tiers(3)).catch((e: unknown) => e);
    expect((failed as TierError).code).toBe("workbook.protected");
    expect((failed as TierError).message).toBe(
      'sheet "Customers" is protected, so Tier cannot write to it: unprotect it (Review › Unprotect Sheet) and run again; nothing was changed',
    );
    expect(excel.snapshot("Customers", { top: 0, left: 0, rows: 5, columns: 8 })).toEqual(before);
    expect(excel.settings.has(ownedSettingKey("Customers"))).toBe(false);
  });

  it("refuses to append to a protected history sheet, and words Excel's own AccessDenied the same way", async () => {
    const { excel, host } = setUp();
    excel.addSheet("History", [["period", "tier"]]).isProtected = true;
    await expect(host.appendRows("History", ["period", "tier"], [["2025-Q1", "A"]])).rejects.toMatchObject({
      code: "workbook.protected",
      params: { sheet: "History" },
    });
    // A change the host did not check first still fails with a sentence, not RichApi.Error.
    excel.addSheet("Summary", [["x", "sales", "share"]]).isProtected = true;
    const failed = await host
      .addParetoChart({
        sheetName: "Summary",
        dataTop: 0,
        dataLeft: 0,
        points: 1,
        anchorRow: 5,
        anchorColumn: 0,
        title: "Pareto",
        marks: [0.8],
      })
      .catch((e: unknown) => e);
    expect((failed as TierError).code).toBe("workbook.accessDenied");
    expect((failed as TierError).message).toMatch(/^Excel did not let Tier change sheet "Summary"/);
  });
});

describe("reads past Excel's 5,000,000-cell limit", () => {
  it.each(["null", "RangeExceedsLimit"] as const)(
    "reads the sheet in halves when Excel answers a large read with %s",
    async (largeRead) => {
      // A small cell limit stands in for 5,000,000 so the test stays fast: 2,500 rows × 4 columns.
      const { excel, host } = setUp({ largeRead, readCellLimit: 3000 });
      const rows = customers(2499);
      excel.addSheet("Customers", rows);
      const read = await host.readSheet("Customers");
      expect(excel.tooLargeReads).toBeGreaterThan(0);
      expect(read.rows).toEqual(rows);
    },
  );

  it("says which row is too large when even one row is over the limit", async () => {
    const { excel, host } = setUp({ readCellLimit: 3 });
    excel.addSheet("Customers", customers(2));
    await expect(host.readSheet("Customers")).rejects.toMatchObject({
      code: "workbook.rowTooLarge",
      params: { sheet: "Customers", row: 1, columns: 4 },
    });
  });

  it("a stray value in the last column (XFD) does not make the first read 16,384 columns × 1,000 rows", async () => {
    const { excel, host } = setUp();
    const s = excel.addSheet("Customers", customers(399));
    s.put(0, 16_383, "note");
    const read = await host.readSheet("Customers");
    // 400 rows × 16,384 columns is 6.5 million cells: read at once, Excel would refuse it.
    expect(excel.tooLargeReads).toBe(0);
    expect(read.rows).toHaveLength(400);
    expect(read.rows[0][16_383]).toBe("note");
    expect(read.rows[399].slice(0, 4)).toEqual(["C399", "客户399", 1 + (398 % 9), 100 + 398]);
  }, 60_000);
});

describe("co-authoring: settings changed by another instance (Settings.refreshAsync)", () => {
  it("keeps a co-author's record when saving its own: the settings are refreshed before the save", async () => {
    const { excel, host } = setUp();
    excel.addSheet("Customers", customers(3));
    await host.loadSetting("tier.rules");
    excel.saveFromAnotherInstance({ [ownedSettingKey("Orders")]: '{"theirs":true}' });
    await host.writeColumns(tiers(3));
    expect(excel.savedSettings.get(ownedSettingKey("Orders"))).toBe('{"theirs":true}');
    expect(excel.savedSettings.has(ownedSettingKey("Customers"))).toBe(true);
  });

  it("finds the columns a co-author's run wrote on the same sheet and writes over them instead of stopping", async () => {
    const { excel, host } = setUp();
    excel.addSheet("Customers", customers(3));
    await host.loadSetting("tier.rules");
    // The other instance wrote its columns at E:F and recorded them in the document.
    const s = excel.sheet("Customers");
    ["Tier·Tier", "C", "C", "C"].forEach((v, r) => s.put(r, 4, v));
    ["Tier·Score", 9, 9, 9].forEach((v, r) => s.put(r, 5, v));
    const theirs = {
      sheetName: "Customers",
      headerRow: 0,
      firstColumn: 4,
      headers: ["Tier·Tier", "Tier·Score"],
      rows: 3,
    };
    excel.saveFromAnotherInstance({ [ownedSettingKey("Customers")]: JSON.stringify(theirs) });
    const owned = await host.writeColumns(tiers(3));
    expect(owned.firstColumn).toBe(4);
    expect(excel.snapshot("Customers", { top: 1, left: 4, rows: 3, columns: 2 }).values).toEqual([
      ["A", 0],
      ["B", 1],
      ["C", 2],
    ]);
  });

  it("the fake keeps this instance's copy stale until refreshAsync, as Office.Settings documents", async () => {
    const { excel, host } = setUp();
    excel.saveFromAnotherInstance({ k: "theirs" });
    expect(excel.settings.get("k")).toBeUndefined();
    expect(await host.loadSetting("k")).toBe("theirs");
  });
});

describe("tables and hidden rows", () => {
  it("leaves a table's total row out of the customers and says how many rows are hidden or filtered out", async () => {
    const { excel, host } = setUp();
    const rows: FakeValue[][] = [...customers(3), ["Total", "", 18, 303]];
    const s = excel.addSheet("Customers", rows);
    s.tables.push({
      name: "Table1",
      rect: { top: 0, left: 0, rows: 5, columns: 4 },
      hasHeaders: true,
      showTotals: true,
    });
    s.hiddenRows.add(2);
    const read = await host.readSheet("Customers");
    expect(read.tableName).toBe("Table1");
    expect(read.totalRow).toBe(4);
    expect(read.rows[4]).toEqual(["", "", "", ""]);
    expect(read.rows.slice(0, 4)).toEqual(customers(3));
    // The hidden customer is still read and graded: filtering is a view, not a selection.
    expect(read.hiddenRows).toBe(1);
  });
});
