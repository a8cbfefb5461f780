import type { StrategyMap } from "./methods/strategies";

/**
 * The actions per tier (策略) of the presets whose tiers come from the method (RFM segments and
 * classes, lifecycle stages, stars, nine-grid cells, CLV) or from a three-class ABC list, as the
 * rule set's `strategies` map. Where a source gives the actions they are quoted beside them
 * (`/work/shared/seeds/`); where it gives none the actions are what a team would expect, marked
 * `"example"` in {@link STRATEGY_ORIGIN} and shown as examples (示例) in docs/strategies.md.
 */

type Actions = { zh: string[]; en: string[] };
const list = (zh: string[], en: string[]): Actions => ({ zh, en });

/**
 * ABC by share of sales (source 004, 三、1 「針對不同類型客戶的溝通技巧」): A 類 "提供個性化、高端的服務體驗 …
 * 提供定制化的解決方案" (專屬的銷售顧問); B 類 "在保持良好服務的基礎上，進一步挖掘他們的潛在需求，提升他們的價值";
 * C 類 "通過提供一些普遍性的優惠活動來吸引他們增加消費" (滿減活動).
 */
export const ABC_STRATEGIES = {
  A: list(
    ["个性化、高端的服务体验", "专属销售顾问", "定制化的解决方案"],
    ["personalised, premium service", "a dedicated sales adviser", "tailored solutions"],
  ),
  B: list(
    ["保持良好服务", "挖掘潜在需求，提升价值"],
    ["keep the service good", "find their latent needs and grow their value"],
  ),
  C: list(["普遍性的优惠活动（如满减）"], ["general offers (spend-and-save)"]),
} satisfies StrategyMap;

/**
 * Tobacco retailers (source 002, 案例5): "客户经理在正常访销以外每旬对核心客户走访一次，对其他客户每半月走访一次";
 * "施行具有个性化、差异化的效劳" and "识别并确定核心顾客群".
 */
export const TOBACCO_STRATEGIES = {
  A: list(
    ["正常访销以外每旬走访一次", "个性化、差异化服务", "建立长期稳定的核心客户群"],
    [
      "a visit every ten days on top of the regular calls",
      "personalised, differentiated service",
      "build a long-term core customer base",
    ],
  ),
  B: list(["正常访销以外每半月走访一次"], ["a visit every half month on top of the regular calls"]),
  C: list(["正常访销以外每半月走访一次"], ["a visit every half month on top of the regular calls"]),
} satisfies StrategyMap;

/**
 * The tenant scorecard (source 000, 招商部「客户管理机制」, 六、各星级维护形式: "1星为C级维护,合约到期则不再续约
 * 2星-3星为B级维护,做为调整对象(短续、调位) 4星-5星为A级维护,续约,做为战略联盟对象"; 七、评级后的分级管理要点:
 * "定期客户访谈,每月一例记录 分重点和分形式的:节日问候、客户联谊会"). The source says 分重点 (by priority)
 * for the greetings and the tenants' evening; giving them to the A class is this preset's reading.
 */
const TENANT_A = list(
  ["A级维护：续约", "作为战略联盟对象", "节日问候、客户联谊会", "定期客户访谈（每月一例记录）"],
  [
    "class A: renew",
    "a strategic partner",
    "holiday greetings and the tenants' evening",
    "regular interviews (one record a month)",
  ],
);
const TENANT_B = list(
  ["B级维护：作为调整对象（短续、调位）", "定期客户访谈（每月一例记录）"],
  ["class B: adjust (short renewal or a new position)", "regular interviews (one record a month)"],
);
export const TENANT_STRATEGIES = {
  "5": TENANT_A,
  "4": TENANT_A,
  "3": TENANT_B,
  "2": TENANT_B,
  "1": list(
    ["C级维护：合约到期则不再续约", "定期客户访谈（每月一例记录）"],
    ["class C: do not renew when the lease ends", "regular interviews (one record a month)"],
  ),
} satisfies StrategyMap;

