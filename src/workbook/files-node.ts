/**
 * Reading a workbook from disk: the only file of the workbook layer that uses Node (the CLI, tests).
 */
import { readFile } from "node:fs/promises";
import { TierError } from "../engine/errors";
import { readWorkbookBytes, type WorkbookData } from "./files";

/**
 * Reads a .xlsx or .csv file from disk (see readWorkbookBytes): the sheet named `sheet`, or the first
 * visible tab. The same streaming reader serves a workbook of ten rows and one of a million; a missing
 * file is a TierError.
 *
 * @example const book = await readWorkbookFile("orders.csv"); book.sheets[0].rows[0] // the header row
 */
export async function readWorkbookFile(path: string, sheet?: string): Promise<WorkbookData> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    if (code === "ENOENT") throw new TierError("workbook.noFile", { file: path });
    if (code === "EISDIR") throw new TierError("workbook.isFolder", { file: path });
    if (code === "EACCES" || code === "EPERM")
      throw new TierError("workbook.permissionDenied", { file: path });
    throw new TierError("workbook.cannotOpen", {
      file: path,
      detail: e instanceof Error ? e.message : String(e),
    });
  }
  return readWorkbookBytes(bytes, path, sheet ?? "default");
}
