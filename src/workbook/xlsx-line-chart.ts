/**
 * A native line chart (DrawingML `c:lineChart` with markers) for the files the add-in writes: text
 * categories, one or more series pointing at cells of the sheet with a cache of their values, so Excel,
 * LibreOffice and viewers that never recalculate draw the same picture. The Potential step's P(alive)
 * by recency and holdout check use it; the parts are laid out by the host (see `package-host.ts`).
 */
import { type ChartSeries, line, NS, numRef, strRef, text, XML_HEAD, xmlEscape } from "./xlsx-chart";

export interface LineChartSpec {
  title: string;
  categories: { ref: string; values: string[] };
  series: ChartSeries[];
  /** Number format of the value axis and the cached values. */
  valueFormat: string;
}

const COLOURS = ["4472C4", "ED7D31", "1E7B34", "7F7F7F"];

/**
 * The chart part (`xl/charts/chartN.xml`) of a line chart with markers on one category axis and one
 * value axis from 0.
 * @example lineChartXml({ title: "P(alive)", categories, series: [alive], valueFormat: "0%" }).includes("<c:lineChart>") // true
 */
export function lineChartXml(spec: LineChartSpec): string {
  const cat = `<c:cat>${strRef(spec.categories.ref, spec.categories.values)}</c:cat>`;
  const sers = spec.series
    .map((s, k) => {
      const colour = COLOURS[k % COLOURS.length];
      return (
        `<c:ser><c:idx val="${k}"/><c:order val="${k}"/><c:tx>${strRef(s.nameRef, [s.name])}</c:tx>` +
        line(colour, 28575) +
        `<c:marker><c:symbol val="circle"/><c:size val="5"/><c:spPr><a:solidFill><a:srgbClr val="${colour}"/></a:solidFill></c:spPr></c:marker>` +
        `${cat}<c:val>${numRef(s.ref, s.values, spec.valueFormat)}</c:val><c:smooth val="0"/></c:ser>`
      );
    })
    .join("");
  const chart =
    `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${sers}` +
    `<c:marker val="1"/><c:axId val="60010"/><c:axId val="60020"/></c:lineChart>`;
  const catAx =
    `<c:catAx><c:axId val="60010"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/>` +
    `<c:axPos val="b"/><c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/>` +
    `<c:tickLblPos val="nextTo"/><c:spPr><a:ln w="9525"><a:solidFill><a:srgbClr val="BFBFBF"/></a:solidFill></a:ln></c:spPr>${text(800)}` +
    `<c:crossAx val="60020"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/>` +
    `<c:noMultiLvlLbl val="0"/></c:catAx>`;
  const valAx =
    `<c:valAx><c:axId val="60020"/><c:scaling><c:orientation val="minMax"/><c:min val="0"/></c:scaling><c:delete val="0"/>` +
    `<c:axPos val="l"/><c:majorGridlines><c:spPr><a:ln w="6350"><a:solidFill><a:srgbClr val="E0E0E0"/></a:solidFill></a:ln></c:spPr></c:majorGridlines>` +
    `<c:numFmt formatCode="${xmlEscape(spec.valueFormat)}" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
    `${text(800)}<c:crossAx val="60010"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>`;
  const title =
    `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1200" b="1"/></a:pPr>` +
    `<a:r><a:rPr lang="zh-CN" sz="1200" b="1"/><a:t>${xmlEscape(spec.title)}</a:t></a:r></a:p></c:rich></c:tx>` +
    `<c:overlay val="0"/></c:title>`;
  return (
    XML_HEAD +
    `<c:chartSpace xmlns:c="${NS.c}" xmlns:a="${NS.a}" xmlns:r="${NS.r}">` +
    `<c:roundedCorners val="0"/><c:chart>${title}<c:autoTitleDeleted val="0"/>` +
    `<c:plotArea><c:layout/>${chart}${catAx}${valAx}</c:plotArea>` +
    `<c:legend><c:legendPos val="b"/><c:overlay val="0"/>${text(900)}</c:legend><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>` +
    `<c:spPr><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill><a:ln w="9525"><a:solidFill><a:srgbClr val="D9D9D9"/></a:solidFill></a:ln></c:spPr>` +
    `</c:chartSpace>`
  );
}
