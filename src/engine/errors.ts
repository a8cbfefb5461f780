import type { Lang, Reason, ReasonParams } from "./reasons";

/**
 * The one error policy of the engine.
 *
 * - A bad *parameter* (weights that do not add up, bins outside 2..9, a rule file that does not
 *   validate) throws a {@link TierError} carrying a reason code and its numbers; the edge that catches
 *   it words it in the user's language (`reasonText` in `src/i18n/reasons.ts`).
 * - A bad *cell value* never throws: it is reported per row as a {@link RowIssue} and that row gets
 *   no tier, while every other row is graded.
 */
export class TierError extends Error implements Reason {
  override name = "TierError";
  readonly code: string;
  readonly params: ReasonParams;
  /** The rule-set field the mistake is in (`profiles.opening`), when there is one. */
  readonly path?: string;
  constructor(code: string, params: ReasonParams = {}, path?: string) {
    super(code);
    this.code = code;
    this.params = params;
    if (path !== undefined) this.path = path;
    // The message is worded by the catalogue the edge installed (English in logs and tests), so the
    // engine itself never builds a sentence.
    let override: string | undefined;
    Object.defineProperty(this, "message", {
      get: () => override ?? describe(this),
      // A caller may still prefix a message for a log line; the code and params stay as they were.
      set: (m: string) => {
        override = m;
      },
      enumerable: false,
      configurable: true,
    });
  }
}

type Describer = (reason: Reason, lang: Lang) => string;
let describer: Describer | undefined;

function describe(r: Reason): string {
  return describeReason(r, "en");
}

/**
 * A reason as a sentence in `lang`, worded by the catalogue that the bundle's entry installed
 * (`src/i18n/reasons.ts`). For layers that may not import the catalogue themselves (the custom
 * functions); without a catalogue it shows the code and its params, never a guess.
 *
 * @example describeReason({ code: "cell.blank" }, "zh") // "空白"
 */
export function describeReason(r: Reason, lang: Lang): string {
  if (describer) return describer(r, lang);
  const params = r.params && Object.keys(r.params).length ? ` ${JSON.stringify(r.params)}` : "";
  return `${r.code}${params}`;
}

/**
 * Installs the catalogue's wording, used for `Error.message` (stack traces, logs, tests: English)
 * and by {@link describeReason}. Importing `src/i18n/reasons.ts` installs it.
 */
export function setReasonDescriber(fn: Describer): void {
  describer = fn;
}

/** Why one row got no tier: `row` is the 0-based data row, `column` the header the user sees. */
export interface RowIssue extends Reason {
  row: number;
  column: string;
}

/** Throws a TierError with `code` and `params` unless `condition` holds. */
export function check(condition: unknown, code: string, params?: ReasonParams): asserts condition {
  if (!condition) throw new TierError(code, params);
}
