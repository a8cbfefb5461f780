/**
 * Writes the sample workbooks of samples/: one per source policy, named `<preset>--<name>.xlsx` so that
 * `npm run demo` grades each with its preset (in Chinese when the name contains "zh").
 *
 *   node --import tsx scripts/make-samples.ts
 *
 * The data is made up with a seeded generator, so the files are the same on every run (zip entry dates
 * and document dates are fixed too). A few rows are wrong on purpose, the way real sheets are: a blank
 * amount, text in a number column, a duplicate id, a customer named =HYPERLINK(…), a rating left blank.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { seededRandom } from "../src/engine/random";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const outDir = path.join(root, "samples");
const FIXED = new Date(Date.UTC(2026, 0, 1));

export type Rand = () => number;
export const pick = <T>(rand: Rand, xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
export const int = (rand: Rand, lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
/** Log-normal: most customers small, a few large — the shape that makes 80/20 hold. */
export const logNormal = (rand: Rand, median: number, sigma: number) => {
  const u = Math.max(rand(), 1e-12);
  const v = rand();
  const z = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  return median * Math.exp(sigma * z);
};
export const round2 = (x: number) => Math.round(x * 100) / 100;
export const day = (iso: string) => Date.parse(iso) / 86_400_000;
export const dateOf = (d: number) => new Date(d * 86_400_000);

const SURNAMES =
  "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";
const GIVEN =
  "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华飞鹏辉玲丹萍鑫波斌宇浩凯健俊帆帅旭宁龙林欣怡佳琪梓涵子轩浩然雨欣思远晨阳";
export function chineseName(rand: Rand): string {
  const n = rand() < 0.6 ? 2 : 1;
  let s = pick(rand, [...SURNAMES]);
  for (let i = 0; i < n; i++) s += pick(rand, [...GIVEN]);
  return s;
}

export interface SheetSpec {
  name: string;
  title?: string;
  headers: string[];
  rows: unknown[][];
  widths?: number[];
  formats?: Record<number, string>;
}

export async function writeBook(file: string, sheets: SheetSpec[]): Promise<number> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "tier samples";
  wb.created = FIXED;
  wb.modified = FIXED;
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    let r = 1;
    if (s.title) {
      ws.getCell(1, 1).value = s.title;
      ws.getCell(1, 1).font = { bold: true, size: 14 };
      ws.mergeCells(1, 1, 1, s.headers.length);
      r = 2;
    }
    const head = ws.getRow(r);
    s.headers.forEach((h, j) => {
      const c = head.getCell(j + 1);
      c.value = h;
      c.font = { bold: true };
      c.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } };
    });
    s.rows.forEach((row, i) => {
      const out = ws.getRow(r + 1 + i);
      row.forEach((v, j) => {
        if (v === null || v === undefined) return;
        const c = out.getCell(j + 1);
        c.value = v as ExcelJS.CellValue;
        const fmt = s.formats?.[j] ?? (v instanceof Date ? "yyyy-mm-dd" : undefined);
        if (fmt) c.numFmt = fmt;
      });
    });
    s.headers.forEach((h, j) => {
      ws.getColumn(j + 1).width = s.widths?.[j] ?? Math.max(10, [...h].length * 2 + 2);
    });
    ws.views = [{ state: "frozen", ySplit: r }];
  }
  // exceljs stamps zip entries with the time of writing: re-zip with a fixed date so runs are identical.
  const raw = await wb.xlsx.writeBuffer();
  const zin = await JSZip.loadAsync(raw as ArrayBuffer);
  const zout = new JSZip();
  for (const name of Object.keys(zin.files).sort()) {
    const f = zin.files[name];
    if (!f.dir) zout.file(name, await f.async("uint8array"), { date: FIXED, createFolders: false });
  }
  const bytes = await zout.generateAsync({ type: "uint8array", compression: "DEFLATE" });
  writeFileSync(path.join(outDir, file), bytes);
  return bytes.length;
}

