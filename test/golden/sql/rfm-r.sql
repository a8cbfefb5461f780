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
r_counts AS (
  SELECT `recency_days` AS v, COUNT(*) AS c FROM prepared WHERE issue IS NULL GROUP BY `recency_days`
),
r_run AS (
  SELECT v, SUM(c) OVER (ORDER BY v ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) - c AS n_below,
    SUM(c) OVER (ORDER BY v ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS n_upto
  FROM r_counts
),
r_pos AS (
  SELECT n,
    lo1, CASE WHEN ((n - 1) * 1) % 5 = 0 THEN 0 ELSE CAST(n - 1 AS DOUBLE) * CAST('0.2' AS DOUBLE) - lo1 END AS frac1,
    lo2, CASE WHEN ((n - 1) * 2) % 5 = 0 THEN 0 ELSE CAST(n - 1 AS DOUBLE) * CAST('0.4' AS DOUBLE) - lo2 END AS frac2,
    lo3, CASE WHEN ((n - 1) * 3) % 5 = 0 THEN 0 ELSE CAST(n - 1 AS DOUBLE) * CAST('0.6' AS DOUBLE) - lo3 END AS frac3,
    lo4, CASE WHEN ((n - 1) * 4) % 5 = 0 THEN 0 ELSE CAST(n - 1 AS DOUBLE) * CAST('0.8' AS DOUBLE) - lo4 END AS frac4
  FROM (SELECT n,
      CAST(FLOOR(CAST((n - 1) * 1 AS DOUBLE) / 5) AS BIGINT) AS lo1,
      CAST(FLOOR(CAST((n - 1) * 2 AS DOUBLE) / 5) AS BIGINT) AS lo2,
      CAST(FLOOR(CAST((n - 1) * 3 AS DOUBLE) / 5) AS BIGINT) AS lo3,
      CAST(FLOOR(CAST((n - 1) * 4 AS DOUBLE) / 5) AS BIGINT) AS lo4
    FROM (SELECT CAST(COALESCE(SUM(c), 0) AS BIGINT) AS n FROM r_counts) t) t
),
r_stat AS (
  SELECT MAX(CASE WHEN r_run.n_below <= r_pos.lo1 AND r_pos.lo1 < r_run.n_upto THEN r_run.v END) AS a1, MAX(CASE WHEN r_run.n_below <= r_pos.lo1 + 1 AND r_pos.lo1 + 1 < r_run.n_upto THEN r_run.v END) AS b1,
    MAX(CASE WHEN r_run.n_below <= r_pos.lo2 AND r_pos.lo2 < r_run.n_upto THEN r_run.v END) AS a2, MAX(CASE WHEN r_run.n_below <= r_pos.lo2 + 1 AND r_pos.lo2 + 1 < r_run.n_upto THEN r_run.v END) AS b2,
    MAX(CASE WHEN r_run.n_below <= r_pos.lo3 AND r_pos.lo3 < r_run.n_upto THEN r_run.v END) AS a3, MAX(CASE WHEN r_run.n_below <= r_pos.lo3 + 1 AND r_pos.lo3 + 1 < r_run.n_upto THEN r_run.v END) AS b3,
    MAX(CASE WHEN r_run.n_below <= r_pos.lo4 AND r_pos.lo4 < r_run.n_upto THEN r_run.v END) AS a4, MAX(CASE WHEN r_run.n_below <= r_pos.lo4 + 1 AND r_pos.lo4 + 1 < r_run.n_upto THEN r_run.v END) AS b4
  FROM r_run CROSS JOIN r_pos
),
r_cut AS (
  SELECT CASE WHEN frac1 = 0 THEN a1 ELSE a1 + frac1 * (b1 - a1) END AS q1,
    CASE WHEN frac2 = 0 THEN a2 ELSE a2 + frac2 * (b2 - a2) END AS q2,
    CASE WHEN frac3 = 0 THEN a3 ELSE a3 + frac3 * (b3 - a3) END AS q3,
    CASE WHEN frac4 = 0 THEN a4 ELSE a4 + frac4 * (b4 - a4) END AS q4
  FROM r_stat CROSS JOIN r_pos
),
f_counts AS (
  SELECT `frequency` AS v, COUNT(*) AS c FROM prepared WHERE issue IS NULL GROUP BY `frequency`
),
f_run AS (
  SELECT v, SUM(c) OVER (ORDER BY v ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) - c AS n_below,
    SUM(c) OVER (ORDER BY v ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS n_upto
  FROM f_counts
),
f_pos AS (
  SELECT n,
    lo1, CASE WHEN ((n - 1) * 1) % 5 = 0 THEN 0 ELSE CAST(n - 1 AS DOUBLE) * CAST('0.2' AS DOUBLE) - lo1 END AS frac1,
    lo2, CASE WHEN ((n - 1) * 2) % 5 = 0 THEN 0 ELSE CAST(n - 1 AS DOUBLE) * CAST('0.4' AS DOUBLE) - lo2 END AS frac2,
    lo3, CASE WHEN ((n - 1) * 3) % 5 = 0 THEN 0 ELSE CAST(n - 1 AS DOUBLE) * CAST('0.6' AS DOUBLE) - lo3 END AS frac3,
    lo4, CASE WHEN ((n - 1) * 4) % 5 = 0 THEN 0 ELSE CAST(n - 1 AS DOUBLE) * CAST('0.8' AS DOUBLE) - lo4 END AS frac4
  FROM (SELECT n,
      CAST(FLOOR(CAST((n - 1) * 1 AS DOUBLE) / 5) AS BIGINT) AS lo1,
      CAST(FLOOR(CAST((n - 1) * 2 AS DOUBLE) / 5) AS BIGINT) AS lo2,
      CAST(FLOOR(CAST((n - 1) * 3 AS DOUBLE) / 5) AS BIGINT) AS lo3,
      CAST(FLOOR(CAST((n - 1) * 4 AS DOUBLE) / 5) AS BIGINT) AS lo4
    FROM (SELECT CAST(COALESCE(SUM(c), 0) AS BIGINT) AS n FROM f_counts) t) t
),
f_stat AS (
  SELECT MAX(CASE WHEN f_run.n_below <= f_pos.lo1 AND f_pos.lo1 < f_run.n_upto THEN f_run.v END) AS a1, MAX(CASE WHEN f_run.n_below <= f_pos.lo1 + 1 AND f_pos.lo1 + 1 < f_run.n_upto THEN f_run.v END) AS b1,
    MAX(CASE WHEN f_run.n_below <= f_pos.lo2 AND f_pos.lo2 < f_run.n_upto THEN f_run.v END) AS a2, MAX(CASE WHEN f_run.n_below <= f_pos.lo2 + 1 AND f_pos.lo2 + 1 < f_run.n_upto THEN f_run.v END) AS b2,
    MAX(CASE WHEN f_run.n_below <= f_pos.lo3 AND f_pos.lo3 < f_run.n_upto THEN f_run.v END) AS a3, MAX(CASE WHEN f_run.n_below <= f_pos.lo3 + 1 AND f_pos.lo3 + 1 < f_run.n_upto THEN f_run.v END) AS b3,
    MAX(CASE WHEN f_run.n_below <= f_pos.lo4 AND f_pos.lo4 < f_run.n_upto THEN f_run.v END) AS a4, MAX(CASE WHEN f_run.n_below <= f_pos.lo4 + 1 AND f_pos.lo4 + 1 < f_run.n_upto THEN f_run.v END) AS b4
  FROM f_run CROSS JOIN f_pos
),
f_cut AS (
  SELECT CASE WHEN frac1 = 0 THEN a1 ELSE a1 + frac1 * (b1 - a1) END AS q1,
    CASE WHEN frac2 = 0 THEN a2 ELSE a2 + frac2 * (b2 - a2) END AS q2,
    CASE WHEN frac3 = 0 THEN a3 ELSE a3 + frac3 * (b3 - a3) END AS q3,
    CASE WHEN frac4 = 0 THEN a4 ELSE a4 + frac4 * (b4 - a4) END AS q4
  FROM f_stat CROSS JOIN f_pos
),
m_counts AS (
  SELECT `amount` AS v, COUNT(*) AS c FROM prepared WHERE issue IS NULL GROUP BY `amount`
),
m_run AS (
  SELECT v, SUM(c) OVER (ORDER BY v ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) - c AS n_below,
    SUM(c) OVER (ORDER BY v ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS n_upto
  FROM m_counts
),
m_pos AS (
  SELECT n,
    lo1, CASE WHEN ((n - 1) * 1) % 5 = 0 THEN 0 ELSE CAST(n - 1 AS DOUBLE) * CAST('0.2' AS DOUBLE) - lo1 END AS frac1,
    lo2, CASE WHEN ((n - 1) * 2) % 5 = 0 THEN 0 ELSE CAST(n - 1 AS DOUBLE) * CAST('0.4' AS DOUBLE) - lo2 END AS frac2,
    lo3, CASE WHEN ((n - 1) * 3) % 5 = 0 THEN 0 ELSE CAST(n - 1 AS DOUBLE) * CAST('0.6' AS DOUBLE) - lo3 END AS frac3,
    lo4, CASE WHEN ((n - 1) * 4) % 5 = 0 THEN 0 ELSE CAST(n - 1 AS DOUBLE) * CAST('0.8' AS DOUBLE) - lo4 END AS frac4
  FROM (SELECT n,
      CAST(FLOOR(CAST((n - 1) * 1 AS DOUBLE) / 5) AS BIGINT) AS lo1,
      CAST(FLOOR(CAST((n - 1) * 2 AS DOUBLE) / 5) AS BIGINT) AS lo2,
      CAST(FLOOR(CAST((n - 1) * 3 AS DOUBLE) / 5) AS BIGINT) AS lo3,
      CAST(FLOOR(CAST((n - 1) * 4 AS DOUBLE) / 5) AS BIGINT) AS lo4
    FROM (SELECT CAST(COALESCE(SUM(c), 0) AS BIGINT) AS n FROM m_counts) t) t
),
m_stat AS (
  SELECT MAX(CASE WHEN m_run.n_below <= m_pos.lo1 AND m_pos.lo1 < m_run.n_upto THEN m_run.v END) AS a1, MAX(CASE WHEN m_run.n_below <= m_pos.lo1 + 1 AND m_pos.lo1 + 1 < m_run.n_upto THEN m_run.v END) AS b1,
    MAX(CASE WHEN m_run.n_below <= m_pos.lo2 AND m_pos.lo2 < m_run.n_upto THEN m_run.v END) AS a2, MAX(CASE WHEN m_run.n_below <= m_pos.lo2 + 1 AND m_pos.lo2 + 1 < m_run.n_upto THEN m_run.v END) AS b2,
    MAX(CASE WHEN m_run.n_below <= m_pos.lo3 AND m_pos.lo3 < m_run.n_upto THEN m_run.v END) AS a3, MAX(CASE WHEN m_run.n_below <= m_pos.lo3 + 1 AND m_pos.lo3 + 1 < m_run.n_upto THEN m_run.v END) AS b3,
    MAX(CASE WHEN m_run.n_below <= m_pos.lo4 AND m_pos.lo4 < m_run.n_upto THEN m_run.v END) AS a4, MAX(CASE WHEN m_run.n_below <= m_pos.lo4 + 1 AND m_pos.lo4 + 1 < m_run.n_upto THEN m_run.v END) AS b4
  FROM m_run CROSS JOIN m_pos
),
m_cut AS (
  SELECT CASE WHEN frac1 = 0 THEN a1 ELSE a1 + frac1 * (b1 - a1) END AS q1,
    CASE WHEN frac2 = 0 THEN a2 ELSE a2 + frac2 * (b2 - a2) END AS q2,
    CASE WHEN frac3 = 0 THEN a3 ELSE a3 + frac3 * (b3 - a3) END AS q3,
    CASE WHEN frac4 = 0 THEN a4 ELSE a4 + frac4 * (b4 - a4) END AS q4
  FROM m_stat CROSS JOIN m_pos
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
  segment AS tier,
  issue AS issue
FROM segmented
ORDER BY customer_id
