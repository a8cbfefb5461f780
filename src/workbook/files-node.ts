/**
 * Reading a workbook from disk: the only file of the workbook layer that uses Node (the CLI, tests).
 */
import { readFile, stat } from "node:fs/promises";
import { TierError } from "../engine/errors";
import { readWorkbookBytes, type WorkbookData } from "./files";
import { readWorkbookStream } from "./xlsx-stream-node";

/** Above this size an .xlsx is read row by row: exceljs's in-memory load of a sheet at Excel's row limit
 * takes minutes and gigabytes (docs/workbook-files.md), the streaming reader a fraction of both. */
const STREAM_ABOVE_BYTES = 20 * 1024 * 1024;

/**
 * Reads a .xlsx or .csv file from disk (see readWorkbookBytes); a missing file is a TierError.
 *
 * @example const book = await readWorkbookFile("orders.csv"); book.sheets[0].rows[0] // the header row
 */
export async function readWorkbookFile(path: string, sheet?: string): Promise<WorkbookData> {
  let bytes: Uint8Array;
  try {
    if (/\.xlsx$/i.test(path) && (await stat(path)).size > STREAM_ABOVE_BYTES)
      return await readWorkbookStream(path, { sheet: sheet ?? "first" });
    bytes = await readFile(path);
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    if (code === "ENOENT") throw new TierError(`cannot open "${path}": no such file`);
    if (code === "EISDIR") throw new TierError(`cannot open "${path}": it is a folder, not a file`);
    if (code === "EACCES" || code === "EPERM")
      throw new TierError(`cannot open "${path}": permission denied`);
    throw new TierError(`cannot open "${path}": ${e instanceof Error ? e.message : String(e)}`);
  }
  return readWorkbookBytes(bytes, path);
}
