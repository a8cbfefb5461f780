-- tier: spark SQL, as of 2025-12-31; same tiers as `tier grade`
WITH cells AS (
  SELECT COALESCE(TRIM(CAST(`customer_id` AS STRING)), '') AS customer_id,
    TRY_CAST(`potential` AS DOUBLE) AS `potential_cell`,
    `potential` AS `potential_raw`,
    TRY_CAST(`current_value` AS DOUBLE) AS `current_value_cell`,
    `current_value` AS `current_value_raw`
  FROM `crm`.`customers`
),
valued AS (
  SELECT cells.*,
    `potential_cell` AS `potential`,
    `current_value_cell` AS `current_value`
  FROM cells
),
duplicates AS (
  SELECT customer_id AS duplicate_id FROM cells GROUP BY customer_id HAVING COUNT(*) > 1
),
prepared AS (
  SELECT valued.*,
    CASE
      WHEN customer_id = '' THEN 'customer_id: blank customer id'
      WHEN duplicate_id IS NOT NULL THEN 'customer_id: duplicate customer id "' || customer_id || '": fix or merge them, they are not merged silently'
      WHEN `potential_cell` IS NULL THEN CASE WHEN TRIM(CAST(`potential_raw` AS STRING)) IS NULL OR TRIM(CAST(`potential_raw` AS STRING)) = '' THEN 'potential: blank' ELSE 'potential: not a number: ' || '"' || TRIM(CAST(`potential_raw` AS STRING)) || '"' END
      WHEN `current_value_cell` IS NULL THEN CASE WHEN TRIM(CAST(`current_value_raw` AS STRING)) IS NULL OR TRIM(CAST(`current_value_raw` AS STRING)) = '' THEN 'current_value: blank' ELSE 'current_value: not a number: ' || '"' || TRIM(CAST(`current_value_raw` AS STRING)) || '"' END
    END AS issue
  FROM valued LEFT JOIN duplicates ON valued.customer_id = duplicates.duplicate_id
),
x_counts AS (
  SELECT `potential` AS v, COUNT(*) AS c FROM prepared WHERE issue IS NULL GROUP BY `potential`
),
x_run AS (
  SELECT v, SUM(c) OVER (ORDER BY v ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) - c AS n_below,
    SUM(c) OVER (ORDER BY v ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS n_upto
  FROM x_counts
),
x_pos AS (
  SELECT n,
    lo1, CAST((n - 1) * 1 AS DOUBLE) / 3 - lo1 AS frac1,
    lo2, CAST((n - 1) * 2 AS DOUBLE) / 3 - lo2 AS frac2
  FROM (SELECT n,
      CAST(FLOOR(CAST((n - 1) * 1 AS DOUBLE) / 3) AS BIGINT) AS lo1,
      CAST(FLOOR(CAST((n - 1) * 2 AS DOUBLE) / 3) AS BIGINT) AS lo2
    FROM (SELECT CAST(COALESCE(SUM(c), 0) AS BIGINT) AS n FROM x_counts) t) t
),
x_stat AS (
  SELECT MAX(CASE WHEN x_run.n_below <= x_pos.lo1 AND x_pos.lo1 < x_run.n_upto THEN x_run.v END) AS a1, MAX(CASE WHEN x_run.n_below <= x_pos.lo1 + 1 AND x_pos.lo1 + 1 < x_run.n_upto THEN x_run.v END) AS b1,
    MAX(CASE WHEN x_run.n_below <= x_pos.lo2 AND x_pos.lo2 < x_run.n_upto THEN x_run.v END) AS a2, MAX(CASE WHEN x_run.n_below <= x_pos.lo2 + 1 AND x_pos.lo2 + 1 < x_run.n_upto THEN x_run.v END) AS b2
  FROM x_run CROSS JOIN x_pos
),
x_cut AS (
  SELECT CASE WHEN frac1 = 0 THEN a1 ELSE a1 + frac1 * (b1 - a1) END AS q1,
    CASE WHEN frac2 = 0 THEN a2 ELSE a2 + frac2 * (b2 - a2) END AS q2
  FROM x_stat CROSS JOIN x_pos
),
y_counts AS (
  SELECT `current_value` AS v, COUNT(*) AS c FROM prepared WHERE issue IS NULL GROUP BY `current_value`
),
y_run AS (
  SELECT v, SUM(c) OVER (ORDER BY v ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) - c AS n_below,
    SUM(c) OVER (ORDER BY v ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS n_upto
  FROM y_counts
),
y_pos AS (
  SELECT n,
    lo1, CAST((n - 1) * 1 AS DOUBLE) / 3 - lo1 AS frac1,
    lo2, CAST((n - 1) * 2 AS DOUBLE) / 3 - lo2 AS frac2
  FROM (SELECT n,
      CAST(FLOOR(CAST((n - 1) * 1 AS DOUBLE) / 3) AS BIGINT) AS lo1,
      CAST(FLOOR(CAST((n - 1) * 2 AS DOUBLE) / 3) AS BIGINT) AS lo2
    FROM (SELECT CAST(COALESCE(SUM(c), 0) AS BIGINT) AS n FROM y_counts) t) t
),
y_stat AS (
  SELECT MAX(CASE WHEN y_run.n_below <= y_pos.lo1 AND y_pos.lo1 < y_run.n_upto THEN y_run.v END) AS a1, MAX(CASE WHEN y_run.n_below <= y_pos.lo1 + 1 AND y_pos.lo1 + 1 < y_run.n_upto THEN y_run.v END) AS b1,
    MAX(CASE WHEN y_run.n_below <= y_pos.lo2 AND y_pos.lo2 < y_run.n_upto THEN y_run.v END) AS a2, MAX(CASE WHEN y_run.n_below <= y_pos.lo2 + 1 AND y_pos.lo2 + 1 < y_run.n_upto THEN y_run.v END) AS b2
  FROM y_run CROSS JOIN y_pos
),
y_cut AS (
  SELECT CASE WHEN frac1 = 0 THEN a1 ELSE a1 + frac1 * (b1 - a1) END AS q1,
    CASE WHEN frac2 = 0 THEN a2 ELSE a2 + frac2 * (b2 - a2) END AS q2
  FROM y_stat CROSS JOIN y_pos
),
celled AS (
  SELECT prepared.*, CASE WHEN issue IS NULL THEN
      CASE 1 + CASE WHEN `potential` > x_cut.q1 THEN 1 ELSE 0 END + CASE WHEN `potential` > x_cut.q2 THEN 1 ELSE 0 END WHEN 3 THEN 'A' WHEN 2 THEN 'B' ELSE 'C' END || CAST(4 - (1 + CASE WHEN `current_value` > y_cut.q1 THEN 1 ELSE 0 END + CASE WHEN `current_value` > y_cut.q2 THEN 1 ELSE 0 END) AS STRING) END AS cell
  FROM prepared CROSS JOIN x_cut CROSS JOIN y_cut
)
SELECT customer_id,
  CASE WHEN issue IS NULL THEN FLOOR(`potential` * 100 + 0.5) / 100 END AS `potential`,
  CASE WHEN issue IS NULL THEN FLOOR(`current_value` * 100 + 0.5) / 100 END AS `current_value`,
  cell AS `cell`,
  CASE cell WHEN 'A1' THEN 6 WHEN 'A2' THEN 5 WHEN 'A3' THEN 4 WHEN 'B1' THEN 4 WHEN 'B2' THEN 3 WHEN 'B3' THEN 2 WHEN 'C1' THEN 2 WHEN 'C2' THEN 1 WHEN 'C3' THEN 0 END AS `visits`,
  CASE cell WHEN 'A1' THEN 'Key account: maintain' WHEN 'A2' THEN 'High potential: grow' WHEN 'A3' THEN 'High potential: win' WHEN 'B1' THEN 'Maintain' WHEN 'B2' THEN 'Develop' WHEN 'B3' THEN 'Develop slowly' WHEN 'C1' THEN 'Keep' WHEN 'C2' THEN 'Routine' WHEN 'C3' THEN 'Watch' END AS tier,
  issue AS issue
FROM celled
ORDER BY customer_id
