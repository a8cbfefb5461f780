/**
 * `tier`: the grading engine on .csv and .xlsx files, without Excel.
 *
 *   tier grade <file> (--preset NAME | --rules FILE.json) [--input orders|customers] [--sheet NAME]
 *              [--map ROLE=HEADER]... [--as-of YYYY-MM-DD] [--lang en|zh] [--out FILE.csv|FILE.json|FILE.xlsx]
 *   tier presets [--json NAME]
 *
 * Exit 0 when it graded (row problems are counted on stderr and listed in the `issue` column),
 * 2 with one readable line for a usage or rules error.
 */
import { readFile, writeFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { formatDay, parseIsoDay } from "../engine/dates";
import { TierError } from "../engine/errors";
import { grade, type GradeResult } from "../engine/grade";
import { preset, PRESET_NAMES, PRESETS } from "../engine/presets";
import { toCsv } from "../workbook/csv-out";
import { gradedWorkbook } from "../workbook/file-host";
import { writeFormulasOut } from "./formulas";
import { runDemo } from "./demo";
import {
  inputOption,
  langOption,
  parseMap,
  POLICY_OPTIONS,
  readTable,
  ruleSetOf,
  TABLE_OPTIONS,
} from "./options";
import { sqlCommand, SQL_USAGE } from "./sql";
import { historyCommand, HISTORY_USAGE } from "./history";
import { planCommand, PLAN_USAGE } from "./plan";
import { padDisplay } from "./text";

const USAGE = `usage:
  tier grade <file.csv|file.xlsx> (--preset NAME | --rules FILE.json) [--input orders|customers]
             [--sheet NAME] [--map ROLE=HEADER]... [--as-of YYYY-MM-DD] [--lang en|zh] [--out FILE.csv|FILE.json|FILE.xlsx]
             [--formulas --out FILE.xlsx]
  tier presets [--json NAME]
${PLAN_USAGE}
${HISTORY_USAGE}
${SQL_USAGE}
  tier demo [--out DIR]`;

/** A mistake of the user's: one line on stderr, exit 2. */
class UsageError extends TierError {}

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}

const stdio: Io = {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
};

/** Runs the command line; returns the exit code (never throws for a user mistake). */
export async function main(argv: readonly string[], io: Io = stdio): Promise<number> {
  try {
    const [command, ...rest] = argv;
    switch (command) {
      case "grade":
        return await gradeCommand(rest, io);
      case "presets":
        return presetsCommand(rest, io);
      case "plan":
        return await planCommand(rest, io);
      case "history":
        return await historyCommand(rest, io);
      case "demo":
        return await runDemo(rest, io);
      case "sql":
        return await sqlCommand(rest, io);
      case "help":
      case "--help":
      case "-h":
      case undefined:
        io.out(USAGE + "\n");
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`unknown command "${command}"; use grade, presets, plan, history, sql or demo`);
    }
  } catch (e) {
    const err = e as Error & { code?: string };
    if (e instanceof TierError || err.code?.startsWith("ERR_PARSE_ARGS")) {
      io.err(`tier: ${err.message}\n`);
      return 2;
    }
    io.err(`tier: unexpected error: ${err.message}\n`);
    if (process.env.TIER_DEBUG) io.err(`${err.stack}\n`);
    return 1;
  }
}

async function gradeCommand(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: {
      ...POLICY_OPTIONS,
      ...TABLE_OPTIONS,
      sheet: { type: "string" },
      out: { type: "string" },
      formulas: { type: "boolean" },
    },
  });
  if (positionals.length !== 1)
    throw new UsageError(`grade takes one file (got ${positionals.length})\n${USAGE}`);
  const input = inputOption(values.input);
  const lang = langOption(values.lang);
  const map = parseMap(values.map);
  const ruleSet = await ruleSetOf(values);
  const asOf = values["as-of"] === undefined ? undefined : parseIsoDay(values["as-of"]);

  const table = await readTable(positionals[0], values.sheet);
  const result = grade(table, ruleSet, {
    input,
    map,
    asOf,
    lang,
  });
  report(result, table.sheetName, io);

  const out = values.out;
  if (values.formulas) return await writeFormulasOut(out, positionals[0], table, result, ruleSet, lang);
  if (!out) io.out(toCsv(result.keys, result.columns));
  else if (out.toLowerCase().endsWith(".json")) await writeFile(out, toJson(result));
  else if (out.toLowerCase().endsWith(".csv"))
    await writeFile(out, "\uFEFF" + toCsv(result.keys, result.columns));
  else if (out.toLowerCase().endsWith(".xlsx"))
    // The workbook itself with the tiers written in: its own sheets untouched, plus the outputs.
    await writeFile(
      out,
      await gradedWorkbook(
        await readFile(positionals[0]),
        positionals[0],
        table.sheetName,
        table,
        result,
        lang,
      ),
    );
  else throw new UsageError(`--out must end in .csv, .json or .xlsx (got "${out}")`);
  return 0;
}

function report(result: GradeResult, sheetName: string, io: Io): void {
  const mapping = Object.entries(result.mapping)
    .map(([role, header]) => `${role}=${header}`)
    .join(", ");
  io.err(
    `sheet "${sheetName}": ${result.input}${result.inputGuessed ? " (guessed: use --input to say)" : ""}\n`,
  );
  io.err(`columns: ${mapping}\n`);
  io.err(`as of ${formatDay(result.asOf)}; policy: ${result.ruleSet.name.en}\n`);
  const rows = result.columns.customer_id.length;
  io.err(`${result.graded} of ${rows} customers graded`);
  if (result.ungraded) io.err(`, ${result.ungraded} without a tier (see the issue column)`);
  io.err("\n");
  if (result.problems.length) {
    const shown = result.problems
      .slice(0, 5)
      .map((p) => `  row ${p.row}${p.column ? `, ${p.column}` : ""}: ${p.reason}`);
    const more = result.problems.length > 5 ? `\n  … and ${result.problems.length - 5} more` : "";
    io.err(`${result.problems.length} row problem(s):\n${shown.join("\n")}${more}\n`);
  }
  for (const s of result.summary) {
    io.err(
      `  ${padDisplay(s.tier, 24)} ${String(s.customers).padStart(7)}  ${(s.customerShare * 100).toFixed(1).padStart(5)} %` +
        `${"amount" in result.columns ? `  of sales ${(s.amountShare * 100).toFixed(1).padStart(5)} %` : ""}\n`,
    );
  }
}

function toJson(result: GradeResult): string {
  const rows = result.columns.customer_id.map((_, i) =>
    Object.fromEntries(result.keys.map((k) => [k, result.columns[k][i]])),
  );
  return (
    JSON.stringify(
      {
        policy: result.ruleSet.name,
        method: result.ruleSet.method,
        input: result.input,
        asOf: formatDay(result.asOf),
        mapping: result.mapping,
        summary: result.summary,
        problems: result.problems,
        rows,
      },
      null,
      1,
    ) + "\n"
  );
}

function presetsCommand(args: readonly string[], io: Io): number {
  const { values } = parseArgs({ args: [...args], options: { json: { type: "string" } } });
  if (values.json) {
    io.out(JSON.stringify(preset(values.json), null, 2) + "\n");
    return 0;
  }
  for (const name of PRESET_NAMES) {
    const p = PRESETS[name];
    io.out(`${name.padEnd(11)} ${p.name.en} / ${p.name.zh}\n`);
  }
  return 0;
}
