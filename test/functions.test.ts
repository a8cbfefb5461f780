// The TIER custom functions called the way Excel calls them: 2-D arrays, "" for a blank cell, numbers
// sometimes stored as text, null for an omitted optional argument. The CustomFunctions global does not
// exist in Node, so a tiny stand-in records the error code and message.
import { describe, expect, it } from "vitest";
import { todayDay, dayToExcelSerial, parseIsoDay } from "../src/engine/dates";
import { rfm } from "../src/engine/rfm";

class FakeError {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}
Object.assign(globalThis, {
  CustomFunctions: {
    Error: FakeError,
    ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A" },
    associate: () => undefined,
  },
});

// Called the way Excel calls them: untyped, with null (not undefined) for an omitted argument.
type Fn = (...args: unknown[]) => unknown[][];
const F = (await import("../src/functions/functions")) as unknown as Record<string, Fn>;

/** A column as Excel passes it, frozen to prove the functions never write into it. */
const col = (...cells: unknown[]): unknown[][] =>
  Object.freeze(cells.map((c) => Object.freeze([c]))) as unknown[][];
const row = (...cells: unknown[]): unknown[][] => Object.freeze([Object.freeze(cells)]) as unknown[][];

/** The #VALUE! error a call throws. */
function thrown(call: () => unknown): FakeError {
  try {
    call();
  } catch (e) {
    expect(e).toBeInstanceOf(FakeError);
    return e as FakeError;
  }
  throw new Error("expected #VALUE!");
}

function na(cell: unknown): string {
  expect(cell).toBeInstanceOf(FakeError);
  expect((cell as FakeError).code).toBe("#N/A");
  return (cell as FakeError).message ?? "";
}

