import { TierError, check, type RowIssue } from "./errors";
import type { RuleSet } from "./ruleset";
import { TENANT_STRATEGIES } from "./presets-strategies";

/** The five rating labels staff type, best first (招商部商家评价表: 优秀 5 … 不合格 1). */
export const RATING_LABELS = [
  { score: 5, zh: "优秀", en: "Excellent" },
  { score: 4, zh: "良好", en: "Good" },
  { score: 3, zh: "合格", en: "Fair" },
  { score: 2, zh: "较差", en: "Poor" },
  { score: 1, zh: "不合格", en: "Unacceptable" },
] as const;

const LABEL_SCORE = new Map<string, number>(
  RATING_LABELS.flatMap((l) => [
    [l.zh, l.score],
    [l.en.toLowerCase(), l.score],
  ]),
);

const NUMERIC = /^[+-]?(\d+\.?\d*|\.\d+)$/;

/**
 * One rating cell as a number 1..5: a number in 1..5 (a half point such as 3.5 is kept), numeric text
 * ("4"), or a label 优秀 5 / 良好 4 / 合格 3 / 较差 2 / 不合格 1 (also Excellent / Good / Fair / Poor /
 * Unacceptable, any case). Blank, out of range or unknown text gives NaN: the row is listed, never thrown.
 *
 * @example
 * parseRating("良好"); // 4
 * parseRating(" fair "); // 3
 * parseRating(6); // NaN
 */
