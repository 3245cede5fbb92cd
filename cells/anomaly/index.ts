/**
 * Anomaly scoring and event classification: `vol.anomaly`.
 *
 * @example
 * const forest = vol.anomaly.isolationForest(features, { seed: 1 });
 * vol.anomaly.auc(forest.score(features), isStress);
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
