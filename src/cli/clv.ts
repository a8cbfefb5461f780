/**
 * `tier clv`: potential from the orders — BG/NBD + Gamma-Gamma fitted on the calibration period,
 * P(alive), expected purchases, expected spend and CLV per customer, and the calibration/holdout
 * check when there are orders after the calibration end.
 *
 *   tier clv <orders.csv|.xlsx|.txt> [--calibration-end YYYY-MM-DD] [--horizon N] [--unit day|week|month]
 *            [--discount RATE] [--sheet NAME] [--map ROLE=HEADER]... [--lang en|zh] [--out FILE.csv|FILE.json]
 */
import { writeFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import {
  ordersFromTable,
  runPotential,
  YEAR_IN_UNITS,
  type BgNbdFit,
  type ClvUnit,
  type GammaGammaFit,
  type HoldoutRow,
} from "../engine/clv";
import { formatDay, parseIsoDay } from "../engine/dates";
import { TierError } from "../engine/errors";
import type { Lang, Problem } from "../engine/reasons";
import { clvText } from "../i18n/clv";
import { reasonText } from "../i18n/reasons";
import { toCsv } from "../workbook/csv-out";
import type { Io } from "./io";
import { langOption, parseMap, readTable } from "./options";
import { displayWidth, padDisplay } from "./text";

export const CLV_USAGE = `  tier clv <orders.csv|orders.xlsx|orders.txt> [--calibration-end YYYY-MM-DD] [--horizon N]
           [--unit day|week|month] [--discount RATE] [--sheet NAME] [--map ROLE=HEADER]... [--lang en|zh]
           [--out FILE.csv|FILE.json]`;

/** The output columns, in order. */
export const CLV_COLUMNS = [
  "customer_id",
  "x",
  "t_x",
  "T",
  "p_alive",
  "expected_purchases",
  "expected_spend",
  "clv",
];

export async function clvCommand(args: readonly string[], io: Io): Promise<number> {
  const lang = args.includes("--lang=zh") || args[args.indexOf("--lang") + 1] === "zh" ? "zh" : "en";
  try {
    return await clv(args, io);
  } catch (e) {
    // main prints a TierError's message; word it in the language asked for.
    if (e instanceof TierError && lang === "zh")
      throw new TierError("error.text", { text: reasonText(e, lang) });
    throw e;
  }
}

async function clv(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: {
      "calibration-end": { type: "string" },
      horizon: { type: "string" },
      unit: { type: "string" },
      discount: { type: "string" },
      sheet: { type: "string" },
      map: { type: "string", multiple: true },
      lang: { type: "string" },
      out: { type: "string" },
    },
  });
  if (positionals.length !== 1)
    throw new TierError("cli.oneFile", { command: "clv", got: positionals.length, usage: CLV_USAGE });
  const lang = langOption(values.lang);
  const unit = (values.unit ?? "week") as ClvUnit;
  if (!(unit in YEAR_IN_UNITS)) throw new TierError("clv.badUnit", { unit: values.unit ?? "" });
  const horizon = values.horizon === undefined ? YEAR_IN_UNITS[unit] : Number(values.horizon);
  if (!(horizon > 0) || !Number.isFinite(horizon))
    throw new TierError("clv.badHorizon", { horizon: values.horizon ?? "" });
  const discount = rateOption(values.discount);
  const end = values["calibration-end"] === undefined ? undefined : parseIsoDay(values["calibration-end"]);
  const out = values.out;
  if (out && !/\.(csv|json)$/i.test(out))
    throw new TierError("cli.badOut", { allowed: [".csv", ".json"], got: out });

  const table = await readTable(positionals[0], values.sheet);
  const orders = ordersFromTable(table, parseMap(values.map));
  const { summary, bgnbd, gammaGamma, scores, holdout, warnings } = runPotential(
    { customerId: orders.ids, day: orders.days, amount: orders.amounts },
    orders.hasAmount,
    { calibrationEnd: end, unit, horizon, discount },
  );

  const say = (s: string) => io.err(s + "\n");
  const customers = new Set(orders.ids).size;
  say(clvText("sheet", lang, { sheet: table.sheetName, orders: orders.ids.length, customers }));
  say(clvText("columns", lang, { mapping: orders.mapping }));
  if (!orders.hasAmount) say(clvText("noAmount", lang));
  const unitName = clvText(unit, lang);
  const first = orders.days.reduce((a, b) => Math.min(a, b), Infinity);
  say(
    clvText("calibration", lang, {
      from: formatDay(first),
      to: formatDay(summary.calibrationEnd),
      unit: unitName,
      horizon,
      discount: `${+(discount * 100).toFixed(4)}%`,
    }),
  );
  if (summary.leftOut.length)
    say(
      clvText("leftOut", lang, {
        n: summary.leftOut.length,
        ids: summary.leftOut.slice(0, 10).join(", ") + (summary.leftOut.length > 10 ? ", …" : ""),
      }),
    );
  reportProblems(orders.problems, lang, say);
  say(modelLine(bgnbd, gammaGamma, lang).join("\n"));
  for (const warning of warnings) say(reasonText(warning, lang));

  const holdoutText = holdout
    ? holdoutTable(holdout, lang, {
        from: formatDay(summary.calibrationEnd + 1),
        to: formatDay(summary.holdoutEnd),
        length: +summary.holdoutLength.toFixed(2),
        unit: unitName,
      })
    : "";

  const columns: Record<string, readonly unknown[]> = {
    customer_id: summary.customerId,
    x: Array.from(summary.x),
    t_x: Array.from(summary.tx, round6),
    T: Array.from(summary.T, round6),
    p_alive: Array.from(scores.pAlive, round6),
    expected_purchases: Array.from(scores.expectedPurchases, round6),
    expected_spend: Array.from(scores.expectedSpend, round6),
    clv: Array.from(scores.clv, round6),
  };
  if (!out) {
    io.err(holdoutText);
    io.out(toCsv(CLV_COLUMNS, columns));
    return 0;
  }
  io.out(holdoutText);
  if (/\.json$/i.test(out)) {
    const rows = summary.customerId.map((_, i) =>
      Object.fromEntries(CLV_COLUMNS.map((k) => [k, jsonNumber(columns[k][i])])),
    );
    const model = {
      r: bgnbd.r,
      alpha: bgnbd.alpha,
      a: bgnbd.a,
      b: bgnbd.b,
      p: gammaGamma?.p ?? null,
      q: gammaGamma?.q ?? null,
      gamma: gammaGamma?.gamma ?? null,
      logLikelihood: bgnbd.logLikelihood,
      customers: bgnbd.customers,
      gammaGammaLogLikelihood: gammaGamma?.logLikelihood ?? null,
      repeatBuyers: gammaGamma?.customers ?? null,
    };
    const json = {
      model,
      calibrationEnd: formatDay(summary.calibrationEnd),
      unit,
      horizon,
      discount,
      leftOut: summary.leftOut,
      problems: orders.problems.map((p) => ({ ...p, text: reasonText(p, lang) })),
      holdout: holdout ?? null,
      rows,
    };
    await writeFile(out, JSON.stringify(json, null, 1) + "\n");
  } else await writeFile(out, "\uFEFF" + toCsv(CLV_COLUMNS, columns));
  return 0;
}

