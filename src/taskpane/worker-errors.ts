/**
 * Errors across the workbook worker's edge: a TierError crosses as its code and params (a class does not
 * survive structured cloning) and is rebuilt on the page, so the page words it in its own language.
 */
import { TierError } from "../engine/errors";
import { RunCancelled } from "../workbook/grading-host";

interface Carried {
  tierError: { code: string; params: TierError["params"]; path?: string };
}

/**
 * Runs `work` in the worker; a TierError it throws leaves as `{ tierError }`.
 *
 * @example await carry(() => host.listSheets());
 */
export async function carry<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    if (e instanceof TierError)
      throw { tierError: { code: e.code, params: e.params, path: e.path } } satisfies Carried;
    throw e;
  }
}

/**
 * The page's side of {@link carry}: a carried TierError becomes one again (RunCancelled for a cancel).
 *
 * @example rebuild({ tierError: { code: "run.cancelled", params: {} } }) instanceof RunCancelled // true
 */
export function rebuild(e: unknown): unknown {
  const carried = (e as Partial<Carried> | null)?.tierError;
  if (!carried) return e;
  if (carried.code === "run.cancelled") return new RunCancelled();
  return new TierError(carried.code, carried.params, carried.path);
}

/** Awaits a call to the worker, rebuilding what it throws. */
export async function call<T>(p: Promise<T>): Promise<T> {
  try {
    return await p;
  } catch (e) {
    throw rebuild(e);
  }
}
