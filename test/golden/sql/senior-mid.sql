-- tier: spark SQL, as of 2025-12-31; same tiers as `tier grade`
WITH cells AS (
  SELECT COALESCE(TRIM(CAST(`customer_id` AS STRING)), '') AS customer_id,
    TRY_CAST(`amount` AS DOUBLE) AS `amount_cell`,
    `amount` AS `amount_raw`,
    TRY_CAST(`frequency` AS DOUBLE) AS `frequency_cell`,
    `frequency` AS `frequency_raw`,
    TRY_CAST(`购买品类数` AS DOUBLE) AS `购买品类数_cell`,
    `购买品类数` AS `购买品类数_raw`,
    TRY_CAST(`合作意愿` AS DOUBLE) AS `合作意愿_cell`,
    `合作意愿` AS `合作意愿_raw`
  FROM `crm`.`customers`
),
valued AS (
  SELECT cells.*,
    `amount_cell` AS `amount`,
    `frequency_cell` AS `frequency`,
    `购买品类数_cell` AS `购买品类数`,
    `合作意愿_cell` AS `合作意愿`
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
      WHEN `amount_cell` IS NULL THEN CASE WHEN TRIM(CAST(`amount_raw` AS STRING)) IS NULL OR TRIM(CAST(`amount_raw` AS STRING)) = '' THEN 'amount: blank' ELSE 'amount: not a number: ' || '"' || TRIM(CAST(`amount_raw` AS STRING)) || '"' END
      WHEN `frequency_cell` IS NULL THEN CASE WHEN TRIM(CAST(`frequency_raw` AS STRING)) IS NULL OR TRIM(CAST(`frequency_raw` AS STRING)) = '' THEN 'frequency: blank' ELSE 'frequency: not a number: ' || '"' || TRIM(CAST(`frequency_raw` AS STRING)) || '"' END
      WHEN `购买品类数_cell` IS NULL THEN CASE WHEN TRIM(CAST(`购买品类数_raw` AS STRING)) IS NULL OR TRIM(CAST(`购买品类数_raw` AS STRING)) = '' THEN '购买品类数: blank' ELSE '购买品类数: not a number: ' || '"' || TRIM(CAST(`购买品类数_raw` AS STRING)) || '"' END
      WHEN `合作意愿_cell` IS NULL THEN CASE WHEN TRIM(CAST(`合作意愿_raw` AS STRING)) IS NULL OR TRIM(CAST(`合作意愿_raw` AS STRING)) = '' THEN '合作意愿: blank' ELSE '合作意愿: not a number: ' || '"' || TRIM(CAST(`合作意愿_raw` AS STRING)) || '"' END
    END AS issue
  FROM valued LEFT JOIN duplicates ON valued.customer_id = duplicates.duplicate_id
),
ruled AS (
  SELECT prepared.*, CASE WHEN issue IS NULL THEN CASE
      WHEN `amount` >= 100000 AND `frequency` >= 12 AND `购买品类数` >= 3 AND `合作意愿` >= 4 THEN 'senior'
      WHEN `amount` >= 20000 AND `frequency` >= 4 THEN 'middle' ELSE 'regular' END END AS tier_key
  FROM prepared
)
SELECT customer_id,
  FLOOR(`amount` * 100 + 0.5) / 100 AS `amount`,
  FLOOR(`frequency` * 100 + 0.5) / 100 AS `frequency`,
  FLOOR(`购买品类数` * 100 + 0.5) / 100 AS `购买品类数`,
  FLOOR(`合作意愿` * 100 + 0.5) / 100 AS `合作意愿`,
  CAST(NULL AS STRING) AS `benefits`,
  CASE tier_key WHEN 'regular' THEN 'basic member service' WHEN 'middle' THEN 'keep a steady partnership, regular contact and promotions, added-value services (training, product shows), grow the ones with potential' WHEN 'senior' THEN 'customised service, priority supply and delivery, regular visits, after-sales privileges' END AS `strategy`,
  CASE tier_key WHEN 'regular' THEN 'Regular' WHEN 'middle' THEN 'Middle' WHEN 'senior' THEN 'Senior' END AS tier,
  COALESCE(issue, CASE WHEN tier_key IS NULL THEN 'no rule matches and the policy has no default tier' END) AS issue
FROM ruled
