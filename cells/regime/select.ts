import { fitGaussianHmm, type FitHmmOptions, type HmmFit } from './fit';
import type { HmmInput } from './observations';

export interface StateSelection {
  /** The chosen number of states. */
  states: number;
  criterion: 'bic' | 'aic';
  /** One row per K tried. */
  scores: { states: number; logLikelihood: number; bic: number; aic: number }[];
  /** The fit at the chosen K. */
  fit: HmmFit;
}

/**
 * Fits K = range[0] .. range[1] states and keeps the lowest BIC (or AIC).
 *
 * @example
 * const rng = vol.random.createRng(1);
 * const returns = Float64Array.from({ length: 400 }, (_, t) => (t % 200 < 100 ? 0.01 : 0.05) * rng.normal());
 * selectStates(returns, { range: [1, 3], seed: 1 }).states; // → 2
 */
export function selectStates(
  x: HmmInput,
  options: Omit<FitHmmOptions, 'states'> & {
    range?: [number, number];
    criterion?: 'bic' | 'aic';
  } = {},
): StateSelection {
  const { range = [2, 5], criterion = 'bic', onProgress, ...rest } = options;
  const [lo, hi] = range;
  if (!Number.isInteger(lo) || !Number.isInteger(hi) || lo < 1 || hi < lo) {
    throw new RangeError(`invalid range: ${lo}..${hi}`);
  }
  if (criterion !== 'bic' && criterion !== 'aic')
    throw new RangeError(`invalid criterion: ${String(criterion)}`);
  let best: HmmFit | null = null;
  const scores: StateSelection['scores'] = [];
  for (let K = lo; K <= hi; K++) {
    const fit = fitGaussianHmm(x, {
      ...rest,
      states: K,
      onProgress: onProgress && ((f) => onProgress((K - lo + f) / (hi - lo + 1))),
    });
    scores.push({ states: K, logLikelihood: fit.logLikelihood, bic: fit.bic, aic: fit.aic });
    if (!best || fit[criterion] < best[criterion]) best = fit;
  }
  return { states: best!.states, criterion, scores, fit: best! };
}
