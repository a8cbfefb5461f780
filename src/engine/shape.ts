import type { Problem } from "./reasons";
import { readText } from "./values";

/** Labels of total and subtotal rows (a row whose first filled cell says so). */ /** The label is the whole cell ("合计", "小计（华东）", "Total:"), so a customer called "Total Foods" stays one. */
const TOTAL =
  /^(本页)?(合\s*计|总\s*计|小\s*计|共\s*计|总\s*和|grand\s+total|sub-?total|total|sum)\s*[:：]?\s*([（(][^（）()]*[）)])?$/i;
/** Footnotes under a table: 注：…, 制表人：…, Source: … */
const FOOTNOTE = /^(注|备注|说明|制表人?|审核人?|填表人|数据来源|来源|note|notes|source)\s*[:：]/i;
/** A unit in brackets: （元）, （次）, (USD), [kg]. */
const UNIT = /^[（(［[][^（）()［\]]{1,8}[）)］\]]$/;

const filled = (row: readonly unknown[]) => row.filter((v) => readText(v) !== "");

/**
 * Rows of a table that are not records: a units row right under the header (（元）, （次）), blank rows,
 * total and subtotal rows (合计, 总计, 小计, Total, Subtotal, or a last row whose every number is the sum
 * of its column above), footnotes (注：…, 制表人：…). Each is listed with its 1-based sheet row and a
 * reason code; `keep` is how many data rows remain once the trailing ones (totals, footnotes, blanks
 * under the table) are cut off.
 *
 * @example tableShape([["（元）"], ["C1", 5], ["合计", 5]], 0).excluded.map((p) => p.code) // ["table.unitsRow", "table.totalRow"]
 */
export function tableShape(
  rows: readonly (readonly unknown[])[],
  headerRow: number,
): { excluded: Problem[]; keep: number; skip: Set<number> } {
  const excluded: Problem[] = [];
  const skip = new Set<number>();
  const sheetRow = (i: number) => headerRow + i + 2;
  const kind = (i: number): Problem | null => {
    const row = rows[i];
    const cells = filled(row);
    if (cells.length === 0) return { code: "table.blankRow", row: sheetRow(i) };
    const first = readText(cells[0]).trim();
    if (i === 0 && cells.every((v) => UNIT.test(readText(v).trim())))
      return {
        code: "table.unitsRow",
        params: { units: cells.map((v) => readText(v).trim()) },
        row: sheetRow(i),
      };
    if (TOTAL.test(first)) return { code: "table.totalRow", params: { label: first }, row: sheetRow(i) };
    if (FOOTNOTE.test(first) && cells.length <= 2)
      return { code: "table.footnote", params: { text: first.slice(0, 40) }, row: sheetRow(i) };
    return null;
  };
  let keep = rows.length;
  // Under the table: totals, footnotes and blank rows, from the bottom up.
  while (keep > 0) {
    const p = kind(keep - 1) ?? sumRow(rows, keep - 1, sheetRow(keep - 1));
    if (!p) break;
    excluded.push(p);
    keep--;
  }
  excluded.reverse();
  const inside: Problem[] = [];
  for (let i = 0; i < keep; i++) {
    const p = kind(i);
    // A blank row inside the data is reported by the grading itself; totals and units rows are not records.
    if (p && p.code !== "table.blankRow") {
      inside.push(p);
      skip.add(i);
    }
  }
  return { excluded: [...inside, ...excluded.filter((p) => p.code !== "table.blankRow")], keep, skip };
}

/**
 * The last row is a total when its first cell is blank and every number in it is the sum of its column
 * above (two rows at least).
 */
function sumRow(rows: readonly (readonly unknown[])[], i: number, row: number): Problem | null {
  const last = rows[i];
  // A row with an id or a label in the first column is a record (a labelled total is found by its label).
  if (i < 2 || readText(last[0]) !== "") return null;
  let numbers = 0;
  for (let c = 0; c < last.length; c++) {
    const v = last[c];
    if (typeof v !== "number") {
      if (readText(v) !== "" && typeof v === "string" && !/^\s*$/.test(v)) {
        // Text beside the sums (a label) is allowed only in the first filled cell.
        if (filled(last.slice(0, c)).length > 0) return null;
      }
      continue;
    }
    let sum = 0;
    let seen = 0;
    for (let r = 0; r < i; r++) {
      const x = rows[r][c];
      if (typeof x === "number") {
        sum += x;
        seen++;
      }
    }
    if (seen < 2 || Math.abs(sum - v) > 0.005 * Math.max(1, Math.abs(sum))) return null;
    numbers++;
  }
  return numbers > 0 ? { code: "table.sumRow", row } : null;
}
