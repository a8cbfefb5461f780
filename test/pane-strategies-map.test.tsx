// @vitest-environment jsdom
/**
 * The pane's strategies fields on the presets whose tiers come from the method (RFM eight classes,
 * lifecycle stages, stars, nine-grid cells) and on ABC: they edit the rule set's `strategies` map by tier key.
 */
import { cleanup, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { renderEditor } from "./editor-harness";

describe("the pane's strategies on method tiers (策略 by tier key)", () => {
  it("edits an RFM class's strategies in the map, keeping the other language", async () => {
    let last: Record<string, unknown> = {};
    renderEditor("rfm8", "zh-CN", (d) => (last = d));
    const field = screen.getByLabelText("重要价值客户的策略") as HTMLInputElement;
    expect(field.value).toBe("VIP 专属服务、优先体验新品");
    await userEvent.clear(field);
    await userEvent.type(field, "年度答谢会、专属客服");
    const map = last.strategies as Record<string, { zh: string[]; en: string[] }>;
    expect(map["important-value"].zh).toEqual(["年度答谢会", "专属客服"]);
    expect(map["important-value"].en).toEqual(["VIP service", "early access to new products"]);
  });

  it("shows one field per lifecycle stage, star and nine-grid cell, in the pane's language", () => {
    renderEditor("lifecycle", "en-US");
    expect((screen.getByLabelText("Strategies of Loyal") as HTMLInputElement).value).toBe(
      "double points, first access to new products",
    );
    cleanup();
    renderEditor("scorecard", "zh-CN");
    expect((screen.getByLabelText("1星的策略") as HTMLInputElement).value).toBe(
      "C级维护：合约到期则不再续约、定期客户访谈（每月一例记录）",
    );
    cleanup();
    renderEditor("grid9", "zh-CN");
    expect(screen.getAllByLabelText(/的策略$/)).toHaveLength(9);
  });

  it("edits ABC's strategies in English and keeps the Chinese list", async () => {
    let last: Record<string, unknown> = {};
    renderEditor("abc", "en-US", (d) => (last = d));
    const field = screen.getByLabelText("Strategies of A") as HTMLInputElement;
    await userEvent.clear(field);
    await userEvent.type(field, "key account team");
    const map = last.strategies as Record<string, { zh: string[]; en: string[] }>;
    expect(map.A.en).toEqual(["key account team"]);
    // The Chinese list is kept as it was.
    expect(map.A.zh).toEqual(["个性化、高端的服务体验", "专属销售顾问", "定制化的解决方案"]);
  });
});
