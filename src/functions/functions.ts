/**
 * The TIER custom functions. Each one reads the ranges Excel passes, calls the engine and spills one
 * row per input row. A bad argument throws #VALUE! with what to fix; a bad row spills #N/A with its
 * reason in that row only. functions.json is generated from these doc comments by
 * custom-functions-metadata-plugin, which also appends the CustomFunctions.associate calls.
 */
import { abcByShare } from "../engine/abc";
import { TierError } from "../engine/errors";
import { GRID_CELLS, gridCells, type GridCut } from "../engine/grid";
import { LIFECYCLE_STAGES, lifecycle, type LifecycleWindows } from "../engine/lifecycle";
import { PYRAMID_LEVELS, pyramid } from "../engine/pyramid";
import { rfm, type RfmMethod, type RfmOptions } from "../engine/rfm";
import { RFM8_CLASSES, rfm8 } from "../engine/rfm8";
import { parseRating, stars, toScale, weightedScore } from "../engine/scorecard";
import { DEFAULT_SEGMENTS, OTHERS, segments, type SegmentRule } from "../engine/segments";
import { reason } from "../engine/reasons";
import { BLANK, isBlank, readNumber, readText } from "../engine/values";
import {
  RowIssues,
  asOfDay,
  cellError,
  codeBuffer,
  columnRows,
  excel,
  flat,
  langOf,
  maybeNumber,
  numberList,
  omitted,
  optionalNumber,
  readDays,
  readNumbers,
  refuseError,
  sameRows,
  spill,
  spillCodes,
  textList,
  usedRows,
  type Matrix,
} from "./convert";
import { levelIndex } from "../engine/level";
import { levelSteps } from "../engine/next/level";
import { paretoShares } from "../engine/pareto";
import { fitBgNbd, fitGammaGamma, pAlive, scoreClv, YEAR_IN_UNITS, type ClvUnit } from "../engine/clv";

const ABC = ["", "A", "B", "C"] as const;

/**
 * Spilled rows that hold only a tier are frozen and shared by every customer (and every call) with
 * that tier: Excel copies the result out, and storing 100,000 references to long-lived rows is
 * several times faster than allocating 100,000 new ones (bench/functions-bench.ts).
 */
const shared = (...cells: unknown[]): unknown[] => Object.freeze(cells) as unknown[];
const ABC_ROWS = [shared(""), shared("A"), shared("B"), shared("C")];

/**
 * The rows [R, F, M, "RFM code"] indexed by r*100 + f*10 + m (the code read as a number), for scores
 * 1..9 (729 rows), built on first use. Other indexes are never read: a row without scores has an issue.
 */
let rfmRows: readonly unknown[][] | undefined;
function rfmTable(): readonly unknown[][] {
  if (rfmRows === undefined) {
    const t = new Array<unknown[]>(1000).fill(ABC_ROWS[0]);
    for (let r = 1; r <= 9; r++)
      for (let f = 1; f <= 9; f++)
        for (let m = 1; m <= 9; m++) {
          const k = r * 100 + f * 10 + m;
          // Same as [r, f, m, rfmCode(r, f, m)].
          t[k] = shared(r, f, m, String(k));
        }
    rfmRows = t;
  }
  return rfmRows;
}

/** The three columns of TIER.RFM and TIER.RFM8, checked and read as numbers. */
function rfmColumns(recency_days: unknown[][], frequency: unknown[][], amount: unknown[][]) {
  const n = sameRows({ recency_days, frequency, amount });
  const issues = new RowIssues(n);
  const rec = readNumbers(recency_days, "recency_days", issues);
  const fre = readNumbers(frequency, "frequency", issues);
  const amt = readNumbers(amount, "amount", issues);
  return { n, issues, rec, fre, amt };
}

