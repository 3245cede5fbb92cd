import type { Workspace } from './forward-backward';
import { columns, eStep, logDensities } from './inference';
import { parameterCount, type CovarianceType, type GaussianHmm } from './model';
import type { Observations } from './observations';
import { viterbiPath } from './viterbi';

export interface HmmFit {
  states: number;
  dims: number;
  covariance: CovarianceType;
  logLikelihood: number;
  initial: Float64Array;
  /** Rows of the transition matrix: transition[i][j] = P(s_{t+1} = j | s_t = i). */
  transition: Float64Array[];
  /** Per state, D means. */
  means: Float64Array[];
  /** Per state, D variances (diagonal covariance). */
  variances?: Float64Array[];
  /** Per state, a D×D covariance matrix, row-major (full covariance). */
  covariances?: Float64Array[];
  /** Per state, P(s_t = k | x) for every t. */
  posteriors: Float64Array[];
  viterbi: Int32Array;
  bic: number;
  aic: number;
  /** Expected time spent in each state per visit: 1 / (1 − p_kk). */
  durations: Float64Array;
  /** P(s_{T+1} = k | x): the last posterior times the transition matrix. */
  nextState: Float64Array;
  /** Baum-Welch iterations of the winning restart. */
  iterations: number;
  converged: boolean;
  /** Log-likelihood at each iteration of the winning restart (non-decreasing, as EM guarantees). */
  trace: Float64Array;
  model: GaussianHmm;
}

/** One Baum-Welch run from one starting point. */
export interface EmRun {
  model: GaussianHmm;
  logLikelihood: number;
  iterations: number;
  converged: boolean;
  trace: Float64Array;
}

/** The public result for a fitted, relabelled model: posteriors, Viterbi path, criteria. */
export function summarize(
  model: GaussianHmm,
  obs: Observations,
  ws: Workspace,
  run: EmRun,
): HmmFit {
  const { states: K, dims: D } = model;
  const T = obs.length;
  const logLikelihood = eStep(model, obs, ws);
  const p = parameterCount(model);
  const rows = (a: Float64Array, w: number) =>
    Array.from({ length: K }, (_, k) => a.slice(k * w, k * w + w));
  const durations = new Float64Array(K);
  const nextState = new Float64Array(K);
  for (let i = 0; i < K; i++) {
    durations[i] = 1 / (1 - model.transition[i * K + i]!);
    for (let j = 0; j < K; j++)
      nextState[j]! += ws.alpha[(T - 1) * K + i]! * model.transition[i * K + j]!;
  }
  const full = model.covariance === 'full';
  return {
    states: K,
    dims: D,
    covariance: model.covariance,
    logLikelihood,
    initial: model.initial.slice(),
    transition: rows(model.transition, K),
    means: rows(model.means, D),
    ...(full ? { covariances: rows(model.covars, D * D) } : { variances: rows(model.covars, D) }),
    posteriors: columns(ws.alpha, T, K),
    viterbi: viterbiPath(model.initial, model.transition, logDensities(model, obs), T, K).path,
    bic: -2 * logLikelihood + p * Math.log(T),
    aic: -2 * logLikelihood + 2 * p,
    durations,
    nextState,
    iterations: run.iterations,
    converged: run.converged,
    trace: run.trace,
    model,
  };
}
