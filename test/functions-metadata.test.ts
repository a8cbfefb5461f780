// functions.json is generated from the JSDoc of src/functions/functions.ts by the metadata plugin during
// the production build; this reads what the build emitted, the file Excel actually loads.
import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ensureBuild } from "../scripts/ensure-build";
import { finishFunctionsJson } from "../scripts/functions-json.js";
import { callAsExcel, FakeCellError } from "./fake-excel";

interface Param {
  name: string;
  type?: string;
  dimensionality?: string;
  optional?: boolean;
  description?: string;
}
interface Fn {
  id: string;
  name: string;
  description?: string;
  parameters: Param[];
  result: { dimensionality?: string; type?: string };
}

/** Parameter names; a trailing `?` marks an optional one, `[]` a range (matrix). */
const EXPECTED: Record<string, string[]> = {
  RFM: ["recency_days[]", "frequency[]", "amount[]", "bins?", "method[]?"],
  RECENCY: ["last_dates[]", "as_of?"],
  SEGMENT: ["r[]", "f[]", "m[]", "table[]?", "lang?"],
  RFM8: ["recency_days[]", "frequency[]", "amount[]", "lang?"],
  ABC: ["values[]", "a?", "b?"],
  PARETO: ["values[]", "a?", "b?"],
  PYRAMID: ["values[]", "cuts[]?", "names[]?", "lang?"],
  LEVEL: ["values[]", "thresholds[]", "names[]"],
  SCORE: ["ratings[]", "weights[]", "scale?"],
  STARS: ["ratings[]", "weights[]", "thresholds[]?", "scale?"],
  GRID: ["x[]", "y[]", "x_cuts[]?", "y_cuts[]?"],
  LIFECYCLE: ["first_dates[]", "last_dates[]", "frequency[]", "as_of?", "windows[]?", "lang?"],
  PALIVE: ["x[]", "t_x[]", "T[]"],
  CLV: ["x[]", "t_x[]", "T[]", "average_spend[]", "horizon?", "discount?", "unit?"],
  NEXT: ["values[]", "thresholds[]", "names[]"],
};

let functions: Fn[];
let metadata: Record<string, unknown>;
let script: string;

beforeAll(async () => {
  const dist = await ensureBuild();
  metadata = JSON.parse(readFileSync(path.join(dist, "functions.json"), "utf8")) as Record<string, unknown>;
  functions = metadata.functions as Fn[];
  script = readFileSync(path.join(dist, "functions.js"), "utf8");
}, 360_000);

describe("dist/functions.json from the production build", () => {
  it("lists exactly the fifteen TIER functions, id = name", () => {
    expect(functions.map((f) => f.id).sort()).toEqual(Object.keys(EXPECTED).sort());
    for (const f of functions) expect(f.name).toBe(f.id);
  });

  it.each(Object.entries(EXPECTED))(
    "%s has the expected parameters, ranges as matrix, and a matrix result",
    (id, params) => {
      const f = functions.find((x) => x.id === id)!;
      const shown = f.parameters.map(
        (p) => `${p.name}${p.dimensionality === "matrix" ? "[]" : ""}${p.optional ? "?" : ""}`,
      );
      expect(shown).toEqual(params);
      expect(f.result.dimensionality).toBe("matrix");
      // Every function and parameter carries the help text Excel shows while typing.
      expect(f.description?.length).toBeGreaterThan(20);
      for (const p of f.parameters) expect(p.description?.length, `${id}(${p.name})`).toBeGreaterThan(5);
    },
  );

  it("functions.js registers every id with CustomFunctions.associate", () => {
    for (const id of Object.keys(EXPECTED)) expect(script).toContain(`CustomFunctions.associate("${id}"`);
  });

  it("lets errors in: allowErrorForDataTypeAny is true and every parameter is of type any", () => {
    // custom-functions-json, allowErrorForDataTypeAny: only parameters of type any receive errors.
    expect(metadata.allowErrorForDataTypeAny).toBe(true);
    for (const f of functions) for (const p of f.parameters) expect(p.type, `${f.id}(${p.name})`).toBe("any");
  });

  it("leaves out allowCustomDataForDataTypeAny, which needs CustomFunctionsRuntime 1.4 (not in Excel 2021 or 2024)", () => {
    expect(metadata).not.toHaveProperty("allowCustomDataForDataTypeAny");
  });

  it("with this metadata Excel calls TIER.ABC over a range holding #N/A, and only that row fails", async () => {
    Object.assign(globalThis, {
      CustomFunctions: {
        Error: class {
          constructor(
            readonly code: string,
            readonly message?: string,
          ) {}
        },
        ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A" },
        associate: () => undefined,
      },
    });
    const { tierAbc } = await import("../src/functions/functions");
    const abc = functions.find((f) => f.id === "ABC")!;
    const out = callAsExcel(
      tierAbc as (...args: unknown[]) => unknown,
      { ...abc, allowErrorForDataTypeAny: metadata.allowErrorForDataTypeAny === true },
      [[[500], [new FakeCellError("#N/A")], [300]]],
      "desktop",
    ) as unknown[][];
    expect(out.map((r) => r[0])).toEqual(["A", expect.objectContaining({ code: "#N/A" }), "A"]);
  });
});

describe("finishFunctionsJson (the post-build step)", () => {
  it("sets allowErrorForDataTypeAny, drops allowCustomDataForDataTypeAny and keeps the functions as they are", () => {
    const fromPlugin = Object.freeze({ allowCustomDataForDataTypeAny: true, functions: [{ id: "ABC" }] });
    expect(finishFunctionsJson(fromPlugin)).toEqual({
      allowErrorForDataTypeAny: true,
      functions: [{ id: "ABC" }],
    });
    expect(fromPlugin).toHaveProperty("allowCustomDataForDataTypeAny", true);
  });
});
