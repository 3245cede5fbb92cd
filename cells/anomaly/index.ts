/**
 * Anomaly scoring and event classification: `vol.anomaly`.
 *
 * @example
 * const rng = vol.random.createRng(1);
 * const isStress = Array.from({ length: 300 }, (_, i) => i % 50 === 0);
 * const features = isStress.map((s) => [rng.normal() * (s ? 6 : 1), rng.normal() * (s ? 6 : 1)]);
 * const forest = vol.anomaly.isolationForest(features, { seed: 1 });
 * vol.anomaly.auc(forest.score(features), isStress) > 0.9; // → true
 */
export { rollingZScore, zScore, MAD_SCALE, type ZScoreOptions } from './zscore';
export { averagePathLength } from './path-length';
export {
  isolationForest,
  type IsolationForest,
  type IsolationForestOptions,
} from './isolation-forest';
export { randomForest, type RandomForest, type RandomForestOptions } from './random-forest';
export { rankNormalize, rankEnsemble } from './ensemble';
export { auc, precisionAtK } from './metrics';
export { toMatrix, type Matrix, type RowsInput } from './rows';
