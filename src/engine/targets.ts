/**
 * The target list (狙击手表, seed 000 "九宫格与狙击手表管理"): the priority customers of a visit plan with
 * their cell, the visits planned this month and their last visit, covered or not.
 */
import { readDate } from "./dates";
import type { PresentedResult } from "./grade";
import { dataIndex, type SheetTable } from "./table";
import type { VisitCustomer, VisitPlan } from "./visits";

/** One row of the target list. */
export interface TargetRow {
  id: string;
  name: string | null;
  /** The tier key (the nine-grid cell, "A1"). */
  cell: string | null;
  /** The tier's name as the plan shows it. */
  tier: string;
  planned: number;
  /** Day number of the last visit, when the sheet has a last-visit column and the cell is a date. */
  lastVisit: number | null;
}

/** Headers of a last-visit column. */
const LAST_VISIT = /最近拜访|上次拜访|末次拜访|last visit/i;

/**
 * The priority customers (their tier name in `priority`) in plan order, with planned visits and
 * last visit read from the sheet's last-visit column.
 *
 * @example targetList(table, result, customers, plan, ["重点维护"])[0] // { id: "YS0005", cell: "A1", planned: 6, lastVisit: 20388, … }
 */
export function targetList(
  table: SheetTable,
  result: PresentedResult,
  customers: readonly VisitCustomer[],
  plan: VisitPlan,
  priority: readonly string[],
): TargetRow[] {
  const planned = new Int32Array(customers.length);
  for (const v of plan.visits) planned[v.customer]++;
  const wanted = new Set(priority);
  const lastCol = table.headers.findIndex((h) => LAST_VISIT.test(h));
  // visitCustomers keeps the graded customers in result order: the k-th is the k-th graded row.
  const graded = result.columns.tier.flatMap((t, i) => (t === null || t === undefined ? [] : [i]));
  const out: TargetRow[] = [];
  customers.forEach((c, k) => {
    if (!wanted.has(c.tier)) return;
    const i = graded[k];
    const row = table.rows[dataIndex(table, result.sourceRow[i])] ?? [];
    const last = lastCol < 0 ? NaN : readDate(row[lastCol], { date1904: table.date1904 });
    out.push({
      id: c.id,
      name: c.name ?? null,
      cell: result.tierKeys[i] ?? null,
      tier: c.tier,
      planned: planned[k],
      lastVisit: typeof last === "number" ? last : null,
    });
  });
  return out;
}