describe("TIER.RFM", () => {
  it("scores three customers 1..3 by PERCENTILE.INC terciles (hand calculation)", () => {
    // recency sorted 5, 40, 200: q(1/3) = 5 + 0.667·35 = 28.3, q(2/3) = 40 + 0.333·160 = 93.3
    // → bins 1, 2, 3 → R = 3, 2, 1; frequency and amount in the same order give F = M = 3, 2, 1.
    const out = F.tierRfm(col(5, 40, 200), col(9, 3, 1), col(900, 120, 35), 3, null);
    expect(out).toEqual([
      [3, 3, 3, "333"],
      [2, 2, 2, "222"],
      [1, 1, 1, "111"],
    ]);
  });

  it("reads numbers stored as text, spills #N/A with the reason for a bad row and leaves it out of the cut points", () => {
    const rec = [12, 30, "45", 60, 90, "abc", 200, 365];
    const fre = [10, "8", 6, 5, 4, 3, 2, 1];
    const amt = ["1,200", 800, "¥600", 400, 300, 200, 100, 50];
    const out = F.tierRfm(col(...rec), col(...fre), col(...amt), null, null);
    expect(out).toHaveLength(8);
    expect(na(out[5][0])).toBe('recency_days: not a number: "abc"');
    expect(out[5].every((c) => c === out[5][0])).toBe(true);
    // The engine on the seven good rows gives the same scores.
    const keep = [0, 1, 2, 3, 4, 6, 7];
    const num = (a: unknown[]) => keep.map((i) => Number(String(a[i]).replace(/[,¥]/g, "")));
    const ref = rfm(num(rec), num(fre), num(amt));
    keep.forEach((i, k) => expect(out[i].slice(0, 3)).toEqual([ref.r[k], ref.f[k], ref.m[k]]));
    expect(out[0][3]).toBe(`${ref.r[0]}${ref.f[0]}${ref.m[0]}`);
  });

  it("treats blank cells as missing, not zero: a partly blank row is #N/A, a fully blank row spills blanks", () => {
    const out = F.tierRfm(col(10, 20, "", "", 40), col(1, 2, 3, null, 4), col(5, 6, 7, "", 8), null, null);
    expect(na(out[2][0])).toBe("recency_days is blank");
    expect(out[3]).toEqual(["", "", "", ""]);
    expect(out[0]).not.toContain("");
  });

  it("spills the customers only: blank rows at the end of the ranges (B:B, a range sized for next month) are left out", () => {
    const blank = (n: number, cell: unknown) => Array.from({ length: n }, () => cell);
    // Excel on the web passes a blank cell as null, the desktop as "" in a required range.
    const out = F.tierRfm(
      col(10, 20, 40, ...blank(5000, null)),
      col(1, 2, 4, ...blank(5000, "")),
      col(5, 6, 8, ...blank(5000, null)),
      null,
      null,
    );
    expect(out).toHaveLength(3);
    expect(F.tierRecency(col(...blank(10, "")), 45_000)).toEqual([[""]]);
  });

  it("throws #VALUE! naming the rows and the limit for more than 100,000 customers, and counts them after the trailing blanks", () => {
    const many = (n: number) => Array.from({ length: n }, (_, i) => [i + 1]);
    expect(thrown(() => F.tierAbc(many(100_001), null, null)).message).toBe(
      "values has 100001 rows; a TIER function takes at most 100000: grade a list this long in the Tier pane or with the tier command line",
    );
    // A whole column (B:B) of 1,048,576 rows with 100,000 customers at the top is taken.
    const column = [...many(100_000), ...Array.from({ length: 948_576 }, () => [""])];
    expect(F.tierAbc(column, null, null)).toHaveLength(100_000);
  });

  it("accepts rfm-r and a 3-row range of fixed thresholds (with or without an R/F/M label column)", () => {
    const r = col(5, 40, 200, 400);
    const f = col(9, 3, 2, 1);
    const m = col(900, 120, 60, 35);
    expect(F.tierRfm(r, f, m, null, [["rfm-r"]])).toHaveLength(4);
    // Fixed, left-closed, R reversed: days 5 < 30 → bin 1 → R 3; 40 → bin 2 → R 2; 200, 400 ≥ 90 → R 1.
    // Third customer: F 2 >= 2 → 2, M 60 < 100 → 1.
    const t = [
      [30, 90],
      [2, 5],
      [100, 500],
    ];
    const out = F.tierRfm(r, f, m, null, t);
    expect(out.map((x) => x[3])).toEqual(["333", "222", "121", "111"]);
    const labelled = t.map((x, k) => ["RFM"[k], ...x]);
    expect(F.tierRfm(r, f, m, 3, labelled)).toEqual(out);
  });

  it("throws #VALUE! with what to fix for bins outside 2..9, ranges of different lengths and an unknown method", () => {
    expect(thrown(() => F.tierRfm(col(1, 2), col(1, 2), col(1, 2), 10)).message).toBe(
      "bins must be a whole number from 2 to 9 (got 10)",
    );
    expect(thrown(() => F.tierRfm(col(1, 2), col(1, 2), col(1), null)).message).toMatch(
      /recency_days has 2 rows but amount has 1/,
    );
    expect(thrown(() => F.tierRfm(col(1, 2), col(1, 2), col(1, 2), null, [["median"]])).code).toBe("#VALUE!");
    expect(thrown(() => F.tierRfm([[1, 2]], col(1), col(1))).message).toMatch(/one column/);
  });
});

describe("TIER.RECENCY", () => {
  it("counts days from Excel serials and text dates to as_of, #N/A for a date after as_of", () => {
    const asOf = dayToExcelSerial(parseIsoDay("2025-03-31")); // 45747
    const out = F.tierRecency(
      col(45717, "2025/3/1", "2025年3月1日", "2025-03-01 08:26:00", 45750, "", "soon"),
      asOf,
    );
    expect(out.slice(0, 4)).toEqual([[30], [30], [30], [30]]);
    expect(na(out[4][0])).toBe("last_dates: date 2025-04-03 is after the as-of date 2025-03-31");
    expect(out[5]).toEqual([""]);
    expect(na(out[6][0])).toBe('last_dates: not a date: "soon"');
    expect(F.tierRecency(col("2025-03-01"), "2025-03-31")).toEqual([[30]]);
  });

  it("uses today when as_of is omitted", () => {
    const today = dayToExcelSerial(todayDay());
    expect(F.tierRecency(col(today - 7), null)).toEqual([[7]]);
  });

  it("throws #VALUE! for an as_of that is not a date", () => {
    expect(thrown(() => F.tierRecency(col(45717), "yesterday")).message).toMatch(/as_of must be a date/);
  });
});

