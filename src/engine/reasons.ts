/**
 * Structured reasons: what went wrong, as a code and its numbers, never as a sentence.
 *
 * The engine reports every row problem and every rules mistake as a {@link Reason}; the edges (the
 * pane, the workbook writers, the command line) turn it into a sentence in the user's language with
 * the one catalogue in `src/i18n/reasons.ts`. Keeping sentences out of the engine is what lets a
 * Chinese pane show Chinese reasons, and what lets tests compare codes instead of parsing English.
 */

/** The two languages of the product: tier names, headers and sentences. */
export type Lang = "zh" | "en";

/**
 * A parameter of a reason: a number, a text (an id, a header, a cell as typed), a list of them, or
 * another reason (worded in the same language: "金额：不是数字：“abc”").
 */
export type ReasonParam = string | number | readonly (string | number)[] | Reason | readonly Reason[];
export type ReasonParams = Readonly<Record<string, ReasonParam>>;

/**
 * Why something failed, as data: `code` names a catalogue entry (`cell.notNumber`), `params` fill its
 * placeholders. A reason may carry another as a parameter's source, never as text.
 *
 * @example { code: "cell.notNumber", params: { value: "abc" } }
 */
export interface Reason {
  readonly code: string;
  readonly params?: ReasonParams;
}

/**
 * One row's problem where the user sees it: `row` is the 1-based sheet row shown in Excel, `column`
 * the header (or letter) of the cell, `path` the rule-set field for rules mistakes.
 *
 * @example { row: 5, column: "金额", code: "cell.notNumber", params: { value: "abc" } }
 */
export interface Problem extends Reason {
  readonly row: number;
  readonly column?: string;
  readonly path?: string;
}

/** A reason with the given code and parameters (a short form for engine code). */
export function reason(code: string, params?: ReasonParams): Reason {
  return params ? { code, params } : { code };
}
