import { describe, expect, it } from "vitest";
import {
  findHeaderRow,
  guessInputKind,
  guessMonthColumns,
  guessRoles,
  normaliseHeader,
  resolveMapping,
  ROLE_SYNONYMS,
  type Role,
} from "../src/engine/headers";

describe("normaliseHeader", () => {
  it("normaliseHeader drops units in brackets, case, full-width forms and separators", () => {
    expect(normaliseHeader(" 累计消费金额（元）")).toBe("累计消费金额");
    expect(normaliseHeader("Revenue (¥)")).toBe("revenue");
    expect(normaliseHeader("Customer_ID")).toBe("customer id");
    expect(normaliseHeader("customer - id")).toBe("customer id");
    expect(normaliseHeader("\u3000客户编号\u3000")).toBe("客户编号");
    expect(normaliseHeader("*客户编号：")).toBe("客户编号");
  });

  it("ROLE_SYNONYMS never gives one header two roles", () => {
    const owner = new Map<string, Role>();
    for (const [role, synonyms] of Object.entries(ROLE_SYNONYMS) as [Role, readonly string[]][]) {
      for (const s of synonyms) {
        const key = normaliseHeader(s);
        const prev = owner.get(key);
        expect(prev === undefined || prev === role, `${s} in ${prev} and ${role}`).toBe(true);
        owner.set(key, role);
      }
    }
  });
});

describe("guessRoles", () => {
  it("guessRoles reads the R package rfm order columns", () => {
    expect(guessRoles(["customer_id", "order_date", "revenue", "first_name", "last_name", "email"])).toEqual({
      customer_id: 0,
      date: 1,
      amount: 2,
      email: 5,
    });
  });

  it("guessRoles reads the R package rfm customer columns", () => {
    expect(
      guessRoles([
        "customer_id",
        "revenue",
        "most_recent_visit",
        "number_of_orders",
        "recency_days",
        "email",
      ]),
    ).toEqual({ customer_id: 0, amount: 1, last_date: 2, frequency: 3, recency_days: 4, email: 5 });
  });

  it("guessRoles reads the Online Retail invoice columns, raw and summed", () => {
    expect(
      guessRoles([
        "InvoiceNo",
        "StockCode",
        "Description",
        "Quantity",
        "InvoiceDate",
        "UnitPrice",
        "CustomerID",
        "Country",
      ]),
    ).toEqual({ order_id: 0, quantity: 3, date: 4, unit_price: 5, customer_id: 6 });
    expect(
      guessRoles([
        "invoice_no",
        "customer_id",
        "order_date",
        "invoice_datetime",
        "amount",
        "lines",
        "country",
      ]),
    ).toEqual({ order_id: 0, customer_id: 1, date: 2, amount: 4 });
  });

  it("guessRoles reads a Chinese store's member sheet", () => {
    expect(
      guessRoles([
        "会员卡号",
        "姓名",
        "手机号",
        "累计消费金额（元）",
        "消费次数",
        "首次消费日期",
        "最近消费日期",
      ]),
    ).toEqual({ customer_id: 0, name: 1, phone: 2, amount: 3, frequency: 4, first_date: 5, last_date: 6 });
  });

  it("guessRoles reads a tobacco wholesaler's sheet and leaves the month columns alone", () => {
    const headers = ["零售户编号", "零售户名称", "片区", "路序", "客户经理"];
    for (let m = 1; m <= 6; m++) headers.push(`2025年${m}月`);
    expect(guessRoles(headers)).toEqual({ customer_id: 0, name: 1, area: 2, route_order: 3, manager: 4 });
    expect(guessMonthColumns(headers)).toEqual([5, 6, 7, 8, 9, 10]);
  });

  it("guessRoles matches longer Chinese synonyms inside headers and prefers the id for a bare 客户", () => {
    expect(guessRoles(["客户", "2025年累计消费金额", "最近一次消费日期", "客户经理姓名"])).toEqual({
      customer_id: 0,
      amount: 1,
      last_date: 2,
      manager: 3,
    });
    expect(guessRoles(["客户编号", "客户", "销售额"])).toEqual({ customer_id: 0, name: 1, amount: 2 });
  });

  it("guessRoles gives each role one column, the strongest synonym first", () => {
    expect(guessRoles(["ID", "客户编号", "金额", "销售额"])).toEqual({ customer_id: 1, amount: 2 });
    expect(guessRoles(["商品编号", "birth date"])).toEqual({});
  });
});