/**
 * Lifecycle stages. Sourced: 忠诚 and 潜在 (source 004, 三、2: "對於忠誠客戶可以給予積分加倍、優先購買新產品等特權，
 * 而對於潛在客戶則可以通過發放優惠券等方式吸引他們嘗試購買產品"); 新客户 / 一次性 / 常规 (source 001, 「客户的形成」:
 * "再把满意的首次购买客户转变为重复购买客户 … 企业必须把重复购买客户转化为忠诚的客户"). 沉睡 and 流失: examples.
 */
export const LIFECYCLE_STRATEGIES = {
  prospect: list(["发放优惠券，吸引尝试购买"], ["coupons to win a first purchase"]),
  lost: list(
    ["低成本召回（短信、优惠券）", "了解流失原因"],
    ["low-cost win-back (SMS, coupons)", "ask why they left"],
  ),
  at_risk: list(["主动联系唤醒", "专属回归优惠"], ["reach out to wake them up", "a welcome-back offer"]),
  new: list(["让客户满意", "促成重复购买"], ["make them satisfied", "win the repeat purchase"]),
  loyal: list(["积分加倍", "优先购买新产品"], ["double points", "first access to new products"]),
  regular: list(["转化为忠诚客户"], ["turn them into loyal customers"]),
  one_time: list(["让客户满意", "促成重复购买"], ["make them satisfied", "win the repeat purchase"]),
} satisfies StrategyMap;

/** The eight RFM classes: no source names their actions; all are examples (common retail practice). */
export const RFM8_STRATEGIES = {
  "important-value": list(["VIP 专属服务", "优先体验新品"], ["VIP service", "early access to new products"]),
  "important-development": list(
    ["提高购买频次", "会员积分激励"],
    ["raise purchase frequency", "member points incentives"],
  ),
  "important-retention": list(
    ["主动联系唤回", "了解久未消费的原因"],
    ["reach out to bring them back", "ask why they stopped"],
  ),
  "important-win-back": list(
    ["专人回访挽留", "专属回归优惠"],
    ["a personal call to win them back", "a welcome-back offer"],
  ),
  "general-value": list(["交叉销售", "提升客单价"], ["cross-selling", "raise the basket size"]),
  "general-development": list(["新客关怀", "促成复购"], ["new-customer care", "win the repeat purchase"]),
  "general-retention": list(["定期促销提醒"], ["regular promotion reminders"]),
  "general-win-back": list(["低成本触达，减少投入"], ["low-cost contact, less spend"]),
} satisfies StrategyMap;

/** The RFM segments (keys as the segment table names them): examples, common retail practice. */
export const RFM_STRATEGIES = {
  Champions: list(["奖励回馈", "优先体验新品", "邀请推荐"], ["rewards", "early access", "ask for referrals"]),
  "Potential Loyalist": list(
    ["会员计划", "个性化推荐"],
    ["membership offers", "personalised recommendations"],
  ),
  "Loyal Customers": list(["向上销售", "征求评价"], ["upsell", "ask for reviews"]),
  Promising: list(["提升品牌认知", "免费试用"], ["build brand awareness", "free trials"]),
  "New Customers": list(["新客引导", "促成复购"], ["onboarding", "win the repeat purchase"]),
  "Can't Lose Them": list(
    ["专人联系挽回", "了解需求变化"],
    ["a personal call to win them back", "ask what changed"],
  ),
  "At Risk": list(["个性化召回", "专属优惠"], ["personalised win-back", "a special offer"]),
  "Need Attention": list(["限时优惠", "推荐相关商品"], ["limited-time offers", "related products"]),
  "About To Sleep": list(
    ["热门商品提醒", "唤醒活动"],
    ["popular products reminder", "a reactivation campaign"],
  ),
  Lost: list(["低成本召回或放弃"], ["low-cost win-back, or let go"]),
  others: list(["常规营销"], ["regular marketing"]),
} satisfies StrategyMap;

