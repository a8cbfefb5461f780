/**
 * The live-formulas workbook of a file (`tier grade … --formulas --out x.xlsx`): the same writer as the
 * pane and the standalone page (write-live.ts) through the file hosts, so an .xlsx is written
 * surgically (every part of the user's package kept, formula cells added without cached values and
 * `fullCalcOnLoad` set) and a CSV becomes a new workbook.
 */
import type { GradeResult, Lang } from "../engine/grade";
import type { RuleSet } from "../engine/ruleset";
import type { SheetTable } from "../engine/table";
import { FileHost } from "./file-host";
import type { LiveWorkbook } from "./formulas";
import type { WorkbookHost } from "./host";
import { PackageHost } from "./package-host";
import { writeLiveTiers } from "./write-live";

/**
 * The user's workbook (.xlsx, or a .csv as a one-sheet workbook) with the policy written as live
 * formulas: the user's sheets untouched, formula columns to the right of the data (or a customers
 * sheet for orders) and a rules sheet. Returns the .xlsx bytes.
 *
 * @example await liveFormulasWorkbook(bytes, "members.xlsx", table, result, ruleSet, "zh")
 */
export async function liveFormulasWorkbook(
  bytes: Uint8Array,
  fileName: string,
  table: SheetTable,
  result: Pick<GradeResult, "input" | "mapping" | "asOf" | "sourceRow" | "columns" | "tiers">,
  ruleSet: RuleSet,
  lang: Lang,
  /** Changes the model before it is written (tests type over a rules cell with it). */
  edit?: (model: LiveWorkbook) => void,
): Promise<Uint8Array> {
  const host: WorkbookHost & { toXlsx(): Promise<Uint8Array> } = /\.xls[xm]$/i.test(fileName)
    ? PackageHost.fromBytes(bytes, fileName)
    : await FileHost.fromBytes(bytes, fileName);
  const { sheets } = await host.listSheets();
  // A CSV's one sheet is named after the file, which the reader may have spelled differently.
  const name = sheets.includes(table.sheetName) ? table.sheetName : sheets[0];
  // Read again for the ids an orders table's customers sheet copies as the user typed them.
  const read = await host.readSheet(name);
  await writeLiveTiers(host, read, table, result, ruleSet, lang, undefined, edit);
  return host.toXlsx();
}
