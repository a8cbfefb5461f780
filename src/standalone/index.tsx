import { createRoot } from "react-dom/client";
import { localeOf } from "../i18n";
import { App } from "../taskpane/App";
import { themeFor } from "../taskpane/theme";
import { Standalone } from "./Standalone";

// The same pane outside Office, for people whose Excel blocks add-ins: language from the browser,
// dark theme when the system asks for it.
const locale = localeOf(navigator.language);
const dark = window.matchMedia?.("(prefers-color-scheme: dark)").matches;
document.documentElement.lang = locale;
createRoot(document.getElementById("root")!).render(
  <App theme={themeFor(dark ? "#1f1f1f" : "#ffffff")} locale={locale}>
    <Standalone />
  </App>,
);
