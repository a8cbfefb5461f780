/**
 * Chunk planning for Office.js requests: pure, so tests predict exactly how many `context.sync()`
 * calls a read or a write takes.
 *
 * Excel on the web rejects a request or a response larger than 5 MB
 * (RequestPayloadSizeLimitExceeded / ResponsePayloadSizeLimitExceeded). The cells dominate a
 * request's size, so a chunk's size is estimated from the JSON of its cells and kept under 4 MB:
 * the last megabyte is left for the request's own envelope (object paths, action ids) and for rows
 * a little longer than the sample that sized the chunks.
 */

/** Under Excel on the web's 5 MB payload limit, with a margin. */
export const REQUEST_LIMIT_BYTES = 4_000_000;

/** Rows measured to size the chunks of a block: enough to see typical text lengths, cheap to encode. */
export const SAMPLE_ROWS = 1000;

/** A run of rows sent (or read) in one request: rows `start .. start + count - 1` of the block. */
export interface ChunkRange {
  start: number;
  count: number;
}

/**
 * Row ranges of a `rows` × `columns` block such that no chunk's estimated size exceeds `limitBytes`
 * (at least one row per chunk, whatever its size). Deterministic: equal-size chunks, the last shorter.
 *
 * @example planChunks(10, 2, 100, 1000) // [{start: 0, count: 4}, {start: 4, count: 4}, {start: 8, count: 2}]
 */
export function planChunks(
  rows: number,
  columns: number,
  bytesPerCell: number,
  limitBytes = REQUEST_LIMIT_BYTES,
): ChunkRange[] {
  const rowBytes = Math.max(1, columns) * Math.max(1, bytesPerCell);
  // The outer brackets of the 2-D array take two bytes of every chunk.
  const perChunk = Math.max(1, Math.floor((limitBytes - 2) / rowBytes));
  const chunks: ChunkRange[] = [];
  for (let start = 0; start < rows; start += perChunk)
    chunks.push({ start, count: Math.min(perChunk, rows - start) });
  return chunks;
}

/**
 * UTF-8 bytes of the JSON of a 2-D block of cells: what the block adds to an Office.js request
 * (for `values`, `formulas` or `numberFormat`) or to its response.
 *
 * @example estimateBytes([["客户", 1]]) // 14, i.e. the bytes of [["客户",1]]
 */
export function estimateBytes(values: readonly (readonly unknown[])[]): number {
  return utf8Length(JSON.stringify(values));
}

/**
 * Bytes per cell to plan a block's chunks with: the largest row of an evenly spaced sample of at
 * most `sampleRows` rows (the first and last row included), divided by `columns`, rounded up.
 * The largest row rather than the mean, so that a chunk of rows like the sample stays under the limit.
 *
 * @example bytesPerCellOf([["a", 1], ["bbbb", 22]], 2) // 6: the row ["bbbb",22] plus its comma is 12 bytes
 */
export function bytesPerCellOf(
  rows: readonly (readonly unknown[])[],
  columns: number,
  sampleRows = SAMPLE_ROWS,
): number {
  if (rows.length === 0) return 1;
  const n = Math.min(rows.length, Math.max(1, sampleRows));
  let largest = 0;
  for (let k = 0; k < n; k++) {
    const i = n === 1 ? 0 : Math.round((k * (rows.length - 1)) / (n - 1));
    // One byte more for the comma between rows.
    largest = Math.max(largest, utf8Length(JSON.stringify(rows[i])) + 1);
  }
  return Math.max(1, Math.ceil(largest / Math.max(1, columns)));
}

/** UTF-8 length of a string without allocating its bytes. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      // A surrogate pair is one 4-byte character.
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}
