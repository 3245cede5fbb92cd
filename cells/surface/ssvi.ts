/**
 * SSVI (Gatheral and Jacquier 2014): w(k, θ) = θ/2·(1 + ρφk + √((φk + ρ)² + 1 − ρ²)) with the power-law
 * φ(θ) = η/(θ^γ (1 + θ)^(1−γ)), θ_t the ATM total variance. Free of static arbitrage when θ_t is non-decreasing,
 * γ ∈ (0, ½] and η(1 + |ρ|) ≤ 2 (their Remark 4.4), which `fitSsvi` enforces by default.
 *
 * @example
 * const k = Float64Array.of(-0.3, -0.2, -0.1, 0, 0.1, 0.2, 0.3);
 * const iv = k.map((x) => 0.6 + 0.8 * x * x - 0.1 * x);
 * const slices = [30, 60, 90].map((days) => ({ k, iv, T: days / 365 }));
 * const fit = fitSsvi(slices);
 * ssviTotalVariance(fit.theta[0], 0.1, fit); // fitted w at k = 0.1 on the first expiry
 */
import { nelderMead } from '../optimize/nelder-mead';
import type { SviParams } from './svi';
import type { SviSliceInput } from './svi-fit';

export interface SsviParams {
  rho: number;
  eta: number;
  gamma: number;
}

export interface SsviFit extends SsviParams {
  /** Expiries (years, ascending) and their ATM total variances θ_t (non-decreasing). */
  T: Float64Array;
  theta: Float64Array;
  /** RMSE of fitted vols over all points, in vol points. */
  rmseVolPoints: number;
}

export function ssviPhi(theta: number, eta: number, gamma: number): number {
  return eta / (Math.pow(theta, gamma) * Math.pow(1 + theta, 1 - gamma));
}

export function ssviTotalVariance(theta: number, k: number, p: SsviParams): number {
  const phi = ssviPhi(theta, p.eta, p.gamma);
  const u = phi * k + p.rho;
  return 0.5 * theta * (1 + p.rho * phi * k + Math.sqrt(u * u + 1 - p.rho * p.rho));
}

/** The SSVI slice at θ as raw SVI (Gatheral–Jacquier, Lemma 3.3), for the arbitrage checks and metrics. */
export function ssviToSvi(theta: number, p: SsviParams): SviParams {
  const phi = ssviPhi(theta, p.eta, p.gamma);
  const r = p.rho;
  return {
    a: 0.5 * theta * (1 - r * r),
    b: 0.5 * theta * phi,
    rho: r,
    m: -r / phi,
    sigma: Math.sqrt(1 - r * r) / phi,
  };
}

/** ATM total variance of a slice: linear interpolation of σ²T between the strikes bracketing k = 0. */
export function atmTotalVariance(slice: SviSliceInput): number {
  let lo = -Infinity;
  let hi = Infinity;
  let wLo = NaN;
  let wHi = NaN;
  for (let i = 0; i < slice.k.length; i++) {
    const k = slice.k[i]!;
    const iv = slice.iv[i]!;
    if (!(iv > 0)) continue;
    if (k <= 0 && k > lo) [lo, wLo] = [k, iv * iv * slice.T];
    if (k >= 0 && k < hi) [hi, wHi] = [k, iv * iv * slice.T];
  }
  if (Number.isNaN(wLo)) return wHi;
  if (Number.isNaN(wHi) || hi === lo) return wLo;
  return wLo + ((wHi - wLo) * (0 - lo)) / (hi - lo);
}

const logistic = (x: number): number => 1 / (1 + Math.exp(-x));

/**
 * Fits (ρ, η, γ) to all slices by least squares in vol, with θ_t from each slice's ATM total variance made
 * non-decreasing. `noArbitrage` (default true) restricts to γ ≤ ½ and η(1 + |ρ|) ≤ 2.
 */
export function fitSsvi(slices: readonly SviSliceInput[], { noArbitrage = true } = {}): SsviFit {
  if (slices.length === 0) throw new RangeError('invalid slices: none');
  const sorted = [...slices].sort((x, y) => x.T - y.T);
  const T = Float64Array.from(sorted, (s) => s.T);
  const theta = Float64Array.from(sorted, atmTotalVariance);
  for (let i = 0; i < theta.length; i++) {
    if (!(theta[i]! > 0)) throw new RangeError(`invalid slice at T=${T[i]}: no ATM variance`);
    if (i > 0) theta[i] = Math.max(theta[i]!, theta[i - 1]!);
  }
  const decode = (x: Float64Array): SsviParams => {
    const rho = Math.tanh(x[0]!);
    const gamma = logistic(x[2]!) * (noArbitrage ? 0.5 : 1);
    const eta = noArbitrage ? (2 / (1 + Math.abs(rho))) * logistic(x[1]!) : Math.exp(x[1]!);
    return { rho, eta, gamma };
  };
  const errors = (p: SsviParams): { sse: number; n: number } => {
    let sse = 0;
    let n = 0;
    sorted.forEach((s, j) => {
      // φ(θ) once per slice (two pows), then `ssviTotalVariance`'s arithmetic inlined, operation for operation.
      const th = theta[j]!;
      const phi = ssviPhi(th, p.eta, p.gamma);
      for (let i = 0; i < s.k.length; i++) {
        const iv = s.iv[i]!;
        if (!(iv > 0)) continue;
        const k = s.k[i]!;
        const u = phi * k + p.rho;
        const w = 0.5 * th * (1 + p.rho * phi * k + Math.sqrt(u * u + 1 - p.rho * p.rho));
        const fitted = Math.sqrt(Math.max(w, 0) / s.T);
        sse += (s.weights ? s.weights[i]! : 1) * (fitted - iv) ** 2;
        n++;
      }
    });
    return { sse, n };
  };
  const res = nelderMead((x) => errors(decode(x)).sse, [-0.2, noArbitrage ? 0 : Math.log(0.5), 0], {
    step: [0.3, 0.7, 0.7],
    maxIterations: 600,
  });
  const p = decode(res.x);
  let sse = 0;
  let n = 0;
  sorted.forEach((s, j) => {
    for (let i = 0; i < s.k.length; i++) {
      if (!(s.iv[i]! > 0)) continue;
      sse += (Math.sqrt(ssviTotalVariance(theta[j]!, s.k[i]!, p) / s.T) - s.iv[i]!) ** 2;
      n++;
    }
  });
  return { ...p, T, theta, rmseVolPoints: Math.sqrt(sse / n) * 100 };
}
