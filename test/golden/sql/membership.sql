-- tier: spark SQL, as of 2025-12-31; same tiers as `tier grade`
WITH order_rows AS (
  SELECT REGEXP_REPLACE(TRIM(CAST(`cust_id` AS STRING)), '^[+]?([-]?[0-9]+)[.]0*$', '$1') AS customer_id,
    TRY_CAST(`order_date` AS DATE) AS order_day,
    TRY_CAST(`net_amount` AS DOUBLE) AS amount
  FROM `crm`.`orders`
),
customers AS (
  SELECT customer_id,
    CAST(COUNT(CASE WHEN NOT (amount < 0) THEN 1 END) AS DOUBLE) AS frequency,
    SUM(CAST(amount AS DOUBLE)) AS amount, MIN(CASE WHEN NOT (amount < 0) THEN order_day END) AS first_day, MAX(CASE WHEN NOT (amount < 0) THEN order_day END) AS last_day
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
    CASE WHEN frequency = 0 THEN 'only returns, no purchase in the data (net ' || CAST(FLOOR(amount * 100 + 0.5) / 100 AS STRING) || ')' END AS issue
  FROM customers
),
ruled AS (
  SELECT prepared.*, CASE WHEN issue IS NULL THEN CASE
      WHEN `amount` >= 20000 AND `tenure_days` >= 365 THEN 'diamond'
      WHEN `amount` >= 10000 THEN 'gold'
      WHEN `amount` >= 5000 THEN 'silver'
      WHEN `frequency` = 1 THEN 'new'
      WHEN `amount` >= 0 THEN 'regular' END END AS tier_key
  FROM prepared
)
SELECT customer_id,
  FLOOR(`amount` * 100 + 0.5) / 100 AS `amount`,
  FLOOR(`tenure_days` * 100 + 0.5) / 100 AS `tenure_days`,
  FLOOR(`frequency` * 100 + 0.5) / 100 AS `frequency`,
  CASE tier_key WHEN 'new' THEN 'first-purchase discount' WHEN 'regular' THEN 'member prices, loyalty points' WHEN 'silver' THEN 'member prices, loyalty points, birthday gift, priority booking' WHEN 'gold' THEN 'member prices, loyalty points, birthday gift, priority booking, free delivery, a personal service contact' WHEN 'diamond' THEN 'member prices, loyalty points, birthday gift, priority booking, free delivery, a personal service contact, made-to-measure service, a yearly gift' END AS `benefits`,
  CASE tier_key WHEN 'new' THEN 'New' WHEN 'regular' THEN 'Regular' WHEN 'silver' THEN 'Silver' WHEN 'gold' THEN 'Gold' WHEN 'diamond' THEN 'Diamond' END AS tier,
  COALESCE(issue, CASE WHEN tier_key IS NULL THEN 'no rule matches and the policy has no default tier' END) AS issue
FROM ruled
