/**
 * Risk-neutral digital probabilities from fitted SVI smiles: P(S_T > K) = −∂C/∂K for undiscounted Black-76 calls
 * priced on the smile, i.e. N(d2) − vega·∂σ/∂K. In total variance w(k) at k = ln(K/F) that is
 * N(d2) − φ(d2)·w'(k)/(2√w), with d2 = −k/√w − √w/2: the skew term lowers the probability of finishing above
 * an upside strike when the smile slopes down (w' < 0 raises it). Between expiries the total variance (and its
 * slope) is interpolated linearly in T at fixed log-moneyness, and the forward linearly in T.
 *
 * @example
 * const slice = { T: 0.25, forward: 100_000, svi: { a: 0.04, b: 0, rho: 0, m: 0, sigma: 0.1 } };
 * digitalAbove(slice, 100_000); // → 0.4602: N(−√0.04 / 2), a flat 40% smile
 */
import { normalCdf, normalPdf } from '../math/normal';
import { sviSlope, sviTotalVariance, type SviParams } from './svi';

/** One fitted expiry: years to expiry, its forward, its SVI in total variance. */
export interface SmileSlice {
  T: number;
  forward: number;
  svi: SviParams;
}

/** The smile at one maturity as the digital needs it: w(k), w'(k) and the forward. */
export interface SmileAt {
  T: number;
  forward: number;
  w: (k: number) => number;
  slope: (k: number) => number;
}

/**
 * A slice as a `SmileAt`.
 *
 * @example
 * const s = smileOf({ T: 0.25, forward: 100_000, svi: { a: 0.04, b: 0.1, rho: -0.3, m: 0, sigma: 0.2 } });
 * s.w(0); // → 0.06: the at-the-money total variance
 */
export function smileOf(slice: SmileSlice): SmileAt {
  return {
    T: slice.T,
    forward: slice.forward,
    w: (k) => sviTotalVariance(slice.svi, k),
    slope: (k) => sviSlope(slice.svi, k),
  };
}

/**
 * P(S_T > K) under the smile's risk-neutral measure (NaN for a non-positive strike or total variance).
 *
 * @example
 * const flat = { T: 0.25, forward: 100_000, svi: { a: 0.04, b: 0, rho: 0, m: 0, sigma: 0.1 } };
 * digitalAbove(flat, 100_000); // → 0.4602: N(−√0.04 / 2), a flat 40% smile
 * const skewed = { T: 0.25, forward: 100_000, svi: { a: 0.03, b: 0.1, rho: -0.5, m: 0, sigma: 0.1 } };
 * digitalAbove(skewed, 100_000) > 0.5; // → true: a downward skew moves probability above the forward
 */
export function digitalAbove(smile: SmileAt | SmileSlice, strike: number): number {
  const s = 'w' in smile ? smile : smileOf(smile);
  if (!(strike > 0) || !(s.forward > 0)) return NaN;
  const k = Math.log(strike / s.forward);
  const w = s.w(k);
  if (!(w > 0)) return NaN;
  const sqrtW = Math.sqrt(w);
  const d2 = -k / sqrtW - sqrtW / 2;
  const p = normalCdf(d2) - (normalPdf(d2) * s.slope(k)) / (2 * sqrtW);
  return Math.min(1, Math.max(0, p));
}

/**
 * The smile at maturity T from fitted slices (sorted or not): interpolated in total variance between the two
 * slices around T; outside them, the nearest slice at constant implied vol (w scaled by T/T_slice). Null when
 * there are no slices.
 *
 * @example
 * const near = { T: 0.1, forward: 100, svi: { a: 0.016, b: 0, rho: 0, m: 0, sigma: 0.1 } };
 * const far = { T: 0.3, forward: 104, svi: { a: 0.108, b: 0, rho: 0, m: 0, sigma: 0.1 } };
 * const halfway = smileAtMaturity([near, far], 0.2);
 * halfway.w(0); // → 0.062
 * halfway.forward; // → 102
 */
export function smileAtMaturity(slices: readonly SmileSlice[], T: number): SmileAt | null {
  const sorted = [...slices].sort((a, b) => a.T - b.T);
  if (sorted.length === 0 || !(T > 0)) return null;
  const first = sorted[0]!;
  const last = sorted.at(-1)!;
  if (T <= first.T) return scaled(first, T);
  if (T >= last.T) return scaled(last, T);
  const hi = sorted.findIndex((s) => s.T >= T);
  const a = sorted[hi - 1]!;
  const b = sorted[hi]!;
  const u = (T - a.T) / (b.T - a.T);
  return {
    T,
    forward: a.forward + u * (b.forward - a.forward),
    w: (k) => (1 - u) * sviTotalVariance(a.svi, k) + u * sviTotalVariance(b.svi, k),
    slope: (k) => (1 - u) * sviSlope(a.svi, k) + u * sviSlope(b.svi, k),
  };
}

function scaled(slice: SmileSlice, T: number): SmileAt {
  const f = T / slice.T;
  return {
    T,
    forward: slice.forward,
    w: (k) => f * sviTotalVariance(slice.svi, k),
    slope: (k) => f * sviSlope(slice.svi, k),
  };
}