describe("TIER.SEGMENT", () => {
  it("names segments by the spec's default table, first match wins, in English or Chinese", () => {
    // 5/5/5 Champions; 1/1/1 Lost; 3/3/3 Potential Loyalist (row 2 comes before Loyal Customers);
    // 2/1/5 matches no row → Others.
    const r = col(5, 1, 3, 2);
    const f = col(5, 1, 3, 1);
    const m = col(5, 1, 3, 5);
    expect(F.tierSegment(r, f, m, null, null)).toEqual([
      ["Champions"],
      ["Lost"],
      ["Potential Loyalist"],
      ["Others"],
    ]);
    expect(F.tierSegment(r, f, m, null, "zh")).toEqual([
      ["冠军客户"],
      ["已流失客户"],
      ["潜力忠诚客户"],
      ["其他"],
    ]);
  });

  it("reads a segment table with a header row; a score of 0 or blank is #N/A", () => {
    const table = [
      ["name", "r_min", "r_max", "f_min", "f_max", "m_min", "m_max"],
      ["Best", 4, 5, 4, 5, 4, 5],
      ["Rest", 1, 5, 1, 5, 1, 5],
    ];
    const out = F.tierSegment(col(5, 2, 0, ""), col("4", 2, 3, 3), col(5, 2, 3, 3), table, "en");
    expect(out.slice(0, 2)).toEqual([["Best"], ["Rest"]]);
    expect(na(out[2][0])).toBe("R is 0: scores start at 1");
    expect(na(out[3][0])).toBe("R is blank");
  });

  it("throws #VALUE! for a table with min above max and for an unknown language", () => {
    const bad = [["X", 5, 1, 1, 5, 1, 5]];
    expect(thrown(() => F.tierSegment(col(1), col(1), col(1), bad)).message).toBe(
      "segment table row 1: r_min must be <= r_max",
    );
    expect(thrown(() => F.tierSegment(col(1), col(1), col(1), null, "fr")).message).toMatch(/lang must be/);
  });
});

describe("TIER.RFM8", () => {
  it("compares each customer with the means (hand calculation)", () => {
    // means: recency 50, frequency 4.5, amount 260 → customer 1 is better on all three, customer 2 on none.
    expect(F.tierRfm8(col(10, 90), col(8, 1), col(500, 20), null)).toEqual([
      ["Important value"],
      ["General win-back"],
    ]);
    expect(F.tierRfm8(col(10, 90), col(8, 1), col(500, 20), "zh")).toEqual([
      ["重要价值客户"],
      ["一般挽留客户"],
    ]);
  });
});

