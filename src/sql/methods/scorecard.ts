import { TierError } from "../../engine/errors";
import type { RuleSet } from "../../engine/ruleset";
import { dbl } from "../cuts";
import type { Query } from "../query";

// A rating label and its points, matched case-insensitively; a number 1..5 is read as itself.
const RATINGS: [string, number][] = [
  ["优秀", 5],
  ["良好", 4],
  ["合格", 3],
  ["较差", 2],
  ["不合格", 1],
  ["excellent", 5],
  ["good", 4],
  ["fair", 3],
  ["poor", 2],
  ["unacceptable", 1],
];

// The tier name of a star count, in the words the engine uses. Kept here, once, until the engine
// exports a shared star label (grade and history still write their own).
function starName(q: Query, k: number, names?: readonly { zh: string; en: string }[]): string {
  if (names) return q.name(names[5 - k]);
  return q.d.str(q.lang === "zh" ? `${k}星` : k === 1 ? "1 star" : `${k} stars`);
}

/**
 * A weighted scorecard in SQL: each criterion rated 1..5 (or 优秀 … 不合格), the weights of the
 * customer's stage applied (`Σ w·r / Σ w` in the engine's order), the score cut into 1..5 stars and
 * classed A (4-5 stars), B (2-3), C (1). Columns `score, stars, class`.
 *
 * @example scorecardSql(q, preset("scorecard")) // "… CASE stars WHEN 5 THEN '5 stars' … FROM starred"
 */
export function scorecardSql(q: Query, rs: Extract<RuleSet, { method: "scorecard" }>): string {
  const d = q.d;
  const map = q.options.map ?? {};
  if (rs.leaseReview && map.lease_end !== undefined) throw new TierError("sql.leaseUnsupported");
  const ratings = rs.criteria.map((c, j) => {
    const column = map[c.key] ?? c.key;
    const alias = `rating${j + 1}`;
    const labels = RATINGS.map(([l, s]) => `WHEN ${d.str(l)} THEN ${s}`).join(" ");
    const band = rs.bands?.[c.key];
    if (band) {
      // Raw figure → points: first matching band, 0 when none; a cell that is not a number is listed.
      const when = band.map((b) => {
        const x = (t: string) => d.num(t);
        const conds = (t: string) =>
          [
            ...(b.min === undefined ? [] : [`${x(t)} >= ${dbl(d, b.min)}`]),
            ...(b.max === undefined ? [] : [`${x(t)} <= ${dbl(d, b.max)}`]),
          ].join(" AND ") || "TRUE";
        return (t: string) => `WHEN ${conds(t)} THEN ${dbl(d, b.points)}`;
      });
      const { ref, text: t } = q.cell(
        alias,
        (t) => `CASE WHEN ${d.num(t)} IS NULL THEN NULL ${when.map((w) => w(t)).join(" ")} ELSE 0 END`,
        d.id(column),
      );
      if (rs.missing === "skip")
        q.check(
          `${ref} IS NULL`,
          `CASE WHEN ${t} IS NULL OR ${t} = '' THEN ${d.str(`${column}: blank`)} ELSE ${d.str(`${column}: not a number: "`)} || ${t} || ${d.str('"')} END`,
        );
      return rs.missing === "one" ? `COALESCE(${ref}, 1)` : ref;
    }
    const low = rs.zero ? 0 : 1;
    // A number 1..5 (half points kept), numeric text, or a label 优秀 5 … 不合格 1 (Excellent … Unacceptable).
    const { ref, text: t } = q.cell(
      alias,
      (t) =>
        `CASE WHEN ${d.num(t)} BETWEEN ${low} AND 5 THEN ${d.num(t)} WHEN ${d.num(t)} IS NULL THEN CASE LOWER(${t}) ${labels} END END`,
      d.id(column),
    );
    if (rs.missing === "skip")
      q.check(
        `${ref} IS NULL`,
        `CASE WHEN ${t} IS NULL OR ${t} = '' THEN ${d.str(`${column}: blank rating`)} ELSE ${d.str(`${column}: "`)} || ${t} || ${d.str('" is not a rating (1-5 or 优秀/良好/合格/较差/不合格)')} END`,
      );
    return rs.missing === "one" ? `COALESCE(${ref}, 1)` : ref;
  });
  const stages = Object.keys(rs.profiles);
  const weighted = (w: number[]) => {
    let sw = 0;
    for (const x of w) sw += x;
    return `(${w.map((x, j) => `${dbl(d, x)} * ${ratings[j]}`).join(" + ")}) / ${dbl(d, sw)}`;
  };
  let score: string;
  if (stages.length > 1) {
    const stageCol = q.options.map?.stage ?? "stage";
    const s = q.cell("stage", (t) => t, d.id(stageCol)).ref;
    const list = stages.join(", ");
    q.check(
      `(${s} IS NULL OR ${s} NOT IN (${stages.map((x) => d.str(x)).join(", ")}))`,
      `CASE WHEN ${s} IS NULL OR ${s} = '' THEN ${d.str(`${stageCol}: blank stage is not one of ${list}`)} ELSE ${d.str(`${stageCol}: stage "`)} || ${s} || ${d.str(`" is not one of ${list}`)} END`,
    );
    score = `CASE stage ${stages.map((st) => `WHEN ${d.str(st)} THEN ${weighted(rs.profiles[st])}`).join("\n      ")} END`;
  } else score = weighted(rs.profiles[stages[0]]);
  const ct = rs.customerTypes;
  const typeColumn = q.options.map?.customer_type;
  const typeRef =
    ct && typeColumn
      ? q.cell(
          "customer_type",
          (t) =>
            `CASE ${ct.types.map((x) => `WHEN LOWER(REGEXP_REPLACE(${t}, '类$', '')) = ${d.str(x.key.toLowerCase())} THEN ${d.str(x.key)}`).join(" ")} ELSE NULLIF(${t}, '') END`,
          d.id(typeColumn),
        ).ref
      : undefined;
  q.prepare();
  const shown = rs.scale === 100 ? `(${score}) * 20` : score;
  q.ctes.push([
    "scored",
    `SELECT prepared.*, CASE WHEN issue IS NULL THEN ${shown} END AS score\n  FROM prepared`,
  ]);
  const t = rs.stars;
  q.ctes.push([
    "starred",
    `SELECT scored.*, CASE WHEN score >= ${dbl(d, t[0])} THEN 5 WHEN score >= ${dbl(d, t[1])} THEN 4 WHEN score >= ${dbl(d, t[2])} THEN 3 WHEN score >= ${dbl(d, t[3])} THEN 2 WHEN score IS NOT NULL THEN 1 END AS stars\n  FROM scored`,
  ]);
  return q.render(
    q.output(
      [
        ["score", q.r2("score")],
        ["stars", "stars"],
        ...(rs.classes === false
          ? []
          : [
              [
                "class",
                "CASE WHEN stars >= 4 THEN 'A' WHEN stars >= 2 THEN 'B' WHEN stars = 1 THEN 'C' END",
              ] as [string, string],
            ]),
        // The customer type column is read when `map.customer_type` names it; blank otherwise.
        ...(ct ? [["customer_type", typeRef ?? `CAST(NULL AS ${d.text})`] as [string, string]] : []),
      ],
      `CASE stars ${[5, 4, 3, 2, 1].map((k) => `WHEN ${k} THEN ${starName(q, k, rs.starNames)}`).join(" ")} END`,
    ) + "\nFROM starred",
  );
}
