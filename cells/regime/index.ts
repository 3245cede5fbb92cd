/**
 * Hidden Markov regime models: `vol.regime`.
 *
 * @example
 * const rng = vol.random.createRng(1);
 * let price = 100;
 * const close = Float64Array.from({ length: 400 }, (_, t) => (price *= Math.exp((t < 200 ? 0.01 : 0.05) * rng.normal())));
 * const fit = vol.regime.fitGaussianHmm(vol.series.logReturns(close), { states: 2, seed: 1 });
 * fit.viterbi; // 0 = calm, 1 = turbulent
 */
export { fitGaussianHmm, type FitHmmOptions, type HmmFit } from './fit';
export { selectStates, type StateSelection } from './select';
export {
  hmmLogLikelihood,
  hmmPosteriors,
  hmmViterbi,
  baumWelchStep,
  type ModelLike,
} from './inference';
export {
  createGaussianHmm,
  parameterCount,
  sortByVariance,
  type CovarianceType,
  type GaussianHmm,
  type GaussianHmmSpec,
} from './model';
export { toObservations, type HmmInput, type Observations } from './observations';
