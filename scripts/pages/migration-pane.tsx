/**
 * A page with the History step's migration view alone, for scripts/shoot-migration-pane.ts: the
 * comparison arrives as JSON in `window.MIGRATION` (computed in Node from the demo data).
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import type { Migration } from "../../src/engine/history";
import type { TierInfo } from "../../src/engine/methods";
import { visitsHistoryT } from "../../src/i18n/visits-history";
import { MigrationView } from "../../src/taskpane/HistoryStep";

const data = (window as unknown as { MIGRATION: { migration: Migration; tiers: TierInfo[] } }).MIGRATION;
createRoot(document.getElementById("root")!).render(
  <FluentProvider theme={webLightTheme}>
    <MigrationView
      migration={data.migration}
      heading="2025Q3（2025-09-30）→ 2025Q4（2025-12-31）"
      t={visitsHistoryT("zh-CN")}
      tiers={data.tiers}
      lang="zh"
    />
  </FluentProvider>,
);
