import { makeStyles, Select, Subtitle1, tokens } from "@fluentui/react-components";
import { useI18n, type Locale } from "../i18n";

const useStyles = makeStyles({
  root: {
    display: "flex",
    alignItems: "center",
    justifyContent: "space-between",
    gap: tokens.spacingHorizontalS,
  },
  select: { width: "7.5em" },
});

export interface HeaderProps {
  title: string;
}

/** The pane's title and its language switch. */
export function Header({ title }: HeaderProps) {
  const styles = useStyles();
  const { t, locale, setLocale } = useI18n();
  return (
    <header className={styles.root}>
      <Subtitle1 as="h1">{title}</Subtitle1>
      <Select
        className={styles.select}
        size="small"
        aria-label={t("app.language")}
        value={locale}
        onChange={(_, d) => setLocale(d.value as Locale)}
      >
        <option value="zh-CN">{t("app.langZh")}</option>
        <option value="en-US">{t("app.langEn")}</option>
      </Select>
    </header>
  );
}
