/**
 * The one error policy of the engine.
 *
 * - A bad *parameter* (weights that do not add up, bins outside 2..9, a rule file that does not
 *   validate) throws a {@link TierError} whose message a spreadsheet user can act on.
 * - A bad *cell value* never throws: it is reported per row as a {@link RowIssue} and that row gets
 *   no tier, while every other row is graded.
 */
export class TierError extends Error {
  override name = "TierError";
  constructor(message: string) {
    super(message);
  }
}

/** Why one row got no tier: `row` is the 0-based data row, `column` the header the user sees. */
export interface RowIssue {
  row: number;
  column: string;
  reason: string;
}

/** Throws a TierError with `message` unless `condition` holds. */
export function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new TierError(message);
}
