/**
 * Surgical edits of SpreadsheetML parts: the original text is copied as it is and only our text is
 * spliced in. saxes finds where (the offset of every tag), and nothing is re-serialized, so every
 * element the user's file holds keeps its bytes: values, formulas, style indexes, attributes this code
 * has never heard of. Browser-safe.
 *
 * - `SheetPatcher` streams a worksheet: new cells go into their rows in column order (rows that do not
 *   exist are created in row order), the previous run's own cells are dropped, widths go into `<cols>`
 *   for columns no `<col>` covers yet, a conditional format goes where the schema wants it, the
 *   `<dimension>` grows to hold the new cells.
 * - `patchStyles` adds number formats, one bold font, one fill, cell formats and differential formats
 *   at the end of their lists, and updates the lists' counts.
 */
import { SaxesParser, type SaxesTagPlain } from "saxes";
import { columnOfRef, rowOfRef } from "./xlsx-read";

const localName = (name: string) => name.slice(name.indexOf(":") + 1);
const prefixOf = (name: string) => (name.includes(":") ? name.slice(0, name.indexOf(":") + 1) : "");

/** Excel's limit of characters in one cell. */
export const CELL_LIMIT = 32_767;

/* eslint-disable-next-line no-control-regex -- the characters XML 1.0 cannot hold, by definition */
const UNSAFE = /[\u0000-\u0008\u000b\u000c\u000d\u000e-\u001f\ufffe\uffff]/g;

/**
 * Text for an XML text node or attribute in a part: `&<>"` escaped, characters XML 1.0 cannot hold (and
 * a carriage return, which parsers would turn into a line feed) written as OOXML's `_xHHHH_`, and a
 * literal `_xHHHH_` protected as `_x005F_xHHHH_`, so the text reads back exactly.
 *
 * @example xmlText("a&b_x000D_") // "a&amp;b_x005F_x000D_"
 */
