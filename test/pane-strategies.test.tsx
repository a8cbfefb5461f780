// @vitest-environment jsdom
import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { format } from "../src/i18n";
import { renderEditor } from "./editor-harness";

describe("the pane's strategies and example thresholds", () => {
  it("shows each tier's strategies as a list the user edits, in the pane's language", async () => {
    let last: Record<string, unknown> = {};
    renderEditor("three-level", "zh-CN", (d) => (last = d));
    const field = screen.getByLabelText("核心客户的策略") as HTMLInputElement;
    expect(field.value).toBe("专属客户经理、定期回访、定期培训");
    await userEvent.clear(field);
    await userEvent.type(field, "专属客户经理、季度回访");
    const tiers = last.tiers as { key: string; strategies: { zh: string[]; en: string[] } }[];
    const core = tiers.find((t) => t.key === "core")!;
    expect(core.strategies.zh).toEqual(["专属客户经理", "季度回访"]);
    // The English list is kept as it was.
    expect(core.strategies.en).toHaveLength(3);
  });

  it("flags the thresholds the source does not give as 示例门槛, as they stand in the draft", () => {
    renderEditor("walk-in", "zh-CN");
    expect(screen.getByText("示例门槛")).toBeTruthy();
    // Role columns read in the pane's language (消费次数, not frequency).
    const f = format("zh-CN", "role.frequency");
    const a = format("zh-CN", "role.amount");
    expect(screen.getByText(new RegExp(`${f} ≥ 12；${a} ≥ 5000；${f} ≥ 3`))).toBeTruthy();
  });

  it("shows no example note for a preset whose numbers all come from the source", () => {
    renderEditor("three-level", "en-US");
    expect(screen.queryByText("Example thresholds (示例门槛)")).toBeNull();
  });

  it("keeps one cluster name per cluster when the user changes k", async () => {
    let last: Record<string, unknown> = {};
    renderEditor("kmeans", "en-US", (d) => (last = d));
    const k = screen.getByLabelText("Number of clusters (k)") as HTMLInputElement;
    expect(k.value).toBe("4");
    await userEvent.clear(k);
    await userEvent.type(k, "5");
    expect(last.k).toBe(5);
    expect((last.tiers as { name: { en: string } }[]).map((t) => t.name.en)).toEqual([
      "High value",
      "Upper-middle value",
      "Lower-middle value",
      "Basic",
      "Cluster 5",
    ]);
  });
});