/** Store members (门店客户分级): spend, visits, first and last purchase; for membership and lifecycle. */
function storeMembers(): SheetSpec {
  const rand = seededRandom(20251);
  const asOf = day("2025-12-31");
  const stores = ["万达店", "解放路店", "高新店", "滨江店"];
  const rows: unknown[][] = [];
  for (let i = 1; i <= 400; i++) {
    const first = asOf - int(rand, 5, 1500);
    const span = asOf - first;
    const kind = rand();
    // One visit, a few visits or many; lapsed members have a last visit long ago.
    const visits = kind < 0.2 ? 1 : kind < 0.75 ? int(rand, 2, 6) : int(rand, 7, 40);
    const lapse = rand() < 0.3 ? int(rand, 181, Math.max(181, span)) : int(rand, 0, Math.min(180, span));
    const last = visits === 1 ? first : Math.max(first, asOf - Math.min(lapse, span));
    const spend = round2(visits * logNormal(rand, 420, 0.8));
    rows.push([
      `VIP${String(100000 + i * 7).padStart(6, "0")}`,
      chineseName(rand),
      `1${int(rand, 30, 89)}${String(int(rand, 0, 99999999)).padStart(8, "0")}`,
      spend,
      visits,
      dateOf(first),
      dateOf(last),
      pick(rand, stores),
    ]);
  }
  rows[17][3] = null; // a blank amount
  rows[41][3] = "abc"; // text in a number column
  rows[88][0] = rows[12][0]; // the same card number twice
  rows[120][1] = '=HYPERLINK("http://x","y")'; // a name that must stay text
  return {
    name: "会员",
    title: "2025年第四季度会员消费汇总",
    headers: [
      "会员卡号",
      "姓名",
      "手机号",
      "累计消费金额（元）",
      "消费次数",
      "首次消费日期",
      "最近消费日期",
      "门店",
    ],
    rows,
    widths: [12, 10, 14, 18, 10, 14, 14, 10],
    formats: { 3: "#,##0.00" },
  };
}

/** A tobacco wholesaler's retailers (卷烟零售户): six months of sales, area, route order, account manager. */
function tobaccoRetailers(): SheetSpec {
  const rand = seededRandom(20252);
  const areas = ["城东片区", "城西片区", "城南片区", "开发区片区"];
  const managers = ["张伟", "李娜", "王强", "刘洋"];
  const kinds = ["便利店", "烟酒店", "超市", "食杂店", "副食店"];
  const places = "幸福安康兴隆阳光和平光明新华建设人民团结振兴东方金牛宏达鑫源永安长青";
  const months = ["2025年7月", "2025年8月", "2025年9月", "2025年10月", "2025年11月", "2025年12月"];
  const rows: unknown[][] = [];
  const route = new Map<string, number>();
  for (let i = 1; i <= 300; i++) {
    const area = areas[(i - 1) % 4];
    const order = (route.get(area) ?? 0) + 1;
    route.set(area, order);
    const base = logNormal(rand, 6000, 1.3);
    const sales = months.map(() => Math.round(base * (0.75 + 0.5 * rand())));
    const avg = round2(sales.reduce((s, x) => s + x, 0) / sales.length);
    const place = pick(rand, [...places]) + pick(rand, [...places]);
    rows.push([
      `3301${String(int(rand, 0, 99)).padStart(2, "0")}${String(100000 + i * 13).slice(-6)}`,
      `${place}${pick(rand, kinds)}`,
      area,
      order,
      managers[(i - 1) % 4],
      ...sales,
      avg,
    ]);
  }
  rows[63][11] = null; // the average left blank
  rows[150][11] = "abc"; // text where the average should be
  return {
    name: "零售户月销量",
    headers: ["零售户编号", "零售户名称", "片区", "路序", "客户经理", ...months, "月均销售额（近6月）"],
    rows,
    widths: [14, 16, 12, 6, 10, 11, 11, 11, 11, 11, 11, 20],
    formats: { 5: "#,##0", 6: "#,##0", 7: "#,##0", 8: "#,##0", 9: "#,##0", 10: "#,##0", 11: "#,##0.00" },
  };
}

