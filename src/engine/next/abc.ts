/** Reasons and next steps of the `abc` method: the value against the A and B cut amounts. */
import { abcShareCuts, monthlyAverage } from "../abc";
import type { AbcRules } from "../methods/abc";
import { guessMonthColumns } from "../headers";
import type { MethodDef, MethodInput, MethodRun } from "../methods/types";
import type { Reason } from "../reasons";
import { readNumber, readText } from "../values";
import { atLeast, searchNext } from "./search";

type Parts = Pick<MethodDef<AbcRules>, "explain" | "next" | "regrade">;

interface Frozen {
  /** The value classed (the amount, or the average of the last months), NaN where not graded. */
  v: Float64Array;
  /** A from `a`, B from `b` (positive values only when by share). */
  a: number;
  b: number;
  /** The input a next step changes: the amount, or the last month's column (the average moves by 1/months of it). */
  role: string;
  column: string;
  /** Per row, the value of that input. */
  own: Float64Array;
  months: number;
}

function freeze(input: MethodInput, rs: AbcRules, run: MethodRun): Frozen {
  let v: Float64Array;
  let role = "amount";
  let column = input.label("amount");
  let own: Float64Array;
  const months = rs.months ?? 0;
  if (months) {
    const cols = guessMonthColumns(input.headers).slice(-months);
    const read = cols.map((c) => {
      const cells = input.cells(input.headers[c]);
      return Float64Array.from(cells, (x) => {
        const r = readText(x) === "" ? 0 : readNumber(x);
        return typeof r === "number" ? r : NaN;
      });
    });
    v = monthlyAverage(read, months);
    role = column = input.headers[cols[cols.length - 1]];
    own = read[read.length - 1];
  } else {
    v = Float64Array.from(input.numeric("amount"));
    own = v;
  }
  v = Float64Array.from(v);
  for (let i = 0; i < input.n; i++) if (run.tier[i] === null) v[i] = NaN;
  const cut = rs.basis.kind === "share" ? abcShareCuts(v, rs.basis) : { a: rs.basis.a, b: rs.basis.b };
  return { v, a: cut.a, b: cut.b, role, column, own, months };
}

function classOf(x: number, fz: Frozen, share: boolean): number {
  if (x !== x) return -1;
  if (share) return x > 0 && x >= fz.a ? 0 : x > 0 && x >= fz.b ? 1 : 2;
  return x >= fz.a ? 0 : x >= fz.b ? 1 : 2;
}

const r2 = (x: number): number => Math.round(x * 100) / 100;

/**
 * The value against the A and B cut amounts ("金额 8,640：A类起点 12,000（累计前 80%），B类起点 3,000");
 * the next step brings it to the next class's cut amount. By share the cut amount is this run's, and
 * the customer's own growth moves it, so the step is labelled an estimate.
 *
 * @example abcNext.next!(input, preset("abc"), run)[3] // { tier: "A", role: "amount", from: 8640, to: 12000, estimate: true }
 */
export const abcNext: Parts = {
  explain(input, rs, run) {
    const fz = freeze(input, rs, run);
    const share = rs.basis.kind === "share";
    return run.tier.map((t, i): Reason | null => {
      if (t === null) return null;
      return {
        code: share ? "why.abcShare" : "why.abcAmount",
        params: {
          column: fz.months
            ? { code: "why.monthlyAverage", params: { months: fz.months } }
            : input.label("amount"),
          role: "amount",
          value: r2(fz.v[i]),
          tier: t,
          tierA: rs.tiers[0].key,
          tierB: rs.tiers[1].key,
          a: Number.isFinite(fz.a) ? r2(fz.a) : "—",
          b: Number.isFinite(fz.b) ? r2(fz.b) : "—",
          ...(share ? { shareA: r2(rs.basis.a * 100), shareB: r2(rs.basis.b * 100) } : {}),
        },
      };
    });
  },
  regrade(input, rs, run) {
    const fz = freeze(input, rs, run);
    const share = rs.basis.kind === "share";
    return (i, changes) => {
      const c = changes[fz.role];
      // A month's change moves the average by 1/months of it.
      const x = c === undefined ? fz.v[i] : fz.months ? fz.v[i] + (c - fz.own[i]) / fz.months : c;
      const k = classOf(x, fz, share);
      return k < 0 ? null : rs.tiers[k].key;
    };
  },
  next(input, rs, run) {
    const fz = freeze(input, rs, run);
    const m = fz.months || 1;
    return searchNext(
      run,
      rs.tiers.map((t) => t.key),
      (i) =>
        [fz.a, fz.b].map((cut) => ({
          role: fz.role,
          column: fz.column,
          from: fz.own[i],
          // The month value that lifts the average to the cut: own + (cut − average) × months.
          to: atLeast(fz.own[i] + (cut - fz.v[i]) * m, 0.01, false),
        })),
      abcNext.regrade!(input, rs, run),
      rs.basis.kind === "share",
    );
  },
};