describe("TIER.ABC", () => {
  // The spec's example: 20 customers whose top 4 hold exactly 80 % and top 10 exactly 95 %.
  const sales = [700, 400, 300, 200, 80, 60, 50, 44, 36, 30, 18, 16, 14, 12, 10, 9, 7, 6, 5, 3];
  const expected = sales.map((_, i) => [i < 4 ? "A" : i < 10 ? "B" : "C"]);

  it("puts the customer that crosses 80 % in A: A = 1..4, B = 5..10, C = 11..20", () => {
    expect(F.tierAbc(col(...sales), null, null)).toEqual(expected);
  });

  it("reads numbers stored as text and shares given as 80% text, and spills #N/A for a bad value", () => {
    const cells = sales.map((v, i) => (i % 3 === 0 ? String(v) : v));
    expect(F.tierAbc(col(...cells), "80%", 0.95)).toEqual(expected);
    const out = F.tierAbc(col(...sales, "n/a", "#N/A"), null, null);
    expect(out.slice(0, 20)).toEqual(expected);
    expect(na(out[20][0])).toBe('values: not a number: "n/a"');
    expect(na(out[21][0])).toBe("values: error value #N/A");
  });

  it("throws #VALUE! for shares out of order and for no positive sales", () => {
    expect(thrown(() => F.tierAbc(col(1, 2), 0.9, 0.8)).message).toMatch(/A share < B share/);
    expect(thrown(() => F.tierAbc(col(0, -5), null, null)).message).toMatch(/positive sales/);
  });
});

describe("TIER.PARETO", () => {
  it("spills share, cumulative share including the tie group, and the class (hand calculation)", () => {
    // total 1000: 500 → 50 %, cumulative 50 %; 300 → 80 %; the two 100s tie: each 10 %, cumulative 100 %.
    // before(100) = 80 % is not below 80 %, so both are B; a return (-50) counts as 0 and is C.
    const out = F.tierPareto(col(500, 300, 100, 100, -50, "", 0), null, null);
    expect(out.slice(0, 5)).toEqual([
      [0.5, 0.5, "A"],
      [0.3, 0.8, "A"],
      [0.1, 1, "B"],
      [0.1, 1, "B"],
      [0, 1, "C"],
    ]);
    expect(out[5]).toEqual(["", "", ""]);
    expect(out[6]).toEqual([0, 1, "C"]);
  });
});

describe("TIER.PYRAMID", () => {
  it("cuts by the share of customers with more sales, with given cuts and names", () => {
    // above = COUNTIF(">"&v)/6: 0, 1/6, 2/6, 3/6, 4/6, 5/6 → < 20 % Top, < 50 % Middle, else Bottom.
    const out = F.tierPyramid(
      col(900, 50, 40, 30, 20, 10),
      col(0.2, 0.5),
      row("Top", "Middle", "Bottom"),
      null,
    );
    expect(out).toEqual([["Top"], ["Top"], ["Middle"], ["Bottom"], ["Bottom"], ["Bottom"]]);
  });

  it("uses the spec's 1 % / 20 % / 50 % levels and Chinese names by default in zh", () => {
    const values = Array.from({ length: 100 }, (_, i) => 100 - i);
    const out = F.tierPyramid(col(...values), null, null, "zh");
    const count = (name: string) => out.filter((r) => r[0] === name).length;
    expect([count("重要客户"), count("次要客户"), count("普通客户"), count("小客户")]).toEqual([
      1, 19, 30, 50,
    ]);
  });

  it("throws #VALUE! when the names do not match the cuts", () => {
    expect(thrown(() => F.tierPyramid(col(1, 2), col(0.5), row("a", "b", "c"))).message).toMatch(/2 levels/);
  });
});

describe("TIER.LEVEL", () => {
  const thresholds = row(0, 5000, 10000, 20000);
  const names = row("普通", "银卡", "金卡", "钻石");

  it("gives the tier of the highest threshold reached (left-closed); below the lowest is #N/A", () => {
    const out = F.tierLevel(col(25000, 10000, 9999.99, "5,000", 0, -10), thresholds, names);
    expect(out.slice(0, 5)).toEqual([["钻石"], ["金卡"], ["银卡"], ["银卡"], ["普通"]]);
    expect(na(out[5][0])).toBe("-10 is below the lowest threshold (0)");
  });

  it("throws #VALUE! for thresholds that do not increase or a name count that does not match", () => {
    expect(thrown(() => F.tierLevel(col(1), row(10, 5), row("a", "b"))).message).toMatch(/must increase/);
    expect(thrown(() => F.tierLevel(col(1), row(0, 5), row("a"))).message).toMatch(
      /2 thresholds but 1 names/,
    );
    // A cell that is not a number is worded, not shown as "[object Object]".
    expect(thrown(() => F.tierLevel(col(1), row(0, "abc"), row("a", "b"))).message).toBe(
      'thresholds: value 2 is not usable (not a number: "abc")',
    );
  });
});

