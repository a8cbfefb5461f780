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
function start(inOffice: boolean) {
  const host = inOffice ? new OfficeHost() : null;
  const locale = localeOf(inOffice ? Office.context.displayLanguage : navigator.language);
  const theme = themeFor(inOffice ? Office.context.officeTheme?.bodyBackgroundColor : undefined);
  document.documentElement.lang = locale;
  createRoot(document.getElementById("root")!).render(
    <App theme={theme} locale={locale}>
      {host ? <Pane host={host} mode="office" /> : <OutsideOffice />}
    </App>,
  );
}

if (typeof Office !== "undefined") Office.onReady((info) => start(info.host === Office.HostType.Excel));
else start(false);