/** Hospital doctors for the nine-grid (潜力 × 处方量). */
function hospitalDoctors(): SheetSpec {
  const rand = seededRandom(20253);
  const hospitals = ["市第一人民医院", "市中医院", "省人民医院", "区妇幼保健院", "医科大学附属医院"];
  const depts = ["心内科", "内分泌科", "神经内科", "呼吸科", "老年科"];
  const titles = ["主任医师", "副主任医师", "主治医师", "住院医师"];
  const reps = ["陈静", "杨帆", "赵磊"];
  const rows: unknown[][] = [];
  for (let i = 1; i <= 150; i++) {
    const potential = Math.round(logNormal(rand, 120, 0.6));
    const current = Math.round(potential * (0.1 + 0.8 * rand()));
    rows.push([
      `D${String(i).padStart(4, "0")}`,
      chineseName(rand),
      pick(rand, hospitals),
      pick(rand, depts),
      pick(rand, titles),
      reps[i % 3],
      potential,
      current,
    ]);
  }
  rows[30][7] = "abc";
  rows[77][6] = null;
  return {
    name: "目标医生",
    headers: [
      "客户编号",
      "姓名",
      "医院",
      "科室",
      "职称",
      "医药代表",
      "处方潜力（盒/月）",
      "当前处方量（盒/月）",
    ],
    rows,
    widths: [10, 10, 18, 10, 12, 10, 18, 20],
  };
}

/**
 * Doctors of a pharmaceutical representative's hospitals, with what the eligibility rules read
 * (医院等级, 处方权, 主诊科室, 职称, 职务) and the last visit; for the pharma preset.
 */
function pharmaDoctors(): SheetSpec {
  const rand = seededRandom(20257);
  const hospitals: [string, string][] = [
    ["省人民医院", "三级"],
    ["医科大学附属医院", "三级"],
    ["市第一人民医院", "二级"],
    ["市中医院", "二级"],
    ["城关镇卫生院", "一级"],
    ["东城社区卫生服务中心", "一级"],
  ];
  const depts = ["心内科", "内分泌科", "神经内科", "呼吸科", "老年科"];
  const main = new Set(["心内科", "内分泌科"]);
  const titles = ["主任医师", "副主任医师", "主治医师", "住院医师"];
  const reps = ["陈静", "杨帆"];
  const rows: unknown[][] = [];
  for (let i = 1; i <= 160; i++) {
    const [hospital, level] = pick(rand, hospitals);
    const dept = pick(rand, depts);
    const title = pick(rand, titles);
    const role = level === "一级" && rand() < 0.3 ? "院长" : rand() < 0.15 ? "科主任" : "";
    const potential = Math.round(logNormal(rand, level === "三级" ? 160 : 90, 0.6));
    const current = Math.round(potential * (0.1 + 0.8 * rand()));
    rows.push([
      `YS${String(i).padStart(4, "0")}`,
      chineseName(rand),
      hospital,
      level,
      dept,
      main.has(dept) ? "是" : "否",
      title,
      role,
      title === "住院医师" && rand() < 0.7 ? "无" : "有",
      reps[i % 2],
      potential,
      current,
      dateOf(day("2025-12-31") - int(rand, 1, 90)),
    ]);
  }
  rows[25][11] = "abc"; // text where a number should be
  return {
    name: "目标医生",
    title: "2025年12月目标医生清单",
    headers: [
      "医生编号",
      "姓名",
      "医院",
      "医院等级",
      "科室",
      "主诊科室",
      "职称",
      "职务",
      "处方权",
      "医药代表",
      "处方潜力（盒/月）",
      "当前处方量（盒/月）",
      "最近拜访日期",
    ],
    rows,
    widths: [10, 10, 20, 10, 10, 10, 12, 8, 8, 10, 18, 20, 14],
  };
}

