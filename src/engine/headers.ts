/**
 * Which column plays which role: header synonyms (Chinese and English), the header row of a sheet,
 * monthly sales columns, orders vs customer table, and `--map role=header` overrides.
 */
import { customerId } from "./aggregate";
import { readDate } from "./dates";
import { TierError } from "./errors";
import { isBlank, readNumber } from "./values";

/** What a column means to the grading methods (monthly columns and ratings are found separately). */
export type Role =
  | "customer_id"
  | "name"
  | "date"
  | "amount"
  | "frequency"
  | "recency_days"
  | "last_date"
  | "first_date"
  | "area"
  | "route_order"
  | "manager"
  | "phone"
  | "email"
  | "stage"
  | "order_id"
  | "potential"
  | "current_value"
  | "quantity"
  | "unit_price"
  | "lease_end";

/**
 * Header synonyms per role, strongest first (compared after {@link normaliseHeader}). No synonym
 * belongs to two roles.
 *
 * @example ROLE_SYNONYMS.amount.includes("销售额") // true
 */
export const ROLE_SYNONYMS: Record<Role, readonly string[]> = {
  customer_id: [
    "客户编号", "客户ID", "客户代码", "客户编码", "客户号", "会员号", "会员卡号", "会员编号", "会员ID", "卡号",
    "零售户编号", "零售户代码", "许可证号", "专卖许可证号", "商户编号", "门店编号", "经销商编号", "医生编号", "租户编号", "编号", "代码",
    "customer id", "customer_id", "customerid", "customer no", "customer number", "customer code", "cust id",
    "client id", "member id", "account id", "account number", "id",
  ],
  name: [
    "客户名称", "客户姓名", "姓名", "名称", "零售户名称", "店名", "门店名称", "店铺名称", "商户名称", "会员姓名",
    "经销商名称", "医生姓名", "医生", "租户名称", "租户", "品牌名称", "品牌", "客户名", "联系人", "customer name", "client name", "member name",
    "full name", "name", "company", "account name",
  ],
  date: [
    "日期", "订单日期", "下单日期", "交易日期", "消费日期", "购买日期", "销售日期", "开票日期", "单据日期",
    "order date", "order_date", "date", "invoice date", "invoicedate", "transaction date", "purchase date",
    "sale date",
  ],
  amount: [
    "金额", "销售额", "消费金额", "累计消费", "累计消费金额", "销量", "销售金额", "订单金额", "实付金额", "收入",
    "营业额", "成交金额", "交易金额", "消费额", "累计金额", "总金额", "合计金额", "采购金额", "进货金额", "销售量",
    "revenue", "amount", "sales", "spend", "total", "monetary", "value", "total amount", "total sales",
    "total spend", "sales amount", "order amount", "order value", "net sales", "dollar value",
  ],
  frequency: [
    "购买次数", "消费次数", "订单数", "次数", "频次", "交易次数", "到店次数", "订货次数", "进货次数", "订单数量",
    "frequency", "orders", "number of orders", "order count", "num orders", "purchases", "number of purchases",
    "visits", "transactions",
  ],
  recency_days: [
    "最近消费天数", "距今天数", "未消费天数", "最近购买天数", "间隔天数", "未到店天数", "recency", "recency days",
    "days since", "days since last order", "days since last purchase",
  ],
  last_date: [
    "最近消费日期", "最后消费日期", "最近购买日期", "最近一次消费", "最近一次消费日期", "最后到店", "最后到店日期",
    "最近到店日期", "最后购买日期", "最近交易日期", "最后交易日期", "最近订货日期", "last purchase",
    "last purchase date", "last date", "last_date", "most recent visit", "last visit", "last order",
    "last order date", "most recent purchase",
  ],
  first_date: [
    "首次消费日期", "首次购买日期", "注册日期", "入会日期", "开户日期", "首次交易日期", "建档日期", "开卡日期",
    "加入日期", "首次到店日期", "first purchase", "first purchase date", "first_date", "first date", "join date",
    "signup date", "since", "first order", "first order date", "customer since", "registration date",
  ],
  area: ["区域", "片区", "地区", "市场部", "线路", "所属区域", "区县", "城市", "area", "region", "territory", "route", "district"],
  route_order: ["路序", "拜访顺序", "线路顺序", "送货顺序", "route order", "route_order", "sequence", "visit order", "stop"],
  manager: [
    "客户经理", "业务员", "销售代表", "负责人", "代表", "医药代表", "专管员", "业务经理", "manager", "account manager",
    "sales rep", "rep", "owner", "salesperson", "sales representative",
  ],
  phone: ["电话", "手机", "手机号", "联系电话", "手机号码", "电话号码", "联系方式", "phone", "mobile", "tel", "telephone", "phone number"],
  email: ["邮箱", "电子邮件", "电子邮箱", "email", "e-mail", "mail", "email address"],
  stage: ["阶段", "商场阶段", "经营阶段", "所处阶段", "stage", "lifecycle stage"],
  order_id: [
    "订单号", "订单编号", "单号", "发票号", "单据号", "流水号", "小票号", "invoice_no", "invoiceno", "order id",
    "order_no", "order number", "invoice", "invoice number", "transaction id", "receipt no",
  ],
  potential: ["潜力", "潜在价值", "潜力值", "处方潜力", "潜力得分", "potential", "potential value"],
  current_value: ["当前价值", "现有价值", "处方量", "贡献", "当前贡献", "current value", "current", "current sales"],
  // Line items: amount = quantity × unit price when no amount column is mapped (the Online Retail file).
  quantity: ["数量", "购买数量", "销售数量", "商品数量", "件数", "quantity", "qty", "quantity sold"],
  unit_price: ["单价", "销售单价", "商品单价", "成交单价", "价格", "unit price", "unitprice", "price", "price each"],
  // Tenant leases: the scorecard re-rates a tenant three months before its lease ends.
  lease_end: [
    "租约到期日", "租约到期日期", "租约到期", "租期截止日", "租赁到期日", "合同到期日", "合同到期日期", "合同到期",
    "lease end", "lease end date", "lease expiry", "lease expiry date", "lease expires", "contract end date",
  ],
}; // prettier-ignore

