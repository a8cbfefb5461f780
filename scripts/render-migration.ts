/**
 * Renders the change log of a re-evaluation as LibreOffice prints it: the coloured migration matrix
 * and the tier flow chart beside the change list, into docs/images/migration.png. The data are real:
 * the Online Retail orders of samples/rfm--online-orders.xlsx (UCI Online Retail, 2010-12 to
 * 2011-12-09) graded with the customer pyramid preset as of 2011-09-30 (orders up to then) and as of
 * 2011-12-09 (all orders), so customers move up and down the pyramid and new ones come in.
 *
 *   node --import tsx scripts/render-migration.ts
 *
 * Needs soffice and pdftoppm (poppler-utils) on the PATH.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, renameSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { readTable } from "../src/cli/options";
import { parseIsoDay, readDate } from "../src/engine/dates";
import { grade } from "../src/engine/grade";
import { compareSnapshots, snapshotOf } from "../src/engine/history";
import { tiersOf } from "../src/engine/methods";
import { preset } from "../src/engine/presets";
import { presentResult } from "../src/i18n/result";
import { FileHost } from "../src/workbook/file-host";
import { writeChanges } from "../src/workbook/write-plan";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const work = mkdtempSync(path.join(tmpdir(), "tier-migration-"));
const table = await readTable(path.join(root, "samples", "rfm--online-orders.xlsx"));
const rules = preset("pyramid");
const q4 = parseIsoDay("2025-12-31");
const q3 = parseIsoDay("2025-09-30");
const now = presentResult(grade(table, rules, { asOf: q4 }), "zh");
const dateColumn = table.headers.indexOf(now.mapping.date);
const before = presentResult(
  grade(
    {
      ...table,
      rows: table.rows.filter((r) => {
        const d = readDate(r[dateColumn], { date1904: table.date1904 });
        return typeof d === "number" && d <= q3;
      }),
    },
    rules,
    { asOf: q3 },
  ),
  "zh",
);
const tiers = tiersOf(rules);
const migration = compareSnapshots(
  snapshotOf(before, "2025Q3", "pyramid"),
  snapshotOf(now, "2025Q4", "pyramid"),
  tiers,
  "zh",
);
const host = FileHost.empty();
const sheet = await writeChanges(host, migration, "zh", undefined, tiers);
const xlsx = path.join(work, "migration.xlsx");
writeFileSync(xlsx, await host.toXlsx());
const run = (bin: string, args: string[]) => {
  const r = spawnSync(bin, args, { stdio: "inherit" });
  if (r.status !== 0) throw new Error(`${bin} exited ${r.status}`);
};
run("soffice", [
  `-env:UserInstallation=file://${path.join(work, "profile")}`,
  "--headless",
  "--convert-to",
  "pdf",
  "--outdir",
  work,
  xlsx,
]);
run("pdftoppm", [
  "-png",
  "-r",
  "80",
  "-f",
  "1",
  "-l",
  "1",
  path.join(work, "migration.pdf"),
  path.join(work, "page"),
]);
const page = spawnSync("sh", ["-c", `ls ${work}/page*.png`], { encoding: "utf8" }).stdout.trim();
renameSync(page, path.join(root, "docs", "images", "migration.png"));
console.log(
  `sheet 「${sheet}」: ${migration.changes.length} changes`,
  migration.counts,
  "→ docs/images/migration.png",
);
