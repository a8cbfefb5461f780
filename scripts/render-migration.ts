/**
 * Renders the change log of a re-evaluation as LibreOffice prints it: the coloured migration matrix
 * and the tier flow chart beside the change list, into docs/images/migration.png (the data: see
 * scripts/migration-demo.ts).
 *
 *   node --import tsx scripts/render-migration.ts
 *
 * Needs soffice and pdftoppm (poppler-utils) on the PATH.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, renameSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { FileHost } from "../src/workbook/file-host";
import { writeChanges } from "../src/workbook/write-plan";
import { demoMigration, ROOT } from "./migration-demo";

const work = mkdtempSync(path.join(tmpdir(), "tier-migration-"));
const { migration, tiers } = await demoMigration("zh");
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
  "110",
  "-f",
  "1",
  "-l",
  "1",
  path.join(work, "migration.pdf"),
  path.join(work, "page"),
]);
const page = readdirSync(work).find((f) => /^page.*\.png$/.test(f))!;
renameSync(path.join(work, page), path.join(ROOT, "docs", "images", "migration.png"));
console.log(
  `sheet 「${sheet}」: ${migration.changes.length} changes`,
  migration.counts,
  "→ docs/images/migration.png",
);
