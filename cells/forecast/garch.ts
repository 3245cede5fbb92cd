import { bfgs } from '../optimize/bfgs';
import {
  garchLogLikelihoodGradient,
  presampleVariance,
  type GarchDist,
  type GarchInit,
  type GarchParams,
} from './garch-likelihood';
import { makeGarch, type GarchFit } from './garch-model';

export interface GarchOptions {
  /** Innovation distribution (default 'normal'). */
  dist?: GarchDist;
  /** 'constant' subtracts the sample mean first (two-step, not joint MLE); 'zero' uses r as is. Default 'constant'. */
  mean?: 'constant' | 'zero';
  /** Pre-sample variance rule (default 'backcast', as `arch`). */
  init?: GarchInit;
  /** Fix ω = s²(1 − α − β) with s² the mean squared residual, and fit α, β (and ν) only. Default false. */
  varianceTargeting?: boolean;
  /**
   * Parameters to start from as well as the built-in grid (the better starting likelihood wins), e.g. the last
   * fit when refitting on a window that grew by a few observations: BFGS then needs a few iterations, not dozens.
   */
  start?: GarchParams;
}

/**
 * Fit a GARCH(1,1) by maximum likelihood: ω > 0, α, β ≥ 0, α + β < 1, enforced by reparametrising
 * ω = eᵃ, α + β = logistic(b), α = (α + β)·logistic(c), ν = 2.05 + 497.95·logistic(d) (arch's bounds on ν),
 * and maximising with BFGS on the analytic gradient from the best of a small grid of starts.
 * Returns in (e.g. daily log returns), variance per period out; h₁ = ω + (α + β)·s₀ with s₀ the `init` rule.
 *
 * @example
 * const rng = vol.random.createRng(1);
 * const logReturns = Float64Array.from({ length: 1000 }, () => 0.02 * rng.normal());
 * const g = fitGarch(logReturns, { dist: 't' });
 * g.alpha + g.beta; // persistence
 * g.forecast(10); // variance for each of the next ten periods
 */
export function fitGarch(r: ArrayLike<number>, options: GarchOptions = {}): GarchFit {
  return fitGarchWarm(r, options).fit;
}

/** A refit's head start: the last fit's parameters and the optimizer's inverse Hessian there. */
export interface GarchWarmStart {
  params: GarchParams;
  inverseHessian: Float64Array;
}

/**
 * `fitGarch`, optionally warm-started: when `warm.params` is the best start, BFGS also begins from its inverse
 * Hessian instead of the identity, which is what saves the iterations (the parameters alone save few: BFGS
 * spends most of them learning the curvature). Returns the state to warm-start the next refit.
 */
