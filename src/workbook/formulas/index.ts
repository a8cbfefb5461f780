/**
 * Live formulas: a graded table's rules as plain Excel formulas (Excel 2016 and later, LibreOffice,
 * WPS), so the workbook keeps grading without the add-in. Each method's formulas live in their own
 * module; this file only picks the module and lays out the sheets.
 */
import { customerId } from "../../engine/aggregate";
import { formatDay } from "../../engine/dates";
import { TierError } from "../../engine/errors";
import type { GradeResult, Lang } from "../../engine/grade";
import type { Method, RuleSet } from "../../engine/ruleset";
import { sheetRow, type SheetTable } from "../../engine/table";
import { abcFormulas } from "./abc";
import { gridFormulas } from "./grid";
import { makeEnv } from "./inputs";
import { levelFormulas } from "./level";
import { lifecycleFormulas } from "./lifecycle";
import type { MethodFormulas } from "./method";
import type { LiveWorkbook } from "./model";
import { ordersAggregates } from "./orders";
import { pyramidFormulas } from "./pyramid";
import { createBuilder } from "./refs";
import { rfmFormulas } from "./rfm";
import { rfm8Formulas } from "./rfm8";
import { rulesFormulas } from "./rules";
import { scorecardFormulas } from "./scorecard";

export type { LiveWorkbook } from "./model";

/** The formula writer of each method that has a plain-formula form. */
const METHODS: { [M in Method]?: MethodFormulas<M> } = {
  rfm: rfmFormulas,
  rfm8: rfm8Formulas,
  abc: abcFormulas,
  pyramid: pyramidFormulas,
  level: levelFormulas,
  rules: rulesFormulas,
  lifecycle: lifecycleFormulas,
  scorecard: scorecardFormulas,
  grid: gridFormulas,
};

/**
 * Whether a method's tiers can be written as formulas; methods without a formula form (k-means, CLV)
 * are written as values by the caller.
 *
 * @example hasFormulaForm("abc") // true
 */
export function hasFormulaForm(method: string): boolean {
  return method in METHODS;
}

/**
 * Whether each (customer, order number) pair's rows are consecutive, each run's cells equal to the
 * row above (what the run formula of orders.ts compares); true when no order number is mapped.
 *
 * @example ordersConsecutive(table, { customer_id: "CustomerID", order_id: "InvoiceNo" }) // true for Online Retail
 */
export function ordersConsecutive(table: SheetTable, mapping: Readonly<Record<string, string>>): boolean {
  const ic = table.headers.indexOf(mapping.customer_id);
  const oc = table.headers.indexOf(mapping.order_id);
  if (ic < 0 || oc < 0) return true;
  const seen = new Set<string>();
  let prev: string | undefined;
  for (let i = 0; i < table.rows.length; i++) {
    const row = table.rows[i];
    const key = `${customerId(row[ic])}\u0000${customerId(row[oc])}`;
    if (key === prev) {
      const above = table.rows[i - 1];
      if (row[ic] !== above[ic] || row[oc] !== above[oc]) return false;
      continue;
    }
    if (seen.has(key)) return false;
    seen.add(key);
    prev = key;
  }
  return true;
}

/** Excel's 1900-system serial of a day number (days since 1970-01-01). */
export function excelSerial(day: number): number {
  return day + 25_569;
}

/**
 * The live-formulas model of a graded table: a rules block (as-of date, thresholds, cut points, tier
 * names) and formula columns beside the data, or, for orders, on a customers sheet whose aggregates
 * are SUMIFS / COUNTIFS over the orders. `firstCol` is the 1-based column where output starts
 * (the first free column of the data sheet); the two sheet names default to the catalogue's.
 *
 * @example liveFormulas(PRESETS.abc, table, grade(table, PRESETS.abc), "en").target.columns.map((c) => c.header)
 */
export function liveFormulas(
  ruleSet: RuleSet,
  table: SheetTable,
  result: Pick<GradeResult, "input" | "mapping" | "asOf" | "sourceRow" | "columns">,
  lang: Lang,
  options: {
    firstCol?: number;
    rulesSheet?: string;
    customersSheet?: string;
    /** 0-based sheet column of the table's first column (Excel's used range may start right of A). */
    left?: number;
  } = {},
): LiveWorkbook {
  const left = options.left ?? 0;
  const firstCol = options.firstCol ?? left + table.headers.length + 1;
  // The 1-based sheet row of the header: a used range may start below row 1 (table.top).
  const tableHeaderRow = (table.top ?? 0) + table.headerRow + 1;
  const write = METHODS[ruleSet.method] as MethodFormulas<Method> | undefined;
  if (!write) throw new TierError("formulas.noFormulaForm", { method: ruleSet.method });
  const env = makeEnv(lang, result.input, table.headers, result.mapping);
  env.asOfDay = result.asOf;
  const rulesName = options.rulesSheet ?? env.label("rulesSheet");
  const asOfSerial = excelSerial(result.asOf);
  const orders = result.input === "orders";
  const n = orders ? result.columns.customer_id.length : table.rows.length;
  const headerRow = orders ? 1 : tableHeaderRow;
  const customersName = options.customersSheet ?? env.label("customersSheet");
  const inputs: Record<string, number> = {};
  if (orders) {
    inputs.customer_id = 1;
    ["amount", "frequency", "last_day", "first_day"].forEach((k, j) => (inputs[k] = 2 + j));
  } else table.headers.forEach((h, c) => (inputs[h] = left + c + 1));
  const idHeader = result.mapping.customer_id ?? result.mapping.name;
  const { builder, columns, labels, cells } = createBuilder({
    rulesSheet: rulesName,
    targetSheet: orders ? customersName : table.sheetName,
    firstRow: headerRow + 1,
    lastRow: headerRow + Math.max(n, 1),
    firstCol: orders ? 2 : firstCol,
    inputs,
    idCol: orders ? 1 : idHeader === undefined ? undefined : left + table.headers.indexOf(idHeader) + 1,
    idsUnique: orders,
    asOfLabel: `${env.label("asOf")} (${formatDay(result.asOf)})`,
    asOfSerial,
  });
  // The aggregate columns come first, so they sit in B..E where `inputs` says.
  const orderHelper = orders
    ? ordersAggregates(builder, env, {
        sheet: table.sheetName,
        headerRow: tableHeaderRow,
        first: sheetRow(table, 0),
        last: sheetRow(table, Math.max(table.rows.length - 1, 0)),
        col: (role) => left + table.headers.indexOf(result.mapping[role]) + 1,
        firstCol,
        lineItems: result.mapping.amount === undefined && result.mapping.quantity !== undefined,
        orderId: result.mapping.order_id !== undefined,
        consecutive: ordersConsecutive(table, result.mapping),
      })
    : undefined;
  const tier = write(ruleSet, builder, env);
  return {
    rulesSheet: { name: rulesName, title: env.label("title"), labels, cells },
    customersSheet: orders
      ? {
          name: customersName,
          idHeader: env.label("customerId"),
          idSourceSheet: table.sheetName,
          idSourceCol: left + table.headers.indexOf(result.mapping.customer_id) + 1,
          idRows: result.sourceRow,
        }
      : undefined,
    target: {
      sheet: orders ? customersName : table.sheetName,
      headerRow,
      firstRow: headerRow + 1,
      lastRow: headerRow + n,
      firstCol: orders ? 2 : firstCol,
      columns,
    },
    orderHelper,
    tierColumn: tier.index!,
  };
}
