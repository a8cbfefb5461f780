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
abc_before AS (
  SELECT v, SUM(v) OVER (ORDER BY v DESC ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS above, LAG(v) OVER (ORDER BY v DESC) AS prev
  FROM (SELECT amount AS v FROM prepared WHERE issue IS NULL AND amount > 0) t
),
abc_total AS (
  SELECT SUM(amount) AS total FROM prepared WHERE issue IS NULL AND amount > 0
),
abc_cut AS (
  SELECT MIN(CASE WHEN (prev IS NULL OR prev <> v) AND COALESCE(above, 0) / total < CAST('0.8' AS DOUBLE) THEN v END) AS t_a,
    MIN(CASE WHEN (prev IS NULL OR prev <> v) AND COALESCE(above, 0) / total < CAST('0.95' AS DOUBLE) THEN v END) AS t_b
  FROM abc_before CROSS JOIN abc_total
),
classed AS (
  SELECT prepared.*, CASE WHEN issue IS NULL THEN CASE
      WHEN amount > 0 AND amount >= t_a THEN 'A'
      WHEN amount > 0 AND amount >= t_b THEN 'B'
      ELSE 'C' END END AS abc
  FROM prepared CROSS JOIN abc_cut
)
SELECT customer_id,
  FLOOR(amount * 100 + 0.5) / 100 AS `amount`,
  abc AS `abc`,
  CASE CASE abc WHEN 'A' THEN 'A' WHEN 'B' THEN 'B' WHEN 'C' THEN 'C' END WHEN 'A' THEN 'personalised, premium service, a dedicated sales adviser, tailored solutions' WHEN 'B' THEN 'keep the service good, find their latent needs and grow their value' WHEN 'C' THEN 'general offers (spend-and-save)' END AS `strategy`,
  CASE abc WHEN 'A' THEN 'A' WHEN 'B' THEN 'B' WHEN 'C' THEN 'C' END AS tier,
  issue AS issue
FROM classed
