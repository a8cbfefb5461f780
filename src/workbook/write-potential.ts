/**
 * Writes the Potential step's results through a {@link WorkbookHost}: one row per customer (P(alive),
 * expected purchases, expected spend, CLV) and a sheet with the fitted model and the holdout check.
 */
import type { PotentialResult } from "../engine/clv";
import type { Lang } from "../engine/reasons";
import type { CellOut, WorkbookHost } from "./host";

export const POTENTIAL_SHEETS = {
  customers: { zh: "潜力", en: "Potential" },
  model: { zh: "潜力模型", en: "Potential model" },
} as const;

/** Headers of the customer sheet, in the order of `tier clv`'s CSV columns. */
export const POTENTIAL_HEADERS = {
  en: ["customer_id", "x", "t_x", "T", "p_alive", "expected_purchases", "expected_spend", "clv"],
  zh: [
    "客户编号",
    "复购次数 x",
    "末次购买 t_x",
    "客户年龄 T",
    "存活概率",
    "预计购买次数",
    "预计客单价",
    "终身价值 CLV",
  ],
} as const;

const num = (v: number): CellOut => (Number.isFinite(v) ? v : null);

/**
 * One row per customer under the headers; ids as text, so that Excel keeps leading zeros and never
 * reads an id as a formula.
 * @example potentialRows(result, "en")[0] // ["customer_id", "x", "t_x", "T", "p_alive", …]
 */
export function potentialRows(result: PotentialResult, lang: Lang): CellOut[][] {
  const { summary, scores } = result;
  const rows: CellOut[][] = [[...POTENTIAL_HEADERS[lang]]];
  for (let i = 0; i < summary.customerId.length; i++)
    rows.push([
      summary.customerId[i],
      summary.x[i],
      summary.tx[i],
      summary.T[i],
      num(scores.pAlive[i]),
      num(scores.expectedPurchases[i]),
      num(scores.expectedSpend[i]),
      num(scores.clv[i]),
    ]);
  return rows;
}

/**
 * The model sheet: parameters and log-likelihoods, then the holdout check (x in calibration,
 * customers, actual and predicted mean repeat transactions) when there is one.
 */
export function potentialModelRows(result: PotentialResult, lang: Lang): CellOut[][] {
  const zh = lang === "zh";
  const { bgnbd, gammaGamma, holdout } = result;
  const rows: CellOut[][] = [
    [zh ? "参数" : "parameter", zh ? "值" : "value"],
    ["BG/NBD r", bgnbd.r],
    ["BG/NBD α", bgnbd.alpha],
    ["BG/NBD a", bgnbd.a],
    ["BG/NBD b", bgnbd.b],
    [zh ? "BG/NBD 对数似然" : "BG/NBD log-likelihood", bgnbd.logLikelihood],
    [zh ? "客户数" : "customers", bgnbd.customers],
  ];
  if (gammaGamma)
    rows.push(
      ["Gamma-Gamma p", gammaGamma.p],
      ["Gamma-Gamma q", gammaGamma.q],
      ["Gamma-Gamma γ", gammaGamma.gamma],
      [zh ? "复购客户数" : "repeat buyers", gammaGamma.customers],
    );
  if (holdout) {
    rows.push([]);
    rows.push([
      zh ? "校准期复购次数" : "x in calibration",
      zh ? "客户数" : "customers",
      zh ? "验证期实际" : "holdout actual",
      zh ? "验证期预测" : "holdout predicted",
    ]);
    for (const r of holdout)
      rows.push([r.atLeast ? `${r.x}+` : String(r.x), r.customers, r.actual, r.predicted]);
  }
  return rows;
}

/** Writes both sheets (replacing the add-in's own earlier ones); returns their names. */
export async function writePotential(
  host: WorkbookHost,
  result: PotentialResult,
  lang: Lang,
): Promise<{ customers: string; model: string }> {
  const customers = POTENTIAL_SHEETS.customers[lang];
  const model = POTENTIAL_SHEETS.model[lang];
  await host.writeSheet({
    name: customers,
    rows: potentialRows(result, lang),
    formats: ["@", "0", "0.00", "0.00", "0.000", "0.00", "0.00", "0.00"],
    widths: [16, 8, 10, 10, 10, 12, 12, 12],
    asTable: true,
  });
  await host.writeSheet({
    name: model,
    rows: potentialModelRows(result, lang),
    formats: [undefined, "0.0000", "0.000", "0.000"],
    widths: [24, 14, 14, 16],
  });
  return { customers, model };
}
