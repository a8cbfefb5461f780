/**
 * RFM eight classes as formulas (spec "RFM eight classes"): the means of the valid rows on the rules
 * sheet (`AVERAGE`), each of R, F, M high when strictly better than its mean, and the class
 * `INDEX(names, 1 + 4*(M low) + 2*(R low) + (F low))` in the order of the engine's RFM8_CLASSES.
 */
import { RFM8_CLASSES } from "../../engine/rfm8";
import { numberInput, validColumn, validValues } from "./inputs";
import { tierByIndex, type MethodFormulas } from "./method";

export const rfm8Formulas: MethodFormulas<"rfm8"> = (_rs, b, env) => {
  const raw = (["recency_days", "frequency", "amount"] as const).map((k) => numberInput(b, env, k));
  const valid = validColumn(b, env, raw);
  const names = ["R", "F", "M"];
  const means = raw.map((x, j) => {
    const values = validValues(b, env, valid, x, names[j]);
    return b.rule(env.label("mean", { name: names[j] }), { formula: `AVERAGE(${values.sheetRange})` });
  });
  // High is better than the mean: fewer days, more purchases, more spend.
  const high = [
    (r: number) => `${raw[0].at(r)}<${means[0]}`,
    (r: number) => `${raw[1].at(r)}>${means[1]}`,
    (r: number) => `${raw[2].at(r)}>${means[2]}`,
  ];
  const hl = high.map((h, j) =>
    b.column(env.label("score", { name: names[j] }), (r) => `IF(${valid.at(r)}=1,IF(${h(r)},"H","L"),"")`),
  );
  b.column(env.label("rfmCode"), (r) => `IF(${valid.at(r)}=1,${hl.map((c) => c.at(r)).join("&")},"")`);
  const classNames = b.ruleRow(
    env.label("classNames"),
    RFM8_CLASSES.map((c) => (env.lang === "zh" ? c.zh : c.en)),
  ).range;
  return b.column(env.label("tier"), (r) =>
    tierByIndex(
      valid.at(r),
      classNames,
      `1+4*(${hl[2].at(r)}="L")+2*(${hl[0].at(r)}="L")+(${hl[1].at(r)}="L")`,
    ),
  );
};
