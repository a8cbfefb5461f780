import type { Method, RuleSet } from "../../engine/ruleset";
import type { Env } from "./inputs";
import type { ColumnRef, FormulaBuilder } from "./refs";

/**
 * One method's formula writer: adds its rules block cells and output columns through the builder and
 * returns the tier column. Pure: it only builds formula text.
 */
export type MethodFormulas<M extends Method> = (
  rs: Extract<RuleSet, { method: M }>,
  b: FormulaBuilder,
  env: Env,
) => ColumnRef;

/** `INDEX(names, k)` with "" for an invalid row (valid column 0). */
export function tierByIndex(valid: string, names: string, index: string): string {
  return `IF(${valid}=1,INDEX(${names},${index}),"")`;
}