/** The RFM method argument: a word, or a 3-row range of fixed thresholds (an R/F/M label column allowed). */
function rfmMethod(method: unknown, binsArg: unknown): RfmOptions {
  const bins = maybeNumber(binsArg, "bins");
  if (omitted(method)) return { method: "quantile", bins: bins ?? 5 };
  const rows = Array.isArray(method) ? (method as unknown[][]) : [[method]];
  if (rows.length === 1 && rows[0].length === 1) {
    refuseError(rows[0][0], "method");
    const word = readText(rows[0][0]).toLowerCase();
    if (word === "quantile" || word === "rfm-r") return { method: word as RfmMethod, bins: bins ?? 5 };
    if (word === "fixed") throw new TierError("functions.fixedNeedsThresholds");
    throw new TierError("functions.badMethod", { method: word });
  }
  if (rows.length !== 3) throw new TierError("functions.thresholdRows", { rows: rows.length });
  // A first column of labels ("R", "F", "M") is allowed.
  const labelled = rows.every((row) => typeof readNumber(row[0]) !== "number" && !omitted(row[0]));
  const [r, f, m] = rows.map((row, k) =>
    // Thresholds increase, so a 0 at the end is a blank cell as desktop Excel passes it.
    numberList([labelled ? row.slice(1) : row], `thresholds for ${"RFM"[k]}`, true),
  );
  return { method: "fixed", bins: bins ?? r.length + 1, thresholds: { r, f, m } };
}

/**
 * RFM scores 1..bins (default 5, higher is better) and the code "543" per customer. Quantile method:
 * cut points PERCENTILE.INC(v, k/bins), score = 1 + number of cut points below the value; R is
 * reversed (fewer days is better).
 * @customfunction RFM
 * @param recency_days Days since each customer's last purchase (one column).
 * @param frequency Number of purchases (one column, same rows).
 * @param amount Total spend (one column, same rows).
 * @param [bins] Scores per dimension, a whole number from 2 to 9 (default 5).
 * @param [method] "quantile" (default), "rfm-r" (R package rfm), or a range of fixed thresholds: 3 rows (R in days, F, M) × bins-1 columns.
 * @returns Four columns: R, F, M and the RFM code.
 */
export function tierRfm(
  recency_days: unknown[][],
  frequency: unknown[][],
  amount: unknown[][],
  bins?: unknown,
  method?: unknown[][],
): unknown[][] {
  return excel(() => {
    const { n, issues, rec, fre, amt } = rfmColumns(recency_days, frequency, amount);
    const { r, f, m } = rfm(rec, fre, amt, rfmMethod(method, bins));
    const code = codeBuffer(n);
    for (let i = 0; i < n; i++) code[i] = r[i] * 100 + f[i] * 10 + m[i];
    return spillCodes(n, 4, issues, code, rfmTable());
  });
}

/**
 * Days since the last purchase: as_of minus the date, in whole days. A date after as_of gives #N/A.
 * @customfunction RECENCY
 * @param last_dates Last purchase dates (one column): Excel dates or text such as 2025-03-01 or 2025年3月1日.
 * @param [as_of] The evaluation date (default today; write TODAY() to recalculate every day).
 * @returns Days since the last purchase per row.
 */
export function tierRecency(last_dates: unknown[][], as_of?: unknown): unknown[][] {
  return excel(() => {
    const n = columnRows(last_dates, "last_dates");
    const asOf = asOfDay(as_of);
    const issues = new RowIssues(n);
    const days = readDays(last_dates, "last_dates", issues, asOf);
    return spill(n, 1, issues, (i) => [asOf - days[i]]);
  });
}

