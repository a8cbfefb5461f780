/**
 * `--out` checked before any grading starts: a known extension, an existing folder, and never the
 * input file itself unless `--overwrite` says so (the user's only copy is never replaced by accident).
 */
import { stat } from "node:fs/promises";
import path from "node:path";
import { TierError } from "../engine/errors";

/**
 * Throws a TierError when `out` cannot be written as asked.
 *
 * @example await checkOut("graded.xlsx", "members.xlsx", false) // resolves
 */
export async function checkOut(out: string | undefined, input: string, overwrite: boolean): Promise<void> {
  if (out === undefined) return;
  if (!/\.(csv|json|xlsx)$/i.test(out)) throw new TierError("workbook.outExtension", { out });
  if (/\.xlsx$/i.test(out) && !/\.(xlsx|xlsm|csv|tsv|txt)$/i.test(input))
    throw new TierError("workbook.outXlsxNeedsWorkbook", { out });
  const folder = path.dirname(path.resolve(out));
  const dir = await stat(folder).catch(() => null);
  if (!dir || !dir.isDirectory()) throw new TierError("workbook.outFolderMissing", { out, folder });
  if (!overwrite && path.resolve(out) === path.resolve(input))
    throw new TierError("workbook.outIsInput", { out });
}
