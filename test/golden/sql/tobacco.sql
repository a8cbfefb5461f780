-- tier: spark SQL, as of 2025-12-31; same tiers as `tier grade`
WITH cells AS (
  SELECT COALESCE(TRIM(CAST(`customer_id` AS STRING)), '') AS customer_id,
    `2025_10` AS `month1_raw`,
    `2025_11` AS `month2_raw`,
    `2025_12` AS `month3_raw`
  FROM `crm`.`customers`
),
valued AS (
  SELECT cells.*,
    (CASE WHEN TRIM(CAST(`month1_raw` AS STRING)) IS NULL OR TRIM(CAST(`month1_raw` AS STRING)) = '' THEN 0 ELSE TRY_CAST(TRIM(CAST(`month1_raw` AS STRING)) AS DOUBLE) END + CASE WHEN TRIM(CAST(`month2_raw` AS STRING)) IS NULL OR TRIM(CAST(`month2_raw` AS STRING)) = '' THEN 0 ELSE TRY_CAST(TRIM(CAST(`month2_raw` AS STRING)) AS DOUBLE) END + CASE WHEN TRIM(CAST(`month3_raw` AS STRING)) IS NULL OR TRIM(CAST(`month3_raw` AS STRING)) = '' THEN 0 ELSE TRY_CAST(TRIM(CAST(`month3_raw` AS STRING)) AS DOUBLE) END) / 3 AS `amount`
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
      WHEN (TRY_CAST(TRIM(CAST(`month1_raw` AS STRING)) AS DOUBLE) IS NULL AND TRIM(CAST(`month1_raw` AS STRING)) IS NOT NULL AND TRIM(CAST(`month1_raw` AS STRING)) <> '') THEN '2025_10: not a number: ' || '"' || TRIM(CAST(`month1_raw` AS STRING)) || '"'
      WHEN (TRY_CAST(TRIM(CAST(`month2_raw` AS STRING)) AS DOUBLE) IS NULL AND TRIM(CAST(`month2_raw` AS STRING)) IS NOT NULL AND TRIM(CAST(`month2_raw` AS STRING)) <> '') THEN '2025_11: not a number: ' || '"' || TRIM(CAST(`month2_raw` AS STRING)) || '"'
      WHEN (TRY_CAST(TRIM(CAST(`month3_raw` AS STRING)) AS DOUBLE) IS NULL AND TRIM(CAST(`month3_raw` AS STRING)) IS NOT NULL AND TRIM(CAST(`month3_raw` AS STRING)) <> '') THEN '2025_12: not a number: ' || '"' || TRIM(CAST(`month3_raw` AS STRING)) || '"'
    END AS issue
  FROM valued LEFT JOIN duplicates ON valued.customer_id = duplicates.duplicate_id
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
  CASE CASE abc WHEN 'A' THEN 'A (core)' WHEN 'B' THEN 'B' WHEN 'C' THEN 'C' END WHEN 'A (core)' THEN 'a visit every ten days on top of the regular calls, personalised, differentiated service, build a long-term core customer base' WHEN 'B' THEN 'a visit every half month on top of the regular calls' WHEN 'C' THEN 'a visit every half month on top of the regular calls' END AS `strategy`,
  CASE abc WHEN 'A' THEN 'A (core)' WHEN 'B' THEN 'B' WHEN 'C' THEN 'C' END AS tier,
  issue AS issue
FROM classed
