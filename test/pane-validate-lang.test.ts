import { describe, expect, it } from "vitest";
import { preset } from "../src/engine/presets";
import { validate } from "../src/taskpane/validate";

/** A rule set that passes the schema but fails a meaning check: two RFM segments share one name. */
function twinSegments(): Record<string, unknown> {
  const rs = structuredClone(preset("rfm")) as unknown as { segments: { name: string }[] };
  rs.segments[1].name = rs.segments[0].name;
  return rs as unknown as Record<string, unknown>;
}

describe("the pane's rule checks", () => {
  it("word a meaning check in Chinese for a Chinese pane, on the field the check names", () => {
    const v = validate(twinSegments(), "zh");
    expect(v.ruleSet).toBeNull();
    expect(v.fields["segments.1.name"]).toEqual({
      key: "invalid.other",
      params: { reason: "键“Champions”重复使用" },
    });
  });

  it("word the same check in English for an English pane", () => {
    expect(validate(twinSegments(), "en").fields["segments.1.name"]?.params).toEqual({
      reason: 'the key "Champions" is used twice',
    });
  });
});
