/**
 * The chart parts both file writers place, read back: well-formed, children in the order the
 * DrawingML schema (ECMA-376 Part 1, dml-chart.xsd: CT_BarChart, CT_BarSer, CT_LineSer, CT_DPt,
 * CT_CatAx, CT_ValAx, CT_ChartSpace) prescribes — Excel refuses a chart whose children are out of
 * order, LibreOffice does not, so only a test catches it — and every cached point equal to the cell
 * its formula names.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { SaxesParser } from "saxes";
import { describe, expect, it } from "vitest";
import { preset } from "../src/engine/presets";
import { tableFromRows } from "../src/engine/table";
import { gradedWorkbook } from "../src/workbook/file-host";
import { parseXlsx } from "../src/workbook/files";
import { gradeIn } from "./present";
import { MIGRATION_SHADES } from "../src/engine/charts-migration";
import { compareSnapshots } from "../src/engine/history";
import { FileHost } from "../src/workbook/file-host";
import { PackageHost } from "../src/workbook/package-host";
import { migrationSheetText } from "../src/workbook/migration-text";
import { writeChanges } from "../src/workbook/write-plan";
import { BEFORE, NOW, TIERS } from "./helpers/migration-example";

interface Node {
  name: string;
  attributes: Record<string, string>;
  children: Node[];
  text: string;
}

function parse(xml: string): Node {
  const parser = new SaxesParser();
  const root: Node = { name: "#root", attributes: {}, children: [], text: "" };
  const stack = [root];
  parser.on("opentag", (t) => {
    const node: Node = {
      name: t.name,
      attributes: t.attributes as Record<string, string>,
      children: [],
      text: "",
    };
    stack.at(-1)!.children.push(node);
    stack.push(node);
  });
  parser.on("text", (t) => (stack.at(-1)!.text += t));
  parser.on("closetag", () => void stack.pop());
  parser.write(xml).close();
  return root.children[0];
}

function all(node: Node, name: string): Node[] {
  const out: Node[] = [];
  const walk = (n: Node) => {
    if (n.name === name) out.push(n);
    n.children.forEach(walk);
  };
  walk(node);
  return out;
}

/** Child sequences from dml-chart.xsd (local names, the ones we write and their neighbours). */
const ORDER: Record<string, string[]> = {
  "c:chartSpace": [
    "c:date1904",
    "c:lang",
    "c:roundedCorners",
    "c:AlternateContent",
    "c:style",
    "c:clrMapOvr",
    "c:pivotSource",
    "c:protection",
    "c:chart",
    "c:spPr",
    "c:txPr",
    "c:externalData",
    "c:printSettings",
    "c:userShapes",
    "c:extLst",
  ],
  "c:chart": [
    "c:title",
    "c:autoTitleDeleted",
    "c:pivotFmts",
    "c:view3D",
    "c:floor",
    "c:sideWall",
    "c:backWall",
    "c:plotArea",
    "c:legend",
    "c:plotVisOnly",
    "c:dispBlanksAs",
    "c:showDLblsOverMax",
    "c:extLst",
  ],
  "c:barChart": [
    "c:barDir",
    "c:grouping",
    "c:varyColors",
    "c:ser",
    "c:dLbls",
    "c:gapWidth",
    "c:overlap",
    "c:serLines",
    "c:axId",
    "c:extLst",
  ],
  "c:lineChart": [
    "c:grouping",
    "c:varyColors",
    "c:ser",
    "c:dLbls",
    "c:dropLines",
    "c:hiLowLines",
    "c:upDownBars",
    "c:marker",
    "c:smooth",
    "c:axId",
    "c:extLst",
  ],
  "c:dPt": [
    "c:idx",
    "c:invertIfNegative",
    "c:marker",
    "c:bubble3D",
    "c:explosion",
    "c:spPr",
    "c:pictureOptions",
    "c:extLst",
  ],
  "c:dLbls": [
    "c:dLbl",
    "c:delete",
    "c:numFmt",
    "c:spPr",
    "c:txPr",
    "c:dLblPos",
    "c:showLegendKey",
    "c:showVal",
    "c:showCatName",
    "c:showSerName",
    "c:showPercent",
    "c:showBubbleSize",
    "c:separator",
    "c:showLeaderLines",
    "c:leaderLines",
    "c:extLst",
  ],
  "c:catAx": [
    "c:axId",
    "c:scaling",
    "c:delete",
    "c:axPos",
    "c:majorGridlines",
    "c:minorGridlines",
    "c:title",
    "c:numFmt",
    "c:majorTickMark",
    "c:minorTickMark",
    "c:tickLblPos",
    "c:spPr",
    "c:txPr",
    "c:crossAx",
    "c:crosses",
    "c:crossesAt",
    "c:auto",
    "c:lblAlgn",
    "c:lblOffset",
    "c:tickLblSkip",
    "c:tickMarkSkip",
    "c:noMultiLvlLbl",
    "c:extLst",
  ],
  "c:valAx": [
    "c:axId",
    "c:scaling",
    "c:delete",
    "c:axPos",
    "c:majorGridlines",
    "c:minorGridlines",
    "c:title",
    "c:numFmt",
    "c:majorTickMark",
    "c:minorTickMark",
    "c:tickLblPos",
    "c:spPr",
    "c:txPr",
    "c:crossAx",
    "c:crosses",
    "c:crossesAt",
    "c:crossBetween",
    "c:majorUnit",
    "c:minorUnit",
    "c:dispUnits",
    "c:extLst",
  ],
  "c:scaling": ["c:logBase", "c:orientation", "c:max", "c:min", "c:extLst"],
  "c:legend": ["c:legendPos", "c:legendEntry", "c:layout", "c:overlay", "c:spPr", "c:txPr", "c:extLst"],
};
const BAR_SER = [
  "c:idx",
  "c:order",
  "c:tx",
  "c:spPr",
  "c:invertIfNegative",
  "c:pictureOptions",
  "c:dPt",
  "c:dLbls",
  "c:trendline",
  "c:errBars",
  "c:cat",
  "c:val",
  "c:shape",
  "c:extLst",
];
const LINE_SER = [
  "c:idx",
  "c:order",
  "c:tx",
  "c:spPr",
  "c:marker",
  "c:dPt",
  "c:dLbls",
  "c:trendline",
  "c:errBars",
  "c:cat",
  "c:val",
  "c:smooth",
  "c:extLst",
];