/** A segment table range: name, r_min, r_max, f_min, f_max, m_min, m_max [, 中文名]; a header row allowed. */
function segmentTable(table: unknown): SegmentRule[] {
  if (!Array.isArray(table) || !Array.isArray(table[0])) throw new TierError("functions.tableNotRange");
  const rows = table as unknown[][];
  const w = rows[0].length;
  if (w !== 7 && w !== 8) throw new TierError("functions.tableWidth", { columns: w });
  const out: SegmentRule[] = [];
  rows.forEach((row, k) => {
    if (row.every((c) => omitted(c))) return;
    // A header row: the r_min cell is text that is not a number.
    if (k === 0 && typeof readNumber(row[1]) !== "number") return;
    row.forEach((c) => refuseError(c, "table"));
    const name = readText(row[0]);
    const lim = [1, 2, 3, 4, 5, 6].map((c) => {
      const x = readNumber(row[c]);
      if (typeof x !== "number")
        throw new TierError("functions.tableCell", {
          row: k + 1,
          column: ["r_min", "r_max", "f_min", "f_max", "m_min", "m_max"][c - 1],
          reason: x,
        });
      return x;
    });
    out.push({
      name,
      zh: w === 8 && !omitted(row[7]) ? readText(row[7]) || name : name,
      r: [lim[0], lim[1]],
      f: [lim[2], lim[3]],
      m: [lim[4], lim[5]],
    });
  });
  if (out.length === 0) throw new TierError("functions.tableEmpty");
  return out;
}

/**
 * RFM segment names (Champions, At Risk …) from R, F and M scores: the first row of the table whose
 * inclusive ranges hold all three wins; no match gives Others (其他).
 * @customfunction SEGMENT
 * @param r R scores (one column), e.g. the first column of TIER.RFM.
 * @param f F scores (one column, same rows).
 * @param m M scores (one column, same rows).
 * @param [table] Your own segment table: columns name, r_min, r_max, f_min, f_max, m_min, m_max (an 8th column with the Chinese name is optional; a header row is allowed). Default: the spec's 10 segments.
 * @param [lang] "en" (default) or "zh".
 * @returns The segment name per row.
 */
export function tierSegment(
  r: unknown[][],
  f: unknown[][],
  m: unknown[][],
  table?: unknown[][],
  lang?: unknown,
): unknown[][] {
  return excel(() => {
    const n = sameRows({ r, f, m });
    const zh = langOf(lang) === "zh";
    const rules = omitted(table) ? DEFAULT_SEGMENTS : segmentTable(table);
    const issues = new RowIssues(n);
    const cols = [readNumbers(r, "R", issues), readNumbers(f, "F", issues), readNumbers(m, "M", issues)];
    for (let d = 0; d < 3; d++) {
      const col = cols[d];
      for (let i = 0; i < n; i++)
        if (col[i] <= 0) issues.set(i, reason("rfm.scoreBelowOne", { score: "RFM"[d], value: col[i] }));
    }
    const seg = segments(cols[0], cols[1], cols[2], rules);
    const others = zh ? OTHERS.zh : OTHERS.name;
    const names = rules.map((s) => [zh ? s.zh : s.name]);
    return spill(n, 1, issues, (i) => (seg[i] >= 0 ? names[seg[i]] : [others]));
  });
}

/**
 * RFM eight classes (重要价值客户 …): R, F and M are each "high" when better than the mean of the
 * column (recency below it, frequency and amount above it).
 * @customfunction RFM8
 * @param recency_days Days since each customer's last purchase (one column).
 * @param frequency Number of purchases (one column, same rows).
 * @param amount Total spend (one column, same rows).
 * @param [lang] "en" (default) or "zh".
 * @returns The class name per row.
 */
export function tierRfm8(
  recency_days: unknown[][],
  frequency: unknown[][],
  amount: unknown[][],
  lang?: unknown,
): unknown[][] {
  return excel(() => {
    const zh = langOf(lang) === "zh";
    const { n, issues, rec, fre, amt } = rfmColumns(recency_days, frequency, amount);
    const { cls } = rfm8(rec, fre, amt);
    const names = RFM8_CLASSES.map((c) => [zh ? c.zh : c.en]);
    return spillCodes(n, 1, issues, cls, names);
  });
}