export function parseRating(v: unknown): number {
  let x = NaN;
  if (typeof v === "number") x = v;
  else if (typeof v === "string") {
    const t = v.trim();
    if (NUMERIC.test(t)) x = Number(t);
    else return LABEL_SCORE.get(t) ?? LABEL_SCORE.get(t.toLowerCase()) ?? NaN;
  }
  return x >= 1 && x <= 5 ? x : NaN;
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

/**
 * Checks criterion weights: none negative, and they add up to 100 (percentages) or 1 (fractions) within
 * `tolerance` (relative). Throws a TierError such as `weights add up to 90 %, they must add up to 100 %`.
 *
 * @example
 * checkWeights([40, 30, 30]); // ok
 * checkWeights([0.5, 0.5]); // ok
 * checkWeights([30, 30, 30]); // throws: weights add up to 90 %, they must add up to 100 %
 */
export function checkWeights(weights: readonly number[], tolerance = 1e-6): void {
  check(weights.length > 0, "scorecard.noWeights");
  let sum = 0;
  let fractions = true;
  for (let i = 0; i < weights.length; i++) {
    const w = weights[i];
    check(typeof w === "number" && Number.isFinite(w), "scorecard.weightNotNumber", { n: i + 1 });
    check(w >= 0, "scorecard.weightNegative", { n: i + 1, value: w });
    sum += w;
    if (w > 1) fractions = false;
  }
  if (Math.abs(sum - 100) <= tolerance * 100 || Math.abs(sum - 1) <= tolerance) return;
  // Weights that are all at most 1 and add up to about 1 are fractions: show them as percentages.
  const shown = fractions && sum <= 2 ? sum * 100 : sum;
  // Two decimals, unless that would print "100 %" for weights that are just off (99.999).
  const text = round2(shown) === 100 ? String(Number(shown.toPrecision(8))) : String(round2(shown));
  throw new TierError("scorecard.weightSum", { sum: text });
}

/**
 * Scales weights to add up to exactly 100 with at most 2 decimals (largest remainder: every weight is
 * rounded down to 0.01 and the missing hundredths go to the largest remainders, earlier criteria first on
 * ties). The one-click "normalise" of the scorecard.
 *
 * @example
 * normaliseWeights([30, 30, 30]); // [33.34, 33.33, 33.33]
 * normaliseWeights([1, 1, 2]); // [25, 25, 50]
 */
export function normaliseWeights(weights: readonly number[]): number[] {
  check(weights.length > 0, "scorecard.noWeightsToNormalise");
  let sum = 0;
  weights.forEach((w, i) => {
    check(typeof w === "number" && Number.isFinite(w), "scorecard.weightNotNumber", { n: i + 1 });
    check(w >= 0, "scorecard.weightNegative", { n: i + 1, value: w });
    sum += w;
  });
  check(sum > 0, "scorecard.allWeightsZero");
  const units = weights.map((w) => {
    const u = (w * 10000) / sum;
    // Snap float noise (0.57 * 10000 = 5699.999…) before rounding down.
    const r = Math.round(u);
    return Math.abs(u - r) < 1e-7 ? r : u;
  });
  const floors = units.map(Math.floor);
  let left = 10000 - floors.reduce((a, b) => a + b, 0);
  const byRemainder = units
    .map((u, i) => i)
    .sort((a, b) => units[b] - floors[b] - (units[a] - floors[a]) || a - b);
  for (let k = 0; left > 0; k++, left--) floors[byRemainder[k % byRemainder.length]]++;
  return floors.map((f) => f / 100);
}

function checkColumns(ratings: readonly ArrayLike<number>[], weights: readonly number[]): number {
  check(ratings.length > 0, "scorecard.noRatings");
  check(ratings.length === weights.length, "scorecard.weightCount", {
    ratings: ratings.length,
    weights: weights.length,
  });
  const n = ratings[0].length;
  ratings.forEach((c, j) =>
    check(c.length === n, "scorecard.ratingRows", { n: j + 1, rows: c.length, first: n }),
  );
  return n;
}

function scoreRow(
  ratings: readonly ArrayLike<number>[],
  weights: readonly number[],
  i: number,
  one: boolean,
): number {
  let sw = 0;
  let swr = 0;
  for (let j = 0; j < ratings.length; j++) {
    let r = ratings[j][i];
    if (!(r >= 1 && r <= 5)) {
      if (!one) return NaN;
      r = 1;
    }
    sw += weights[j];
    swr += weights[j] * r;
  }
  return swr / sw;
}

/**
 * Weighted scorecard score on the 1..5 scale: `Σ w_i r_i / Σ w_i` (Excel: `=SUMPRODUCT(w, r)/SUM(w)`).
 * One rating column per criterion, already parsed with {@link parseRating}. A missing rating (NaN or
 * outside 1..5) gives the row NaN (no stars; the caller lists it) unless `missing: "one"` rates it 1.
 *
 * @example
 * // two criteria weighted 60 / 40, rated 5 and 3: (60·5 + 40·3) / 100 = 4.2
 * weightedScore([[5], [3]], [60, 40]); // Float64Array [4.2]
 */
export function weightedScore(
  ratings: readonly ArrayLike<number>[],
  weights: readonly number[],
  options?: { missing?: "skip" | "one" },
): Float64Array {
  checkWeights(weights);
  const n = checkColumns(ratings, weights);
  const one = options?.missing === "one";
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = scoreRow(ratings, weights, i, one);
  return out;
}

function stageText(v: unknown): string {
  if (typeof v === "string") return v.trim();
  if (typeof v === "number" && Number.isFinite(v)) return String(v);
  return "";
}

/**
 * Weighted score where each row uses the weight profile its stage cell names (trimmed), e.g. 新场 / 调整 /
 * 成熟 for shopping-centre tenants. A blank or unknown stage gives NaN; {@link stageProblems} says why.
 * Each profile's weights are checked once, up front.
 *
 * @example
 * weightedScoreByStage([[5, 5], [3, 3]], { 新场: [60, 40], 成熟: [20, 80] }, ["新场", "成熟"]);
 * // (60·5 + 40·3)/100 = 4.2 and (20·5 + 80·3)/100 = 3.4 → Float64Array [4.2, 3.4]
 */
export function weightedScoreByStage(
  ratings: readonly ArrayLike<number>[],
  profiles: Readonly<Record<string, readonly number[]>>,
  stage: readonly unknown[],
  options?: { missing?: "skip" | "one" },
): Float64Array {
  const names = Object.keys(profiles);
  check(names.length > 0, "scorecard.noProfiles");
  const byStage = new Map<string, readonly number[]>();
  for (const name of names) {
    const w = profiles[name];
    try {
      checkWeights(w);
      checkColumns(ratings, w);
    } catch (e) {
      if (e instanceof TierError) throw new TierError("scorecard.inStage", { stage: name, reason: e });
      throw e;
    }
    byStage.set(name.trim(), w);
  }
  const n = ratings[0].length;
  check(stage.length === n, "scorecard.stageRows", { stage: stage.length, ratings: n });
  const one = options?.missing === "one";
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const w = byStage.get(stageText(stage[i]));
    out[i] = w === undefined ? NaN : scoreRow(ratings, w, i, one);
  }
  return out;
}

