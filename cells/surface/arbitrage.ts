/**
 * Static-arbitrage checks on SVI slices (Gatheral and Jacquier, "Arbitrage-free SVI volatility surfaces", 2014):
 * butterfly arbitrage where Durrleman's g(k) < 0, calendar arbitrage where total variance decreases with T at
 * some k.
 *
 * @example
 * // Axel Vogt's slice (Gatheral–Jacquier, Example 3.1) has butterfly arbitrage:
 * butterflyArbitrage({ a: -0.041, b: 0.1331, rho: 0.306, m: 0.3586, sigma: 0.4153 }, 1).ok; // false
 */
import { sviDurrlemanG, sviTotalVariance, type SviParams } from './svi';

export interface KGrid {
  from?: number;
  to?: number;
  n?: number;
}

export interface ButterflyViolation {
  T: number;
  k: number;
  /** Durrleman's g(k) (< 0). */
  value: number;
}

export interface CalendarViolation {
  /** The shorter and the longer expiry (years). */
  T1: number;
  T2: number;
  k: number;
  /** w(k, T2) − w(k, T1) (< 0). */
  value: number;
}

export interface ArbitrageReport<V> {
  ok: boolean;
  violations: V[];
}

function gridPoints({ from = -1.5, to = 1.5, n = 301 }: KGrid = {}): Float64Array {
  if (!(to > from) || !(n >= 2)) throw new RangeError(`invalid grid: ${from}..${to} (${n})`);
  return Float64Array.from({ length: n }, (_, i) => from + ((to - from) * i) / (n - 1));
}

/** Butterfly check of one slice on a k-grid (default −1.5..1.5, 301 points); tolerance allows tiny round-off. */
export function butterflyArbitrage(
  params: SviParams,
  T: number,
  grid: KGrid = {},
  tolerance = 1e-12,
): ArbitrageReport<ButterflyViolation> {
  const violations: ButterflyViolation[] = [];
  for (const k of gridPoints(grid)) {
    const value = sviDurrlemanG(params, k);
    const w = sviTotalVariance(params, k);
    if (!(value >= -tolerance) || !(w > 0))
      violations.push({ T, k, value: w > 0 ? value : -Infinity });
  }
  return { ok: violations.length === 0, violations };
}

/** Calendar check across slices (any order): w(k, T) must not decrease in T at any grid k. */
export function calendarArbitrage(
  slices: readonly { T: number; params: SviParams }[],
  grid: KGrid = {},
  tolerance = 1e-12,
): ArbitrageReport<CalendarViolation> {
  const sorted = [...slices].sort((x, y) => x.T - y.T);
  const ks = gridPoints(grid);
  const violations: CalendarViolation[] = [];
  for (let i = 1; i < sorted.length; i++) {
    const s1 = sorted[i - 1]!;
    const s2 = sorted[i]!;
    for (const k of ks) {
      const value = sviTotalVariance(s2.params, k) - sviTotalVariance(s1.params, k);
      if (!(value >= -tolerance)) violations.push({ T1: s1.T, T2: s2.T, k, value });
    }
  }
  return { ok: violations.length === 0, violations };
}