/** Shopping-centre tenants rated on the 18 criteria of 招商部客户管理机制. */
function mallTenants(): SheetSpec {
  const rand = seededRandom(20254);
  const criteria = [
    "符合商场定位",
    "符合商场档次",
    "品牌历史/市场地位",
    "品牌方/零售商经验",
    "品牌在本地店铺数量",
    "本地销售业绩",
    "店铺选位正确",
    "坪效",
    "店铺室内装修、橱窗设计",
    "店铺内陈列",
    "货品齐全度",
    "导购服务",
    "积极推广宣传",
    "准时交租",
    "配合业主调整",
    "配合业主促销活动",
    "租金收益水平",
    "消费者投诉率",
  ];
  const labels = ["不合格", "较差", "合格", "良好", "优秀"];
  const brands =
    "优衣库 ZARA 海澜之家 太平鸟 李宁 安踏 名创优品 屈臣氏 星巴克 瑞幸咖啡 喜茶 海底捞 西贝 周大福 老凤祥 小米之家 华为 OPPO 泡泡玛特 罗森 全家 无印良品 UR 森马 波司登 特步 江南布衣 欧莱雅 完美日记 周生生 肯德基 麦当劳 必胜客 奈雪的茶 蜜雪冰城 茶百道 鲍师傅 良品铺子 三只松鼠 孩子王 乐高 迪卡侬 宜家 MO&Co. Lily 热风 GAP 斯凯奇 New Balance 百丽".split(
      " ",
    );
  const formats = ["服装", "餐饮", "零售", "珠宝", "数码", "儿童", "运动"];
  const stages = ["新场", "调整", "成熟"];
  const rows: unknown[][] = [];
  brands.forEach((brand, i) => {
    const quality = rand() * 3 + 1.8; // a tenant's general level, 1.8 .. 4.8
    const ratings = criteria.map(() => {
      const r = Math.max(1, Math.min(5, Math.round(quality + (rand() - 0.5) * 2)));
      // Most ratings are typed as labels, some as numbers.
      return rand() < 0.85 ? labels[r - 1] : r;
    });
    rows.push([
      `T${String(i + 1).padStart(3, "0")}`,
      brand,
      `${pick(rand, ["L1", "L2", "L3", "B1"])}-${String(int(rand, 1, 60)).padStart(2, "0")}`,
      pick(rand, formats),
      stages[i % 3],
      ...ratings,
    ]);
  });
  rows[9][5 + 7] = null; // a rating left blank
  rows[22][4] = "筹备"; // a stage the scorecard has no weights for
  // Lease ends (re-rated three months before): their own seed, so the ratings above stay as they were.
  const leaseRand = seededRandom(20255);
  rows.forEach((row) => row.push(dateOf(day("2026-01-15") + int(leaseRand, 0, 1000))));
  // A pop-up store without a lease. No unreadable lease end here: the live formulas grade every sample
  // as the engine does, and they do not read the lease (test/scorecard-lease.test.ts has one).
  rows[40][5 + criteria.length] = null;
  return {
    name: "商家评价表",
    title: "2025年度商户评价（招商部）",
    headers: ["商户编号", "品牌名称", "铺位号", "业态", "阶段", ...criteria, "租约到期日"],
    rows,
    widths: [10, 14, 8, 8, 6, ...criteria.map((c) => Math.max(8, [...c].length * 2)), 12],
  };
}

/**
 * Equipment dealers (客户分级管理制度): the 20 items of the 客户评估表 as raw figures (units, tonnage,
 * rates) or 0-5 ratings for the judged ones, and the customer type A-E; for the dealer preset.
 */
