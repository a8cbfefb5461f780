/**
 * Customers drawn from the BG/NBD and Gamma-Gamma models themselves: for the benchmark and for tests
 * that fit known parameters back.
 */
import type { BgNbdParams } from "./bgnbd";
import type { GammaGammaParams } from "./gammagamma";

/** A Gamma(shape, rate 1) draw (Marsaglia & Tsang 2000; shape < 1 boosted by U^(1/shape)). */
function gammaDraw(shape: number, random: () => number): number {
  if (shape < 1) return gammaDraw(shape + 1, random) * Math.pow(1 - random(), 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let z: number;
    let v: number;
    do {
      // A standard normal by Box–Muller.
      z = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
      v = 1 + c * z;
    } while (v <= 0);
    v = v * v * v;
    const u = 1 - random();
    if (Math.log(u) < 0.5 * z * z + d - d * v + d * Math.log(v)) return d * v;
  }
}

/**
 * n customers of a BG/NBD world observed for T ~ Uniform(minT, maxT) units after their first purchase:
 * λ ~ Gamma(r, α), p ~ Beta(a, b); purchases follow a Poisson process of rate λ, and after each
 * repeat purchase the customer drops out with probability p. With `spend`, each repeat transaction
 * is Gamma(p, ν) with ν ~ Gamma(q, γ), and z̄ is their mean. With `holdout`, the process runs on for
 * that long after T and `holdoutX` counts the purchases there.
 * @example simulateCustomers({ r: 0.25, alpha: 4, a: 0.8, b: 2.5 }, 1000, seededRandom(1))
 */
export function simulateCustomers(
  params: BgNbdParams,
  n: number,
  random: () => number,
  options: { minT?: number; maxT?: number; spend?: GammaGammaParams; holdout?: number } = {},
): { x: Float64Array; tx: Float64Array; T: Float64Array; zbar: Float64Array; holdoutX: Float64Array } {
  const { r, alpha, a, b } = params;
  const minT = options.minT ?? 27;
  const maxT = options.maxT ?? 39;
  const x = new Float64Array(n);
  const tx = new Float64Array(n);
  const T = new Float64Array(n);
  const zbar = new Float64Array(n);
  const holdoutX = new Float64Array(n);
  const holdout = options.holdout ?? 0;
  for (let i = 0; i < n; i++) {
    const lambda = gammaDraw(r, random) / alpha;
    const ga = gammaDraw(a, random);
    const dropout = ga / (ga + gammaDraw(b, random));
    const age = minT + (maxT - minT) * random();
    let t = 0;
    let count = 0;
    for (;;) {
      t += -Math.log(1 - random()) / lambda;
      if (!(t <= age + holdout)) break;
      if (t <= age) {
        count++;
        tx[i] = t;
      } else holdoutX[i]++;
      if (random() < dropout) break;
    }
    x[i] = count;
    T[i] = age;
    if (options.spend && count > 0) {
      const nu = gammaDraw(options.spend.q, random) / options.spend.gamma;
      let total = 0;
      for (let k = 0; k < count; k++) total += gammaDraw(options.spend.p, random) / nu;
      zbar[i] = total / count;
    }
  }
  return { x, tx, T, zbar, holdoutX };
}
