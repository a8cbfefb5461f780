import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import { App } from "../taskpane/App";

// The same pane outside Office, for people whose Excel blocks add-ins.
createRoot(document.getElementById("root")!).render(
  <FluentProvider theme={webLightTheme}>
    <App lang={/^zh/i.test(navigator.language) ? "zh" : "en"} />
  </FluentProvider>,
);
