// @vitest-environment jsdom
import { gradeIn } from "./present";
import { cleanup, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import type { ReactElement } from "react";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { dayFromCivil, dayToExcelSerial, parseIsoDay } from "../src/engine/dates";
import type { Lang, PresentedResult } from "../src/engine/grade";
import { preset } from "../src/engine/presets";
import { tableFromRows, type SheetTable } from "../src/engine/table";
import { VISITS_HISTORY_MESSAGES } from "../src/i18n/visits-history";
import { HistoryStep } from "../src/taskpane/HistoryStep";
import { nextMonth, VisitsStep } from "../src/taskpane/VisitsStep";
import { historySnapshots, readHistory } from "../src/workbook/history-read";
import type {
  CellOut,
  OwnedColumns,
  ParetoChartRequest,
  SheetRead,
  SheetWriteRequest,
  WorkbookHost,
  WriteColumnsRequest,
} from "../src/workbook/host";

beforeAll(() => {
  // jsdom lacks these; Fluent's positioning asks for them.
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  } as unknown as typeof ResizeObserver;
  Element.prototype.scrollIntoView ??= function () {};
  globalThis.NodeFilter ??= window.NodeFilter;
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

type Call =
  | { op: "writeSheet"; request: SheetWriteRequest }
  | { op: "appendRows"; sheetName: string; header: CellOut[]; rows: CellOut[][] }
  | { op: "writeColumns"; request: WriteColumnsRequest }
  | { op: "addParetoChart"; request: ParetoChartRequest };

/**
 * A workbook in memory that records every write: sheets are arrays of rows, dates read back as Excel
 * serials (the way Office.js gives `values`), settings a map.
 */
class FakeHost implements WorkbookHost {
  readonly sheets = new Map<string, CellOut[][]>();
  readonly settings = new Map<string, string>();
  readonly calls: Call[] = [];

  async listSheets() {
    const sheets = [...this.sheets.keys()];
    return { sheets, active: sheets[0] ?? "" };
  }
  async readSheet(sheetName: string): Promise<SheetRead> {
    const rows = this.sheets.get(sheetName);
    if (!rows) throw new Error(`no sheet "${sheetName}"`);
    const plain = rows.map((r) =>
      r.map((v) => (v !== null && typeof v === "object" ? dayToExcelSerial(v.date) : v)),
    );
    return { sheetName, rows: plain, date1904: false, top: 0, left: 0 };
  }
  async writeColumns(request: WriteColumnsRequest): Promise<OwnedColumns> {
    this.calls.push({ op: "writeColumns", request });
    return {
      sheetName: request.sheetName,
      headerRow: request.headerRow,
      firstColumn: request.dataEnd,
      headers: request.headers,
      rows: request.columns[0]?.length ?? 0,
    };
  }
  async writeSheet(request: SheetWriteRequest): Promise<void> {
    this.calls.push({ op: "writeSheet", request });
    this.sheets.set(request.name, request.rows);
  }
  async appendRows(sheetName: string, header: CellOut[], rows: CellOut[][]): Promise<void> {
    this.calls.push({ op: "appendRows", sheetName, header, rows });
    const sheet = this.sheets.get(sheetName) ?? [header];
    sheet.push(...rows);
    this.sheets.set(sheetName, sheet);
  }
  async addParetoChart(request: ParetoChartRequest): Promise<void> {
    this.calls.push({ op: "addParetoChart", request });
  }
  async saveSetting(key: string, value: string): Promise<void> {
    this.settings.set(key, value);
  }
  async loadSetting(key: string): Promise<string | null> {
    return this.settings.get(key) ?? null;
  }
  async selectCell(): Promise<void> {}

  written(name: string): SheetWriteRequest | undefined {
    return this.calls.findLast(
      (c): c is Extract<Call, { op: "writeSheet" }> => c.op === "writeSheet" && c.request.name === name,
    )?.request;
  }
}

const ZH_HEADER = ["客户编号", "客户名称", "销售额", "客户经理", "片区", "路序", "手机"];
const EN_HEADER = ["Customer ID", "Name", "Sales", "Account manager", "Area", "Route order", "Phone"];

/**
 * Ten retailers of two managers. ABC by hand (total 1000, A up to 80 %, B up to 95 %, the customer that
 * crosses a line stays above it): 500 + 200 + 100 = 80 % → A is C01-C03; + 80 + 50 + 30 = 96 % → B is
 * C04-C06 (C06 crosses 95 %); C is C07-C10.
 */
const AMOUNTS: [string, number][] = [
  ["C01", 500],
  ["C02", 200],
  ["C03", 100],
  ["C04", 80],
  ["C05", 50],
  ["C06", 30],
  ["C07", 20],
  ["C08", 10],
  ["C09", 6],
  ["C10", 4],
];

function retailers(header: string[], amounts: [string, number][]): SheetTable {
  const rows: unknown[][] = [header];
  amounts.forEach(([id, amount], i) =>
    rows.push([
      id,
      `Shop ${id}`,
      amount,
      i % 2 ? "Li" : "Wang",
      i < 5 ? "East" : "West",
      i + 1,
      `1380013800${i}`,
    ]),
  );
  return tableFromRows(rows, false, "Retailers");
}

function graded(table: SheetTable, asOf: string, lang: Lang): PresentedResult {
  return gradeIn(table, preset("abc"), { asOf: parseIsoDay(asOf), lang });
}

const wrap = (ui: ReactElement) => <FluentProvider theme={webLightTheme}>{ui}</FluentProvider>;

describe("VisitsStep", () => {
  it("plans the month after today with the policy's visits per tier, one changed, and writes every visit", async () => {
    const user = userEvent.setup();
    const host = new FakeHost();
    const table = retailers(ZH_HEADER, AMOUNTS);
    const result = graded(table, "2025-09-15", "zh");
    expect(result.summary.map((s) => [s.tier, s.customers])).toEqual([
      ["A类", 3],
      ["B类", 3],
      ["C类", 4],
    ]);
    render(
      wrap(
        <VisitsStep
          host={host}
          table={table}
          result={result}
          ruleSet={preset("abc")}
          lang="zh"
          today={dayFromCivil(2025, 9, 15)}
        />,
      ),
    );
    // October 2025 with China's calendar, on by default in Chinese: 23 weekdays, less the 6 weekdays of
    // 国庆节 and 中秋节 (10-01 to 10-08), plus Saturday 10-11 worked (调休) = 18.
    expect((screen.getByLabelText("月份") as HTMLInputElement).value).toBe("2025-10");
    expect(screen.getByText("共 18 个工作日")).toBeTruthy();
    expect(screen.getByText("本月：放假 8 天，周末调休上班 1 天。")).toBeTruthy();
    const a = screen.getByRole("spinbutton", { name: "A类（3 位客户）" }) as HTMLInputElement;
    expect(a.value).toBe("4");
    expect((screen.getByRole("spinbutton", { name: "B类（3 位客户）" }) as HTMLInputElement).value).toBe("2");
    expect((screen.getByRole("spinbutton", { name: "C类（4 位客户）" }) as HTMLInputElement).value).toBe("1");

    await user.clear(a);
    await user.type(a, "5");
    await user.tab();
    expect(a.value).toBe("5");

    await user.click(screen.getByRole("button", { name: "生成拜访计划" }));
    // 3 A × 5 + 3 B × 2 + 4 C × 1 = 25 visits.
    await screen.findByText("18 个工作日，共 25 次拜访", undefined, { timeout: 10_000 });
    expect(screen.getByText("重点等级 A类：3 位客户中 3 位得到拜访（100%）")).toBeTruthy();
    const perTier = screen.getByRole("table", { name: "各等级拜访" });
    expect(within(perTier).getAllByRole("row")[1].textContent).toBe("A类3153");

    await user.click(screen.getByRole("button", { name: "写入工作簿" }));
    await screen.findByText("已写入：工作表 拜访计划 和 拜访汇总。");
    const plan = host.written("拜访计划")!;
    expect(plan.rows[0].slice(0, 3)).toEqual(["日期", "星期", "客户经理"]);
    expect(plan.rows).toHaveLength(1 + 25);
    const visitsOf = (id: string) => plan.rows.slice(1).filter((r) => r[5] === id);
    expect(visitsOf("C01").map((r) => r[8])).toEqual(["1/5", "2/5", "3/5", "4/5", "5/5"]);
    expect(visitsOf("C04")).toHaveLength(2);
    expect(visitsOf("C10")).toHaveLength(1);
    expect(host.written("拜访汇总")).toBeTruthy();
  });

  it("shows why a holiday line is not a date on the field, and does not plan until it is fixed", async () => {
    const user = userEvent.setup();
    const table = retailers(EN_HEADER, AMOUNTS);
    render(
      wrap(
        <VisitsStep
          host={new FakeHost()}
          table={table}
          result={graded(table, "2025-09-15", "en")}
          ruleSet={preset("abc")}
          lang="en"
          today={dayFromCivil(2025, 9, 15)}
        />,
      ),
    );
    const holidays = screen.getByRole("textbox", { name: "Holidays" });
    await user.type(holidays, "2025-10-01\n2025-10-02\n10/3");
    expect(screen.getByText("Line 3: “10/3” is not a date: write one YYYY-MM-DD a line.")).toBeTruthy();
    expect(screen.getByRole("button", { name: "Plan visits" })).toHaveProperty("disabled", true);
    await user.type(holidays, "{Backspace}{Backspace}{Backspace}{Backspace}2025-10-03");
    // 23 weekdays less 1, 2 and 3 October.
    expect(screen.getByText("20 working days")).toBeTruthy();
    expect(screen.getByRole("button", { name: "Plan visits" })).toHaveProperty("disabled", false);
  });

  it("reports a capacity the managers' visits do not fit in, in a message bar", async () => {
    const user = userEvent.setup();
    const table = retailers(EN_HEADER, AMOUNTS);
    render(
      wrap(
        <VisitsStep
          host={new FakeHost()}
          table={table}
          result={graded(table, "2025-09-15", "en")}
          ruleSet={preset("abc")}
          lang="en"
          today={dayFromCivil(2025, 9, 15)}
        />,
      ),
    );
    await user.click(screen.getByRole("radio", { name: "Monday to Saturday" }));
    expect(screen.getByText("27 working days")).toBeTruthy();
    const capacity = screen.getByRole("textbox", { name: /Most visits per manager a day/ });
    await user.type(capacity, "0");
    expect(screen.getByText("Enter a whole number, at least 1, or leave it empty.")).toBeTruthy();
    await user.clear(capacity);
    await user.type(capacity, "1");
    for (const tier of ["A (3 customers)", "B (3 customers)", "C (4 customers)"]) {
      const spin = screen.getByRole("spinbutton", { name: tier });
      await user.clear(spin);
      await user.type(spin, "27");
      await user.tab();
    }
    await user.click(screen.getByRole("button", { name: "Plan visits" }));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toMatch(
      /^No plan: manager "Wang" 135 visits do not fit in 27 working days at 1 a day/,
    );
    expect(screen.queryByRole("button", { name: "Write plan to workbook" })).toBeNull();
  });
});

describe("HistoryStep", () => {
  /**
   * The next quarter by hand: C04 150, C03 60, C10 gone, C11 (5) new; total 1031. 500 + 200 + 150 =
   * 82 % → A is C01, C02, C04; + 60 + 50 + 30 = 96 % → B is C03, C05, C06; C the rest.
   * So C04 B → A (up), C03 A → B (down), C10 gone, C11 new, seven the same.
   */
  const NEXT: [string, number][] = [
    ["C01", 500],
    ["C02", 200],
    ["C03", 60],
    ["C04", 150],
    ["C05", 50],
    ["C06", 30],
    ["C07", 20],
    ["C08", 10],
    ["C09", 6],
    ["C11", 5],
  ];

  it("saves two snapshots, compares them and shows the counts and the migration matrix; writes the change log and the notifications", async () => {
    const user = userEvent.setup();
    const host = new FakeHost();
    const before = retailers(EN_HEADER, AMOUNTS);
    const q3 = graded(before, "2025-09-30", "en");
    const now = retailers(EN_HEADER, NEXT);
    const q4 = graded(now, "2025-12-31", "en");
    expect(q4.columns.tier).toEqual(["A", "A", "B", "A", "B", "B", "C", "C", "C", "C"]);
    const step = (table: SheetTable, result: PresentedResult) =>
      wrap(<HistoryStep host={host} table={table} result={result} ruleSet={preset("abc")} lang="en" />);

    const view = render(step(before, q3));
    expect((screen.getByRole("textbox", { name: "Evaluation" }) as HTMLInputElement).value).toBe("2025-Q3");
    await user.click(screen.getByRole("button", { name: "Compare with previous" }));
    await screen.findByText("No history yet: save a snapshot first.");
    await user.click(screen.getByRole("button", { name: "Save snapshot" }));
    await screen.findByText("Saved 10 customers as 2025-Q3 in the sheet Tier history.");
    await user.click(screen.getByRole("button", { name: "Compare with previous" }));
    await screen.findByText("Only 2025-Q3 is saved: save the next evaluation to compare with it.");

    view.rerender(step(now, q4));
    expect((screen.getByRole("textbox", { name: "Evaluation" }) as HTMLInputElement).value).toBe("2025-Q4");
    await user.click(screen.getByRole("button", { name: "Save snapshot" }));
    await screen.findByText("Saved 10 customers as 2025-Q4 in the sheet Tier history.");
    const appends = host.calls.filter((c) => c.op === "appendRows");
    expect(appends).toHaveLength(2);
    expect(host.sheets.get("Tier history")).toHaveLength(1 + 20);

    // Saving the same evaluation again would list every customer twice in it.
    await user.click(screen.getByRole("button", { name: "Save snapshot" }));
    await screen.findByText("2025-Q4 is already in the history: give this evaluation another name.");
    expect(host.calls.filter((c) => c.op === "appendRows")).toHaveLength(2);

    await user.click(screen.getByRole("button", { name: "Compare with previous" }));
    await screen.findByText("2025-Q3 (2025-09-30) → 2025-Q4 (2025-12-31)");
    const counts = screen.getByRole("list", { name: "Customers per change" });
    expect(
      within(counts)
        .getAllByRole("listitem")
        .map((li) => li.textContent),
    ).toEqual(["New 1", "Up 1", "Down 1", "Same 7", "Gone 1"]);
    const matrix = screen.getByRole("table", { name: /Tier migration/ });
    const cells = within(matrix)
      .getAllByRole("row")
      .map((r) =>
        [...within(r).queryAllByRole("columnheader"), ...within(r).queryAllByRole("cell")].map(
          (c) => c.textContent,
        ),
      );
    expect(cells).toEqual([
      ["from \\ to", "A", "B", "C", "(none)"],
      ["A", "2", "1", "0", "0"],
      ["B", "1", "2", "0", "0"],
      ["C", "0", "0", "3", "1"],
      ["(none)", "0", "0", "1", "0"],
    ]);

    await user.click(screen.getByRole("button", { name: "Write change log" }));
    await screen.findByText("Written: the change log Tier changes.");
    const log = host.written("Tier changes")!;
    expect(log.rows[0].slice(0, 4)).toEqual(["customer_id", "old_tier", "new_tier", "change"]);
    expect(log.rows.filter((r) => r[0] === "C04")[0].slice(0, 4)).toEqual(["C04", "B", "A", "up"]);

    expect(screen.getByText("3 messages, 3 with a phone number")).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Write notifications" }));
    await screen.findByText("Written: the notification list Notifications.");
    const list = host.written("Notifications")!;
    expect(list.rows.slice(1).map((r) => [r[0], r[2]])).toEqual([
      ["C03", "down"],
      ["C04", "up"],
      ["C11", "new"],
    ]);
    expect(list.rows.find((r) => r[0] === "C04")![7]).toBe(
      "Dear Shop C04, congratulations: you have moved up from B to A. Your benefits: .",
    );
  });

  it("downloads the SMS list as a CSV of phone and message", async () => {
    const user = userEvent.setup();
    const host = new FakeHost();
    const before = retailers(EN_HEADER, AMOUNTS);
    const now = retailers(
      EN_HEADER,
      AMOUNTS.map(([id, a]): [string, number] => [id, id === "C10" ? 700 : a]),
    );
    const view = render(
      wrap(
        <HistoryStep
          host={host}
          table={before}
          result={graded(before, "2025-09-30", "en")}
          ruleSet={preset("abc")}
          lang="en"
          method="abc"
        />,
      ),
    );
    await user.click(screen.getByRole("button", { name: "Save snapshot" }));
    await screen.findByText(/^Saved 10 customers/);
    view.rerender(
      wrap(
        <HistoryStep
          host={host}
          table={now}
          result={graded(now, "2025-12-31", "en")}
          ruleSet={preset("abc")}
          lang="en"
          method="abc"
        />,
      ),
    );
    await user.click(screen.getByRole("button", { name: "Save snapshot" }));
    await screen.findByText(/^Saved 10 customers as 2025-Q4/);
    await user.click(screen.getByRole("button", { name: "Compare with previous" }));
    await screen.findByRole("table", { name: /Tier migration/ });

    const blobs: Blob[] = [];
    URL.createObjectURL = vi.fn((b: Blob) => (blobs.push(b), "blob:sms"));
    URL.revokeObjectURL = vi.fn();
    const click = vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(() => {});
    await user.click(screen.getByRole("button", { name: "Download SMS list (CSV)" }));
    expect(click).toHaveBeenCalledOnce();
    // UTF-8 with a byte-order mark, so Excel reads the Chinese of a zh list.
    const bytes = new Uint8Array(await blobs[0].arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = new TextDecoder().decode(bytes.slice(3));
    expect(csv.startsWith('"phone","message"\r\n')).toBe(true);
    // C10 (4 → 700) is now the second largest: from C to A.
    expect(csv).toContain('"13800138009","Dear Shop C10, congratulations: you have moved up from C to A.');
  });

  it("marks a template that uses {unknown} with the placeholders it may use, and writes no messages", async () => {
    const user = userEvent.setup();
    const table = retailers(ZH_HEADER, AMOUNTS);
    render(
      wrap(
        <HistoryStep
          host={new FakeHost()}
          table={table}
          result={graded(table, "2025-12-31", "zh")}
          ruleSet={preset("abc")}
          lang="zh"
        />,
      ),
    );
    const up = screen.getByRole("textbox", { name: "给升级客户的通知" }) as HTMLTextAreaElement;
    // Chinese templates write the placeholders in Chinese (issue 13); {name} and the others work too.
    expect(up.value).toBe("尊敬的{姓名}：恭喜您由{原等级}升级为{等级}，您可享受：{权益}。");
    await user.clear(up);
    await user.type(up, "您好{{unknown}");
    expect(
      screen.getByText(
        "{unknown} 不是可用的占位符：请使用 {姓名}、{等级}、{原等级}、{权益}、{下一等级}、{差额}。",
      ),
    ).toBeTruthy();
    expect(screen.getByRole("button", { name: "写入通知表" })).toHaveProperty("disabled", true);
    await user.clear(up);
    await user.type(up, "您好{{姓名}");
    expect(screen.queryByText(/不是可用的占位符/)).toBeNull();
    await user.type(up, "，{{name}");
    expect(screen.queryByText(/不是可用的占位符/)).toBeNull();
  });
});

describe("the history sheet read back", () => {
  it("readHistory(host, lang) gives back the snapshots appendHistory wrote, dates and scores included", async () => {
    const host = new FakeHost();
    const table = retailers(EN_HEADER, AMOUNTS);
    const result = graded(table, "2025-09-30", "en");
    const { appendHistory } = await import("../src/workbook/write-plan");
    const { snapshotOf } = await import("../src/engine/history");
    const saved = snapshotOf(result, "2025-Q3", "abc");
    await appendHistory(host, saved, "en");
    const back = await readHistory(host, "en");
    expect(back.sheet).toBe("Tier history");
    expect(back.problems).toEqual([]);
    expect(back.snapshots).toEqual(saved);
    expect(await readHistory(new FakeHost(), "zh")).toEqual({ sheet: null, snapshots: [], problems: [] });
  });

  it("historySnapshots skips blank rows and reports a row without a readable as-of date", () => {
    const read = historySnapshots({
      rows: [
        ["Tier history"],
        ["period", "as_of", "method", "customer_id", "tier", "score"],
        ["2025-Q3", "2025-09-30", "abc", "C1", "A", 500],
        [null, null, null, null, null, null],
        ["2025-Q3", "soon", "abc", "C2", "B", 80],
      ],
      date1904: false,
      top: 0,
    });
    expect(read.snapshots).toEqual([
      {
        period: "2025-Q3",
        asOf: parseIsoDay("2025-09-30"),
        method: "abc",
        customerId: "C1",
        tier: "A",
        score: 500,
      },
    ]);
    expect(read.problems).toEqual([
      { row: 5, column: "as_of", code: "cell.notDate", params: { value: "soon" } },
    ]);
  });
});

describe("the steps' helpers and catalogue", () => {
  it("nextMonth(day) is the month after, across a year's end", () => {
    expect(nextMonth(dayFromCivil(2025, 9, 15))).toBe("2025-10");
    expect(nextMonth(dayFromCivil(2025, 12, 31))).toBe("2026-01");
  });

  it("the Visits and History catalogue has the same keys and placeholders in zh-CN and en-US", () => {
    const zh = VISITS_HISTORY_MESSAGES["zh-CN"];
    const en = VISITS_HISTORY_MESSAGES["en-US"];
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
    const holes = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(zh[key].trim(), key).not.toBe("");
      expect(holes(zh[key]), key).toEqual(holes(en[key]));
    }
  });
});

describe("VisitsStep with visit ranges (pharma)", () => {
  it("plans within 10 calls a day, shows the priority coverage against 60 % and writes the target list (狙击手表)", async () => {
    const user = userEvent.setup();
    const host = new FakeHost();
    const rows: unknown[][] = [
      [
        "医生编号",
        "医院等级",
        "主诊科室",
        "职称",
        "职务",
        "处方权",
        "医药代表",
        "处方潜力",
        "当前处方量",
        "最近拜访日期",
      ],
    ];
    for (let i = 1; i <= 9; i++)
      rows.push([
        `D${i}`,
        "三级",
        "是",
        "主任医师",
        "",
        "有",
        "陈静",
        i * 10,
        (i % 3) * 10 + i,
        "2025-12-01",
      ]);
    const table = tableFromRows(rows, false, "医生");
    const result = gradeIn(table, preset("pharma"), { asOf: parseIsoDay("2025-12-31"), lang: "en" });
    render(
      wrap(
        <VisitsStep
          host={host}
          table={table}
          result={result}
          ruleSet={preset("pharma")}
          lang="en"
          today={dayFromCivil(2025, 12, 15)}
        />,
      ),
    );
    await user.click(screen.getByRole("button", { name: "Plan visits" }));
    // The three A doctors (high potential) are the priority: each gets 4 to 6 visits in January.
    await screen.findByText(
      /priority customers \(.+\) covered: 3 of 3 \(100 %\), target 60 % met; at most 10 calls a day/,
      undefined,
      {
        timeout: 10_000,
      },
    );
    await user.click(screen.getByRole("button", { name: "Write plan to workbook" }));
    await screen.findByText(/Written/);
    const targets = host.written("Target list")!;
    expect(targets.rows[0]).toEqual(["Customer", "Name", "Cell", "Tier", "Visits planned", "Last visit"]);
    expect(targets.rows.slice(1).map((r) => [r[0], r[4]])).toEqual([
      ["D7", 6],
      ["D8", 6],
      ["D9", 6],
    ]);
  });
});