/** The children of `node` out of the schema's order, as "parent: child after later", or none. */
function outOfOrder(node: Node, parent?: string): string[] {
  const seq = node.name === "c:ser" ? (parent === "c:lineChart" ? LINE_SER : BAR_SER) : ORDER[node.name];
  const bad: string[] = [];
  if (seq) {
    let at = -1;
    for (const child of node.children) {
      const k = seq.indexOf(child.name);
      if (k < 0) bad.push(`${node.name}: unknown ${child.name}`);
      else if (k < at) bad.push(`${node.name}: ${child.name} after ${seq[at]}`);
      else at = k;
    }
  }
  for (const child of node.children) bad.push(...outOfOrder(child, node.name));
  return bad;
}

/** `'Sheet'!$B$4:$B$8` → the sheet name and 0-based cells. */
function cellsOf(ref: string): { sheet: string; cells: [number, number][] } {
  const m = /^'((?:[^']|'')+)'!\$([A-Z]+)\$(\d+)(?::\$([A-Z]+)\$(\d+))?$/.exec(ref)!;
  const col = (s: string) => [...s].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  const c = col(m[2]);
  const top = Number(m[3]) - 1;
  const bottom = m[5] ? Number(m[5]) - 1 : top;
  const cells: [number, number][] = [];
  for (let r = top; r <= bottom; r++) cells.push([r, c]);
  return { sheet: m[1].replace(/''/g, "'"), cells };
}

async function graded(presetName: string, rows: unknown[][], fileName: string) {
  const csv = rows.map((r) => r.join(",")).join("\n");
  const bytes = new TextEncoder().encode(csv);
  const table = tableFromRows(rows, false, "data");
  const result = gradeIn(table, preset(presetName), { asOf: 20000, lang: "zh" });
  return gradedWorkbook(bytes, fileName, "data", table, result, "zh");
}

async function check(out: Uint8Array): Promise<number> {
  const zip = await JSZip.loadAsync(out);
  const parts = Object.keys(zip.files).filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n));
  const book = await parseXlsx(out);
  const sheet = (name: string) => book.sheets.find((s) => s.name === name)!.rows;
  for (const part of parts) {
    const root = parse(await zip.file(part)!.async("string"));
    expect(outOfOrder(root), part).toEqual([]);
    // Each series: its name, categories and values point at cells holding exactly what is cached.
    for (const ref of [...all(root, "c:strRef"), ...all(root, "c:numRef")]) {
      const f = all(ref, "c:f")[0].text;
      const { sheet: name, cells } = cellsOf(f);
      const rows = sheet(name);
      const cached = new Map(all(ref, "c:pt").map((p) => [Number(p.attributes.idx), all(p, "c:v")[0].text]));
      expect(Number(all(ref, "c:ptCount")[0].attributes.val), f).toBe(cells.length);
      cells.forEach(([r, c], i) => {
        const v = rows[r]?.[c] ?? "";
        const want = cached.get(i) ?? "";
        if (typeof v === "number") expect(Number(want), `${f} #${i}`).toBeCloseTo(v, 9);
        else expect(want, `${f} #${i}`).toBe(String(v));
      });
    }
  }
  return parts.length;
}

