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
/** (1 + sin x)/2: onto [0, 1] with the ends reached at x = ±π/2, so a fit whose optimum sits on a bound (γ = ½,
 * η(1 + |ρ|) = 2) converges there instead of walking x off to infinity as a logistic map would make it. */
const unitSine = (x: number): number => 0.5 * (1 + Math.sin(x));
const asinUnit = (u: number): number => Math.asin(Math.min(1, Math.max(-1, 2 * u - 1)));

export interface SsviFitOptions {
  /** γ ≤ ½ and η(1 + |ρ|) ≤ 2 (Gatheral–Jacquier Remark 4.4: no static arbitrage), default true. */
  noArbitrage?: boolean;
  /**
   * A previous fit's (ρ, η, γ), e.g. the last cycle's on a live chain: the search starts there with a small
   * simplex instead of the generic start, and reaches the same optimum in fewer evaluations when the data moved
   * little (it falls back to the generic start when that does better).
   */
  start?: SsviParams;
}

/** Parameters ↔ search coordinates x (ρ = tanh x₀; η and γ through `unitSine` under noArbitrage). */
function decoder(noArbitrage: boolean) {
  const decode = (x: ArrayLike<number>, out: Float64Array): void => {
    const rho = Math.tanh(x[0]!);
    out[0] = rho;
    out[1] = noArbitrage ? (2 / (1 + Math.abs(rho))) * unitSine(x[1]!) : Math.exp(x[1]!);
    out[2] = noArbitrage ? 0.5 * unitSine(x[2]!) : logistic(x[2]!);
  };
  const encode = (p: SsviParams): number[] => {
    const rho = Math.min(Math.max(p.rho, -1 + 1e-12), 1 - 1e-12);
    return [
      Math.atanh(rho),
      noArbitrage ? asinUnit((p.eta * (1 + Math.abs(rho))) / 2) : Math.log(p.eta),
      noArbitrage ? asinUnit(2 * p.gamma) : Math.log(p.gamma / (1 - p.gamma)),
    ];
  };
  return { decode, encode };
}

/**
 * Fits (ρ, η, γ) to all slices by least squares in vol, with θ_t from each slice's ATM total variance made
 * non-decreasing. `noArbitrage` (default true) restricts to γ ≤ ½ and η(1 + |ρ|) ≤ 2.
 */
export function fitSsvi(slices: readonly SviSliceInput[], options: SsviFitOptions = {}): SsviFit {
  const noArbitrage = options.noArbitrage ?? true;
  if (slices.length === 0) throw new RangeError('invalid slices: none');
  const sorted = [...slices].sort((x, y) => x.T - y.T);
  const T = Float64Array.from(sorted, (s) => s.T);
  const theta = Float64Array.from(sorted, atmTotalVariance);
  for (let i = 0; i < theta.length; i++) {
    if (!(theta[i]! > 0)) throw new RangeError(`invalid slice at T=${T[i]}: no ATM variance`);
    if (i > 0) theta[i] = Math.max(theta[i]!, theta[i - 1]!);
  }
  // θ/(1 + θ) per slice: φ(θ) = η/(θ^γ (1 + θ)^(1−γ)) = η/((1 + θ)·(θ/(1 + θ))^γ), one pow per slice and call.
  const ratio = Float64Array.from(theta, (th) => th / (1 + th));
  const { decode, encode } = decoder(noArbitrage);
  const p = new Float64Array(3);
  const sse = (x: Float64Array): number => {
    decode(x, p);
    const rho = p[0]!;
    const eta = p[1]!;
    const gamma = p[2]!;
    const rhoBar = 1 - rho * rho;
    let total = 0;
    for (let j = 0; j < sorted.length; j++) {
      const s = sorted[j]!;
      const th = theta[j]!;
      const phi = eta / ((1 + th) * Math.pow(ratio[j]!, gamma));
      const { k, iv, weights } = s;
      const halfTheta = 0.5 * th;
      const invT = 1 / s.T;
      for (let i = 0; i < k.length; i++) {
        const vol = iv[i]!;
        if (!(vol > 0)) continue;
        const pk = phi * k[i]!;
        const u = pk + rho;
        const w = halfTheta * (1 + rho * pk + Math.sqrt(u * u + rhoBar));
        const r = Math.sqrt(Math.max(w, 0) * invT) - vol;
        total += (weights ? weights[i]! : 1) * r * r;
      }
    }
    return total;
  };
  const generic = [-0.2, noArbitrage ? 0 : Math.log(0.5), 0];
  const coldStep = [0.3, 0.7, 0.7];
  let res = nelderMead(sse, options.start ? encode(options.start) : generic, {
    step: options.start ? coldStep.map((h) => 0.02 * h) : coldStep,
    maxIterations: 600,
  });
  // A warm start that ends above the generic start's own value has lost the optimum: search from scratch.
  if (options.start && sse(Float64Array.from(generic)) < res.f)
    res = nelderMead(sse, generic, { step: coldStep, maxIterations: 600 });
  decode(res.x, p);
  const fitted: SsviParams = { rho: p[0]!, eta: p[1]!, gamma: p[2]! };
  let total = 0;
  let n = 0;
  sorted.forEach((s, j) => {
    for (let i = 0; i < s.k.length; i++) {
      if (!(s.iv[i]! > 0)) continue;
      total += (Math.sqrt(ssviTotalVariance(theta[j]!, s.k[i]!, fitted) / s.T) - s.iv[i]!) ** 2;
      n++;
    }
  });
  return { ...fitted, T, theta, rmseVolPoints: Math.sqrt(total / n) * 100 };
}
