/**
 * Native Excel charts in an .xlsx written by exceljs, which cannot write charts itself: after
 * `writeBuffer`, the zip is opened with JSZip and a DrawingML chart is added per request — the chart
 * part (`xl/charts/chartN.xml`), a drawing that anchors it to cells (`xl/drawings/drawingN.xml`), the
 * relationships between sheet, drawing and chart, the sheet's `<drawing r:id>` element and the
 * content types. Browser-safe (no Node imports).
 *
 * The one chart drawn is the Pareto chart: a column per customer's sales on the primary axis, the
 * cumulative share as a line on a secondary axis from 0 to 100 %, and flat lines at the 80 % and 95 %
 * marks. Series point at cells of the sheet and carry a cache of their values, so Excel, LibreOffice
 * and viewers that never recalculate all draw the same picture.
 */
import JSZip from "jszip";
import type { ChartRequest } from "./host";

/** A series: its name (and the cell holding it), the range of its values, and the values. */
export interface ChartSeries {
  name: string;
  nameRef: string;
  ref: string;
  values: number[];
}

/** A cell corner of the drawing anchor: 0-based column and row, offsets in EMU. */
export interface AnchorCorner {
  col: number;
  row: number;
  colOff: number;
  rowOff: number;
}

export interface ParetoChartSpec {
  sheetName: string;
  title: string;
  categories: { ref: string; values: string[] };
  sales: ChartSeries;
  cumulative: ChartSeries;
  marks: ChartSeries[];
  from: AnchorCorner;
  to: AnchorCorner;
}

export const NS = {
  c: "http://schemas.openxmlformats.org/drawingml/2006/chart",
  a: "http://schemas.openxmlformats.org/drawingml/2006/main",
  r: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  xdr: "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing",
  rels: "http://schemas.openxmlformats.org/package/2006/relationships",
  relChart: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart",
  relDrawing: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing",
  ctChart: "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
  ctDrawing: "application/vnd.openxmlformats-officedocument.drawing+xml",
};

export const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** Text for XML content and attributes; drops characters XML 1.0 cannot hold. */
export function xmlEscape(s: string): string {
  return (
    s
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, "")
      .replace(/&/g, "&amp;")
      .replace(/</g, "&lt;")
      .replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;")
  );
}

function xmlUnescape(s: string): string {
  return s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&amp;/g, "&");
}

/** A sheet name as it appears in a formula reference: always quoted, quotes doubled. */
export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

function num(x: number): string {
  return Number.isFinite(x) ? String(x) : "0";
}

export function strRef(ref: string, values: readonly string[]): string {
  const pts = values.map((v, i) => `<c:pt idx="${i}"><c:v>${xmlEscape(v)}</c:v></c:pt>`).join("");
  return `<c:strRef><c:f>${xmlEscape(ref)}</c:f><c:strCache><c:ptCount val="${values.length}"/>${pts}</c:strCache></c:strRef>`;
}

export function numRef(ref: string, values: readonly number[], format: string): string {
  const pts = values.map((v, i) => `<c:pt idx="${i}"><c:v>${num(v)}</c:v></c:pt>`).join("");
  return `<c:numRef><c:f>${xmlEscape(ref)}</c:f><c:numCache><c:formatCode>${xmlEscape(format)}</c:formatCode><c:ptCount val="${values.length}"/>${pts}</c:numCache></c:numRef>`;
}

export function line(colour: string, widthEmu: number, dash?: string): string {
  return `<c:spPr><a:ln w="${widthEmu}" cap="rnd"><a:solidFill><a:srgbClr val="${colour}"/></a:solidFill>${dash ? `<a:prstDash val="${dash}"/>` : ""}<a:round/></a:ln></c:spPr>`;
}

export function text(size: number, colour = "404040", bold = false): string {
  return `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size}" b="${bold ? 1 : 0}"><a:solidFill><a:srgbClr val="${colour}"/></a:solidFill></a:defRPr></a:pPr><a:endParaRPr lang="en-US"/></a:p></c:txPr>`;
}

const COLOURS = { sales: "4472C4", cumulative: "ED7D31", marks: ["7F7F7F", "C00000", "70AD47"] };

