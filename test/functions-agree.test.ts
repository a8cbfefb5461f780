// The custom functions and the command line's driver (grade) must give the same answer on the same
// data (spec: "The engine, the custom functions, the task pane, the command line … must give the same
// answer"). Each test feeds one data set to both and compares row by row.
import { gradeIn } from "./present";
import Papa from "papaparse";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { dayToExcelSerial, parseIsoDay } from "../src/engine/dates";

import { preset } from "../src/engine/presets";
import { tableFromRows } from "../src/engine/table";

Object.assign(globalThis, {
  CustomFunctions: {
    Error: class {
      constructor(
        readonly code: string,
        readonly message?: string,
      ) {}
    },
    ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A" },
    associate: () => undefined,
  },
});
// Called the way Excel calls them: untyped, with null (not undefined) for an omitted argument.
type Fn = (...args: unknown[]) => unknown[][];
const F = (await import("../src/functions/functions")) as unknown as Record<string, Fn>;

function csv(name: string): string[][] {
  const text = readFileSync(fileURLToPath(new URL(`./data/${name}`, import.meta.url)), "utf8");
  return Papa.parse<string[]>(text, { skipEmptyLines: true }).data;
}

/** A column as Excel would pass it: numbers as numbers, except every 7th kept as text ("numbers stored as text"). */
function excelColumn(rows: string[][], c: number): unknown[][] {
  return rows.map((r, i) => [i % 7 === 3 ? r[c] : Number(r[c])]);
}

describe("TIER functions agree with `tier grade` on rfm_data_customer (first 2,000 customers, as of 2007-01-01)", () => {
  const all = csv("rfm-customers.csv");
  const header = all[0];
  const rows = all.slice(1, 2001);
  const at = (h: string) => header.indexOf(h);
  const asOf = parseIsoDay("2007-01-01");
  const cli = gradeIn(tableFromRows([header, ...rows], false, "S"), preset("rfm"), { asOf });
  const rec = excelColumn(rows, at("recency_days"));
  const fre = excelColumn(rows, at("number_of_orders"));
  const amt = excelColumn(rows, at("revenue"));

  it("grades all 2,000 rows on the command line (the comparison is not vacuous)", () => {
    expect(cli.graded).toBe(2000);
  });

  it("TIER.RFM gives the command line's R, F, M and code on every row", () => {
    const out = F.tierRfm(rec, fre, amt, null, null);
    expect(out.map((r) => r[0])).toEqual(cli.columns.r);
    expect(out.map((r) => r[1])).toEqual(cli.columns.f);
    expect(out.map((r) => r[2])).toEqual(cli.columns.m);
    expect(out.map((r) => r[3])).toEqual(cli.columns.rfm);
  });

  it("TIER.SEGMENT on TIER.RFM's scores gives the command line's segment names, in English and Chinese", () => {
    const out = F.tierRfm(rec, fre, amt, null, null);
    const pick = (k: number) => out.map((r) => [r[k]]);
    expect(F.tierSegment(pick(0), pick(1), pick(2), null, null).map((r) => r[0])).toEqual(
      cli.columns.segment,
    );
    const zh = gradeIn(tableFromRows([header, ...rows], false, "S"), preset("rfm"), { asOf, lang: "zh" });
    expect(F.tierSegment(pick(0), pick(1), pick(2), null, "zh").map((r) => r[0])).toEqual(zh.columns.segment);
  });

  it("TIER.RFM8 gives the command line's eight classes", () => {
    const cli8 = gradeIn(tableFromRows([header, ...rows], false, "S"), preset("rfm8"), { asOf, lang: "zh" });
    expect(F.tierRfm8(rec, fre, amt, "zh").map((r) => r[0])).toEqual(cli8.columns.tier);
  });

  it("TIER.RECENCY of most_recent_visit as of 2007-01-01 is the data set's recency_days", () => {
    const dates = rows.map((r) => [r[at("most_recent_visit")]]);
    const out = F.tierRecency(dates, dayToExcelSerial(asOf));
    expect(out.map((r) => r[0])).toEqual(rows.map((r) => Number(r[at("recency_days")])));
  });
});

describe("TIER functions agree with `tier grade` on UCI Online Retail (18,532 invoices of 4,338 customers)", () => {
  const all = csv("online-retail-invoices.csv");
  const cli = gradeIn(tableFromRows(all, false, "S"), preset("abc"), { asOf: parseIsoDay("2011-12-10") });
  const cliPyramid = gradeIn(tableFromRows(all, false, "S"), preset("pyramid"), {
    asOf: parseIsoDay("2011-12-10"),
  });
  // Customer totals as a user would build them with a pivot table or SUMIF.
  const totals = new Map<string, number>();
  for (const [, id, , , amount] of all.slice(1)) totals.set(id, (totals.get(id) ?? 0) + Number(amount));
  const ids = [...totals.keys()];
  const values = ids.map((id) => [totals.get(id)]);

  it("TIER.ABC puts the same 1,133 of 4,338 customers in A, and agrees on B and C", () => {
    const out = F.tierAbc(values, null, null);
    const mine = new Map(ids.map((id, i) => [id, out[i][0]]));
    expect(cli.columns.customer_id).toHaveLength(4338);
    cli.columns.customer_id.forEach((id, i) => expect(mine.get(String(id))).toBe(cli.columns.abc[i]));
    expect(out.filter((r) => r[0] === "A")).toHaveLength(1133);
  });

  it("TIER.PYRAMID gives the command line's levels", () => {
    const out = F.tierPyramid(values, null, null, null);
    const mine = new Map(ids.map((id, i) => [id, out[i][0]]));
    cliPyramid.columns.customer_id.forEach((id, i) =>
      expect(mine.get(String(id))).toBe(cliPyramid.columns.tier[i]),
    );
  });

  it("TIER.PARETO's class column is TIER.ABC, and A is exactly cumulative share minus the tie group below 80 %", () => {
    const out = F.tierPareto(values, null, null);
    const abc = F.tierAbc(values, null, null);
    expect(out.map((r) => r[2])).toEqual(abc.map((r) => r[0]));
    const ties = new Map<number, number>();
    for (const [v] of values) ties.set(v!, (ties.get(v!) ?? 0) + 1);
    out.forEach(([share, cumulative, cls], i) => {
      const before = (cumulative as number) - (share as number) * ties.get(values[i][0]!)!;
      expect(cls === "A").toBe(before < 0.8 - 1e-12);
    });
  });
});
