-- tier: spark SQL, as of 2025-12-31; same tiers as `tier grade`
WITH cells AS (
  SELECT COALESCE(TRIM(CAST(`customer_id` AS STRING)), '') AS customer_id,
    `fleet` AS `rating1_raw`,
    `fleet_tonnage` AS `rating2_raw`,
    `own_fleet` AS `rating3_raw`,
    `own_fleet_tonnage` AS `rating4_raw`,
    `new_units` AS `rating5_raw`,
    `own_new_units` AS `rating6_raw`,
    `deal_margin` AS `rating7_raw`,
    `operators` AS `rating8_raw`,
    `funding` AS `rating9_raw`,
    `loans` AS `rating10_raw`,
    `credit` AS `rating11_raw`,
    `overdue_rate` AS `rating12_raw`,
    `utilisation` AS `rating13_raw`,
    `projects` AS `rating14_raw`,
    `satisfaction` AS `rating15_raw`,
    `complaint_rate` AS `rating16_raw`,
    `leads_given` AS `rating17_raw`,
    `leads_closed` AS `rating18_raw`,
    `brand_promotion` AS `rating19_raw`,
    `integrity` AS `rating20_raw`
  FROM `crm`.`customers`
),
valued AS (
  SELECT cells.*,
    CASE WHEN TRY_CAST(TRIM(CAST(`rating1_raw` AS STRING)) AS DOUBLE) IS NULL THEN NULL WHEN TRY_CAST(TRIM(CAST(`rating1_raw` AS STRING)) AS DOUBLE) >= 50 THEN 5 WHEN TRY_CAST(TRIM(CAST(`rating1_raw` AS STRING)) AS DOUBLE) >= 20 THEN 4 WHEN TRY_CAST(TRIM(CAST(`rating1_raw` AS STRING)) AS DOUBLE) >= 10 THEN 3 WHEN TRY_CAST(TRIM(CAST(`rating1_raw` AS STRING)) AS DOUBLE) >= 5 THEN 2 WHEN TRY_CAST(TRIM(CAST(`rating1_raw` AS STRING)) AS DOUBLE) >= 1 THEN 1 ELSE 0 END AS `rating1`,
    CASE WHEN TRY_CAST(TRIM(CAST(`rating2_raw` AS STRING)) AS DOUBLE) IS NULL THEN NULL WHEN TRY_CAST(TRIM(CAST(`rating2_raw` AS STRING)) AS DOUBLE) >= 2000 THEN 5 WHEN TRY_CAST(TRIM(CAST(`rating2_raw` AS STRING)) AS DOUBLE) >= 1000 THEN 4 WHEN TRY_CAST(TRIM(CAST(`rating2_raw` AS STRING)) AS DOUBLE) >= 500 THEN 3 WHEN TRY_CAST(TRIM(CAST(`rating2_raw` AS STRING)) AS DOUBLE) >= 200 THEN 2 WHEN TRY_CAST(TRIM(CAST(`rating2_raw` AS STRING)) AS DOUBLE) >= 50 THEN 1 ELSE 0 END AS `rating2`,
    CASE WHEN TRY_CAST(TRIM(CAST(`rating3_raw` AS STRING)) AS DOUBLE) IS NULL THEN NULL WHEN TRY_CAST(TRIM(CAST(`rating3_raw` AS STRING)) AS DOUBLE) >= 20 THEN 5 WHEN TRY_CAST(TRIM(CAST(`rating3_raw` AS STRING)) AS DOUBLE) >= 10 THEN 4 WHEN TRY_CAST(TRIM(CAST(`rating3_raw` AS STRING)) AS DOUBLE) >= 5 THEN 3 WHEN TRY_CAST(TRIM(CAST(`rating3_raw` AS STRING)) AS DOUBLE) >= 2 THEN 2 WHEN TRY_CAST(TRIM(CAST(`rating3_raw` AS STRING)) AS DOUBLE) >= 1 THEN 1 ELSE 0 END AS `rating3`,
    CASE WHEN TRY_CAST(TRIM(CAST(`rating4_raw` AS STRING)) AS DOUBLE) IS NULL THEN NULL WHEN TRY_CAST(TRIM(CAST(`rating4_raw` AS STRING)) AS DOUBLE) >= 1000 THEN 5 WHEN TRY_CAST(TRIM(CAST(`rating4_raw` AS STRING)) AS DOUBLE) >= 500 THEN 4 WHEN TRY_CAST(TRIM(CAST(`rating4_raw` AS STRING)) AS DOUBLE) >= 200 THEN 3 WHEN TRY_CAST(TRIM(CAST(`rating4_raw` AS STRING)) AS DOUBLE) >= 100 THEN 2 WHEN TRY_CAST(TRIM(CAST(`rating4_raw` AS STRING)) AS DOUBLE) >= 20 THEN 1 ELSE 0 END AS `rating4`,
    CASE WHEN TRY_CAST(TRIM(CAST(`rating5_raw` AS STRING)) AS DOUBLE) IS NULL THEN NULL WHEN TRY_CAST(TRIM(CAST(`rating5_raw` AS STRING)) AS DOUBLE) >= 10 THEN 5 WHEN TRY_CAST(TRIM(CAST(`rating5_raw` AS STRING)) AS DOUBLE) >= 5 THEN 4 WHEN TRY_CAST(TRIM(CAST(`rating5_raw` AS STRING)) AS DOUBLE) >= 3 THEN 3 WHEN TRY_CAST(TRIM(CAST(`rating5_raw` AS STRING)) AS DOUBLE) >= 2 THEN 2 WHEN TRY_CAST(TRIM(CAST(`rating5_raw` AS STRING)) AS DOUBLE) >= 1 THEN 1 ELSE 0 END AS `rating5`,
    CASE WHEN TRY_CAST(TRIM(CAST(`rating6_raw` AS STRING)) AS DOUBLE) IS NULL THEN NULL WHEN TRY_CAST(TRIM(CAST(`rating6_raw` AS STRING)) AS DOUBLE) >= 8 THEN 5 WHEN TRY_CAST(TRIM(CAST(`rating6_raw` AS STRING)) AS DOUBLE) >= 5 THEN 4 WHEN TRY_CAST(TRIM(CAST(`rating6_raw` AS STRING)) AS DOUBLE) >= 3 THEN 3 WHEN TRY_CAST(TRIM(CAST(`rating6_raw` AS STRING)) AS DOUBLE) >= 2 THEN 2 WHEN TRY_CAST(TRIM(CAST(`rating6_raw` AS STRING)) AS DOUBLE) >= 1 THEN 1 ELSE 0 END AS `rating6`,
    CASE WHEN TRY_CAST(TRIM(CAST(`rating7_raw` AS STRING)) AS DOUBLE) IS NULL THEN NULL WHEN TRY_CAST(TRIM(CAST(`rating7_raw` AS STRING)) AS DOUBLE) >= CAST('0.15' AS DOUBLE) THEN 5 WHEN TRY_CAST(TRIM(CAST(`rating7_raw` AS STRING)) AS DOUBLE) >= CAST('0.1' AS DOUBLE) THEN 4 WHEN TRY_CAST(TRIM(CAST(`rating7_raw` AS STRING)) AS DOUBLE) >= CAST('0.08' AS DOUBLE) THEN 3 WHEN TRY_CAST(TRIM(CAST(`rating7_raw` AS STRING)) AS DOUBLE) >= CAST('0.05' AS DOUBLE) THEN 2 WHEN TRY_CAST(TRIM(CAST(`rating7_raw` AS STRING)) AS DOUBLE) >= CAST('0.02' AS DOUBLE) THEN 1 ELSE 0 END AS `rating7`,
    CASE WHEN TRY_CAST(TRIM(CAST(`rating8_raw` AS STRING)) AS DOUBLE) IS NULL THEN NULL WHEN TRY_CAST(TRIM(CAST(`rating8_raw` AS STRING)) AS DOUBLE) >= 50 THEN 5 WHEN TRY_CAST(TRIM(CAST(`rating8_raw` AS STRING)) AS DOUBLE) >= 20 THEN 4 WHEN TRY_CAST(TRIM(CAST(`rating8_raw` AS STRING)) AS DOUBLE) >= 10 THEN 3 WHEN TRY_CAST(TRIM(CAST(`rating8_raw` AS STRING)) AS DOUBLE) >= 5 THEN 2 WHEN TRY_CAST(TRIM(CAST(`rating8_raw` AS STRING)) AS DOUBLE) >= 1 THEN 1 ELSE 0 END AS `rating8`,
    CASE WHEN TRY_CAST(TRIM(CAST(`rating9_raw` AS STRING)) AS DOUBLE) BETWEEN 0 AND 5 THEN TRY_CAST(TRIM(CAST(`rating9_raw` AS STRING)) AS DOUBLE) WHEN TRY_CAST(TRIM(CAST(`rating9_raw` AS STRING)) AS DOUBLE) IS NULL THEN CASE LOWER(TRIM(CAST(`rating9_raw` AS STRING))) WHEN '优秀' THEN 5 WHEN '良好' THEN 4 WHEN '合格' THEN 3 WHEN '较差' THEN 2 WHEN '不合格' THEN 1 WHEN 'excellent' THEN 5 WHEN 'good' THEN 4 WHEN 'fair' THEN 3 WHEN 'poor' THEN 2 WHEN 'unacceptable' THEN 1 END END AS `rating9`,
    CASE WHEN TRY_CAST(TRIM(CAST(`rating10_raw` AS STRING)) AS DOUBLE) IS NULL THEN NULL WHEN TRY_CAST(TRIM(CAST(`rating10_raw` AS STRING)) AS DOUBLE) >= 20 THEN 5 WHEN TRY_CAST(TRIM(CAST(`rating10_raw` AS STRING)) AS DOUBLE) >= 10 THEN 4 WHEN TRY_CAST(TRIM(CAST(`rating10_raw` AS STRING)) AS DOUBLE) >= 5 THEN 3 WHEN TRY_CAST(TRIM(CAST(`rating10_raw` AS STRING)) AS DOUBLE) >= 2 THEN 2 WHEN TRY_CAST(TRIM(CAST(`rating10_raw` AS STRING)) AS DOUBLE) >= 1 THEN 1 ELSE 0 END AS `rating10`,
    CASE WHEN TRY_CAST(TRIM(CAST(`rating11_raw` AS STRING)) AS DOUBLE) BETWEEN 0 AND 5 THEN TRY_CAST(TRIM(CAST(`rating11_raw` AS STRING)) AS DOUBLE) WHEN TRY_CAST(TRIM(CAST(`rating11_raw` AS STRING)) AS DOUBLE) IS NULL THEN CASE LOWER(TRIM(CAST(`rating11_raw` AS STRING))) WHEN '优秀' THEN 5 WHEN '良好' THEN 4 WHEN '合格' THEN 3 WHEN '较差' THEN 2 WHEN '不合格' THEN 1 WHEN 'excellent' THEN 5 WHEN 'good' THEN 4 WHEN 'fair' THEN 3 WHEN 'poor' THEN 2 WHEN 'unacceptable' THEN 1 END END AS `rating11`,
    CASE WHEN TRY_CAST(TRIM(CAST(`rating12_raw` AS STRING)) AS DOUBLE) IS NULL THEN NULL WHEN TRY_CAST(TRIM(CAST(`rating12_raw` AS STRING)) AS DOUBLE) <= 0 THEN 5 WHEN TRY_CAST(TRIM(CAST(`rating12_raw` AS STRING)) AS DOUBLE) <= CAST('0.02' AS DOUBLE) THEN 4 WHEN TRY_CAST(TRIM(CAST(`rating12_raw` AS STRING)) AS DOUBLE) <= CAST('0.05' AS DOUBLE) THEN 3 WHEN TRY_CAST(TRIM(CAST(`rating12_raw` AS STRING)) AS DOUBLE) <= CAST('0.1' AS DOUBLE) THEN 2 WHEN TRY_CAST(TRIM(CAST(`rating12_raw` AS STRING)) AS DOUBLE) <= CAST('0.2' AS DOUBLE) THEN 1 ELSE 0 END AS `rating12`,
    CASE WHEN TRY_CAST(TRIM(CAST(`rating13_raw` AS STRING)) AS DOUBLE) IS NULL THEN NULL WHEN TRY_CAST(TRIM(CAST(`rating13_raw` AS STRING)) AS DOUBLE) >= CAST('0.8' AS DOUBLE) THEN 5 WHEN TRY_CAST(TRIM(CAST(`rating13_raw` AS STRING)) AS DOUBLE) >= CAST('0.7' AS DOUBLE) THEN 4 WHEN TRY_CAST(TRIM(CAST(`rating13_raw` AS STRING)) AS DOUBLE) >= CAST('0.6' AS DOUBLE) THEN 3 WHEN TRY_CAST(TRIM(CAST(`rating13_raw` AS STRING)) AS DOUBLE) >= CAST('0.5' AS DOUBLE) THEN 2 WHEN TRY_CAST(TRIM(CAST(`rating13_raw` AS STRING)) AS DOUBLE) >= CAST('0.3' AS DOUBLE) THEN 1 ELSE 0 END AS `rating13`,
    CASE WHEN TRY_CAST(TRIM(CAST(`rating14_raw` AS STRING)) AS DOUBLE) BETWEEN 0 AND 5 THEN TRY_CAST(TRIM(CAST(`rating14_raw` AS STRING)) AS DOUBLE) WHEN TRY_CAST(TRIM(CAST(`rating14_raw` AS STRING)) AS DOUBLE) IS NULL THEN CASE LOWER(TRIM(CAST(`rating14_raw` AS STRING))) WHEN '优秀' THEN 5 WHEN '良好' THEN 4 WHEN '合格' THEN 3 WHEN '较差' THEN 2 WHEN '不合格' THEN 1 WHEN 'excellent' THEN 5 WHEN 'good' THEN 4 WHEN 'fair' THEN 3 WHEN 'poor' THEN 2 WHEN 'unacceptable' THEN 1 END END AS `rating14`,
    CASE WHEN TRY_CAST(TRIM(CAST(`rating15_raw` AS STRING)) AS DOUBLE) BETWEEN 0 AND 5 THEN TRY_CAST(TRIM(CAST(`rating15_raw` AS STRING)) AS DOUBLE) WHEN TRY_CAST(TRIM(CAST(`rating15_raw` AS STRING)) AS DOUBLE) IS NULL THEN CASE LOWER(TRIM(CAST(`rating15_raw` AS STRING))) WHEN '优秀' THEN 5 WHEN '良好' THEN 4 WHEN '合格' THEN 3 WHEN '较差' THEN 2 WHEN '不合格' THEN 1 WHEN 'excellent' THEN 5 WHEN 'good' THEN 4 WHEN 'fair' THEN 3 WHEN 'poor' THEN 2 WHEN 'unacceptable' THEN 1 END END AS `rating15`,
    CASE WHEN TRY_CAST(TRIM(CAST(`rating16_raw` AS STRING)) AS DOUBLE) IS NULL THEN NULL WHEN TRY_CAST(TRIM(CAST(`rating16_raw` AS STRING)) AS DOUBLE) <= 0 THEN 5 WHEN TRY_CAST(TRIM(CAST(`rating16_raw` AS STRING)) AS DOUBLE) <= CAST('0.01' AS DOUBLE) THEN 4 WHEN TRY_CAST(TRIM(CAST(`rating16_raw` AS STRING)) AS DOUBLE) <= CAST('0.03' AS DOUBLE) THEN 3 WHEN TRY_CAST(TRIM(CAST(`rating16_raw` AS STRING)) AS DOUBLE) <= CAST('0.05' AS DOUBLE) THEN 2 WHEN TRY_CAST(TRIM(CAST(`rating16_raw` AS STRING)) AS DOUBLE) <= CAST('0.1' AS DOUBLE) THEN 1 ELSE 0 END AS `rating16`,
    CASE WHEN TRY_CAST(TRIM(CAST(`rating17_raw` AS STRING)) AS DOUBLE) IS NULL THEN NULL WHEN TRY_CAST(TRIM(CAST(`rating17_raw` AS STRING)) AS DOUBLE) >= 20 THEN 5 WHEN TRY_CAST(TRIM(CAST(`rating17_raw` AS STRING)) AS DOUBLE) >= 10 THEN 4 WHEN TRY_CAST(TRIM(CAST(`rating17_raw` AS STRING)) AS DOUBLE) >= 5 THEN 3 WHEN TRY_CAST(TRIM(CAST(`rating17_raw` AS STRING)) AS DOUBLE) >= 2 THEN 2 WHEN TRY_CAST(TRIM(CAST(`rating17_raw` AS STRING)) AS DOUBLE) >= 1 THEN 1 ELSE 0 END AS `rating17`,
    CASE WHEN TRY_CAST(TRIM(CAST(`rating18_raw` AS STRING)) AS DOUBLE) IS NULL THEN NULL WHEN TRY_CAST(TRIM(CAST(`rating18_raw` AS STRING)) AS DOUBLE) >= 10 THEN 5 WHEN TRY_CAST(TRIM(CAST(`rating18_raw` AS STRING)) AS DOUBLE) >= 5 THEN 4 WHEN TRY_CAST(TRIM(CAST(`rating18_raw` AS STRING)) AS DOUBLE) >= 3 THEN 3 WHEN TRY_CAST(TRIM(CAST(`rating18_raw` AS STRING)) AS DOUBLE) >= 2 THEN 2 WHEN TRY_CAST(TRIM(CAST(`rating18_raw` AS STRING)) AS DOUBLE) >= 1 THEN 1 ELSE 0 END AS `rating18`,
    CASE WHEN TRY_CAST(TRIM(CAST(`rating19_raw` AS STRING)) AS DOUBLE) BETWEEN 0 AND 5 THEN TRY_CAST(TRIM(CAST(`rating19_raw` AS STRING)) AS DOUBLE) WHEN TRY_CAST(TRIM(CAST(`rating19_raw` AS STRING)) AS DOUBLE) IS NULL THEN CASE LOWER(TRIM(CAST(`rating19_raw` AS STRING))) WHEN '优秀' THEN 5 WHEN '良好' THEN 4 WHEN '合格' THEN 3 WHEN '较差' THEN 2 WHEN '不合格' THEN 1 WHEN 'excellent' THEN 5 WHEN 'good' THEN 4 WHEN 'fair' THEN 3 WHEN 'poor' THEN 2 WHEN 'unacceptable' THEN 1 END END AS `rating19`,
    CASE WHEN TRY_CAST(TRIM(CAST(`rating20_raw` AS STRING)) AS DOUBLE) BETWEEN 0 AND 5 THEN TRY_CAST(TRIM(CAST(`rating20_raw` AS STRING)) AS DOUBLE) WHEN TRY_CAST(TRIM(CAST(`rating20_raw` AS STRING)) AS DOUBLE) IS NULL THEN CASE LOWER(TRIM(CAST(`rating20_raw` AS STRING))) WHEN '优秀' THEN 5 WHEN '良好' THEN 4 WHEN '合格' THEN 3 WHEN '较差' THEN 2 WHEN '不合格' THEN 1 WHEN 'excellent' THEN 5 WHEN 'good' THEN 4 WHEN 'fair' THEN 3 WHEN 'poor' THEN 2 WHEN 'unacceptable' THEN 1 END END AS `rating20`
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
      WHEN `rating1` IS NULL THEN CASE WHEN TRIM(CAST(`rating1_raw` AS STRING)) IS NULL OR TRIM(CAST(`rating1_raw` AS STRING)) = '' THEN 'fleet: blank' ELSE 'fleet: not a number: "' || TRIM(CAST(`rating1_raw` AS STRING)) || '"' END
      WHEN `rating2` IS NULL THEN CASE WHEN TRIM(CAST(`rating2_raw` AS STRING)) IS NULL OR TRIM(CAST(`rating2_raw` AS STRING)) = '' THEN 'fleet_tonnage: blank' ELSE 'fleet_tonnage: not a number: "' || TRIM(CAST(`rating2_raw` AS STRING)) || '"' END
      WHEN `rating3` IS NULL THEN CASE WHEN TRIM(CAST(`rating3_raw` AS STRING)) IS NULL OR TRIM(CAST(`rating3_raw` AS STRING)) = '' THEN 'own_fleet: blank' ELSE 'own_fleet: not a number: "' || TRIM(CAST(`rating3_raw` AS STRING)) || '"' END
      WHEN `rating4` IS NULL THEN CASE WHEN TRIM(CAST(`rating4_raw` AS STRING)) IS NULL OR TRIM(CAST(`rating4_raw` AS STRING)) = '' THEN 'own_fleet_tonnage: blank' ELSE 'own_fleet_tonnage: not a number: "' || TRIM(CAST(`rating4_raw` AS STRING)) || '"' END
      WHEN `rating5` IS NULL THEN CASE WHEN TRIM(CAST(`rating5_raw` AS STRING)) IS NULL OR TRIM(CAST(`rating5_raw` AS STRING)) = '' THEN 'new_units: blank' ELSE 'new_units: not a number: "' || TRIM(CAST(`rating5_raw` AS STRING)) || '"' END
      WHEN `rating6` IS NULL THEN CASE WHEN TRIM(CAST(`rating6_raw` AS STRING)) IS NULL OR TRIM(CAST(`rating6_raw` AS STRING)) = '' THEN 'own_new_units: blank' ELSE 'own_new_units: not a number: "' || TRIM(CAST(`rating6_raw` AS STRING)) || '"' END
      WHEN `rating7` IS NULL THEN CASE WHEN TRIM(CAST(`rating7_raw` AS STRING)) IS NULL OR TRIM(CAST(`rating7_raw` AS STRING)) = '' THEN 'deal_margin: blank' ELSE 'deal_margin: not a number: "' || TRIM(CAST(`rating7_raw` AS STRING)) || '"' END
      WHEN `rating8` IS NULL THEN CASE WHEN TRIM(CAST(`rating8_raw` AS STRING)) IS NULL OR TRIM(CAST(`rating8_raw` AS STRING)) = '' THEN 'operators: blank' ELSE 'operators: not a number: "' || TRIM(CAST(`rating8_raw` AS STRING)) || '"' END
      WHEN `rating9` IS NULL THEN CASE WHEN TRIM(CAST(`rating9_raw` AS STRING)) IS NULL OR TRIM(CAST(`rating9_raw` AS STRING)) = '' THEN 'funding: blank rating' ELSE 'funding: "' || TRIM(CAST(`rating9_raw` AS STRING)) || '" is not a rating (1-5 or 优秀/良好/合格/较差/不合格)' END
      WHEN `rating10` IS NULL THEN CASE WHEN TRIM(CAST(`rating10_raw` AS STRING)) IS NULL OR TRIM(CAST(`rating10_raw` AS STRING)) = '' THEN 'loans: blank' ELSE 'loans: not a number: "' || TRIM(CAST(`rating10_raw` AS STRING)) || '"' END
      WHEN `rating11` IS NULL THEN CASE WHEN TRIM(CAST(`rating11_raw` AS STRING)) IS NULL OR TRIM(CAST(`rating11_raw` AS STRING)) = '' THEN 'credit: blank rating' ELSE 'credit: "' || TRIM(CAST(`rating11_raw` AS STRING)) || '" is not a rating (1-5 or 优秀/良好/合格/较差/不合格)' END
      WHEN `rating12` IS NULL THEN CASE WHEN TRIM(CAST(`rating12_raw` AS STRING)) IS NULL OR TRIM(CAST(`rating12_raw` AS STRING)) = '' THEN 'overdue_rate: blank' ELSE 'overdue_rate: not a number: "' || TRIM(CAST(`rating12_raw` AS STRING)) || '"' END
      WHEN `rating13` IS NULL THEN CASE WHEN TRIM(CAST(`rating13_raw` AS STRING)) IS NULL OR TRIM(CAST(`rating13_raw` AS STRING)) = '' THEN 'utilisation: blank' ELSE 'utilisation: not a number: "' || TRIM(CAST(`rating13_raw` AS STRING)) || '"' END
      WHEN `rating14` IS NULL THEN CASE WHEN TRIM(CAST(`rating14_raw` AS STRING)) IS NULL OR TRIM(CAST(`rating14_raw` AS STRING)) = '' THEN 'projects: blank rating' ELSE 'projects: "' || TRIM(CAST(`rating14_raw` AS STRING)) || '" is not a rating (1-5 or 优秀/良好/合格/较差/不合格)' END
      WHEN `rating15` IS NULL THEN CASE WHEN TRIM(CAST(`rating15_raw` AS STRING)) IS NULL OR TRIM(CAST(`rating15_raw` AS STRING)) = '' THEN 'satisfaction: blank rating' ELSE 'satisfaction: "' || TRIM(CAST(`rating15_raw` AS STRING)) || '" is not a rating (1-5 or 优秀/良好/合格/较差/不合格)' END
      WHEN `rating16` IS NULL THEN CASE WHEN TRIM(CAST(`rating16_raw` AS STRING)) IS NULL OR TRIM(CAST(`rating16_raw` AS STRING)) = '' THEN 'complaint_rate: blank' ELSE 'complaint_rate: not a number: "' || TRIM(CAST(`rating16_raw` AS STRING)) || '"' END
      WHEN `rating17` IS NULL THEN CASE WHEN TRIM(CAST(`rating17_raw` AS STRING)) IS NULL OR TRIM(CAST(`rating17_raw` AS STRING)) = '' THEN 'leads_given: blank' ELSE 'leads_given: not a number: "' || TRIM(CAST(`rating17_raw` AS STRING)) || '"' END
      WHEN `rating18` IS NULL THEN CASE WHEN TRIM(CAST(`rating18_raw` AS STRING)) IS NULL OR TRIM(CAST(`rating18_raw` AS STRING)) = '' THEN 'leads_closed: blank' ELSE 'leads_closed: not a number: "' || TRIM(CAST(`rating18_raw` AS STRING)) || '"' END
      WHEN `rating19` IS NULL THEN CASE WHEN TRIM(CAST(`rating19_raw` AS STRING)) IS NULL OR TRIM(CAST(`rating19_raw` AS STRING)) = '' THEN 'brand_promotion: blank rating' ELSE 'brand_promotion: "' || TRIM(CAST(`rating19_raw` AS STRING)) || '" is not a rating (1-5 or 优秀/良好/合格/较差/不合格)' END
      WHEN `rating20` IS NULL THEN CASE WHEN TRIM(CAST(`rating20_raw` AS STRING)) IS NULL OR TRIM(CAST(`rating20_raw` AS STRING)) = '' THEN 'integrity: blank rating' ELSE 'integrity: "' || TRIM(CAST(`rating20_raw` AS STRING)) || '" is not a rating (1-5 or 优秀/良好/合格/较差/不合格)' END
    END AS issue
  FROM valued LEFT JOIN duplicates ON valued.customer_id = duplicates.duplicate_id
),
scored AS (
  SELECT prepared.*, CASE WHEN issue IS NULL THEN ((5 * `rating1` + 5 * `rating2` + 5 * `rating3` + 5 * `rating4` + 5 * `rating5` + 5 * `rating6` + 5 * `rating7` + 5 * `rating8` + 5 * `rating9` + 5 * `rating10` + 5 * `rating11` + 5 * `rating12` + 5 * `rating13` + 5 * `rating14` + 5 * `rating15` + 5 * `rating16` + 5 * `rating17` + 5 * `rating18` + 5 * `rating19` + 5 * `rating20`) / 100) * 20 END AS score
  FROM prepared
),
starred AS (
  SELECT scored.*, CASE WHEN score >= 90 THEN 5 WHEN score >= 80 THEN 4 WHEN score >= 70 THEN 3 WHEN score >= 60 THEN 2 WHEN score IS NOT NULL THEN 1 END AS stars
  FROM scored
)
SELECT customer_id,
  FLOOR(score * 100 + 0.5) / 100 AS `score`,
  stars AS `stars`,
  CAST(NULL AS STRING) AS `customer_type`,
  CASE CASE stars WHEN 5 THEN '5 stars (90 or more)' WHEN 4 THEN '4 stars (80 or more)' WHEN 3 THEN '3 stars (70 or more)' WHEN 2 THEN '2 stars (60 or more)' WHEN 1 THEN '1 star (below 60; the source says “below 50”)' END WHEN '5 stars (90 or more)' THEN 'key account care, resources first, regular visits by management' WHEN '4 stars (80 or more)' THEN 'key account care, grow them to five stars' WHEN '3 stars (70 or more)' THEN 'regular visits, find their latent needs' WHEN '2 stars (60 or more)' THEN 'incentives to improve' WHEN '1 star (below 60; the source says “below 50”)' THEN 'limit credit risk, invest less' END AS `strategy`,
  CASE stars WHEN 5 THEN '5 stars (90 or more)' WHEN 4 THEN '4 stars (80 or more)' WHEN 3 THEN '3 stars (70 or more)' WHEN 2 THEN '2 stars (60 or more)' WHEN 1 THEN '1 star (below 60; the source says “below 50”)' END AS tier,
  issue AS issue
FROM starred