/**
 * The chart part (`xl/charts/chartN.xml`) of a Pareto chart: a clustered column chart of sales on
 * the primary axes and a line chart (cumulative share, then one flat line per mark) on a secondary
 * value axis fixed at 0..1 and formatted 0 %. Category labels are shown for up to 40 customers; with
 * more, the bars alone tell the shape and the labels would be unreadable.
 *
 * @example paretoChartXml(spec).startsWith("<?xml") // true
 */
export function paretoChartXml(spec: ParetoChartSpec): string {
  const n = spec.categories.values.length;
  const cat = `<c:cat>${strRef(spec.categories.ref, spec.categories.values)}</c:cat>`;
  const tx = (s: ChartSeries) => `<c:tx>${strRef(s.nameRef, [s.name])}</c:tx>`;
  const showLabels = n <= 40;
  const bar =
    `<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>` +
    `<c:ser><c:idx val="0"/><c:order val="0"/>${tx(spec.sales)}` +
    `<c:spPr><a:solidFill><a:srgbClr val="${COLOURS.sales}"/></a:solidFill></c:spPr>` +
    `<c:invertIfNegative val="0"/>${cat}<c:val>${numRef(spec.sales.ref, spec.sales.values, "#,##0.00")}</c:val></c:ser>` +
    `<c:gapWidth val="${n > 100 ? 0 : 40}"/><c:axId val="50010"/><c:axId val="50020"/></c:barChart>`;
  const lineSer = (s: ChartSeries, idx: number, spPr: string) =>
    `<c:ser><c:idx val="${idx}"/><c:order val="${idx}"/>${tx(s)}${spPr}<c:marker><c:symbol val="none"/></c:marker>` +
    `${cat}<c:val>${numRef(s.ref, s.values, "0%")}</c:val><c:smooth val="0"/></c:ser>`;
  const lines =
    `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>` +
    lineSer(spec.cumulative, 1, line(COLOURS.cumulative, 28575)) +
    spec.marks
      .map((m, k) => lineSer(m, 2 + k, line(COLOURS.marks[k % COLOURS.marks.length], 15875, "dash")))
      .join("") +
    `<c:marker val="1"/><c:axId val="50030"/><c:axId val="50040"/></c:lineChart>`;
  const catAx = (id: number, cross: number, deleted: boolean) =>
    `<c:catAx><c:axId val="${id}"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="${deleted ? 1 : 0}"/>` +
    `<c:axPos val="b"/><c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/>` +
    `<c:tickLblPos val="${showLabels && !deleted ? "nextTo" : "none"}"/>` +
    `<c:spPr><a:ln w="9525"><a:solidFill><a:srgbClr val="BFBFBF"/></a:solidFill></a:ln></c:spPr>${text(800)}` +
    `<c:crossAx val="${cross}"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/>` +
    `<c:noMultiLvlLbl val="0"/></c:catAx>`;
  const valAx =
    `<c:valAx><c:axId val="50020"/><c:scaling><c:orientation val="minMax"/><c:min val="0"/></c:scaling><c:delete val="0"/>` +
    `<c:axPos val="l"/><c:majorGridlines><c:spPr><a:ln w="6350"><a:solidFill><a:srgbClr val="E0E0E0"/></a:solidFill></a:ln></c:spPr></c:majorGridlines>` +
    `<c:numFmt formatCode="#,##0" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
    `${text(800)}<c:crossAx val="50010"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>`;
  const shareAx =
    `<c:valAx><c:axId val="50040"/><c:scaling><c:orientation val="minMax"/><c:max val="1"/><c:min val="0"/></c:scaling>` +
    `<c:delete val="0"/><c:axPos val="r"/><c:numFmt formatCode="0%" sourceLinked="0"/><c:majorTickMark val="out"/>` +
    `<c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>${text(800)}<c:crossAx val="50030"/><c:crosses val="max"/>` +
    `<c:crossBetween val="between"/><c:majorUnit val="0.2"/></c:valAx>`;
  const title =
    `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1200" b="1"/></a:pPr>` +
    `<a:r><a:rPr lang="zh-CN" sz="1200" b="1"/><a:t>${xmlEscape(spec.title)}</a:t></a:r></a:p></c:rich></c:tx>` +
    `<c:overlay val="0"/></c:title>`;
  return (
    XML_HEAD +
    `<c:chartSpace xmlns:c="${NS.c}" xmlns:a="${NS.a}" xmlns:r="${NS.r}">` +
    `<c:roundedCorners val="0"/><c:chart>${title}<c:autoTitleDeleted val="0"/>` +
    `<c:plotArea><c:layout/>${bar}${lines}${catAx(50010, 50020, false)}${valAx}${catAx(50030, 50040, true)}${shareAx}</c:plotArea>` +
    `<c:legend><c:legendPos val="b"/><c:overlay val="0"/>${text(900)}</c:legend><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>` +
    `<c:spPr><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill><a:ln w="9525"><a:solidFill><a:srgbClr val="D9D9D9"/></a:solidFill></a:ln></c:spPr>` +
    `</c:chartSpace>`
  );
}