/** The sales column of TIER.ABC and TIER.PARETO, read and classed A/B/C by the shares a and b. */
function abcColumn(values: unknown[][], a: unknown, b: unknown) {
  const n = columnRows(values, "values");
  const shares = { a: optionalNumber(a, "a", 0.8), b: optionalNumber(b, "b", 0.95) };
  const issues = new RowIssues(n);
  const v = readNumbers(values, "values", issues);
  return { n, issues, v, cls: abcByShare(v, shares) };
}

/**
 * ABC class by share of sales (Pareto): A while the sales of the customers above are under a of the
 * total (the customer crossing 80 % is in A), B under b, else C.
 * @customfunction ABC
 * @param values Sales per customer (one column).
 * @param [a] Share that closes class A (default 0.8, or 80%).
 * @param [b] Share that closes class B (default 0.95).
 * @returns A, B or C per row.
 */
export function tierAbc(values: unknown[][], a?: unknown, b?: unknown): unknown[][] {
  return excel(() => {
    const { n, issues, cls } = abcColumn(values, a, b);
    return spillCodes(n, 1, issues, cls, ABC_ROWS);
  });
}

/**
 * Pareto table per customer: share of sales, cumulative share up to and including this value (all
 * customers with sales >= this one, over the total of positive sales), and the ABC class.
 * @customfunction PARETO
 * @param values Sales per customer (one column).
 * @param [a] Share that closes class A (default 0.8).
 * @param [b] Share that closes class B (default 0.95).
 * @returns Three columns: share, cumulative share, ABC class.
 */
export function tierPareto(values: unknown[][], a?: unknown, b?: unknown): unknown[][] {
  return excel(() => {
    const { n, issues, v, cls } = abcColumn(values, a, b);
    const { share, cumulative } = paretoShares(v);
    return spill(n, 3, issues, (i) => [share[i], cumulative[i], ABC[cls[i]]]);
  });
}

/**
 * Customer pyramid by rank: the share of customers with more sales decides the level; by default top
 * 1 % 重要客户, next 19 % 次要客户, next 30 % 普通客户, bottom 50 % 小客户.
 * @customfunction PYRAMID
 * @param values Sales per customer (one column).
 * @param [cuts] Cut shares, increasing (default 0.01, 0.2, 0.5).
 * @param [names] Level names, top first, one more than the cuts.
 * @param [lang] Language of the default names: "en" (default) or "zh".
 * @returns The level name per row.
 */
export function tierPyramid(
  values: unknown[][],
  cuts?: unknown[][],
  names?: unknown[][],
  lang?: unknown,
): unknown[][] {
  return excel(() => {
    const n = columnRows(values, "values");
    const c = omitted(cuts) ? undefined : numberList(cuts, "cuts", true);
    const levels = (c?.length ?? 3) + 1;
    const zh = langOf(lang) === "zh";
    let label: string[];
    if (omitted(names)) {
      if (levels !== PYRAMID_LEVELS.length)
        throw new TierError("functions.pyramidNames", { cuts: levels - 1, levels });
      label = PYRAMID_LEVELS.map((l) => (zh ? l.zh : l.en));
    } else {
      label = textList(names, "names");
      if (label.length !== levels)
        throw new TierError("functions.pyramidNameCount", { cuts: levels - 1, levels, names: label.length });
    }
    const issues = new RowIssues(n);
    const v = readNumbers(values, "values", issues);
    const level = pyramid(v, c);
    // Levels count from 1; a row without one (level 0) has an issue and is never looked up.
    const rows = [[""], ...label.map((s) => [s])];
    return spillCodes(n, 1, issues, level, rows);
  });
}

/** The arguments TIER.LEVEL and TIER.NEXT share: values read per row, thresholds and one name per threshold. */
function levelArgs(values: unknown[][], thresholds: unknown[][], names: unknown[][]) {
  const n = columnRows(values, "values");
  const t = numberList(thresholds, "thresholds");
  const label = textList(names, "names");
  if (label.length !== t.length)
    throw new TierError("functions.levelNames", { thresholds: t.length, names: label.length });
  const issues = new RowIssues(n);
  const v = readNumbers(values, "values", issues);
  return { n, t, label, issues, v };
}

