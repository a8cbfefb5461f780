/** The change log's words for customers kept by retention (保级, issue 17). */
import type { Lang } from "../engine/grade";
import type { TierInfo } from "../engine/methods";
import type { Kept } from "../engine/retention";
import { whyText } from "./next-text";

/**
 * Customer → why they kept their tier ("保级：累计消费 8,640 ≥ 保级线 8,000，保留金卡（本次评定为银卡）").
 *
 * @example keptTexts([{ customerId: "M7", tier: "gold", graded: "silver", why: "bar", value: 8640, bar: 8000 }], tiers, "zh").get("M7")
 */
export function keptTexts(
  kept: readonly Kept[],
  tiers: readonly TierInfo[],
  lang: Lang,
): Map<string, string> {
  return new Map(
    kept.map((k) => [
      k.customerId,
      whyText(
        {
          code: k.why === "bar" ? "retention.bar" : "retention.periods",
          params: {
            tier: k.tier,
            next: k.graded,
            value: k.value ?? "—",
            ...(k.bar !== undefined ? { bar: k.bar } : {}),
            ...(k.below !== undefined ? { below: k.below, periods: k.periods ?? 1 } : {}),
          },
        },
        tiers,
        lang,
      ),
    ]),
  );
}
