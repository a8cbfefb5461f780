/**
 * Pane messages of line items (issue 13): the two roles whose product is the amount. Kept apart from
 * messages.ts so the branches that edit the catalogue merge cleanly; spread into it once.
 */
import type { Locale } from "./locale";

const enUS = {
  "role.quantity": "Quantity",
  "role.unit_price": "Unit price",
  "role.month_columns": "Monthly sales columns",
  "role.ratings": "Rating columns",
  "data.lineItems":
    "Amount = {quantity} × {price} per row; rows with a negative quantity or amount are returns.",
  // A rule's comparison as a person writes it: ≥ rather than the rule file's ">=".
  "op.>=": "≥",
  "op.>": ">",
  "op.<=": "≤",
  "op.<": "<",
  "op.=": "=",
  "op.<>": "≠",
  "op.between": "between",
  "op.in": "one of",
} as const;

const zhCN: Record<keyof typeof enUS, string> = {
  "role.quantity": "数量",
  "role.unit_price": "单价",
  "role.month_columns": "月度销售列",
  "role.ratings": "评分列",
  "data.lineItems": "金额 = 每行「{quantity}」×「{price}」；数量或金额为负的行是退货。",
  "op.>=": "≥",
  "op.>": ">",
  "op.<=": "≤",
  "op.<": "<",
  "op.=": "=",
  "op.<>": "≠",
  "op.between": "介于",
  "op.in": "属于",
};

export type LinesKey = keyof typeof enUS;

export const LINES_MESSAGES: Readonly<Record<Locale, Readonly<Record<LinesKey, string>>>> = {
  "en-US": enUS,
  "zh-CN": zhCN,
};
