import { grade, type GradeOptions, type Lang, type PresentedResult } from "../src/engine/grade";
import type { RuleSet } from "../src/engine/ruleset";
import type { SheetTable } from "../src/engine/table";
import { presentResult } from "../src/i18n/result";

/** Grades and labels in one language, as the command line and the pane do (English by default). */
export function gradeIn(
  table: SheetTable,
  rules: RuleSet,
  options: GradeOptions & { lang?: Lang } = {},
): PresentedResult {
  const { lang = "en", ...rest } = options;
  return presentResult(grade(table, rules, rest), lang);
}
