/**
 * The functions live formulas may use: each is in Excel 2016 (and later), LibreOffice Calc and WPS.
 * No LET, LAMBDA, XLOOKUP, MAXIFS/MINIFS, FILTER or other dynamic-array functions.
 */
export const ALLOWED_FUNCTIONS: ReadonlySet<string> = new Set([
  "AND",
  "AVERAGE",
  "COUNT",
  "COUNTIF",
  "COUNTIFS",
  "FIND",
  "IF",
  "IFERROR",
  "INDEX",
  "INT",
  "ISERROR",
  "ISNUMBER",
  "LEN",
  "MATCH",
  "MAX",
  "MID",
  "MIN",
  "N",
  "NOT",
  "OR",
  "PERCENTILE.INC",
  "SUM",
  "SUMIF",
  "SUMIFS",
  "SUMPRODUCT",
  "TRIM",
]);

/**
 * Functions added to Excel after the 2007 file format: the file must name them with the `_xlfn.`
 * prefix (Excel and LibreOffice show `#NAME?` otherwise), while people type them without it.
 */
const FUTURE_FUNCTIONS = ["PERCENTILE.INC", "RANK.EQ", "AGGREGATE"];

/**
 * The names of the functions a formula calls (text inside quotes and sheet names skipped).
 *
 * @example functionsIn('IF(A2>0,SUMIF($B$2:$B$9,">0"),"x(")') // ["IF", "SUMIF"]
 */
export function functionsIn(formula: string): string[] {
  const bare = formula.replace(/"(?:[^"]|"")*"/g, '""').replace(/'(?:[^']|'')*'!/g, "S!");
  return [...bare.matchAll(/([A-Za-z_][A-Za-z0-9_.]*)\(/g)].map((m) => m[1].toUpperCase());
}

/**
 * A formula as the .xlsx file stores it: future functions get their `_xlfn.` prefix.
 *
 * @example fileFormula("PERCENTILE.INC($A$2:$A$9,0.2)") // "_xlfn.PERCENTILE.INC($A$2:$A$9,0.2)"
 */
export function fileFormula(formula: string): string {
  let out = formula;
  for (const f of FUTURE_FUNCTIONS)
    out = out.replace(new RegExp(`(?<![\\w.])${f.replace(".", "\\.")}\\(`, "g"), `_xlfn.${f}(`);
  return out;
}
