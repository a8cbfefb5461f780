/**
 * Maximum likelihood for the CLV models. The npm optimisers looked at do not fit: `fmin` (the only
 * maintained general-purpose one) ships a UMD bundle under `"type": "module"` that exports nothing to
 * Node's ESM loader, and its Nelder–Mead shrink step assigns an undeclared variable, which throws in
 * strict mode; the `ml-*` family fits curves by least squares, not likelihoods. So this file holds a
 * small, tested Nelder–Mead and a Newton polish.
 */
import { TierError } from "../errors";

/** A log-likelihood of positive parameters: its value, and its gradient written into `gradient`. */
export type LogLikelihood = (params: Float64Array, gradient: Float64Array) => number;

/** The maximum found: the parameters and the log-likelihood there. */
export interface Maximum {
  params: Float64Array;
  logLikelihood: number;
}

/**
 * Maximum likelihood on log-parameters θ = ln(parameter), which keeps every step positive without
 * bounds, in two stages:
 *
 * 1. Nelder–Mead on −ll(e^θ)/n to a loose tolerance (dividing by the number of customers n makes the
 *    tolerance mean the same for 2,000 customers as for 100,000). With `rough`, a likelihood of a
 *    subsample, the simplex runs on it instead: it only has to find the neighbourhood;
 * 2. Newton steps on the full likelihood from there, the Hessian taken as forward differences of the
 *    analytic gradient, each step kept only when it raises ll. The likelihood surfaces of BG/NBD and
 *    Gamma-Gamma are long flat ridges (α and r move together): a simplex crawls along them, Newton
 *    reaches the maximum to machine precision in a few steps, which is what pins the published
 *    fourth digits. Should Newton stall short of a zero gradient, the simplex runs again on the full
 *    likelihood and Newton polishes once more.
 *
 * Throws `clv.noConvergence` when the maximum is not finite (data the model cannot describe).
 * @example maximiseLogLikelihood((p, g) => { g[0] = 1 / p[0] - 1; return Math.log(p[0]) - p[0]; }, [3], 1, "demo")
 *   // { params: [≈1], logLikelihood: ≈-1 }
 */
export function maximiseLogLikelihood(
  ll: LogLikelihood,
  start: readonly number[],
  n: number,
  model: string,
  rough?: { ll: LogLikelihood; n: number },
): Maximum {
  const k = start.length;
  const objective = scaled(ll, n, k);
  const first = rough ? scaled(rough.ll, rough.n, k) : objective;
  const simplex = (f: Objective, from: ArrayLike<number>) =>
    nelderMead((t) => f(t), from, { fTolerance: 1e-7, xTolerance: 1e-3 }).x;
  let polished = newtonPolish(
    objective,
    simplex(
      first,
      start.map((s) => Math.log(s)),
    ),
  );
  if (!polished.converged) polished = newtonPolish(objective, simplex(objective, polished.theta));
  const found = polished.theta.map(Math.exp);
  const value = ll(found, new Float64Array(k));
  if (!Number.isFinite(value) || found.some((p) => !Number.isFinite(p) || p <= 0))
    throw new TierError("clv.noConvergence", { model });
  return { params: found, logLikelihood: value };
}

/** −ll(e^θ)/n, and into `grad` its gradient d(−ll/n)/dθ = −p · d(ll)/dp / n. */
type Objective = (theta: ArrayLike<number>, grad?: Float64Array) => number;

/**
 * The largest parameter tried, e^18.42 ≈ 10^8. Customers who all buy at one rate (a delivery schedule)
 * send BG/NBD's r and α to infinity together; past about 10^8, ln Γ(r + x) − ln Γ(r) loses every
 * digit to rounding and the likelihood turns to noise (a positive log-likelihood, negative expected
 * purchases). At 10^8 the gamma mixing is already a point mass (its coefficient of variation is
 * 1/√r = 10^−4), so the wall changes no answer that means anything; `fitWarnings` reports the fit.
 */
