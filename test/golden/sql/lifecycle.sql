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
staged AS (
  SELECT prepared.*, CASE WHEN issue IS NOT NULL THEN NULL
      WHEN frequency = 0 OR (frequency IS NULL AND recency_days IS NULL) THEN 'Prospect'
      WHEN frequency < 0 OR recency_days IS NULL OR `tenure_days` < recency_days THEN NULL
      WHEN recency_days > 365 THEN 'Lost'
      WHEN recency_days > 180 THEN 'At risk'
      WHEN COALESCE(`tenure_days`, CASE WHEN frequency = 1 THEN recency_days END) IS NULL THEN NULL
      WHEN COALESCE(`tenure_days`, CASE WHEN frequency = 1 THEN recency_days END) <= 90 THEN 'New'
      WHEN frequency IS NULL THEN NULL
      WHEN frequency >= 5 THEN 'Loyal'
      WHEN frequency >= 2 THEN 'Regular'
      ELSE 'One-time' END AS stage
  FROM prepared
)
SELECT customer_id,
  FLOOR(recency_days * 100 + 0.5) / 100 AS `recency_days`,
  FLOOR(frequency * 100 + 0.5) / 100 AS `frequency`,
  CASE stage WHEN 'Prospect' THEN 'coupons to win a first purchase' WHEN 'Lost' THEN 'low-cost win-back (SMS, coupons), ask why they left' WHEN 'At risk' THEN 'reach out to wake them up, a welcome-back offer' WHEN 'New' THEN 'make them satisfied, win the repeat purchase' WHEN 'Loyal' THEN 'double points, first access to new products' WHEN 'Regular' THEN 'turn them into loyal customers' WHEN 'One-time' THEN 'make them satisfied, win the repeat purchase' END AS `strategy`,
  stage AS tier,
  COALESCE(issue, CASE WHEN stage IS NULL THEN 'purchases without a readable first and last date' END) AS issue
FROM staged
