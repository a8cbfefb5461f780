/**
 * Orders for the CLV models from a sheet: the customer, date and amount columns found by their
 * headers (or named by the user), each row read and checked. Shared by `tier clv` and the pane.
 */
import { customerId } from "../aggregate";
import { readDate } from "../dates";
import { TierError } from "../errors";
import { resolveMapping } from "../headers";
import type { Problem } from "../reasons";
import { sheetRow, type SheetTable } from "../table";
import { readNumber } from "../values";

/** The orders read, the rows that could not be, and which header gave which column. */
export interface TableOrders {
  ids: string[];
  days: number[];
  amounts: number[];
  hasAmount: boolean;
  problems: Problem[];
  /** `customer_id=客户编号, date=日期, amount=金额` as used. */
  mapping: string;
}

/**
 * The order rows with an id, a date and (when there is an amount column) an amount; every other row
 * gets one problem per bad cell and is left out. Throws `clv.needsColumns` without an id or a date
 * column, `clv.noOrders` when no row is an order.
 * @example ordersFromTable(tableFromRows([["客户编号", "日期", "金额"], ["C1", "2025-01-02", 30]], false, "订单"), {})
 *   // { ids: ["C1"], days: [20090], amounts: [30], hasAmount: true, problems: [], mapping: "customer_id=客户编号, date=日期, amount=金额" }
 */
export function ordersFromTable(table: SheetTable, overrides: Readonly<Record<string, string>>): TableOrders {
  const roles = resolveMapping(table.headers, overrides);
  const idc = roles.customer_id;
  const dc = roles.date;
  const ac = roles.amount;
  if (idc === undefined || dc === undefined)
    throw new TierError("clv.needsColumns", { columns: table.headers });
  const ids: string[] = [];
  const days: number[] = [];
  const amounts: number[] = [];
  const problems: Problem[] = [];
  table.rows.forEach((row, i) => {
    if (row.every((c) => c === null || c === undefined || String(c).trim() === "")) return;
    const id = customerId(row[idc]);
    const day = readDate(row[dc], { date1904: table.date1904 });
    const amount = ac === undefined ? 0 : readNumber(row[ac]);
    const at = sheetRow(table, i);
    if (id === undefined) problems.push({ row: at, column: table.headers[idc], code: "clv.noCustomer" });
    if (typeof day !== "number")
      problems.push({
        row: at,
        column: table.headers[dc],
        code: "clv.notDate",
        params: { value: String(row[dc] ?? "") },
      });
    if (typeof amount !== "number" && ac !== undefined)
      problems.push({
        row: at,
        column: table.headers[ac],
        code: "clv.notAmount",
        params: { value: String(row[ac] ?? "") },
      });
    if (id === undefined || typeof day !== "number" || typeof amount !== "number") return;
    ids.push(id);
    days.push(day);
    amounts.push(amount);
  });
  if (ids.length === 0) throw new TierError("clv.noOrders", { rows: table.rows.length });
  const mapping = (["customer_id", "date", "amount"] as const)
    .filter((r) => roles[r] !== undefined)
    .map((r) => `${r}=${table.headers[roles[r]!]}`)
    .join(", ");
  return { ids, days, amounts, hasAmount: ac !== undefined, problems, mapping };
}
