/**
 * Writes visit plans, the re-evaluation history, the change log and the notification list through a
 * {@link WorkbookHost}: the same sheets in Excel and in a file.
 */
import type { Lang } from "../engine/grade";
import { CHANGE_LABELS, SNAPSHOT_HEADER, type Migration, type Snapshot } from "../engine/history";
import type { Notification } from "../engine/notify";
import { weekday, type VisitCustomer, type VisitPlan } from "../engine/visits";
import type { CellOut, Progress, WorkbookHost } from "./host";
import { migrationChart } from "../engine/charts-migration";
import type { TierInfo } from "../engine/methods";
import { migrationChartRequest, migrationLooks, withMigrationKey } from "./write-migration";

export const PLAN_SHEETS = {
  plan: { zh: "拜访计划", en: "Visit plan" },
  summary: { zh: "拜访汇总", en: "Visit summary" },
  history: { zh: "分级历史", en: "Tier history" },
  changes: { zh: "等级变动", en: "Tier changes" },
  notifications: { zh: "客户通知", en: "Notifications" },
} as const;

const WEEKDAYS = {
  zh: ["周日", "周一", "周二", "周三", "周四", "周五", "周六"],
  en: ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"],
};

const t = (lang: Lang, zh: string, en: string) => (lang === "zh" ? zh : en);

/**
 * The plan as printable rows: per manager, per day, areas in route order and stops in route order; the
 * date is a real date, "visit" reads k/f.
 *
 * @example planRows(plan, customers, "zh")[0] // ["日期", "星期", "客户经理", "片区", "路序", "客户编号", …]
 */
export function planRows(plan: VisitPlan, customers: readonly VisitCustomer[], lang: Lang): CellOut[][] {
  const rows: CellOut[][] = [
    [
      t(lang, "日期", "Date"),
      t(lang, "星期", "Weekday"),
      t(lang, "客户经理", "Manager"),
      t(lang, "片区", "Area"),
      t(lang, "路序", "Route order"),
      t(lang, "客户编号", "Customer"),
      t(lang, "客户名称", "Name"),
      t(lang, "等级", "Tier"),
      t(lang, "第几次", "Visit"),
      t(lang, "联系方式", "Contact"),
    ],
  ];
  for (const v of plan.visits) {
    const c = customers[v.customer];
    rows.push([
      { date: v.day },
      WEEKDAYS[lang][weekday(v.day)],
      c.manager ?? "",
      c.area ?? "",
      c.routeOrder ?? null,
      c.id,
      c.name ?? "",
      c.tier,
      `${v.k}/${v.f}`,
      c.contact ?? "",
    ]);
  }
  return rows;
}

/** The plan summary: visits per tier with coverage, per manager with the largest and smallest day. */
export function planSummaryRows(plan: VisitPlan, lang: Lang): CellOut[][] {
  const s = plan.summary;
  const rows: CellOut[][] = [
    [t(lang, "工作日", "Working days"), s.workingDays],
    [t(lang, "拜访总次数", "Visits"), s.visits],
  ];
  if (s.priority)
    rows.push([
      t(lang, `重点客户（${s.priority.tier}）覆盖率`, `Priority customers (${s.priority.tier}) covered`),
      s.priority.share,
    ]);
  if (s.capped)
    rows.push([
      t(lang, "拜访次数超过工作日的客户（按每天一次计）", "Customers capped at one visit a working day"),
      s.capped,
    ]);
  rows.push(
    [],
    [
      t(lang, "等级", "Tier"),
      t(lang, "客户数", "Customers"),
      t(lang, "每月拜访", "Visits / month"),
      t(lang, "拜访次数", "Visits"),
      t(lang, "已覆盖客户", "Covered"),
    ],
  );
  for (const x of s.perTier) rows.push([x.tier, x.customers, x.perMonth, x.visits, x.covered]);
  rows.push(
    [],
    [
      t(lang, "客户经理", "Manager"),
      t(lang, "客户数", "Customers"),
      t(lang, "拜访次数", "Visits"),
      t(lang, "最忙一天", "Busiest day"),
      t(lang, "拜访", "Visits"),
      t(lang, "最闲一天", "Quietest day"),
      t(lang, "拜访", "Visits"),
      t(lang, "片区·天", "Area-days"),
    ],
  );
  for (const m of s.perManager)
    rows.push([
      m.manager || t(lang, "（未指定）", "(none)"),
      m.customers,
      m.visits,
      Number.isFinite(m.largestDay.day) ? { date: m.largestDay.day } : null,
      m.largestDay.visits,
      Number.isFinite(m.smallestDay.day) ? { date: m.smallestDay.day } : null,
      m.smallestDay.visits,
      m.areaDays,
    ]);
  return rows;
}