/** Nine-grid cells: the sources give visits per cell, not actions; all are examples read from the cell names. */
export const GRID_STRATEGIES = {
  A1: list(
    ["高频拜访维护关系", "邀请参加学术会议"],
    ["frequent visits to keep the relationship", "invite to medical meetings"],
  ),
  A2: list(
    ["增加拜访提升用量", "经理协同拜访"],
    ["more visits to grow use", "joint visits with the manager"],
  ),
  A3: list(["重点开发，争取首次使用"], ["focus on winning the first use"]),
  B1: list(["定期拜访维持"], ["regular visits to maintain"]),
  B2: list(["提供产品信息，培养提升"], ["product information to develop them"]),
  B3: list(["逐步建立关系"], ["build the relationship step by step"]),
  C1: list(["保持联系，低频拜访"], ["keep in touch, few visits"]),
  C2: list(["常规拜访"], ["routine visits"]),
  C3: list(["观察，暂不投入"], ["watch, no investment for now"]),
} satisfies StrategyMap;

/**
 * CLV tiers. The active thirds take the value levels of source 003 (第四章: 高价值客户 A 类 "专属服务、优先体验和
 * 增值权益"; 中价值客户 B 类 "激励升级、需求满足和社群运营"; 第三章: C 类 "性价比需求和基础服务保障", "折扣活动");
 * at risk and lost are examples.
 */
export const CLV_STRATEGIES = {
  high: list(
    ["专属服务", "优先体验", "增值权益"],
    ["dedicated service", "early access", "added-value rights"],
  ),
  medium: list(
    ["激励升级", "需求满足", "社群运营"],
    ["upgrade incentives", "meet their needs", "community programmes"],
  ),
  low: list(["折扣活动", "基础服务保障"], ["discount campaigns", "basic service guarantee"]),
  "at-risk": list(["主动联系挽留", "专属回归优惠"], ["reach out to keep them", "a welcome-back offer"]),
  lost: list(["低成本召回或放弃"], ["low-cost win-back, or let go"]),
} satisfies StrategyMap;

/**
 * The dealer card's stars: the source (客户分级管理制度, a construction-machinery maker) names no action per
 * star, only "刺激有潜力的普通客户向关键客户看齐 … 鞭策有潜力的小客户向普通客户甚至关键客户看齐"; examples.
 */
export const DEALER_STRATEGIES = {
  "5": list(
    ["重点维护，优先资源", "高层定期拜访"],
    ["key account care, resources first", "regular visits by management"],
  ),
  "4": list(["重点维护", "培养成为五星客户"], ["key account care", "grow them to five stars"]),
  "3": list(["定期拜访", "挖掘潜在需求"], ["regular visits", "find their latent needs"]),
  "2": list(["激励提升"], ["incentives to improve"]),
  "1": list(["控制信用风险", "减少投入"], ["limit credit risk", "invest less"]),
} satisfies StrategyMap;

/**
 * Per preset and tier key, whether its actions come from a source (`"source"`) or are examples to
 * replace (`"example"`): what docs/strategies.md shows and its test checks.
 */
export const STRATEGY_ORIGIN: Readonly<Record<string, Readonly<Record<string, "source" | "example">>>> = {
  abc: { A: "source", B: "source", C: "source" },
  "abc-months": { A: "source", B: "source", C: "source" },
  tobacco: { A: "source", B: "source", C: "source" },
  scorecard: { "5": "source", "4": "source", "3": "source", "2": "source", "1": "source" },
  lifecycle: {
    prospect: "source",
    lost: "example",
    at_risk: "example",
    new: "source",
    loyal: "source",
    regular: "source",
    one_time: "source",
  },
  rfm8: Object.fromEntries(Object.keys(RFM8_STRATEGIES).map((k) => [k, "example"])),
  rfm: Object.fromEntries(Object.keys(RFM_STRATEGIES).map((k) => [k, "example"])),
  "rfm-r": Object.fromEntries(Object.keys(RFM_STRATEGIES).map((k) => [k, "example"])),
  grid9: Object.fromEntries(Object.keys(GRID_STRATEGIES).map((k) => [k, "example"])),
  pharma: Object.fromEntries(Object.keys(GRID_STRATEGIES).map((k) => [k, "example"])),
  clv: { high: "source", medium: "source", low: "source", "at-risk": "example", lost: "example" },
  dealer: Object.fromEntries(Object.keys(DEALER_STRATEGIES).map((k) => [k, "example"])),
};