describe("chart parts read back", () => {
  it("ABC with 300 customers: the distribution and the per-percentile Pareto chart follow the schema and their caches match the cells", async () => {
    const rows: unknown[][] = [["客户", "销售额"]];
    for (let i = 0; i < 300; i++) rows.push([`c${i}`, 1000 - 3 * i]);
    expect(await check(await graded("abc", rows, "abc.csv"))).toBe(2);
  });

  it("the pyramid's centred bars (a hidden spacer series) follow the schema and their caches match the cells", async () => {
    const rows: unknown[][] = [["客户", "销售额"]];
    for (let i = 0; i < 100; i++) rows.push([`c${i}`, 100 - i]);
    const out = await graded("pyramid", rows, "pyramid.csv");
    expect(await check(out)).toBe(2);
    const zip = await JSZip.loadAsync(out);
    const pyramid = await zip.file("xl/charts/chart2.xml")!.async("string");
    expect(pyramid).toContain('<c:grouping val="stacked"/>');
    expect(pyramid).toContain('<c:overlap val="100"/>');
    expect(pyramid).toContain("<c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>");
  });

  it("a workbook graded surgically (the package writer) places the same valid charts", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("data");
    const rows: unknown[][] = [["客户", "销售额"]];
    for (let i = 0; i < 60; i++) rows.push([`c${i}`, 100 + 37 * ((i * 7) % 60)]);
    rows.forEach((r) => ws.addRow(r));
    const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const table = tableFromRows(rows, false, "data");
    const result = gradeIn(table, preset("abc"), { asOf: 20000, lang: "zh" });
    const out = await gradedWorkbook(bytes, "abc.xlsx", "data", table, result, "zh");
    expect(await check(out)).toBe(2);
    // The summary's header row prints on every page; graded again, the name is replaced, not doubled.
    const again = await gradedWorkbook(out, "abc.xlsx", "data", table, result, "zh");
    const book = await (await JSZip.loadAsync(again)).file("xl/workbook.xml")!.async("string");
    expect(book.match(/_xlnm\.Print_Titles" localSheetId="1">[^<]*/g)).toEqual([
      '_xlnm.Print_Titles" localSheetId="1">\'分级汇总\'!$7:$7',
    ]);
  });

  it("the change log's tier flow (a stacked column per previous tier, from the matrix) follows the schema, caches the hand-made counts and sits under the coloured matrix", async () => {
    const host = FileHost.empty();
    const m = compareSnapshots(BEFORE, NOW, TIERS, "zh");
    const sheet = await writeChanges(host, m, "zh", undefined, TIERS);
    const out = await host.toXlsx();
    expect(await check(out)).toBe(1);
    const zip = await JSZip.loadAsync(out);
    const xml = await zip.file("xl/charts/chart1.xml")!.async("string");
    expect(xml).toContain('<c:barDir val="col"/><c:grouping val="stacked"/>');
    expect(xml).toContain('<c:overlap val="100"/>');
    const root = parse(xml);
    // A series per current tier (and gone), in the tier's colour; a column per previous tier (and new).
    const series = all(root, "c:ser");
    expect(series.map((s) => all(s, "a:srgbClr")[0].attributes.val)).toEqual([
      "1F4E79",
      "C9A227",
      "A6A6A6",
      "C55A11",
    ]);
    const values = series.map((s) => all(all(s, "c:val")[0], "c:v").map((v) => Number(v.text)));
    // The hand-made matrix (test/helpers/migration-example.ts) read by columns: A, B, C, (none).
    expect(values).toEqual([
      [1, 1, 0, 1],
      [1, 0, 1, 0],
      [0, 1, 1, 1],
      [0, 1, 0, 0],
    ]);
    expect(all(all(series[0], "c:cat")[0], "c:v").map((v) => v.text)).toEqual(["甲", "乙", "丙", "（无）"]);
    // The matrix beside the change list: up in green, down in red, the diagonal grey, the key beneath.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(out as unknown as ArrayBuffer);
    const ws = wb.getWorksheet(sheet)!;
    const fillOf = (ref: string) =>
      (ws.getCell(ref).fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb?.slice(2);
    expect(ws.getCell("F1").value).toBe("原等级 \\ 新等级");
    expect(fillOf("G3")).toBe(MIGRATION_SHADES.up.high.slice(1)); // 乙 → 甲
    expect(fillOf("H2")).toBe(MIGRATION_SHADES.down.high.slice(1)); // 甲 → 乙
    expect(fillOf("H3")).toBe(MIGRATION_SHADES.same.low.slice(1)); // 乙 → 乙, nobody
    expect(fillOf("G5")).toBe(MIGRATION_SHADES.new.high.slice(1));
    expect(fillOf("J3")).toBe(MIGRATION_SHADES.gone.high.slice(1));
    expect(ws.getCell("F7").value).toBe(migrationSheetText("zh", "key"));
  });

  it("the surgical package writer (the standalone page's files) places the same valid flow chart on the change log", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("data").addRow(["客户", "等级"]);
    const host = PackageHost.fromBytes(
      new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer),
      "q4.xlsx",
    );
    await writeChanges(host, compareSnapshots(BEFORE, NOW, TIERS, "zh"), "zh", undefined, TIERS);
    const out = await host.toXlsx();
    expect(await check(out)).toBe(1);
    const xml = await (await JSZip.loadAsync(out)).file("xl/charts/chart1.xml")!.async("string");
    expect(xml).toContain('<c:grouping val="stacked"/>');
  });

  it("the order check itself reports a child out of the schema's order", () => {
    expect(outOfOrder(parse("<c:barChart><c:grouping/><c:barDir/></c:barChart>"))).toEqual([
      "c:barChart: c:barDir after c:grouping",
    ]);
  });
});
