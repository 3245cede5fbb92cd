import { throwIfAborted, type CancelSignal } from '../stats/abort';
import type { Workspace } from './forward-backward';
import { eStep } from './inference';
import type { GaussianHmm } from './model';
import { maximize } from './mstep';
import type { Observations } from './observations';
import type { EmRun } from './summary';

/** A Baum-Welch run that can be paused after some iterations and resumed later. */
export interface EmState {
  /** The model to evaluate next: the start, then each M-step's output. */
  model: GaussianHmm;
  /** Log-likelihood of each model evaluated so far. */
  trace: number[];
  iterations: number;
  converged: boolean;
  /** Converged, impossible (−Infinity), or out of iterations: nothing left to do. */
  done: boolean;
}

export interface EmSettings {
  obs: Observations;
  ws: Workspace;
  floor: Float64Array;
  maxIter: number;
  tol: number;
  signal: CancelSignal | undefined;
  /** Called after every M-step. */
  onIteration: () => void;
}

export function startEm(model: GaussianHmm): EmState {
  return { model, trace: [], iterations: 0, converged: false, done: false };
}

/**
 * Runs Baum-Welch on `run` until it has made `until` M-steps (or converges, or reaches maxIter).
 * The E-step of the last model is always done, so `run.trace` ends with that model's likelihood
 * and a paused run can be ranked against others.
 */
export function advanceEm(run: EmState, until: number, s: EmSettings): void {
  // A paused run's posteriors were overwritten by other runs sharing the workspace: recompute them
  // (the same likelihood, already in the trace).
  if (!run.done && run.trace.length > run.iterations && run.iterations < until) {
    eStep(run.model, s.obs, s.ws);
  }
  while (!run.done) {
    throwIfAborted(s.signal);
    if (run.trace.length <= run.iterations) {
      const ll = eStep(run.model, s.obs, s.ws);
      run.trace.push(ll);
      const n = run.trace.length;
      if (n > 1 && ll - run.trace[n - 2]! < s.tol) run.converged = true;
      run.done = run.converged || run.iterations >= s.maxIter || ll === -Infinity;
      if (run.done) break;
    }
    if (run.iterations >= until) break;
    run.model = maximize(run.model, s.obs, s.ws.alpha, s.ws.xi, s.floor);
    run.iterations++;
    s.onIteration();
  }
}

/** Lets a run that converged at a looser tolerance continue (to a tighter one). */
export function resumeEm(run: EmState): void {
  if (!run.converged) return;
  run.converged = false;
  run.done = false;
}

/** The log-likelihood reached so far (−Infinity before the first E-step). */
export function lastLogLikelihood(run: EmState): number {
  return run.trace.length ? run.trace[run.trace.length - 1]! : -Infinity;
}

export function toEmRun(run: EmState): EmRun {
  return {
    model: run.model,
    logLikelihood: lastLogLikelihood(run),
    iterations: run.iterations,
    converged: run.converged,
    trace: Float64Array.from(run.trace),
  };
}
