/**
 * A workbook at Excel's row limit graded from the command line: 1,048,576 rows (a header and
 * 1,048,575 orders) graded with RFM to `--out x.xlsx` (the surgical copy) and to `--out x.csv`, each
 * in a child process, with wall time and the child's peak RSS. Prints figures, never asserts.
 *
 *   node --import tsx bench/grade-big-bench.ts [--rows N] [--keep FILE]
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import ExcelJS from "exceljs";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    rows: { type: "string", default: "1048575" },
    keep: { type: "string" },
    child: { type: "boolean", default: false },
  },
});

if (values.child) {
  // The child: the command line itself, then its peak RSS for the parent.
  const { main } = await import("../src/cli/main");
  const code = await main(positionals, { out: () => {}, err: () => {} });
  process.stdout.write(`\n@@ ${code} ${process.resourceUsage().maxRSS * 1024}\n`);
  process.exit(0);
}

const mb = (bytes: number) => `${(bytes / 1048576).toFixed(0)} MB`;
const AS_OF_MS = Date.UTC(2025, 11, 31);

function rand(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function ordersFile(file: string, n: number): Promise<void> {
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
      new Date(AS_OF_MS - Math.floor(r() * 700) * 86_400_000),
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

/** Customers, one row each: the tier columns go into this sheet itself, through the streaming patcher. */
async function customersFile(file: string, n: number): Promise<void> {
  const r = rand(3);
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: file,
    useSharedStrings: false,
    useStyles: true,
  });
  const ws = wb.addWorksheet("Customers");
  ws.addRow(["Customer ID", "Name", "Amount"]).commit();
  for (let i = 0; i < n; i++)
    ws.addRow([`C${1_000_000 + i}`, `Customer ${i}`, Math.round(Math.exp(2 + 3 * r()) * 100) / 100]).commit();
  ws.commit();
  await wb.commit();
}

/** Grades `input` to graded.<ext> in a child process; prints wall time, the child's peak RSS and the output size. */
function run(input: string, ext: string, policy: string[]): void {
  const out = path.join(dir, `graded.${ext}`);
  const t0 = performance.now();
  const child = spawnSync(
    process.execPath,
    [
      "--max-old-space-size=8192",
      "--import",
      "tsx",
      import.meta.filename,
      "--child",
      "--",
      "grade",
      input,
      ...policy,
      "--as-of",
      "2025-12-31",
      "--out",
      out,
    ],
    { encoding: "utf8", timeout: 30 * 60_000, maxBuffer: 1 << 24 },
  );
  const s = (performance.now() - t0) / 1000;
  const m = /@@ (\d+) (\d+)/.exec(child.stdout ?? "");
  if (!m || m[1] !== "0") {
    console.log(
      `  --out x.${ext}: failed (${child.signal ?? `exit ${child.status}`}) ${(child.stderr ?? "").slice(0, 300)}`,
    );
    return;
  }
  console.log(
    `  --out x.${ext.padEnd(4)} ${s.toFixed(1).padStart(6)} s  peak RSS ${mb(Number(m[2])).padStart(8)}  output ${mb(statSync(out).size)}`,
  );
}

const n = Number(values.rows);
const dir = mkdtempSync(path.join(tmpdir(), "tier-big-"));
const file = values.keep ?? path.join(dir, "orders.xlsx");
try {
  console.log(
    `\n${(n + 1).toLocaleString("en")}-row orders workbook graded by \`tier grade --preset rfm --input orders\``,
  );
  if (!existsSync(file)) {
    const t0 = performance.now();
    await ordersFile(file, n);
    console.log(
      `  made with exceljs's streaming writer in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );
  }
  console.log(`  input ${mb(statSync(file).size)}`);
  for (const ext of ["xlsx", "csv"]) run(file, ext, ["--preset", "rfm", "--input", "orders"]);
  console.log(
    `\n${(n + 1).toLocaleString("en")}-row customers workbook graded by \`tier grade --preset abc\` (tier columns in the sheet)`,
  );
  const customers = path.join(dir, "customers.xlsx");
  await customersFile(customers, n);
  console.log(`  input ${mb(statSync(customers).size)}`);
  run(customers, "xlsx", ["--preset", "abc", "--input", "customers"]);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