/**
 * Rows whose stage cell names no weight profile, with a reason a user can act on (worded at the
 * edge: `stage "xx" is not one of 新场, 调整, 成熟`). `column` is the stage header the user sees.
 *
 * @example
 * stageProblems({ 新场: [100], 成熟: [100] }, ["新场", "xx", ""]);
 * // [{ row: 1, column: "stage", code: "scorecard.stageUnknown", params: { value: "xx", stages: ["新场", "成熟"] } },
 * //  { row: 2, column: "stage", code: "scorecard.stageBlank", params: { stages: ["新场", "成熟"] } }]
 */
export function stageProblems(
  profiles: Readonly<Record<string, readonly number[]>>,
  stage: readonly unknown[],
  column = "stage",
): RowIssue[] {
  const names = Object.keys(profiles).map((s) => s.trim());
  const known = new Set(names);
  const out: RowIssue[] = [];
  for (let i = 0; i < stage.length; i++) {
    const s = stageText(stage[i]);
    if (s === "") out.push({ row: i, column, code: "scorecard.stageBlank", params: { stages: names } });
    else if (!known.has(s))
      out.push({ row: i, column, code: "scorecard.stageUnknown", params: { value: s, stages: names } });
  }
  return out;
}

/**
 * A score on the 1..5 scale shown on the 5- or 100-point scale (100-point = score × 20).
 *
 * @example
 * toScale(4.25, 100); // 85
 */
export function toScale(score: number, scale: 5 | 100): number {
  check(scale === 5 || scale === 100, "scorecard.scale", { got: String(scale) });
  return scale === 100 ? score * 20 : score;
}

/** Default star thresholds (for 5, 4, 3, 2 stars) per scale, from the source scorecards. */
export const DEFAULT_STARS: Readonly<Record<5 | 100, readonly number[]>> = Object.freeze({
  5: Object.freeze([4.5, 4, 3, 2.5]),
  100: Object.freeze([90, 80, 70, 60]),
});

/**
 * Stars from scores: 5, 4, 3, 2 stars when `score >=` the 1st..4th threshold, else 1; 0 for a missing
 * score. Thresholds are 4 numbers from high to low, by default 4.5 / 4 / 3 / 2.5 (5-point scale) or
 * 90 / 80 / 70 / 60 (100-point). Excel: `=1+SUMPRODUCT(--(B2>={4.5,4,3,2.5}))`.
 *
 * @example
 * stars([4.2, 2.4, NaN]); // Uint8Array [4, 1, 0]
 * stars([85], undefined, 100); // Uint8Array [4]
 */
