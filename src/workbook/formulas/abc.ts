/**
 * ABC as formulas (spec "ABC by share of sales"). The value is the amount, or the average of the last
 * k monthly columns (a blank month counts 0, text makes the row invalid).
 * - share: `before = SUMPRODUCT(ISNUMBER(v)*(v>x), v) / total` with `total = SUMIF(v, ">0")`;
 *   A when `x>0` and `before < a`, B when `x>0` and `before < b`, else C (the customer crossing 80 % is A);
 * - amount: A when `x >= a`, B when `x >= b`, else C.
 */
import { guessMonthColumns } from "../../engine/headers";
import { numberInput, validColumn, validValues } from "./inputs";
import { tierByIndex, type MethodFormulas } from "./method";
import type { ColumnRef } from "./refs";

export const abcFormulas: MethodFormulas<"abc"> = (rs, b, env) => {
  let value: ColumnRef;
  if (rs.months) {
    const months = guessMonthColumns(env.headers)
      .slice(-rs.months)
      .map((c) => b.input(env.headers[c])!);
    // Each month: a number, or a blank cell (0); anything else leaves the average blank (invalid).
    value = b.column(env.label("amount"), (r) => {
      const ok = months.map((m) => `OR(ISNUMBER(${m.at(r)}),LEN(TRIM(${m.at(r)}))=0)`).join(",");
      const sum = months.map((m) => `N(${m.at(r)})`).join("+");
      return `IF(ISERROR(AND(${ok})),"",IF(AND(${ok}),(${sum})/${months.length},""))`;
    });
  } else value = numberInput(b, env, "amount");
  const valid = validColumn(b, env, [value]);
  const v = validValues(b, env, valid, value, env.label("amount").replace(/^\S+·/, ""));
  const names = b.ruleRow(
    env.label("tierNames"),
    rs.tiers.map((t) => (env.lang === "zh" ? t.name.zh : t.name.en)),
  ).range;
  let cls: (r: number) => string;
  if (rs.basis.kind === "share") {
    const total = b.rule(env.label("total"), { formula: `SUMIF(${v.sheetRange},">0")` });
    const a = b.rule(env.label("shareA"), rs.basis.a, "0.00%");
    const bb = b.rule(env.label("shareB"), rs.basis.b, "0.00%");
    const share = b.column(
      env.label("share"),
      (r) =>
        `IF(${valid.at(r)}=1,SUMPRODUCT(ISNUMBER(${v.range})*(${v.range}>${v.at(r)}),${v.range})/${total},"")`,
      { format: "0.00%" },
    );
    cls = (r) => `IF(AND(${v.at(r)}>0,${share.at(r)}<${a}),1,IF(AND(${v.at(r)}>0,${share.at(r)}<${bb}),2,3))`;
  } else {
    const a = b.rule(env.label("amountA"), rs.basis.a);
    const bb = b.rule(env.label("amountB"), rs.basis.b);
    cls = (r) => `IF(${v.at(r)}>=${a},1,IF(${v.at(r)}>=${bb},2,3))`;
  }
  const k = b.column(env.label("abc"), (r) => `IF(${valid.at(r)}=1,MID("ABC",${cls(r)},1),"")`);
  return b.column(env.label("tier"), (r) => tierByIndex(valid.at(r), names, `FIND(${k.at(r)},"ABC")`));
};
