/**
 * Returns, resampling and realized volatility: `vol.series`.
 *
 * @example
 * const r = vol.series.logReturns(daily.getChild('close'));
 * const yz = vol.series.rollingVol(daily, { estimator: 'yangZhang', window: 30 });
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
