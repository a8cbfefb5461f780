/**
 * Threshold tiers as formulas (engine level.ts): the highest tier whose minimum the value reaches,
 * `INDEX(names, MATCH(x, minimums, 1))` over minimums listed lowest first; below the lowest, no tier.
 */
import { numberInput, validColumn } from "./inputs";
import type { MethodFormulas } from "./method";

export const levelFormulas: MethodFormulas<"level"> = (rs, b, env) => {
  const x = numberInput(b, env, rs.column);
  const valid = validColumn(b, env, [x]);
  const mins = b.ruleRow(
    env.label("minimum"),
    rs.tiers.map((t) => t.min),
  );
  const names = b.ruleRow(
    env.label("tierNames"),
    rs.tiers.map((t) => (env.lang === "zh" ? t.name.zh : t.name.en)),
  ).range;
  return b.column(
    env.label("tier"),
    (r) =>
      `IF(${valid.at(r)}=1,IF(${x.at(r)}<${mins.cells[0]},"",INDEX(${names},MATCH(${x.at(r)},${mins.range},1))),"")`,
  );
};
