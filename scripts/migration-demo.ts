/**
 * The re-evaluation the migration renders show: the seeded online orders of
 * samples/rfm--online-orders.xlsx (scripts/make-samples.ts, 2024-01 to 2025-12) graded with the
 * customer pyramid preset as of 2025-09-30 (orders up to then) and as of 2025-12-31 (all orders). The
 * pyramid's levels are shares of customers, so some move up, some down, and new customers come in.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { readTable } from "../src/cli/options";
import { parseIsoDay, readDate } from "../src/engine/dates";
import { grade, type Lang } from "../src/engine/grade";
import { compareSnapshots, snapshotOf, type Migration } from "../src/engine/history";
import { tiersOf, type TierInfo } from "../src/engine/methods";
import { preset } from "../src/engine/presets";
import { presentResult } from "../src/i18n/result";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** The two quarters compared, with the pyramid's tiers, in `lang`. */
export async function demoMigration(lang: Lang): Promise<{ migration: Migration; tiers: TierInfo[] }> {
  const table = await readTable(path.join(ROOT, "samples", "rfm--online-orders.xlsx"));
  const rules = preset("pyramid");
  const q3 = parseIsoDay("2025-09-30");
  const q4 = parseIsoDay("2025-12-31");
  const now = presentResult(grade(table, rules, { asOf: q4 }), lang);
  const dateColumn = table.headers.indexOf(now.mapping.date);
  const rows = table.rows.filter((r) => {
    const d = readDate(r[dateColumn], { date1904: table.date1904 });
    return typeof d === "number" && d <= q3;
  });
  const before = presentResult(grade({ ...table, rows }, rules, { asOf: q3 }), lang);
  const tiers = tiersOf(rules);
  const migration = compareSnapshots(
    snapshotOf(before, "2025Q3", "pyramid"),
    snapshotOf(now, "2025Q4", "pyramid"),
    tiers,
    lang,
  );
  return { migration, tiers };
}
