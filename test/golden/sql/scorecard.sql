-- tier: spark SQL, as of 2025-12-31; same tiers as `tier grade`
WITH cells AS (
  SELECT COALESCE(TRIM(CAST(`customer_id` AS STRING)), '') AS customer_id,
    `positioning` AS `rating1_raw`,
    `price_level` AS `rating2_raw`,
    `brand_history` AS `rating3_raw`,
    `retail_experience` AS `rating4_raw`,
    `local_stores` AS `rating5_raw`,
    `local_sales` AS `rating6_raw`,
    `location` AS `rating7_raw`,
    `sales_per_m2` AS `rating8_raw`,
    `fit_out` AS `rating9_raw`,
    `display` AS `rating10_raw`,
    `assortment` AS `rating11_raw`,
    `service` AS `rating12_raw`,
    `promotion` AS `rating13_raw`,
    `rent_on_time` AS `rating14_raw`,
    `replanning` AS `rating15_raw`,
    `joins_promotions` AS `rating16_raw`,
    `rent_yield` AS `rating17_raw`,
    `complaint_rate` AS `rating18_raw`,
    `stage` AS `stage_raw`
  FROM `crm`.`customers`
),
valued AS (
  SELECT cells.*,
    CASE WHEN TRY_CAST(TRIM(CAST(`rating1_raw` AS STRING)) AS DOUBLE) BETWEEN 1 AND 5 THEN TRY_CAST(TRIM(CAST(`rating1_raw` AS STRING)) AS DOUBLE) WHEN TRY_CAST(TRIM(CAST(`rating1_raw` AS STRING)) AS DOUBLE) IS NULL THEN CASE LOWER(TRIM(CAST(`rating1_raw` AS STRING))) WHEN '优秀' THEN 5 WHEN '良好' THEN 4 WHEN '合格' THEN 3 WHEN '较差' THEN 2 WHEN '不合格' THEN 1 WHEN 'excellent' THEN 5 WHEN 'good' THEN 4 WHEN 'fair' THEN 3 WHEN 'poor' THEN 2 WHEN 'unacceptable' THEN 1 END END AS `rating1`,
    CASE WHEN TRY_CAST(TRIM(CAST(`rating2_raw` AS STRING)) AS DOUBLE) BETWEEN 1 AND 5 THEN TRY_CAST(TRIM(CAST(`rating2_raw` AS STRING)) AS DOUBLE) WHEN TRY_CAST(TRIM(CAST(`rating2_raw` AS STRING)) AS DOUBLE) IS NULL THEN CASE LOWER(TRIM(CAST(`rating2_raw` AS STRING))) WHEN '优秀' THEN 5 WHEN '良好' THEN 4 WHEN '合格' THEN 3 WHEN '较差' THEN 2 WHEN '不合格' THEN 1 WHEN 'excellent' THEN 5 WHEN 'good' THEN 4 WHEN 'fair' THEN 3 WHEN 'poor' THEN 2 WHEN 'unacceptable' THEN 1 END END AS `rating2`,
    CASE WHEN TRY_CAST(TRIM(CAST(`rating3_raw` AS STRING)) AS DOUBLE) BETWEEN 1 AND 5 THEN TRY_CAST(TRIM(CAST(`rating3_raw` AS STRING)) AS DOUBLE) WHEN TRY_CAST(TRIM(CAST(`rating3_raw` AS STRING)) AS DOUBLE) IS NULL THEN CASE LOWER(TRIM(CAST(`rating3_raw` AS STRING))) WHEN '优秀' THEN 5 WHEN '良好' THEN 4 WHEN '合格' THEN 3 WHEN '较差' THEN 2 WHEN '不合格' THEN 1 WHEN 'excellent' THEN 5 WHEN 'good' THEN 4 WHEN 'fair' THEN 3 WHEN 'poor' THEN 2 WHEN 'unacceptable' THEN 1 END END AS `rating3`,
    CASE WHEN TRY_CAST(TRIM(CAST(`rating4_raw` AS STRING)) AS DOUBLE) BETWEEN 1 AND 5 THEN TRY_CAST(TRIM(CAST(`rating4_raw` AS STRING)) AS DOUBLE) WHEN TRY_CAST(TRIM(CAST(`rating4_raw` AS STRING)) AS DOUBLE) IS NULL THEN CASE LOWER(TRIM(CAST(`rating4_raw` AS STRING))) WHEN '优秀' THEN 5 WHEN '良好' THEN 4 WHEN '合格' THEN 3 WHEN '较差' THEN 2 WHEN '不合格' THEN 1 WHEN 'excellent' THEN 5 WHEN 'good' THEN 4 WHEN 'fair' THEN 3 WHEN 'poor' THEN 2 WHEN 'unacceptable' THEN 1 END END AS `rating4`,
    CASE WHEN TRY_CAST(TRIM(CAST(`rating5_raw` AS STRING)) AS DOUBLE) BETWEEN 1 AND 5 THEN TRY_CAST(TRIM(CAST(`rating5_raw` AS STRING)) AS DOUBLE) WHEN TRY_CAST(TRIM(CAST(`rating5_raw` AS STRING)) AS DOUBLE) IS NULL THEN CASE LOWER(TRIM(CAST(`rating5_raw` AS STRING))) WHEN '优秀' THEN 5 WHEN '良好' THEN 4 WHEN '合格' THEN 3 WHEN '较差' THEN 2 WHEN '不合格' THEN 1 WHEN 'excellent' THEN 5 WHEN 'good' THEN 4 WHEN 'fair' THEN 3 WHEN 'poor' THEN 2 WHEN 'unacceptable' THEN 1 END END AS `rating5`,
    CASE WHEN TRY_CAST(TRIM(CAST(`rating6_raw` AS STRING)) AS DOUBLE) BETWEEN 1 AND 5 THEN TRY_CAST(TRIM(CAST(`rating6_raw` AS STRING)) AS DOUBLE) WHEN TRY_CAST(TRIM(CAST(`rating6_raw` AS STRING)) AS DOUBLE) IS NULL THEN CASE LOWER(TRIM(CAST(`rating6_raw` AS STRING))) WHEN '优秀' THEN 5 WHEN '良好' THEN 4 WHEN '合格' THEN 3 WHEN '较差' THEN 2 WHEN '不合格' THEN 1 WHEN 'excellent' THEN 5 WHEN 'good' THEN 4 WHEN 'fair' THEN 3 WHEN 'poor' THEN 2 WHEN 'unacceptable' THEN 1 END END AS `rating6`,
    CASE WHEN TRY_CAST(TRIM(CAST(`rating7_raw` AS STRING)) AS DOUBLE) BETWEEN 1 AND 5 THEN TRY_CAST(TRIM(CAST(`rating7_raw` AS STRING)) AS DOUBLE) WHEN TRY_CAST(TRIM(CAST(`rating7_raw` AS STRING)) AS DOUBLE) IS NULL THEN CASE LOWER(TRIM(CAST(`rating7_raw` AS STRING))) WHEN '优秀' THEN 5 WHEN '良好' THEN 4 WHEN '合格' THEN 3 WHEN '较差' THEN 2 WHEN '不合格' THEN 1 WHEN 'excellent' THEN 5 WHEN 'good' THEN 4 WHEN 'fair' THEN 3 WHEN 'poor' THEN 2 WHEN 'unacceptable' THEN 1 END END AS `rating7`,
    CASE WHEN TRY_CAST(TRIM(CAST(`rating8_raw` AS STRING)) AS DOUBLE) BETWEEN 1 AND 5 THEN TRY_CAST(TRIM(CAST(`rating8_raw` AS STRING)) AS DOUBLE) WHEN TRY_CAST(TRIM(CAST(`rating8_raw` AS STRING)) AS DOUBLE) IS NULL THEN CASE LOWER(TRIM(CAST(`rating8_raw` AS STRING))) WHEN '优秀' THEN 5 WHEN '良好' THEN 4 WHEN '合格' THEN 3 WHEN '较差' THEN 2 WHEN '不合格' THEN 1 WHEN 'excellent' THEN 5 WHEN 'good' THEN 4 WHEN 'fair' THEN 3 WHEN 'poor' THEN 2 WHEN 'unacceptable' THEN 1 END END AS `rating8`,
    CASE WHEN TRY_CAST(TRIM(CAST(`rating9_raw` AS STRING)) AS DOUBLE) BETWEEN 1 AND 5 THEN TRY_CAST(TRIM(CAST(`rating9_raw` AS STRING)) AS DOUBLE) WHEN TRY_CAST(TRIM(CAST(`rating9_raw` AS STRING)) AS DOUBLE) IS NULL THEN CASE LOWER(TRIM(CAST(`rating9_raw` AS STRING))) WHEN '优秀' THEN 5 WHEN '良好' THEN 4 WHEN '合格' THEN 3 WHEN '较差' THEN 2 WHEN '不合格' THEN 1 WHEN 'excellent' THEN 5 WHEN 'good' THEN 4 WHEN 'fair' THEN 3 WHEN 'poor' THEN 2 WHEN 'unacceptable' THEN 1 END END AS `rating9`,
    CASE WHEN TRY_CAST(TRIM(CAST(`rating10_raw` AS STRING)) AS DOUBLE) BETWEEN 1 AND 5 THEN TRY_CAST(TRIM(CAST(`rating10_raw` AS STRING)) AS DOUBLE) WHEN TRY_CAST(TRIM(CAST(`rating10_raw` AS STRING)) AS DOUBLE) IS NULL THEN CASE LOWER(TRIM(CAST(`rating10_raw` AS STRING))) WHEN '优秀' THEN 5 WHEN '良好' THEN 4 WHEN '合格' THEN 3 WHEN '较差' THEN 2 WHEN '不合格' THEN 1 WHEN 'excellent' THEN 5 WHEN 'good' THEN 4 WHEN 'fair' THEN 3 WHEN 'poor' THEN 2 WHEN 'unacceptable' THEN 1 END END AS `rating10`,
    CASE WHEN TRY_CAST(TRIM(CAST(`rating11_raw` AS STRING)) AS DOUBLE) BETWEEN 1 AND 5 THEN TRY_CAST(TRIM(CAST(`rating11_raw` AS STRING)) AS DOUBLE) WHEN TRY_CAST(TRIM(CAST(`rating11_raw` AS STRING)) AS DOUBLE) IS NULL THEN CASE LOWER(TRIM(CAST(`rating11_raw` AS STRING))) WHEN '优秀' THEN 5 WHEN '良好' THEN 4 WHEN '合格' THEN 3 WHEN '较差' THEN 2 WHEN '不合格' THEN 1 WHEN 'excellent' THEN 5 WHEN 'good' THEN 4 WHEN 'fair' THEN 3 WHEN 'poor' THEN 2 WHEN 'unacceptable' THEN 1 END END AS `rating11`,
    CASE WHEN TRY_CAST(TRIM(CAST(`rating12_raw` AS STRING)) AS DOUBLE) BETWEEN 1 AND 5 THEN TRY_CAST(TRIM(CAST(`rating12_raw` AS STRING)) AS DOUBLE) WHEN TRY_CAST(TRIM(CAST(`rating12_raw` AS STRING)) AS DOUBLE) IS NULL THEN CASE LOWER(TRIM(CAST(`rating12_raw` AS STRING))) WHEN '优秀' THEN 5 WHEN '良好' THEN 4 WHEN '合格' THEN 3 WHEN '较差' THEN 2 WHEN '不合格' THEN 1 WHEN 'excellent' THEN 5 WHEN 'good' THEN 4 WHEN 'fair' THEN 3 WHEN 'poor' THEN 2 WHEN 'unacceptable' THEN 1 END END AS `rating12`,
    CASE WHEN TRY_CAST(TRIM(CAST(`rating13_raw` AS STRING)) AS DOUBLE) BETWEEN 1 AND 5 THEN TRY_CAST(TRIM(CAST(`rating13_raw` AS STRING)) AS DOUBLE) WHEN TRY_CAST(TRIM(CAST(`rating13_raw` AS STRING)) AS DOUBLE) IS NULL THEN CASE LOWER(TRIM(CAST(`rating13_raw` AS STRING))) WHEN '优秀' THEN 5 WHEN '良好' THEN 4 WHEN '合格' THEN 3 WHEN '较差' THEN 2 WHEN '不合格' THEN 1 WHEN 'excellent' THEN 5 WHEN 'good' THEN 4 WHEN 'fair' THEN 3 WHEN 'poor' THEN 2 WHEN 'unacceptable' THEN 1 END END AS `rating13`,
    CASE WHEN TRY_CAST(TRIM(CAST(`rating14_raw` AS STRING)) AS DOUBLE) BETWEEN 1 AND 5 THEN TRY_CAST(TRIM(CAST(`rating14_raw` AS STRING)) AS DOUBLE) WHEN TRY_CAST(TRIM(CAST(`rating14_raw` AS STRING)) AS DOUBLE) IS NULL THEN CASE LOWER(TRIM(CAST(`rating14_raw` AS STRING))) WHEN '优秀' THEN 5 WHEN '良好' THEN 4 WHEN '合格' THEN 3 WHEN '较差' THEN 2 WHEN '不合格' THEN 1 WHEN 'excellent' THEN 5 WHEN 'good' THEN 4 WHEN 'fair' THEN 3 WHEN 'poor' THEN 2 WHEN 'unacceptable' THEN 1 END END AS `rating14`,
    CASE WHEN TRY_CAST(TRIM(CAST(`rating15_raw` AS STRING)) AS DOUBLE) BETWEEN 1 AND 5 THEN TRY_CAST(TRIM(CAST(`rating15_raw` AS STRING)) AS DOUBLE) WHEN TRY_CAST(TRIM(CAST(`rating15_raw` AS STRING)) AS DOUBLE) IS NULL THEN CASE LOWER(TRIM(CAST(`rating15_raw` AS STRING))) WHEN '优秀' THEN 5 WHEN '良好' THEN 4 WHEN '合格' THEN 3 WHEN '较差' THEN 2 WHEN '不合格' THEN 1 WHEN 'excellent' THEN 5 WHEN 'good' THEN 4 WHEN 'fair' THEN 3 WHEN 'poor' THEN 2 WHEN 'unacceptable' THEN 1 END END AS `rating15`,
    CASE WHEN TRY_CAST(TRIM(CAST(`rating16_raw` AS STRING)) AS DOUBLE) BETWEEN 1 AND 5 THEN TRY_CAST(TRIM(CAST(`rating16_raw` AS STRING)) AS DOUBLE) WHEN TRY_CAST(TRIM(CAST(`rating16_raw` AS STRING)) AS DOUBLE) IS NULL THEN CASE LOWER(TRIM(CAST(`rating16_raw` AS STRING))) WHEN '优秀' THEN 5 WHEN '良好' THEN 4 WHEN '合格' THEN 3 WHEN '较差' THEN 2 WHEN '不合格' THEN 1 WHEN 'excellent' THEN 5 WHEN 'good' THEN 4 WHEN 'fair' THEN 3 WHEN 'poor' THEN 2 WHEN 'unacceptable' THEN 1 END END AS `rating16`,
    CASE WHEN TRY_CAST(TRIM(CAST(`rating17_raw` AS STRING)) AS DOUBLE) BETWEEN 1 AND 5 THEN TRY_CAST(TRIM(CAST(`rating17_raw` AS STRING)) AS DOUBLE) WHEN TRY_CAST(TRIM(CAST(`rating17_raw` AS STRING)) AS DOUBLE) IS NULL THEN CASE LOWER(TRIM(CAST(`rating17_raw` AS STRING))) WHEN '优秀' THEN 5 WHEN '良好' THEN 4 WHEN '合格' THEN 3 WHEN '较差' THEN 2 WHEN '不合格' THEN 1 WHEN 'excellent' THEN 5 WHEN 'good' THEN 4 WHEN 'fair' THEN 3 WHEN 'poor' THEN 2 WHEN 'unacceptable' THEN 1 END END AS `rating17`,
    CASE WHEN TRY_CAST(TRIM(CAST(`rating18_raw` AS STRING)) AS DOUBLE) BETWEEN 1 AND 5 THEN TRY_CAST(TRIM(CAST(`rating18_raw` AS STRING)) AS DOUBLE) WHEN TRY_CAST(TRIM(CAST(`rating18_raw` AS STRING)) AS DOUBLE) IS NULL THEN CASE LOWER(TRIM(CAST(`rating18_raw` AS STRING))) WHEN '优秀' THEN 5 WHEN '良好' THEN 4 WHEN '合格' THEN 3 WHEN '较差' THEN 2 WHEN '不合格' THEN 1 WHEN 'excellent' THEN 5 WHEN 'good' THEN 4 WHEN 'fair' THEN 3 WHEN 'poor' THEN 2 WHEN 'unacceptable' THEN 1 END END AS `rating18`,
    TRIM(CAST(`stage_raw` AS STRING)) AS `stage`
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
      WHEN `rating1` IS NULL THEN CASE WHEN TRIM(CAST(`rating1_raw` AS STRING)) IS NULL OR TRIM(CAST(`rating1_raw` AS STRING)) = '' THEN 'positioning: blank rating' ELSE 'positioning: "' || TRIM(CAST(`rating1_raw` AS STRING)) || '" is not a rating (1-5 or 优秀/良好/合格/较差/不合格)' END
      WHEN `rating2` IS NULL THEN CASE WHEN TRIM(CAST(`rating2_raw` AS STRING)) IS NULL OR TRIM(CAST(`rating2_raw` AS STRING)) = '' THEN 'price_level: blank rating' ELSE 'price_level: "' || TRIM(CAST(`rating2_raw` AS STRING)) || '" is not a rating (1-5 or 优秀/良好/合格/较差/不合格)' END
      WHEN `rating3` IS NULL THEN CASE WHEN TRIM(CAST(`rating3_raw` AS STRING)) IS NULL OR TRIM(CAST(`rating3_raw` AS STRING)) = '' THEN 'brand_history: blank rating' ELSE 'brand_history: "' || TRIM(CAST(`rating3_raw` AS STRING)) || '" is not a rating (1-5 or 优秀/良好/合格/较差/不合格)' END
      WHEN `rating4` IS NULL THEN CASE WHEN TRIM(CAST(`rating4_raw` AS STRING)) IS NULL OR TRIM(CAST(`rating4_raw` AS STRING)) = '' THEN 'retail_experience: blank rating' ELSE 'retail_experience: "' || TRIM(CAST(`rating4_raw` AS STRING)) || '" is not a rating (1-5 or 优秀/良好/合格/较差/不合格)' END
      WHEN `rating5` IS NULL THEN CASE WHEN TRIM(CAST(`rating5_raw` AS STRING)) IS NULL OR TRIM(CAST(`rating5_raw` AS STRING)) = '' THEN 'local_stores: blank rating' ELSE 'local_stores: "' || TRIM(CAST(`rating5_raw` AS STRING)) || '" is not a rating (1-5 or 优秀/良好/合格/较差/不合格)' END
      WHEN `rating6` IS NULL THEN CASE WHEN TRIM(CAST(`rating6_raw` AS STRING)) IS NULL OR TRIM(CAST(`rating6_raw` AS STRING)) = '' THEN 'local_sales: blank rating' ELSE 'local_sales: "' || TRIM(CAST(`rating6_raw` AS STRING)) || '" is not a rating (1-5 or 优秀/良好/合格/较差/不合格)' END
      WHEN `rating7` IS NULL THEN CASE WHEN TRIM(CAST(`rating7_raw` AS STRING)) IS NULL OR TRIM(CAST(`rating7_raw` AS STRING)) = '' THEN 'location: blank rating' ELSE 'location: "' || TRIM(CAST(`rating7_raw` AS STRING)) || '" is not a rating (1-5 or 优秀/良好/合格/较差/不合格)' END
      WHEN `rating8` IS NULL THEN CASE WHEN TRIM(CAST(`rating8_raw` AS STRING)) IS NULL OR TRIM(CAST(`rating8_raw` AS STRING)) = '' THEN 'sales_per_m2: blank rating' ELSE 'sales_per_m2: "' || TRIM(CAST(`rating8_raw` AS STRING)) || '" is not a rating (1-5 or 优秀/良好/合格/较差/不合格)' END
      WHEN `rating9` IS NULL THEN CASE WHEN TRIM(CAST(`rating9_raw` AS STRING)) IS NULL OR TRIM(CAST(`rating9_raw` AS STRING)) = '' THEN 'fit_out: blank rating' ELSE 'fit_out: "' || TRIM(CAST(`rating9_raw` AS STRING)) || '" is not a rating (1-5 or 优秀/良好/合格/较差/不合格)' END
      WHEN `rating10` IS NULL THEN CASE WHEN TRIM(CAST(`rating10_raw` AS STRING)) IS NULL OR TRIM(CAST(`rating10_raw` AS STRING)) = '' THEN 'display: blank rating' ELSE 'display: "' || TRIM(CAST(`rating10_raw` AS STRING)) || '" is not a rating (1-5 or 优秀/良好/合格/较差/不合格)' END
      WHEN `rating11` IS NULL THEN CASE WHEN TRIM(CAST(`rating11_raw` AS STRING)) IS NULL OR TRIM(CAST(`rating11_raw` AS STRING)) = '' THEN 'assortment: blank rating' ELSE 'assortment: "' || TRIM(CAST(`rating11_raw` AS STRING)) || '" is not a rating (1-5 or 优秀/良好/合格/较差/不合格)' END
      WHEN `rating12` IS NULL THEN CASE WHEN TRIM(CAST(`rating12_raw` AS STRING)) IS NULL OR TRIM(CAST(`rating12_raw` AS STRING)) = '' THEN 'service: blank rating' ELSE 'service: "' || TRIM(CAST(`rating12_raw` AS STRING)) || '" is not a rating (1-5 or 优秀/良好/合格/较差/不合格)' END
      WHEN `rating13` IS NULL THEN CASE WHEN TRIM(CAST(`rating13_raw` AS STRING)) IS NULL OR TRIM(CAST(`rating13_raw` AS STRING)) = '' THEN 'promotion: blank rating' ELSE 'promotion: "' || TRIM(CAST(`rating13_raw` AS STRING)) || '" is not a rating (1-5 or 优秀/良好/合格/较差/不合格)' END
      WHEN `rating14` IS NULL THEN CASE WHEN TRIM(CAST(`rating14_raw` AS STRING)) IS NULL OR TRIM(CAST(`rating14_raw` AS STRING)) = '' THEN 'rent_on_time: blank rating' ELSE 'rent_on_time: "' || TRIM(CAST(`rating14_raw` AS STRING)) || '" is not a rating (1-5 or 优秀/良好/合格/较差/不合格)' END
      WHEN `rating15` IS NULL THEN CASE WHEN TRIM(CAST(`rating15_raw` AS STRING)) IS NULL OR TRIM(CAST(`rating15_raw` AS STRING)) = '' THEN 'replanning: blank rating' ELSE 'replanning: "' || TRIM(CAST(`rating15_raw` AS STRING)) || '" is not a rating (1-5 or 优秀/良好/合格/较差/不合格)' END
      WHEN `rating16` IS NULL THEN CASE WHEN TRIM(CAST(`rating16_raw` AS STRING)) IS NULL OR TRIM(CAST(`rating16_raw` AS STRING)) = '' THEN 'joins_promotions: blank rating' ELSE 'joins_promotions: "' || TRIM(CAST(`rating16_raw` AS STRING)) || '" is not a rating (1-5 or 优秀/良好/合格/较差/不合格)' END
      WHEN `rating17` IS NULL THEN CASE WHEN TRIM(CAST(`rating17_raw` AS STRING)) IS NULL OR TRIM(CAST(`rating17_raw` AS STRING)) = '' THEN 'rent_yield: blank rating' ELSE 'rent_yield: "' || TRIM(CAST(`rating17_raw` AS STRING)) || '" is not a rating (1-5 or 优秀/良好/合格/较差/不合格)' END
      WHEN `rating18` IS NULL THEN CASE WHEN TRIM(CAST(`rating18_raw` AS STRING)) IS NULL OR TRIM(CAST(`rating18_raw` AS STRING)) = '' THEN 'complaint_rate: blank rating' ELSE 'complaint_rate: "' || TRIM(CAST(`rating18_raw` AS STRING)) || '" is not a rating (1-5 or 优秀/良好/合格/较差/不合格)' END
      WHEN (`stage` IS NULL OR `stage` NOT IN ('新场', '调整', '成熟')) THEN CASE WHEN `stage` IS NULL OR `stage` = '' THEN 'stage: blank stage is not one of 新场, 调整, 成熟' ELSE 'stage: stage "' || `stage` || '" is not one of 新场, 调整, 成熟' END
    END AS issue
  FROM valued LEFT JOIN duplicates ON valued.customer_id = duplicates.duplicate_id
),
scored AS (
  SELECT prepared.*, CASE WHEN issue IS NULL THEN CASE stage WHEN '新场' THEN (7 * `rating1` + 6 * `rating2` + 9 * `rating3` + 9 * `rating4` + 7 * `rating5` + 7 * `rating6` + 3 * `rating7` + 3 * `rating8` + 6 * `rating9` + 5 * `rating10` + 6 * `rating11` + 5 * `rating12` + 7 * `rating13` + 4 * `rating14` + 5 * `rating15` + 5 * `rating16` + 3 * `rating17` + 3 * `rating18`) / 100
      WHEN '调整' THEN (7 * `rating1` + 7 * `rating2` + 7 * `rating3` + 9 * `rating4` + 8 * `rating5` + 9 * `rating6` + 3 * `rating7` + 3 * `rating8` + 7 * `rating9` + 3 * `rating10` + 6 * `rating11` + 5 * `rating12` + 5 * `rating13` + 5 * `rating14` + 5 * `rating15` + 5 * `rating16` + 3 * `rating17` + 3 * `rating18`) / 100
      WHEN '成熟' THEN (9 * `rating1` + 9 * `rating2` + 8 * `rating3` + 7 * `rating4` + 5 * `rating5` + 9 * `rating6` + 5 * `rating7` + 3 * `rating8` + 5 * `rating9` + 3 * `rating10` + 6 * `rating11` + 3 * `rating12` + 3 * `rating13` + 7 * `rating14` + 3 * `rating15` + 3 * `rating16` + 7 * `rating17` + 5 * `rating18`) / 100 END END AS score
  FROM prepared
),
starred AS (
  SELECT scored.*, CASE WHEN score >= CAST('4.5' AS DOUBLE) THEN 5 WHEN score >= 4 THEN 4 WHEN score >= 3 THEN 3 WHEN score >= CAST('2.5' AS DOUBLE) THEN 2 WHEN score IS NOT NULL THEN 1 END AS stars
  FROM scored
)
SELECT customer_id,
  FLOOR(score * 100 + 0.5) / 100 AS `score`,
  stars AS `stars`,
  CASE WHEN stars >= 4 THEN 'A' WHEN stars >= 2 THEN 'B' WHEN stars = 1 THEN 'C' END AS `class`,
  CASE CASE stars WHEN 5 THEN '5 stars' WHEN 4 THEN '4 stars' WHEN 3 THEN '3 stars' WHEN 2 THEN '2 stars' WHEN 1 THEN '1 star' END WHEN '5 stars' THEN 'class A: renew, a strategic partner, holiday greetings and the tenants\' evening, regular interviews (one record a month)' WHEN '4 stars' THEN 'class A: renew, a strategic partner, holiday greetings and the tenants\' evening, regular interviews (one record a month)' WHEN '3 stars' THEN 'class B: adjust (short renewal or a new position), regular interviews (one record a month)' WHEN '2 stars' THEN 'class B: adjust (short renewal or a new position), regular interviews (one record a month)' WHEN '1 star' THEN 'class C: do not renew when the lease ends, regular interviews (one record a month)' END AS `strategy`,
  CASE stars WHEN 5 THEN '5 stars' WHEN 4 THEN '4 stars' WHEN 3 THEN '3 stars' WHEN 2 THEN '2 stars' WHEN 1 THEN '1 star' END AS tier,
  issue AS issue
FROM starred
