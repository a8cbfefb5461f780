/**
 * Shared by the SQL tests: run `grade()` in-process and a generated query in a database, and compare
 * the two results as sets of rows keyed by customer_id (the query's row order is not part of its result).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Papa from "papaparse";
import type { GradeOptions, Lang } from "../src/engine/grade";
import { gradeIn } from "./present";
import type { RuleSet } from "../src/engine/ruleset";
import { tableFromRows } from "../src/engine/table";

export type Row = Record<string, unknown>;

export const dataFile = (f: string): string =>
  path.join(path.dirname(fileURLToPath(import.meta.url)), "data", f);

/** A CSV file as raw text cells (what `tier grade` reads from a .csv), header row first. */
export function csvCells(file: string): string[][] {
  return Papa.parse<string[]>(readFileSync(file, "utf8").replace(/^\uFEFF/, ""), { skipEmptyLines: true })
    .data;
}

/** The engine's rows keyed by customer_id. */
export function engineRows(
  cells: readonly (readonly unknown[])[],
  ruleSet: RuleSet,
  options: GradeOptions & { lang?: Lang },
): { keys: string[]; rows: Map<string, Row[]> } {
  // The SQL writes tier names in one language, so the engine's result is labelled in it.
  const result = gradeIn(tableFromRows(cells, false, "Sheet1"), ruleSet, options);
  const rows = new Map<string, Row[]>();
  const ids = result.columns.customer_id;
  for (let i = 0; i < ids.length; i++) {
    const row: Row = {};
    // The SQL skips unreadable order rows as the engine does, but writes no note naming them.
    for (const k of result.keys) if (k !== "note") row[k] = result.columns[k][i];
    const id = String(ids[i]);
    const list = rows.get(id);
    if (list) list.push(row);
    else rows.set(id, [row]);
  }
  return { keys: result.keys.filter((k) => k !== "note"), rows };
}

/** Database rows (plain JS values) keyed by customer_id. */
export function sqlRows(rows: readonly Row[]): Map<string, Row[]> {
  const out = new Map<string, Row[]>();
  for (const r of rows) {
    const row: Row = {};
    for (const [k, v] of Object.entries(r)) row[k] = typeof v === "bigint" ? Number(v) : v;
    const id = String(row.customer_id);
    const list = out.get(id);
    if (list) list.push(row);
    else out.set(id, [row]);
  }
  return out;
}

function same(a: unknown, b: unknown): boolean {
  if (a === null || a === undefined || b === null || b === undefined) return (a ?? null) === (b ?? null);
  if (typeof a === "number" || typeof b === "number") {
    const x = Number(a);
    const y = Number(b);
    // Amounts summed in another order may differ in the last bit before rounding to cents.
    return Math.abs(x - y) <= 1e-9 * Math.max(1, Math.abs(x));
  }
  return String(a) === String(b);
}

/**
 * Differences between the engine's and the database's rows (at most `limit`), comparing every
 * engine column; `issue` is compared as "has a reason or not", since the database words some
 * reasons differently (numbers printed as 12.0).
 */
export function differences(
  engine: { keys: string[]; rows: Map<string, Row[]> },
  db: Map<string, Row[]>,
  limit = 5,
): string[] {
  const out: string[] = [];
  const dbKeys = new Set<string>();
  for (const rows of db.values()) for (const k of Object.keys(rows[0])) dbKeys.add(k);
  const missing = engine.keys.filter((k) => !dbKeys.has(k));
  if (missing.length) out.push(`columns missing from SQL: ${missing.join(", ")}`);
  const extra = [...dbKeys].filter((k) => !engine.keys.includes(k));
  if (extra.length) out.push(`columns only in SQL: ${extra.join(", ")}`);
  if (engine.rows.size !== db.size) out.push(`customers: engine ${engine.rows.size}, SQL ${db.size}`);
  for (const [id, rows] of engine.rows) {
    if (out.length >= limit) break;
    const other = db.get(id);
    if (!other || other.length !== rows.length) {
      out.push(`${id}: engine ${rows.length} row(s), SQL ${other?.length ?? 0}`);
      continue;
    }
    // Rows of one id (duplicate ids) may come back in any order: match each engine row to an equal one.
    const left = [...other];
    for (const a of rows) {
      const at = left.findIndex((b) => firstDifference(engine.keys, a, b) === undefined);
      if (at >= 0) {
        left.splice(at, 1);
        continue;
      }
      const k = firstDifference(engine.keys, a, left[0])!;
      out.push(`${id} ${k}: engine ${JSON.stringify(a[k])}, SQL ${JSON.stringify(left[0][k])}`);
      break;
    }
  }
  return out;
}

function firstDifference(keys: readonly string[], a: Row, b: Row): string | undefined {
  return keys.find((k) =>
    k === "issue" ? (a[k] === null) !== (b[k] === null || b[k] === undefined) : !same(a[k], b[k]),
  );
}

/** Customers per tier, for a readable line in the test output. */
export function tierCounts(rows: Map<string, Row[]>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const list of rows.values())
    for (const r of list) {
      const t = String(r.tier ?? "(none)");
      out[t] = (out[t] ?? 0) + 1;
    }
  return out;
}
