/**
 * SVI calibration: one 50-strike slice, and a BTC-like surface of 12 expiries (1 day to 1 year) with 20–60
 * strikes each, smile data generated from SSVI plus seeded noise. Each run times a batch of calls and reports the
 * time per call, so the median reflects optimised code rather than the first few cold calls.
 */
import { createRng } from '../../cells/random';
import { fitSsvi, fitSvi, ssviTotalVariance, type SviSliceInput } from '../../cells/surface';
import type { BenchFigure, BenchSuite } from './harness';

const EXPIRY_DAYS = [1, 2, 3, 7, 14, 21, 30, 60, 90, 180, 270, 365];
const ssvi = { rho: -0.25, eta: 1.1, gamma: 0.4 };
const rng = createRng(3);

function slice(days: number, n: number): SviSliceInput {
  const T = days / 365;
  const theta = 0.3 * T * (1 + 0.3 * Math.sqrt(T));
  const width = Math.max(0.08, 1.2 * Math.sqrt(T));
  const k = Float64Array.from({ length: n }, (_, i) => -width + (2 * width * i) / (n - 1));
  const iv = Float64Array.from(
    k,
    (x) => Math.sqrt(ssviTotalVariance(theta, x, ssvi) / T) + 0.003 * rng.normal(),
  );
  return { k, iv, T };
}

const one = slice(30, 50);
const surface = EXPIRY_DAYS.map((d, i) => slice(d, 20 + ((i * 7) % 41)));

/** Milliseconds per call of `fn`, over `n` calls. */
function perCall(n: number, fn: () => unknown): BenchFigure {
  const start = performance.now();
  for (let i = 0; i < n; i++) fn();
  return { value: (performance.now() - start) / n, unit: 'ms' };
}

export const suite: BenchSuite = {
  name: 'surface',
  cases: [
    {
      name: 'SVI fit, one 50-strike slice (per fit)',
      goal: '< 0.5 ms',
      runs: 15,
      run: () => perCall(50, () => fitSvi(one)),
    },
    {
      name: 'SVI fit, one 50-strike slice, noArbitrage penalty (per fit)',
      runs: 9,
      run: () => perCall(20, () => fitSvi(one, { noArbitrage: true })),
    },
    {
      name: `SVI fits, BTC surface of 12 expiries (${surface.reduce((s, x) => s + x.k.length, 0)} points)`,
      goal: '< 10 ms',
      runs: 15,
      run: () => perCall(5, () => surface.map((s) => fitSvi(s))),
    },
    {
      name: 'SSVI fit, same 12 expiries',
      runs: 9,
      run: () => perCall(3, () => fitSsvi(surface)),
    },
  ],
};