/** Headers that mean "the customer" without saying id or name: the id when free, else the name. */
const WEAK: Readonly<Record<string, readonly Role[]>> = {
  客户: ["customer_id", "name"],
  会员: ["customer_id", "name"],
  零售户: ["customer_id", "name"],
  customer: ["customer_id", "name"],
  client: ["customer_id", "name"],
  member: ["customer_id", "name"],
};

/**
 * A header as compared with synonyms: NFKC (full-width → ASCII), lower case, units in brackets
 * removed (`（元）`, `(¥)`, `[万元]`), required-field stars and colons removed, runs of spaces,
 * underscores and hyphens collapsed to one space.
 *
 * @example normaliseHeader(" 累计消费金额（元）") // "累计消费金额"
 * @example normaliseHeader("Customer_ID") // "customer id"
 */
export function normaliseHeader(h: string): string {
  return String(h)
    .normalize("NFKC")
    .toLowerCase()
    .replace(/\([^)]*\)|\[[^\]]*\]|【[^】]*】|〔[^〕]*〕/g, " ")
    .replace(/[*:：]/g, " ")
    .replace(/[\s_-]+/g, " ")
    .trim();
}

const ROLES = Object.keys(ROLE_SYNONYMS) as Role[];
/** normalised synonym → [role, rank within the role] */
const EXACT = new Map<string, [Role, number]>();
/** Synonyms long enough to be found inside a longer header, longest first. */
const CONTAINED: [string, Role][] = [];
for (const role of ROLES) {
  ROLE_SYNONYMS[role].forEach((synonym, rank) => {
    const key = normaliseHeader(synonym);
    if (!EXACT.has(key)) EXACT.set(key, [role, rank]);
    const cjk = /[\u4e00-\u9fff]/.test(key);
    // Short words ("id", "date", "金额") inside longer headers mislead ("商品编号", "birth date").
    if (
      (cjk && key.length >= 3) ||
      (!cjk && key.includes(" ") && key.length >= 8) ||
      (!cjk && key.length >= 7)
    ) {
      CONTAINED.push([key, role]);
    }
  });
}
CONTAINED.sort((a, b) => b[0].length - a[0].length);

function containsWord(header: string, synonym: string): boolean {
  if (/[\u4e00-\u9fff]/.test(synonym)) return header.includes(synonym);
  return ` ${header} `.includes(` ${synonym} `);
}

