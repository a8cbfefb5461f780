/**
 * Pane strings of the tier colour editor (src/taskpane/editors/PaletteEditor.tsx). Same keys in zh-CN
 * and en-US (a test compares them); spread into the pane's catalogue (`./messages.ts`).
 */
const enUS = {
  "palette.title": "Tier colours",
  "palette.hint":
    "Each tier's fill on the result sheet, the summary and the charts. The text on it is black or white, whichever contrasts more (WCAG).",
  "palette.colourOf": "Colour of {tier} (#RRGGBB)",
  "palette.pick": "Pick the colour of {tier}",
  "palette.sample": "{tier}: {text} text, contrast {ratio}:1",
  "palette.black": "black",
  "palette.white": "white",
  "palette.badHex": "Write a colour as # and six hexadecimal digits, such as #C9A227.",
  "palette.reset": "Reset to the preset's colours",
} as const;

const zhCN: Record<keyof typeof enUS, string> = {
  "palette.title": "等级颜色",
  "palette.hint": "各等级在结果表、汇总表和图表中的填充色；其上的文字取黑或白中对比度更高的一种（WCAG）。",
  "palette.colourOf": "{tier}的颜色（#RRGGBB）",
  "palette.pick": "选择{tier}的颜色",
  "palette.sample": "{tier}：{text}字，对比度 {ratio}:1",
  "palette.black": "黑",
  "palette.white": "白",
  "palette.badHex": "请写成 # 加六位十六进制数字，例如 #C9A227。",
  "palette.reset": "恢复预设颜色",
};

export const PALETTE_MESSAGES = { "en-US": enUS, "zh-CN": zhCN } as const;
