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
r_sorted AS (
  SELECT v, ROW_NUMBER() OVER (ORDER BY v) - 1 AS i, COUNT(*) OVER () AS n
  FROM (SELECT `recency_days` AS v FROM prepared WHERE issue IS NULL) t
),
r_stat AS (
  SELECT MAX(n) AS n,
    MAX(CASE WHEN i = ((n - 1) * 1) DIV 5 THEN v END) AS a1, MAX(CASE WHEN i = ((n - 1) * 1) DIV 5 + 1 THEN v END) AS b1,
    MAX(CASE WHEN i = ((n - 1) * 2) DIV 5 THEN v END) AS a2, MAX(CASE WHEN i = ((n - 1) * 2) DIV 5 + 1 THEN v END) AS b2,
    MAX(CASE WHEN i = ((n - 1) * 3) DIV 5 THEN v END) AS a3, MAX(CASE WHEN i = ((n - 1) * 3) DIV 5 + 1 THEN v END) AS b3,
    MAX(CASE WHEN i = ((n - 1) * 4) DIV 5 THEN v END) AS a4, MAX(CASE WHEN i = ((n - 1) * 4) DIV 5 + 1 THEN v END) AS b4
  FROM r_sorted
),
r_cut AS (
  SELECT CASE WHEN ((n - 1) * 1) % 5 = 0 THEN a1 ELSE a1 + (CAST(n - 1 AS DOUBLE) * CAST('0.2' AS DOUBLE) - ((n - 1) * 1) DIV 5) * (b1 - a1) END AS q1,
    CASE WHEN ((n - 1) * 2) % 5 = 0 THEN a2 ELSE a2 + (CAST(n - 1 AS DOUBLE) * CAST('0.4' AS DOUBLE) - ((n - 1) * 2) DIV 5) * (b2 - a2) END AS q2,
    CASE WHEN ((n - 1) * 3) % 5 = 0 THEN a3 ELSE a3 + (CAST(n - 1 AS DOUBLE) * CAST('0.6' AS DOUBLE) - ((n - 1) * 3) DIV 5) * (b3 - a3) END AS q3,
    CASE WHEN ((n - 1) * 4) % 5 = 0 THEN a4 ELSE a4 + (CAST(n - 1 AS DOUBLE) * CAST('0.8' AS DOUBLE) - ((n - 1) * 4) DIV 5) * (b4 - a4) END AS q4
  FROM r_stat
),
f_sorted AS (
  SELECT v, ROW_NUMBER() OVER (ORDER BY v) - 1 AS i, COUNT(*) OVER () AS n
  FROM (SELECT `frequency` AS v FROM prepared WHERE issue IS NULL) t
),
f_stat AS (
  SELECT MAX(n) AS n,
    MAX(CASE WHEN i = ((n - 1) * 1) DIV 5 THEN v END) AS a1, MAX(CASE WHEN i = ((n - 1) * 1) DIV 5 + 1 THEN v END) AS b1,
    MAX(CASE WHEN i = ((n - 1) * 2) DIV 5 THEN v END) AS a2, MAX(CASE WHEN i = ((n - 1) * 2) DIV 5 + 1 THEN v END) AS b2,
    MAX(CASE WHEN i = ((n - 1) * 3) DIV 5 THEN v END) AS a3, MAX(CASE WHEN i = ((n - 1) * 3) DIV 5 + 1 THEN v END) AS b3,
    MAX(CASE WHEN i = ((n - 1) * 4) DIV 5 THEN v END) AS a4, MAX(CASE WHEN i = ((n - 1) * 4) DIV 5 + 1 THEN v END) AS b4
  FROM f_sorted
),
f_cut AS (
  SELECT CASE WHEN ((n - 1) * 1) % 5 = 0 THEN a1 ELSE a1 + (CAST(n - 1 AS DOUBLE) * CAST('0.2' AS DOUBLE) - ((n - 1) * 1) DIV 5) * (b1 - a1) END AS q1,
    CASE WHEN ((n - 1) * 2) % 5 = 0 THEN a2 ELSE a2 + (CAST(n - 1 AS DOUBLE) * CAST('0.4' AS DOUBLE) - ((n - 1) * 2) DIV 5) * (b2 - a2) END AS q2,
    CASE WHEN ((n - 1) * 3) % 5 = 0 THEN a3 ELSE a3 + (CAST(n - 1 AS DOUBLE) * CAST('0.6' AS DOUBLE) - ((n - 1) * 3) DIV 5) * (b3 - a3) END AS q3,
    CASE WHEN ((n - 1) * 4) % 5 = 0 THEN a4 ELSE a4 + (CAST(n - 1 AS DOUBLE) * CAST('0.8' AS DOUBLE) - ((n - 1) * 4) DIV 5) * (b4 - a4) END AS q4
  FROM f_stat
),
m_sorted AS (
  SELECT v, ROW_NUMBER() OVER (ORDER BY v) - 1 AS i, COUNT(*) OVER () AS n
  FROM (SELECT `amount` AS v FROM prepared WHERE issue IS NULL) t
),
m_stat AS (
  SELECT MAX(n) AS n,
    MAX(CASE WHEN i = ((n - 1) * 1) DIV 5 THEN v END) AS a1, MAX(CASE WHEN i = ((n - 1) * 1) DIV 5 + 1 THEN v END) AS b1,
    MAX(CASE WHEN i = ((n - 1) * 2) DIV 5 THEN v END) AS a2, MAX(CASE WHEN i = ((n - 1) * 2) DIV 5 + 1 THEN v END) AS b2,
    MAX(CASE WHEN i = ((n - 1) * 3) DIV 5 THEN v END) AS a3, MAX(CASE WHEN i = ((n - 1) * 3) DIV 5 + 1 THEN v END) AS b3,
    MAX(CASE WHEN i = ((n - 1) * 4) DIV 5 THEN v END) AS a4, MAX(CASE WHEN i = ((n - 1) * 4) DIV 5 + 1 THEN v END) AS b4
  FROM m_sorted
),
m_cut AS (
  SELECT CASE WHEN ((n - 1) * 1) % 5 = 0 THEN a1 ELSE a1 + (CAST(n - 1 AS DOUBLE) * CAST('0.2' AS DOUBLE) - ((n - 1) * 1) DIV 5) * (b1 - a1) END AS q1,
    CASE WHEN ((n - 1) * 2) % 5 = 0 THEN a2 ELSE a2 + (CAST(n - 1 AS DOUBLE) * CAST('0.4' AS DOUBLE) - ((n - 1) * 2) DIV 5) * (b2 - a2) END AS q2,
    CASE WHEN ((n - 1) * 3) % 5 = 0 THEN a3 ELSE a3 + (CAST(n - 1 AS DOUBLE) * CAST('0.6' AS DOUBLE) - ((n - 1) * 3) DIV 5) * (b3 - a3) END AS q3,
    CASE WHEN ((n - 1) * 4) % 5 = 0 THEN a4 ELSE a4 + (CAST(n - 1 AS DOUBLE) * CAST('0.8' AS DOUBLE) - ((n - 1) * 4) DIV 5) * (b4 - a4) END AS q4
  FROM m_stat
),
scored AS (
  SELECT prepared.*,
    CASE WHEN issue IS NULL THEN 6 - (1 + CASE WHEN `recency_days` >= r_cut.q1 + 1 THEN 1 ELSE 0 END + CASE WHEN `recency_days` >= r_cut.q2 + 1 THEN 1 ELSE 0 END + CASE WHEN `recency_days` >= r_cut.q3 + 1 THEN 1 ELSE 0 END + CASE WHEN `recency_days` >= r_cut.q4 + 1 THEN 1 ELSE 0 END) END AS r,
    CASE WHEN issue IS NULL THEN 1 + CASE WHEN `frequency` >= f_cut.q1 + 1 THEN 1 ELSE 0 END + CASE WHEN `frequency` >= f_cut.q2 + 1 THEN 1 ELSE 0 END + CASE WHEN `frequency` >= f_cut.q3 + 1 THEN 1 ELSE 0 END + CASE WHEN `frequency` >= f_cut.q4 + 1 THEN 1 ELSE 0 END END AS f,
    CASE WHEN issue IS NULL THEN 1 + CASE WHEN `amount` >= m_cut.q1 + 1 THEN 1 ELSE 0 END + CASE WHEN `amount` >= m_cut.q2 + 1 THEN 1 ELSE 0 END + CASE WHEN `amount` >= m_cut.q3 + 1 THEN 1 ELSE 0 END + CASE WHEN `amount` >= m_cut.q4 + 1 THEN 1 ELSE 0 END END AS m
  FROM prepared CROSS JOIN r_cut CROSS JOIN f_cut CROSS JOIN m_cut
),
segmented AS (
  SELECT scored.*, CASE WHEN r IS NULL THEN NULL
    WHEN r BETWEEN 5 AND 5 AND f BETWEEN 5 AND 5 AND m BETWEEN 5 AND 5 THEN 'Champions'
    WHEN r BETWEEN 3 AND 5 AND f BETWEEN 3 AND 5 AND m BETWEEN 2 AND 5 THEN 'Potential Loyalist'
    WHEN r BETWEEN 2 AND 4 AND f BETWEEN 2 AND 4 AND m BETWEEN 2 AND 4 THEN 'Loyal Customers'
    WHEN r BETWEEN 3 AND 4 AND f BETWEEN 1 AND 3 AND m BETWEEN 3 AND 5 THEN 'Promising'
    WHEN r BETWEEN 4 AND 5 AND f BETWEEN 1 AND 3 AND m BETWEEN 1 AND 5 THEN 'New Customers'
    WHEN r BETWEEN 1 AND 2 AND f BETWEEN 3 AND 4 AND m BETWEEN 4 AND 5 THEN 'Can\'t Lose Them'
    WHEN r BETWEEN 1 AND 2 AND f BETWEEN 2 AND 5 AND m BETWEEN 4 AND 5 THEN 'At Risk'
    WHEN r BETWEEN 1 AND 3 AND f BETWEEN 3 AND 5 AND m BETWEEN 3 AND 5 THEN 'Need Attention'
    WHEN r BETWEEN 2 AND 3 AND f BETWEEN 1 AND 3 AND m BETWEEN 1 AND 4 THEN 'About To Sleep'
    WHEN r BETWEEN 1 AND 1 AND f BETWEEN 1 AND 5 AND m BETWEEN 1 AND 5 THEN 'Lost'
    ELSE 'Others' END AS segment
  FROM scored
)
SELECT customer_id,
  FLOOR(recency_days * 100 + 0.5) / 100 AS `recency_days`,
  FLOOR(frequency * 100 + 0.5) / 100 AS `frequency`,
  FLOOR(amount * 100 + 0.5) / 100 AS `amount`,
  r AS `r`,
  f AS `f`,
  m AS `m`,
  CAST(r AS STRING) || CAST(f AS STRING) || CAST(m AS STRING) AS `rfm`,
  segment AS `segment`,
  CASE segment WHEN 'Champions' THEN 'rewards, early access, ask for referrals' WHEN 'Potential Loyalist' THEN 'membership offers, personalised recommendations' WHEN 'Loyal Customers' THEN 'upsell, ask for reviews' WHEN 'Promising' THEN 'build brand awareness, free trials' WHEN 'New Customers' THEN 'onboarding, win the repeat purchase' WHEN 'Can\'t Lose Them' THEN 'a personal call to win them back, ask what changed' WHEN 'At Risk' THEN 'personalised win-back, a special offer' WHEN 'Need Attention' THEN 'limited-time offers, related products' WHEN 'About To Sleep' THEN 'popular products reminder, a reactivation campaign' WHEN 'Lost' THEN 'low-cost win-back, or let go' WHEN 'Others' THEN 'regular marketing' END AS `strategy`,
  segment AS tier,
  issue AS issue
FROM segmented
