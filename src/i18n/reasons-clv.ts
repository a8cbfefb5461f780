/**
 * Wording of the reasons raised by the CLV method of the registry (src/engine/methods/clv.ts) and by
 * the layers that have no CLV form (SQL). Spread into `REASONS` (`./reasons.ts`), which checks each wording.
 */
export const CLV_METHOD_REASONS = {
  "rules.clvThresholds": {
    en: "lost ({lost}) must be less than alive ({alive}): below lost a customer is lost, from lost up to alive at risk",
    zh: "lost（{lost}）必须小于 alive（{alive}）：存活概率低于 lost 为已流失，介于 lost 与 alive 之间为可能流失",
  },
  "clv.needsOrderRows": {
    en: "lifetime value is predicted from orders (one row per purchase, with customer, date and amount): choose an orders sheet",
    zh: "终身价值要根据订单预测（每次购买一行，含客户、日期和金额）：请选择订单表",
  },
  "clv.notScored": {
    en: "no lifetime value: the model could not score this customer",
    zh: "没有终身价值：模型无法为该客户计算",
  },
  "sql.noSqlForm": {
    en: "the {method} policy has no SQL form: its grading is fitted or iterated on the data (a model, clusters), which one SQL query cannot do; grade it in the pane or with tier grade",
    zh: "{method} 政策没有 SQL 形式：它要在数据上拟合模型或反复迭代（如聚类），一条 SQL 查询做不到；请在任务窗格中或用 tier grade 分级",
  },
  "clv.fewRepeatBuyers": {
    en: "the model does not fit well: only {repeat} of {customers} customers bought again (it learns from repeat buyers and wants at least {least}), so P(alive) and CLV are rough here",
    zh: "模型拟合不佳：{customers} 位客户中只有 {repeat} 位再次购买（模型从复购客户身上学习，至少需要 {least} 位），这里的存活概率和终身价值只是粗略估计",
  },
} as const;
