-- tier: spark SQL, as of 2025-12-31; same tiers as `tier grade`
WITH order_rows AS (
  SELECT REGEXP_REPLACE(TRIM(CAST(`cust_id` AS STRING)), '^[+]?([-]?[0-9]+)[.]0*$', '$1') AS customer_id,
    TRY_CAST(`order_date` AS DATE) AS order_day,
    TRY_CAST(`net_amount` AS DOUBLE) AS amount
  FROM `crm`.`orders`
),
customers AS (
  SELECT customer_id,
    CAST(COUNT(CASE WHEN order_day >= DATE '2025-01-01' AND NOT (amount < 0) THEN 1 END) AS DOUBLE) AS frequency,
    SUM(CASE WHEN order_day >= DATE '2025-01-01' THEN CAST(amount AS DOUBLE) ELSE 0 END) AS amount, MIN(CASE WHEN NOT (amount < 0) THEN order_day END) AS first_day, MAX(CASE WHEN order_day >= DATE '2025-01-01' AND NOT (amount < 0) THEN order_day END) AS last_day,
    COUNT(CASE WHEN NOT (amount < 0) THEN 1 END) AS purchases, SUM(CAST(amount AS DOUBLE)) AS net
  FROM order_rows
  WHERE customer_id IS NOT NULL AND customer_id <> ''
    AND amount IS NOT NULL
    AND order_day IS NOT NULL AND order_day <= DATE '2025-12-31'
  GROUP BY customer_id
),
prepared AS (
  SELECT customer_id, frequency, amount,
    CAST(datediff(DATE '2025-12-31', last_day) AS DOUBLE) AS recency_days,
    CAST(datediff(DATE '2025-12-31', first_day) AS DOUBLE) AS tenure_days,
    CASE WHEN purchases = 0 THEN 'only returns, no purchase in the data (net ' || CAST(FLOOR(net * 100 + 0.5) / 100 AS STRING) || ')' END AS issue
  FROM customers
),
ruled AS (
  SELECT prepared.*, CASE WHEN issue IS NULL THEN CASE
      WHEN `amount` < 0 THEN 'negative'
      WHEN FALSE THEN 'negative'
      WHEN `amount` >= 10000 THEN 'diamond'
      WHEN `amount` >= 5000 THEN 'vip' ELSE 'second' END END AS tier_key
  FROM prepared
)
SELECT customer_id,
  FLOOR(`amount` * 100 + 0.5) / 100 AS `amount`,
  CASE tier_key WHEN 'negative' THEN 'let the customer go' WHEN 'second' THEN 'discounts, contact the customer about how the products work, holiday attention, cross-selling' WHEN 'vip' THEN 'double points, points for gifts, a personal account manager, free trials of new products, birthday treats, organised trips, cash gifts' WHEN 'diamond' THEN 'double points, points for gifts, a personal account manager, free trials of new products, birthday treats, organised trips, cash gifts' END AS `benefits`,
  CASE tier_key WHEN 'negative' THEN 'Negative value' WHEN 'second' THEN 'Second level' WHEN 'vip' THEN 'VIP card' WHEN 'diamond' THEN 'Diamond card' END AS tier,
  COALESCE(issue, CASE WHEN tier_key IS NULL THEN 'no rule matches and the policy has no default tier' END) AS issue
FROM ruled