/**
 * Tier by threshold (membership cards): a value >= the k-th threshold gets the k-th name, the highest
 * threshold reached wins; a value below the lowest gives #N/A.
 * @customfunction LEVEL
 * @param values Values per customer, e.g. cumulative spend (one column).
 * @param thresholds Lowest value of each tier, increasing (a row or a column).
 * @param names Tier names in the same order as the thresholds.
 * @returns The tier name per row.
 */
export function tierLevel(values: unknown[][], thresholds: unknown[][], names: unknown[][]): unknown[][] {
  return excel(() => {
    const { n, t, label, issues, v } = levelArgs(values, thresholds, names);
    const k = levelIndex(v, t);
    for (let i = 0; i < n; i++)
      if (k[i] < 0 && v[i] === v[i])
        issues.set(i, reason("level.belowThreshold", { value: v[i], lowest: t[0] }));
    const rows = label.map((s) => [s]);
    return spillCodes(n, 1, issues, k, rows);
  });
}

/**
 * Ratings rows × criteria as one column per criterion, 1..5 or a label; bad ratings go to the
 * returned issues. Trailing rows with no rating are left out (see usedRows).
 */
function readRatings(ratings: unknown): { n: number; cols: Float64Array[]; issues: RowIssues } {
  if (!Array.isArray(ratings) || ratings.length === 0 || !Array.isArray(ratings[0]))
    throw new TierError("functions.ratingsNotRange");
  const rows = ratings as Matrix;
  const n = usedRows([rows], rows.length, "ratings");
  const issues = new RowIssues(n);
  const k = rows[0].length;
  const cols: Float64Array[] = [];
  for (let j = 0; j < k; j++) {
    issues.column();
    const col = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const v = rows[i][j];
      const x = parseRating(v);
      col[i] = x;
      if (x !== x) {
        const e = cellError(v);
        if (isBlank(v)) issues.add(i, `criterion ${j + 1}`, BLANK);
        else if (e !== undefined) issues.add(i, `criterion ${j + 1}`, reason("cell.error", { value: e }));
        else
          issues.set(
            i,
            reason("row.inColumn", {
              column: `criterion ${j + 1}`,
              reason: reason("scorecard.notRating", { value: readText(v) }),
            }),
          );
      }
    }
    cols.push(col);
  }
  return { n, cols, issues };
}

function scaleOf(v: unknown): 5 | 100 {
  const s = optionalNumber(v, "scale", 5);
  toScale(1, s as 5 | 100); // throws "the scale must be 5 or 100" for anything else
  return s as 5 | 100;
}

/**
 * Weighted scorecard score: sum(weight × rating) / sum(weights), on the 5-point scale (or × 20 on the
 * 100-point scale). Ratings are 1..5 or 优秀 5 / 良好 4 / 合格 3 / 较差 2 / 不合格 1.
 * @customfunction SCORE
 * @param ratings One row per customer, one column per criterion.
 * @param weights One weight per criterion (a row or a column), adding up to 100 % (or 1).
 * @param [scale] 5 (default) or 100.
 * @returns The score per row.
 */
export function tierScore(ratings: unknown[][], weights: unknown[][], scale?: unknown): unknown[][] {
  return excel(() => {
    const s = scaleOf(scale);
    const w = numberList(weights, "weights");
    const { n, cols, issues } = readRatings(ratings);
    const score = weightedScore(cols, w);
    return spill(n, 1, issues, (i) => [toScale(score[i], s)]);
  });
}

/**
 * Stars from the weighted score: 5, 4, 3, 2 stars when the score reaches the 1st..4th threshold,
 * else 1 (default 4.5 / 4 / 3 / 2.5 on the 5-point scale, 90 / 80 / 70 / 60 on the 100-point scale).
 * @customfunction STARS
 * @param ratings One row per customer, one column per criterion.
 * @param weights One weight per criterion (a row or a column), adding up to 100 % (or 1).
 * @param [thresholds] 4 scores from high to low, for 5, 4, 3 and 2 stars.
 * @param [scale] 5 (default) or 100: the scale of the thresholds.
 * @returns The number of stars (1 to 5) per row.
 */
