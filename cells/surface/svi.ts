/**
 * Raw SVI (Gatheral 2004): total implied variance w(k) = a + b(ρ(k − m) + √((k − m)² + σ²)) at log-moneyness
 * k = ln(K/F), its derivatives, and Durrleman's butterfly-arbitrage density g(k).
 *
 * @example
 * const p = { a: 0.04, b: 0.1, rho: -0.3, m: 0, sigma: 0.2 };
 * sviTotalVariance(p, 0); // 0.06
 * sviImpliedVol(p, 0, 0.5); // √(0.06 / 0.5)
 */
export interface SviParams {
  a: number;
  b: number;
  rho: number;
  m: number;
  sigma: number;
}

export function sviTotalVariance(p: SviParams, k: number): number {
  const x = k - p.m;
  return p.a + p.b * (p.rho * x + Math.sqrt(x * x + p.sigma * p.sigma));
}

/** Implied vol (fraction) of the slice at k for expiry T (years). */
export function sviImpliedVol(p: SviParams, k: number, T: number): number {
  return Math.sqrt(Math.max(sviTotalVariance(p, k), 0) / T);
}

/** w'(k). */
export function sviSlope(p: SviParams, k: number): number {
  const x = k - p.m;
  return p.b * (p.rho + x / Math.sqrt(x * x + p.sigma * p.sigma));
}

/** w''(k). */
export function sviCurvature(p: SviParams, k: number): number {
  const x = k - p.m;
  const r = Math.sqrt(x * x + p.sigma * p.sigma);
  return (p.b * p.sigma * p.sigma) / (r * r * r);
}

/**
 * Durrleman's condition: the risk-neutral density is (2π w)^{−½}·g(k)·e^{−d2²/2} with
 * g(k) = (1 − k w′/(2w))² − (w′²/4)(1/w + 1/4) + w″/2, so butterfly arbitrage means g(k) < 0 somewhere
 * (Gatheral and Jacquier 2014, Lemma 2.2).
 */
export function durrlemanG(w: number, w1: number, w2: number, k: number): number {
  const u = 1 - (k * w1) / (2 * w);
  return u * u - ((w1 * w1) / 4) * (1 / w + 0.25) + w2 / 2;
}

export function sviDurrlemanG(p: SviParams, k: number): number {
  return durrlemanG(sviTotalVariance(p, k), sviSlope(p, k), sviCurvature(p, k), k);
}