/** `--discount`: a yearly rate as 0.1 or 10%; 0 when not given. */
function rateOption(text: string | undefined): number {
  if (text === undefined) return 0;
  const t = text.trim();
  const rate = t.endsWith("%") ? Number(t.slice(0, -1)) / 100 : Number(t);
  if (t === "" || !Number.isFinite(rate) || rate <= -1)
    throw new TierError("clv.badDiscount", { discount: text });
  return rate;
}

const round6 = (v: number) => (Number.isFinite(v) ? Math.round(v * 1e6) / 1e6 : NaN);
const jsonNumber = (v: unknown) => (typeof v === "number" && !Number.isFinite(v) ? null : v);

function reportProblems(problems: readonly Problem[], lang: Lang, say: (s: string) => void): void {
  if (!problems.length) return;
  say(clvText("problems", lang, { n: problems.length }));
  for (const p of problems.slice(0, 5))
    say(clvText("problemRow", lang, { row: p.row, column: p.column ?? "", reason: reasonText(p, lang) }));
  if (problems.length > 5) say(clvText("more", lang, { n: problems.length - 5 }));
}

function modelLine(bgnbd: BgNbdFit, gg: GammaGammaFit | undefined, lang: Lang): string[] {
  const f = (v: number, d: number) => v.toFixed(d);
  const lines = [
    clvText("bgnbd", lang, {
      customers: bgnbd.customers,
      r: f(bgnbd.r, 3),
      alpha: f(bgnbd.alpha, 3),
      a: f(bgnbd.a, 3),
      b: f(bgnbd.b, 3),
      ll: f(bgnbd.logLikelihood, 1),
    }),
  ];
  if (gg)
    lines.push(
      clvText("gammaGamma", lang, {
        customers: gg.customers,
        p: f(gg.p, 2),
        q: f(gg.q, 2),
        gamma: f(gg.gamma, 2),
        ll: f(gg.logLikelihood, 1),
      }),
    );
  return lines;
}

/**
 * The holdout check as aligned text: x in calibration (0..6, 7+), customers, actual and predicted
 * mean repeat transactions in the holdout, then the totals.
 */
export function holdoutTable(
  rows: readonly HoldoutRow[],
  lang: Lang,
  period: Record<string, string | number>,
): string {
  const head = ["holdoutX", "holdoutCustomers", "holdoutActual", "holdoutPredicted"] as const;
  const cells = [
    head.map((k) => clvText(k, lang)),
    ...rows.map((r) => [
      r.atLeast ? `${r.x}+` : String(r.x),
      String(r.customers),
      r.actual.toFixed(3),
      r.predicted.toFixed(3),
    ]),
  ];
  const widths = head.map((_, c) => Math.max(...cells.map((row) => displayWidth(row[c]))));
  const lines = cells.map((row) =>
    row
      .map((cell, c) =>
        c === 0 ? padDisplay(cell, widths[c]) : " ".repeat(widths[c] - displayWidth(cell)) + cell,
      )
      .join("  "),
  );
  let actual = 0;
  let predicted = 0;
  for (const r of rows) {
    actual += r.actual * r.customers;
    predicted += r.predicted * r.customers;
  }
  return [
    clvText("holdoutTitle", lang, period),
    ...lines,
    clvText("holdoutTotal", lang, { actual: actual.toFixed(0), predicted: predicted.toFixed(1) }),
    "",
  ].join("\n");
}
