import { z } from "zod";
import { TierError } from "../errors";
import { rfmClusters } from "../kmeans";
import { base, distinctKeys, tierDef, tierInfos } from "./parts";
import { cents, rfmInputs } from "./rfm";
import type { MethodDef, MethodRun, OutValue, RowReason } from "./types";

export const kmeansSchema = z
  .object({
    ...base,
    method: z.literal("kmeans"),
    /** The number of clusters the user chooses (the preset's 4). */
    k: z.number().int().min(2).max(9),
    /** The random seed of the k-means++ start: the same seed gives the same clusters. */
    seed: z.number().int().min(0).optional(),
    /** Names, colours and strategies by rank on value, best first; one per cluster when given. */
    tiers: z.array(tierDef).optional(),
  })
  .strict();
export type KmeansRules = z.infer<typeof kmeansSchema>;

/** The seed used when a rule set names none. */
export const KMEANS_SEED = 1;

const fail = (code: string, params: Record<string, string | number>, path: string): never => {
  throw new TierError(code, params, path);
};

/** Default tiers by rank: 第1类（价值最高）… for a k the rule set gives no names for. */
function rankTiers(k: number) {
  return Array.from({ length: k }, (_, i) => ({
    key: `c${i + 1}`,
    name: {
      zh: i === 0 ? "第1类（价值最高）" : i === k - 1 ? `第${k}类（价值最低）` : `第${i + 1}类`,
      en:
        i === 0
          ? "Cluster 1 (highest value)"
          : i === k - 1
            ? `Cluster ${k} (lowest value)`
            : `Cluster ${i + 1}`,
    },
  }));
}

/**
 * k-means clusters on RFM (source 003, "客户潜力聚类分析：通过K-means聚类分析，识别高潜力客户"): k
 * chosen by the user, clusters named by their centroid's rank on value (mean amount), 1 = highest;
 * the seed makes the clusters the same on every run. No SQL or formula form: it is iterative.
 *
 * @example methodOf(preset("kmeans")).run(input, preset("kmeans")).tier[0] // "high"
 */
export const kmeansMethod: MethodDef<KmeansRules> = {
  id: "kmeans",
  schema: kmeansSchema,
  chart: "rfm",
  check(rs) {
    if (!rs.tiers) return;
    if (rs.tiers.length !== rs.k) fail("kmeans.tierCount", { k: rs.k, tiers: rs.tiers.length }, "tiers");
    distinctKeys(
      rs.tiers.map((t) => t.key),
      "tiers",
      fail,
    );
  },
  needs: () => [{ role: "customer_id" }, { role: "recency_days" }, { role: "frequency" }, { role: "amount" }],
  tiers: (rs) => tierInfos(rs.tiers ?? rankTiers(rs.k), true),
  run(input, rs): MethodRun {
    const n = input.n;
    const issue: (RowReason | null)[] = new Array(n).fill(null);
    const tier: (string | null)[] = new Array(n).fill(null);
    const [rec, fre, amt] = rfmInputs(input, issue);
    const keys = (rs.tiers ?? rankTiers(rs.k)).map((t) => t.key);
    const { rank } = rfmClusters(rec, fre, amt, rs.k, rs.seed ?? KMEANS_SEED);
    const cluster: OutValue[] = new Array(n);
    for (let i = 0; i < n; i++) {
      cluster[i] = rank[i] === 0 ? null : rank[i];
      if (rank[i] !== 0 && !input.failed[i]) tier[i] = keys[rank[i] - 1];
    }
    return {
      columns: [
        ["recency_days", cents(input.numeric("recency_days"))],
        ["frequency", cents(input.numeric("frequency"))],
        ["amount", cents(input.numeric("amount"))],
        ["cluster", cluster],
      ],
      tier,
      issue,
    };
  },
};
