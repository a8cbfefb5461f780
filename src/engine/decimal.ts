import type { Reason } from "./reasons";

/** The digits-and-separators part of a number written as text ("¥1.234,50" → "1.234,50"). */
const CORE = /\d[\d.,]*\d|\d/;

type Kind = "comma" | "dot" | "either" | null;

/** How one text cell writes its decimals: a comma (12,50; 1.234,5), a dot (12.50; 1,234.5), or either (1,500). */
function kindOf(text: string): Kind {
  const m = CORE.exec(text);
  if (!m) return null;
  const core = m[0];
  if (!/[.,]/.test(core)) return null;
  if (/^\d{1,3}[.,]\d{3}$/.test(core)) return "either";
  if (/^\d{1,3}(\.\d{3})+,\d+$/.test(core) || /^\d+,\d+$/.test(core) || /^\d{1,3}(\.\d{3}){2,}$/.test(core))
    return "comma";
  if (/^\d{1,3}(,\d{3})+\.\d+$/.test(core) || /^\d+\.\d+$/.test(core) || /^\d{1,3}(,\d{3}){2,}$/.test(core))
    return "dot";
  return null;
}

/**
 * Decimal commas, decided per column: a column of text numbers where some cell can only be a decimal
 * comma (`12,50`, `1.234,5`) and none can only be a decimal point is read with commas throughout, so
 * `1,500` in it is 1.5, the same reading as `12,50`; its cells are rewritten with a point (`12.50`).
 * A column with cells of both kinds is left as it is and named in a note, with the rows whose reading
 * is in doubt. Returns the notes; `rows` is changed in place (it is the table's own copy).
 *
 * @example const rows = [["1,500"], ["12,50"]]; decimalCommas(rows, ["amount"], 0); rows // [["1.500"], ["12.50"]]
 */
export function decimalCommas(rows: unknown[][], headers: readonly string[], headerRow: number): Reason[] {
  const notes: Reason[] = [];
  for (let c = 0; c < headers.length; c++) {
    let comma = 0;
    let dot = 0;
    for (const row of rows) {
      const v = row[c];
      if (typeof v !== "string") continue;
      const k = kindOf(v);
      if (k === "comma") comma++;
      else if (k === "dot") dot++;
    }
    if (comma === 0) continue;
    if (dot > 0) {
      const doubtful: number[] = [];
      rows.forEach((row, i) => {
        const v = row[c];
        if (typeof v === "string" && kindOf(v) !== null && doubtful.length < 20)
          doubtful.push(headerRow + i + 2);
      });
      notes.push({ code: "table.decimalMixed", params: { column: headers[c], rows: doubtful } });
      continue;
    }
    for (const row of rows) {
      const v = row[c];
      if (typeof v !== "string" || kindOf(v) === null) continue;
      row[c] = v.replace(CORE, (core) => core.replace(/\./g, "").replace(",", "."));
    }
    notes.push({ code: "table.decimalComma", params: { column: headers[c] } });
  }
  return notes;
}
