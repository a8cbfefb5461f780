/**
 * Wording of why a customer got their tier and what moves them up (issue 17): the reasons each
 * method's `explain` gives (`why.*`) and the next steps of its `next` (`next.*`). Spread into
 * `REASONS` (`./reasons.ts`), which checks each wording. Numbers arrive already grouped
 * ("8,640") from `./next-text.ts`; tier keys arrive as the tier's name.
 */
export const NEXT_REASONS = {
  // Why: a threshold, a rule, a cut of this run.
  "why.threshold": {
    en: "{column} {value} ≥ {tier} threshold {min}⟦next|, < {next} threshold {max}⟧",
    zh: "{column} {value} ≥ {tier}门槛 {min}⟦next|，< {next}门槛 {max}⟧",
  },
  "why.condition": {
    en: "{column} {value} {op} {tier} threshold {limit}",
    zh: "{column} {value} {op} {tier}门槛 {limit}",
  },
  "why.conditionAlso": { en: "{op} {tier} threshold {limit}", zh: "{op} {tier}门槛 {limit}" },
  "why.conditionIn": {
    en: "{column} {value} is one of {tier}'s {limit}",
    zh: "{column} {value} 属于{tier}条件 {limit}",
  },
  "why.conditionNotIn": {
    en: "{column} {value} is not one of {tier}'s {limit}",
    zh: "{column} {value} 不属于{tier}条件 {limit}",
  },
  "why.rule": { en: "{met}⟦missed|, {missed}⟧", zh: "{met}⟦missed|，{missed}⟧" },
  "why.default": {
    en: "no rule matches: the default tier {tier}⟦missed|; {missed}⟧",
    zh: "不满足任何规则，按默认等级{tier}⟦missed|；{missed}⟧",
  },
  "why.rfm": {
    en: "R {r}, F {f}, M {m} (last order {recency} days ago, {frequency} orders, amount {amount}); this run's cuts: R {rCuts} days, F {fCuts} orders, M {mCuts}",
    zh: "R {r}、F {f}、M {m}（最近消费在 {recency} 天前，消费 {frequency} 次，金额 {amount}）；本次分界：R {rCuts} 天，F {fCuts} 次，M {mCuts}",
  },
  "why.rfm8": {
    en: "last order {recency} days ago {rOp} mean {rMean}, {frequency} orders {fOp} mean {fMean}, amount {amount} {mOp} mean {mMean}",
    zh: "最近消费在 {recency} 天前 {rOp} 平均 {rMean} 天，消费 {frequency} 次 {fOp} 平均 {fMean} 次，金额 {amount} {mOp} 平均 {mMean}",
  },
  "why.abcShare": {
    en: "{column} {value}: {tierA} from {a} (the first {shareA} % of the total), {tierB} from {b} (the first {shareB} %)",
    zh: "{column} {value}：{tierA}起点 {a}（累计前 {shareA}%），{tierB}起点 {b}（累计前 {shareB}%）",
  },
  "why.abcAmount": {
    en: "{column} {value}: {tierA} threshold {a}, {tierB} threshold {b}",
    zh: "{column} {value}：{tierA}门槛 {a}，{tierB}门槛 {b}",
  },
  "why.monthlyAverage": { en: "average of the last {months} months", zh: "近 {months} 个月月均" },
  "why.rank": {
    en: "{column} {value} ≥ start of {tier} {min}⟦next|, < start of {next} {max}⟧ (this run's ranks)",
    zh: "{column} {value} ≥ {tier}起点 {min}⟦next|，< {next}起点 {max}⟧（按本次排名）",
  },
  "why.score": {
    en: "score {score} ≥ {tier} threshold {min}⟦next|, < {next} threshold {max}⟧⟦up|; lifted most by {up} ({upRating})⟧⟦down|; lowered most by {down} ({downRating})⟧",
    zh: "得分 {score} ≥ {tier}门槛 {min}⟦next|，< {next}门槛 {max}⟧⟦up|；拉高最多：{up}（{upRating} 分）⟧⟦down|；拉低最多：{down}（{downRating} 分）⟧",
  },
  "why.grid": {
    en: "{x} {xValue} is {xLevel} (cuts {xLow}, {xHigh}), {y} {yValue} is {yLevel} (cuts {yLow}, {yHigh})",
    zh: "{x} {xValue} 属{xLevel}档（分界 {xLow}、{xHigh}），{y} {yValue} 属{yLevel}档（分界 {yLow}、{yHigh}）",
  },
  "why.role.tenure_days": { en: "tenure (days)", zh: "会龄（天）" },
  "why.role.recency_days": { en: "days since the last order", zh: "距最近消费天数" },
  "why.role.frequency": { en: "orders", zh: "消费次数" },
  "why.low": { en: "low", zh: "低" },
  "why.middle": { en: "middle", zh: "中" },
  "why.high": { en: "high", zh: "高" },
  "why.lifecycle.prospect": { en: "no purchase yet", zh: "尚无消费" },
  "why.lifecycle.lost": {
    en: "last order {recency} days ago, > the lost window of {lost} days",
    zh: "最近消费在 {recency} 天前，> 流失期 {lost} 天",
  },
  "why.lifecycle.at_risk": {
    en: "last order {recency} days ago, > the at-risk window of {atRisk} days, ≤ the lost window of {lost} days",
    zh: "最近消费在 {recency} 天前，> 沉睡期 {atRisk} 天，≤ 流失期 {lost} 天",
  },
  "why.lifecycle.new": {
    en: "first order {tenure} days ago, ≤ the new window of {newDays} days",
    zh: "首次消费在 {tenure} 天前，≤ 新客期 {newDays} 天",
  },
  "why.lifecycle.loyal": {
    en: "{frequency} orders ≥ the loyal threshold of {loyal}",
    zh: "消费 {frequency} 次 ≥ 忠诚门槛 {loyal} 次",
  },
  "why.lifecycle.regular": {
    en: "{frequency} orders ≥ the regular threshold of {regular}, < the loyal threshold of {loyal}",
    zh: "消费 {frequency} 次 ≥ 常规门槛 {regular} 次，< 忠诚门槛 {loyal} 次",
  },
  "why.lifecycle.one_time": {
    en: "{frequency} order(s) < the regular threshold of {regular}",
    zh: "消费 {frequency} 次 < 常规门槛 {regular} 次",
  },

  // Next steps: one input changed, the others and this run's cut points held.
  "next.step.amount": {
    en: "spend {gap} more to reach {tier}⟦estimate| (estimate)⟧",
    zh: "再消费 {gap} 元即可升为{tier}⟦estimate|（估计）⟧",
  },
  "next.step.frequency": {
    en: "{gap} more order(s) to reach {tier}⟦estimate| (estimate)⟧",
    zh: "再下单 {gap} 次即可升为{tier}⟦estimate|（估计）⟧",
  },
  "next.step.recency": {
    en: "order again so the last order is within {to} days (now {from}) to reach {tier}⟦estimate| (estimate)⟧",
    zh: "{to} 天内再下单一次（现为 {from} 天前）即可升为{tier}⟦estimate|（估计）⟧",
  },
  "next.step.tenure": {
    en: "{gap} more days of membership (tenure {to} days) to reach {tier}⟦estimate| (estimate)⟧",
    zh: "再过 {gap} 天（会龄满 {to} 天）即可升为{tier}⟦estimate|（估计）⟧",
  },
  "next.step.rating": {
    en: "raise the rating {column} from {from} to {to} to reach {tier}⟦estimate| (estimate)⟧",
    zh: "评分项{column}从 {from} 分提高到 {to} 分即可升为{tier}⟦estimate|（估计）⟧",
  },
  "next.step.raise": {
    en: "raise {column} from {from} to {to} (+{gap}) to reach {tier}⟦estimate| (estimate)⟧",
    zh: "{column}从 {from} 提高到 {to}（+{gap}）即可升为{tier}⟦estimate|（估计）⟧",
  },
  "next.step.lower": {
    en: "lower {column} from {from} to {to} (−{gap}) to reach {tier}⟦estimate| (estimate)⟧",
    zh: "{column}从 {from} 降到 {to}（−{gap}）即可升为{tier}⟦estimate|（估计）⟧",
  },
  // Retention (保级) at re-evaluation: who kept their tier, and why.
  "retention.bar": {
    en: "kept {tier} by retention: {value} ≥ keep-bar {bar} (graded {next})",
    zh: "保级：{value} ≥ 保级线 {bar}，保留{tier}（本次评定为{next}）",
  },
  "retention.periods": {
    en: "kept {tier}: {below} evaluation(s) in a row below it, downgraded after {periods} (graded {next})",
    zh: "保级：连续 {below} 期低于{tier}，满 {periods} 期才降级（本次评定为{next}）",
  },
  "retention.count": {
    en: "{n} customer(s) kept their tier by retention",
    zh: "{n} 位客户因保级保留原等级",
  },
  "next.top": { en: "already in the top tier", zh: "已是最高等级" },
  "next.noSingleChange": {
    en: "no change in one input reaches a higher tier",
    zh: "单项调整无法升级",
  },
  "next.notRanked": {
    en: "lifecycle stages are not ranked: there is no tier above",
    zh: "生命周期阶段不分高低，没有更高一级",
  },
} as const;
