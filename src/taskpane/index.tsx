import { createRoot } from "react-dom/client";
import { OfficeHost } from "../workbook/office-host";
import { whenReady } from "../workbook/office-start";
import { localeOf } from "../i18n";
import { App } from "./App";
import { Pane } from "./Pane";
import { themeFor } from "./theme";

// Inside Office the pane follows Office's display language and theme, and reaches the workbook
// through OfficeHost only. Opened as a plain page (no Office.js), it shows the same screen without a host.
whenReady(({ inExcel, language, background }) => {
  const host = inExcel ? new OfficeHost() : null;
  const locale = localeOf(language);
  document.documentElement.lang = locale;
  createRoot(document.getElementById("root")!).render(
    <App theme={themeFor(background)} locale={locale}>
      <Pane host={host} mode="office" />
    </App>,
  );
});
