import { FluentProvider, makeStyles, tokens, type Theme } from "@fluentui/react-components";
import type { ReactNode } from "react";
import { I18nProvider, type Locale } from "../i18n";

const useStyles = makeStyles({
  provider: { minHeight: "100vh", backgroundColor: tokens.colorNeutralBackground1 },
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
    <FluentProvider theme={theme} className={styles.provider}>
      <I18nProvider initialLocale={locale}>{children}</I18nProvider>
    </FluentProvider>
  );
}
