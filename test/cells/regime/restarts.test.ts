/**
 * The restart schedule of fitGaussianHmm: every start gets a short Baum-Welch run and only the most
 * likely few are continued. The reference is the previous schedule, every start run to convergence,
 * rebuilt here from the same primitives (starting models, E-step, M-step) so it does not share the
 * fit's selection logic.
 */
import { describe, expect, it } from 'vitest';
import { createRng } from '../../../cells/random';
import { fitGaussianHmm } from '../../../cells/regime/fit';
import { createWorkspace } from '../../../cells/regime/forward-backward';
import { eStep } from '../../../cells/regime/inference';
import { initialModel } from '../../../cells/regime/init';
import { maximize } from '../../../cells/regime/mstep';
import { toObservations } from '../../../cells/regime/observations';

const truth = {
  transition: [
    [0.98, 0.015, 0.005],
    [0.03, 0.95, 0.02],
    [0.02, 0.08, 0.9],
  ],
  means: [0.001, -0.001, -0.004],
  sd: [0.01, 0.025, 0.06],
};

/** A seeded 3-regime series: calm, turbulent and crash, with sticky transitions. */
function threeRegimeSeries(T: number, seed: number) {
  const rng = createRng(seed);
  const x = new Float64Array(T);
  const s = new Int32Array(T);
  let k = 0;
  for (let t = 0; t < T; t++) {
    if (t > 0) {
      const u = rng.next();
      const row = truth.transition[k]!;
      k = u < row[0]! ? 0 : u < row[0]! + row[1]! ? 1 : 2;
    }
    s[t] = k;
    x[t] = truth.means[k]! + truth.sd[k]! * rng.normal();
  }
  return { x, s };
}

/** Best log-likelihood of Baum-Welch run to convergence from every start, as fitGaussianHmm seeds them. */
function fullEmEveryRestart(
  x: Float64Array,
  K: number,
  restarts: number,
  seed: number,
  tol: number,
) {
  const obs = toObservations(x);
  let mean = 0;
  for (const v of x) mean += v / x.length;
  let variance = 0;
  for (const v of x) variance += (v - mean) ** 2 / x.length;
  const floor = Float64Array.of(1e-4 * variance); // the fit's default minVariance
  const rng = createRng(seed);
  const ws = createWorkspace(x.length, K);
  let best = -Infinity;
  for (let r = 0; r < restarts; r++) {
    let model = initialModel(obs, K, 'diagonal', r, rng.fork(), floor);
    let prev = -Infinity;
    for (let iter = 0; ; iter++) {
      const ll = eStep(model, obs, ws);
      if (ll - prev < tol || iter >= 300) {
        best = Math.max(best, ll);
        break;
      }
      prev = ll;
      model = maximize(model, obs, ws.alpha, ws.xi, floor);
    }
  }
  return best;
}

describe('fitGaussianHmm restarts: a short run for every start, the best continued', () => {
  const T = 4000;
  const { x, s } = threeRegimeSeries(T, 7);
  const fit = fitGaussianHmm(x, { states: 3, restarts: 10, seed: 1 });

  it('reaches at least the likelihood of running every restart to convergence', () => {
    // The previous schedule with its default tolerance (1e-6 · T), and with the current one.
    expect(fit.logLikelihood).toBeGreaterThanOrEqual(fullEmEveryRestart(x, 3, 10, 1, 1e-6 * T));
    expect(fit.logLikelihood).toBeGreaterThanOrEqual(
      fullEmEveryRestart(x, 3, 10, 1, 1e-7 * T) - 1e-9,
    );
    expect(fit.converged).toBe(true);
  });

  it('recovers the three synthetic regimes', () => {
    for (let k = 0; k < 3; k++) {
      const sd = Math.sqrt(fit.variances![k]![0]!);
      expect(sd / truth.sd[k]!).toBeGreaterThan(0.9);
      expect(sd / truth.sd[k]!).toBeLessThan(1.1);
      expect(fit.transition[k]![k]).toBeCloseTo(truth.transition[k]![k]!, 1);
    }
    expect(fit.means[0]![0]).toBeCloseTo(truth.means[0]!, 3);
    let hits = 0;
    for (let t = 0; t < T; t++) if (fit.viterbi[t] === s[t]) hits++;
    expect(hits / T).toBeGreaterThan(0.85);
  });

  it('with every start a finalist, matches full EM from every start exactly (paused runs resume intact)', () => {
    const all = fitGaussianHmm(x, { states: 3, restarts: 10, finalists: 10, seed: 1 });
    expect(all.logLikelihood).toBeCloseTo(fullEmEveryRestart(x, 3, 10, 1, 1e-7 * T), 9);
  });

  it('keeps the full-EM result with 2 and with 4 states', () => {
    for (const K of [2, 4]) {
      const { x: y } = threeRegimeSeries(2500, 11);
      const short = fitGaussianHmm(y, { states: K, restarts: 6, seed: 3 });
      expect(short.logLikelihood).toBeGreaterThanOrEqual(
        fullEmEveryRestart(y, K, 6, 3, 1e-6 * 2500),
      );
    }
  });

  it('validates the schedule options', () => {
    expect(() => fitGaussianHmm(x, { finalists: 0 })).toThrow(/invalid finalists/);
    expect(() => fitGaussianHmm(x, { probeIterations: -1 })).toThrow(/invalid probeIterations/);
  });
});
