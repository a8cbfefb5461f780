import { TierError } from "../../engine/errors";
import type { RuleSet } from "../../engine/ruleset";
import type { Query } from "../query";

/**
 * CLV has no SQL form: BG/NBD and Gamma-Gamma are fitted by maximum likelihood on the data, which a
 * single query cannot do. Says so with a catalogue code rather than writing an approximation.
 *
 * @example clvSql(q, preset("clv")) // throws sql.noSqlForm
 */
export function clvSql(_q: Query, rs: Extract<RuleSet, { method: "clv" }>): string {
  throw new TierError("sql.noSqlForm", { method: rs.method });
}