/** Writes the plan sheet and the plan summary sheet (both replaced on a re-run). */
export async function writePlan(
  host: WorkbookHost,
  plan: VisitPlan,
  customers: readonly VisitCustomer[],
  lang: Lang,
  onProgress?: Progress,
): Promise<{ planSheet: string; summarySheet: string }> {
  const planSheet = PLAN_SHEETS.plan[lang];
  const summarySheet = PLAN_SHEETS.summary[lang];
  await host.writeSheet(
    {
      name: planSheet,
      rows: planRows(plan, customers, lang),
      formats: ["yyyy-mm-dd", undefined, undefined, undefined, "0", "@", undefined, undefined, "@", "@"],
      widths: [12, 6, 12, 12, 8, 14, 20, 12, 8, 20],
      asTable: true,
    },
    onProgress,
  );
  await host.writeSheet(
    {
      name: summarySheet,
      rows: planSummaryRows(plan, lang),
      formats: [undefined, "0", "0", "yyyy-mm-dd", "0", "yyyy-mm-dd", "0", "0"],
      widths: [30, 12, 12, 14, 10, 14, 10, 10],
    },
    onProgress,
  );
  return { planSheet, summarySheet };
}

/** Appends an evaluation to the history sheet; the sheet is only ever appended to, never rewritten. */
export async function appendHistory(
  host: WorkbookHost,
  snapshots: readonly Snapshot[],
  lang: Lang,
): Promise<string> {
  const name = PLAN_SHEETS.history[lang];
  await host.appendRows(
    name,
    [...SNAPSHOT_HEADER],
    snapshots.map((s) => [s.period, { date: s.asOf }, s.method, s.customerId, s.tier, s.score]),
  );
  return name;
}

/** The change list (customer, old tier, new tier, change) with the migration matrix beside it. */
export function changeRows(
  migration: Migration,
  lang: Lang,
  kept?: ReadonlyMap<string, string>,
): CellOut[][] {
  // Who kept their tier by retention (保级), and why, as the command line's change log says it.
  const retained = kept !== undefined && kept.size > 0;
  const list: CellOut[][] = [
    [
      t(lang, "客户编号", "customer_id"),
      t(lang, "原等级", "old_tier"),
      t(lang, "新等级", "new_tier"),
      t(lang, "变动", "change"),
      ...(retained ? [t(lang, "保级", "retained")] : []),
    ],
    ...migration.changes.map((c) => [
      c.customerId,
      c.old ?? "",
      c.new ?? "",
      CHANGE_LABELS[c.change][lang],
      ...(retained ? [kept.get(c.customerId) ?? null] : []),
    ]),
  ];
  const matrix: CellOut[][] = [
    [t(lang, "原等级 \\ 新等级", "from \\ to"), ...migration.to, t(lang, "合计", "total")],
    ...migration.from.map((f, r) => [
      f,
      ...migration.matrix[r],
      migration.matrix[r].reduce((a, b) => a + b, 0),
    ]),
  ];
  const rows: CellOut[][] = [];
  for (let i = 0; i < Math.max(list.length, matrix.length); i++) {
    const left = list[i] ?? new Array<CellOut>(list[0].length).fill(null);
    rows.push(i < matrix.length ? [...left, null, ...matrix[i]] : left);
  }
  return rows;
}

/** Writes the change log sheet (replaced on a re-run: the history sheet is the record). */
export async function writeChanges(
  host: WorkbookHost,
  migration: Migration,
  lang: Lang,
  kept?: ReadonlyMap<string, string>,
  tiers?: readonly TierInfo[],
): Promise<string> {
  const name = PLAN_SHEETS.changes[lang];
  const retained = kept !== undefined && kept.size > 0;
  // With the tiers known: the matrix coloured up/down/same, its key under it, the flow chart below.
  const chart = tiers ? migrationChart(migration, tiers) : null;
  const place = { sheetName: name, top: 0, left: retained ? 6 : 5 };
  const rows = changeRows(migration, lang, kept);
  await host.writeSheet({
    name,
    rows: chart ? withMigrationKey(rows, chart, place, lang) : rows,
    formats: ["@"],
    widths: retained ? [14, 12, 12, 8, 48, 4, 16] : [14, 12, 12, 8, 4, 16],
    ...(chart ? { looks: migrationLooks(chart, place) } : {}),
  });
  if (chart && host.addChart) await host.addChart(migrationChartRequest(chart, place, lang));
  return name;
}

/** The notification list: who, what changed, the message, phone and e-mail as text, the mailto link as text. */
export function notificationRows(list: readonly Notification[], lang: Lang): CellOut[][] {
  return [
    [
      t(lang, "客户编号", "Customer"),
      t(lang, "客户名称", "Name"),
      t(lang, "变动", "Change"),
      t(lang, "原等级", "Old tier"),
      t(lang, "新等级", "Tier"),
      t(lang, "手机", "Phone"),
      t(lang, "邮箱", "E-mail"),
      t(lang, "通知内容", "Message"),
      t(lang, "邮件链接", "mailto link"),
    ],
    ...list.map((n) => [
      n.customerId,
      n.name,
      CHANGE_LABELS[n.change][lang],
      n.oldTier,
      n.tier,
      n.phone,
      n.email,
      n.message,
      n.mailto,
    ]),
  ];
}

export async function writeNotifications(
  host: WorkbookHost,
  list: readonly Notification[],
  lang: Lang,
): Promise<string> {
  const name = PLAN_SHEETS.notifications[lang];
  await host.writeSheet({
    name,
    rows: notificationRows(list, lang),
    formats: ["@", undefined, undefined, undefined, undefined, "@", "@", "@", "@"],
    widths: [14, 16, 8, 10, 10, 16, 24, 60, 40],
    asTable: true,
  });
  return name;
}
