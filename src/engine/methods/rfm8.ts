import { z } from "zod";
import { RFM8_CLASSES, rfm8 } from "../rfm8";
import { RFM8_COLOURS } from "../palettes";
import { base } from "./parts";
import { cents, rfmInputs } from "./rfm";
import type { MethodDef, MethodRun, OutValue, RowReason } from "./types";
import { rfm8Next } from "../next/rfm8";

export const rfm8Schema = z.object({ ...base, method: z.literal("rfm8") }).strict();
export type Rfm8Rules = z.infer<typeof rfm8Schema>;

/**
 * The eight Chinese RFM classes: R, F and M each compared with its mean (high or low), the three
 * letters naming the class (重要价值客户 = HHH …).
 *
 * @example methodOf({ method: "rfm8", name }).tiers(rs)[0].name.zh // "重要价值客户"
 */
export const rfm8Method: MethodDef<Rfm8Rules> = {
  id: "rfm8",
  schema: rfm8Schema,
  chart: "rfm",
  keyColumns: { segment: "name" },
  check() {},
  needs: () => [{ role: "customer_id" }, { role: "recency_days" }, { role: "frequency" }, { role: "amount" }],
  tiers: () =>
    RFM8_CLASSES.map((c) => ({ key: c.key, name: { zh: c.zh, en: c.en }, colour: RFM8_COLOURS[c.key] })),
  run(input): MethodRun {
    const n = input.n;
    const issue: (RowReason | null)[] = new Array(n).fill(null);
    const tier: (string | null)[] = new Array(n).fill(null);
    const [rec, fre, amt] = rfmInputs(input, issue);
    const res = rfm8(rec, fre, amt);
    const hl = (cond: (i: number) => boolean): OutValue[] =>
      Array.from({ length: n }, (_, i) => (res.cls[i] < 0 ? null : cond(i) ? "H" : "L"));
    const r = hl((i) => rec[i] < res.means.recency);
    const f = hl((i) => fre[i] > res.means.frequency);
    const m = hl((i) => amt[i] > res.means.amount);
    for (let i = 0; i < n; i++) if (res.cls[i] >= 0) tier[i] = RFM8_CLASSES[res.cls[i]].key;
    return {
      columns: [
        ["recency_days", cents(input.numeric("recency_days"))],
        ["frequency", cents(input.numeric("frequency"))],
        ["amount", cents(input.numeric("amount"))],
        ["r", r],
        ["f", f],
        ["m", m],
        ["rfm", r.map((x, i) => (x === null ? null : `${x}${f[i]}${m[i]}`))],
        ["segment", [...tier]],
      ],
      tier,
      issue,
    };
  },
  // Reasons and next steps (issue 17).
  ...rfm8Next,
};
