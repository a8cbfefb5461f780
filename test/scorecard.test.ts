import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { TierError } from "../src/engine/errors";
import {
  DEALER_RULES,
  DEALER_SCORECARD,
  MAINTENANCE_CLASSES,
  RATING_LABELS,
  TENANT_RULES,
  TENANT_SCORECARD,
  checkWeights,
  maintenanceClass,
  normaliseWeights,
  parseRating,
  stageProblems,
  stars,
  toScale,
  weightedScore,
  weightedScoreByStage,
} from "../src/engine/scorecard";

const list = (a: ArrayLike<number>): number[] => Array.from(a);
/** One row of ratings as one-value columns, the shape weightedScore takes. */
const columns = (row: readonly number[]) => row.map((r) => [r]);

// A mixed tenant, criteria in TENANT_SCORECARD order:
// 定位 5, 档次 4, 历史 3 | 经验 5, 店数 2, 业绩 4 | 选位 3, 坪效 5, 装修 4, 陈列 3, 货品 4, 导购 5, 推广 2 |
// 交租 5, 配合调整 3, 配合促销 4, 租金收益 1, 投诉率 4
const MIXED = [5, 4, 3, 5, 2, 4, 3, 5, 4, 3, 4, 5, 2, 5, 3, 4, 1, 4];

describe("parseRating", () => {
  it("parseRating accepts the labels 优秀..不合格 and their English names", () => {
    expect(["优秀", "良好", "合格", "较差", "不合格"].map(parseRating)).toEqual([5, 4, 3, 2, 1]);
    expect([" Excellent", "GOOD", "fair", "Poor ", "unacceptable"].map(parseRating)).toEqual([5, 4, 3, 2, 1]);
    expect(RATING_LABELS.map((l) => l.score)).toEqual([5, 4, 3, 2, 1]);
  });

  it("parseRating accepts numbers and numeric text from 1 to 5 and gives NaN for anything else", () => {
    expect([1, 5, 3.5, "4", " 2 "].map(parseRating)).toEqual([1, 5, 3.5, 4, 2]);
    for (const bad of [0, 6, -1, NaN, "", "  ", "很好", "4分", null, undefined, true]) {
      expect(parseRating(bad)).toBeNaN();
    }
  });
});

describe("weights", () => {
  it("checkWeights accepts percentages adding up to 100 and fractions adding up to 1", () => {
    expect(() => checkWeights([40, 30, 30])).not.toThrow();
    expect(() => checkWeights([0.2, 0.3, 0.5])).not.toThrow();
    expect(() => checkWeights([33.33, 33.33, 33.34])).not.toThrow();
  });

  it("checkWeights says weights add up to 90 % when they add up to 90", () => {
    expect(() => checkWeights([30, 30, 30])).toThrow(TierError);
    expect(() => checkWeights([30, 30, 30])).toThrow("weights add up to 90 %, they must add up to 100 %");
    expect(() => checkWeights([0.3, 0.3, 0.3])).toThrow("weights add up to 90 %, they must add up to 100 %");
    expect(() => checkWeights([33.333, 33.333, 33.333])).toThrow(
      "weights add up to 99.999 %, they must add up to 100 %",
    );
    expect(() => checkWeights([10, 10.123])).toThrow("weights add up to 20.12 %, they must add up to 100 %");
  });

  it("checkWeights rejects a negative weight", () => {
    expect(() => checkWeights([110, -10])).toThrow("weight 2 is -10, weights cannot be negative");
    expect(() => checkWeights([])).toThrow(TierError);
  });

  it("normaliseWeights turns 30, 30, 30 into weights that add up to exactly 100", () => {
    const w = normaliseWeights([30, 30, 30]);
    // 30/90 = 33.333…: each rounds down to 33.33 (9999 hundredths), the missing hundredth goes to the first.
    expect(w).toEqual([33.34, 33.33, 33.33]);
    expect(w.reduce((a, b) => a + b, 0)).toBe(100);
    expect(() => checkWeights(w)).not.toThrow();
  });

  it("normaliseWeights keeps the sum at exactly 10000 hundredths for any weights", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1000, noNaN: true }), { minLength: 1, maxLength: 30 }),
        (ws) => {
          fc.pre(ws.some((w) => w > 1e-6));
          const out = normaliseWeights(ws);
          const hundredths = out.map((w) => Math.round(w * 100));
          return (
            hundredths.reduce((a, b) => a + b, 0) === 10000 && out.every((w, i) => hundredths[i] / 100 === w)
          );
        },
      ),
    );
  });

  it("normaliseWeights rejects all-zero and negative weights", () => {
    expect(() => normaliseWeights([0, 0])).toThrow(TierError);
    expect(() => normaliseWeights([1, -1])).toThrow(TierError);
  });
});

