/**
 * Small statistics helpers shared by series, regime and anomaly.
 *
 * Why not simple-statistics 7.12.1 (measured by `npm run bench -- stats`, test/bench/stats.bench.ts): its mean,
 * variance and standard deviation use compensated summation and run 2–3× slower than these; its quantile follows
 * a different rule from numpy's type 7 used here (other results, not a drop-in); its median and MAD select
 * (quickselect) where ours sort, so they win from about 1,000 values (1.3–3× at 3,650) but lose up to 2× on the
 * 30-value windows the library mostly works on, and they need a NaN-free number[] copy. Replacing ours would cost
 * speed, so nothing here is replaced; selection in quantile.ts would take the large-array gain without the loss.
 */
export { toFloat64, type NumericLike } from './numeric';
export { mean, variance, std, welford, type WelfordState } from './moments';
export { quantile, quantileSorted, sortedFinite, median, mad } from './quantile';
export { rank } from './rank';
export { logSumExp } from './logsumexp';
export { throwIfAborted, type CancelSignal, type LongRunning } from './abort';
