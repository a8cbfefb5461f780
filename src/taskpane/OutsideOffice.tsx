import { Link, makeStyles, MessageBar, MessageBarBody, tokens } from "@fluentui/react-components";
import { useI18n } from "../i18n";
import { useJourneyT } from "../i18n/journey";
import { Header } from "./Header";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
  },
});

/** Shown instead of the pane when taskpane.html is opened outside Excel (or Office.js did not load). */
export function OutsideOffice() {
  const styles = useStyles();
  const { t } = useI18n();
  const tj = useJourneyT();
  return (
    <main className={styles.root}>
      <Header title={t("app.title")} />
      <MessageBar intent="info" role="status">
        <MessageBarBody>
          {tj("office.outside")} <Link href="standalone.html">{tj("office.standaloneLink")}</Link>
        </MessageBarBody>
      </MessageBar>
    </main>
  );
}
