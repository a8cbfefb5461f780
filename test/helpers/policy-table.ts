import type { RuleSet } from "../../src/engine/methods";

const OPS: Record<string, string> = { ">=": "≥", "<=": "≤", "<>": "≠" };

/**
 * The rows of docs/policies.md's threshold table for one preset: each rule condition (and k for
 * k-means) with whether its value comes from the source (来源) or is an example (示例), read from the
 * preset's `examples`. The docs test checks that the page holds every row.
 */
export function policyRows(name: string, rs: RuleSet): string[] {
  const examples = new Set(rs.examples ?? []);
  const mark = (path: string) => (examples.has(path) ? "示例 example" : "来源 source");
  if (rs.method === "kmeans") return [`| ${name} | all | k = ${rs.k} | ${mark("k")} |`];
  if (rs.method !== "rules") return [];
  const rows: string[] = [];
  rs.rules.forEach((r, i) => {
    const tier = rs.tiers.find((t) => t.key === r.tier)!;
    r.when.forEach((c, j) => {
      const value = Array.isArray(c.value) ? c.value.join(c.op === "between" ? "–" : "、") : String(c.value);
      rows.push(
        `| ${name} | ${tier.name.zh} | ${c.column} ${OPS[c.op] ?? c.op} ${value} | ${mark(`rules[${i}].when[${j}].value`)} |`,
      );
    });
  });
  return rows;
}