describe("TIER.SCORE and TIER.STARS", () => {
  it("weights ratings: 60 % × 5 + 40 % × 3 = 4.2 (labels read as 优秀 5, 合格 3), 84 on the 100-point scale", () => {
    const ratings = [
      [5, 3],
      ["优秀", "合格"],
      ["4", "良好"],
    ];
    expect(F.tierScore(ratings, row(60, 40), null)).toEqual([[4.2], [4.2], [4]]);
    expect(F.tierScore(ratings, col("60%", "40%"), 100)).toEqual([[84], [84], [80]]);
  });

  it("gives stars by 4.5 / 4 / 3 / 2.5 by default and by the given thresholds", () => {
    const ratings = [
      [5, 5],
      [5, 3],
      [3, 3],
      [2, 3],
      [1, 2],
    ];
    // scores 5, 4.2, 3, 2.4, 1.4
    expect(F.tierStars(ratings, row(60, 40), null, null)).toEqual([[5], [4], [3], [1], [1]]);
    // 100-point scale: 100, 84, 60, 48, 28 against 90 / 80 / 70 / 60
    expect(F.tierStars(ratings, row(60, 40), null, 100)).toEqual([[5], [4], [2], [1], [1]]);
    expect(F.tierStars(ratings, row(0.6, 0.4), row(4.8, 4, 2.9, 1), 5)).toEqual([[5], [4], [3], [2], [2]]);
  });

  it("spills #N/A for a missing or unreadable rating and throws #VALUE! when the weights do not add up to 100 %", () => {
    const out = F.tierScore(
      [
        [5, ""],
        [5, "很好"],
        ["", ""],
        [4, 4],
        ["", null],
      ],
      row(50, 50),
    );
    expect(out).toHaveLength(4);
    expect(out[3]).toEqual([4]);
    expect(na(out[0][0])).toBe("criterion 2 is blank");
    expect(na(out[1][0])).toMatch(/criterion 2: "很好" is not a rating/);
    expect(out[2]).toEqual([""]);
    expect(thrown(() => F.tierScore([[5, 3, 1]], row(30, 30, 30))).message).toBe(
      "weights add up to 90 %, they must add up to 100 %",
    );
    expect(thrown(() => F.tierScore([[5, 3]], row(50, 50), 10)).message).toMatch(/scale must be 5 or 100/);
  });
});

describe("TIER.GRID", () => {
  it("cuts by [low, high] (left-closed) and names cells letter from X, digit from Y", () => {
    const cut = row(10, 20);
    const out = F.tierGrid(col(25, 15, 5, 10), col(20, 5, 19.9, 10), cut, col(10, 20));
    expect(out).toEqual([["A1"], ["B3"], ["C2"], ["B2"]]);
  });

  it("cuts by terciles when no cuts are given (PERCENTILE.INC at 1/3 and 2/3 of 1..9 = 3.67 and 6.33)", () => {
    const v = [1, 2, 3, 4, 5, 6, 7, 8, 9];
    const out = F.tierGrid(col(...v), col(...[...v].reverse()), null, null);
    expect(out.map((r) => r[0])).toEqual(["C1", "C1", "C1", "B2", "B2", "B2", "A3", "A3", "A3"]);
  });
});

