/** Small statistics helpers shared by series, regime and anomaly. */
export { toFloat64, type NumericLike } from './numeric';
export { mean, variance, std, welford, type WelfordState } from './moments';
export { quantile, quantileSorted, sortedFinite, median, mad } from './quantile';
export { rank } from './rank';
export { logSumExp } from './logsumexp';
export { throwIfAborted, type CancelSignal, type LongRunning } from './abort';
