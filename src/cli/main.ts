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
import { stdio, type Io } from "./io";
import { formatDay, parseIsoDay } from "../engine/dates";
import { TierError } from "../engine/errors";
import { grade, type PresentedResult } from "../engine/grade";
import type { ReasonParams } from "../engine/reasons";
import { nextJson } from "./next";
import { reasonText } from "../i18n/reasons";
import { countsLine } from "../i18n/counts";
import { percentText } from "../i18n/percent";
import { presentResult } from "../i18n/result";
import { preset, PRESET_NAMES, PRESETS } from "../engine/presets";
import { toCsv } from "../workbook/csv-out";
import { gradedWorkbook } from "../workbook/file-host";
import { writeFormulasOut } from "./formulas";
import { hasFormulaForm } from "../workbook/formulas";
import { runDemo } from "./demo";
import { checkOut } from "./out";
import {
  inputOption,
  langOfArgs,
  langOption,
  mappingList,
  parseMap,
  POLICY_OPTIONS,
  readTable,
  ruleSetOf,
  TABLE_OPTIONS,
} from "./options";
import { sqlCommand, SQL_USAGE } from "./sql";
import { historyCommand, HISTORY_USAGE } from "./history";
import { planCommand, PLAN_USAGE } from "./plan";
import { clvCommand, CLV_USAGE } from "./clv";
import { padDisplay } from "./text";

const USAGE = `usage:
  tier grade <file.csv|file.xlsx> (--preset NAME | --rules FILE.json) [--input orders|customers]
             [--sheet NAME] [--map ROLE=HEADER]... [--as-of YYYY-MM-DD] [--lang en|zh] [--out FILE.csv|FILE.json|FILE.xlsx] [--overwrite]
             [--formulas --out FILE.xlsx]
  tier presets [--json NAME]
${PLAN_USAGE}
${HISTORY_USAGE}
${SQL_USAGE}
${CLV_USAGE}
  tier demo [--out DIR] [--lang en|zh]`;

export type { Io };

/** Reasons from the engine or the SQL builder → the option that acts on them (`cli.hint*`). */
const CLI_HINTS: Readonly<Record<string, string>> = {
  "column.missing": "cli.hintMap",
  "headers.unknownRole": "cli.hintMapRoles",
  "headers.unknownHeader": "cli.hintMapHeaders",
  "sql.abcMonths": "cli.hintMonths",
  "sql.abcMonthsOrders": "cli.hintCustomers",
  "sql.perRowInOrders": "cli.hintCustomers",
  "sql.ordersRole": "cli.hintCustomers",
  "clv.needsColumns": "cli.hintMapClv",
  "workbook.noVisibleSheet": "cli.hintSheet",
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
      case "clv":
        return await clvCommand(rest, io);
      case "help":
      case "--help":
      case "-h":
      case undefined:
        io.out(USAGE + "\n");
        return command === undefined ? 2 : 0;
      default:
        throw new TierError("cli.unknownCommand", {
          command,
          commands: ["grade", "presets", "plan", "history", "sql", "clv", "demo"],
        });
    }
  } catch (e) {
    const lang = langOfArgs(argv);
    const err = e as Error & { code?: string };
    if (e instanceof TierError) {
      io.err(`tier: ${reasonText(e, lang)}\n`);
      // Engine and SQL reasons never name a flag; here the way to act on them is one.
      const hint = CLI_HINTS[e.code];
      if (hint) io.err(`tier: ${reasonText({ code: hint, params: e.params }, lang)}\n`);
      return 2;
    }
    if (err.code?.startsWith("ERR_PARSE_ARGS")) {
      io.err(`tier: ${reasonText({ code: "cli.badArgs", params: { detail: err.message } }, lang)}\n`);
      return 2;
    }
    io.err(`tier: ${reasonText({ code: "cli.unexpected", params: { detail: err.message } }, lang)}\n`);
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
      overwrite: { type: "boolean" },
      formulas: { type: "boolean" },
    },
  });
  if (positionals.length !== 1)
    throw new TierError("cli.oneFile", { command: "grade", got: positionals.length, usage: USAGE });
  const input = inputOption(values.input);
  const lang = langOption(values.lang);
  const map = parseMap(values.map);
  const ruleSet = await ruleSetOf(values);
  const asOf = values["as-of"] === undefined ? undefined : parseIsoDay(values["as-of"]);

  await checkOut(values.out, positionals[0], values.overwrite === true);
  const table = await readTable(positionals[0], values.sheet);
  for (const note of table.notes ?? []) io.err(`${reasonText(note, lang)}\n`);
  // Rows that are not customers (units row, totals, footnotes) are in the problems `report` lists.
  const result = presentResult(grade(table, ruleSet, { input, map, asOf, explain: true }), lang);
  report(result, table.sheetName, io);

  const out = values.out;
  if (values.formulas && !hasFormulaForm(ruleSet.method))
    // k-means has no formula form: say so, and write its tiers as values below.
    io.err(`${reasonText({ code: "formulas.noFormulaForm", params: { method: ruleSet.method } }, lang)}\n`);
  else if (values.formulas) return await writeFormulasOut(out, positionals[0], table, result, ruleSet, lang);
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
  else throw new TierError("cli.badOut", { allowed: [".csv", ".json", ".xlsx"], got: out });
  return 0;
}

