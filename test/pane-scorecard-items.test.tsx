// @vitest-environment jsdom
import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { parseIsoDay } from "../src/engine/dates";
import { preset } from "../src/engine/presets";
import { type RuleSet } from "../src/engine/ruleset";
import { tableFromRows } from "../src/engine/table";
import { validate } from "../src/taskpane/validate";
import { gradeIn } from "./present";
import { renderEditor, sameAsImport } from "./editor-harness";

const AS_OF = parseIsoDay("2025-12-31");

async function retype(label: string, text: string) {
  const box = screen.getByLabelText(label) as HTMLInputElement;
  await userEvent.clear(box);
  if (text !== "") await userEvent.type(box, text);
  await userEvent.tab();
}

describe("the items editor of the dealer card", () => {
  const DEALER = preset("dealer");
  if (DEALER.method !== "scorecard") throw new Error("dealer is a scorecard");
  const names = DEALER.criteria.map((c) => c.name.zh);
  /**
   * As in test/pane-policy-editors.test.tsx: 40 units of 现有设备数量 (4 points on the example bands,
   * 20 or more), 17 items at 5 points, 品牌宣传情况 and 客户本人品质 at 0; every item weighs 5
   * (20 × 5 = 100), so the 百分制 score is the sum of points: 4 + 17 × 5 = 89, four stars (80分以上).
   */
  const row = DEALER.criteria.map((c, j) => {
    if (j === 0) return 40;
    if (j >= 18) return 0;
    const band = DEALER.bands?.[c.key];
    return band ? (band[0].min ?? band[0].max) : 5;
  });
  const grade = (
    rs: RuleSet,
    header: readonly string[],
    cells: readonly unknown[],
    lang: "zh" | "en" = "en",
  ) =>
    gradeIn(
      tableFromRows(
        [
          ["经销商编号", ...header],
          ["D1", ...cells],
        ],
        false,
        "经销商",
      ),
      rs,
      {
        asOf: AS_OF,
        input: "customers",
        explain: true,
        lang,
      },
    ).columns;

  it("adding 售后网点数 read from 网点数 with weight 5 (and 客户本人品质 lowered to 0) equals the imported rule file and lifts the dealer from 89 to 94 points, five stars", async () => {
    const { draft } = renderEditor("dealer", "zh-CN");
    await userEvent.type(screen.getByLabelText("新项目名称"), "售后网点数");
    await userEvent.type(screen.getByLabelText(/新项目的来源列/), "网点数");
    await userEvent.click(screen.getByRole("button", { name: "添加该项目" }));
    // 21 items at 5: the sum check speaks up until one weight gives way.
    expect(screen.getByText("权重合计 105%，必须等于 100%。")).toBeTruthy();
    expect(validate(draft()).ruleSet).toBeNull();
    await retype("客户本人品质的权重", "0");
    const weights = [...DEALER.profiles.default.slice(0, 19), 0, 5];
    const rs = sameAsImport(draft(), {
      ...DEALER,
      criteria: [...DEALER.criteria, { key: "网点数", name: { zh: "售后网点数", en: "售后网点数" } }],
      profiles: { default: weights },
    });
    // Hand computed: 89 − 0 (客户本人品质 now weighs nothing) + 5 (网点数 rated 5) = 94 ≥ 90, five stars.
    expect(grade(DEALER, names, row)).toMatchObject({ score: [89], stars: [4] });
    expect(grade(rs, [...names, "网点数"], [...row, 5])).toMatchObject({ score: [94], stars: [5] });
    // Rated 2 instead: 89 + 2 = 91, still five stars; rated 0 (items may score 0): 89, four stars.
    expect(grade(rs, [...names, "网点数"], [...row, 2])).toMatchObject({ score: [91], stars: [5] });
    expect(grade(rs, [...names, "网点数"], [...row, 0])).toMatchObject({ score: [89], stars: [4] });
  });

  it("an item added with point bands starts with one band (0 or more → 5 points) that the bands editor shows", async () => {
    const { draft } = renderEditor("dealer", "en-US");
    await userEvent.type(screen.getByLabelText("Name of the new item"), "Service outlets");
    await userEvent.type(screen.getByLabelText("Weight of the new item (in every profile)"), "{Backspace}0");
    await userEvent.click(screen.getByRole("radio", { name: "from a raw figure by point bands" }));
    await userEvent.click(screen.getByRole("button", { name: "Add the item" }));
    expect(screen.getByText("Service outlets (1 bands)")).toBeTruthy();
    const rs = sameAsImport(draft(), {
      ...DEALER,
      criteria: [
        ...DEALER.criteria,
        { key: "Service outlets", name: { zh: "Service outlets", en: "Service outlets" } },
      ],
      profiles: { default: [...DEALER.profiles.default, 0] },
      bands: { ...DEALER.bands, "Service outlets": [{ min: 0, points: 5 }] },
    });
    // Weight 0: the new item is read but moves nothing (89 points as before).
    expect(grade(rs, [...names, "Service outlets"], [...row, 12])).toMatchObject({ score: [89] });
  });

  it("removing 现有设备数量 shows the weights problem in Chinese until a weight is raised to make 100 again, and its bands go with it", async () => {
    const { draft } = renderEditor("dealer", "zh-CN");
    await userEvent.click(screen.getByRole("button", { name: "删除项目「现有设备数量」" }));
    expect(screen.getByText("权重合计 95%，必须等于 100%。")).toBeTruthy();
    expect(validate(draft(), "zh").fields).toEqual({
      "profiles.default": { key: "invalid.weights", params: { sum: "95" } },
    });
    await retype("现有设备总吨位的权重", "10");
    expect(screen.queryByText("权重合计 95%，必须等于 100%。")).toBeNull();
    expect(screen.getByText("合计：100% ✓")).toBeTruthy();
    const bands = Object.fromEntries(Object.entries(DEALER.bands!).filter(([k]) => k !== "fleet"));
    const rs = sameAsImport(draft(), {
      ...DEALER,
      criteria: DEALER.criteria.slice(1),
      profiles: { default: [10, ...DEALER.profiles.default.slice(2)] },
      bands,
    });
    // Hand computed without 现有设备数量 (4 points): 现有设备总吨位 at 5 points weighs 10, so 85 + 5 = 90, five stars.
    expect(grade(rs, names.slice(1), row.slice(1))).toMatchObject({ score: [90], stars: [5] });
  });

  it("renaming 品牌宣传情况 to 品牌推广 reads the column 品牌推广 and the reason names it as the item lowering the score most", async () => {
    const { draft } = renderEditor("dealer", "zh-CN");
    await retype("第 19 项的名称", "品牌推广");
    const criteria = DEALER.criteria.map((c, j) =>
      j === 18 ? { ...c, name: { ...c.name, zh: "品牌推广" } } : c,
    );
    const rs = sameAsImport(draft(), { ...DEALER, criteria });
    const header = names.map((h, j) => (j === 18 ? "品牌推广" : h));
    const out = grade(rs, header, row, "zh");
    expect(out).toMatchObject({ score: [89], stars: [4] });
    // 品牌宣传情况 (now 品牌推广) and 客户本人品质 both score 0; the first one found lowers the score most.
    expect(String(out.reason[0])).toContain("拉低最多：品牌推广（0 分）");
  });
});

