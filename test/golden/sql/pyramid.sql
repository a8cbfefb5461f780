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
ranked AS (
  SELECT v, RANK() OVER (ORDER BY v DESC) - 1 AS greater, COUNT(*) OVER () AS n
  FROM (SELECT amount AS v FROM prepared WHERE issue IS NULL) t
),
pyramid_cut AS (
  SELECT MIN(CASE WHEN CAST(greater AS DOUBLE) / n < CAST('0.01' AS DOUBLE) THEN v END) AS t1,
    MIN(CASE WHEN CAST(greater AS DOUBLE) / n < CAST('0.2' AS DOUBLE) THEN v END) AS t2,
    MIN(CASE WHEN CAST(greater AS DOUBLE) / n < CAST('0.5' AS DOUBLE) THEN v END) AS t3
  FROM ranked
),
leveled AS (
  SELECT prepared.*, CASE WHEN issue IS NULL THEN 1 + CASE WHEN amount >= t1 THEN 0 ELSE 1 END + CASE WHEN amount >= t2 THEN 0 ELSE 1 END + CASE WHEN amount >= t3 THEN 0 ELSE 1 END END AS level
  FROM prepared CROSS JOIN pyramid_cut
)
SELECT customer_id,
  FLOOR(amount * 100 + 0.5) / 100 AS `amount`,
  level AS `level`,
  CASE level WHEN 1 THEN 'planned visits, ask for their views often, handle complaints promptly' WHEN 2 THEN 'planned visits, ask for their views often, handle complaints promptly' WHEN 3 THEN 'widen the product line to their needs, grow the ones with potential into key customers, serve the others more cheaply' WHEN 4 THEN 'grow the ones with potential, sell them higher-margin products, limit the service and its cost, drop customers with bad credit' END AS `strategy`,
  CASE level WHEN 1 THEN 'Top' WHEN 2 THEN 'Second' WHEN 3 THEN 'Ordinary' WHEN 4 THEN 'Small' END AS tier,
  issue AS issue
FROM leveled
