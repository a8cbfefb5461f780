/**
 * Weighted scorecards and stars as formulas (spec "Weighted scorecard and stars"): one rating column
 * per criterion (a number 1..5, or a word of the rating table: 优秀 5 … 不合格 1), the weight profile
 * picked by the stage, `score = SUMPRODUCT(weights, ratings) / SUM(weights)` (× 20 on the 100-point
 * scale), stars `1 + SUMPRODUCT(--(score >= thresholds))` and the maintenance class from the stars.
 */
import { normaliseHeader } from "../../engine/headers";
import { RATING_LABELS } from "../../engine/scorecard";
import { TierError } from "../../engine/errors";
import { validColumn } from "./inputs";
import type { MethodFormulas } from "./method";

export const scorecardFormulas: MethodFormulas<"scorecard"> = (rs, b, env) => {
  // The same header search as the engine's runScorecard.
  const headerOf = rs.criteria.map((c) => {
    const wanted = [c.name.zh, c.name.en, c.key].map(normaliseHeader);
    return (
      env.headers.find((h) => wanted.includes(normaliseHeader(h))) ??
      env.headers.find((h) => normaliseHeader(h).includes(normaliseHeader(c.name.zh)))
    );
  });
  if (headerOf.some((h) => h === undefined))
    throw new TierError("formulas.noColumn", { column: rs.criteria[headerOf.indexOf(undefined)].name.zh });
  const words = [
    ...RATING_LABELS.flatMap((l) => [[l.zh, l.score] as const, [l.en, l.score] as const]),
    ...[5, 4, 3, 2, 1].map((s) => [String(s), s] as const),
    ...(rs.zero ? [["0", 0] as const] : []),
  ];
  const table = b.ruleTable(
    env.label("ratingLabels"),
    words.map(([w, s]) => [w, s]),
  );
  const fallback = rs.missing === "one" ? "1" : '""';
  const low = rs.zero ? 0 : 1;
  const ratings = headerOf.map((h, j) => {
    const c = b.input(h!)!;
    const band = rs.bands?.[rs.criteria[j].key];
    return b.column(env.label("rating", { name: rs.criteria[j].name[env.lang] }), (r) => {
      const x = c.at(r);
      if (band) {
        // Raw figure → points: the first band whose ends hold, 0 when none (bands.ts).
        let out = "0";
        for (let k = band.length - 1; k >= 0; k--) {
          const t = band[k];
          const conds = [
            ...(t.min === undefined ? [] : [`${x}>=${t.min}`]),
            ...(t.max === undefined ? [] : [`${x}<=${t.max}`]),
          ];
          out = `IF(${conds.length ? `AND(${conds.join(",")})` : "TRUE"},${t.points},${out})`;
        }
        return `IF(ISNUMBER(${x}),${out},${fallback})`;
      }
      return (
        `IF(ISNUMBER(${x}),IF(AND(${x}>=${low},${x}<=5),${x},${fallback}),` +
        `IFERROR(INDEX(${table.col(1)},MATCH(TRIM(${x}),${table.col(0)},0)),${fallback}))`
      );
    });
  });
  const stages = Object.keys(rs.profiles);
  const profiles = b.ruleTable(
    env.label("weights", { stage: stages.join(", ") }),
    stages.map((s) => [s, ...rs.profiles[s]]),
  );
  const wide = profiles.block(1, rs.criteria.length);
  const stageCol = env.mapping.stage === undefined ? undefined : b.input(env.mapping.stage);
  const pick = (r: number) =>
    stages.length > 1 && stageCol ? `MATCH(TRIM(${stageCol.at(r)}),${profiles.col(0)},0)` : "1";
  const valid = validColumn(b, env, rs.missing === "one" ? [] : ratings);
  const stageOk = (r: number) => (stages.length > 1 && stageCol ? `ISNUMBER(${pick(r)})` : "TRUE");
  const row = (r: number) =>
    `${ratings[0].at(r).replace(/\d+$/, "")}${r}:${ratings[ratings.length - 1].at(r)}`;
  const scale = rs.scale === 100 ? "*20" : "";
  const score = b.column(env.label("score", { name: "score" }), (r) => {
    const w = `INDEX(${wide},${pick(r)},0)`;
    return `IF(AND(${valid.at(r)}=1,${stageOk(r)}),SUMPRODUCT(${w},${row(r)})/SUM(${w})${scale},"")`;
  });
  const stars = b.ruleRow(env.label("stars"), [...rs.stars]).range;
  const starNames = b.ruleRow(
    env.label("starNames"),
    [1, 2, 3, 4, 5].map((k) =>
      rs.starNames
        ? rs.starNames[5 - k][env.lang]
        : env.lang === "zh"
          ? `${k}星`
          : k === 1
            ? "1 star"
            : `${k} stars`,
    ),
  ).range;
  const count = b.column(
    env.label("stars1"),
    (r) => `IF(ISNUMBER(${score.at(r)}),1+SUMPRODUCT(--(${score.at(r)}>=${stars})),"")`,
  );
  // The maintenance classes are the tenant card's (leases); a card without them writes none.
  if (rs.classes !== false) {
    const classFrom = b.ruleRow(env.label("classFrom"), [4, 2]).cells;
    b.column(
      env.label("class"),
      (r) =>
        `IF(ISNUMBER(${count.at(r)}),IF(${count.at(r)}>=${classFrom[0]},"A",IF(${count.at(r)}>=${classFrom[1]},"B","C")),"")`,
    );
  }
  return b.column(
    env.label("tier"),
    (r) => `IF(ISNUMBER(${count.at(r)}),INDEX(${starNames},${count.at(r)}),"")`,
  );
};
