import type { LongRunning } from '../stats/abort';
import { createRng } from '../random';
import {
  advanceEm,
  lastLogLikelihood,
  resumeEm,
  startEm,
  toEmRun,
  type EmSettings,
  type EmState,
} from './em-run';
import { createWorkspace } from './forward-backward';
import { initialModel } from './init';
import { sortByVariance, type CovarianceType } from './model';
import { toObservations, type HmmInput, type Observations } from './observations';
import { summarize, type HmmFit } from './summary';

export type { HmmFit } from './summary';

export interface FitHmmOptions extends LongRunning {
  /** Number of hidden states K (default 2). */
  states?: number;
  /** Starting points tried; the best log-likelihood wins (default 3). */
  restarts?: number;
  seed?: number;
  /** Baum-Welch iterations per restart (default 300). */
  maxIter?: number;
  /** Baum-Welch iterations every restart gets before the `finalists` are picked (default 10). */
  probeIterations?: number;
  /** Restarts with the best likelihood after the probe, continued to convergence (default 3;
   * compared at 10 · tol, the best then taken to tol). `finalists: restarts` runs them all. */
  finalists?: number;
  /** Stop when the log-likelihood improves by less than this (default 1e-7 · T). */
  tol?: number;
  covariance?: CovarianceType;
  /** Variance floor relative to each variable's overall variance (default 1e-4). */
  minVariance?: number;
  /** How an array of arrays is read (see toObservations). */
  layout?: 'columns' | 'rows';
}

/**
 * Fits a Gaussian hidden Markov model by Baum-Welch (Rabiner 1989) with scaling, from several
 * seeded starting points, and relabels states by ascending variance (state 0 is the calmest).
 * Every start gets a short run (`probeIterations`); only the most likely few (`finalists`) are
 * run to convergence, as statsmodels' and hmmlearn's random searches do, since a start that is
 * behind after a few iterations rarely ends ahead.
 *
 * @example
 * const rng = vol.random.createRng(1);
 * const returns = Float64Array.from({ length: 400 }, (_, t) => (t % 200 < 100 ? 0.01 : 0.05) * rng.normal());
 * const fit = fitGaussianHmm(returns, { states: 2, seed: 1 });
 * fit.viterbi; // Int32Array of regimes; fit.durations, fit.nextState
 */
export function fitGaussianHmm(x: HmmInput, options: FitHmmOptions = {}): HmmFit {
  const obs = toObservations(x, options.layout);
  const { states: K = 2, restarts = 3, seed = 0, maxIter = 300, covariance = 'diagonal' } = options;
  const { probeIterations = 10, finalists = 3 } = options;
  const { minVariance = 1e-4, signal, onProgress } = options;
  const tol = options.tol ?? 1e-7 * obs.length;
  if (!Number.isInteger(K) || K < 1 || K > obs.length) throw new RangeError(`invalid states: ${K}`);
  for (const [name, v, min] of [
    ['restarts', restarts, 1],
    ['maxIter', maxIter, 0],
    ['probeIterations', probeIterations, 0],
    ['finalists', finalists, 1],
  ] as const) {
    if (!Number.isInteger(v) || v < min) throw new RangeError(`invalid ${name}: ${v}`);
  }
  if (covariance !== 'diagonal' && covariance !== 'full') {
    throw new RangeError(`invalid covariance: ${String(covariance)}`);
  }
  const floor = varianceFloor(obs, minVariance);
  const rng = createRng(seed);
  const probe = Math.min(probeIterations, maxIter);
  const kept = Math.min(finalists, restarts);
  // Progress counts M-steps against the most the schedule can take.
  const budget = restarts * probe + kept * (maxIter - probe) || 1;
  let steps = 0;
  const settings: EmSettings = {
    obs,
    ws: createWorkspace(obs.length, K),
    floor,
    maxIter,
    tol,
    signal,
    onIteration: () => onProgress?.(Math.min(1, ++steps / budget)),
  };
  const runs: EmState[] = [];
  for (let r = 0; r < restarts; r++) {
    const run = startEm(initialModel(obs, K, covariance, r, rng.fork(), floor));
    advanceEm(run, probe, settings);
    runs.push(run);
  }
  // Stable sort: ties keep restart order, as the full-EM loop's strict `>` did.
  const ranked = [...runs].sort((a, b) => lastLogLikelihood(b) - lastLogLikelihood(a));
  // The finalists are compared at a tenth of the precision; only the winner is taken to `tol`.
  const coarse = { ...settings, tol: 10 * tol };
  let best: EmState | null = null;
  for (const run of ranked.slice(0, kept)) {
    advanceEm(run, maxIter, coarse);
    if (!best || lastLogLikelihood(run) > lastLogLikelihood(best)) best = run;
  }
  resumeEm(best!);
  advanceEm(best!, maxIter, settings);
  onProgress?.(1);
  return summarize(sortByVariance(best!.model), obs, settings.ws, toEmRun(best!));
}
function varianceFloor({ data, length: T, dims: D }: Observations, relative: number): Float64Array {
  if (!(relative >= 0)) throw new RangeError(`invalid minVariance: ${relative}`);
  const floor = new Float64Array(D);
  for (let d = 0; d < D; d++) {
    let m = 0;
    let s = 0;
    for (let t = 0; t < T; t++) m += data[t * D + d]! / T;
    for (let t = 0; t < T; t++) s += (data[t * D + d]! - m) ** 2 / T;
    floor[d] = Math.max(relative * s, 1e-300);
  }
  return floor;
}