const THETA_MAX = Math.log(1e8);

function scaled(ll: LogLikelihood, n: number, k: number): Objective {
  const params = new Float64Array(k);
  const gradient = new Float64Array(k);
  const scale = 1 / Math.max(n, 1);
  return (theta, grad) => {
    for (let j = 0; j < k; j++) if (theta[j] > THETA_MAX) return Infinity;
    for (let j = 0; j < k; j++) params[j] = Math.exp(theta[j]);
    const value = ll(params, gradient);
    if (grad) for (let j = 0; j < k; j++) grad[j] = -gradient[j] * params[j] * scale;
    // A non-finite value (a step too far) is a wall.
    return Number.isFinite(value) ? -value * scale : Infinity;
  };
}

export interface NelderMeadOptions {
  /** Stop when the simplex's values differ by less than this (default 1e-8)… */
  fTolerance?: number;
  /** …and its vertices by less than this in every coordinate (default 1e-6). */
  xTolerance?: number;
  /** Give up after this many evaluations (default 200 per dimension). */
  maxEvaluations?: number;
  /** Edge of the first simplex along each axis (default 0.5). */
  step?: number;
}

/**
 * Minimises f by the Nelder–Mead downhill simplex (Nelder & Mead 1965) with the standard coefficients
 * of Lagarias, Reeds, Wright & Wright (1998): reflection 1, expansion 2, contraction 1/2, shrink 1/2.
 * A non-finite value counts as worse than any finite one.
 * @example nelderMead(([x, y]) => (1 - x) ** 2 + 100 * (y - x * x) ** 2, [-1.2, 1]) // x ≈ [1, 1]
 */
export function nelderMead(
  f: (x: Float64Array) => number,
  x0: ArrayLike<number>,
  options: NelderMeadOptions = {},
): { x: Float64Array; fx: number; evaluations: number } {
  const k = x0.length;
  const fTol = options.fTolerance ?? 1e-8;
  const xTol = options.xTolerance ?? 1e-6;
  const maxEvaluations = options.maxEvaluations ?? 200 * k;
  const step = options.step ?? 0.5;
  let evaluations = 0;
  const value = (x: Float64Array) => {
    evaluations++;
    const v = f(x);
    return Number.isNaN(v) ? Infinity : v;
  };
  const simplex: Float64Array[] = [Float64Array.from(x0)];
  for (let j = 0; j < k; j++) {
    const v = Float64Array.from(x0);
    v[j] += step;
    simplex.push(v);
  }
  const fs = simplex.map(value);
  const order = Array.from({ length: k + 1 }, (_, i) => i);
  const centroid = new Float64Array(k);
  const along = (t: number) => {
    // centroid + t · (centroid − worst)
    const worst = simplex[order[k]];
    const p = new Float64Array(k);
    for (let j = 0; j < k; j++) p[j] = centroid[j] + t * (centroid[j] - worst[j]);
    return p;
  };
  while (evaluations < maxEvaluations) {
    order.sort((i, j) => fs[i] - fs[j]);
    const best = simplex[order[0]];
    let size = 0;
    for (let i = 1; i <= k; i++)
      for (let j = 0; j < k; j++) size = Math.max(size, Math.abs(simplex[order[i]][j] - best[j]));
    if (Math.abs(fs[order[k]] - fs[order[0]]) <= fTol && size <= xTol) break;
    centroid.fill(0);
    for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) centroid[j] += simplex[order[i]][j] / k;
    const worstI = order[k];
    const reflected = along(1);
    const fr = value(reflected);
    if (fr < fs[order[0]]) {
      const expanded = along(2);
      const fe = value(expanded);
      if (fe < fr) [simplex[worstI], fs[worstI]] = [expanded, fe];
      else [simplex[worstI], fs[worstI]] = [reflected, fr];
    } else if (fr < fs[order[k - 1]]) {
      [simplex[worstI], fs[worstI]] = [reflected, fr];
    } else {
      // Contract outside when the reflection beat the worst point, inside otherwise.
      const outside = fr < fs[worstI];
      const contracted = along(outside ? 0.5 : -0.5);
      const fc = value(contracted);
      if (fc < (outside ? fr : fs[worstI])) [simplex[worstI], fs[worstI]] = [contracted, fc];
      else {
        // Shrink every vertex halfway towards the best one.
        for (let i = 1; i <= k; i++) {
          const v = simplex[order[i]];
          for (let j = 0; j < k; j++) v[j] = best[j] + 0.5 * (v[j] - best[j]);
          fs[order[i]] = value(v);
        }
      }
    }
  }
  let b = 0;
  for (let i = 1; i <= k; i++) if (fs[i] < fs[b]) b = i;
  return { x: simplex[b], fx: fs[b], evaluations };
}

