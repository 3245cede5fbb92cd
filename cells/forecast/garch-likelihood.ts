import { digamma, logGamma } from './special';

export type GarchDist = 'normal' | 't';

export interface GarchParams {
  omega: number;
  alpha: number;
  beta: number;
  /** Student-t degrees of freedom (> 2), for dist 't'. */
  nu?: number;
}

export type GarchInit = 'backcast' | 'sampleVariance';

/**
 * The pre-sample variance s₀ used for h₁ = ω + (α + β) s₀. 'backcast' is what Python's `arch` does:
 * an exponentially weighted (0.94) mean of the first min(75, T) squared residuals; 'sampleVariance' is
 * the mean of all squared residuals.
 */
export function presampleVariance(eps: ArrayLike<number>, init: GarchInit): number {
  const n = eps.length;
  if (init === 'sampleVariance') {
    let s = 0;
    for (let i = 0; i < n; i++) s += eps[i]! * eps[i]!;
    return s / n;
  }
  const tau = Math.min(75, n);
  let w = 1;
  let sw = 0;
  let s = 0;
  for (let i = 0; i < tau; i++) {
    s += w * eps[i]! * eps[i]!;
    sw += w;
    w *= 0.94;
  }
  return s / sw;
}

/**
 * GARCH(1,1) log-likelihood Σ ℓ_t of zero-mean residuals `eps` (pass demeaned returns), with
 * h₁ = ω + (α + β) s₀ and h_t = ω + α ε²_{t−1} + β h_{t−1}; ε_t = √h_t z_t with z standard normal or
 * standardized Student-t (unit variance). Includes every constant, so it matches `arch`'s loglikelihood.
 *
 * @example
 * const residuals = Float64Array.from({ length: 100 }, (_, i) => 0.01 * Math.sin(i));
 * garchLogLikelihood({ omega: 1e-6, alpha: 0.08, beta: 0.9 }, residuals, 'normal');
 */
export function garchLogLikelihood(
  params: GarchParams,
  eps: ArrayLike<number>,
  dist: GarchDist = 'normal',
  init: GarchInit = 'backcast',
): number {
  const { omega, alpha, beta } = params;
  if (!(omega > 0) || !(alpha >= 0) || !(beta >= 0)) {
    throw new RangeError(`invalid params: ${omega}, ${alpha}, ${beta}`);
  }
  const nu = dist === 't' ? params.nu : Infinity;
  if (dist === 't' && !(nu! > 2)) throw new RangeError(`invalid nu: ${nu}`);
  if (eps.length < 2) throw new RangeError(`series too short: ${eps.length}`);
  return garchLogLikelihoodGradient(
    eps,
    presampleVariance(eps, init),
    omega,
    alpha,
    beta,
    dist,
    nu!,
    null,
  );
}

/**
 * Log-likelihood and, when `gradient` is given, its partial derivatives [∂ω, ∂α, ∂β, ∂ν] by forward
 * recursion of ∂h_t/∂θ = (1, ε²_{t−1}, h_{t−1}) + β ∂h_{t−1}/∂θ. The fitter's hot loop.
 */
export function garchLogLikelihoodGradient(
  eps: ArrayLike<number>,
  s0: number,
  omega: number,
  alpha: number,
  beta: number,
  dist: GarchDist,
  nu: number,
  gradient: Float64Array | null,
): number {
  const n = eps.length;
  const isT = dist === 't';
  let constant: number;
  let dConstant = 0;
  if (isT) {
    constant = logGamma((nu + 1) / 2) - logGamma(nu / 2) - 0.5 * Math.log(Math.PI * (nu - 2));
    dConstant = 0.5 * digamma((nu + 1) / 2) - 0.5 * digamma(nu / 2) - 0.5 / (nu - 2);
  } else {
    constant = -0.5 * Math.log(2 * Math.PI);
  }
  let h = omega + (alpha + beta) * s0;
  let dhO = 1;
  let dhA = s0;
  let dhB = s0;
  let gO = 0;
  let gA = 0;
  let gB = 0;
  let gN = 0;
  let sum = 0;
  const wantGradient = gradient !== null;
  for (let t = 0; t < n; t++) {
    const e2 = eps[t]! * eps[t]!;
    let dl: number; // ∂ℓ_t/∂h_t
    if (isT) {
      const q = e2 / (h * (nu - 2));
      const l1 = Math.log1p(q);
      sum -= 0.5 * Math.log(h) + 0.5 * (nu + 1) * l1;
      dl = (-0.5 + (0.5 * (nu + 1) * q) / (1 + q)) / h;
      if (wantGradient) gN += -0.5 * l1 + (0.5 * (nu + 1) * q) / ((1 + q) * (nu - 2));
    } else {
      sum -= 0.5 * (Math.log(h) + e2 / h);
      dl = (0.5 * (e2 / h - 1)) / h;
    }
    if (wantGradient) {
      gO += dl * dhO;
      gA += dl * dhA;
      gB += dl * dhB;
      dhO = 1 + beta * dhO;
      dhA = e2 + beta * dhA;
      dhB = h + beta * dhB;
    }
    h = omega + alpha * e2 + beta * h;
  }
  if (gradient) {
    gradient[0] = gO;
    gradient[1] = gA;
    gradient[2] = gB;
    gradient[3] = isT ? gN + n * dConstant : 0;
  }
  return sum + n * constant;
}
