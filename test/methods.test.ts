import { describe, expect, it } from "vitest";
import { METHOD_IDS, METHODS, methodOf, tierKeyOf, tiersOf, type RuleSet } from "../src/engine/methods";
import { PRESETS, preset, PRESET_NAMES } from "../src/engine/presets";
import { parseRuleSet } from "../src/engine/ruleset";
import { SQL_METHODS } from "../src/sql/methods";
import { EDITORS } from "../src/taskpane/editors/registry";

const LEVEL: RuleSet = parseRuleSet({
  method: "level",
  name: { zh: "积分等级", en: "Points level" },
  column: "amount",
  tiers: [
    { key: "basic", name: { zh: "普通", en: "Basic" }, min: 0 },
    { key: "plus", name: { zh: "高级", en: "Plus" }, min: 1000 },
  ],
});

/** One rule set per method: the presets, and a level table (no preset uses that method). */
const EXAMPLES: RuleSet[] = [...PRESET_NAMES.map((n) => preset(n)), LEVEL];

describe("the method registry", () => {
  it("lists every method of the rule-set schema, and every preset's method is in it", () => {
    expect(METHOD_IDS.sort()).toEqual(
      [
        "abc",
        "grid",
        "level",
        "lifecycle",
        "pyramid",
        "rfm",
        "rfm8",
        "rules",
        "scorecard",
        "clv",
        "kmeans",
      ].sort(),
    );
    for (const name of PRESET_NAMES) expect(METHOD_IDS).toContain(PRESETS[name].method);
    for (const id of METHOD_IDS)
      expect(
        EXAMPLES.some((r) => r.method === id),
        id,
      ).toBe(true);
  });

  it("gives each method all its facets: schema, checks, needs, tiers, run, chart kind, SQL and editor", () => {
    for (const id of METHOD_IDS) {
      const m = METHODS[id];
      expect(m.id).toBe(id);
      expect(typeof m.schema.safeParse).toBe("function");
      expect(typeof m.check).toBe("function");
      expect(typeof m.needs).toBe("function");
      expect(typeof m.tiers).toBe("function");
      expect(typeof m.run).toBe("function");
      expect(["pareto", "pyramid", "grid", "rfm", "stars", "distribution"]).toContain(m.chart);
      expect(typeof SQL_METHODS[id], `SQL of ${id}`).toBe("function");
      expect(typeof EDITORS[id], `editor of ${id}`).toBe("function");
    }
  });

  it("gives every tier of every example a unique key, a Chinese and an English name and a #RRGGBB colour", () => {
    for (const rules of EXAMPLES) {
      const tiers = tiersOf(rules);
      expect(tiers.length, rules.name.en).toBeGreaterThan(1);
      expect(new Set(tiers.map((t) => t.key)).size, rules.name.en).toBe(tiers.length);
      for (const t of tiers) {
        expect(t.name.zh.trim(), `${rules.name.en} ${t.key}`).not.toBe("");
        expect(t.name.en.trim(), `${rules.name.en} ${t.key}`).not.toBe("");
        expect(t.colour, `${rules.name.en} ${t.key}`).toMatch(/^#[0-9A-Fa-f]{6}$/);
      }
    }
  });

  it("needs at least a customer id, and each schema accepts its own example", () => {
    for (const rules of EXAMPLES) {
      const m = methodOf(rules);
      expect(m.needs(rules).map((n) => n.role)).toContain("customer_id");
      expect(m.schema.safeParse(rules).success, rules.name.en).toBe(true);
      expect(() => m.check(rules)).not.toThrow();
    }
  });

  it("reads a tier back from its key or from its name in either language (history written in Chinese, read in English)", () => {
    const tiers = tiersOf(preset("membership"));
    expect(tiers.map((t) => t.key)).toEqual(["diamond", "gold", "silver", "regular", "new"]);
    expect(tierKeyOf(tiers, "金卡")).toBe("gold");
    expect(tierKeyOf(tiers, "Gold")).toBe("gold");
    expect(tierKeyOf(tiers, "gold")).toBe("gold");
    expect(tierKeyOf(tiers, "铂金")).toBeUndefined();
  });

  it("refuses two tiers with one key and a nine-grid with a cell twice, naming the field", () => {
    const abc = structuredClone(preset("abc")) as Extract<RuleSet, { method: "abc" }>;
    abc.tiers[2].key = "A";
    expect(() => parseRuleSet(abc)).toThrow(
      expect.objectContaining({ code: "rules.duplicateKey", path: "tiers[2]" }),
    );
    const grid = structuredClone(preset("grid9")) as Extract<RuleSet, { method: "grid" }>;
    grid.cells[8].cell = "A1";
    expect(() => parseRuleSet(grid)).toThrow(
      expect.objectContaining({ code: "rules.duplicateCell", path: "cells[8].cell" }),
    );
  });
});
