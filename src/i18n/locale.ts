/** The pane's two locales and the engine's language for each: shared by every catalogue. */

export type Locale = "zh-CN" | "en-US";
export const LOCALES: readonly Locale[] = ["zh-CN", "en-US"];

/** Values for a message's `{placeholders}`. */
export type MessageParams = Readonly<Record<string, string | number>>;

/** zh-CN for any Chinese language tag (zh, zh-CN, zh-Hans, zh-TW), en-US otherwise. */
export function localeOf(tag: string | undefined | null): Locale {
  return /^zh/i.test(tag ?? "") ? "zh-CN" : "en-US";
}

/** The engine's language for tier names and output headers. */
export function engineLang(locale: Locale): "zh" | "en" {
  return locale === "zh-CN" ? "zh" : "en";
}