export function stars(
  scores: ArrayLike<number>,
  thresholds?: readonly number[],
  scale: 5 | 100 = 5,
): Uint8Array {
  check(scale === 5 || scale === 100, "scorecard.scale", { got: String(scale) });
  const t = thresholds ?? DEFAULT_STARS[scale];
  check(
    t.length === 4 && t.every((x, i) => Number.isFinite(x) && (i === 0 || x < t[i - 1])),
    "scorecard.starThresholds",
    { example: [...DEFAULT_STARS[scale]] },
  );
  const out = new Uint8Array(scores.length);
  for (let i = 0; i < scores.length; i++) {
    const s = scores[i];
    if (Number.isNaN(s)) continue;
    // 1 + #{k : s >= t_k}
    out[i] = s >= t[0] ? 5 : s >= t[1] ? 4 : s >= t[2] ? 3 : s >= t[3] ? 2 : 1;
  }
  return out;
}

/** What each maintenance class means (招商部客户管理机制, 六、各星级维护形式). */
export const MAINTENANCE_CLASSES = {
  A: { zh: "A级维护:续约,作为战略联盟对象", en: "A: renew, strategic partner" },
  B: { zh: "B级维护:作为调整对象(短续、调位)", en: "B: adjust (short renewal or a new position)" },
  C: { zh: "C级维护:合约到期则不再续约", en: "C: do not renew when the lease ends" },
} as const;

export type MaintenanceClass = "A" | "B" | "C" | "";

/**
 * Maintenance class from stars: A from `map.A` stars up (default 4: 4-5 stars), B from `map.B` (default 2:
 * 2-3 stars), C below (1 star), "" for no stars (0).
 *
 * @example
 * maintenanceClass([5, 3, 1, 0]); // ["A", "B", "C", ""]
 */
export function maintenanceClass(
  starCounts: ArrayLike<number>,
  map: { A: number; B: number } = { A: 4, B: 2 },
): MaintenanceClass[] {
  check(
    Number.isInteger(map.A) && Number.isInteger(map.B) && map.B >= 1 && map.B < map.A && map.A <= 5,
    "scorecard.classMap",
    { a: map.A, b: map.B },
  );
  const out: MaintenanceClass[] = new Array(starCounts.length);
  for (let i = 0; i < starCounts.length; i++) {
    const s = starCounts[i];
    out[i] = !(s >= 1) ? "" : s >= map.A ? "A" : s >= map.B ? "B" : "C";
  }
  return out;
}

type Names = { zh: string; en: string };

export interface ScorecardCriterion {
  key: string;
  name: Names;
  group?: string;
}

const TENANT_GROUPS = [
  { key: "brand", name: { zh: "品牌情况", en: "Brand" }, weights: { 新场: 22, 调整: 21, 成熟: 26 } },
  { key: "operator", name: { zh: "代理商情况", en: "Operator" }, weights: { 新场: 23, 调整: 26, 成熟: 21 } },
  {
    key: "operations",
    name: { zh: "经营状况", en: "Operations" },
    weights: { 新场: 35, 调整: 32, 成熟: 28 },
  },
  {
    key: "landlord",
    name: { zh: "业主管理", en: "Landlord relations" },
    weights: { 新场: 20, 调整: 21, 成熟: 25 },
  },
] as const;

// [key, zh, en, group, 新场, 调整, 成熟] — the spec appendix table, itself from the seed's 租户评价标准表.
const TENANT_ROWS: readonly (readonly [string, string, string, string, number, number, number])[] = [
  ["positioning", "符合商场定位", "Fits positioning", "brand", 7, 7, 9],
  ["price_level", "符合商场档次", "Fits price level", "brand", 6, 7, 9],
  ["brand_history", "品牌历史/市场地位", "Brand history / market position", "brand", 9, 7, 8],
  ["retail_experience", "品牌方/零售商经验", "Retail experience", "operator", 9, 9, 7],
  ["local_stores", "品牌在本地店铺数量", "Local stores", "operator", 7, 8, 5],
  ["local_sales", "本地销售业绩", "Local sales", "operator", 7, 9, 9],
  ["location", "店铺选位正确", "Right location", "operations", 3, 3, 5],
  ["sales_per_m2", "坪效", "Sales per m²", "operations", 3, 3, 3],
  ["fit_out", "店铺室内装修、橱窗设计", "Fit-out and windows", "operations", 6, 7, 5],
  ["display", "店铺内陈列", "Display", "operations", 5, 3, 3],
  ["assortment", "货品齐全度", "Assortment", "operations", 6, 6, 6],
  ["service", "导购服务", "Service", "operations", 5, 5, 3],
  ["promotion", "积极推广宣传", "Promotion", "operations", 7, 5, 3],
  ["rent_on_time", "准时交租", "Pays rent on time", "landlord", 4, 5, 7],
  ["replanning", "配合业主调整", "Follows re-planning", "landlord", 5, 5, 3],
  ["joins_promotions", "配合业主促销活动", "Joins promotions", "landlord", 5, 5, 3],
  ["rent_yield", "租金收益水平", "Rent yield", "landlord", 3, 3, 7],
  ["complaint_rate", "消费者投诉率", "Complaint rate", "landlord", 3, 3, 5],
];

