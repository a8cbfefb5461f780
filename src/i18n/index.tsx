import { createContext, useContext, useMemo, useState, type ReactNode } from "react";
import { engineLang, format, type Locale, type MessageKey, type MessageParams } from "./messages";

export * from "./messages";

export interface I18n {
  locale: Locale;
  /** The engine's language, for tier names and output headers. */
  lang: "zh" | "en";
  t: (key: MessageKey, params?: MessageParams) => string;
  /** Picks the zh or en half of a bilingual value (policy names, tier names). */
  pick: (names: { zh: string; en: string }) => string;
  setLocale: (locale: Locale) => void;
}

const I18nContext = createContext<I18n | null>(null);

/** Holds the pane's language (switchable from the header) and provides the catalogue in it. */
export function I18nProvider({ initialLocale, children }: { initialLocale: Locale; children?: ReactNode }) {
  const [locale, setLocale] = useState<Locale>(initialLocale);
  const value = useMemo<I18n>(() => {
    const lang = engineLang(locale);
    return {
      locale,
      lang,
      t: (key, params) => format(locale, key, params),
      pick: (names) => names[lang],
      setLocale,
    };
  }, [locale]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error("useI18n needs an I18nProvider above it");
  return value;
}
