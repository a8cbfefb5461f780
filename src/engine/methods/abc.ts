import { z } from "zod";
import { abcByAmount, abcByShare, monthlyAverage } from "../abc";
import { TierError } from "../errors";
import { guessMonthColumns } from "../headers";
import { readNumber, readText } from "../values";
import { base, distinctKeys, tierDef, tierInfos, unitShare, visits } from "./parts";
import { cents } from "./rfm";
import type { MethodDef, MethodInput, MethodRun, OutValue, RowReason } from "./types";
import { abcNext } from "../next/abc";

export const abcSchema = z
  .object({
    ...base,
    method: z.literal("abc"),
    basis: z.union([
      z.object({ kind: z.literal("share"), a: unitShare, b: unitShare }).strict(),
      z.object({ kind: z.literal("amount"), a: z.number(), b: z.number() }).strict(),
    ]),
    months: z.number().int().min(3).max(6).optional(),
    tiers: z.array(tierDef).length(3),
    /**
     * Visits a month of the regular sales calls (正常访销) every customer gets whatever their class; the
     * tiers' own `visits` come on top of them (tobacco: 每旬 for 核心, 每半月 for the others).
     */
    regularVisits: visits.optional(),
  })
  .strict();
export type AbcRules = z.infer<typeof abcSchema>;

const fail = (code: string, params: Record<string, string | number>, path: string): never => {
  throw new TierError(code, params, path);
};

/** The average of the last `months` monthly columns, per customer; unreadable months are row problems. */
function monthlyValue(input: MethodInput, months: number, issue: (RowReason | null)[]): Float64Array {
  const monthCols = guessMonthColumns(input.headers);
  if (monthCols.length < months) throw new TierError("abc.monthColumns", { months, found: monthCols.length });
  const last = monthCols.slice(-months);
  const cols = last.map((c) => {
    const header = input.headers[c];
    const cells = input.cells(header);
    const v = new Float64Array(input.n);
    for (let i = 0; i < input.n; i++) {
      // A blank month is a month without sales.
      const x = readText(cells[i]) === "" ? 0 : readNumber(cells[i]);
      if (typeof x === "number") v[i] = x;
      else {
        v[i] = NaN;
        if (!issue[i]) issue[i] = { ...x, column: header };
      }
    }
    return v;
  });
  return monthlyAverage(cols, months);
}

/** The tiers with the regular calls added to each tier's own visits (the plan's visits a month). */
function withRegularVisits(rs: AbcRules): AbcRules["tiers"] {
  const regular = rs.regularVisits;
  if (regular === undefined) return rs.tiers;
  return rs.tiers.map((t) => ({ ...t, visits: Math.min(31, regular + (t.visits ?? 0)) }));
}

/**
 * ABC classes: by share of sales (the customers whose cumulative share reaches `a` are A, up to `b`
 * B, the rest C; the customer that crosses a cut belongs to the class below it) or by fixed amounts;
 * on the amount, or on the average of the last `months` monthly columns.
 *
 * @example methodOf(preset("abc")).tiers(preset("abc")).map((t) => t.key) // ["A", "B", "C"]
 */
/** A, B and C in three distinct hues (blue, amber, green), not three shades of one. */
const ABC_COLOURS = ["#1F6FB2", "#E8A33D", "#6AA84F"];

export const abcMethod: MethodDef<AbcRules> = {
  id: "abc",
  schema: abcSchema,
  chart: "pareto",
  check(rs) {
    if (rs.basis.kind === "share" && !(rs.basis.a < rs.basis.b))
      fail("rules.abcShareOrder", { a: rs.basis.a, b: rs.basis.b }, "basis.a");
    if (rs.basis.kind === "amount" && !(rs.basis.a > rs.basis.b))
      fail("rules.abcAmountOrder", { a: rs.basis.a, b: rs.basis.b }, "basis.a");
    distinctKeys(
      rs.tiers.map((t) => t.key),
      "tiers",
      fail,
    );
  },
  needs: (rs) =>
    rs.months
      ? [{ role: "customer_id" }, { role: "month_columns" }]
      : [{ role: "customer_id" }, { role: "amount" }],
  tiers: (rs) =>
    tierInfos(
      withRegularVisits(rs).map((t, i) => ({ ...t, colour: t.colour ?? ABC_COLOURS[i] })),
      true,
    ),
  run(input, rs): MethodRun {
    const n = input.n;
    const issue: (RowReason | null)[] = new Array(n).fill(null);
    const tier: (string | null)[] = new Array(n).fill(null);
    let value: Float64Array;
    if (rs.months) value = monthlyValue(input, rs.months, issue);
    else {
      input.numeric("amount");
      input.requireValid(["amount"], issue);
      value = input.numeric("amount");
    }
    const v = Float64Array.from(value);
    for (let i = 0; i < n; i++) if (issue[i] || input.failed[i]) v[i] = NaN;
    const cls =
      rs.basis.kind === "share" ? abcByShare(v, { a: rs.basis.a, b: rs.basis.b }) : abcByAmount(v, rs.basis);
    const letter: OutValue[] = new Array(n).fill(null);
    for (let i = 0; i < n; i++) {
      if (cls[i] === 0) continue;
      letter[i] = "ABC"[cls[i] - 1];
      tier[i] = rs.tiers[cls[i] - 1].key;
    }
    return {
      columns: [
        ["amount", cents(value)],
        ["abc", letter],
      ],
      tier,
      issue,
      summaryValue: value,
    };
  },
  // Reasons and next steps (issue 17).
  ...abcNext,
};
