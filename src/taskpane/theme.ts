import { webDarkTheme, webLightTheme, type Theme } from "@fluentui/react-components";

/** Relative luminance of a #rrggbb colour (0 black .. 1 white). */
export function luminance(hex: string): number {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex.trim());
  if (!m) return 1;
  const [r, g, b] = [m[1], m[2], m[3]].map((h) => {
    const c = parseInt(h, 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** Office's dark themes (dark grey, black) have a dark body background: follow them with webDarkTheme. */
export function themeFor(bodyBackgroundColor: string | undefined): Theme {
  return bodyBackgroundColor && luminance(bodyBackgroundColor) < 0.2 ? webDarkTheme : webLightTheme;
}
