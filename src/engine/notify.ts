/**
 * Telling customers their new tier (通知客户): messages from a template, mailto links, an SMS list.
 */
import { TierError } from "./errors";
import type { Lang } from "./grade";
import type { Change, ChangeKind } from "./history";
import { benefitsOf } from "./membership";
import type { RuleSet } from "./ruleset";

export interface MessageFields {
  name: string;
  tier: string;
  old_tier: string;
  benefits: string;
  /** The next tier up and what is missing to reach it ("1,360"), blank at the top or without steps (issue 17). */
  next?: string;
  gap?: string;
}

const PLACEHOLDER = /\{([A-Za-z_\u4e00-\u9fff]+)\}/g;
const FIELDS = ["name", "tier", "old_tier", "benefits", "next", "gap"];
/** The placeholders as a Chinese template writes them: {姓名} is {name}, and so on. */
const ZH_FIELDS: Readonly<Record<string, keyof MessageFields>> = {
  姓名: "name",
  等级: "tier",
  原等级: "old_tier",
  权益: "benefits",
  下一等级: "next",
  差额: "gap",
};
/**
 * The placeholders a template in `lang` may use, as the pane lists them (English ones work in both).
 *
 * @example PLACEHOLDERS.zh // ["{姓名}", "{等级}", "{原等级}", "{权益}", "{下一等级}", "{差额}"]
 */
export const PLACEHOLDERS: Readonly<Record<Lang, readonly string[]>> = {
  zh: Object.keys(ZH_FIELDS).map((k) => `{${k}}`),
  en: FIELDS.map((k) => `{${k}}`),
};
const fieldOf = (p: string): keyof MessageFields | undefined =>
  FIELDS.includes(p) ? (p as keyof MessageFields) : ZH_FIELDS[p];

/** Default messages per change and language: short enough for one SMS when the benefits are short. */
export const DEFAULT_TEMPLATES: Readonly<
  Record<Lang, Readonly<Record<"new" | "up" | "down" | "same", string>>>
> = {
  zh: {
    new: "尊敬的{姓名}：欢迎您成为我们的{等级}客户，您可享受：{权益}。",
    up: "尊敬的{姓名}：恭喜您由{原等级}升级为{等级}，您可享受：{权益}。",
    down: "尊敬的{姓名}：根据本季度评定，您的客户等级由{原等级}调整为{等级}，您可享受：{权益}。",
    same: "尊敬的{姓名}：本季度评定您仍为{等级}客户，您可享受：{权益}。",
  },
  en: {
    new: "Dear {name}, welcome: you are now a {tier} customer. Your benefits: {benefits}.",
    up: "Dear {name}, congratulations: you have moved up from {old_tier} to {tier}. Your benefits: {benefits}.",
    down: "Dear {name}, after this quarter's review your tier has changed from {old_tier} to {tier}. Your benefits: {benefits}.",
    same: "Dear {name}, after this quarter's review you remain a {tier} customer. Your benefits: {benefits}.",
  },
};

/** Subject lines of notification e-mails. */
export const DEFAULT_SUBJECTS: Readonly<Record<Lang, string>> = {
  zh: "您的客户等级：{等级}",
  en: "Your customer tier: {tier}",
};

/**
 * Throws when a template uses a placeholder other than {name}, {tier}, {old_tier}, {benefits} (in
 * Chinese {姓名}, {等级}, {原等级}, {权益}).
 *
 * @example checkTemplate("Dear {nmae}") // throws: the template uses {nmae} …
 */
export function checkTemplate(template: string): void {
  for (const m of template.matchAll(PLACEHOLDER))
    if (!fieldOf(m[1])) throw new TierError("notify.unknownPlaceholder", { placeholder: m[1] });
}

/**
 * A message from a template: each {name}, {tier}, {old_tier}, {benefits} replaced by its value (one
 * pass, so a value that contains braces is never expanded again).
 *
 * @example draftMessage("尊敬的{name}：您已升级为{tier}", { name: "王芳", tier: "金卡", old_tier: "银卡", benefits: "" }) // "尊敬的王芳：您已升级为金卡"
 */
export function draftMessage(template: string, fields: Partial<MessageFields>): string {
  checkTemplate(template);
  return template.replace(PLACEHOLDER, (_, key: string) => fields[fieldOf(key)!] ?? "");
}

