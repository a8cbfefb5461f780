/**
 * CSV text for graded columns. Text that starts with `=`, `+`, `-`, `@` (or a tab or carriage return)
 * gets a leading apostrophe so that Excel opens it as text, never as a formula; numbers are left alone.
 *
 * @example toCsv(["customer_id"], { customer_id: ["=HYPERLINK(1)"] }) // "customer_id\r\n'=HYPERLINK(1)\r\n"
 */
export function toCsv(
  keys: readonly string[],
  columns: Readonly<Record<string, readonly unknown[]>>,
): string {
  const n = columns[keys[0]]?.length ?? 0;
  const lines = [keys.map(csvCell).join(",")];
  for (let i = 0; i < n; i++) lines.push(keys.map((k) => csvCell(columns[k][i])).join(","));
  return lines.join("\r\n") + "\r\n";
}

/** True for text Excel would read as a formula. */
export function looksLikeFormula(s: string): boolean {
  return /^[=+\-@\t\r]/.test(s);
}

function csvCell(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "number") return Number.isFinite(v) ? String(v) : "";
  let s = String(v);
  if (looksLikeFormula(s)) s = "'" + s;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
