/**
 * Lifecycle as formulas (engine lifecycle.ts, first match): prospect (no purchase), lost (days since the
 * last purchase > lost window), at risk (> at-risk window), new (days since the first purchase <= new
 * window), loyal (frequency >= loyal), regular (>= regular), else one-time. Blank frequency or dates are
 * allowed where the engine allows them; an unreadable one leaves the row without a stage.
 */
import { LIFECYCLE_STAGES } from "../../engine/lifecycle";
import { numberInput } from "./inputs";
import type { MethodFormulas } from "./method";

export const lifecycleFormulas: MethodFormulas<"lifecycle"> = (rs, b, env) => {
  const orders = env.kind === "orders";
  const F = numberInput(b, env, "frequency");
  const L = numberInput(b, env, "last_day");
  const S = numberInput(b, env, "first_day");
  const w = rs.windows;
  const cell = (key: keyof typeof w) => b.rule(env.label(key), w[key]);
  const lost = cell("lostDays");
  const atRisk = cell("atRiskDays");
  const newDays = cell("newDays");
  const loyal = cell("loyalFrequency");
  const regular = cell("regularFrequency");
  const names = b.ruleRow(
    env.label("tierNames"),
    LIFECYCLE_STAGES.map((s) => (env.lang === "zh" ? s.name.zh : s.name.en)),
  ).cells;
  const [prospect, lostName, atRiskName, newName, loyalName, regularName, oneTime] = names;
  // A blank cell of the user's is allowed (a prospect has no dates); text that is not a value is not.
  const raw = (key: string) => (orders ? undefined : b.input(env.mapping[key]));
  const fine = (
    ref: { at: (r: number) => string },
    src: { at: (r: number) => string } | undefined,
    r: number,
  ) =>
    src === undefined
      ? `ISNUMBER(${ref.at(r)})`
      : `OR(ISNUMBER(${ref.at(r)}),IF(ISERROR(${src.at(r)}),FALSE,LEN(TRIM(${src.at(r)}))=0))`;
  const valid = b.column(env.label("valid"), (r) => {
    const parts = [
      b.idOk(r),
      fine(F, raw("frequency"), r),
      fine(L, raw("last_date"), r),
      fine(S, raw("first_date"), r),
    ];
    return `IF(AND(${parts.join(",")}),1,0)`;
  });
  return b.column(env.label("tier"), (r) => {
    const f = F.at(r);
    const l = L.at(r);
    const s = S.at(r);
    const hasF = `ISNUMBER(${f})`;
    const hasL = `ISNUMBER(${l})`;
    const first = `IF(ISNUMBER(${s}),${s},IF(${f}=1,${l},""))`;
    const active =
      `IF(NOT(ISNUMBER(${first})),"",IF(${b.asOf}-${first}<=${newDays},${newName},` +
      `IF(NOT(${hasF}),"",IF(${f}>=${loyal},${loyalName},IF(${f}>=${regular},${regularName},${oneTime})))))`;
    const stage =
      `IF(OR(AND(${hasF},${f}=0),AND(NOT(${hasF}),NOT(${hasL}))),${prospect},` +
      `IF(OR(AND(${hasF},${f}<0),NOT(${hasL}),AND(ISNUMBER(${s}),${s}>${l})),"",` +
      `IF(${b.asOf}-${l}>${lost},${lostName},IF(${b.asOf}-${l}>${atRisk},${atRiskName},${active}))))`;
    return `IF(${valid.at(r)}=1,${stage},"")`;
  });
};
