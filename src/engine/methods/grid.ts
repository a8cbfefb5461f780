import { z } from "zod";
import { TierError } from "../errors";
import { GRID_CELLS, gridCells, type GridCut } from "../grid";
import { normaliseHeader } from "../headers";
import { readText } from "../values";
import { applyRules } from "../rules";
import { base, colour, names, visits } from "./parts";
import { condition } from "./rules";
import { cents } from "./rfm";
import type { MethodDef, MethodInput, MethodRun, OutValue, RowReason, TierInfo } from "./types";
import { gridNext } from "../next/grid";

const gridCut = z.union([
  z.object({ method: z.literal("fixed"), low: z.number(), high: z.number() }).strict(),
  z.object({ method: z.literal("tercile") }).strict(),
]);

export const gridSchema = z
  .object({
    ...base,
    method: z.literal("grid"),
    x: z.object({ role: z.string().min(1), cut: gridCut, name: names }).strict(),
    y: z.object({ role: z.string().min(1), cut: gridCut, name: names }).strict(),
    cells: z
      .array(
        z
          .object({
            cell: z.string().regex(/^[ABC][123]$/),
            name: names,
            visits,
            colour: colour.optional(),
            /** Visits a month are a range: `visits` at least, up to `maxVisits` while capacity allows. */
            maxVisits: visits.optional(),
          })
          .strict(),
      )
      .length(9),
    /**
     * Who is not graded (准入): filters tried in order before the cut points, a row matching every
     * condition of one is left out and listed with that filter's name.
     */
    eligibility: z.array(z.object({ name: names, when: z.array(condition).min(1) }).strict()).optional(),
    /** The priority cells (优先客户) whose coverage the plan reports. */
    priority: z.array(z.string().regex(/^[ABC][123]$/)).optional(),
    /** The share of priority customers the plan should reach (拜访到的优先客户的百分比). */
    coverageTarget: z.number().gt(0).lte(1).optional(),
    /** Calls a representative makes a day, the plan's default capacity. */
    capacity: z.number().int().min(1).optional(),
  })
  .strict();
export type GridRules = z.infer<typeof gridSchema>;

/**
 * Marks the rows an eligibility filter excludes (first matching filter wins, every condition of it
 * must hold, as a rule table reads), with the filter's name; conditions read the cells as they are.
 */
function excludeIneligible(
  input: MethodInput,
  filters: NonNullable<GridRules["eligibility"]>,
  issue: (RowReason | null)[],
): void {
  const columns: Record<string, unknown[]> = {};
  for (const f of filters)
    for (const c of f.when) {
      if (c.column in columns) continue;
      const header = input.headers.find((h) => normaliseHeader(h) === normaliseHeader(c.column));
      if (header === undefined)
        throw new TierError("column.unknownInRule", { column: c.column, headers: [...input.headers] });
      // A blank cell equals nothing here, so "职务 <> 院长" holds for a doctor with no post written.
      columns[c.column] = input.cells(header).map((v) => (readText(v) === "" ? BLANK : v));
    }
  const hit = applyRules(
    { rules: filters.map((f, k) => ({ tier: String(k), when: f.when })) },
    columns,
    input.n,
  );
  for (let i = 0; i < input.n; i++) {
    if (hit[i] < 0 || issue[i] || input.failed[i]) continue;
    const name = filters[hit[i]].name;
    issue[i] = {
      code: "grid.excluded",
      params: { rule: { code: "names.both", params: { zh: name.zh, en: name.en } } },
    };
  }
}

/** Stands for a blank cell in eligibility conditions: no value a user types is equal to it. */
const BLANK = "\u0000";

const fail = (code: string, params: Record<string, string | number>, path: string): never => {
  throw new TierError(code, params, path);
};

/** Default cell colours: strong where both axes are high (A1), pale where both are low (C3). */
const CELL_COLOURS: Record<string, string> = {
  A1: "#1E7B34",
  A2: "#4CA64C",
  A3: "#9BCB6A",
  B1: "#3F7FBF",
  B2: "#7FA7D9",
  B3: "#C5D8EF",
  C1: "#F08A4B",
  C2: "#F2C14E",
  C3: "#D9D9D9",
};

/**
 * The nine-grid: X (potential) and Y (current value) each cut high / middle / low, by terciles of
 * this run or fixed thresholds; the cell is a letter for X (A high … C low) and a digit for Y
 * (1 high … 3 low), each with its name and visits a month.
 *
 * @example methodOf(preset("grid9")).tiers(preset("grid9")).map((t) => t.key) // ["A1", "A2", …, "C3"]
 */
export const gridMethod: MethodDef<GridRules> = {
  id: "grid",
  schema: gridSchema,
  chart: "grid",
  check(rs) {
    for (const axis of ["x", "y"] as const) {
      const cut = rs[axis].cut;
      if (cut.method === "fixed" && !(cut.low < cut.high))
        fail("rules.gridCutOrder", { axis }, `${axis}.cut.low`);
    }
    const seen = new Set<string>();
    rs.cells.forEach((c, i) => {
      if (seen.has(c.cell)) fail("rules.duplicateCell", { cell: c.cell }, `cells[${i}].cell`);
      seen.add(c.cell);
    });
  },
  needs: (rs) => [
    { role: "customer_id" },
    { role: rs.x.role as "potential" },
    { role: rs.y.role as "current_value" },
  ],
  tiers(rs): TierInfo[] {
    const byCell = new Map(rs.cells.map((c) => [c.cell, c]));
    return GRID_CELLS.map((cell) => {
      const c = byCell.get(cell)!;
      return {
        key: cell,
        name: c.name,
        colour: c.colour ?? CELL_COLOURS[cell],
        visits: c.visits,
        ...(c.maxVisits !== undefined ? { maxVisits: c.maxVisits } : {}),
      };
    });
  },
  run(input, rs): MethodRun {
    const n = input.n;
    const issue: (RowReason | null)[] = new Array(n).fill(null);
    const tier: (string | null)[] = new Array(n).fill(null);
    // Eligibility first: an excluded row takes part in no cut point.
    if (rs.eligibility) excludeIneligible(input, rs.eligibility, issue);
    const xk = input.columnKey(rs.x.role);
    const yk = input.columnKey(rs.y.role);
    input.requireValid([xk, yk], issue);
    const [x, y] = input.masked([xk, yk], issue);
    const cells = gridCells(x, y, { x: rs.x.cut as GridCut, y: rs.y.cut as GridCut });
    const cellOut: OutValue[] = new Array(n).fill(null);
    const visitsOut: OutValue[] = new Array(n).fill(null);
    const byCell = new Map(rs.cells.map((c) => [c.cell, c]));
    for (let i = 0; i < n; i++) {
      if (cells[i] < 0) continue;
      const c = byCell.get(GRID_CELLS[cells[i]])!;
      cellOut[i] = c.cell;
      tier[i] = c.cell;
      visitsOut[i] = c.visits;
    }
    return {
      columns: [
        [xk, cents(x)],
        [yk, cents(y)],
        ["cell", cellOut],
        ["visits", visitsOut],
      ],
      tier,
      issue,
    };
  },
  // Reasons and next steps (issue 17).
  ...gridNext,
};
