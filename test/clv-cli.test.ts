// `tier clv` end to end: the R package rfm's sample orders (test/data), a space-aligned text file,
// bad rows, Chinese output, and — when ../shared/data is there — the full CDNOW transactions.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { main } from "../src/cli/main";
import { CLV_MESSAGES } from "../src/i18n/clv";

const data = (f: string) => path.join(__dirname, "data", f);
const cdnowMaster = path.join(__dirname, "..", "..", "shared", "data", "cdnow-master.txt");

async function run(...argv: string[]) {
  let out = "";
  let err = "";
  const code = await main(argv, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

function tmp(name: string, text = ""): string {
  const dir = mkdtempSync(path.join(tmpdir(), "tier-clv-"));
  const file = path.join(dir, name);
  if (text) writeFileSync(file, text);
  return file;
}

const rows = (csv: string) =>
  Papa.parse<Record<string, string>>(csv.replace(/^\uFEFF/, ""), { header: true, skipEmptyLines: true });

describe("tier clv on the R package rfm's sample orders", () => {
  it("writes the CSV columns customer_id, x, t_x, T, p_alive, expected_purchases, expected_spend, clv", async () => {
    const { code, out, err } = await run("clv", data("rfm-orders.csv"), "--unit", "month");
    expect(code).toBe(0);
    const parsed = rows(out);
    expect(parsed.meta.fields).toEqual([
      "customer_id",
      "x",
      "t_x",
      "T",
      "p_alive",
      "expected_purchases",
      "expected_spend",
      "clv",
    ]);
    expect(parsed.data).toHaveLength(995);
    for (const r of parsed.data) {
      expect(Number(r.p_alive)).toBeGreaterThan(0);
      expect(Number(r.p_alive)).toBeLessThanOrEqual(1);
      expect(Number(r.clv)).toBeGreaterThanOrEqual(0);
    }
    expect(err).toContain("columns: customer_id=customer_id, date=order_date, amount=revenue");
    expect(err).toMatch(/BG\/NBD on 995 customers: r = [\d.]+/);
  });

  it("prints the holdout check per calibration transactions 0..7+ when orders follow the calibration end", async () => {
    const { code, err } = await run("clv", data("rfm-orders.csv"), "--calibration-end", "2005-12-31");
    expect(code).toBe(0);
    expect(err).toContain("Holdout check: repeat transactions in 2006-01-01..2006-12-30");
    const table = err.slice(err.indexOf("x in calibration"));
    expect(table.split("\n").filter((l) => /^\d\+?\s/.test(l))).toHaveLength(8);
    expect(table).toMatch(/^7\+\s/m);
  });

  it("warns that the model does not fit this synthetic sample, whose customers all buy alike and never leave", async () => {
    const { err } = await run("clv", data("rfm-orders.csv"), "--calibration-end", "2005-12-31");
    expect(err).toContain("the model does not fit well: it finds every customer buying at the same rate");
    expect(err).toContain("the model does not fit well: it finds no customer ever stops buying");
  });

  it("writes JSON with the fitted model beside the rows", async () => {
    const out = tmp("clv.json");
    const { code } = await run("clv", data("rfm-orders.csv"), "--out", out, "--horizon", "26");
    expect(code).toBe(0);
    const json = JSON.parse(readFileSync(out, "utf8"));
    expect(Object.keys(json.model)).toEqual(
      expect.arrayContaining(["r", "alpha", "a", "b", "p", "q", "gamma", "logLikelihood", "customers"]),
    );
    expect(json.model.customers).toBe(995);
    expect(json.rows[0]).toHaveProperty("expected_spend");
  });

  it("prints Chinese sentences and headers with --lang zh", async () => {
    const { err } = await run(
      "clv",
      data("rfm-orders.csv"),
      "--calibration-end",
      "2005-12-31",
      "--lang",
      "zh",
    );
    expect(err).toContain("校准期 2001-10-29..2005-12-31");
    expect(err).toContain("校准期复购次数");
    expect(err).toContain("验证期检验");
  });
});

describe("tier clv reads what users have", () => {
  it("reads space-aligned text with YYYYMMDD dates (the CDNOW format)", async () => {
    const file = tmp(
      "orders.txt",
      [
        " customer_id  date number_of_cds  dollar_value",
        " 00001 19970101  1   11.77",
        " 00002 19970112  1   12.00",
        " 00002 19970112  5   77.00",
        " 00002 19970301  1   20.00",
        " 00003 19970102  2   20.76",
        " 00003 19970330  2   20.76",
        " 00004 19970402  1   10.00",
      ].join("\n") + "\n",
    );
    const { code, out, err } = await run("clv", file, "--calibration-end", "1997-03-31");
    expect(code).toBe(0);
    expect(err).toContain("amount=dollar_value");
    expect(err).toContain("1 customers bought first after the calibration end and are left out: 00004");
    const r = rows(out).data;
    expect(r.map((c) => c.customer_id)).toEqual(["00001", "00002", "00003"]);
    expect(r.map((c) => c.x)).toEqual(["0", "1", "1"]);
  });

  it("reports rows without a date or amount and scores the rest", async () => {
    const file = tmp(
      "orders.csv",
      "customer_id,order_date,amount\na,2025-01-01,10\na,2025-02-01,20\nb,2025-01-05,abc\nb,soon,5\nc,2025-01-07,8\nc,2025-03-01,9\n",
    );
    const { code, out, err } = await run("clv", file);
    expect(code).toBe(0);
    expect(err).toContain("2 row problem(s):");
    expect(err).toContain("row 4, amount: not an amount: “abc”");
    expect(err).toContain("row 5, order_date: not a date: “soon”");
    expect(rows(out).data.map((c) => c.customer_id)).toEqual(["a", "c"]);
  });

  it("says in one line when too few customers bought again", async () => {
    const file = tmp("orders.csv", "customer_id,order_date,amount\na,2025-01-01,10\nb,2025-01-05,5\n");
    const { code, err } = await run("clv", file);
    expect(code).toBe(2);
    expect(err).toBe(
      "tier: only 0 of 2 customers bought again: the model needs repeat buyers to learn from\n",
    );
  });

  it("says it in Chinese with --lang zh", async () => {
    const file = tmp("orders.csv", "customer_id,order_date,amount\na,2025-01-01,10\nb,2025-01-05,5\n");
    const { code, err } = await run("clv", file, "--lang", "zh");
    expect(code).toBe(2);
    expect(err).toBe("tier: 2 位客户中只有 0 位再次购买：模型需要有复购的客户才能估计\n");
  });

  it("keeps the zh and en catalogues in step", () => {
    expect(Object.keys(CLV_MESSAGES.zh).sort()).toEqual(Object.keys(CLV_MESSAGES.en).sort());
  });
});

describe.skipIf(!existsSync(cdnowMaster))("tier clv on the full CDNOW transactions (../shared/data)", () => {
  it("counts 23,570 customers, 39 holdout weeks and the paper's share of one-time buyers", async () => {
    const { code, err } = await run("clv", cdnowMaster, "--calibration-end", "1997-09-30", "--unit", "week");
    expect(code).toBe(0);
    expect(err).toContain("69659 orders of 23570 customers");
    expect(err).toContain("1997-10-01..1998-06-30 (39 weeks)");
    expect(err).toMatch(/^0\s+14119\s/m);
    expect(err).toMatch(/Gamma-Gamma on 9450 repeat buyers/);
  }, 30_000);
});