describe("TIER.LIFECYCLE", () => {
  it("gives the first matching stage of the spec's preset (hand-made customers, as of 2025-12-31)", () => {
    const asOf = "2025-12-31";
    const first = col(
      "",
      "2023-01-01",
      "2023-01-01",
      "2025-11-01",
      "2024-01-01",
      "2024-01-01",
      "2024-01-01",
      "",
      "",
    );
    const last = col(
      "",
      "2024-12-30",
      "2025-06-30",
      "2025-12-01",
      "2025-12-01",
      "2025-12-01",
      "2025-12-01",
      "",
      "",
    );
    const freq = col(0, 9, 9, 1, "5", 2, 1, "", "");
    const out = F.tierLifecycle(first, last, freq, asOf, null, null);
    // 2024-12-30 is 366 days before → lost; 2025-06-30 is 184 → at risk; first 60 days ago → new.
    expect(out).toEqual([["Prospect"], ["Lost"], ["At risk"], ["New"], ["Loyal"], ["Regular"], ["One-time"]]);
    const zh = F.tierLifecycle(first, last, freq, asOf, null, "zh");
    expect(zh[0]).toEqual(["潜在"]);
  });

  it("takes edited windows, keeps defaults for blank cells, and spills #N/A for an unreadable date", () => {
    const out = F.tierLifecycle(
      col("2025-01-01"),
      col("2025-06-30"),
      col(3),
      "2025-12-31",
      row(400, 100),
      null,
    );
    expect(out).toEqual([["At risk"]]);
    const bad = F.tierLifecycle(
      col("2025-01-01", "2025-02-30"),
      col("2025-12-01", "2025-12-01"),
      col(3, 3),
      "2025-12-31",
    );
    expect(bad[0]).toEqual(["Regular"]);
    expect(na(bad[1][0])).toBe('first_dates: not a date: "2025-02-30" (no such day)');
  });
});

describe("conversion buffers kept between calls", () => {
  it("leaves each call's spilled result intact when the next call converts other data into the same buffers", () => {
    const codes = (r: number[], f: number[], m: number[]) => {
      const res = rfm(Float64Array.from(r), Float64Array.from(f), Float64Array.from(m));
      return r.map((_, i) => `${res.r[i]}${res.f[i]}${res.m[i]}`);
    };
    const first = F.tierRfm(col(1, 30, 60, 90), col(9, 5, 3, 1), col(900, 500, 300, 100), null, null);
    const kept = first.map((r) => [...r]);
    const abc = F.tierAbc(col(80, 15, 5, 0.5));
    const second = F.tierRfm(col(90, 60, 30, 1), col(1, 3, 9, 5), col(100, 300, 500, 900), null, null);
    expect(first).toEqual(kept);
    expect(first.map((r) => r[3])).toEqual(codes([1, 30, 60, 90], [9, 5, 3, 1], [900, 500, 300, 100]));
    expect(second.map((r) => r[3])).toEqual(codes([90, 60, 30, 1], [1, 3, 9, 5], [100, 300, 500, 900]));
    expect(second.map((r) => r[3])).not.toEqual(first.map((r) => r[3]));
    // 80 is 79.6 % of 100.5, and 15 crosses 80 %: A; 5 crosses 95 %: B.
    expect(abc.map((r) => r[0])).toEqual(["A", "A", "B", "C"]);
  });

  it("grades the largest range a function takes (100,000 rows) the same as the engine", () => {
    const n = 100_000;
    const amount = Array.from({ length: n }, (_, i) => [(i * 7919) % 1000]);
    const got = F.tierRfm(
      Array.from({ length: n }, (_, i) => [i % 365]),
      Array.from({ length: n }, (_, i) => [1 + (i % 12)]),
      amount,
      null,
      null,
    );
    const rec = Float64Array.from({ length: n }, (_, i) => i % 365);
    const fre = Float64Array.from({ length: n }, (_, i) => 1 + (i % 12));
    const amt = Float64Array.from(amount, (r) => r[0]);
    const want = rfm(rec, fre, amt);
    for (const i of [0, 1, 12_345, 65_536, n - 1])
      expect(got[i]).toEqual([want.r[i], want.f[i], want.m[i], `${want.r[i]}${want.f[i]}${want.m[i]}`]);
  });
});
