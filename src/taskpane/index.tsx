import { createRoot } from "react-dom/client";
import { OfficeHost } from "../workbook/office-host";
import { whenReady } from "../workbook/office-start";
import { localeOf } from "../i18n";
import { App } from "./App";
import { OutsideOffice } from "./OutsideOffice";
import { Pane } from "./Pane";
import { themeFor } from "./theme";

// Inside Office the pane follows Office's display language and theme, and reaches the workbook
// through OfficeHost only. Opened as a plain page (no Excel, or Office.js did not load at all), it says
// so in one sentence and links to the standalone page.
const root = createRoot(document.getElementById("root")!);

whenReady(({ inExcel, language, background }) => {
  const locale = localeOf(language);
  document.documentElement.lang = locale;
  root.render(
    <App theme={themeFor(background)} locale={locale}>
      {inExcel ? <Pane host={new OfficeHost()} mode="office" /> : <OutsideOffice />}
    </App>,
  );
});