/**
 * The shopping-centre tenant scorecard (招商部客户管理机制): 18 criteria rated 1..5, weights by the centre's
 * stage (新场 new / 调整 adjusting / 成熟 mature), stars 4.5 / 4 / 3 / 2.5, maintenance A from 4 stars and
 * B from 2. Evaluated yearly, three months early for leases about to end. Plain data (JSON-serialisable).
 */
export const TENANT_SCORECARD = {
  name: { zh: "商场租户评价(招商部客户管理机制)", en: "Shopping-centre tenant scorecard" },
  scale: 5 as const,
  groups: TENANT_GROUPS,
  criteria: TENANT_ROWS.map(([key, zh, en, group]) => ({ key, name: { zh, en }, group })),
  stages: [
    { key: "新场", name: { zh: "新场阶段", en: "New centre" } },
    { key: "调整", name: { zh: "调整阶段", en: "Adjusting" } },
    { key: "成熟", name: { zh: "成熟阶段", en: "Mature" } },
  ],
  profiles: {
    新场: TENANT_ROWS.map((r) => r[4]),
    调整: TENANT_ROWS.map((r) => r[5]),
    成熟: TENANT_ROWS.map((r) => r[6]),
  } as Record<"新场" | "调整" | "成熟", number[]>,
  stars: [4.5, 4, 3, 2.5],
  maintenance: { A: 4, B: 2 },
  review: {
    zh: "每年评估一次;即将到期商家提前三个月完成评估",
    en: "yearly; three months early for leases about to end",
  },
};

// The seed's 客户评估表 lists the 20 criteria with one "评估分" (score) each and a 百分制 (100-point) total,
// but gives no points per criterion, so each weighs 5 (20 × 5 = 100).
const DEALER_ROWS: readonly (readonly [string, string, string])[] = [
  ["fleet", "现有设备数量", "Current fleet (units)"],
  ["fleet_tonnage", "现有设备总吨位", "Current fleet tonnage"],
  ["own_fleet", "现有三一设备数量", "Our-brand fleet (units)"],
  ["own_fleet_tonnage", "现有三一设备总吨位", "Our-brand fleet tonnage"],
  ["new_units", "年度新增设备数量", "New units this year"],
  ["own_new_units", "年度新增三一设备数量", "Our-brand new units this year"],
  ["deal_margin", "成单利润率", "Deal margin"],
  ["operators", "操作手数量", "Operators"],
  ["funding", "资金状况", "Funding"],
  ["loans", "贷款车辆数量及金额", "Financed units and amount"],
  ["credit", "信用情况", "Credit"],
  ["overdue_rate", "逾期率", "Overdue rate"],
  ["utilisation", "设备使用率", "Utilisation"],
  ["projects", "工程情况", "Projects"],
  ["satisfaction", "服务满意度", "Service satisfaction"],
  ["complaint_rate", "投诉率", "Complaint rate"],
  ["leads_given", "提供信息量", "Leads given"],
  ["leads_closed", "提供信息成交量", "Leads closed"],
  ["brand_promotion", "品牌宣传情况", "Brand promotion"],
  ["integrity", "客户本人品质", "Personal integrity"],
];