export function tierStars(
  ratings: unknown[][],
  weights: unknown[][],
  thresholds?: unknown[][],
  scale?: unknown,
): unknown[][] {
  return excel(() => {
    const s = scaleOf(scale);
    const w = numberList(weights, "weights");
    const t = omitted(thresholds) ? undefined : numberList(thresholds, "thresholds", true);
    const { n, cols, issues } = readRatings(ratings);
    const score = weightedScore(cols, w);
    const scaled = s === 100 ? score.map((x) => toScale(x, 100)) : score;
    const st = stars(scaled, t, s);
    return spill(n, 1, issues, (i) => [st[i]]);
  });
}

function gridCut(v: unknown, name: string): GridCut {
  if (omitted(v)) return { method: "tercile" };
  const c = numberList(v, name, true);
  if (c.length !== 2) throw new TierError("functions.gridCuts", { name, count: c.length });
  return { method: "fixed", low: c[0], high: c[1] };
}

/**
 * Nine-grid cell A1..C3: the letter from X (high A, middle B, low C), the digit from Y (high 1,
 * middle 2, low 3). Each axis is cut by [low, high] (high when >= high, middle when >= low) or, by
 * default, by terciles.
 * @customfunction GRID
 * @param x X per customer, e.g. potential (one column).
 * @param y Y per customer, e.g. current value (one column, same rows).
 * @param [x_cuts] Two cells [low, high] for X (default terciles).
 * @param [y_cuts] Two cells [low, high] for Y (default terciles).
 * @returns The cell (A1 … C3) per row.
 */
export function tierGrid(
  x: unknown[][],
  y: unknown[][],
  x_cuts?: unknown[][],
  y_cuts?: unknown[][],
): unknown[][] {
  return excel(() => {
    const n = sameRows({ x, y });
    const cuts = { x: gridCut(x_cuts, "x_cuts"), y: gridCut(y_cuts, "y_cuts") };
    const issues = new RowIssues(n);
    const xs = readNumbers(x, "x", issues);
    const ys = readNumbers(y, "y", issues);
    const cell = gridCells(xs, ys, cuts);
    const rows = GRID_CELLS.map((c) => [c]);
    return spillCodes(n, 1, issues, cell, rows);
  });
}

const WINDOW_KEYS: (keyof LifecycleWindows)[] = [
  "lostDays",
  "atRiskDays",
  "newDays",
  "loyalFrequency",
  "regularFrequency",
];

function lifecycleWindows(v: unknown): Partial<LifecycleWindows> {
  if (omitted(v)) return {};
  const cells = flat(v, "windows");
  if (cells.length > WINDOW_KEYS.length)
    throw new TierError("functions.windowsCells", { cells: cells.length });
  const out: Partial<LifecycleWindows> = {};
  cells.forEach((c, k) => {
    if (omitted(c)) return;
    refuseError(c, "windows");
    const x = readNumber(c);
    if (typeof x !== "number")
      throw new TierError("functions.windowValue", { key: WINDOW_KEYS[k], reason: x });
    out[WINDOW_KEYS[k]] = x;
  });
  return out;
}

/**
 * Lifecycle stage, first match: prospect (no purchase), lost (last purchase over 365 days ago), at risk
 * (over 180), new (first purchase within 90 days), loyal (5 purchases or more), regular (2 or more),
 * one-time.
 * @customfunction LIFECYCLE
 * @param first_dates First purchase dates (one column; blank for a prospect).
 * @param last_dates Last purchase dates (one column, same rows; blank for a prospect).
 * @param frequency Number of purchases (one column, same rows; 0 for a prospect).
 * @param [as_of] The evaluation date (default today).
 * @param [windows] Up to 5 numbers: lost days (365), at-risk days (180), new days (90), loyal purchases (5), regular purchases (2); blank or 0 keeps the default.
 * @param [lang] "en" (default) or "zh".
 * @returns The stage per row.
 */
