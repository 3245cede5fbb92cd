import { throwIfAborted, type CancelSignal, type LongRunning } from '../stats/abort';
import { createRng } from '../random';
import { createWorkspace, type Workspace } from './forward-backward';
import { initialModel } from './init';
import { sortByVariance, type CovarianceType, type GaussianHmm } from './model';
import { maximize } from './mstep';
import { toObservations, type HmmInput, type Observations } from './observations';
import { eStep } from './inference';
import { summarize, type EmRun, type HmmFit } from './summary';

export type { HmmFit } from './summary';

export interface FitHmmOptions extends LongRunning {
  /** Number of hidden states K (default 2). */
  states?: number;
  /** Starting points tried; the best log-likelihood wins (default 3). */
  restarts?: number;
  seed?: number;
  /** Baum-Welch iterations per restart (default 300). */
  maxIter?: number;
  /** Stop when the log-likelihood improves by less than this (default 1e-6 · T). */
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
  const { minVariance = 1e-4, signal, onProgress } = options;
  const tol = options.tol ?? 1e-6 * obs.length;
  if (!Number.isInteger(K) || K < 1 || K > obs.length) throw new RangeError(`invalid states: ${K}`);
  if (!Number.isInteger(restarts) || restarts < 1)
    throw new RangeError(`invalid restarts: ${restarts}`);
  if (!Number.isInteger(maxIter) || maxIter < 0)
    throw new RangeError(`invalid maxIter: ${maxIter}`);
  if (covariance !== 'diagonal' && covariance !== 'full') {
    throw new RangeError(`invalid covariance: ${String(covariance)}`);
  }
  const floor = varianceFloor(obs, minVariance);
  const rng = createRng(seed);
  const ws = createWorkspace(obs.length, K);
  let best: EmRun | null = null;
  for (let r = 0; r < restarts; r++) {
    const start = initialModel(obs, K, covariance, r, rng.fork(), floor);
    const run = runEm(start, obs, ws, floor, maxIter, tol, signal, (f) =>
      onProgress?.((r + f) / restarts),
    );
    if (!best || run.logLikelihood > best.logLikelihood) best = run;
  }
  onProgress?.(1);
  return summarize(sortByVariance(best!.model), obs, ws, best!);
}

function runEm(
  start: GaussianHmm,
  obs: Observations,
  ws: Workspace,
  floor: Float64Array,
  maxIter: number,
  tol: number,
  signal: CancelSignal | undefined,
  progress: (fraction: number) => void,
): EmRun {
  let model = start;
  const trace: number[] = [];
  let converged = false;
  let iterations = 0;
  for (;;) {
    throwIfAborted(signal);
    const ll = eStep(model, obs, ws);
    trace.push(ll);
    const n = trace.length;
    if (n > 1 && ll - trace[n - 2]! < tol) converged = true;
    if (converged || iterations >= maxIter || ll === -Infinity) break;
    model = maximize(model, obs, ws.alpha, ws.xi, floor);
    iterations++;
    progress(iterations / maxIter);
  }
  return {
    model,
    logLikelihood: trace[trace.length - 1]!,
    iterations,
    converged,
    trace: Float64Array.from(trace),
  };
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
