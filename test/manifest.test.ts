// manifest.xml against what Excel needs for one shared runtime (task pane + custom functions) and
// against what the production build emits: every URL must name a file in dist/.
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type { ManifestInfo } from "office-addin-manifest";
import { beforeAll, describe, expect, it } from "vitest";
import { DIST, ROOT, ensureBuild } from "../scripts/ensure-build";
import { REQUIRED_SETS } from "../src/workbook/office-host";

type Node = { $?: Record<string, string>; [child: string]: unknown };
const MANIFEST = path.join(ROOT, "manifest.xml");
const ORIGIN = "https://localhost:3000/";

let xml: { OfficeApp: Node };
let info: ManifestInfo;

/** Every element named `name` anywhere below `node` (xml2js keeps children as arrays). */
function all(node: unknown, name: string, out: Node[] = []): Node[] {
  if (Array.isArray(node)) node.forEach((n) => all(n, name, out));
  else if (node !== null && typeof node === "object") {
    for (const [k, v] of Object.entries(node as Node)) {
      if (k === "$") continue;
      if (k === name) (Array.isArray(v) ? v : [v]).forEach((n) => out.push(n as Node));
      all(v, name, out);
    }
  }
  return out;
}
const one = (node: unknown, name: string): Node => {
  const found = all(node, name);
  expect(found, name).toHaveLength(1);
  return found[0];
};
const attr = (n: Node, a: string) => n.$?.[a];

beforeAll(async () => {
  // Imported after the ajv stopgap: office-addin-manifest loads ajv-draft-04 when it loads.
  const { OfficeAddinManifest } = await import("office-addin-manifest");
  info = await OfficeAddinManifest.readManifestFile(MANIFEST);
  const { parseStringPromise } = createRequire(import.meta.url)("xml2js") as {
    parseStringPromise: (xml: string) => Promise<{ OfficeApp: Node }>;
  };
  const { readFileSync } = await import("node:fs");
  xml = await parseStringPromise(readFileSync(MANIFEST, "utf8"));
  await ensureBuild();
}, 400_000);

describe("manifest.xml", () => {
  it("reads with office-addin-manifest as a workbook add-in opening taskpane.html", () => {
    expect(info.id).toMatch(/^[0-9a-f-]{36}$/i);
    expect(info.hosts).toContain("Workbook");
    expect(info.defaultSettings?.sourceLocation).toBe(`${ORIGIN}taskpane.html`);
  });

  it("asks for the shared runtime: Requirements SharedRuntime 1.1 and one long-lived Runtime", () => {
    const sets = all(one(xml.OfficeApp, "Requirements"), "Set");
    expect(sets.map((s) => [attr(s, "Name"), attr(s, "MinVersion")])).toContainEqual([
      "SharedRuntime",
      "1.1",
    ]);
    const runtime = one(one(xml.OfficeApp, "Runtimes"), "Runtime");
    expect(attr(runtime, "lifetime")).toBe("long");
    expect(attr(runtime, "resid")).toBe("Taskpane.Url");
  });

  it("declares the requirement sets the code uses: the start-up check's sets, and CustomFunctionsRuntime 1.2 for CustomFunctions.Error", async () => {
    const declared = all(one(xml.OfficeApp, "Requirements"), "Set").map((s) => [
      attr(s, "Name"),
      attr(s, "MinVersion"),
    ]);
    for (const need of REQUIRED_SETS) expect(declared).toContainEqual([need.name, need.version]);
    // CustomFunctions.Error (the #VALUE! and #N/A with a message) is CustomFunctionsRuntime 1.2.
    const { readFileSync } = await import("node:fs");
    const functionsSource = readFileSync(path.join(ROOT, "src", "functions", "convert.ts"), "utf8");
    expect(functionsSource).toContain("new CustomFunctions.Error(");
    expect(declared).toContainEqual(["CustomFunctionsRuntime", "1.2"]);
    // Nothing newer than what Excel 2021 has: CustomFunctionsRuntime 1.4 (data types) would shut it out.
    expect(declared.filter(([name]) => name === "CustomFunctionsRuntime")).toEqual([
      ["CustomFunctionsRuntime", "1.2"],
    ]);
    const metadata = JSON.parse(readFileSync(path.join(DIST, "functions.json"), "utf8")) as object;
    expect(metadata).not.toHaveProperty("allowCustomDataForDataTypeAny");
  });

  it("declares the CustomFunctions extension point with Script, Page, Metadata and the TIER namespace", () => {
    const points = all(xml.OfficeApp, "ExtensionPoint").filter(
      (p) => attr(p, "xsi:type") === "CustomFunctions",
    );
    expect(points).toHaveLength(1);
    const cf = points[0];
    const res = (part: string) => attr(one(one(cf, part), "SourceLocation"), "resid");
    expect(resource(res("Script")!)).toBe(`${ORIGIN}functions.js`);
    expect(resource(res("Metadata")!)).toBe(`${ORIGIN}functions.json`);
    // The page of the shared runtime is the runtime's own page.
    expect(res("Page")).toBe(attr(one(one(xml.OfficeApp, "Runtimes"), "Runtime"), "resid"));
    expect(resource(attr(one(cf, "Namespace"), "resid")!)).toBe("TIER");
  });

  it("defines every resid it uses in Resources", () => {
    const used = new Set<string>();
    const walk = (n: unknown) => {
      if (Array.isArray(n)) n.forEach(walk);
      else if (n !== null && typeof n === "object") {
        const id = (n as Node).$?.resid;
        if (id) used.add(id);
        Object.entries(n as Node).forEach(([k, v]) => k !== "$" && walk(v));
      }
    };
    walk(xml.OfficeApp);
    const missing = [...used].filter((id) => resource(id) === undefined);
    expect(missing).toEqual([]);
  });

  it("points every URL at a file the production build emits in dist/", () => {
    const urls = new Set<string>();
    const walk = (n: unknown) => {
      if (Array.isArray(n)) n.forEach(walk);
      else if (n !== null && typeof n === "object") {
        // Namespace declarations (xmlns) are names, not addresses.
        for (const [k, v] of Object.entries((n as Node).$ ?? {}))
          if (!k.startsWith("xmlns") && /^https?:\/\//.test(v)) urls.add(v);
        Object.entries(n as Node).forEach(([k, v]) => k !== "$" && walk(v));
      }
    };
    walk(xml.OfficeApp);
    expect(urls.size).toBeGreaterThan(5);
    const missing = [...urls].filter(
      (u) => !u.startsWith(ORIGIN) || !existsSync(path.join(DIST, u.slice(ORIGIN.length))),
    );
    expect(missing).toEqual([]);
    for (const f of ["functions.js", "functions.json", "taskpane.html"])
      expect(urls).toContain(`${ORIGIN}${f}`);
    expect([...urls].some((u) => /assets\/icon-\d+\.png$/.test(u))).toBe(true);
  });
});

/** The DefaultValue of the resource with this id (Images, Urls, ShortStrings, LongStrings). */
function resource(id: string): string | undefined {
  const resources = one(xml.OfficeApp, "Resources");
  for (const kind of ["bt:Image", "bt:Url", "bt:String"]) {
    const hit = all(resources, kind).find((n) => attr(n, "id") === id);
    if (hit) return attr(hit, "DefaultValue");
  }
  return undefined;
}
