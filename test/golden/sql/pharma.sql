-- tier: spark SQL, as of 2025-12-31; same tiers as `tier grade`
WITH cells AS (
  SELECT COALESCE(TRIM(CAST(`customer_id` AS STRING)), '') AS customer_id,
    TRY_CAST(`potential` AS DOUBLE) AS `potential_cell`,
    `potential` AS `potential_raw`,
    TRY_CAST(`current_value` AS DOUBLE) AS `current_value_cell`,
    `current_value` AS `current_value_raw`,
    `医院等级` AS `eligible1_raw`,
    `处方权` AS `eligible2_raw`,
    `主诊科室` AS `eligible3_raw`,
    `职称` AS `eligible4_raw`,
    `职务` AS `eligible5_raw`
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
      WHEN ((COALESCE(TRIM(CAST(`eligible1_raw` AS STRING)), '') = '三级' AND COALESCE(TRIM(CAST(`eligible2_raw` AS STRING)), '') = '无') OR (COALESCE(TRIM(CAST(`eligible1_raw` AS STRING)), '') = '二级' AND COALESCE(TRIM(CAST(`eligible3_raw` AS STRING)), '') = '否' AND COALESCE(TRIM(CAST(`eligible4_raw` AS STRING)), '') IN ('主治医师', '住院医师')) OR (COALESCE(TRIM(CAST(`eligible1_raw` AS STRING)), '') = '一级' AND COALESCE(TRIM(CAST(`eligible5_raw` AS STRING)), '') <> '院长')) THEN CASE WHEN (COALESCE(TRIM(CAST(`eligible1_raw` AS STRING)), '') = '三级' AND COALESCE(TRIM(CAST(`eligible2_raw` AS STRING)), '') = '无') THEN 'not counted (eligibility): tertiary hospital, no prescribing right' WHEN (COALESCE(TRIM(CAST(`eligible1_raw` AS STRING)), '') = '二级' AND COALESCE(TRIM(CAST(`eligible3_raw` AS STRING)), '') = '否' AND COALESCE(TRIM(CAST(`eligible4_raw` AS STRING)), '') IN ('主治医师', '住院医师')) THEN 'not counted (eligibility): secondary hospital, not a main department, attending or below' WHEN (COALESCE(TRIM(CAST(`eligible1_raw` AS STRING)), '') = '一级' AND COALESCE(TRIM(CAST(`eligible5_raw` AS STRING)), '') <> '院长') THEN 'not counted (eligibility): primary hospital, not the director' END
    END AS issue
  FROM valued LEFT JOIN duplicates ON valued.customer_id = duplicates.duplicate_id
),
x_sorted AS (
  SELECT v, ROW_NUMBER() OVER (ORDER BY v) - 1 AS i, COUNT(*) OVER () AS n
  FROM (SELECT `potential` AS v FROM prepared WHERE issue IS NULL) t
),
x_stat AS (
  SELECT MAX(n) AS n,
    MAX(CASE WHEN i = ((n - 1) * 1) DIV 3 THEN v END) AS a1, MAX(CASE WHEN i = ((n - 1) * 1) DIV 3 + 1 THEN v END) AS b1,
    MAX(CASE WHEN i = ((n - 1) * 2) DIV 3 THEN v END) AS a2, MAX(CASE WHEN i = ((n - 1) * 2) DIV 3 + 1 THEN v END) AS b2
  FROM x_sorted
),
x_cut AS (
  SELECT CASE WHEN ((n - 1) * 1) % 3 = 0 THEN a1 ELSE a1 + (CAST((n - 1) * 1 AS DOUBLE) / 3 - ((n - 1) * 1) DIV 3) * (b1 - a1) END AS q1,
    CASE WHEN ((n - 1) * 2) % 3 = 0 THEN a2 ELSE a2 + (CAST((n - 1) * 2 AS DOUBLE) / 3 - ((n - 1) * 2) DIV 3) * (b2 - a2) END AS q2
  FROM x_stat
),
y_sorted AS (
  SELECT v, ROW_NUMBER() OVER (ORDER BY v) - 1 AS i, COUNT(*) OVER () AS n
  FROM (SELECT `current_value` AS v FROM prepared WHERE issue IS NULL) t
),
y_stat AS (
  SELECT MAX(n) AS n,
    MAX(CASE WHEN i = ((n - 1) * 1) DIV 3 THEN v END) AS a1, MAX(CASE WHEN i = ((n - 1) * 1) DIV 3 + 1 THEN v END) AS b1,
    MAX(CASE WHEN i = ((n - 1) * 2) DIV 3 THEN v END) AS a2, MAX(CASE WHEN i = ((n - 1) * 2) DIV 3 + 1 THEN v END) AS b2
  FROM y_sorted
),
y_cut AS (
  SELECT CASE WHEN ((n - 1) * 1) % 3 = 0 THEN a1 ELSE a1 + (CAST((n - 1) * 1 AS DOUBLE) / 3 - ((n - 1) * 1) DIV 3) * (b1 - a1) END AS q1,
    CASE WHEN ((n - 1) * 2) % 3 = 0 THEN a2 ELSE a2 + (CAST((n - 1) * 2 AS DOUBLE) / 3 - ((n - 1) * 2) DIV 3) * (b2 - a2) END AS q2
  FROM y_stat
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
  CASE cell WHEN 'A1' THEN 4 WHEN 'A2' THEN 4 WHEN 'A3' THEN 4 WHEN 'B1' THEN 2 WHEN 'B2' THEN 2 WHEN 'B3' THEN 2 WHEN 'C1' THEN 0 WHEN 'C2' THEN 0 WHEN 'C3' THEN 0 END AS `visits`,
  CASE CASE cell WHEN 'A1' THEN 'Key account: maintain' WHEN 'A2' THEN 'High potential: grow' WHEN 'A3' THEN 'High potential: win' WHEN 'B1' THEN 'Maintain' WHEN 'B2' THEN 'Develop' WHEN 'B3' THEN 'Develop slowly' WHEN 'C1' THEN 'Keep' WHEN 'C2' THEN 'Routine' WHEN 'C3' THEN 'Watch' END WHEN 'Key account: maintain' THEN 'frequent visits to keep the relationship, invite to medical meetings' WHEN 'High potential: grow' THEN 'more visits to grow use, joint visits with the manager' WHEN 'High potential: win' THEN 'focus on winning the first use' WHEN 'Maintain' THEN 'regular visits to maintain' WHEN 'Develop' THEN 'product information to develop them' WHEN 'Develop slowly' THEN 'build the relationship step by step' WHEN 'Keep' THEN 'keep in touch, few visits' WHEN 'Routine' THEN 'routine visits' WHEN 'Watch' THEN 'watch, no investment for now' END AS `strategy`,
  CASE cell WHEN 'A1' THEN 'Key account: maintain' WHEN 'A2' THEN 'High potential: grow' WHEN 'A3' THEN 'High potential: win' WHEN 'B1' THEN 'Maintain' WHEN 'B2' THEN 'Develop' WHEN 'B3' THEN 'Develop slowly' WHEN 'C1' THEN 'Keep' WHEN 'C2' THEN 'Routine' WHEN 'C3' THEN 'Watch' END AS tier,
  issue AS issue
FROM celled
