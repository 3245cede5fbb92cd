import { emissionLogDensities, prepareEmission, scaledUnivariateDensities } from './emission';
import {
  createWorkspace,
  forwardBackward,
  forwardBackwardScaled,
  forwardLogLikelihood,
  type Workspace,
} from './forward-backward';
import type { GaussianHmm } from './model';
import { maximize } from './mstep';
import { toObservations, type HmmInput, type Observations } from './observations';
import { viterbiPath } from './viterbi';

/** A model, or a fit result carrying one. */
export type ModelLike = GaussianHmm | { model: GaussianHmm };

export function maybeModel(m: ModelLike): GaussianHmm {
  return 'model' in m ? m.model : m;
}

export function checkDims(model: GaussianHmm, obs: Observations): void {
  if (obs.dims !== model.dims)
    throw new RangeError(`invalid x: ${obs.dims} dims, model has ${model.dims}`);
}

/** E-step into `ws`: posteriors in ws.alpha, Σξ in ws.xi; returns the log-likelihood. */
export function eStep(model: GaussianHmm, obs: Observations, ws: Workspace): number {
  const cache = prepareEmission(model);
  if (model.dims === 1) {
    const shift = scaledUnivariateDensities(model, cache, obs.data, obs.length, ws.em);
    return forwardBackwardScaled(model.initial, model.transition, ws, shift);
  }
  emissionLogDensities(model, cache, obs.data, obs.length, ws.em);
  return forwardBackward(model.initial, model.transition, ws);
}

/** log N(x_t; μ_k, Σ_k) for all t, k, as a T×K array. */
export function logDensities(model: GaussianHmm, obs: Observations): Float64Array {
  const out = new Float64Array(obs.length * model.states);
  emissionLogDensities(model, prepareEmission(model), obs.data, obs.length, out);
  return out;
}

/**
 * Log-likelihood log P(x | model) by the scaled forward algorithm.
 *
 * @example
 * const model = vol.regime.createGaussianHmm({ initial: [0.5, 0.5], transition: [[0.95, 0.05], [0.1, 0.9]],
 *   means: [0, 0], variances: [1e-4, 9e-4] });
 * const returns = Float64Array.of(0.01, -0.012, 0.008, 0.05, -0.06, 0.04);
 * hmmLogLikelihood(model, returns); // a createGaussianHmm model, or a fit from fitGaussianHmm
 */
export function hmmLogLikelihood(model: ModelLike, x: HmmInput): number {
  const m = maybeModel(model);
  const obs = toObservations(x);
  checkDims(m, obs);
  const ws = createWorkspace(obs.length, m.states);
  ws.em.set(logDensities(m, obs));
  return forwardLogLikelihood(m.initial, m.transition, ws);
}

/**
 * Smoothed state probabilities P(s_t = k | x), one Float64Array of length T per state.
 *
 * @example
 * const model = vol.regime.createGaussianHmm({ initial: [0.5, 0.5], transition: [[0.95, 0.05], [0.1, 0.9]],
 *   means: [0, 0], variances: [1e-4, 9e-4] });
 * const returns = Float64Array.of(0.01, -0.012, 0.008, 0.05, -0.06, 0.04);
 * const { posteriors } = hmmPosteriors(model, returns); // posteriors[1][t]: P(state 1 at t)
 * posteriors[1][4] > 0.5; // → true: a 6% move is the turbulent state's
 */
export function hmmPosteriors(
  model: ModelLike,
  x: HmmInput,
): { logLikelihood: number; posteriors: Float64Array[] } {
  const m = maybeModel(model);
  const obs = toObservations(x);
  checkDims(m, obs);
  const ws = createWorkspace(obs.length, m.states);
  emissionLogDensities(m, prepareEmission(m), obs.data, obs.length, ws.em);
  const logLikelihood = forwardBackward(m.initial, m.transition, ws);
  return { logLikelihood, posteriors: columns(ws.alpha, obs.length, m.states) };
}

/**
 * Most likely state path (Viterbi) and its joint log-probability log P(path, x).
 *
 * @example
 * const model = vol.regime.createGaussianHmm({ initial: [0.5, 0.5], transition: [[0.95, 0.05], [0.1, 0.9]],
 *   means: [0, 0], variances: [1e-4, 9e-4] });
 * const returns = Float64Array.of(0.001, -0.002, 0.001, 0.05, -0.06, 0.04);
 * hmmViterbi(model, returns).path; // → [0, 0, 0, 1, 1, 1]: calm, then turbulent
 */
export function hmmViterbi(
  model: ModelLike,
  x: HmmInput,
): { path: Int32Array; logProbability: number } {
  const m = maybeModel(model);
  const obs = toObservations(x);
  checkDims(m, obs);
  return viterbiPath(m.initial, m.transition, logDensities(m, obs), obs.length, m.states);
}

/**
 * One Baum-Welch iteration: returns the re-estimated model and the log-likelihood of the model
 * passed in. `minVariance` is an absolute variance floor (default 0: plain EM).
 *
 * @example
 * const start = vol.regime.createGaussianHmm({ initial: [0.5, 0.5], transition: [[0.9, 0.1], [0.1, 0.9]],
 *   means: [0, 0], variances: [1e-4, 1e-3] });
 * const x = Float64Array.of(0.01, -0.012, 0.008, 0.05, -0.06, 0.04);
 * let { model } = baumWelchStep(start, x); // repeat: the log-likelihood never decreases
 */
export function baumWelchStep(
  model: ModelLike,
  x: HmmInput,
  { minVariance = 0 }: { minVariance?: number } = {},
): { model: GaussianHmm; logLikelihood: number } {
  const m = maybeModel(model);
  const obs = toObservations(x);
  checkDims(m, obs);
  const ws = createWorkspace(obs.length, m.states);
  emissionLogDensities(m, prepareEmission(m), obs.data, obs.length, ws.em);
  const logLikelihood = forwardBackward(m.initial, m.transition, ws);
  const floor = new Float64Array(m.dims).fill(minVariance);
  return { model: maximize(m, obs, ws.alpha, ws.xi, floor), logLikelihood };
}

/** A T×K row-major matrix as K columns of length T. */
export function columns(a: Float64Array, T: number, K: number): Float64Array[] {
  return Array.from({ length: K }, (_, k) => {
    const col = new Float64Array(T);
    for (let t = 0; t < T; t++) col[t] = a[t * K + k]!;
    return col;
  });
}
