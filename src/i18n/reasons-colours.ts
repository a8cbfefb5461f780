/**
 * Wording of the reasons about a rule set's tier colours (`colours`, src/engine/palettes.ts).
 * Spread into `REASONS` (`./reasons.ts`), which checks each wording.
 */
export const COLOUR_REASONS = {
  "rules.badColour": {
    en: '{path}: "{value}" is not a colour; write it as # and six hexadecimal digits, such as #C9A227',
    zh: "{path}：“{value}”不是颜色，请写成 # 加六位十六进制数字，例如 #C9A227",
  },
  "rules.colourTier": {
    en: 'colours: "{key}" is not a tier of this policy (its tiers: {tiers})',
    zh: "colours：“{key}”不是本政策的等级（本政策的等级：{tiers}）",
  },
} as const;
