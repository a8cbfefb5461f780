import type { FieldProblem, Path } from "../validate";

/** What an editor renders from: the draft rule set, its problems by path, and one way to change it. */
export interface EditorForm {
  /** The rule set being edited; may hold text where a number belongs until the user fixes it. */
  draft: Record<string, unknown>;
  problems: Readonly<Record<string, FieldProblem>>;
  set: (path: Path, value: unknown) => void;
}