describe("weightedScore and stars", () => {
  it("gives a tenant rated all 良好 a score of 4.0, 4 stars and class A", () => {
    // Σ w·4 / Σ w = 4 · 100 / 100 = 4.0, whatever the stage; 4.0 >= 4 (not >= 4.5) → 4 stars → A (4-5 stars).
    const row = Array(18).fill(parseRating("良好"));
    for (const w of Object.values(TENANT_SCORECARD.profiles)) {
      const score = weightedScore(columns(row), w);
      expect(list(score)).toEqual([4]);
      expect(list(stars(score))).toEqual([4]);
      expect(maintenanceClass(stars(score))).toEqual(["A"]);
    }
  });

  it("scores a mixed tenant by hand under the 新场 profile: 369 / 100 = 3.69, 3 stars, class B", () => {
    // w  7 6 9 | 9 7 7 | 3 3 6 5 6 5 7 | 4 5 5 3 3
    // w·r 35+24+27 + 45+14+28 + 9+15+24+15+24+25+14 + 20+15+20+3+12 = 86 + 87 + 126 + 70 = 369
    const s = weightedScore(columns(MIXED), TENANT_SCORECARD.profiles.新场);
    expect(s[0]).toBeCloseTo(3.69, 12);
    expect(list(stars(s))).toEqual([3]);
    expect(maintenanceClass(stars(s))).toEqual(["B"]);
  });

  it("scores the same tenant by hand under the 调整 and 成熟 profiles: 3.76 and 3.73", () => {
    // 调整 w 7 7 7 | 9 8 9 | 3 3 7 3 6 5 5 | 5 5 5 3 3
    // w·r 35+28+21 + 45+16+36 + 9+15+28+9+24+25+10 + 25+15+20+3+12 = 84 + 97 + 120 + 75 = 376
    // 成熟 w 9 9 8 | 7 5 9 | 5 3 5 3 6 3 3 | 7 3 3 7 5
    // w·r 45+36+24 + 35+10+36 + 15+15+20+9+24+15+6 + 35+9+12+7+20 = 105 + 81 + 104 + 83 = 373
    const ratings = MIXED.map((r) => [r, r, r, r]); // four customers with the same ratings
    const s = weightedScoreByStage(ratings, TENANT_SCORECARD.profiles, ["调整", " 成熟 ", "xx", ""]);
    expect(s[0]).toBeCloseTo(3.76, 12);
    expect(s[1]).toBeCloseTo(3.73, 12);
    expect(s[2]).toBeNaN();
    expect(s[3]).toBeNaN();
    expect(stageProblems(TENANT_SCORECARD.profiles, ["调整", " 成熟 ", "xx", ""])).toEqual([
      {
        row: 2,
        column: "stage",
        code: "scorecard.stageUnknown",
        params: { value: "xx", stages: ["新场", "调整", "成熟"] },
      },
      { row: 3, column: "stage", code: "scorecard.stageBlank", params: { stages: ["新场", "调整", "成熟"] } },
    ]);
  });

  it("weightedScoreByStage names the stage whose weights do not add up", () => {
    expect(() => weightedScoreByStage([[3]], { 新场: [100], 成熟: [90] }, ["新场"])).toThrow(
      'stage "成熟": weights add up to 90 %, they must add up to 100 %',
    );
  });

  it("gives a dealer with a total of 85 on the 100-point scale 4 stars", () => {
    // 15 criteria rated 4 and 5 rated 5, each worth 5 points: (15·5·4 + 5·5·5) / 100 = 425 / 100 = 4.25;
    // × 20 = 85; 85 >= 80 but < 90 → 4 stars.
    const row = [...Array(15).fill(4), ...Array(5).fill(5)];
    const score = weightedScore(columns(row), DEALER_SCORECARD.profiles.default);
    expect(toScale(score[0], 100)).toBeCloseTo(85, 12);
    expect(list(stars([85], undefined, 100))).toEqual([4]);
    expect(list(stars([85], DEALER_SCORECARD.stars, 100))).toEqual([4]);
  });

  it("stars gives 4 stars to a score of 4.2 on the 5-point scale and counts each threshold as reached", () => {
    expect(list(stars([4.2, 4.5, 4, 3, 2.5, 2.49, 1, NaN]))).toEqual([4, 5, 4, 3, 2, 1, 1, 0]);
    expect(list(stars([90, 89.99, 60, 59.9], undefined, 100))).toEqual([5, 4, 2, 1]);
  });

  it("stars rejects thresholds that are not 4 numbers from high to low", () => {
    expect(() => stars([1], [4, 4.5, 3, 2.5])).toThrow(TierError);
    expect(() => stars([1], [4.5, 4, 3])).toThrow(/4 numbers from high to low/);
  });

  it("weightedScore gives a row with a missing rating no score, or rates it 1 when asked", () => {
    // With "one": (60·5 + 40·1) / 100 = 3.4.
    const r = [
      [5, 5],
      [NaN, 3],
    ];
    const skip = weightedScore(r, [60, 40]);
    expect(skip[0]).toBeNaN();
    expect(skip[1]).toBeCloseTo(4.2, 12);
    expect(weightedScore(r, [60, 40], { missing: "one" })[0]).toBeCloseTo(3.4, 12);
    expect(list(stars(skip))).toEqual([0, 4]);
    expect(maintenanceClass(stars(skip))).toEqual(["", "A"]);
  });

  it("weightedScore rejects a different number of weights and rating columns", () => {
    expect(() => weightedScore([[1], [2]], [100])).toThrow(
      "there are 2 rating columns but 1 weights: give one weight per criterion",
    );
  });

  it("weightedScore does not mutate its inputs and a row's score does not depend on the other rows", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 3, maxLength: 3 }), { minLength: 1 }),
        (rows) => {
          const cols = [0, 1, 2].map((j) => Object.freeze(rows.map((r) => r[j])));
          const w = Object.freeze([50, 30, 20]);
          const all = weightedScore(Object.freeze(cols), w);
          const rev = weightedScore(
            cols.map((c) => [...c].reverse()),
            w,
          );
          return rows.every((_, i) => all[i] === rev[rows.length - 1 - i]);
        },
      ),
    );
  });

  it("maintenanceClass gives 4-5 stars A, 2-3 B, 1 C by default and takes another map", () => {
    expect(maintenanceClass([5, 4, 3, 2, 1, 0])).toEqual(["A", "A", "B", "B", "C", ""]);
    expect(maintenanceClass([5, 4, 3], { A: 5, B: 4 })).toEqual(["A", "B", "C"]);
    expect(() => maintenanceClass([1], { A: 2, B: 3 })).toThrow(TierError);
    expect(MAINTENANCE_CLASSES.C.zh).toContain("不再续约");
  });
});