/**
 * Newton's method near a minimum: the Hessian from forward differences of the gradient, steps kept
 * only when they lower f. Converged when the largest gradient entry is below 1e-9 (per customer).
 * Steps within f's rounding noise are kept when they shrink the gradient.
 */
function newtonPolish(f: Objective, theta: Float64Array): { theta: Float64Array; converged: boolean } {
  const k = theta.length;
  const h = 1e-6;
  let g = new Float64Array(k);
  let gNext = new Float64Array(k);
  const gStep = new Float64Array(k);
  let best = f(theta, g);
  for (let iteration = 0; iteration < 20; iteration++) {
    if (Math.max(...g.map(Math.abs)) < 1e-9) return { theta, converged: true };
    const hessian: number[][] = [];
    for (let i = 0; i < k; i++) {
      const plus = Float64Array.from(theta);
      plus[i] += h;
      f(plus, gStep);
      hessian.push(Array.from(gStep, (v, j) => (v - g[j]) / h));
    }
    // Symmetrise: forward differences leave the two halves a little apart.
    for (let i = 0; i < k; i++)
      for (let j = 0; j < i; j++) hessian[i][j] = hessian[j][i] = (hessian[i][j] + hessian[j][i]) / 2;
    const delta = solve(
      hessian,
      Array.from(g, (v) => -v),
    );
    if (!delta || delta.some((d) => !Number.isFinite(d))) break;
    const next = theta.map((t, i) => t + delta[i]);
    const fNext = f(next, gNext);
    // Near the maximum f changes by less than the rounding noise of a sum over 100,000 customers: a
    // step within that noise that shrinks the gradient is still progress.
    const noise = 1e-9 * Math.max(1, Math.abs(best));
    const shrinks = Math.max(...gNext.map(Math.abs)) < Math.max(...g.map(Math.abs));
    if (!(fNext < best || (fNext <= best + noise && shrinks))) break;
    theta = next;
    best = fNext;
    [g, gNext] = [gNext, g];
  }
  return { theta, converged: Math.max(...g.map(Math.abs)) < 1e-9 };
}

/** Solves A d = b by Gaussian elimination with partial pivoting; undefined when A is singular. */
function solve(a: number[][], b: number[]): number[] | undefined {
  const k = b.length;
  const m = a.map((row, i) => [...row, b[i]]);
  for (let c = 0; c < k; c++) {
    let p = c;
    for (let r = c + 1; r < k; r++) if (Math.abs(m[r][c]) > Math.abs(m[p][c])) p = r;
    if (m[p][c] === 0) return undefined;
    [m[c], m[p]] = [m[p], m[c]];
    for (let r = c + 1; r < k; r++) {
      const factor = m[r][c] / m[c][c];
      for (let j = c; j <= k; j++) m[r][j] -= factor * m[c][j];
    }
  }
  const d = new Array<number>(k).fill(0);
  for (let i = k - 1; i >= 0; i--) {
    let s = m[i][k];
    for (let j = i + 1; j < k; j++) s -= m[i][j] * d[j];
    d[i] = s / m[i][i];
  }
  return d;
}
