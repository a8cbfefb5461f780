/** Reasons and next steps of the `scorecard` method: the weighted score against the star cut points. */
import { bandPoints, weightedPoints, type Band } from "../bands";
import { normaliseHeader } from "../headers";
import { ratingOrZero, type ScorecardRules } from "../methods/scorecard";
import { readNumber } from "../values";
import { parseRating, stars as starsOf, weightedScoreByStage } from "../scorecard";
import type { MethodDef, MethodInput } from "../methods/types";
import type { Reason } from "../reasons";
import { searchNext, type Candidate } from "./search";

type Parts = Pick<MethodDef<ScorecardRules>, "explain" | "next" | "regrade">;

interface Frozen {
  headers: string[];
  /** Points per item (a rating, or a raw figure's band points). */
  ratings: Float64Array[];
  /** Per item: its bands when the item is a raw figure, and the raw figures. */
  bands: (readonly Band[] | undefined)[];
  raw: (Float64Array | undefined)[];
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
  const bands = rs.criteria.map((c) => rs.bands?.[c.key]);
  // The same points as the method: band points of raw figures, ratings that may be 0, or 1..5.
  const raw = headers.map((h, j) =>
    bands[j]
      ? Float64Array.from(input.cells(h), (v) => {
          const x = readNumber(v);
          return typeof x === "number" ? x : NaN;
        })
      : undefined,
  );
  const ratings = headers.map((h, j) => {
    if (bands[j]) {
      const p = bandPoints(raw[j]!, bands[j]!);
      if (rs.missing === "one") for (let i = 0; i < p.length; i++) if (Number.isNaN(p[i])) p[i] = 1;
      return p;
    }
    return Float64Array.from(input.cells(h), rs.zero ? ratingOrZero : parseRating);
  });
  const stages = Object.keys(rs.profiles);
  const col = input.mapping.stage;
  const stage =
    stages.length > 1 && col !== undefined
      ? input.cells(input.headers[col])
      : new Array<unknown>(input.n).fill(stages[0]);
  const byStage = new Map(stages.map((s) => [s.trim(), rs.profiles[s]]));
  const weights = (i: number) => byStage.get(String(stage[i] ?? "").trim());
  return { headers, ratings, bands, raw, stage, weights };
}

function gradeOne(
  rs: ScorecardRules,
  fz: Frozen,
  i: number,
  change?: { j: number; to: number },
): string | null {
  const one = fz.ratings.map((r, j) => {
    if (!change || change.j !== j) return [r[i]];
    // A raw figure's change is worth its band's points.
    const band = fz.bands[j];
    return band ? [bandPoints([change.to], band)[0]] : [change.to];
  });
  let s: number;
  if (rs.bands || rs.zero) {
    // Items may score 0: the weighted points of the stage's profile, as the method scores them.
    const w = fz.weights(i);
    const filled = one.map(([x]) => [rs.missing === "one" && Number.isNaN(x) ? 1 : x]);
    s = w === undefined ? NaN : weightedPoints(filled, w)[0];
  } else s = weightedScoreByStage(one, rs.profiles, [fz.stage[i]], { missing: rs.missing })[0];
  const shown = rs.scale === 100 ? s * 20 : s;
  const st = starsOf([shown], rs.stars, rs.scale)[0];
  return st === 0 ? null : String(st);
}

/** The role of an item's change: `rating:<header>`, or `raw:<header>` for a figure scored by bands. */
const roleOf = (fz: Frozen, j: number, header: string): string =>
  fz.bands[j] ? `raw:${header}` : `rating:${header}`;

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
        const low = rs.bands || rs.zero ? 0 : 1;
        const x = r[i] >= low && r[i] <= 5 ? r[i] : low;
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
      const j = fz.headers.findIndex((h, k) => roleOf(fz, k, h) in changes);
      return gradeOne(rs, fz, i, j < 0 ? undefined : { j, to: changes[roleOf(fz, j, fz.headers[j])] });
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
          const band = fz.bands[j];
          if (band) {
            // A raw figure moves to the start of a band worth more points ("年销量 达到 500 台").
            const from = fz.raw[j]![i];
            if (Number.isNaN(from)) return;
            const now = fz.ratings[j][i];
            for (const b of band)
              if (b.points > now && b.min !== undefined && b.min > from)
                out.push({ role: roleOf(fz, j, h), column: h, from, to: b.min });
            return;
          }
          const from = fz.ratings[j][i];
          if (!(from >= (rs.zero ? 0 : 1))) return;
          for (let to = Math.floor(from) + 1; to <= 5; to++)
            out.push({ role: roleOf(fz, j, h), column: h, from, to });
        });
        return out;
      },
      scorecardNext.regrade!(input, rs, run),
    );
  },
};
