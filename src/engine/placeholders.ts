/**
 * The one way a catalogue template gets its `{placeholders}` filled, for every catalogue (pane, reasons,
 * workbook sheets, formulas' labels). A name with no value stays as written, so a missing parameter
 * shows rather than vanishing. The engine words nothing itself; this only fills what a catalogue worded.
 *
 * @example fillPlaceholders("{n} 位客户", { n: 3 }) // "3 位客户"
 */
export function fillPlaceholders<V>(
  template: string,
  params: Readonly<Record<string, V>>,
  show: (value: V) => string = String,
): string {
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? show(params[name]) : m));
}
