/**
 * SVI calibration: one 50-strike slice, a BTC-like surface of 12 expiries (1 day to 1 year) with 20–60 strikes
 * each, and the same 12 expiries at 100 strikes each (the densest Deribit BTC expiries list about that many), smile
 * data generated from SSVI plus seeded 0.3 vol-point noise. The 100-strike surface is fitted cold, warm-started
 * from the previous cycle's fits after the chain moved (spot +0.3%, marks re-noised by 0.1 vol point), and by
 * scipy's `least_squares` per expiry on the same residuals (vol-error-scaled total variance) as the peer. Each run
 * times a batch of calls and reports the time per call, so the median reflects optimised code rather than the
 * first few cold calls.
 */
import { createRng } from '../../cells/random';
import { fitSsvi, fitSvi, ssviTotalVariance, type SviSliceInput } from '../../cells/surface';
import { ratioCase, type BenchFigure, type BenchSuite } from './harness';
import { pythonPeerCase } from './peer/python-peer';

const EXPIRY_DAYS = [1, 2, 3, 7, 14, 21, 30, 60, 90, 180, 270, 365];
const ssvi = { rho: -0.25, eta: 1.1, gamma: 0.4 };
const rng = createRng(3);

function slice(days: number, n: number): SviSliceInput & { k: Float64Array; iv: Float64Array } {
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
const dense = EXPIRY_DAYS.map((d) => slice(d, 100));
const denseFits = dense.map((s) => fitSvi(s));
const moved = dense.map((s) => ({
  ...s,
  k: s.k.map((x) => x - 0.003),
  iv: s.iv.map((v) => v + 0.001 * rng.normal()),
}));
const DENSE = `SVI fits, 12 expiries × 100 strikes (${dense.length * 100} points), cold`;
const SCIPY = 'scipy least_squares SVI fits, same 12 × 100 (per surface)';

/** scipy's trust-region least squares on raw SVI per expiry, bounds as wide as ours, from a generic start. */
const scipySvi = `
import numpy as np
from scipy.optimize import least_squares
SLICES = [(np.array(s['k']), np.array(s['iv']), s['T']) for s in INPUT]
def fit(k, iv, T):
    v = iv * iv * T
    scale = 1 / (2 * iv * T)
    def residuals(p):
        a, b, rho, m, sig = p
        return (a + b * (rho * (k - m) + np.sqrt((k - m) ** 2 + sig * sig)) - v) * scale
    span = k.max() - k.min()
    x0 = [v.min() / 2, 0.1 * v.max() / span, -0.3, 0.0, 0.2 * span]
    lo = [0, 0, -1, k.min() - span, 1e-3 * span]
    hi = [v.max(), np.inf, 1, k.max() + span, 4 * span]
    return least_squares(residuals, x0, bounds=(lo, hi), xtol=1e-12, ftol=1e-12, gtol=1e-12).x
def work():
    return [fit(k, iv, T) for k, iv, T in SLICES]
`;

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
      name: DENSE,
      goal: '< 10 ms',
      runs: 15,
      run: () => perCall(5, () => dense.map((s) => fitSvi(s))),
    },
    {
      name: 'SVI fits, same 12 × 100 after a move, warm-started from the last fits',
      goal: '< 10 ms',
      runs: 15,
      run: () => perCall(5, () => moved.map((s, i) => fitSvi(s, { start: denseFits[i]! }))),
    },
    pythonPeerCase({
      name: SCIPY,
      modules: ['scipy', 'numpy'],
      script: scipySvi,
      input: dense.map((s) => ({ k: [...s.k], iv: [...s.iv], T: s.T })),
      runs: 5,
    }),
    ratioCase('SVI 12 × 100 cold vs scipy least_squares', DENSE, SCIPY, '> 1×'),
    {
      name: 'SSVI fit, same 12 expiries',
      runs: 9,
      run: () => perCall(3, () => fitSsvi(surface)),
    },
  ],
};
