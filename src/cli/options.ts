/**
 * Option handling the `tier` commands share: the policy (`--preset` or `--rules`), `--lang`, the input
 * table's `--input`, `--map` pairs and `--as-of`. Every mistake is a TierError, which the command line
 * prints as one line and exits 2.
 */
import { readFile } from "node:fs/promises";
import { TierError } from "../engine/errors";
import { preset } from "../engine/presets";
import { parseRuleSetText, type RuleSet } from "../engine/ruleset";
import { tableFromRows, type SheetTable } from "../engine/table";
import { readWorkbookFile } from "../workbook/files-node";

/** `--preset`, `--rules` and `--lang`, declared once for parseArgs (grade, plan, sql and history take them). */
export const POLICY_OPTIONS = {
  preset: { type: "string" },
  rules: { type: "string" },
  lang: { type: "string" },
} as const;

/** `--input`, `--map` and `--as-of`: how the commands that read customers or orders read them. */
export const TABLE_OPTIONS = {
  input: { type: "string" },
  map: { type: "string", multiple: true },
  "as-of": { type: "string" },
} as const;

/** `--lang`: en (the default) or zh. */
export function langOption(lang: string | undefined): "en" | "zh" {
  const l = lang ?? "en";
  if (l !== "en" && l !== "zh") throw new TierError(`--lang must be en or zh (got "${lang}")`);
  return l;
}

/** `--input`: orders or customers, undefined when not given (the table decides). */
export function inputOption(input: string | undefined): "orders" | "customers" | undefined {
  if (input !== undefined && input !== "orders" && input !== "customers")
    throw new TierError(`--input must be orders or customers (got "${input}")`);
  return input;
}

/** Reads and validates a rule file; its problems are named with the file. */
export async function readRules(path: string): Promise<RuleSet> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch {
    throw new TierError(`cannot open the rule file "${path}"`);
  }
  try {
    return parseRuleSetText(text);
  } catch (e) {
    if (e instanceof TierError) throw new TierError(`${path}: ${e.message}`);
    throw e;
  }
}

/** The policy of `--preset NAME` or `--rules FILE.json` (exactly one of them). */
export async function ruleSetOf(values: { preset?: string; rules?: string }): Promise<RuleSet> {
  if (!values.preset === !values.rules) throw new TierError("give either --preset NAME or --rules FILE.json");
  return values.preset ? preset(values.preset) : readRules(values.rules!);
}

/** `--map ROLE=HEADER` pairs as a role → header record (`what` names the right side in messages). */
export function parseMap(list: readonly string[] | undefined, what = "HEADER"): Record<string, string> {
  const map: Record<string, string> = {};
  for (const m of list ?? []) {
    const eq = m.indexOf("=");
    if (eq <= 0) throw new TierError(`--map takes ROLE=${what} (got "${m}")`);
    map[m.slice(0, eq).trim()] = m.slice(eq + 1).trim();
  }
  return map;
}

/** The sheet `--sheet NAME` names (the first one otherwise) of a .csv or .xlsx file, as a table to grade. */
export async function readTable(file: string, sheetName?: string): Promise<SheetTable> {
  let book;
  try {
    book = await readWorkbookFile(file, sheetName);
  } catch (e) {
    // A file the readers cannot make sense of (a damaged workbook) is the user's to fix, not a crash.
    if (e instanceof TierError) throw e;
    throw new TierError(`cannot open "${file}": ${(e as Error).message}`);
  }
  const sheet = sheetName ? book.sheets.find((s) => s.name === sheetName) : book.sheets[0];
  if (!sheet)
    throw new TierError(
      `there is no sheet "${sheetName}" in ${file} (sheets: ${book.sheets.map((s) => s.name).join(", ")})`,
    );
  const table = tableFromRows(sheet.rows, book.date1904, sheet.name);
  return { ...table, notes: [...(book.warnings ?? []), ...(table.notes ?? [])] };
}
