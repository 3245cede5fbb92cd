/**
 * The volatility smile: one SSVI slice per expiry (Gatheral and Jacquier 2014, "Arbitrage-free SVI volatility
 * surfaces"), total variance w(k) = θ/2·(1 + ρφk + √((φk + ρ)² + 1 − ρ²)) with φ = η/√θ. The correlation ρ
 * runs from call skew at the shortest expiries to put skew at 3–12 months and turns more negative in stress;
 * η (wing steepness) rises with stress. Each slice satisfies Gatheral–Jacquier's butterfly conditions
 * θφ(1 + |ρ|) < 4 and θφ²(1 + |ρ|) ≤ 4; calendar monotonicity is checked in the tests.
 */
import type { Regime } from './regime';

export interface SmileSlice {
  /** ATM total variance σ²T. */
  theta: number;
  rho: number;
  /** φ(θ), the slice's curvature scale. */
  phi: number;
}

const RHO_SHORT = 0.2;
const RHO_LONG = -0.2;
/** Years over which the skew turns from calls to puts. */
const RHO_TIMESCALE = 0.06;
const RHO_STRESS: readonly number[] = [0, -0.1, -0.22];
const ETA: readonly number[] = [0.42, 0.55, 0.75];

/**
 * The SSVI slice for ATM vol `atmVol` (annualized fraction) at `years` to expiry in `regime`.
 *
 * @example
 * const s = smileSlice(0.45, 30 / 365, 0);
 * Math.sqrt(totalVariance(s, 0) / (30 / 365)); // 0.45
 */
export function smileSlice(atmVol: number, years: number, regime: Regime): SmileSlice {
  if (!(atmVol > 0) || !(years > 0)) throw new RangeError(`invalid slice: ${atmVol}, ${years}`);
  const theta = atmVol * atmVol * years;
  const rho = Math.max(
    -0.9,
    Math.min(
      0.9,
      RHO_LONG + (RHO_SHORT - RHO_LONG) * Math.exp(-years / RHO_TIMESCALE) + RHO_STRESS[regime]!,
    ),
  );
  const a = 1 + Math.abs(rho);
  // Butterfly-free: ψ = θφ below 4/(1+|ρ|) and φ² θ below 4/(1+|ρ|) (with a margin).
  // Wings steepen with maturity in vol-per-standard-deviation terms (crypto's long-dated smiles stay convex).
  let phi = (ETA[regime]! * (1 + 0.5 * Math.sqrt(years))) / Math.sqrt(theta);
  phi = Math.min(phi, 3.9 / (a * theta), Math.sqrt(3.9 / (a * theta)));
  return { theta, rho, phi };
}

/** SSVI total implied variance at log-moneyness k = ln(K/F). */
export function totalVariance(s: SmileSlice, k: number): number {
  const x = s.phi * k;
  return 0.5 * s.theta * (1 + s.rho * x + Math.sqrt((x + s.rho) * (x + s.rho) + 1 - s.rho * s.rho));
}

/** Implied vol (annualized fraction) at log-moneyness `k` for `years` to expiry. */
export function sliceVol(s: SmileSlice, k: number, years: number): number {
  return Math.sqrt(totalVariance(s, k) / years);
}
