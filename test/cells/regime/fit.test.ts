import { describe, expect, it } from 'vitest';
import { createRng } from '../../../cells/random';
import { fitGaussianHmm } from '../../../cells/regime/fit';
import { baumWelchStep, hmmLogLikelihood } from '../../../cells/regime/inference';
import { createGaussianHmm } from '../../../cells/regime/model';
import { selectStates } from '../../../cells/regime/select';

/** A seeded 2-state series: calm N(0.001, 0.01²) and turbulent N(−0.003, 0.04²). */
function twoStateSeries(T: number, seed: number) {
  const rng = createRng(seed);
  const A = [
    [0.98, 0.02],
    [0.05, 0.95],
  ];
  const mu = [0.001, -0.003];
  const sd = [0.01, 0.04];
  const x = new Float64Array(T);
  const s = new Int32Array(T);
  let k = 0;
  for (let t = 0; t < T; t++) {
    if (t > 0 && rng.next() > A[k]![k]!) k = 1 - k;
    s[t] = k;
    x[t] = mu[k]! + sd[k]! * rng.normal();
  }
  return { x, s };
}

describe('fitGaussianHmm', () => {
  const { x, s } = twoStateSeries(5000, 42);
  const fit = fitGaussianHmm(x, { states: 2, seed: 1 });

  it('recovers the parameters of a synthetic 2-state series (T = 5,000)', () => {
    expect(fit.converged).toBe(true);
    expect(fit.means[0]![0]).toBeCloseTo(0.001, 3);
    expect(fit.means[1]![0]).toBeCloseTo(-0.003, 2);
    expect(Math.sqrt(fit.variances![0]![0]!) / 0.01).toBeGreaterThan(0.93);
    expect(Math.sqrt(fit.variances![0]![0]!) / 0.01).toBeLessThan(1.07);
    expect(Math.sqrt(fit.variances![1]![0]!) / 0.04).toBeGreaterThan(0.93);
    expect(Math.sqrt(fit.variances![1]![0]!) / 0.04).toBeLessThan(1.07);
    expect(fit.transition[0]![0]).toBeCloseTo(0.98, 1);
    expect(fit.transition[1]![1]).toBeCloseTo(0.95, 1);
  });

  it('labels more than 95% of days right with Viterbi, state 0 being the calmer', () => {
    let hits = 0;
    for (let t = 0; t < s.length; t++) if (fit.viterbi[t] === s[t]) hits++;
    expect(hits / s.length).toBeGreaterThan(0.95);
    expect(fit.variances![0]![0]).toBeLessThan(fit.variances![1]![0]!);
  });

  it('reports durations, next-state forecast, BIC and AIC consistent with the fit', () => {
    const A = fit.transition;
    expect(fit.durations[0]).toBeCloseTo(1 / (1 - A[0]![0]!), 12);
    const T = x.length;
    const last = [fit.posteriors[0]![T - 1]!, fit.posteriors[1]![T - 1]!];
    expect(fit.nextState[1]).toBeCloseTo(last[0]! * A[0]![1]! + last[1]! * A[1]![1]!, 12);
    expect(fit.nextState[0]! + fit.nextState[1]!).toBeCloseTo(1, 12);
    // 2 states, 1 dim: 1 initial + 2 transition + 2 means + 2 variances = 7 free parameters
    expect(fit.bic).toBeCloseTo(-2 * fit.logLikelihood + 7 * Math.log(T), 8);
    expect(fit.aic).toBeCloseTo(-2 * fit.logLikelihood + 14, 8);
    expect(hmmLogLikelihood(fit, x)).toBeCloseTo(fit.logLikelihood, 8);
  });

  it('never decreases the log-likelihood over iterations', () => {
    for (let i = 1; i < fit.trace.length; i++) {
      expect(fit.trace[i]! - fit.trace[i - 1]!).toBeGreaterThan(-1e-9);
    }
  });

  it('is deterministic for a seed', () => {
    const again = fitGaussianHmm(x, { states: 2, seed: 1 });
    expect(again.logLikelihood).toBe(fit.logLikelihood);
    expect(again.viterbi).toEqual(fit.viterbi);
  });
});