describe("guessMonthColumns", () => {
  it("guessMonthColumns finds months written the usual ways, in sheet order", () => {
    const headers = [
      "客户",
      "1月",
      "2025年2月",
      "2025-03",
      "Apr",
      "May-25",
      "June",
      "M7",
      "8月销量",
      "2025/09",
      "合计",
      "1月1日",
      "2025-03-01",
      "13月",
    ];
    expect(guessMonthColumns(headers)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 12]);
    expect(
      guessMonthColumns(["id", new Date(Date.UTC(2025, 0, 1)), new Date(Date.UTC(2025, 0, 15))]),
    ).toEqual([1]);
  });
});

describe("findHeaderRow", () => {
  it("findHeaderRow skips a merged title row and a blank row above the table", () => {
    const rows = [
      ["2025年第一季度客户分级表", null, null, null],
      [null, null, null, null],
      ["客户编号", "客户名称", "销售额", "最近消费日期"],
      ["C001", "张三", 1200, "2025-03-01"],
    ];
    expect(findHeaderRow(rows)).toBe(2);
  });

  it("findHeaderRow skips a note row and takes unknown headers when data follows", () => {
    const rows = [
      ["单位：元", "", "", "制表：2025-03-01"],
      ["甲", "乙", "丙", "丁"],
      ["x", 1, 2, 3],
    ];
    expect(findHeaderRow(rows)).toBe(1);
  });

  it("findHeaderRow is 0 for a plain table and when nothing looks like headers", () => {
    expect(
      findHeaderRow([
        ["customer_id", "revenue"],
        ["a", "1"],
      ]),
    ).toBe(0);
    expect(
      findHeaderRow([
        [1, 2],
        [3, 4],
      ]),
    ).toBe(0);
    expect(findHeaderRow([])).toBe(0);
  });
});

describe("guessInputKind", () => {
  it("guessInputKind says orders when ids repeat and a date column exists", () => {
    expect(guessInputKind(["a", "b", "a"], true)).toBe("orders");
    expect(guessInputKind([17850, "17850.0"], true)).toBe("orders");
    expect(guessInputKind(["a", "b", "a"], false)).toBe("customers");
    expect(guessInputKind(["a", "b", "", ""], true)).toBe("customers");
  });
});

describe("resolveMapping", () => {
  it("resolveMapping takes --map overrides by header, then guesses the rest", () => {
    expect(resolveMapping(["客户", "销售额", "金额", "日期"], { amount: "销售额" })).toEqual({
      amount: 1,
      customer_id: 0,
      date: 3,
    });
    expect(resolveMapping(["Kunde", "Umsatz"], { customer_id: "kunde", amount: "UMSATZ" })).toEqual({
      customer_id: 0,
      amount: 1,
    });
    expect(resolveMapping(["a", "b", "c"], { amount: "C" })).toEqual({ amount: 2 });
  });

  it("resolveMapping throws TierError naming the columns when an override names no column", () => {
    expect(() => resolveMapping(["A", "B", "C"], { amount: "销售额" })).toThrow(
      expect.objectContaining({
        code: "headers.unknownHeader",
        params: { role: "amount", header: "销售额", columns: ["A", "B", "C"] },
      }),
    );
    expect(() => resolveMapping(["A"], { money: "A" })).toThrow(
      expect.objectContaining({ code: "headers.unknownRole" }),
    );
    expect(() => resolveMapping(["金额"], { amount: "金额", frequency: "金额" })).toThrow(
      /both name the column "金额"/,
    );
  });
});
