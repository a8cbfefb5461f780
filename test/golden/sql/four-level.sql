-- tier: spark SQL, as of 2025-12-31; same tiers as `tier grade`
WITH cells AS (
  SELECT COALESCE(TRIM(CAST(`customer_id` AS STRING)), '') AS customer_id,
    TRY_CAST(`frequency` AS DOUBLE) AS `frequency_cell`,
    `frequency` AS `frequency_raw`,
    TRY_CAST(`amount` AS DOUBLE) AS `amount_cell`,
    `amount` AS `amount_raw`,
    TRY_CAST(`potential` AS DOUBLE) AS `potential_cell`,
    `potential` AS `potential_raw`
  FROM `crm`.`customers`
),
valued AS (
  SELECT cells.*,
    `frequency_cell` AS `frequency`,
    `amount_cell` AS `amount`,
    `potential_cell` AS `potential`
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
      WHEN `frequency_cell` IS NULL THEN CASE WHEN TRIM(CAST(`frequency_raw` AS STRING)) IS NULL OR TRIM(CAST(`frequency_raw` AS STRING)) = '' THEN 'frequency: blank' ELSE 'frequency: not a number: ' || '"' || TRIM(CAST(`frequency_raw` AS STRING)) || '"' END
      WHEN `amount_cell` IS NULL THEN CASE WHEN TRIM(CAST(`amount_raw` AS STRING)) IS NULL OR TRIM(CAST(`amount_raw` AS STRING)) = '' THEN 'amount: blank' ELSE 'amount: not a number: ' || '"' || TRIM(CAST(`amount_raw` AS STRING)) || '"' END
      WHEN `potential_cell` IS NULL THEN CASE WHEN TRIM(CAST(`potential_raw` AS STRING)) IS NULL OR TRIM(CAST(`potential_raw` AS STRING)) = '' THEN 'potential: blank' ELSE 'potential: not a number: ' || '"' || TRIM(CAST(`potential_raw` AS STRING)) || '"' END
    END AS issue
  FROM valued LEFT JOIN duplicates ON valued.customer_id = duplicates.duplicate_id
),
ruled AS (
  SELECT prepared.*, CASE WHEN issue IS NULL THEN CASE
      WHEN `frequency` = 0 THEN 'prospect'
      WHEN `amount` >= 200000 AND `frequency` >= 12 THEN 'core'
      WHEN `amount` >= 50000 THEN 'key'
      WHEN `potential` >= 4 THEN 'key' ELSE 'general' END END AS tier_key
  FROM prepared
)
SELECT customer_id,
  FLOOR(`frequency` * 100 + 0.5) / 100 AS `frequency`,
  FLOOR(`amount` * 100 + 0.5) / 100 AS `amount`,
  FLOOR(`potential` * 100 + 0.5) / 100 AS `potential`,
  CAST(NULL AS STRING) AS `benefits`,
  CASE tier_key WHEN 'prospect' THEN 'market research and data analysis, a plan to win and keep them' WHEN 'general' THEN 'standard service and products, good quality at a fair price, more contact and interaction' WHEN 'key' THEN 'a dedicated marketing plan, regular care and service, widen the cooperation' WHEN 'core' THEN 'a dedicated relationship team, personalised service, customised products, continuous communication' END AS `strategy`,
  CASE tier_key WHEN 'prospect' THEN 'Prospect' WHEN 'general' THEN 'General' WHEN 'key' THEN 'Key' WHEN 'core' THEN 'Core' END AS tier,
  COALESCE(issue, CASE WHEN tier_key IS NULL THEN 'no rule matches and the policy has no default tier' END) AS issue
FROM ruled