export function tierLifecycle(
  first_dates: unknown[][],
  last_dates: unknown[][],
  frequency: unknown[][],
  as_of?: unknown,
  windows?: unknown[][],
  lang?: unknown,
): unknown[][] {
  return excel(() => {
    const n = sameRows({ first_dates, last_dates, frequency });
    const asOf = asOfDay(as_of);
    const w = lifecycleWindows(windows);
    const zh = langOf(lang) === "zh";
    const issues = new RowIssues(n);
    // Blank dates and frequency are allowed: a customer without purchases is a prospect.
    const first = readDays(first_dates, "first_dates", issues, asOf, false);
    const last = readDays(last_dates, "last_dates", issues, asOf, false);
    const freq = readNumbers(frequency, "frequency", issues, false);
    // A row with an unreadable value is not graded: hide it from the engine.
    for (let i = 0; i < n; i++) if (issues.get(i) !== undefined) freq[i] = -1;
    const stage = lifecycle(first, last, freq, asOf, w);
    for (let i = 0; i < n; i++) {
      if (stage[i] >= 0) continue;
      if (freq[i] < 0) issues.set(i, reason("lifecycle.negativeFrequency", { value: freq[i] }));
      else if (first[i] > last[i]) issues.set(i, reason("lifecycle.firstAfterLast"));
      else issues.set(i, reason("lifecycle.noDates"));
    }
    const rows = LIFECYCLE_STAGES.map((s) => [zh ? s.name.zh : s.name.en]);
    return spillCodes(n, 1, issues, stage, rows);
  });
}

/**
 * The BG/NBD summary columns of TIER.PALIVE and TIER.CLV, read and checked per row: x a whole number
 * of repeat purchases, 0 <= t_x <= T, t_x > 0 when x > 0. The rows without an issue, compacted, are
 * what the models are fitted on.
 */
function clvSummary(columns: { x: unknown[][]; t_x: unknown[][]; T: unknown[][] }, spend?: unknown[][]) {
  const n = sameRows(spend === undefined ? columns : { ...columns, average_spend: spend });
  const issues = new RowIssues(n);
  const x = readNumbers(columns.x, "x", issues);
  const tx = readNumbers(columns.t_x, "t_x", issues);
  const T = readNumbers(columns.T, "T", issues);
  // A customer without a repeat purchase has no average repeat spend: blank is fine there.
  const z = spend === undefined ? undefined : readNumbers(spend, "average_spend", issues, false);
  const keep: number[] = [];
  for (let i = 0; i < n; i++) {
    if (issues.get(i) !== undefined || issues.empty(i)) continue;
    if (!(x[i] >= 0 && Number.isInteger(x[i]))) issues.set(i, reason("clv.badX", { x: x[i] }));
    else if (!(tx[i] >= 0 && tx[i] <= T[i])) issues.set(i, reason("clv.badTx", { tx: tx[i], T: T[i] }));
    else if (x[i] > 0 && tx[i] === 0) issues.set(i, reason("clv.zeroTx"));
    else if (z && x[i] > 0 && !(z[i] > 0)) issues.set(i, reason("clv.badSpend"));
    else keep.push(i);
  }
  const pick = (a: Float64Array) => Float64Array.from(keep, (i) => a[i]);
  const zbar = z ? Float64Array.from(keep, (i) => (x[i] > 0 ? z[i] : 0)) : new Float64Array(keep.length);
  return { n, issues, keep, summary: { x: pick(x), tx: pick(tx), T: pick(T), zbar } };
}

/** Spreads values of the kept rows back to all n rows (the others carry their issue). */
function byRow(n: number, keep: readonly number[], values: Float64Array): Float64Array {
  const out = new Float64Array(n).fill(NaN);
  keep.forEach((i, k) => (out[i] = values[k]));
  return out;
}

