/**
 * The customer pyramid as formulas (spec "Customer pyramid by rank"):
 * `above = SUMPRODUCT(ISNUMBER(v)*(v>x)) / COUNT(v)` (the spec's `COUNTIF(v,">"&x)/COUNT(v)` without
 * turning x into text), level `1 + SUMPRODUCT(--(above >= cuts))`, 1 = top.
 */
import { numberInput, validColumn, validValues } from "./inputs";
import { tierByIndex, type MethodFormulas } from "./method";

export const pyramidFormulas: MethodFormulas<"pyramid"> = (rs, b, env) => {
  const x = numberInput(b, env, "amount");
  const valid = validColumn(b, env, [x]);
  const v = validValues(b, env, valid, x, env.label("amount").replace(/^\S+·/, ""));
  const n = b.rule(env.label("count"), { formula: `COUNT(${v.sheetRange})` });
  const cuts = b.ruleRow(env.label("pyramidCuts"), [...rs.cuts], "0.00%").range;
  const names = b.ruleRow(
    env.label("tierNames"),
    rs.tiers.map((t) => (env.lang === "zh" ? t.name.zh : t.name.en)),
  ).range;
  const above = b.column(
    env.label("above"),
    (r) => `IF(${valid.at(r)}=1,SUMPRODUCT(ISNUMBER(${v.range})*(${v.range}>${v.at(r)}))/${n},"")`,
    { format: "0.00%" },
  );
  const level = b.column(
    env.label("level"),
    (r) => `IF(${valid.at(r)}=1,1+SUMPRODUCT(--(${above.at(r)}>=${cuts})),"")`,
  );
  return b.column(env.label("tier"), (r) => tierByIndex(valid.at(r), names, level.at(r)));
};
