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
means AS (
  SELECT AVG(recency_days) AS mean_r, AVG(frequency) AS mean_f, AVG(amount) AS mean_m
  FROM prepared WHERE issue IS NULL
),
scored AS (
  SELECT prepared.*,
    CASE WHEN issue IS NULL THEN CASE WHEN recency_days < mean_r THEN 'H' ELSE 'L' END END AS r,
    CASE WHEN issue IS NULL THEN CASE WHEN frequency > mean_f THEN 'H' ELSE 'L' END END AS f,
    CASE WHEN issue IS NULL THEN CASE WHEN amount > mean_m THEN 'H' ELSE 'L' END END AS m
  FROM prepared CROSS JOIN means
),
classed AS (
  SELECT scored.*, CASE WHEN r = 'H' AND f = 'H' AND m = 'H' THEN 'Important value'
    WHEN r = 'H' AND f = 'L' AND m = 'H' THEN 'Important development'
    WHEN r = 'L' AND f = 'H' AND m = 'H' THEN 'Important retention'
    WHEN r = 'L' AND f = 'L' AND m = 'H' THEN 'Important win-back'
    WHEN r = 'H' AND f = 'H' AND m = 'L' THEN 'General value'
    WHEN r = 'H' AND f = 'L' AND m = 'L' THEN 'General development'
    WHEN r = 'L' AND f = 'H' AND m = 'L' THEN 'General retention'
    WHEN r = 'L' AND f = 'L' AND m = 'L' THEN 'General win-back' END AS segment
  FROM scored
)
SELECT customer_id,
  FLOOR(recency_days * 100 + 0.5) / 100 AS `recency_days`,
  FLOOR(frequency * 100 + 0.5) / 100 AS `frequency`,
  FLOOR(amount * 100 + 0.5) / 100 AS `amount`,
  r AS `r`,
  f AS `f`,
  m AS `m`,
  r || f || m AS `rfm`,
  segment AS `segment`,
  CASE segment WHEN 'Important value' THEN 'VIP service, early access to new products' WHEN 'Important development' THEN 'raise purchase frequency, member points incentives' WHEN 'Important retention' THEN 'reach out to bring them back, ask why they stopped' WHEN 'Important win-back' THEN 'a personal call to win them back, a welcome-back offer' WHEN 'General value' THEN 'cross-selling, raise the basket size' WHEN 'General development' THEN 'new-customer care, win the repeat purchase' WHEN 'General retention' THEN 'regular promotion reminders' WHEN 'General win-back' THEN 'low-cost contact, less spend' END AS `strategy`,
  segment AS tier,
  issue AS issue
FROM classed
