/**
 * Workbook files at scale: prints figures, never asserts (a slow shared machine must not fail a build).
 *
 *   node --expose-gc --max-old-space-size=8192 --import tsx bench/workbook-bench.ts [--rows N] [--skip-big]
 *
 * 1. A 100,000-customer workbook: read (FileHost.fromBytes + readSheet), grade (RFM), write (writeGrade:
 *    tier columns, summary, chart) and save (toXlsx), with time per phase and the peak RSS so far.
 * 2. A sheet at Excel's limit, 1,048,575 data rows and 5 columns, written to a temporary file with
 *    exceljs's streaming writer, then read with the streaming reader (xlsx-stream-node.ts), graded and
 *    written out as CSV. exceljs's in-memory load is also tried on it, in a child process with the same
 *    heap limit, to show whether the Node path could do without the streaming reader.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import ExcelJS from "exceljs";
import { parseIsoDay } from "../src/engine/dates";
import { presentResult } from "../src/i18n/result";
import { grade } from "../src/engine/grade";
import { preset } from "../src/engine/presets";
import { tableFromRows } from "../src/engine/table";
import { toCsv } from "../src/workbook/csv-out";
import { FileHost } from "../src/workbook/file-host";
import { writeGrade } from "../src/workbook/write-result";
import { readWorkbookFile } from "../src/workbook/files-node";

const { values } = parseArgs({
  options: {
    rows: { type: "string", default: "100000" },
    big: { type: "string", default: "1048575" },
    "skip-big": { type: "boolean", default: false },
    "in-memory-child": { type: "string" },
  },
});

const AS_OF = parseIsoDay("2025-12-31");
const mb = (bytes: number) => `${(bytes / 1048576).toFixed(0)} MB`;
/** Peak resident set size of this process so far (getrusage maxrss). */
const peak = () => process.resourceUsage().maxRSS * 1024;
const gc = () => (globalThis as { gc?: () => void }).gc?.();

function rand(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function timed<T>(label: string, f: () => Promise<T> | T): Promise<T> {
  gc();
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const out = await f();
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  console.log(
    `  ${label.padEnd(34)} ${(ms / 1000).toFixed(2).padStart(7)} s  (cpu ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s)` +
      `  heap ${mb(process.memoryUsage().heapUsed).padStart(8)}  peak RSS ${mb(peak()).padStart(8)}`,
  );
  return out;
}

async function customersWorkbook(n: number): Promise<Uint8Array> {
  const r = rand(1);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Customers");
  ws.addRow(["Customer ID", "Name", "Amount", "Orders", "Last purchase"]);
  for (let i = 0; i < n; i++) {
    const row = ws.addRow([
      `C${100000 + i}`,
      `Customer ${i}`,
      Math.round(Math.exp(4 + 2 * r()) * 100) / 100,
      1 + Math.floor(r() * 30),
      new Date((AS_OF - Math.floor(r() * 700)) * 86_400_000),
    ]);
    row.getCell(5).numFmt = "yyyy-mm-dd";
  }
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

async function bigFile(file: string, n: number): Promise<void> {
  const r = rand(2);
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: file,
    useSharedStrings: false,
    useStyles: true,
  });
  const ws = wb.addWorksheet("Orders");
  ws.addRow(["Customer ID", "Order Date", "Amount", "Country", "Channel"]).commit();
  const countries = ["UK", "DE", "FR", "NL", "IE"];
  for (let i = 0; i < n; i++) {
    const row = ws.addRow([
      `C${100000 + Math.floor(r() * 250_000)}`,
      new Date((AS_OF - Math.floor(r() * 700)) * 86_400_000),
      Math.round(Math.exp(2 + 2 * r()) * 100) / 100,
      countries[i % 5],
      i % 3 ? "web" : "store",
    ]);
    row.getCell(2).numFmt = "yyyy-mm-dd";
    row.commit();
  }
  ws.commit();
  await wb.commit();
}

async function main(): Promise<void> {
  if (values["in-memory-child"]) {
    // Child: exceljs's in-memory load of the big file, then the file host's read.
    const file = values["in-memory-child"];
    const host = await timed("in-memory load (FileHost)", async () =>
      FileHost.fromBytes(readFileSync(file), file),
    );
    const read = await timed("readSheet", () => host.readSheet("Orders"));
    console.log(`  rows read: ${read.rows.length}`);
    return;
  }
  console.log(
    `node ${process.version}, ${process.platform}, heap limit ${mb(
      (await import("node:v8")).getHeapStatistics().heap_size_limit,
    )}`,
  );

  const n = Number(values.rows);
  console.log(`\n1. ${n.toLocaleString("en")} customers, RFM, through FileHost and writeGrade`);
  const bytes = await timed("make the workbook (exceljs)", () => customersWorkbook(n));
  console.log(`  input ${mb(bytes.length)}`);
  const host = await timed("read: load", () => FileHost.fromBytes(bytes, "customers.xlsx"));
  const read = await timed("read: readSheet", () => host.readSheet("Customers"));
  const table = tableFromRows(read.rows, read.date1904, read.sheetName);
  const result = await timed("grade (rfm)", () =>
    presentResult(grade(table, preset("rfm"), { asOf: AS_OF }), "en"),
  );
  console.log(`  graded ${result.graded} of ${result.columns.customer_id.length}`);
  await timed("write: writeGrade", () => writeGrade(host, read, table, result, { lang: "en" }));
  const out = await timed("write: toXlsx (+ chart)", () => host.toXlsx());
  console.log(`  output ${mb(out.length)}`);

  if (values["skip-big"]) return;
  const big = Number(values.big);
  const dir = mkdtempSync(path.join(tmpdir(), "tier-bench-"));
  const file = path.join(dir, "big.xlsx");
  try {
    console.log(`\n2. ${big.toLocaleString("en")} order rows x 5 columns (Excel's row limit), RFM`);
    await timed("make the file (streaming writer)", () => bigFile(file, big));
    console.log(`  file ${mb(statSync(file).size)}`);
    const book = await timed("read: readWorkbookFile", () => readWorkbookFile(file));
    const sheet = book.sheets[0];
    console.log(`  rows read: ${sheet.rows.length}`);
    const t = tableFromRows(sheet.rows, book.date1904, sheet.name);
    const res = await timed("grade (rfm, orders aggregated)", () =>
      presentResult(grade(t, preset("rfm"), { asOf: AS_OF, input: "orders" }), "en"),
    );
    console.log(`  ${res.columns.customer_id.length} customers, ${res.graded} graded`);
    await timed("write: CSV", () => writeFileSync(path.join(dir, "out.csv"), toCsv(res.keys, res.columns)));

    console.log(`\n   exceljs in-memory load of the same file (child process, same heap limit):`);
    const child = spawnSync(
      process.execPath,
      [
        "--expose-gc",
        "--max-old-space-size=8192",
        "--import",
        "tsx",
        path.resolve(import.meta.dirname, "workbook-bench.ts"),
        "--in-memory-child",
        file,
      ],
      { encoding: "utf8", timeout: 15 * 60_000 },
    );
    process.stdout.write(child.stdout);
    if (child.status !== 0)
      console.log(
        `  failed: ${child.signal ? `signal ${child.signal}` : `exit ${child.status}`} ${(child.stderr || "")
          .split("\n")
          .filter((l) => /heap|memory|Error/i.test(l))
          .slice(0, 2)
          .join(" ")}`,
      );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