describe("scorecard presets", () => {
  it("the tenant card's profiles each add up to 100 and each group adds up to its row in the appendix", () => {
    const { criteria, groups, profiles } = TENANT_SCORECARD;
    expect(criteria).toHaveLength(18);
    for (const stage of ["新场", "调整", "成熟"] as const) {
      const w = profiles[stage];
      expect(w).toHaveLength(18);
      expect(w.reduce((a, b) => a + b, 0)).toBe(100);
      for (const g of groups) {
        const sum = criteria.reduce((s, c, i) => s + (c.group === g.key ? w[i] : 0), 0);
        expect(sum, `${g.name.zh} ${stage}`).toBe(g.weights[stage]);
      }
    }
    // The appendix's group rows: 品牌情况 22 / 21 / 26, 代理商情况 23 / 26 / 21, 经营状况 35 / 32 / 28, 业主管理 20 / 21 / 25.
    expect(groups.map((g) => [g.weights.新场, g.weights.调整, g.weights.成熟])).toEqual([
      [22, 21, 26],
      [23, 26, 21],
      [35, 32, 28],
      [20, 21, 25],
    ]);
  });

  it("the dealer card has 20 criteria worth 5 points each and stars 90 / 80 / 70 / 60", () => {
    expect(DEALER_SCORECARD.criteria).toHaveLength(20);
    expect(DEALER_SCORECARD.profiles.default.reduce((a, b) => a + b, 0)).toBe(100);
    expect(DEALER_SCORECARD.stars).toEqual([90, 80, 70, 60]);
    expect(DEALER_SCORECARD.customerTypes.map((t) => t.key)).toEqual(["A", "B", "C", "D", "E"]);
  });

  it("the scorecard presets are plain data whose rule-set forms match them", () => {
    for (const p of [TENANT_SCORECARD, DEALER_SCORECARD, TENANT_RULES, DEALER_RULES]) {
      expect(JSON.parse(JSON.stringify(p))).toEqual(p);
    }
    expect(TENANT_RULES.profiles).toEqual(TENANT_SCORECARD.profiles);
    expect(DEALER_RULES.criteria.map((c) => c.key)).toEqual(DEALER_SCORECARD.criteria.map((c) => c.key));
  });
});