function guess(headers: readonly string[], taken: Set<number>, roles: Partial<Record<Role, number>>): void {
  const norm = headers.map((h) => normaliseHeader(h ?? ""));
  const months = new Set(guessMonthColumns(headers));
  // 1. Exact synonyms: per role the strongest synonym wins, then the leftmost column.
  const best = new Map<Role, [number, number]>();
  norm.forEach((h, col) => {
    const hit = EXACT.get(h);
    if (hit === undefined || taken.has(col) || roles[hit[0]] !== undefined) return;
    const prev = best.get(hit[0]);
    if (prev === undefined || hit[1] < prev[0]) best.set(hit[0], [hit[1], col]);
  });
  for (const [role, [, col]] of best) {
    roles[role] = col;
    taken.add(col);
  }
  // 2. Headers that contain a longer synonym ("2025年累计消费金额"), longest synonym first.
  for (const [synonym, role] of CONTAINED) {
    if (roles[role] !== undefined) continue;
    const col = norm.findIndex(
      (h, c) => !taken.has(c) && !months.has(c) && h !== synonym && containsWord(h, synonym),
    );
    if (col >= 0) {
      roles[role] = col;
      taken.add(col);
    }
  }
  // 3. "客户" alone: the id if nothing else is, else the name.
  norm.forEach((h, col) => {
    if (taken.has(col)) return;
    const role = WEAK[h]?.find((r) => roles[r] === undefined);
    if (role !== undefined) {
      roles[role] = col;
      taken.add(col);
    }
  });
}

/**
 * Guesses each column's role from its header: exact synonyms first (see {@link ROLE_SYNONYMS}), then
 * headers containing a longer synonym; each column plays at most one role and each role has at most
 * one column. Monthly columns are never guessed as a role. An order `date` and a `last_date` may
 * both be found; which one a customer table means is the caller's decision.
 *
 * @example guessRoles(["会员卡号", "姓名", "累计消费金额（元）"]) // { customer_id: 0, name: 1, amount: 2 }
 */
export function guessRoles(headers: readonly string[]): Partial<Record<Role, number>> {
  const roles: Partial<Record<Role, number>> = {};
  guess(headers, new Set(), roles);
  return roles;
}

const MONTH_NAMES = String.raw`(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)`;
const MONTH_SUFFIX = String.raw`(?:\s*(?:份)?\s*(?:销量|销售额|销售|金额|收入|业绩|进货|订货|采购|sales|revenue|amount|qty|volume))?`;
const MONTH_PATTERNS: RegExp[] = [
  // 1月, 01月, 2025年1月, 25年1月, 2025-1月, 1月份, 1月销量
  new RegExp(String.raw`^(?:(?:\d{4}|\d{2})\s*[年\-/.]\s*)?(0?[1-9]|1[0-2])\s*月${MONTH_SUFFIX}$`),
  // 2025-01, 2025/01, 2025.1, 202501
  new RegExp(String.raw`^(?:19|20)\d{2}(?:\s*[\-/.]\s*(0?[1-9]|1[0-2])|(0[1-9]|1[0-2]))${MONTH_SUFFIX}$`),
  // Jan, January, Jan-25, Jan 2025, Jan.25, Jan sales
  new RegExp(String.raw`^${MONTH_NAMES}\.?(?:\s*['\-/.]?\s*(?:\d{2}|\d{4}))?${MONTH_SUFFIX}$`, "i"),
  // 25-Jan, 2025-Jan
  new RegExp(String.raw`^(?:\d{2}|\d{4})\s*[\-/ ]\s*${MONTH_NAMES}\.?${MONTH_SUFFIX}$`, "i"),
  // M1..M12
  /^m(0?[1-9]|1[0-2])$/i,
  // A header cell that Excel turned into a date shows as its first day: 2025-01-01.
  /^(?:19|20)\d{2}-(0[1-9]|1[0-2])-01$/,
];

/**
 * Indices of the monthly sales columns, in sheet order: `1月`, `2025年1月`, `2025-01`, `2025/01`,
 * `Jan`, `January`, `Jan-25`, `M1`, `1月销量`, and header cells holding a first-of-month Date.
 *
 * @example guessMonthColumns(["客户", "2025年1月", "2025年2月", "合计"]) // [1, 2]
 */
export function guessMonthColumns(headers: readonly unknown[]): number[] {
  const out: number[] = [];
  headers.forEach((h, col) => {
    if (h instanceof Date) {
      if (!Number.isNaN(h.getTime()) && h.getUTCDate() === 1) out.push(col);
      return;
    }
    if (typeof h !== "string") return;
    const s = h.normalize("NFKC").trim();
    if (s !== "" && MONTH_PATTERNS.some((p) => p.test(s))) out.push(col);
  });
  return out;
}