/**
 * Probability that each customer is still active, P(alive), from the BG/NBD model (Fader, Hardie & Lee
 * 2005) fitted by maximum likelihood on the rows given: 1 for a customer who never bought again, lower
 * the longer a repeat buyer has been silent compared with how often she used to buy.
 * @customfunction PALIVE
 * @param x Repeat purchases per customer: days with a purchase after the first (one column).
 * @param t_x Time from the first to the last purchase (one column, same rows), e.g. in weeks.
 * @param T Time from the first purchase to today (one column, same rows), in the same unit.
 * @returns P(alive) per row, between 0 and 1.
 */
export function tierPalive(x: unknown[][], t_x: unknown[][], T: unknown[][]): unknown[][] {
  return excel(() => {
    const { n, issues, keep, summary } = clvSummary({ x, t_x, T });
    const alive = byRow(n, keep, pAlive(fitBgNbd(summary), summary));
    return spill(n, 1, issues, (i) => [alive[i]]);
  });
}

/**
 * Customer lifetime value over a horizon: BG/NBD's expected purchases (Fader, Hardie & Lee 2005) times
 * the Gamma-Gamma expected spend per purchase, both fitted by maximum likelihood on the rows given,
 * summed month by month and discounted at a yearly rate.
 * @customfunction CLV
 * @param x Repeat purchases per customer: days with a purchase after the first (one column).
 * @param t_x Time from the first to the last purchase (one column, same rows).
 * @param T Time from the first purchase to today (one column, same rows), in the same unit.
 * @param average_spend Mean spend of the repeat purchases (one column, same rows; blank when x is 0).
 * @param [horizon] Length of the forecast in the unit (default one year: 52 weeks, 365 days or 12 months).
 * @param [discount] Yearly discount rate (default 0), e.g. 10%.
 * @param [unit] Unit of t_x, T and the horizon: "week" (default), "day" or "month".
 * @returns CLV per row.
 */
export function tierClv(
  x: unknown[][],
  t_x: unknown[][],
  T: unknown[][],
  average_spend: unknown[][],
  horizon?: unknown,
  discount?: unknown,
  unit?: unknown,
): unknown[][] {
  return excel(() => {
    const u = (omitted(unit) ? "week" : readText(unit).toLowerCase()) as ClvUnit;
    if (!(u in YEAR_IN_UNITS)) throw new TierError("functions.badUnit", { unit: readText(unit) });
    const h = optionalNumber(horizon, "horizon", YEAR_IN_UNITS[u]);
    const d = optionalNumber(discount, "discount", 0);
    const { n, issues, keep, summary } = clvSummary({ x, t_x, T }, average_spend);
    const scores = scoreClv(fitBgNbd(summary), fitGammaGamma(summary), summary, {
      horizon: h,
      discount: d,
      unit: u,
    });
    const clv = byRow(n, keep, scores.clv);
    return spill(n, 1, issues, (i) => [clv[i]]);
  });
}

/**
 * The next tier up and what is missing to reach it (issue 17), for the thresholds of TIER.LEVEL: the
 * first threshold above the value, its name and the gap ("再消费 1,360 元升金卡"). A value at the top
 * tier gets "" and "".
 * @customfunction NEXT
 * @param values Values per customer, e.g. cumulative spend (one column).
 * @param thresholds Lowest value of each tier, increasing (a row or a column).
 * @param names Tier names in the same order as the thresholds.
 * @returns Two columns: the next tier and the gap to it.
 */
export function tierNext(values: unknown[][], thresholds: unknown[][], names: unknown[][]): unknown[][] {
  return excel(() => {
    const { n, t, label, issues, v } = levelArgs(values, thresholds, names);
    const { next, gap } = levelSteps(v, t);
    return spill(n, 2, issues, (i) => (next[i] < 0 ? ["", ""] : [label[next[i]], gap[i]]));
  });
}
