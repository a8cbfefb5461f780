import { FluentProvider, makeStyles, tokens, type Theme } from "@fluentui/react-components";
import type { ReactNode } from "react";
import { I18nProvider, type Locale } from "../i18n";

const useStyles = makeStyles({
  page: { minHeight: "100vh", backgroundColor: tokens.colorNeutralBackground1 },
});

export interface AppProps {
  theme: Theme;
  locale: Locale;
  children: ReactNode;
}

/** Theme and language around the pane (the same for the Office pane and the standalone page). */
export function App({ theme, locale, children }: AppProps) {
  const styles = useStyles();
  return (
    // The page's height goes on a div inside the provider, not on the provider: Fluent copies the
    // provider's classes to every portal (tooltips, menus), and a portal 100vh tall at z-index 1000000
    // covers the whole page. The tier chart's bar titles mount one hidden tooltip each, so after a
    // grade nothing at the top of the page could be clicked.
    <FluentProvider theme={theme}>
      <div className={styles.page}>
        <I18nProvider initialLocale={locale}>{children}</I18nProvider>
      </div>
    </FluentProvider>
  );
}