function report(result: PresentedResult, sheetName: string, io: Io): void {
  const lang = result.lang;
  const say = (code: string, params?: ReasonParams) => reasonText({ code, params }, lang);
  const mapping = mappingList(result.mapping, lang);
  io.err(
    say("cli.sheetInput", {
      sheet: sheetName,
      input: { code: `cli.input.${result.input}` },
      guessed: result.inputGuessed ? 1 : 0,
    }) + "\n",
  );
  io.err(say("cli.columns", { mapping }) + "\n");
  io.err(say("cli.asOfPolicy", { date: formatDay(result.asOf), policy: result.ruleSet.name[lang] }) + "\n");
  io.err(countsLine(result, lang) + "\n");
  // A fitted model that does not fit these customers (the clv policy), before the row problems.
  for (const text of result.warningTexts ?? []) io.err(text + "\n");
  if (result.problems.length) {
    const shown = result.problems
      .slice(0, 5)
      .map((p, i) => "  " + say("cli.problemRow", { row: p.row, text: result.problemTexts[i] }));
    if (result.problems.length > 5) shown.push("  " + say("cli.more", { n: result.problems.length - 5 }));
    io.err(say("cli.problems", { n: result.problems.length }) + "\n" + shown.join("\n") + "\n");
  }
  const hasSales = "amount" in result.columns;
  for (const s of result.summary) {
    const share = percentText(s.customerShare, lang).padStart(6);
    const sales = hasSales
      ? "  " + say("cli.ofSales", { share: percentText(s.amountShare, lang).padStart(6) })
      : "";
    io.err(`  ${padDisplay(s.tier, 24)} ${String(s.customers).padStart(7)}  ${share}${sales}\n`);
  }
}

function toJson(result: PresentedResult): string {
  const rows = result.columns.customer_id.map((_, i) => ({
    ...Object.fromEntries(result.keys.map((k) => [k, result.columns[k][i]])),
    ...nextJson(result, i),
  }));
  return (
    JSON.stringify(
      {
        policy: result.ruleSet.name,
        method: result.ruleSet.method,
        input: result.input,
        asOf: formatDay(result.asOf),
        mapping: result.mapping,
        customers: {
          inSheet: result.graded + result.ungraded,
          graded: result.graded,
          ungraded: result.ungraded,
        },
        summary: result.summary,
        problems: result.problems.map((p, i) => ({ ...p, text: result.problemTexts[i] })),
        rows,
        ...(result.warnings
          ? { warnings: result.warnings.map((w, i) => ({ ...w, text: result.warningTexts?.[i] })) }
          : {}),
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
    // A preset with thresholds the source does not give says so (示例门槛): `--json NAME` lists them.
    const examples = "examples" in p && p.examples ? " [示例门槛 example thresholds]" : "";
    io.out(`${name.padEnd(11)} ${p.name.en} / ${p.name.zh}${examples}\n`);
  }
  return 0;
}
