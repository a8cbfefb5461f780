/**
 * Where the pane starts: inside Excel (Office.js loaded and ready) or as a plain page. The one place
 * besides the Office host that touches `Office`, so the pane itself never does.
 */

/** What the pane needs to know of its host when it starts. */
export interface StartContext {
  /** True inside Excel: the pane reaches the workbook through an OfficeHost. */
  inExcel: boolean;
  /** Office's display language (zh-CN, en-US …), or the browser's outside Office. */
  language: string;
  /** Office's theme background (#RRGGBB), when Office gives one. */
  background?: string;
}

/**
 * Calls `start` once Office.js is ready, or at once on a page without Office.js. Office.js loaded
 * outside Office may never call back: after `patience` ms the page starts as outside Excel, and if
 * Excel answers later `start` runs again, inside it.
 *
 * @example whenReady(({ inExcel, language }) => render(inExcel, language));
 */
export function whenReady(start: (context: StartContext) => void, patience = 5000): void {
  if (typeof Office === "undefined") {
    start({ inExcel: false, language: navigator.language });
    return;
  }
  let inExcel = false;
  let started = false;
  Office.onReady((info) => {
    if (inExcel) return;
    inExcel = info.host === Office.HostType.Excel;
    started = true;
    start({
      inExcel,
      language: inExcel ? Office.context.displayLanguage : navigator.language,
      background: inExcel ? Office.context.officeTheme?.bodyBackgroundColor : undefined,
    });
  });
  setTimeout(() => {
    if (!started) start({ inExcel: false, language: navigator.language });
  }, patience);
}