describe('baumWelchStep', () => {
  it('never decreases the log-likelihood (univariate, K = 3, and 2-D full covariance)', () => {
    const rng = createRng(3);
    const x1 = Float64Array.from({ length: 400 }, (_, t) => (t % 100 < 50 ? 1 : 3) * rng.normal());
    let m = createGaussianHmm({
      initial: [0.2, 0.3, 0.5],
      transition: [
        [0.5, 0.3, 0.2],
        [0.3, 0.4, 0.3],
        [0.2, 0.2, 0.6],
      ],
      means: [-1, 0, 1],
      variances: [1, 2, 3],
    });
    let prev = -Infinity;
    for (let i = 0; i < 40; i++) {
      const step = baumWelchStep(m, x1);
      expect(step.logLikelihood).toBeGreaterThanOrEqual(prev - 1e-9);
      prev = step.logLikelihood;
      m = step.model;
    }
    const rows = Array.from({ length: 300 }, (_, t) => {
      const z = rng.normal();
      return t < 150 ? [z, 0.5 * z + rng.normal()] : [3 + 2 * z, -z + 0.5 * rng.normal()];
    });
    let m2 = createGaussianHmm({
      initial: [0.5, 0.5],
      transition: [
        [0.7, 0.3],
        [0.3, 0.7],
      ],
      means: [
        [0, 0],
        [1, 0],
      ],
      covariances: [
        [1, 0, 0, 1],
        [2, 0, 0, 2],
      ],
    });
    prev = -Infinity;
    for (let i = 0; i < 30; i++) {
      const step = baumWelchStep(m2, rows);
      expect(step.logLikelihood).toBeGreaterThanOrEqual(prev - 1e-9);
      prev = step.logLikelihood;
      m2 = step.model;
    }
    expect(prev).toBeGreaterThan(-1200);
  });
});

describe('fitGaussianHmm on 2-D data', () => {
  it('fits full covariances from columns and recovers the correlation of the calm state', () => {
    const rng = createRng(9);
    const T = 3000;
    const a = new Float64Array(T);
    const b = new Float64Array(T);
    for (let t = 0; t < T; t++) {
      const calm = Math.floor(t / 300) % 2 === 0;
      const z1 = rng.normal();
      const z2 = rng.normal();
      a[t] = calm ? z1 : 4 * z1;
      b[t] = calm ? 0.8 * z1 + 0.6 * z2 : 4 * z2; // calm: unit variance, correlation 0.8
    }
    const fit = fitGaussianHmm([a, b], { states: 2, covariance: 'full', seed: 2 });
    const c = fit.covariances![0]!;
    expect(c[1]! / Math.sqrt(c[0]! * c[3]!)).toBeCloseTo(0.8, 1);
    expect(c[1]).toBe(c[2]);
    expect(fit.covariances![1]![0]).toBeCloseTo(16, -1);
  });
});

describe('selectStates', () => {
  it('picks two states by BIC on two-state data', () => {
    const { x } = twoStateSeries(2000, 7);
    const sel = selectStates(x, { range: [1, 3], seed: 1 });
    expect(sel.states).toBe(2);
    expect(sel.scores.map((r) => r.states)).toEqual([1, 2, 3]);
    expect(sel.fit.states).toBe(2);
  });
});

describe('long-running options', () => {
  it('reports progress up to 1 and stops on an aborted signal', () => {
    const { x } = twoStateSeries(500, 1);
    const seen: number[] = [];
    fitGaussianHmm(x, { onProgress: (f) => seen.push(f) });
    expect(seen.at(-1)).toBe(1);
    expect(seen.every((f, i) => i === 0 || f >= seen[i - 1]!)).toBe(true);
    const controller = new AbortController();
    controller.abort();
    expect(() => fitGaussianHmm(x, { signal: controller.signal })).toThrow(/abort/i);
  });

  it('validates its options', () => {
    expect(() => fitGaussianHmm([1, 2, 3], { states: 0 })).toThrow(/invalid states/);
    expect(() => fitGaussianHmm([1, NaN, 3])).toThrow(/non-finite/);
    expect(() => fitGaussianHmm([1, 2, 3], { covariance: 'tied' as never })).toThrow(
      /invalid covariance/,
    );
  });
});
