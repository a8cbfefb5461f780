import { z } from "zod";
import { TierError } from "../errors";
import { GRID_CELLS, gridCells, type GridCut } from "../grid";
import { base, colour, names, visits } from "./parts";
import { cents } from "./rfm";
import type { MethodDef, MethodRun, OutValue, RowReason, TierInfo } from "./types";
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
          .object({ cell: z.string().regex(/^[ABC][123]$/), name: names, visits, colour: colour.optional() })
          .strict(),
      )
      .length(9),
  })
  .strict();
export type GridRules = z.infer<typeof gridSchema>;

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
      return { key: cell, name: c.name, colour: c.colour ?? CELL_COLOURS[cell], visits: c.visits };
    });
  },
  run(input, rs): MethodRun {
    const n = input.n;
    const issue: (RowReason | null)[] = new Array(n).fill(null);
    const tier: (string | null)[] = new Array(n).fill(null);
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