/** The drawing part: one two-cell anchor per chart, holding a graphic frame that points at rId1, rId2 … */
export function drawingXml(
  anchors: readonly { from: AnchorCorner; to: AnchorCorner; name: string }[],
): string {
  const corner = (tag: string, p: AnchorCorner) =>
    `<xdr:${tag}><xdr:col>${p.col}</xdr:col><xdr:colOff>${Math.round(p.colOff)}</xdr:colOff>` +
    `<xdr:row>${p.row}</xdr:row><xdr:rowOff>${Math.round(p.rowOff)}</xdr:rowOff></xdr:${tag}>`;
  const body = anchors
    .map(
      (a, i) =>
        `<xdr:twoCellAnchor editAs="oneCell">${corner("from", a.from)}${corner("to", a.to)}` +
        `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="${xmlEscape(a.name)}"/>` +
        `<xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
        `<a:graphic><a:graphicData uri="${NS.c}"><c:chart xmlns:c="${NS.c}" xmlns:r="${NS.r}" r:id="rId${i + 1}"/>` +
        `</a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`,
    )
    .join("");
  return XML_HEAD + `<xdr:wsDr xmlns:xdr="${NS.xdr}" xmlns:a="${NS.a}">${body}</xdr:wsDr>`;
}

function relsXml(rels: readonly { id: string; type: string; target: string }[]): string {
  return (
    XML_HEAD +
    `<Relationships xmlns="${NS.rels}">` +
    rels
      .map((r) => `<Relationship Id="${r.id}" Type="${r.type}" Target="${xmlEscape(r.target)}"/>`)
      .join("") +
    `</Relationships>`
  );
}

function attr(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name.replace(/[:]/g, "\\:")}="([^"]*)"`).exec(tag);
  return m ? xmlUnescape(m[1]) : undefined;
}

/** Sheet name → path of its part in the zip (`xl/worksheets/sheet1.xml`), from workbook.xml and its rels. */
async function sheetParts(zip: JSZip): Promise<Map<string, string>> {
  const book = await zip.file("xl/workbook.xml")!.async("string");
  const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = attr(m[0], "Id");
    const target = attr(m[0], "Target");
    if (id && target) targets.set(id, target.startsWith("/") ? target.slice(1) : `xl/${target}`);
  }
  const out = new Map<string, string>();
  for (const m of book.matchAll(/<sheet\b[^>]*>/g)) {
    const name = attr(m[0], "name");
    const rid = attr(m[0], "r:id");
    const path = rid ? targets.get(rid) : undefined;
    if (name !== undefined && path) out.set(name, path);
  }
  return out;
}

function freeIndex(zip: JSZip, prefix: string, used: Set<string>): number {
  for (let i = 1; ; i++) {
    const p = `${prefix}${i}.xml`;
    if (!zip.file(p) && !used.has(p)) {
      used.add(p);
      return i;
    }
  }
}

// Children of <worksheet> that must come after <drawing> (ECMA-376 CT_Worksheet order).
const AFTER_DRAWING = [
  "legacyDrawing",
  "legacyDrawingHF",
  "drawingHF",
  "picture",
  "oleObjects",
  "controls",
  "webPublishItems",
  "tableParts",
  "extLst",
];

