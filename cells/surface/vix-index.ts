/**
 * A 30-day implied vol index in the manner of Deribit's DVOL, which follows the Cboe VIX method: for the two
 * expiries bracketing 30 days, the variance-swap replication over the strip of out-of-the-money options
 *   σ² = (2/T)·Σ ΔK_i/K_i²·Q(K_i) − (1/T)·(F/K₀ − 1)²    (r = 0; K₀ the first strike at or below F)
 * then interpolated linearly in total variance to 30 days (Cboe VIX white paper, 2019).
 *
 * @example
 * const strike = Float64Array.from({ length: 41 }, (_, i) => 50_000 + i * 2_500);
 * const flat = (T) => ({ T, forward: 100_000, strike, iv: strike.map(() => 0.52) });
 * const index = vixStyleIndex([flat(23 / 365), flat(37 / 365)]).vol; // DVOL 52 on a flat 52% smile
 * Math.abs(index - 0.52) < 0.005; // → true: up to the strike grid's discretisation
 */
import { black76Price } from '../options/black76';
import type { SviParams } from './svi';
import { sviTotalVariance } from './svi';
import { normalisedBlack } from '../options/normalised-black';

export interface VixStrip {
  T: number;
  forward: number;
  /** Strikes (any order) with implied vols (fractions) of the OTM option at each strike. */
  strike: ArrayLike<number>;
  iv: ArrayLike<number>;
}

/** The VIX-formula variance (annualised σ²) of one expiry; OTM prices from the IVs by Black-76. */
export function stripVariance({ T, forward: F, strike, iv }: VixStrip): number {
  const idx = Array.from({ length: strike.length }, (_, i) => i)
    .filter((i) => strike[i]! > 0 && iv[i]! > 0)
    .sort((x, y) => strike[x]! - strike[y]!);
  const K = idx.map((i) => strike[i]!);
  const n = K.length;
  if (n < 2 || !(T > 0) || !(F > 0)) return NaN;
  let i0 = -1;
  for (let i = 0; i < n; i++) if (K[i]! <= F) i0 = i;
  const k0 = i0 >= 0 ? K[i0]! : K[0]!;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const dK =
      i === 0 ? K[1]! - K[0]! : i === n - 1 ? K[n - 1]! - K[n - 2]! : 0.5 * (K[i + 1]! - K[i - 1]!);
    const sigma = iv[idx[i]!]!;
    const put = black76Price(F, K[i]!, T, sigma, 'put');
    const call = black76Price(F, K[i]!, T, sigma, 'call');
    const q = K[i]! < k0 ? put : K[i]! > k0 ? call : 0.5 * (put + call);
    sum += (dK / (K[i]! * K[i]!)) * q;
  }
  return (2 / T) * sum - (1 / T) * (F / k0 - 1) ** 2;
}

/** Interpolates strip variances to `targetDays` in total variance (VIX's near/next rule), vol as a fraction. */
export function vixStyleIndex(
  strips: readonly VixStrip[],
  targetDays = 30,
): { vol: number; nearT: number; nextT: number } {
  const s = strips.filter((x) => x.T > 0).sort((x, y) => x.T - y.T);
  if (s.length === 0) throw new RangeError('invalid strips: none');
  const target = targetDays / 365;
  let j = s.findIndex((x) => x.T >= target);
  if (j < 0) j = s.length - 1;
  const near = s[Math.max(j - 1, 0)]!;
  const next = s[j]!;
  const w1 = stripVariance(near) * near.T;
  const w2 = stripVariance(next) * next.T;
  const u = next.T === near.T ? 1 : (target - near.T) / (next.T - near.T);
  const total = near === next ? (w2 * target) / next.T : w1 + u * (w2 - w1);
  return { vol: Math.sqrt(total / target), nearT: near.T, nextT: next.T };
}

/**
 * The variance-swap vol of an SVI slice: σ²·T = 2∫ Q(k)/F·e^{−k} dk over OTM normalised prices, by Simpson's rule
 * on k ∈ [−range, range]. The continuous analogue of the strip formula, free of strike discretisation.
 */
export function sviVarianceSwapVol(params: SviParams, T: number, range = 6, steps = 2400): number {
  if (!(T > 0)) throw new RangeError(`invalid T: ${T}`);
  const h = (2 * range) / steps;
  let sum = 0;
  for (let i = 0; i <= steps; i++) {
    const k = -range + i * h;
    const s = Math.sqrt(Math.max(sviTotalVariance(params, k), 0));
    // OTM price over F with x = ln(F/K) = −k: put below the forward, call above; √(FK)/F = e^{k/2}.
    const q = Math.exp(0.5 * k) * normalisedBlack(-k, s, k < 0 ? -1 : 1);
    const weight = i === 0 || i === steps ? 1 : i % 2 ? 4 : 2;
    sum += weight * q * Math.exp(-k);
  }
  return Math.sqrt((2 * (sum * h)) / 3 / T);
}