/** Percent-encodes UTF-8 bytes the way RFC 6068 asks (spaces as %20, never "+"). */
function pct(s: string): string {
  return encodeURIComponent(s).replace(/[!'()*]/g, (c) => "%" + c.charCodeAt(0).toString(16).toUpperCase());
}

/**
 * A mailto: URI (RFC 6068): the address, subject and body percent-encoded as UTF-8, line breaks in the
 * body as %0D%0A.
 *
 * @example mailtoLink("wang@example.com", "等级", "您好") // "mailto:wang@example.com?subject=%E7%AD%89%E7%BA%A7&body=%E6%82%A8%E5%A5%BD"
 */
export function mailtoLink(email: string, subject: string, body: string): string {
  const address = email.trim();
  const at = address.lastIndexOf("@");
  if (at <= 0 || at === address.length - 1 || /\s/.test(address))
    throw new TierError("notify.notEmail", { value: email });
  const to = pct(address.slice(0, at)) + "@" + pct(address.slice(at + 1));
  const parts: string[] = [];
  if (subject) parts.push("subject=" + pct(subject));
  if (body) parts.push("body=" + pct(body.replace(/\r\n|\r|\n/g, "\r\n")));
  return `mailto:${to}${parts.length ? "?" + parts.join("&") : ""}`;
}

/**
 * A phone number as text: a number read from a cell becomes its digits (never 1.38E+10), spaces and
 * dashes go, a leading + and leading zeros stay.
 *
 * @example phoneText(13800138000) // "13800138000"
 */
export function phoneText(phone: unknown): string {
  if (typeof phone === "number") return Number.isInteger(phone) ? BigInt(phone).toString() : String(phone);
  return String(phone ?? "")
    .trim()
    .replace(/[\s\-()（）]/g, "");
}

/**
 * The SMS list for a bulk-SMS platform: a `phone,message` CSV, UTF-8 with a byte-order mark (so Excel
 * reads Chinese), every field quoted so a phone stays text (leading zeros and + kept, no apostrophe that
 * a platform would send as part of the number). Rows without a phone are left out.
 *
 * @example smsCsv([{ phone: "13800138000", message: "您好" }]) // "\uFEFF\"phone\",\"message\"\r\n\"13800138000\",\"您好\"\r\n"
 */
export function smsCsv(rows: readonly { phone: unknown; message: string }[]): string {
  const q = (s: string) => `"${s.replace(/"/g, '""')}"`;
  const lines = [`${q("phone")},${q("message")}`];
  for (const r of rows) {
    const phone = phoneText(r.phone);
    if (phone) lines.push(`${q(phone)},${q(r.message)}`);
  }
  return "\uFEFF" + lines.join("\r\n") + "\r\n";
}

/**
 * Benefit text per tier name of a rule set (cumulative tiers included), for {benefits}; tiers without
 * benefits get "".
 *
 * @example benefitTexts(preset("membership"), "zh")["银卡"] // "会员价格、积分累计、生日礼包、优先预约服务"
 */
export function benefitTexts(ruleSet: RuleSet, lang: Lang): Record<string, string> {
  if (ruleSet.method !== "rules" && ruleSet.method !== "level") return {};
  const tiers = ruleSet.tiers as readonly {
    name: { zh: string; en: string };
    benefits?: { zh: string[]; en: string[] };
    cumulative?: boolean;
  }[];
  const order = tiers.map((t) => ({
    tier: t.name[lang],
    benefits: t.benefits?.[lang] ?? [],
    cumulative: !!t.cumulative,
  }));
  return Object.fromEntries(order.map((t) => [t.tier, benefitsOf(order, t.tier, lang)]));
}

export interface Contact {
  name?: string;
  phone?: unknown;
  email?: string;
}

export interface Notification {
  customerId: string;
  name: string;
  change: ChangeKind;
  oldTier: string;
  tier: string;
  message: string;
  phone: string;
  email: string;
  /** mailto: link with the subject and message, "" without a usable e-mail address. */
  mailto: string;
}

export interface NotifyOptions {
  lang: Lang;
  /** Templates per change; the defaults of {@link DEFAULT_TEMPLATES} where absent. */
  templates?: Partial<Record<"new" | "up" | "down" | "same", string>>;
  subject?: string;
  /** Which changes get a message; new, up and down by default. */
  kinds?: readonly ChangeKind[];
  benefits?: Readonly<Record<string, string>>;
  /** Per customer id, the next tier up and the gap to it, for {next} and {gap} (issue 17). */
  steps?: ReadonlyMap<string, { next: string; gap: string }>;
}

/**
 * The notification list: one message per changed customer (new, up, down by default; never gone), from
 * the template of its change, with its phone, e-mail and a mailto link.
 *
 * @example notificationList(migration.changes, contacts, { lang: "zh", benefits })[0].message // "尊敬的王芳：恭喜您由银卡升级为金卡，…"
 */
export function notificationList(
  changes: readonly Change[],
  contacts: ReadonlyMap<string, Contact>,
  options: NotifyOptions,
): Notification[] {
  const { lang } = options;
  const kinds = options.kinds ?? ["new", "up", "down"];
  const subject = options.subject ?? DEFAULT_SUBJECTS[lang];
  checkTemplate(subject);
  for (const t of Object.values(options.templates ?? {})) if (t) checkTemplate(t);
  const out: Notification[] = [];
  for (const c of changes) {
    if (c.change === "gone" || !kinds.includes(c.change)) continue;
    const template = options.templates?.[c.change] ?? DEFAULT_TEMPLATES[lang][c.change];
    const who = contacts.get(c.customerId) ?? {};
    const fields: MessageFields = {
      name: who.name || c.customerId,
      tier: c.new ?? "",
      old_tier: c.old ?? "",
      benefits: options.benefits?.[c.new ?? ""] ?? "",
      next: options.steps?.get(c.customerId)?.next ?? "",
      gap: options.steps?.get(c.customerId)?.gap ?? "",
    };
    const message = draftMessage(template, fields);
    const email = (who.email ?? "").trim();
    let mailto = "";
    try {
      if (email) mailto = mailtoLink(email, draftMessage(subject, fields), message);
    } catch {
      // An unusable address leaves the link blank; the address is still listed for the user to fix.
    }
    out.push({
      customerId: c.customerId,
      name: who.name ?? "",
      change: c.change,
      oldTier: c.old ?? "",
      tier: c.new ?? "",
      message,
      phone: phoneText(who.phone),
      email,
      mailto,
    });
  }
  return out;
}