export function xmlText(s: string): string {
  return s
    .replace(/_x([0-9A-Fa-f]{4})_/g, "_x005F_x$1_")
    .replace(UNSAFE, (ch) => `_x${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

/**
 * Text cut to Excel's 32,767 characters per cell, with a visible ellipsis where it was cut (Excel
 * "repairs" a file with a longer cell by emptying it).
 *
 * @example cutToCell("x".repeat(40000)).length // 32767
 */
export function cutToCell(s: string): string {
  return s.length <= CELL_LIMIT ? s : s.slice(0, CELL_LIMIT - 1) + "…";
}

/** One cell's XML: text as an inline string (always text, never a formula), numbers and booleans as values. */
export function cellXml(ref: string, v: string | number | boolean, style: number): string {
  const s = style ? ` s="${style}"` : "";
  if (typeof v === "number")
    return Number.isFinite(v) ? `<c r="${ref}"${s}><v>${v}</v></c>` : style ? `<c r="${ref}"${s}/>` : "";
  if (typeof v === "boolean") return `<c r="${ref}"${s} t="b"><v>${v ? 1 : 0}</v></c>`;
  return `<c r="${ref}"${s} t="inlineStr"><is><t xml:space="preserve">${xmlText(cutToCell(v))}</t></is></c>`;
}

/** Elements that come after `<conditionalFormatting>` in a worksheet (ECMA-376 CT_Worksheet order). */
const AFTER_CF = new Set([
  "dataValidations",
  "hyperlinks",
  "printOptions",
  "pageMargins",
  "pageSetup",
  "headerFooter",
  "rowBreaks",
  "colBreaks",
  "customProperties",
  "cellWatches",
  "ignoredErrors",
  "smartTags",
  "drawing",
  "legacyDrawing",
  "legacyDrawingHF",
  "drawingHF",
  "picture",
  "oleObjects",
  "controls",
  "webPublishItems",
  "tableParts",
  "extLst",
]);

/** What to change in one worksheet. Rows are 1-based, columns 0-based. */
export interface SheetEdit {
  /** The XML of the new cells of sheet row r, all in columns `firstColumn` and right of it ("" for none). */
  cells(row: number): string;
  firstColumn: number;
  /** Rows that may get new cells. */
  fromRow: number;
  toRow: number;
  /** Original cells to leave out: the previous run's own cells, value-less cells where new ones go. */
  drop?(row: number, column: number): boolean;
  /** Widths (characters) of new columns, by 0-based column. */
  widths?: Map<number, number>;
  /** A conditional format to add (whole `<conditionalFormatting>` elements). */
  conditionalFormatting?: string;
  /** True for a conditional format of the previous run, to leave out. */
  dropConditionalFormatting?(sqref: string): boolean;
  /** The used range grows to this last column and row (0-based column, 1-based row). */
  lastColumn: number;
  lastRow: number;
}

function letters(c: number): string {
  let s = "";
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/**
 * Streams a worksheet part through an edit: `write(text)` for each decoded chunk, `end()` at the end;
 * `out` receives the new part's text in order.
 */
export class SheetPatcher {
  private readonly parser = new SaxesParser({ xmlns: false });
  private buf = "";
  private bufStart = 0;
  /** Start of an element being left out, until its end tag. */
  private dropFrom = -1;
  private depth = 0;
  private inSheetData = false;
  private rowNo = 0;
  private col = -1;
  private rowDone = true;
  private lastRowWritten = 0;
  private sawCols = false;
  private readonly covered: [number, number][] = [];
  /** Columns (1-based) whose width was already written. */
  private readonly widthsDone = new Set<number>();
  private cfDone = false;
  private prefix = "";

  constructor(
    private readonly edit: SheetEdit,
    private readonly out: (text: string) => void,
  ) {
    this.parser.on("opentag", (tag) => this.open(tag));
    this.parser.on("closetag", (tag) => this.close(tag));
  }

  write(text: string): void {
    this.buf += text;
    this.parser.write(text);
    // Keep from the last "<" on: a tag may be half read, and its start is where an insertion may go.
    const hold = this.dropFrom >= 0 ? this.dropFrom : this.bufStart + Math.max(this.buf.lastIndexOf("<"), 0);
    this.emitTo(Math.max(hold, this.bufStart));
  }

  end(): void {
    this.parser.close();
    this.emitTo(this.bufStart + this.buf.length);
  }

  private get position(): number {
    return this.parser.position;
  }

  /** Offset of the "<" of the tag whose ">" was just read. */
  private tagStart(): number {
    return this.bufStart + this.buf.lastIndexOf("<", this.position - this.bufStart - 1);
  }

  private emitTo(pos: number): void {
    const n = pos - this.bufStart;
    if (n <= 0) return;
    this.out(this.buf.slice(0, n));
    this.buf = this.buf.slice(n);
    this.bufStart = pos;
  }

  private skipTo(pos: number): void {
    const n = pos - this.bufStart;
    this.buf = this.buf.slice(n);
    this.bufStart = pos;
  }

  /** Replaces the text of the tag just read with `text`. */
  private replaceTag(text: string): void {
    this.emitTo(this.tagStart());
    this.skipTo(this.position);
    this.out(text);
  }

  private insertBeforeTag(text: string): void {
    if (!text) return;
    this.emitTo(this.tagStart());
    this.out(text);
  }

  /** Our text in the sheet's namespace prefix, when it uses one (`<x:c>`): unprefixed tags get it. */
  private pfx(text: string): string {
    if (!this.prefix || !text) return text;
    return text.replace(/<(\/?)(?![\w.-]+:)([A-Za-z])/g, `<$1${this.prefix}$2`);
  }

  private newRows(from: number, to: number): string {
    const e = this.edit;
    let s = "";
    for (let r = Math.max(from, e.fromRow); r <= Math.min(to, e.toRow); r++) {
      const cells = this.pfx(e.cells(r));
      if (cells) s += `<${this.prefix}row r="${r}">${cells}</${this.prefix}row>`;
    }
    return s;
  }

  /** `<col>` elements for our columns below `before` (1-based) that no `<col>` covers: Excel wants them sorted. */
  private colsXml(before = Infinity): string {
    const e = this.edit;
    let s = "";
    for (const [c, w] of [...(e.widths ?? new Map<number, number>())].sort((a, b) => a[0] - b[0])) {
      if (c + 1 >= before || this.widthsDone.has(c + 1)) continue;
      this.widthsDone.add(c + 1);
      if (this.covered.some(([lo, hi]) => c + 1 >= lo && c + 1 <= hi)) continue;
      s += `<${this.prefix}col min="${c + 1}" max="${c + 1}" width="${w}" customWidth="1"/>`;
    }
    return s;
  }

  private cfBefore(): void {
    if (this.cfDone) return;
    this.cfDone = true;
    this.insertBeforeTag(this.pfx(this.edit.conditionalFormatting ?? ""));
  }

  private open(tag: SaxesTagPlain): void {
    this.depth++;
    const name = localName(tag.name);
    const e = this.edit;
    if (this.depth === 1) {
      this.prefix = prefixOf(tag.name);
      return;
    }
    if (this.depth === 2) {
      if (AFTER_CF.has(name)) this.cfBefore();
      switch (name) {
        case "dimension": {
          const ref = tag.attributes.ref ?? "A1";
          const [a, b = a] = ref.split(":");
          const lastCol = Math.max(columnOfRef(b), e.lastColumn);
          const lastRow = Math.max(rowOfRef(b) || 1, e.lastRow);
          this.replaceTag(`<${tag.name} ref="${a}:${letters(lastCol)}${lastRow}"/>`);
          if (!tag.isSelfClosing) this.dropFrom = -2; // never happens in practice: dimension is empty
          break;
        }
        case "cols":
          this.sawCols = true;
          break;
        case "sheetData":
          if (!this.sawCols) {
            const cols = this.colsXml();
            if (cols) this.insertBeforeTag(`<${this.prefix}cols>${cols}</${this.prefix}cols>`);
          }
          if (tag.isSelfClosing) {
            const rows = this.newRows(1, e.toRow);
            if (rows) this.replaceTag(`<${tag.name}>${rows}</${tag.name}>`);
          } else this.inSheetData = true;
          break;
        case "conditionalFormatting":
          if (e.dropConditionalFormatting?.(tag.attributes.sqref ?? "")) {
            this.dropFrom = this.tagStart();
            if (tag.isSelfClosing) this.finishDrop();
          }
          break;
      }
      return;
    }
    if (this.depth === 3 && name === "col") {
      const min = Number(tag.attributes.min);
      // Ours that sort before this one go in front of it; the ones it covers are left to it.
      this.insertBeforeTag(this.colsXml(min));
      this.covered.push([min, Number(tag.attributes.max)]);
      return;
    }
    if (this.inSheetData && this.depth === 3 && name === "row") {
      const r = tag.attributes.r ? Number(tag.attributes.r) : this.rowNo + 1;
      this.insertBeforeTag(this.newRows(this.lastRowWritten + 1, r - 1));
      this.rowNo = r;
      this.col = -1;
      this.lastRowWritten = r;
      if (tag.isSelfClosing) {
        this.rowDone = true;
        const cells = r >= e.fromRow && r <= e.toRow ? this.pfx(e.cells(r)) : "";
        if (cells) {
          const open = this.buf.slice(this.tagStart() - this.bufStart, this.position - this.bufStart);
          this.replaceTag(open.replace(/\s*\/>$/, ">") + cells + `</${tag.name}>`);
        }
      } else this.rowDone = r < e.fromRow || r > e.toRow;
      return;
    }
    if (this.inSheetData && this.depth === 4 && name === "c") {
      const c = tag.attributes.r ? columnOfRef(tag.attributes.r) : this.col + 1;
      this.col = c;
      if (!this.rowDone && c >= e.firstColumn) {
        this.rowDone = true;
        this.insertBeforeTag(this.pfx(e.cells(this.rowNo)));
      }
      if (e.drop?.(this.rowNo, c)) {
        this.dropFrom = this.tagStart();
        if (tag.isSelfClosing) this.finishDrop();
      }
    }
  }

  private finishDrop(): void {
    this.emitTo(this.dropFrom);
    this.skipTo(this.position);
    this.dropFrom = -1;
  }

  private close(tag: SaxesTagPlain): void {
    const name = localName(tag.name);
    const depth = this.depth--;
    if (tag.isSelfClosing) return;
    if (
      this.dropFrom >= 0 &&
      ((depth === 4 && name === "c") || (depth === 2 && name === "conditionalFormatting"))
    ) {
      this.finishDrop();
      return;
    }
    if (depth === 2 && name === "cols") this.insertBeforeTag(this.colsXml());
    else if (depth === 2 && name === "sheetData") {
      this.inSheetData = false;
      this.insertBeforeTag(this.newRows(this.lastRowWritten + 1, this.edit.toRow));
    } else if (depth === 3 && name === "row" && this.inSheetData && !this.rowDone) {
      this.rowDone = true;
      this.insertBeforeTag(this.pfx(this.edit.cells(this.rowNo)));
    } else if (depth === 1) this.cfBefore();
  }
}

/** Patches a whole worksheet text at once (small sheets, tests). */
export function patchSheet(xml: string, edit: SheetEdit): string {
  let out = "";
  const p = new SheetPatcher(edit, (t) => (out += t));
  p.write(xml);
  p.end();
  return out;
}

/** A cell format to add: a number format code, bold header look, alignment. */
export interface StyleWant {
  numFmt?: string;
  header?: boolean;
  bold?: boolean;
  align?: "center" | "right";
  /** Solid fill, ARGB ("FF1F5FA8"). */
  fill?: string;
  /** Font colour, ARGB. */
  font?: string;
  /** A larger bold title (14 pt). */
  title?: boolean;
}

/** A differential format (tier colours): fill and font colour as ARGB. */
export interface DxfWant {
  fill: string;
  font: string;
}

const BUILTIN_FORMATS: Record<string, number> = {
  General: 0,
  "0": 1,
  "0.00": 2,
  "#,##0": 3,
  "#,##0.00": 4,
  "0%": 9,
  "0.00%": 10,
  "@": 49,
};

interface Mark {
  start: number;
  end: number;
  name: string;
}

/**
 * Adds the cell formats and differential formats to a styles part, keeping every original element:
 * returns the new text and the cellXfs index of each wanted style and the dxf index of each dxf.
 *
 * @example patchStyles(xml, [{ numFmt: "0.0%" }], []).styles // [5] when the part had 5 cell formats
 */
export function patchStyles(
  xml: string,
  wants: readonly StyleWant[],
  dxfs: readonly DxfWant[],
): { xml: string; styles: number[]; dxfs: number[] } {
  const marks = new Map<string, Mark>();
  const counts = new Map<string, number>();
  const numFmts = new Map<string, number>();
  let firstFont = "";
  /** The original children of the lists, as written: a re-run finds its own formats there again. */
  const children = new Map<string, string[]>();
  let maxFmt = 163;
  const stack: { name: string; start: number }[] = [];
  const parser = new SaxesParser({ xmlns: false });
  let prefix = "";
  parser.on("opentag", (tag) => {
    const name = localName(tag.name);
    const end = parser.position;
    const start = xml.lastIndexOf("<", end - 1);
    if (stack.length === 0) prefix = prefixOf(tag.name);
    if (stack.length === 1) {
      if (!marks.has(name)) marks.set(name, { start, end, name });
      counts.set(name, 0);
    } else if (stack.length === 2) counts.set(stack[1].name, (counts.get(stack[1].name) ?? 0) + 1);
    if (name === "numFmt") {
      const id = Number(tag.attributes.numFmtId);
      numFmts.set(tag.attributes.formatCode ?? "", id);
      maxFmt = Math.max(maxFmt, id);
    }
    stack.push({ name, start });
    if (tag.isSelfClosing) return;
  });
  parser.on("closetag", (tag) => {
    const top = stack.pop()!;
    const name = localName(tag.name);
    if (stack.length === 2) {
      const list = stack[1].name;
      children.set(list, [...(children.get(list) ?? []), xml.slice(top.start, parser.position)]);
      if (list === "fonts" && name === "font" && !firstFont)
        firstFont = xml.slice(top.start, parser.position);
    }
    if (stack.length === 1) {
      const m = marks.get(name);
      if (m && !tag.isSelfClosing)
        marks.set(`/${name}`, {
          start: xml.lastIndexOf("<", parser.position - 1),
          end: parser.position,
          name,
        });
    }
  });
  parser.write(xml).close();

  const p = prefix;
  const inserts: { at: number; text: string }[] = [];
  const setCount = (list: string, count: number) => {
    const m = marks.get(list)!;
    const tag = xml.slice(m.start, m.end);
    const next = /\scount="\d*"/.test(tag)
      ? tag.replace(/\scount="\d*"/, ` count="${count}"`)
      : tag.replace(/^<([\w:]+)/, `<$1 count="${count}"`);
    inserts.push({ at: m.start, text: "\u0000" + String(m.end - m.start) + "\u0000" + next });
  };
  /** Adds children at the end of a list, creating the list before `beforeLists` when it is absent. */
  const append = (list: string, children: string, added: number, beforeLists: readonly string[]) => {
    if (!added) return;
    const open = marks.get(list);
    const close = marks.get(`/${list}`);
    if (open && close) {
      setCount(list, (counts.get(list) ?? 0) + added);
      inserts.push({ at: close.start, text: children });
    } else if (open) {
      // <dxfs count="0"/>: replace the empty element with a full one.
      inserts.push({
        at: open.start,
        text:
          "\u0000" +
          String(open.end - open.start) +
          "\u0000" +
          `<${p}${list} count="${added}">${children}</${p}${list}>`,
      });
    } else {
      const before = beforeLists.map((l) => marks.get(l)).find((m) => m);
      const at = before ? before.start : xml.lastIndexOf("</");
      inserts.push({ at, text: `<${p}${list} count="${added}">${children}</${p}${list}>` });
    }
  };

  // Number formats.
  let fmtXml = "";
  let fmtAdded = 0;
  const fmtId = (code: string | undefined): number => {
    if (code === undefined) return 0;
    if (code in BUILTIN_FORMATS) return BUILTIN_FORMATS[code];
    const have = numFmts.get(code);
    if (have !== undefined) return have;
    const id = ++maxFmt;
    numFmts.set(code, id);
    fmtXml += `<${p}numFmt numFmtId="${id}" formatCode="${xmlText(code)}"/>`;
    fmtAdded++;
    return id;
  };
  const fontCount = counts.get("fonts") ?? 0;
  const fillCount = counts.get("fills") ?? 0;
  const xfCount = counts.get("cellXfs") ?? 0;
  const dxfCount = counts.get("dxfs") ?? 0;
  /** Index of `child` in a list: the original one when it is there already, else a new one at the end. */
  const added = new Map<string, string[]>();
  const indexIn = (list: string, count: number, child: string): number => {
    const have = (children.get(list) ?? []).indexOf(child);
    if (have >= 0) return have;
    const mine = added.get(list) ?? [];
    let k = mine.indexOf(child);
    if (k < 0) {
      mine.push(child);
      added.set(list, mine);
      k = mine.length - 1;
    }
    return count + k;
  };
  const needBold = wants.some((w) => w.header || w.bold);
  const boldFont = firstFont
    ? firstFont.replace(/\/>$/, "></font>").replace(/^(<[\w:]*font\b[^>]*>)/, `$1<${p}b/>`)
    : `<${p}font><${p}b/></${p}font>`;
  const greyFill = `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="FFEDEDED"/><${p}bgColor indexed="64"/></${p}patternFill></${p}fill>`;
  const boldId = needBold ? indexIn("fonts", fontCount, boldFont) : 0;
  const fillId = wants.some((w) => w.header) ? indexIn("fills", fillCount, greyFill) : 0;
  /** A font like the workbook's first, with bold, a colour or a size of our own. */
  const fontOf = (bold: boolean, colour?: string, size?: number): string => {
    let f = firstFont ? firstFont.replace(/\/>$/, "></font>") : `<${p}font></${p}font>`;
    // Drop what we set ourselves, then put ours first (b, sz, color is the schema's order).
    f = f.replace(new RegExp(`<${p}(b|color|sz)\\b[^>]*/>`, "g"), "");
    const own =
      (bold ? `<${p}b/>` : "") +
      (size ? `<${p}sz val="${size}"/>` : "") +
      (colour ? `<${p}color rgb="${colour}"/>` : "");
    return f.replace(/^(<[\w:]*font\b[^>]*>)/, `$1${own}`);
  };
  const solidFill = (argb: string) =>
    `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="${argb}"/><${p}bgColor indexed="64"/></${p}patternFill></${p}fill>`;
  const styles = wants.map((w) => {
    const id = fmtId(w.numFmt);
    const plainFont = w.header || w.bold ? boldId : 0;
    const font =
      w.font || w.title
        ? indexIn(
            "fonts",
            fontCount,
            fontOf(w.bold === true || w.title === true, w.font, w.title ? 14 : undefined),
          )
        : plainFont;
    const fill = w.fill ? indexIn("fills", fillCount, solidFill(w.fill)) : w.header ? fillId : 0;
    const align = w.header ? "center" : w.align;
    const xf =
      `<${p}xf numFmtId="${id}" fontId="${font}" fillId="${fill}" borderId="0" xfId="0"` +
      `${id ? ' applyNumberFormat="1"' : ""}${font ? ' applyFont="1"' : ""}${fill ? ' applyFill="1"' : ""}` +
      (align
        ? ` applyAlignment="1"><${p}alignment horizontal="${align}"${w.header ? ' vertical="center"' : ""}/></${p}xf>`
        : "/>");
    return indexIn("cellXfs", xfCount, xf);
  });
  const dxfIds = dxfs.map((d) =>
    indexIn(
      "dxfs",
      dxfCount,
      `<${p}dxf><${p}font><${p}color rgb="${d.font}"/></${p}font><${p}fill><${p}patternFill patternType="solid">` +
        `<${p}bgColor rgb="${d.fill}"/></${p}patternFill></${p}fill></${p}dxf>`,
    ),
  );
  const list = (name: string) => added.get(name) ?? [];
  append("numFmts", fmtXml, fmtAdded, ["fonts", "fills", "borders", "cellStyleXfs", "cellXfs"]);
  append("fonts", list("fonts").join(""), list("fonts").length, [
    "fills",
    "borders",
    "cellStyleXfs",
    "cellXfs",
  ]);
  append("fills", list("fills").join(""), list("fills").length, ["borders", "cellStyleXfs", "cellXfs"]);
  append("cellXfs", list("cellXfs").join(""), list("cellXfs").length, [
    "cellStyles",
    "dxfs",
    "tableStyles",
    "colors",
    "extLst",
  ]);
  append("dxfs", list("dxfs").join(""), list("dxfs").length, ["tableStyles", "colors", "extLst"]);

  // Splice from the end so that earlier offsets stay valid; "\0len\0text" replaces len characters.
  const isReplace = (t: string) => Number(t.startsWith("\u0000"));
  // At one offset the replacement of a tag goes first, then the list inserted before it.
  inserts.sort((a, b) => b.at - a.at || isReplace(b.text) - isReplace(a.text));
  let out = xml;
  for (const ins of inserts) {
    if (ins.text.startsWith("\u0000")) {
      const [, len, text] = ins.text.split("\u0000");
      out = out.slice(0, ins.at) + text + out.slice(ins.at + Number(len));
    } else out = out.slice(0, ins.at) + ins.text + out.slice(ins.at);
  }
  return { xml: out, styles, dxfs: dxfIds };
}
