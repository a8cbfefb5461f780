/**
 * Pane messages of the tenant lease-end review (issue 14): the lease end role. Kept apart from
 * messages.ts so the branches that edit the catalogue merge cleanly; spread into it once per language.
 */
import type { Locale } from "./locale";

const enUS = {
  "role.lease_end": "Lease end",
} as const;

const zhCN: Record<keyof typeof enUS, string> = {
  "role.lease_end": "租约到期日",
};

export type LeaseKey = keyof typeof enUS;

export const LEASE_MESSAGES: Readonly<Record<Locale, Readonly<Record<LeaseKey, string>>>> = {
  "en-US": enUS,
  "zh-CN": zhCN,
};
