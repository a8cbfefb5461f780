// The CLV method of the registry, graded through grade() as every layer grades: the paper's CDNOW
// customers rebuilt as orders give the paper's numbers, and the tiers follow the documented lines.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { conditionalExpectation, pAlive } from "../src/engine/clv";
import { dayFromCivil, formatDay, parseIsoDay } from "../src/engine/dates";
import { TierError } from "../src/engine/errors";
import { grade } from "../src/engine/grade";
import { methodOf, ruleSetSchema } from "../src/engine/methods";
import { preset } from "../src/engine/presets";
import { parseRuleSet } from "../src/engine/ruleset";
import { tableFromRows } from "../src/engine/table";
import { SQL_METHODS } from "../src/sql/methods";
import { hasFormulaForm } from "../src/workbook/formulas";
import { reasonText } from "../src/i18n/reasons";
import { main } from "../src/cli/main";
import { gradeIn } from "./present";

/** Published BG/NBD fit on CDNOW (Fader, Hardie & Lee 2005, Marketing Science 24(2), p. 282). */
const PAPER = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
/** The paper's calibration period ends at week 39: 1997-01-01 + 38 weeks and six days = 1997-09-30. */
const END = dayFromCivil(1997, 9, 30);

/**
 * test/data/cdnow-summary.csv (x, t_x, T in weeks, z̄) rebuilt as an orders sheet: the first purchase
 * T weeks before the calibration end, the last t_x weeks after the first, the x − 1 others on the days
 * after the first, each repeat purchase spending z̄ (so their mean is z̄).
 */
function cdnowOrders() {
  const lines = readFileSync(new URL("./data/cdnow-summary.csv", import.meta.url), "utf8")
    .trim()
    .split(/\r?\n/)
    .slice(1)
    .map((l) => l.split(",").map(Number));
  const rows: (string | number)[][] = [["customer_id", "date", "amount"]];
  for (const [id, x, tx, T, zbar] of lines) {
    const first = END - Math.round(T * 7);
    const last = first + Math.round(tx * 7);
    rows.push([`C${id}`, formatDay(first), 10]);
    for (let k = 1; k < x; k++) rows.push([`C${id}`, formatDay(first + k), zbar]);
    if (x > 0) rows.push([`C${id}`, formatDay(last), zbar]);
  }
  return { table: tableFromRows(rows, false, "orders"), customers: lines };
}

describe("the clv method graded through grade()", () => {
  const { table, customers } = cdnowOrders();
  const rules = { ...preset("clv"), horizon: 39, discount: 0 } as ReturnType<typeof preset>;
  const result = grade(table, rules, { asOf: END });
  const col = (k: string) => result.columns[k] as number[];

  it("counts the CDNOW customers rebuilt as orders as the paper does (x, t_x and T in weeks)", () => {
    expect(result.input).toBe("orders");
    expect(result.columns.customer_id.length).toBe(2357);
    customers.forEach(([, x, tx, T], i) => {
      expect(col("x")[i]).toBe(x);
      expect(Math.abs(col("t_x")[i] - tx)).toBeLessThan(0.011);
      expect(Math.abs(col("T")[i] - T)).toBeLessThan(0.011);
    });
  });

  it("gives customer 1 the paper's E[Y(39) | x = 2, t_x = 30.43, T = 38.86] = 1.226", () => {
    // Fader, Hardie & Lee (2005), §5: the expected purchases of CDNOW's customer 1 in the next 39 weeks.
    expect(conditionalExpectation(PAPER, 39, 2, 30.43, 38.86)).toBeCloseTo(1.226, 3);
    expect(result.columns.customer_id[0]).toBe("C1");
    expect(col("expected_purchases")[0]).toBeCloseTo(1.226, 2);
  });

  it("gives every customer the P(alive) of the paper's fitted parameters, to two decimals", () => {
    const paper = pAlive(PAPER, {
      x: customers.map((c) => c[1]),
      tx: customers.map((c) => c[2]),
      T: customers.map((c) => c[3]),
    });
    let worst = 0;
    paper.forEach((p, i) => (worst = Math.max(worst, Math.abs(p - col("p_alive")[i]))));
    expect(worst).toBeLessThan(0.005);
  });

  it("puts P(alive) below 0.2 in lost, below 0.5 at risk, and cuts the active into thirds by CLV", () => {
    const tier = result.columns.tier as string[];
    const alive = col("p_alive");
    const clv = col("clv");
    const active: number[] = [];
    tier.forEach((t, i) => {
      if (alive[i] < 0.2) expect(t).toBe("lost");
      else if (alive[i] < 0.5) expect(t).toBe("at-risk");
      else {
        expect(["high", "medium", "low"]).toContain(t);
        active.push(i);
      }
    });
    // Every high customer is worth more than every medium one, and every medium more than every low one.
    const range = (t: string) => active.filter((i) => tier[i] === t).map((i) => clv[i]);
    expect(Math.min(...range("high"))).toBeGreaterThan(Math.max(...range("medium")));
    expect(Math.min(...range("medium"))).toBeGreaterThanOrEqual(Math.max(...range("low")));
    // Thirds: within a few customers of a third each (ties at a cut point go to the lower third).
    for (const t of ["high", "medium", "low"])
      expect(Math.abs(range(t).length - active.length / 3)).toBeLessThan(active.length * 0.05);
    expect(result.graded).toBe(2357);
    expect(result.summary.map((s) => s.tier)).toEqual(["high", "medium", "low", "at-risk", "lost"]);
  });

  it("gives a customer without a repeat purchase P(alive) 1", () => {
    customers.forEach(([, x], i) => {
      if (x === 0) expect(col("p_alive")[i]).toBe(1);
    });
  });
});