/**
 * Adds the charts to an .xlsx: per sheet one new drawing holding that sheet's charts. A sheet that
 * already has a drawing (pictures exceljs wrote) is not given a second one: its charts are skipped
 * and reported, since a worksheet holds one `<drawing>` element.
 *
 * @example const bytes = await injectCharts(await workbook.xlsx.writeBuffer(), [spec]);
 */
export async function injectCharts(
  xlsx: Uint8Array | ArrayBuffer,
  charts: readonly AnyChartSpec[],
): Promise<{ bytes: Uint8Array; skipped: string[] }> {
  const zip = await JSZip.loadAsync(xlsx);
  const skipped: string[] = [];
  if (!charts.length) return { bytes: await zipBytes(zip), skipped };
  const parts = await sheetParts(zip);
  let types = await zip.file("[Content_Types].xml")!.async("string");
  const used = new Set<string>();
  const bySheet = new Map<string, AnyChartSpec[]>();
  for (const c of charts) bySheet.set(c.sheetName, [...(bySheet.get(c.sheetName) ?? []), c]);

  for (const [sheetName, list] of bySheet) {
    const sheetPath = parts.get(sheetName);
    if (!sheetPath) {
      skipped.push(sheetName);
      continue;
    }
    let sheetXml = await zip.file(sheetPath)!.async("string");
    if (/<drawing\b/.test(sheetXml)) {
      skipped.push(sheetName);
      continue;
    }
    const dir = sheetPath.slice(0, sheetPath.lastIndexOf("/"));
    const file = sheetPath.slice(sheetPath.lastIndexOf("/") + 1);
    const sheetRelsPath = `${dir}/_rels/${file}.rels`;

    const drawingIndex = freeIndex(zip, "xl/drawings/drawing", used);
    const drawingPath = `xl/drawings/drawing${drawingIndex}.xml`;
    const chartRels: { id: string; type: string; target: string }[] = [];
    list.forEach((spec, k) => {
      const chartIndex = freeIndex(zip, "xl/charts/chart", used);
      zip.file(`xl/charts/chart${chartIndex}.xml`, anyChartXml(spec));
      chartRels.push({ id: `rId${k + 1}`, type: NS.relChart, target: `../charts/chart${chartIndex}.xml` });
      types = addOverride(types, `/xl/charts/chart${chartIndex}.xml`, NS.ctChart);
    });
    zip.file(drawingPath, drawingXml(list.map((s) => ({ from: s.from, to: s.to, name: s.title }))));
    zip.file(`xl/drawings/_rels/drawing${drawingIndex}.xml.rels`, relsXml(chartRels));
    types = addOverride(types, `/${drawingPath}`, NS.ctDrawing);

    // The sheet's relationship to its drawing, with an id no other relationship of the sheet uses.
    const relsFile = zip.file(sheetRelsPath);
    let sheetRels = relsFile ? await relsFile.async("string") : relsXml([]);
    const ids = new Set([...sheetRels.matchAll(/\sId="([^"]*)"/g)].map((m) => m[1]));
    let n = 1;
    while (ids.has(`rId${n}`)) n++;
    const rid = `rId${n}`;
    const rel = `<Relationship Id="${rid}" Type="${NS.relDrawing}" Target="../drawings/drawing${drawingIndex}.xml"/>`;
    sheetRels = sheetRels.includes("</Relationships>")
      ? sheetRels.replace("</Relationships>", `${rel}</Relationships>`)
      : sheetRels.replace(/<Relationships([^>]*)\/>/, `<Relationships$1>${rel}</Relationships>`);
    zip.file(sheetRelsPath, sheetRels);

    if (!/<worksheet\b[^>]*\sxmlns:r=/.test(sheetXml))
      sheetXml = sheetXml.replace(/<worksheet\b/, `<worksheet xmlns:r="${NS.r}"`);
    const element = `<drawing r:id="${rid}"/>`;
    // Search after the last element that may nest an <extLst> of its own (a data bar's cfRule).
    const floor = Math.max(
      sheetXml.lastIndexOf("</sheetData>"),
      sheetXml.lastIndexOf("<sheetData/>"),
      sheetXml.lastIndexOf("</conditionalFormatting>"),
    );
    let at = -1;
    for (const tag of AFTER_DRAWING) {
      const re = new RegExp(`<${tag}[\\s/>]`, "g");
      re.lastIndex = Math.max(floor, 0);
      const m = re.exec(sheetXml);
      if (m && (at < 0 || m.index < at)) at = m.index;
    }
    if (at < 0) at = sheetXml.lastIndexOf("</worksheet>");
    sheetXml = sheetXml.slice(0, at) + element + sheetXml.slice(at);
    zip.file(sheetPath, sheetXml);
  }
  zip.file("[Content_Types].xml", types);
  return { bytes: await zipBytes(zip), skipped };
}

function addOverride(types: string, partName: string, contentType: string): string {
  if (types.includes(`PartName="${partName}"`)) return types;
  return types.replace(
    "</Types>",
    `<Override PartName="${xmlEscape(partName)}" ContentType="${contentType}"/></Types>`,
  );
}

function zipBytes(zip: JSZip): Promise<Uint8Array> {
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE", compressionOptions: { level: 6 } });
}

/** A series of a {@link FileChartSpec}: its cells and values, its colour, how it is drawn. */
export interface FileChartSeries extends ChartSeries {
  /** `RRGGBB` fill (bars) or line colour. */
  colour: string;
  /** A fill per bar (tier colours), overriding `colour`. */
  pointColours?: string[];
  /** Drawn as a line on a secondary axis from 0 to 100 % (the Pareto curve's cumulative share). */
  line?: boolean;
  /** Drawn without fill or line: the spacer that centres a pyramid's bars. */
  hidden?: boolean;
  /** Number format of value labels on the bars; no labels when absent. */
  labels?: string;
}

/**
 * A chart of one description kind (distribution, Pareto by percentile, pyramid): bars, horizontal
 * (`bar`), vertical (`column`) or centred on a hidden spacer (`pyramid`), with optional lines on a
 * 0..100 % secondary axis. Series point at cells (the hidden chart-data sheet) and carry caches.
 */
export interface FileChartSpec {
  sheetName: string;
  title: string;
  type: "column" | "bar" | "pyramid";
  categories: { ref: string; values: string[] };
  series: FileChartSeries[];
  /** Number format of the primary value axis ("0%", "#,##0"). */
  valueFormat: string;
  /** Show every k-th category label (100 percentile bars: every 10th). */
  labelEvery?: number;
  legend: boolean;
  from: AnchorCorner;
  to: AnchorCorner;
  /** Bars stacked on one another (the migration flow). */
  stacked?: boolean;
}

/** Any chart the file writers place: the legacy Pareto chart or one drawn from a chart description. */
export type AnyChartSpec = ParetoChartSpec | FileChartSpec;

function isFileChart(spec: AnyChartSpec): spec is FileChartSpec {
  return "series" in spec;
}

function fill(colour: string): string {
  return `<c:spPr><a:solidFill><a:srgbClr val="${colour}"/></a:solidFill></c:spPr>`;
}

const NO_FILL = `<c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>`;

function dataLabels(format: string, position?: string): string {
  return (
    `<c:dLbls><c:numFmt formatCode="${xmlEscape(format)}" sourceLinked="0"/>` +
    `<c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>${text(800)}` +
    (position ? `<c:dLblPos val="${position}"/>` : "") +
    `<c:showLegendKey val="0"/><c:showVal val="1"/><c:showCatName val="0"/><c:showSerName val="0"/>` +
    `<c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbls>`
  );
}

/**
 * The chart part of a {@link FileChartSpec}, in the element order ECMA-376 (CT_BarChart, CT_BarSer,
 * CT_DPt, CT_CatAx) prescribes, which Excel enforces and LibreOffice tolerates.
 *
 * @example fileChartXml(spec).includes("<c:barChart>") // true
 */
export function fileChartXml(spec: FileChartSpec): string {
  const cat = `<c:cat>${strRef(spec.categories.ref, spec.categories.values)}</c:cat>`;
  const tx = (s: ChartSeries) => `<c:tx>${strRef(s.nameRef, [s.name])}</c:tx>`;
  const bars = spec.series.filter((s) => !s.line);
  const lines = spec.series.filter((s) => s.line);
  const pyramid = spec.type === "pyramid";
  const horizontal = spec.type !== "column";
  const barSer = (s: FileChartSeries, idx: number) =>
    `<c:ser><c:idx val="${idx}"/><c:order val="${idx}"/>${tx(s)}${s.hidden ? NO_FILL : fill(s.colour)}` +
    `<c:invertIfNegative val="0"/>` +
    (s.pointColours && !s.hidden
      ? s.pointColours
          .map(
            (c, i) =>
              `<c:dPt><c:idx val="${i}"/><c:invertIfNegative val="0"/><c:bubble3D val="0"/>${fill(c)}</c:dPt>`,
          )
          .join("")
      : "") +
    (s.labels && !s.hidden ? dataLabels(s.labels, pyramid ? "ctr" : "outEnd") : "") +
    `${cat}<c:val>${numRef(s.ref, s.values, spec.valueFormat)}</c:val></c:ser>`;
  const bar =
    `<c:barChart><c:barDir val="${horizontal ? "bar" : "col"}"/><c:grouping val="${pyramid || spec.stacked ? "stacked" : "clustered"}"/>` +
    `<c:varyColors val="0"/>${bars.map((s, k) => barSer(s, k)).join("")}` +
    `<c:gapWidth val="${pyramid ? 10 : spec.categories.values.length > 50 ? 0 : 60}"/>` +
    (pyramid || spec.stacked ? `<c:overlap val="100"/>` : "") +
    `<c:axId val="60010"/><c:axId val="60020"/></c:barChart>`;
  const lineXml = lines.length
    ? `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>` +
      lines
        .map(
          (s, k) =>
            `<c:ser><c:idx val="${bars.length + k}"/><c:order val="${bars.length + k}"/>${tx(s)}${line(s.colour, 28575)}` +
            `<c:marker><c:symbol val="none"/></c:marker>${cat}<c:val>${numRef(s.ref, s.values, "0%")}</c:val><c:smooth val="0"/></c:ser>`,
        )
        .join("") +
      `<c:marker val="1"/><c:axId val="60030"/><c:axId val="60040"/></c:lineChart>`
    : "";
  const catAx = (id: number, cross: number, deleted: boolean) =>
    `<c:catAx><c:axId val="${id}"/><c:scaling><c:orientation val="${horizontal ? "maxMin" : "minMax"}"/></c:scaling>` +
    `<c:delete val="${deleted ? 1 : 0}"/><c:axPos val="${horizontal ? "l" : "b"}"/>` +
    `<c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/>` +
    `<c:tickLblPos val="${deleted ? "none" : pyramid ? "low" : "nextTo"}"/>` +
    `<c:spPr><a:ln w="9525"><a:solidFill><a:srgbClr val="BFBFBF"/></a:solidFill></a:ln></c:spPr>${text(800)}` +
    `<c:crossAx val="${cross}"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/>` +
    (spec.labelEvery
      ? `<c:tickLblSkip val="${spec.labelEvery}"/><c:tickMarkSkip val="${spec.labelEvery}"/>`
      : "") +
    `<c:noMultiLvlLbl val="0"/></c:catAx>`;
  const valAx =
    `<c:valAx><c:axId val="60020"/><c:scaling><c:orientation val="minMax"/>${pyramid ? "" : `<c:min val="0"/>`}</c:scaling>` +
    `<c:delete val="${pyramid ? 1 : 0}"/><c:axPos val="${horizontal ? "b" : "l"}"/>` +
    (pyramid
      ? ""
      : `<c:majorGridlines><c:spPr><a:ln w="6350"><a:solidFill><a:srgbClr val="E0E0E0"/></a:solidFill></a:ln></c:spPr></c:majorGridlines>`) +
    `<c:numFmt formatCode="${xmlEscape(spec.valueFormat)}" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/>` +
    `<c:tickLblPos val="nextTo"/>${text(800)}<c:crossAx val="60010"/><c:crosses val="${horizontal && !pyramid ? "max" : "autoZero"}"/>` +
    `<c:crossBetween val="between"/></c:valAx>`;
  const shareAx =
    `<c:valAx><c:axId val="60040"/><c:scaling><c:orientation val="minMax"/><c:max val="1"/><c:min val="0"/></c:scaling>` +
    `<c:delete val="0"/><c:axPos val="r"/><c:numFmt formatCode="0%" sourceLinked="0"/><c:majorTickMark val="out"/>` +
    `<c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>${text(800)}<c:crossAx val="60030"/><c:crosses val="max"/>` +
    `<c:crossBetween val="between"/><c:majorUnit val="0.2"/></c:valAx>`;
  const title =
    `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1200" b="1"/></a:pPr>` +
    `<a:r><a:rPr lang="zh-CN" sz="1200" b="1"/><a:t>${xmlEscape(spec.title)}</a:t></a:r></a:p></c:rich></c:tx>` +
    `<c:overlay val="0"/></c:title>`;
  const axes = catAx(60010, 60020, false) + valAx + (lines.length ? catAx(60030, 60040, true) + shareAx : "");
  return (
    XML_HEAD +
    `<c:chartSpace xmlns:c="${NS.c}" xmlns:a="${NS.a}" xmlns:r="${NS.r}">` +
    `<c:roundedCorners val="0"/><c:chart>${title}<c:autoTitleDeleted val="0"/>` +
    `<c:plotArea><c:layout/>${bar}${lineXml}${axes}</c:plotArea>` +
    (spec.legend ? `<c:legend><c:legendPos val="b"/><c:overlay val="0"/>${text(900)}</c:legend>` : "") +
    `<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>` +
    `<c:spPr><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill><a:ln w="9525"><a:solidFill><a:srgbClr val="D9D9D9"/></a:solidFill></a:ln></c:spPr>` +
    `</c:chartSpace>`
  );
}

/** The chart part of any chart the file writers place. */
export function anyChartXml(spec: AnyChartSpec): string {
  return isFileChart(spec) ? fileChartXml(spec) : paretoChartXml(spec);
}

function letters(c: number): string {
  let s = "";
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/**
 * The file chart of a host-neutral chart request, its caches read from the cells the host wrote
 * (`cell(row, column)`, 0-based, on the request's data sheet): what both file hosts place.
 *
 * @example fileChartOf(request, (r, c) => rows[r]?.[c], from, to).series.length
 */
export function fileChartOf(
  request: ChartRequest,
  cell: (row: number, column: number) => unknown,
  from: AnchorCorner,
  to: AnchorCorner,
): FileChartSpec {
  const { dataTop, points } = request;
  const sheet = quoteSheet(request.dataSheet);
  const range = (c: number) =>
    `${sheet}!$${letters(c)}$${dataTop + 2}:$${letters(c)}$${dataTop + 1 + points}`;
  const text = (v: unknown) => (v === null || v === undefined ? "" : String(v));
  const categories: string[] = [];
  for (let i = 1; i <= points; i++) categories.push(text(cell(dataTop + i, request.categoryColumn)));
  return {
    sheetName: request.sheetName,
    title: request.title,
    type: request.type,
    categories: { ref: range(request.categoryColumn), values: categories },
    series: request.series.map((s) => {
      const values: number[] = [];
      for (let i = 1; i <= points; i++) {
        const v = cell(dataTop + i, s.column);
        values.push(typeof v === "number" && Number.isFinite(v) ? v : 0);
      }
      return {
        name: text(cell(dataTop, s.column)),
        nameRef: `${sheet}!$${letters(s.column)}$${dataTop + 1}`,
        ref: range(s.column),
        values,
        colour: s.colour.replace("#", "").toUpperCase(),
        ...(s.pointColours
          ? { pointColours: s.pointColours.map((c) => c.replace("#", "").toUpperCase()) }
          : {}),
        ...(s.line ? { line: true } : {}),
        ...(s.hidden ? { hidden: true } : {}),
        ...(s.labels ? { labels: s.labels } : {}),
      };
    }),
    valueFormat: request.valueFormat,
    ...(request.labelEvery ? { labelEvery: request.labelEvery } : {}),
    ...(request.stacked ? { stacked: true } : {}),
    legend: request.legend,
    from,
    to,
  };
}
