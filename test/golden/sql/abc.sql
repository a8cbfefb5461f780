-- tier: spark SQL, as of 2025-12-31; same tiers as `tier grade`
WITH order_rows AS (
  SELECT REGEXP_REPLACE(TRIM(CAST(`cust_id` AS STRING)), '^[+]?([-]?[0-9]+)[.]0*$', '$1') AS customer_id,
    TRY_CAST(`order_date` AS DATE) AS order_day,
    TRY_CAST(`net_amount` AS DOUBLE) AS amount
  FROM `crm`.`orders`
),
customers AS (
  SELECT customer_id,
    CAST(COUNT(*) AS DOUBLE) AS frequency,
    SUM(CAST(amount AS DOUBLE)) AS amount, MIN(order_day) AS first_day, MAX(order_day) AS last_day
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
    CAST(NULL AS STRING) AS issue
  FROM customers
),
abc_groups AS (
  SELECT amount AS v, SUM(amount) AS s
  FROM prepared WHERE issue IS NULL AND amount > 0
  GROUP BY amount
),
abc_total AS (
  SELECT SUM(s) AS total FROM abc_groups
),
abc_shares AS (
  SELECT v, COALESCE(SUM(s) OVER (ORDER BY v DESC ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) / total AS share_before
  FROM abc_groups CROSS JOIN abc_total
),
classed AS (
  SELECT prepared.*, CASE WHEN issue IS NULL THEN CASE
      WHEN amount > 0 AND share_before < CAST('0.8' AS DOUBLE) THEN 'A'
      WHEN amount > 0 AND share_before < CAST('0.95' AS DOUBLE) THEN 'B'
      ELSE 'C' END END AS abc
  FROM prepared LEFT JOIN abc_shares ON prepared.amount = abc_shares.v
)
SELECT customer_id,
  FLOOR(amount * 100 + 0.5) / 100 AS `amount`,
  abc AS `abc`,
  CASE abc WHEN 'A' THEN 'A' WHEN 'B' THEN 'B' WHEN 'C' THEN 'C' END AS tier,
  issue AS issue
FROM classed
ORDER BY customer_id