function equipmentDealers(): SheetSpec {
  const rand = seededRandom(20256);
  const places = "长沙株洲湘潭岳阳常德衡阳邵阳益阳娄底郴州永州怀化";
  const trades = ["工程机械", "建设", "路桥", "土石方", "租赁", "矿业"];
  const rows: unknown[][] = [];
  for (let i = 1; i <= 80; i++) {
    const size = Math.sqrt(rand()); // a dealer's general size, 0..1, more large than small
    const fleet = Math.round(size * size * 60) + int(rand, 0, 3);
    const own = Math.min(fleet, Math.round(fleet * rand()));
    const tons = (n: number) => Math.round(n * (20 + 40 * rand()));
    const rating = () => Math.max(0, Math.min(5, Math.round(size * 5 + (rand() - 0.5) * 2)));
    const city = places.slice(2 * (i % 12), 2 * (i % 12) + 2);
    const type = own > 0 ? "A" : pick(rand, ["B", "C", "D", "E"]);
    rows.push([
      `JX${String(i).padStart(4, "0")}`,
      `${city}${pick(rand, [...SURNAMES])}氏${pick(rand, trades)}有限公司`,
      type,
      fleet,
      tons(fleet),
      own,
      tons(own),
      int(rand, 0, Math.max(1, Math.round(size * 12))),
      int(rand, 0, Math.max(1, Math.round(size * 8))),
      round2(0.01 + 0.15 * rand() * size),
      Math.round(fleet * (0.8 + rand())),
      rating(),
      int(rand, 0, Math.max(1, Math.round(size * 25))),
      rating(),
      round2(Math.max(0, 0.25 * (1 - size) * rand())),
      round2(0.3 + 0.6 * rand()),
      rating(),
      rating(),
      round2(Math.max(0, 0.12 * (1 - size) * rand())),
      int(rand, 0, Math.max(1, Math.round(size * 30))),
      int(rand, 0, Math.max(1, Math.round(size * 12))),
      rating(),
      rating(),
    ]);
  }
  rows[12][3] = "约20台"; // a figure typed with words
  rows[40][13] = null; // a rating left blank
  return {
    name: "客户评估表",
    title: "2025年第四季度设备客户评估",
    headers: [
      "经销商编号",
      "客户名称",
      "客户类别",
      "现有设备数量",
      "现有设备总吨位",
      "现有三一设备数量",
      "现有三一设备总吨位",
      "年度新增设备数量",
      "年度新增三一设备数量",
      "成单利润率",
      "操作手数量",
      "资金状况",
      "贷款车辆数量及金额",
      "信用情况",
      "逾期率",
      "设备使用率",
      "工程情况",
      "服务满意度",
      "投诉率",
      "提供信息量",
      "提供信息成交量",
      "品牌宣传情况",
      "客户本人品质",
    ],
    rows,
    widths: [12, 28, 8],
  };
}

/**
 * A cosmetics counter's orders (欧莱雅客户分级): two years of purchases and returns (negative amounts),
 * member card numbers, Chinese headers; for the loreal preset's 12-month window.
 */
function cosmeticsOrders(): SheetSpec {
  const rand = seededRandom(20258);
  const asOf = day("2025-12-31");
  const products = [
    "兰蔻小黑瓶",
    "赫莲娜绿宝瓶",
    "碧欧泉水动力",
    "巴黎欧莱雅复颜",
    "美宝莲睫毛膏",
    "薇姿温泉水",
    "理肤泉B5",
  ];
  const orders: unknown[][] = [];
  for (let c = 1; c <= 240; c++) {
    const id = `LC${String(200000 + c * 3)}`;
    const name = chineseName(rand);
    const n = Math.max(1, Math.round(logNormal(rand, 8, 0.9)));
    const ticket = logNormal(rand, 900, 0.7);
    const start = asOf - int(rand, 30, 730);
    for (let k = 0; k < n; k++) {
      const d = start + Math.floor(rand() * (asOf - start));
      const amount = round2(ticket * (0.5 + rand()));
      orders.push([id, name, dateOf(d), pick(rand, products), amount]);
      // Some purchases come back; a few customers return more than they keep.
      if (rand() < 0.06 || (c % 40 === 0 && k === 0))
        orders.push([
          id,
          name,
          dateOf(Math.min(asOf, d + int(rand, 1, 20))),
          "退货",
          -round2(amount * (c % 40 === 0 ? n + 1 : 1)),
        ]);
    }
  }
  orders.sort(
    (a, b) => (a[2] as Date).getTime() - (b[2] as Date).getTime() || String(a[0]).localeCompare(String(b[0])),
  );
  orders.forEach((o, i) => o.unshift(`XS${String(500001 + i)}`));
  orders[30][5] = "abc"; // text in the amount column
  return {
    name: "销售明细",
    headers: ["订单号", "会员卡号", "姓名", "消费日期", "商品", "金额（元）"],
    rows: orders,
    widths: [12, 12, 10, 12, 16, 12],
    formats: { 5: "#,##0.00" },
  };
}

