import { createRoot } from "react-dom/client";
import { OfficeHost } from "../workbook/office-host";
import { localeOf } from "../i18n";
import { App } from "./App";
import { OutsideOffice } from "./OutsideOffice";
import { Pane } from "./Pane";
import { themeFor } from "./theme";

// Inside Office the pane follows Office's display language and theme, and reaches the workbook
// through OfficeHost only. Opened as a plain page (no Excel, or Office.js did not load at all), it says
// so in one sentence and links to the standalone page.
const root = createRoot(document.getElementById("root")!);
let inExcel = false;

function start(inOffice: boolean) {
  if (inExcel) return;
  inExcel = inOffice;
  const host = inOffice ? new OfficeHost() : null;
  const locale = localeOf(inOffice ? Office.context.displayLanguage : navigator.language);
  const theme = themeFor(inOffice ? Office.context.officeTheme?.bodyBackgroundColor : undefined);
  document.documentElement.lang = locale;
  root.render(
    <App theme={theme} locale={locale}>
      {host ? <Pane host={host} mode="office" /> : <OutsideOffice />}
    </App>,
  );
}

if (typeof Office !== "undefined") {
  Office.onReady((info) => start(info.host === Office.HostType.Excel));
  // Office.js outside Office may never call back: say so after a while rather than "loading" forever;
  // if Excel answers later, the pane replaces the sentence.
  setTimeout(() => start(false), 5000);
} else start(false);
