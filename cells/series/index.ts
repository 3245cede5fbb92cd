/**
 * Returns, resampling and realized volatility: `vol.series`.
 *
 * @example
 * const close = Float64Array.of(100, 102, 101, 105, 107, 104, 108, 110);
 * const daily = { open: close.map((c) => c * 0.99), high: close.map((c) => c * 1.02), low: close.map((c) => c * 0.97), close };
 * const r = vol.series.logReturns(daily.close); // in a notebook: daily.getChild('close') of a SQL result
 * const yz = vol.series.rollingVol(daily, { estimator: 'yangZhang', window: 3 });
 */
export { logReturns, simpleReturns } from './returns';
export { periodStart, type Every } from './calendar';
export { resample, type How, type Resampled } from './resample';
export { toBars, type Bars, type BarsLike } from './bars';
export { resampleOhlc, type TimedBars } from './ohlc';
export {
  closeToClose,
  parkinson,
  garmanKlass,
  rogersSatchell,
  yangZhang,
  yangZhangK,
  estimators,
  type Estimator,
  type VolReducer,
} from './estimators';
export { rollingVol, realizedVol, rollingReduce, type RollingVolOptions } from './rolling';
export { ewmaVariance, ewmaVol, type EwmaOptions } from './ewma';
export { annualize } from './annualize';
export { volCone, type VolConeOptions, type VolConeRow } from './cone';
