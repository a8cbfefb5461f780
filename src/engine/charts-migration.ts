/**
 * The re-evaluation chart description (issue 15): the migration matrix of two evaluations with each
 * cell classed up / down / same / new / gone and shaded by its count, and the flow of customers from
 * the previous tier to the current one. The file writer, the Office host and the pane all draw this
 * one description; tiers travel as keys, the renderers name them at the edge.
 */
import { mix } from "./colour";
import type { ChangeKind, Migration } from "./history";
import type { TierInfo } from "./methods";

/** The row and column key of "no tier": customers new this time (row) or gone since (column). */
export const NO_TIER = "(none)";

/** What a cell of the matrix means: a change kind, or the empty corner (no tier before and now). */
export type MigrationClass = ChangeKind | "none";

/** A cell of the matrix: customers in tier `from` before and `to` now. */
export interface MigrationCell {
  readonly from: string;
  readonly to: string;
  readonly customers: number;
  readonly change: MigrationClass;
  /** `#RRGGBB`, the class's hue shaded by the count (text colour by `textOn`). */
  readonly fill: string;
}

/** A link of the flow: customers who went from one tier to another (only links with customers). */
export interface MigrationFlow {
  readonly from: string;
  readonly to: string;
  readonly customers: number;
  readonly change: ChangeKind;
}

/** The migration matrix (previous rows × current columns, best first) and the flow between them. */
export interface MigrationChart {
  readonly kind: "migration";
  /** Previous tiers best first, then {@link NO_TIER} (customers new this time). */
  readonly rows: readonly string[];
  /** Current tiers best first, then {@link NO_TIER} (customers gone). */
  readonly columns: readonly string[];
  /** Row-major, `rows.length × columns.length`. */
  readonly cells: readonly MigrationCell[];
  /** Colour of each tier key, and {@link NO_TIER_COLOUR} for {@link NO_TIER}: the flow's series. */
  readonly colours: Readonly<Record<string, string>>;
  readonly flows: readonly MigrationFlow[];
  readonly counts: Readonly<Record<ChangeKind, number>>;
}

/**
 * Pale (no customers) and deep (the fullest cell) ends of each class's shading: green up, red down,
 * grey on the diagonal, blue for new customers, orange for gone ones (Excel's own good / bad / neutral
 * hues, so a spreadsheet user reads them as they read Excel's cell styles).
 */
export const MIGRATION_SHADES: Readonly<Record<MigrationClass, { low: string; high: string }>> = {
  up: { low: "#EEF6E8", high: "#548235" },
  down: { low: "#FBEAEA", high: "#C00000" },
  same: { low: "#F2F2F2", high: "#808080" },
  new: { low: "#EAF2FA", high: "#2F75B5" },
  gone: { low: "#FDF0E6", high: "#C55A11" },
  none: { low: "#FFFFFF", high: "#FFFFFF" },
};

/** "No tier" in the flow: the gone customers' orange (a grey would read as a silver or neutral tier). */
export const NO_TIER_COLOUR = MIGRATION_SHADES.gone.high;

/**
 * Which change a cell of the matrix is: rows and columns are tiers best first, the last of each
 * "no tier". Moving to a column left of the diagonal is an upgrade.
 *
 * @example migrationClass(2, 0, 3) // "up" (third tier before, best tier now)
 */
export function migrationClass(row: number, column: number, tiers: number): MigrationClass {
  const wasNone = row === tiers;
  const isNone = column === tiers;
  if (wasNone && isNone) return "none";
  if (wasNone) return "new";
  if (isNone) return "gone";
  return column < row ? "up" : column > row ? "down" : "same";
}

/**
 * The migration chart of a comparison (`compareSnapshots`) under its tiers: the matrix classed and
 * shaded (a cell with customers is 25 % to 100 % of the way from its class's pale to its deep end, by
 * its count against the fullest cell; an empty cell stays pale), and the flow as links from previous to
 * current tier in matrix order.
 *
 * @example migrationChart(compareSnapshots(before, now, tiers), tiers).cells[1].change // "down"
 */
export function migrationChart(
  migration: Pick<Migration, "matrix" | "counts">,
  tiers: readonly TierInfo[],
): MigrationChart {
  const n = tiers.length;
  const m = migration.matrix;
  if (m.length !== n + 1 || m.some((row) => row.length !== n + 1))
    throw new RangeError(`the matrix is not ${n + 1} × ${n + 1}: compare with the same tiers`);
  const keys = [...tiers.map((t) => t.key), NO_TIER];
  let max = 0;
  for (const row of m) for (const c of row) max = Math.max(max, c);
  const cells: MigrationCell[] = [];
  const flows: MigrationFlow[] = [];
  for (let r = 0; r <= n; r++)
    for (let c = 0; c <= n; c++) {
      const change = migrationClass(r, c, n);
      const customers = m[r][c];
      const { low, high } = MIGRATION_SHADES[change];
      const fill = customers > 0 ? mix(low, high, 0.25 + (0.75 * customers) / max) : low;
      cells.push({ from: keys[r], to: keys[c], customers, change, fill });
      if (customers > 0 && change !== "none") flows.push({ from: keys[r], to: keys[c], customers, change });
    }
  const colours: Record<string, string> = Object.fromEntries(tiers.map((t) => [t.key, t.colour]));
  colours[NO_TIER] = NO_TIER_COLOUR;
  return {
    kind: "migration",
    rows: keys,
    columns: keys,
    cells,
    colours,
    flows,
    counts: { ...migration.counts },
  };
}