export function fitGarchWarm(
  r: ArrayLike<number>,
  options: GarchOptions = {},
  warm?: GarchWarmStart,
): { fit: GarchFit; warm: GarchWarmStart } {
  const {
    dist = 'normal',
    mean = 'constant',
    init = 'backcast',
    varianceTargeting = false,
  } = options;
  if (dist !== 'normal' && dist !== 't') throw new RangeError(`invalid dist: ${String(dist)}`);
  if (r.length < 10) throw new RangeError(`series too short: ${r.length}`);
  let mu = 0;
  if (mean === 'constant') {
    for (let i = 0; i < r.length; i++) mu += r[i]!;
    mu /= r.length;
  }
  const eps = new Float64Array(r.length);
  for (let i = 0; i < r.length; i++) eps[i] = r[i]! - mu;
  if (!eps.every(Number.isFinite)) throw new RangeError('non-finite returns');
  const s0 = presampleVariance(eps, init);
  const s2 = presampleVariance(eps, 'sampleVariance');
  if (!(s2 > 0)) throw new RangeError('returns have zero variance');
  const isT = dist === 't';
  const n = eps.length;

  // θ = [a?, b, c, d?]; objective −ℓ / T.
  const decode = (theta: Float64Array): GarchParams => {
    let i = 0;
    const logOmega = varianceTargeting ? 0 : theta[i++]!;
    const p = logistic(theta[i++]!);
    const share = logistic(theta[i++]!);
    const alpha = p * share;
    const beta = p - alpha;
    const omega = varianceTargeting ? s2 * (1 - p) : Math.exp(logOmega);
    return isT
      ? { omega, alpha, beta, nu: nuLow + (nuHigh - nuLow) * logistic(theta[i]!) }
      : { omega, alpha, beta };
  };
  const natural = new Float64Array(4);
  const objective = (theta: Float64Array, grad: Float64Array): number => {
    const q = decode(theta);
    const nu = q.nu ?? Infinity;
    const ll = garchLogLikelihoodGradient(eps, s0, q.omega, q.alpha, q.beta, dist, nu, natural);
    if (!Number.isFinite(ll)) return Infinity;
    let i = 0;
    let gA = natural[1]!;
    let gB = natural[2]!;
    if (varianceTargeting) {
      gA -= s2 * natural[0]!;
      gB -= s2 * natural[0]!;
    } else {
      grad[i++] = (-natural[0]! * q.omega) / n;
    }
    const p = q.alpha + q.beta;
    const share = p > 0 ? q.alpha / p : 0;
    grad[i++] = (-(gA * share + gB * (1 - share)) * p * (1 - p)) / n;
    grad[i++] = (-(gA - gB) * p * share * (1 - share)) / n;
    if (isT) grad[i] = (-natural[3]! * (nu - nuLow) * (nuHigh - nu)) / ((nuHigh - nuLow) * n);
    return -ll / n;
  };

  // θ of a start; the logits are kept off the bounds so that a start on a face (α = 0, say) stays finite.
  const encode = ({ omega, alpha, beta, nu = 8 }: GarchParams): Float64Array => {
    const p = clampOpen(alpha + beta);
    const theta: number[] = [];
    if (!varianceTargeting) theta.push(Math.log(omega));
    theta.push(logit(p), logit(clampOpen(alpha / p)));
    if (isT) theta.push(logit(clampOpen((nu - nuLow) / (nuHigh - nuLow))));
    return Float64Array.from(theta);
  };
  const starts: GarchParams[] = [];
  // A refit starts from the last fit alone: the window moved by a few observations, so the maximum moved
  // little, and the grid would cost as much as the whole warm-started optimization.
  if (!warm)
    for (const p of [0.9, 0.97, 0.995]) {
      for (const alpha of [0.03, 0.08, 0.15]) {
        if (alpha < p) starts.push({ omega: s2 * (1 - p), alpha, beta: p - alpha });
      }
    }
  if (options.start) starts.push(checkStart(options.start));
  if (warm) starts.push(checkStart(warm.params));
  let best: Float64Array | null = null;
  let bestValue = Infinity;
  let bestIsWarm = false;
  const scratch = new Float64Array(4);
  for (const params of starts) {
    const start = encode(params);
    const value = objective(start, scratch);
    if (value < bestValue) {
      bestValue = value;
      best = start;
      bestIsWarm = params === warm?.params;
    }
  }
  if (!best) throw new RangeError('no finite starting likelihood');
  const inverseHessian =
    bestIsWarm && warm!.inverseHessian.length === best.length ** 2
      ? warm!.inverseHessian
      : undefined;
  const result = bfgs(objective, best, {
    gradientTolerance: 1e-9,
    maxIterations: 500,
    ...(inverseHessian ? { inverseHessian } : {}),
  });
  const params = decode(result.x);
  const fit = makeGarch({
    ...params,
    dist,
    mu,
    init,
    logLikelihood: -result.value * n,
    converged: result.converged,
    iterations: result.iterations,
    eps,
  });
  return { fit, warm: { params, inverseHessian: result.inverseHessian } };
}

const nuLow = 2.05;
const nuHigh = 500;

function logistic(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

function clampOpen(p: number): number {
  return Math.min(Math.max(p, 1e-6), 1 - 1e-6);
}

function checkStart(start: GarchParams): GarchParams {
  const { omega, alpha, beta, nu } = start;
  if (
    !(omega > 0) ||
    !(alpha >= 0) ||
    !(beta >= 0) ||
    !(alpha + beta < 1) ||
    (nu !== undefined && !(nu > 2))
  )
    throw new RangeError(`invalid start: ${omega}, ${alpha}, ${beta}, ${nu}`);
  return start;
}

function logit(p: number): number {
  return Math.log(p / (1 - p));
}