describe("the items editor of the tenant scorecard (three stage profiles)", () => {
  const TENANT = preset("scorecard");
  if (TENANT.method !== "scorecard") throw new Error("scorecard is a scorecard");

  it("an added item gains its weight in 新场, 调整 and 成熟 alike, and removing it again gives the preset back", async () => {
    const { draft } = renderEditor("scorecard", "en-US");
    const count = TENANT.criteria.length;
    await userEvent.type(screen.getByLabelText("Name of the new item"), "Parking");
    await userEvent.type(screen.getByLabelText("Weight of the new item (in every profile)"), "{Backspace}0");
    await userEvent.click(screen.getByRole("button", { name: "Add the item" }));
    sameAsImport(draft(), {
      ...TENANT,
      criteria: [...TENANT.criteria, { key: "Parking", name: { zh: "Parking", en: "Parking" } }],
      profiles: Object.fromEntries(Object.entries(TENANT.profiles).map(([k, w]) => [k, [...w, 0]])),
    });
    await userEvent.click(screen.getByRole("button", { name: "Remove the item Parking" }));
    expect(Object.values(draft().profiles as Record<string, number[]>).map((w) => w.length)).toEqual([
      count,
      count,
      count,
    ]);
    sameAsImport(draft(), TENANT);
  });
});

describe("the customer types editor of the dealer card", () => {
  const DEALER = preset("dealer");
  if (DEALER.method !== "scorecard") throw new Error("dealer is a scorecard");

  it("shows the five types A–E as the rule set holds them, and a meaning edited in Chinese is the imported file's", async () => {
    const { draft } = renderEditor("dealer", "zh-CN");
    const types = DEALER.customerTypes!.types;
    expect(types.map((t) => t.key)).toEqual(["A", "B", "C", "D", "E"]);
    for (const [i, ty] of types.entries()) {
      expect((screen.getByLabelText(`类别 ${i + 1}：字母`) as HTMLInputElement).value).toBe(ty.key);
      expect((screen.getByLabelText(`类别 ${i + 1}：含义`) as HTMLInputElement).value).toBe(ty.name.zh);
    }
    await retype("类别 5：含义", "政府及事业单位客户");
    sameAsImport(draft(), {
      ...DEALER,
      customerTypes: {
        ...DEALER.customerTypes,
        types: types.map((t, i) => (i === 4 ? { ...t, name: { ...t.name, zh: "政府及事业单位客户" } } : t)),
      },
    });
  });
});
