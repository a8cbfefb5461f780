/** Reasons and next steps of the `grid` method: each axis against its low and high cut. */
import { GRID_CELLS, terciles } from "../grid";
import type { GridRules } from "../methods/grid";
import type { MethodDef, MethodInput, MethodRun } from "../methods/types";
import type { Reason } from "../reasons";
import { atLeast, searchNext, type Candidate, columnOf } from "./search";

type Parts = Pick<MethodDef<GridRules>, "explain" | "next" | "regrade">;

interface Axis {
  key: string;
  v: Float64Array;
  low: number;
  high: number;
  /** Terciles: level up when v > cut; fixed: when v ≥ cut. */
  strict: boolean;
}

function axis(input: MethodInput, rs: GridRules, run: MethodRun, which: "x" | "y"): Axis {
  const key = input.columnKey(rs[which].role);
  const v = Float64Array.from(input.numeric(key));
  for (let i = 0; i < input.n; i++) if (run.tier[i] === null) v[i] = NaN;
  const cut = rs[which].cut;
  if (cut.method === "fixed") return { key, v, low: cut.low, high: cut.high, strict: false };
  const [low, high] = terciles(v);
  return { key, v, low, high, strict: true };
}

function level(x: number, a: Axis): number {
  const pass = (c: number) => (a.strict ? x > c : x >= c);
  return pass(a.high) ? 3 : pass(a.low) ? 2 : 1;
}

const r2 = (x: number): number => Math.round(x * 100) / 100;

/**
 * Each axis's value against its low and high cut of this run (terciles) or of the policy (fixed):
 * "潜力 120 属中档（分界 80、150），处方量 30 属低档（分界 40、90）". The next step takes one axis over
 * its next cut; tercile cuts are this run's, so those steps are estimates.
 *
 * @example gridNext.next!(input, preset("grid9"), run)[0] // { tier: "B2", role: "current_value", from: 30, to: 40.01, estimate: true }
 */
export const gridNext: Parts = {
  explain(input, rs, run) {
    const x = axis(input, rs, run, "x");
    const y = axis(input, rs, run, "y");
    const LEVEL = ["", "why.low", "why.middle", "why.high"];
    return run.tier.map((t, i): Reason | null => {
      if (t === null) return null;
      return {
        code: "why.grid",
        params: {
          tier: t,
          x: columnOf(input, x.key),
          xValue: x.v[i],
          xLevel: { code: LEVEL[level(x.v[i], x)] },
          xLow: r2(x.low),
          xHigh: r2(x.high),
          y: columnOf(input, y.key),
          yValue: y.v[i],
          yLevel: { code: LEVEL[level(y.v[i], y)] },
          yLow: r2(y.low),
          yHigh: r2(y.high),
        },
      };
    });
  },
  regrade(input, rs, run) {
    const x = axis(input, rs, run, "x");
    const y = axis(input, rs, run, "y");
    return (i, changes) => {
      const xv = changes[x.key] ?? x.v[i];
      const yv = changes[y.key] ?? y.v[i];
      if (!Number.isFinite(xv) || !Number.isFinite(yv)) return null;
      return GRID_CELLS[(3 - level(xv, x)) * 3 + (3 - level(yv, y))];
    };
  },
  next(input, rs, run) {
    const axes = [axis(input, rs, run, "x"), axis(input, rs, run, "y")];
    return searchNext(
      run,
      [...GRID_CELLS],
      (i) => {
        const out: Candidate[] = [];
        for (const a of axes)
          for (const c of [a.low, a.high])
            out.push({
              role: a.key,
              column: input.label(a.key),
              from: a.v[i],
              to: atLeast(c, 0.01, a.strict),
            });
        return out;
      },
      gridNext.regrade!(input, rs, run),
      axes.some((a) => a.strict),
    );
  },
};
