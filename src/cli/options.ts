/**
 * Option handling the `tier` commands share: the policy (`--preset` or `--rules`), `--lang`, the input
 * table's `--input`, `--map` pairs and `--as-of`. Every mistake is a TierError, which the command line
 * prints as one line and exits 2.
 */
import { readFile } from "node:fs/promises";
import { format, MESSAGES, type MessageKey } from "../i18n/messages";
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

/**
 * The language of a command line before its options are parsed (`--lang zh` or `--lang=zh`), so
 * that even a mistake in the options is told in it.
 */
export function langOfArgs(argv: readonly string[]): "en" | "zh" {
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--lang" && argv[i + 1] === "zh") return "zh";
    if (argv[i] === "--lang=zh") return "zh";
  }
  return "en";
}

/** `--lang`: en (the default) or zh. */
export function langOption(lang: string | undefined): "en" | "zh" {
  const l = lang ?? "en";
  if (l !== "en" && l !== "zh")
    throw new TierError("cli.badOption", { option: "--lang", allowed: ["en", "zh"], got: l });
  return l;
}

/** `--input`: orders or customers, undefined when not given (the table decides). */
export function inputOption(input: string | undefined): "orders" | "customers" | undefined {
  if (input !== undefined && input !== "orders" && input !== "customers")
    throw new TierError("cli.badOption", { option: "--input", allowed: ["orders", "customers"], got: input });
  return input;
}

/** Reads and validates a rule file; its problems are named with the file. */
export async function readRules(path: string): Promise<RuleSet> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch {
    throw new TierError("cli.cannotOpenRules", { file: path });
  }
  try {
    return parseRuleSetText(text);
  } catch (e) {
    if (e instanceof TierError) throw new TierError("cli.inRuleFile", { file: path, reason: e });
    throw e;
  }
}

/** The policy of `--preset NAME` or `--rules FILE.json` (exactly one of them). */
export async function ruleSetOf(values: { preset?: string; rules?: string }): Promise<RuleSet> {
  if (!values.preset === !values.rules) throw new TierError("cli.needPolicy");
  return values.preset ? preset(values.preset) : readRules(values.rules!);
}

/** `--map ROLE=HEADER` pairs as a role → header record (`what` names the right side in messages). */
export function parseMap(list: readonly string[] | undefined, what = "HEADER"): Record<string, string> {
  const map: Record<string, string> = {};
  for (const m of list ?? []) {
    const eq = m.indexOf("=");
    if (eq <= 0) throw new TierError("cli.mapPair", { what, got: m });
    map[m.slice(0, eq).trim()] = m.slice(eq + 1).trim();
  }
  return map;
}

/**
 * The columns each role was read from, as `role=header` items for `cli.columns`: roles by the names
 * the pane shows in Chinese, in English by the ids that --map takes.
 */
export function mappingList(mapping: Readonly<Record<string, string>>, lang: "en" | "zh"): string[] {
  const role = (r: string) =>
    lang === "zh" && `role.${r}` in MESSAGES["zh-CN"] ? format("zh-CN", `role.${r}` as MessageKey) : r;
  return Object.entries(mapping).map(([r, header]) => `${role(r)}=${header}`);
}

/** The sheet `--sheet NAME` names (the first one otherwise) of a .csv or .xlsx file, as a table to grade. */
export async function readTable(file: string, sheetName?: string): Promise<SheetTable> {
  let book;
  try {
    book = await readWorkbookFile(file, sheetName);
  } catch (e) {
    // A file the readers cannot make sense of (a damaged workbook) is the user's to fix, not a crash.
    if (e instanceof TierError) throw e;
    throw new TierError("cli.cannotOpen", { file, detail: (e as Error).message });
  }
  const sheet = sheetName ? book.sheets.find((s) => s.name === sheetName) : book.sheets[0];
  if (!sheet)
    throw new TierError("cli.noSheet", {
      sheet: sheetName ?? "",
      file,
      sheets: book.sheets.map((s) => s.name),
    });
  const table = tableFromRows(sheet.rows, book.date1904, sheet.name);
  return { ...table, notes: [...(book.warnings ?? []), ...(table.notes ?? [])] };
}
