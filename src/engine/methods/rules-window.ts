/** The spend window and margin of rule tables (issue 14), shared by grading and its reasons and next steps. */
import { TierError } from "../errors";
import { windowDays, type WindowTotals } from "../window";
import type { RulesRules } from "./rules";
import type { MethodInput } from "./types";

const WINDOWED: Record<string, (w: WindowTotals, asOf: number) => Float64Array> = {
  amount: (w) => w.amount,
  frequency: (w) => w.frequency,
  first_day: (w) => w.firstDay,
  last_day: (w) => w.lastDay,
  recency_days: (w, asOf) => w.lastDay.map((d) => asOf - d),
};

/**
 * The columns the rule set's window and margin decide, by rule column: with a window other than
 * `all`, spend, counts, first and last day over the window's orders (tenure keeps the first order
 * ever, as the spec says); `margin` from the profit or cost column over the same orders. A rule on
 * `margin` without a margin column holds for nobody, so a preset can carry it for teams that have one.
 */
export function windowColumns(
  input: MethodInput,
  rs: RulesRules,
  used: readonly string[],
): Map<string, Float64Array> {
  const out = new Map<string, Float64Array>();
  const win = rs.window && rs.window.kind !== "all" ? rs.window : undefined;
  const wantsMargin = used.includes("margin");
  if (!win && !wantsMargin) return out;
  if (win && !input.windowed) throw new TierError("rules.windowNeedsOrders");
  const [from, to] = windowDays(win ?? { kind: "all" }, input.asOf);
  const margin = wantsMargin ? rs.margin : undefined;
  if (input.windowed && (win || margin)) {
    const w = input.windowed(from, to, margin?.column);
    if (win) for (const c of used) if (c in WINDOWED) out.set(c, WINDOWED[c](w, input.asOf));
    if (margin && w.extra) {
      const extra = w.extra;
      out.set("margin", margin.kind === "profit" ? extra : w.amount.map((a, i) => a - extra[i]));
    }
  } else if (margin) {
    // One row per customer: the profit or cost column is already per customer.
    const e = input.numeric(input.columnKey(margin.column));
    out.set("margin", margin.kind === "profit" ? e : input.numeric("amount").map((a, i) => a - e[i]));
  }
  if (wantsMargin && !out.has("margin")) out.set("margin", new Float64Array(input.n).fill(NaN));
  return out;
}

/**
 * The columns a rule table compares as text (客户类型 in [大型企业, 战略合作伙伴]; 满意度 = 很满意): those
 * with a condition whose value is text that is not a number. They are read as trimmed text, not numbers.
 */
export function textColumns(rs: Pick<RulesRules, "rules">): Set<string> {
  const out = new Set<string>();
  for (const r of rs.rules)
    for (const c of r.when) {
      const values = Array.isArray(c.value) ? c.value : [c.value];
      // "9" is a number typed as text, compared as one (as `applyRules` does); "大型企业" is a category.
      if (values.some((v) => typeof v === "string" && !Number.isFinite(Number(v.trim())))) out.add(c.column);
    }
  return out;
}