/**
 * The construction-machinery dealer card (客户分级管理制度): 20 criteria rated 1..5, 5 points each, total on
 * the 100-point scale (score × 20), stars 90 / 80 / 70 / 60 (the seed's "一星:50分以下" leaves 50-60 open;
 * the spec's "else 1 star" closes it), evaluated quarterly. Customer types A..E are data for the caller.
 */
export const DEALER_SCORECARD = {
  name: { zh: "设备客户评估表(客户分级管理制度)", en: "Equipment dealer scorecard" },
  scale: 100 as const,
  criteria: DEALER_ROWS.map(([key, zh, en]) => ({ key, name: { zh, en } })),
  profiles: { default: DEALER_ROWS.map(() => 5) } as Record<string, number[]>,
  stars: [90, 80, 70, 60],
  review: {
    zh: "每季度一次;公权及潜在客户需提前完成评估",
    en: "quarterly; public bodies and prospects earlier",
  },
  customerTypes: [
    { key: "A", zh: "所有拥有三一设备客户", en: "owns our machines" },
    { key: "B", zh: "区域内有影响但未购买三一设备户", en: "influential in the area, not yet a buyer" },
    { key: "C", zh: "行业内活动率高且善于造势客户", en: "active in the trade and good at creating buzz" },
    { key: "D", zh: "周边行业客户(潜在客户)", en: "adjacent trades (prospects)" },
    { key: "E", zh: "公权客户", en: "public bodies" },
  ],
};

type ScorecardRuleSet = Extract<RuleSet, { method: "scorecard" }>;

/** The tenant scorecard as a rule set (the shape `tier presets` prints and rule files use). */
export const TENANT_RULES: ScorecardRuleSet = {
  method: "scorecard",
  name: { zh: "商场租户评价", en: "Shopping-centre tenant scorecard" },
  description: {
    zh: "18 项指标按 优秀5/良好4/合格3/较差2/不合格1 评分,按新场/调整/成熟阶段加权;4.5 分以上五星,4-5 星 A 级续约,2-3 星 B 级调整,1 星 C 级不再续约。",
    en: "18 criteria rated 1-5 (优秀 5 … 不合格 1), weighted by the centre's stage (new / adjusting / mature); 4-5 stars class A (renew), 2-3 B (adjust), 1 C (do not renew).",
  },
  scale: 5,
  criteria: TENANT_SCORECARD.criteria.map((c) => ({ key: c.key, name: { ...c.name }, group: c.group })),
  profiles: {
    新场: [...TENANT_SCORECARD.profiles.新场],
    调整: [...TENANT_SCORECARD.profiles.调整],
    成熟: [...TENANT_SCORECARD.profiles.成熟],
  },
  stars: [...TENANT_SCORECARD.stars],
  missing: "skip",
  strategies: TENANT_STRATEGIES,
  // "即将到期商家,需提前三个月完成评估": re-rated three months before the lease ends.
  leaseReview: { months: 3 },
};

/** The dealer card as a rule set. */
export const DEALER_RULES: ScorecardRuleSet = {
  method: "scorecard",
  name: { zh: "设备客户评估", en: "Equipment dealer scorecard" },
  description: {
    zh: "20 项指标各 5 分,合计百分制;90 分以上五星,80 四星,70 三星,60 二星,其余一星;每季度评估。",
    en: "20 criteria worth 5 points each, a 100-point total; 90+ five stars, 80 four, 70 three, 60 two, else one; quarterly.",
  },
  scale: 100,
  criteria: DEALER_SCORECARD.criteria.map((c) => ({ key: c.key, name: { ...c.name } })),
  profiles: { default: [...DEALER_SCORECARD.profiles.default] },
  stars: [...DEALER_SCORECARD.stars],
  missing: "skip",
};