function isTextLabel(v: unknown): boolean {
  if (typeof v !== "string" || isBlank(v)) return false;
  return typeof readNumber(v) !== "number" && typeof readDate(v) !== "number";
}

function looksLikeData(row: readonly unknown[] | undefined): boolean {
  if (row === undefined) return false;
  return row.some(
    (v) =>
      typeof v === "number" || v instanceof Date || (typeof v === "string" && !isBlank(v) && !isTextLabel(v)),
  );
}

/**
 * Index of the header row: the first of the top `maxScan` rows that is mostly filled with text
 * labels (not numbers or dates) and either names a known role or is followed by a row of data. A
 * title above the table ("2025年第一季度客户分级表" in a merged A1, the rest empty) is skipped.
 * Returns 0 when nothing looks like a header.
 *
 * @example findHeaderRow([["2025年第一季度客户分级表", null, null], ["客户编号", "姓名", "金额"], ["C001", "张三", 300]]) // 1
 */
export function findHeaderRow(rows: readonly (readonly unknown[])[], maxScan = 20): number {
  const limit = Math.min(rows.length, maxScan);
  let width = 0;
  for (let r = 0; r < limit; r++) {
    const row = rows[r];
    let last = row.length - 1;
    while (last >= 0 && isBlank(row[last])) last--;
    width = Math.max(width, last + 1);
  }
  for (let r = 0; r < limit; r++) {
    const row = rows[r];
    let filled = 0;
    let labels = 0;
    for (const v of row) {
      if (isBlank(v)) continue;
      filled++;
      if (isTextLabel(v)) labels++;
    }
    if (filled === 0 || (width > 1 && filled < 2)) continue;
    if (filled < width / 2 || labels < filled * 0.8) continue;
    const texts = row.map((v) => (typeof v === "string" ? v : ""));
    const known = Object.keys(guessRoles(texts)).length > 0 || guessMonthColumns(row).length > 0;
    if (known || looksLikeData(rows[r + 1])) return r;
  }
  return 0;
}

/**
 * `orders` when a date column exists and some customer id repeats, else `customers`.
 *
 * @example guessInputKind(["a", "b", "a"], true) // "orders"
 */
export function guessInputKind(ids: readonly unknown[], hasDateRole: boolean): "orders" | "customers" {
  if (!hasDateRole) return "customers";
  const seen = new Set<string>();
  for (const v of ids) {
    const id = customerId(v);
    if (id === undefined) continue;
    if (seen.has(id)) return "orders";
    seen.add(id);
  }
  return "customers";
}

function columnLetter(col: number): string {
  let s = "";
  for (let c = col + 1; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

/**
 * Roles of the columns, the user's `--map role=header` overrides first, then guesses for the rest.
 * An override names a header (compared normalised, so case and `（元）` do not matter) or, when no
 * header has that name, a column letter (`amount=C`). Unknown roles, unknown headers and two roles
 * on one column throw TierError.
 *
 * @example resolveMapping(["客户", "销售额", "日期"], { amount: "销售额" }) // { amount: 1, customer_id: 0, date: 2 }
 */
export function resolveMapping(
  headers: readonly string[],
  overrides: Readonly<Record<string, string>>,
): Partial<Record<Role, number>> {
  const roles: Partial<Record<Role, number>> = {};
  const taken = new Map<number, string>();
  const norm = headers.map((h) => normaliseHeader(h ?? ""));
  const shown = headers.map((h, c) => (String(h ?? "").trim() === "" ? columnLetter(c) : String(h).trim()));
  for (const [role, header] of Object.entries(overrides)) {
    if (!(role in ROLE_SYNONYMS)) {
      throw new TierError("headers.unknownRole", { role, header, roles: [...ROLES] });
    }
    let col = norm.indexOf(normaliseHeader(header));
    if (col < 0 && /^[A-Za-z]{1,3}$/.test(header.trim())) {
      const letter = header.trim().toUpperCase();
      col = headers.findIndex((_, c) => columnLetter(c) === letter);
    }
    if (col < 0) {
      throw new TierError("headers.unknownHeader", { role, header, columns: shown });
    }
    const other = taken.get(col);
    if (other !== undefined) {
      throw new TierError("headers.twoRoles", { other, role, column: shown[col] });
    }
    taken.set(col, role);
    roles[role as Role] = col;
  }
  guess(headers, new Set(taken.keys()), roles);
  return roles;
}
