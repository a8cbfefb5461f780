/**
 * The facts of the columns the pane's roles point at (customer id repeats, last date), for a sheet whose
 * rows stayed in the standalone page's worker: those of the guessed roles come with the sheet's
 * summary, the others are asked for when the user maps a column.
 */
import { useCallback, useEffect, useState } from "react";
import { isSummaryHost, type ColumnFacts, type SheetSummary } from "../workbook/grading-host";
import type { WorkbookHost } from "../workbook/host";

const NONE: Record<number, ColumnFacts> = {};

/**
 * Facts by column: from `summary.facts`, or fetched from the host for `wanted` columns not in it
 * (undefined until they come).
 *
 * @example const factsOf = useColumnFacts(host, sheet, summary, [mapping.customer_id]); factsOf(0)?.repeats
 */
export function useColumnFacts(
  host: WorkbookHost | null,
  sheet: string,
  summary: Pick<SheetSummary, "facts"> | undefined,
  wanted: readonly (number | undefined)[],
): (column: number) => ColumnFacts | undefined {
  const [fetched, setFetched] = useState<{ for?: typeof summary; facts: Record<number, ColumnFacts> }>({
    facts: {},
  });
  const known = fetched.for === summary ? fetched.facts : NONE;
  const missing = summary
    ? wanted.filter((c): c is number => c !== undefined && !(c in summary.facts) && !(c in known))
    : [];
  const key = missing.join(",");
  useEffect(() => {
    if (!summary || !host || !isSummaryHost(host) || key === "") return;
    let live = true;
    for (const column of key.split(",").map(Number))
      host.columnFacts(sheet, column).then(
        (facts) =>
          live &&
          setFetched((f) => ({
            for: summary,
            facts: { ...(f.for === summary ? f.facts : {}), [column]: facts },
          })),
        // A column's facts only refine the defaults (input kind, as-of date): without them the pane
        // keeps its plain defaults.
        () => {},
      );
    return () => {
      live = false;
    };
  }, [host, sheet, summary, key]);
  return useCallback((column: number) => summary?.facts[column] ?? known[column], [summary, known]);
}
