/** Reasons and next steps of the `scorecard` method: the weighted score against the star cut points. */
import { normaliseHeader } from "../headers";
import type { ScorecardRules } from "../methods/scorecard";
import { parseRating, stars as starsOf, weightedScoreByStage } from "../scorecard";
import type { MethodDef, MethodInput } from "../methods/types";
import type { Reason } from "../reasons";
import { searchNext, type Candidate } from "./search";

type Parts = Pick<MethodDef<ScorecardRules>, "explain" | "next" | "regrade">;

interface Frozen {
  headers: string[];
  ratings: Float64Array[];
  stage: unknown[];
  weights: (i: number) => readonly number[] | undefined;
}

function freeze(input: MethodInput, rs: ScorecardRules): Frozen {
  // The same header match as the method's ratingHeaders (a criterion is found by its zh, en or key).
  const headers = rs.criteria.map((c) => {
    const wanted = [c.name.zh, c.name.en, c.key].map(normaliseHeader);
    return (input.headers.find((h) => wanted.includes(normaliseHeader(h))) ??
      input.headers.find((h) => normaliseHeader(h).includes(normaliseHeader(c.name.zh))))!;
  });
  const ratings = headers.map((h) => Float64Array.from(input.cells(h), parseRating));
  const stages = Object.keys(rs.profiles);
  const col = input.mapping.stage;
  const stage =
    stages.length > 1 && col !== undefined
      ? input.cells(input.headers[col])
      : new Array<unknown>(input.n).fill(stages[0]);
  const byStage = new Map(stages.map((s) => [s.trim(), rs.profiles[s]]));
  const weights = (i: number) => byStage.get(String(stage[i] ?? "").trim());
  return { headers, ratings, stage, weights };
}

function gradeOne(
  rs: ScorecardRules,
  fz: Frozen,
  i: number,
  change?: { j: number; to: number },
): string | null {
  const one = fz.ratings.map((r, j) => [change && change.j === j ? change.to : r[i]]);
  const s = weightedScoreByStage(one, rs.profiles, [fz.stage[i]], { missing: rs.missing })[0];
  const shown = rs.scale === 100 ? s * 20 : s;
  const st = starsOf([shown], rs.stars, rs.scale)[0];
  return st === 0 ? null : String(st);
}

const r2 = (x: number): number => Math.round(x * 100) / 100;

/**
 * The score against the star cut points, with the items that lifted and lowered it most (the
 * largest weighted distance above and below the middle rating 3): "得分 3.6 ≥ 4星门槛 3.5；拉高最多：
 * 回款及时率（5 分）；拉低最多：客流量（2 分）". The next step raises one rating by whole points.
 *
 * @example scorecardNext.next!(input, preset("scorecard"), run)[0] // { tier: "4", role: "rating", column: "回款及时率", from: 3, to: 4 }
 */
export const scorecardNext: Parts = {
  explain(input, rs, run) {
    const fz = freeze(input, rs);
    const scale = rs.scale === 100 ? 20 : 1;
    return run.tier.map((t, i): Reason | null => {
      if (t === null) return null;
      const w = fz.weights(i) ?? [];
      const sw = w.reduce((a, b) => a + b, 0) || 1;
      let score = 0;
      let up = -1;
      let down = -1;
      fz.ratings.forEach((r, j) => {
        const x = r[i] >= 1 && r[i] <= 5 ? r[i] : 1;
        score += (w[j] * x) / sw;
        const effect = w[j] * (x - 3);
        if (effect > 0 && (up < 0 || effect > w[up] * (fz.ratings[up][i] - 3))) up = j;
        if (effect < 0 && (down < 0 || effect < w[down] * (fz.ratings[down][i] - 3))) down = j;
      });
      const k = 5 - Number(t);
      return {
        code: "why.score",
        params: {
          score: r2(score * scale),
          tier: t,
          min: k < 4 ? rs.stars[k] : 0,
          ...(k > 0 ? { next: String(Number(t) + 1), max: rs.stars[k - 1] } : {}),
          ...(up >= 0 ? { up: fz.headers[up], upRating: fz.ratings[up][i] } : {}),
          ...(down >= 0 ? { down: fz.headers[down], downRating: fz.ratings[down][i] } : {}),
        },
      };
    });
  },
  regrade(input, rs) {
    const fz = freeze(input, rs);
    return (i, changes) => {
      const j = fz.headers.findIndex((h) => `rating:${h}` in changes);
      return gradeOne(rs, fz, i, j < 0 ? undefined : { j, to: changes[`rating:${fz.headers[j]}`] });
    };
  },
  next(input, rs, run) {
    const fz = freeze(input, rs);
    return searchNext(
      run,
      ["5", "4", "3", "2", "1"],
      (i) => {
        const out: Candidate[] = [];
        fz.headers.forEach((h, j) => {
          const from = fz.ratings[j][i];
          if (!(from >= 1)) return;
          for (let to = Math.floor(from) + 1; to <= 5; to++)
            out.push({ role: `rating:${h}`, column: h, from, to });
        });
        return out;
      },
      scorecardNext.regrade!(input, rs, run),
    );
  },
};
