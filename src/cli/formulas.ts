/**
 * `tier grade … --formulas --out x.xlsx`: the workbook with the policy written as live Excel formulas
 * (src/workbook/formulas), which keep grading in Excel 2016+, LibreOffice and WPS without the add-in.
 */
import { readFile, writeFile } from "node:fs/promises";
import { TierError } from "../engine/errors";
import type { GradeResult, Lang } from "../engine/grade";
import type { RuleSet } from "../engine/ruleset";
import type { SheetTable } from "../engine/table";
import { liveFormulasWorkbook } from "../workbook/write-formulas";

/** Writes the live-formulas workbook to `out` (which must end in .xlsx); returns the exit code. */
export async function writeFormulasOut(
  out: string | undefined,
  file: string,
  table: SheetTable,
  result: GradeResult,
  ruleSet: RuleSet,
  lang: Lang,
): Promise<number> {
  if (!out || !out.toLowerCase().endsWith(".xlsx")) throw new TierError("cli.formulasNeedXlsx");
  const bytes = await liveFormulasWorkbook(
    new Uint8Array(await readFile(file)),
    file,
    table,
    result,
    ruleSet,
    lang,
  );
  await writeFile(out, bytes);
  return 0;
}
