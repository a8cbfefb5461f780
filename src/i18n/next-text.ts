/**
 * Reasons and next steps as a user reads them (issue 17): tier keys become tier names, numbers are
 * grouped the way a spreadsheet shows them ("8,640"), amounts carry 元 in Chinese, and a next step
 * becomes "再消费 1,360 元即可升为金卡". The engine gives codes and numbers only.
 */
import type { PresentedResult } from "../engine/grade";
import type { NextStep, TierInfo } from "../engine/methods";
import type { Lang, Reason, ReasonParam, ReasonParams } from "../engine/reasons";
import { reasonText } from "./reasons";

/** Parameters that hold a tier key. */
const TIER_PARAMS = new Set(["tier", "next", "tierA", "tierB"]);
/** Parameters that hold an amount of money when the reason is about the amount. */
const MONEY_PARAMS = new Set(["value", "limit", "min", "max", "a", "b", "gap", "from", "to"]);

const GROUPED = new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 });

/**
 * A number as a spreadsheet user reads it: grouped thousands, at most two decimals.
 *
 * @example groupNumber(8640) // "8,640"
 */
export function groupNumber(x: number): string {
  return Number.isFinite(x) ? GROUPED.format(x) : "—";
}

function tierLabel(tiers: readonly TierInfo[], key: string, lang: Lang): string {
  return tiers.find((t) => t.key === key)?.name[lang] ?? key;
}

function shown(r: Reason, tiers: readonly TierInfo[], lang: Lang): Reason {
  const p = r.params ?? {};
  // Amounts read "8,640 元" in Chinese, unless the header already names the unit ("消费金额（元）").
  const money = p.role === "amount" && lang === "zh" && !String(p.column ?? "").includes("元");
  const out: Record<string, ReasonParam> = {};
  for (const [k, v] of Object.entries(p)) {
    if (TIER_PARAMS.has(k) && typeof v === "string") out[k] = tierLabel(tiers, v, lang);
    else if (typeof v === "number") out[k] = groupNumber(v) + (money && MONEY_PARAMS.has(k) ? " 元" : "");
    else if (Array.isArray(v) && v.length > 0 && typeof v[0] === "object")
      out[k] = (v as readonly Reason[]).map((x) => shown(x, tiers, lang));
    else if (Array.isArray(v))
      out[k] = (v as readonly (string | number)[]).map((x) => (typeof x === "number" ? groupNumber(x) : x));
    else if (typeof v === "object") out[k] = shown(v as Reason, tiers, lang);
    else out[k] = v;
  }
  return { code: r.code, params: out as ReasonParams };
}

/**
 * Why a customer got their tier, as a sentence.
 *
 * @example whyText({ code: "why.threshold", params: { column: "近12个月消费", role: "amount", value: 8640, tier: "silver", min: 5000, next: "gold", max: 10000 } }, tiers, "zh")
 * // "近12个月消费 8,640 元 ≥ 银卡门槛 5,000 元，< 金卡门槛 10,000 元"
 */
export function whyText(reason: Reason, tiers: readonly TierInfo[], lang: Lang): string {
  return reasonText(shown(reason, tiers, lang), lang);
}

/** The change a next step asks for, in the input's own units (money, orders, days, points). */
export function gapOf(step: NextStep): number | undefined {
  return "tier" in step ? Math.round(Math.abs(step.to - step.from) * 100) / 100 : undefined;
}

/** How a step reads: by what it changes. */
function stepCode(step: Extract<NextStep, { tier: string }>): string {
  if (step.role === "amount") return "next.step.amount";
  if (step.role === "frequency") return "next.step.frequency";
  if (step.role === "recency_days") return "next.step.recency";
  if (step.role === "tenure_days") return "next.step.tenure";
  if (step.role.startsWith("rating:")) return "next.step.rating";
  return step.to >= step.from ? "next.step.raise" : "next.step.lower";
}

/**
 * A next step as a sentence ("再消费 1,360 元即可升为金卡"), or why there is none ("已是最高等级").
 *
 * @example nextStepText({ tier: "gold", role: "amount", column: "消费", from: 8640, to: 10000 }, tiers, "zh") // "再消费 1,360 元即可升为金卡"
 */
export function nextStepText(step: NextStep, tiers: readonly TierInfo[], lang: Lang): string {
  if (!("tier" in step)) return reasonText({ code: step.none }, lang);
  return reasonText(
    {
      code: stepCode(step),
      params: {
        tier: tierLabel(tiers, step.tier, lang),
        column: step.column,
        from: groupNumber(step.from),
        to: groupNumber(step.to),
        gap: groupNumber(gapOf(step)!),
        estimate: step.estimate ? 1 : 0,
      },
    },
    lang,
  );
}

/**
 * How close a customer is to the next tier, for sorting a call list: the change asked for relative
 * to the current value (0.05 = 5 % more); Infinity when there is no step.
 *
 * @example closeness({ tier: "gold", role: "amount", column: "消费", from: 8640, to: 10000 }) // 0.157…
 */
export function closeness(step: NextStep | null | undefined): number {
  if (!step || !("tier" in step)) return Infinity;
  return Math.abs(step.to - step.from) / Math.max(Math.abs(step.from), 1);
}

/**
 * Per customer, the next tier's name and the gap, for a notification template's {next} and {gap}
 * ("再消费 {gap} 元即可升级为 {next}"). Customers without a step are left out.
 *
 * @example nextFields(result).get("VIP100007") // { next: "银卡", gap: "333.01" }
 */
export function nextFields(result: PresentedResult): Map<string, { next: string; gap: string }> {
  const out = new Map<string, { next: string; gap: string }>();
  result.next?.forEach((s, i) => {
    if (s && "tier" in s)
      out.set(String(result.columns.customer_id[i]), {
        next: tierLabel(result.tiers, s.tier, result.lang),
        gap: groupNumber(gapOf(s)!),
      });
  });
  return out;
}
