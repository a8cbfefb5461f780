import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import { App } from "./App";

function start(lang: "zh" | "en") {
  const root = createRoot(document.getElementById("root")!);
  root.render(
    <FluentProvider theme={webLightTheme}>
      <App lang={lang} />
    </FluentProvider>,
  );
}

// Inside Office, wait for Office.js and follow Office's display language; elsewhere start at once.
if (typeof Office !== "undefined") {
  Office.onReady(() => start(/^zh/i.test(Office.context?.displayLanguage ?? "") ? "zh" : "en"));
} else {
  start(/^zh/i.test(navigator.language) ? "zh" : "en");
}
