/**
 * `tier demo` (npm run demo): grades every bundled sample with its policy into out/, and prints a short
 * table per workbook — the quickest way to see what the engine does with real data.
 */
import { existsSync, mkdirSync, readdirSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { fileURLToPath } from "node:url";
import { parseIsoDay } from "../engine/dates";
import type { ReasonParams } from "../engine/reasons";
import { reasonText } from "../i18n/reasons";
import { presentResult } from "../i18n/result";
import { grade, type InputKind } from "../engine/grade";
import { preset } from "../engine/presets";
import { tableFromRows } from "../engine/table";
import { readWorkbookFile } from "../workbook/files-node";
import { toCsv } from "../workbook/csv-out";
import { gradedWorkbook } from "../workbook/file-host";
import { demoHistory } from "./history";
import type { Io } from "./io";
import { langOption } from "./options";
import { padDisplay, padStartDisplay } from "./text";

interface DemoJob {
  file: string;
  preset: string;
  asOf: string;
  input?: InputKind;
  lang?: "zh" | "en";
  /** What the job shows, as a catalogue code (`cli.demoNote.*`). */
  note: string;
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** The bundled jobs: real public data first, then the seeded samples of the source policies. */
export const DEMO_JOBS: DemoJob[] = [
  {
    file: "test/data/rfm-orders.csv",
    preset: "rfm-r",
    asOf: "2006-12-31",
    note: "cli.demoNote.rfmOrders",
  },
  {
    file: "test/data/rfm-orders.csv",
    preset: "rfm8",
    asOf: "2006-12-31",
    lang: "zh",
    note: "cli.demoNote.rfm8",
  },
  {
    file: "test/data/online-retail-invoices.csv",
    preset: "abc",
    asOf: "2011-12-10",
    note: "cli.demoNote.onlineRetail",
  },
  {
    file: "test/data/online-retail-invoices.csv",
    preset: "pyramid",
    asOf: "2011-12-10",
    lang: "zh",
    note: "cli.demoNote.pyramid",
  },
  {
    file: "samples/abc--tobacco-retailers-zh.xlsx",
    preset: "abc-months",
    asOf: "2025-12-31",
    lang: "zh",
    note: "cli.demoNote.tobacco",
  },
];

/** Sample workbooks under samples/ carry their policy in the name: `<preset>--<anything>.xlsx|csv`. */
function sampleJobs(): DemoJob[] {
  const dir = path.join(root, "samples");
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => /^[a-z0-9-]+--.+\.(xlsx|csv)$/.test(f))
    .sort()
    .map((f) => ({
      file: `samples/${f}`,
      preset: f.split("--")[0],
      asOf: "2025-12-31",
      lang: /zh/.test(f) ? ("zh" as const) : ("en" as const),
      note: "cli.demoNote.seeded",
    }));
}

export async function runDemo(args: readonly string[], io: Io): Promise<number> {
  const { values } = parseArgs({
    args: [...args],
    options: { out: { type: "string" }, lang: { type: "string" } },
  });
  // --lang words the summary printed here; each sample's own outputs stay in the sample's language.
  const lang = langOption(values.lang);
  const say = (code: string, params?: ReasonParams) => reasonText({ code, params }, lang);
  const outDir = path.resolve(values.out ?? path.join(root, "out"));
  mkdirSync(outDir, { recursive: true });
  for (const job of [...DEMO_JOBS, ...sampleJobs()]) {
    const file = path.join(root, job.file);
    const book = await readWorkbookFile(file);
    const sheet = book.sheets[0];
    const table = tableFromRows(sheet.rows, book.date1904, sheet.name);
    const result = presentResult(
      grade(table, preset(job.preset), { asOf: parseIsoDay(job.asOf), input: job.input }),
      job.lang ?? "en",
    );
    const base = `${path.basename(job.file).replace(/\.(csv|xlsx)$/, "")}.${job.preset}`;
    await writeFile(path.join(outDir, `${base}.csv`), "\uFEFF" + toCsv(result.keys, result.columns));
    // The workbook too: its own sheets untouched, plus tier columns or a results sheet, summary and chart.
    const xlsx = await gradedWorkbook(
      await readFile(file),
      file,
      sheet.name,
      table,
      result,
      job.lang ?? "en",
    );
    await writeFile(path.join(outDir, `${base}.xlsx`), xlsx);
    const n = result.columns.customer_id.length;
    io.out(
      `\n${say("cli.demoJob", { file: job.file, preset: job.preset, note: { code: job.note }, asOf: job.asOf })}\n`,
    );
    const counts = {
      n,
      input: { code: `cli.input.${result.input}` },
      graded: result.graded,
      problems: result.problems.length,
    };
    io.out(`  ${say("cli.demoCounts", counts)}\n`);
    const head = (code: string, width: number) => padStartDisplay(say(code), width);
    io.out(
      `  ${padDisplay(say("cli.demoTier"), 22)} ${head("cli.demoCustomers", 9)} ${head("cli.demoShare", 7)} ${head("cli.demoOfSales", 9)}\n`,
    );
    for (const s of result.summary) {
      if (!s.customers) continue;
      io.out(
        `  ${padDisplay(s.tier, 22)} ${String(s.customers).padStart(9)} ${(s.customerShare * 100).toFixed(1).padStart(6)}%` +
          // A policy without an amount (a scorecard) has no share of sales to show.
          `${"amount" in result.columns ? ` ${(s.amountShare * 100).toFixed(1).padStart(8)}%` : ""}\n`,
      );
    }
    io.out(`  → ${path.relative(process.cwd(), path.join(outDir, `${base}`))}.csv, .xlsx\n`);
  }
  // Two quarters of the store members: the change log and the customer notifications.
  io.out(`\n${say("cli.demoQuarterly")}\n`);
  return demoHistory(path.join(outDir, "history"), io, undefined, lang);
}
