/**
 * Smile and term-structure metrics from fitted SVI slices.
 *
 * Conventions: delta is the Black-76 forward delta N(d1) for calls and N(d1) − 1 for puts (not premium-adjusted),
 * with d1 = (−k + w/2)/√w at the smile's own total variance w(k); ATM is the forward (k = 0).
 * RR = σ(call at Δ) − σ(put at −Δ); BF = (σ(call at Δ) + σ(put at −Δ))/2 − σ_ATM.
 *
 * @example
 * const k = Float64Array.of(-0.3, -0.2, -0.1, 0, 0.1, 0.2, 0.3);
 * const iv = k.map((x) => 0.6 + 0.8 * x * x - 0.1 * x);
 * const fits = [7, 30, 90, 180].map((days) => vol.surface.fitSvi({ k, iv, T: days / 365 }));
 * const fit = fits[1];
 * riskReversalButterfly(fit, fit.T, 0.25); // {rr, bf, callVol, putVol, atmVol, callK, putK}
 * atmTermStructure(fits.map((f) => ({ T: f.T, params: f }))); // ATM vols at 7/30/60/90/180 days
 */
import { normalCdf } from '../math/normal';
import { sviImpliedVol, sviTotalVariance, type SviParams } from './svi';

/** Forward delta of the smile at k: N(d1) (call) or N(d1) − 1 (put). */
export function smileDelta(params: SviParams, k: number, type: 'call' | 'put'): number {
  const w = sviTotalVariance(params, k);
  const sw = Math.sqrt(w);
  const d1 = -k / sw + 0.5 * sw;
  return type === 'call' ? normalCdf(d1) : normalCdf(d1) - 1;
}

/**
 * Log-moneyness at which the smile's forward delta equals `delta` (call: 0 < Δ < 1, put: −1 < Δ < 0), by bisection
 * on a bracket widened until it holds the root (the call delta decreases in k on an arbitrage-free smile).
 */
export function strikeForDelta(params: SviParams, delta: number, type: 'call' | 'put'): number {
  const target = type === 'call' ? delta : delta + 1;
  if (!(target > 0 && target < 1)) throw new RangeError(`invalid delta: ${delta}`);
  const f = (k: number): number => smileDelta(params, k, 'call') - target;
  let lo = -0.5;
  let hi = 0.5;
  for (let i = 0; i < 60 && f(lo) < 0; i++) lo *= 2;
  for (let i = 0; i < 60 && f(hi) > 0; i++) hi *= 2;
  if (!(f(lo) >= 0 && f(hi) <= 0)) return NaN;
  for (let i = 0; i < 200 && hi - lo > 1e-14 * Math.max(1, Math.abs(lo)); i++) {
    const mid = 0.5 * (lo + hi);
    if (f(mid) > 0) lo = mid;
    else hi = mid;
  }
  return 0.5 * (lo + hi);
}

export interface RiskReversalButterfly {
  rr: number;
  bf: number;
  callVol: number;
  putVol: number;
  atmVol: number;
  callK: number;
  putK: number;
}

/** Δ risk reversal and butterfly (vols as fractions) of a slice; delta 0.25 or 0.1 typically. */
export function riskReversalButterfly(
  params: SviParams,
  T: number,
  delta = 0.25,
): RiskReversalButterfly {
  if (!(delta > 0 && delta < 0.5)) throw new RangeError(`invalid delta: ${delta}`);
  if (!(T > 0)) throw new RangeError(`invalid T: ${T}`);
  const callK = strikeForDelta(params, delta, 'call');
  const putK = strikeForDelta(params, -delta, 'put');
  const callVol = sviImpliedVol(params, callK, T);
  const putVol = sviImpliedVol(params, putK, T);
  const atmVol = sviImpliedVol(params, 0, T);
  return {
    rr: callVol - putVol,
    bf: 0.5 * (callVol + putVol) - atmVol,
    callVol,
    putVol,
    atmVol,
    callK,
    putK,
  };
}

/** Vols at the given call deltas (0.1 … 0.9; a 0.75 call delta is the 25Δ put by parity of N(d1)). */
export function smileInDelta(
  params: SviParams,
  T: number,
  callDeltas: ArrayLike<number>,
): Float64Array {
  return Float64Array.from(callDeltas, (d) =>
    sviImpliedVol(params, strikeForDelta(params, d, 'call'), T),
  );
}

/**
 * ATM vols at constant maturities (days, ACT/365), interpolating ATM total variance θ(T) = w(0) linearly in T
 * between expiries and holding the vol flat beyond the first and last.
 */
export function atmTermStructure(
  slices: readonly { T: number; params: SviParams }[],
  days: ArrayLike<number> = [7, 30, 60, 90, 180],
): { days: Float64Array; atmVol: Float64Array } {
  if (slices.length === 0) throw new RangeError('invalid slices: none');
  const s = [...slices].sort((x, y) => x.T - y.T);
  const Ts = s.map((x) => x.T);
  const thetas = s.map((x) => sviTotalVariance(x.params, 0));
  return {
    days: Float64Array.from(days),
    atmVol: Float64Array.from(days, (d) => interpolateVol(Ts, thetas, d / 365)),
  };
}

/** Vol at T from total variances w_i at T_i, linear in total variance, flat vol outside. */
export function interpolateVol(Ts: readonly number[], ws: readonly number[], T: number): number {
  const n = Ts.length;
  if (T <= Ts[0]!) return Math.sqrt(ws[0]! / Ts[0]!);
  if (T >= Ts[n - 1]!) return Math.sqrt(ws[n - 1]! / Ts[n - 1]!);
  let i = 1;
  while (Ts[i]! < T) i++;
  const u = (T - Ts[i - 1]!) / (Ts[i]! - Ts[i - 1]!);
  return Math.sqrt((ws[i - 1]! + u * (ws[i]! - ws[i - 1]!)) / T);
}

/**
 * Implied minus realized vol, aligned: out[i] = iv[i] − realized[i + lag]. With lag = the realized window, each
 * IV is compared with the vol that was realized over the period it priced; NaN where there is no partner.
 */
export function ivMinusRealized(
  iv: ArrayLike<number>,
  realized: ArrayLike<number>,
  lag = 0,
): Float64Array {
  if (!Number.isInteger(lag)) throw new RangeError(`invalid lag: ${lag}`);
  return Float64Array.from({ length: iv.length }, (_, i) => {
    const j = i + lag;
    return j >= 0 && j < realized.length ? iv[i]! - realized[j]! : NaN;
  });
}