/** An online shop's orders, English headers, one row per order. */
function onlineOrders(): SheetSpec {
  const rand = seededRandom(20255);
  const first = [
    "Olivia",
    "Liam",
    "Emma",
    "Noah",
    "Ava",
    "Elijah",
    "Sophia",
    "James",
    "Mia",
    "Lucas",
    "Amelia",
    "Mason",
    "Harper",
    "Ethan",
    "Ella",
    "Logan",
    "Chloe",
    "Jack",
    "Grace",
    "Leo",
  ];
  const last = [
    "Smith",
    "Jones",
    "Brown",
    "Taylor",
    "Wilson",
    "Evans",
    "Thomas",
    "Roberts",
    "Walker",
    "Wright",
    "Green",
    "Hall",
    "Wood",
    "Clarke",
    "Hughes",
    "Lewis",
  ];
  const countries = ["United Kingdom", "Germany", "France", "Netherlands", "Ireland", "Spain"];
  const asOf = day("2025-12-31");
  const orders: unknown[][] = [];
  let orderNo = 100000;
  for (let c = 1; c <= 450; c++) {
    const id = `C${10000 + c}`;
    const name = `${pick(rand, first)} ${pick(rand, last)}`;
    const country = rand() < 0.7 ? countries[0] : pick(rand, countries);
    const n = Math.max(1, Math.round(logNormal(rand, 3, 0.9)));
    const start = asOf - int(rand, 30, 720);
    const ticket = logNormal(rand, 45, 0.5);
    for (let k = 0; k < n; k++) {
      const d = start + Math.floor(rand() * (asOf - start));
      orders.push([`SO${++orderNo}`, id, name, dateOf(d), round2(ticket * (0.5 + rand())), country]);
    }
  }
  orders.sort(
    (a, b) => (a[3] as Date).getTime() - (b[3] as Date).getTime() || String(a[0]).localeCompare(String(b[0])),
  );
  orders.forEach((o, i) => (o[0] = `SO${100001 + i}`));
  orders[25][4] = null; // a blank amount
  orders[140][4] = "abc"; // text in the amount column
  // A customer whose name must stay text, on every order of theirs.
  const odd = orders[300][1];
  for (const o of orders) if (o[1] === odd) o[2] = '=HYPERLINK("http://x","y")';
  return {
    name: "Orders",
    headers: ["Order ID", "Customer ID", "Customer Name", "Order Date", "Amount", "Country"],
    rows: orders,
    widths: [10, 12, 20, 12, 10, 16],
    formats: { 4: "#,##0.00" },
  };
}

async function main(): Promise<void> {
  mkdirSync(outDir, { recursive: true });
  const members = storeMembers();
  const orders = onlineOrders();
  const tobacco = tobaccoRetailers();
  const jobs: [string, SheetSpec][] = [
    ["membership--store-members-zh.xlsx", members],
    ["lifecycle--store-members-zh.xlsx", members],
    ["abc--tobacco-retailers-zh.xlsx", tobacco],
    ["grid9--hospital-doctors-zh.xlsx", hospitalDoctors()],
    ["scorecard--mall-tenants-zh.xlsx", mallTenants()],
    ["rfm--online-orders.xlsx", orders],
    ["rfm8--online-orders.xlsx", orders],
    ["tobacco--tobacco-retailers-zh.xlsx", tobacco],
    ["dealer--equipment-dealers-zh.xlsx", equipmentDealers()],
    ["pharma--hospital-doctors-zh.xlsx", pharmaDoctors()],
    ["loreal--cosmetics-orders-zh.xlsx", cosmeticsOrders()],
  ];
  for (const [file, sheet] of jobs) {
    const size = await writeBook(file, [sheet]);
    process.stdout.write(`samples/${file}  ${sheet.rows.length} rows  ${(size / 1024).toFixed(0)} KB\n`);
  }
}

// Run as a script; other sample scripts import the helpers above without writing these files.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