describe("the clv method in the registry", () => {
  it("is a preset with valid rules, tiers best first and the columns of tier clv", () => {
    const rs = preset("clv");
    expect(ruleSetSchema.parse(rs)).toEqual(rs);
    expect(
      methodOf(rs)
        .tiers(rs)
        .map((t) => t.key),
    ).toEqual(["high", "medium", "low", "at-risk", "lost"]);
    expect(
      methodOf(rs)
        .needs(rs)
        .map((n) => n.role),
    ).toEqual(["customer_id", "date", "amount"]);
  });

  it("refuses a lost line at or above the active line with a catalogue reason", () => {
    const bad = { ...preset("clv"), lost: 0.6 };
    const err = (() => {
      try {
        parseRuleSet(bad);
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(TierError);
    expect((err as TierError).code).toBe("rules.clvThresholds");
  });

  it("reports a bad order row and grades the customer on the others", () => {
    const table = tableFromRows(
      [
        ["customer_id", "date", "amount"],
        ["a", "2025-01-02", 10],
        ["a", "2025-02-03", 12],
        ["a", "not a date", 12],
        ["b", "2025-01-05", 8],
        ["b", "2025-03-01", 9],
        ["b", "2025-03-09", 9],
        ["c", "2025-02-01", 20],
        ["d", "2025-01-20", 5],
        ["d", "2025-01-27", 7],
      ],
      false,
      "orders",
    );
    const r = gradeIn(table, preset("clv"), { asOf: parseIsoDay("2025-06-30") });
    expect(r.problems.map((p) => p.row)).toEqual([4]);
    expect(r.tierKeys.every((t) => t !== null)).toBe(true);
    expect(r.columns.x).toEqual([1, 2, 0, 1]);
  });

  it("asks for an orders sheet when given one row per customer", () => {
    const table = tableFromRows(
      [
        ["customer_id", "amount"],
        ["a", 10],
        ["b", 12],
      ],
      false,
      "customers",
    );
    expect(() => grade(table, preset("clv"), { input: "customers" })).toThrow(
      expect.objectContaining({ code: "clv.needsOrderRows" }),
    );
  });

  it("has no SQL form and no formula form, and says so in both languages", () => {
    const rs = preset("clv") as Extract<ReturnType<typeof preset>, { method: "clv" }>;
    try {
      SQL_METHODS.clv(undefined as never, rs);
      expect.unreachable();
    } catch (e) {
      expect((e as TierError).code).toBe("sql.noSqlForm");
      expect(reasonText(e as TierError, "zh")).toContain("没有 SQL 形式");
    }
    expect(hasFormulaForm("clv")).toBe(false);
  });
});

async function cli(...argv: string[]) {
  let out = "";
  let err = "";
  const code = await main(argv, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

describe("tier grade --preset clv", () => {
  const orders = new URL("./data/rfm-orders.csv", import.meta.url).pathname;

  it("grades the R package rfm's sample orders into the five tiers with the model's columns", async () => {
    const { code, out, err } = await cli("grade", orders, "--preset", "clv", "--as-of", "2006-12-31");
    expect(code).toBe(0);
    const [header, ...lines] = out.trim().split(/\r?\n/);
    expect(header).toBe(
      "customer_id,x,t_x,T,p_alive,expected_purchases,expected_spend,clv,strategy,tier,issue,note,reason,next_tier,next_step",
    );
    expect(lines).toHaveLength(995);
    expect(err).toContain("995 customers: 995 graded, 0 not graded");
    // Every customer of this sample buys at about one rate, which sends r and α towards infinity
    // together; the fit stops at the optimiser's wall (10^8) with finite, positive forecasts.
    for (const line of lines) {
      const cells = line.split(",");
      const purchases = Number(cells[5]);
      expect(purchases).toBeGreaterThan(0);
      expect(purchases).toBeLessThan(52);
    }
  });

  it("names the tiers in Chinese with --lang zh", async () => {
    const { code, err } = await cli(
      "grade",
      orders,
      "--preset",
      "clv",
      "--as-of",
      "2006-12-31",
      "--lang",
      "zh",
    );
    expect(code).toBe(0);
    expect(err).toContain("高价值活跃");
    expect(err).toContain("已流失");
  });

  it("tier sql --preset clv says that CLV has no SQL form", async () => {
    const { code, out, err } = await cli(
      "sql",
      "--preset",
      "clv",
      "--dialect",
      "duckdb",
      "--table",
      "orders",
    );
    expect(code).not.toBe(0);
    expect(out).toBe("");
    expect(err).toContain("has no SQL form");
  });
});
