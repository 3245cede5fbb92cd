import type { VolEstimate } from './filter-state';

/**
 * What a rule's base metric is read from at one instant. The live service fills it from the filter and the
 * live surface; the backtest from the filter and stored series (where DVOL, the 30-day ATM implied vol index,
 * stands in for `atmIv`). Missing sources are NaN, which a rule skips.
 */
export interface MetricSources {
  /** The filter's estimate now (fractions: 0.55 = 55%). */
  estimate: VolEstimate;
  /** Deribit's DVOL, vol points. */
  dvol: number;
  /** ATM implied vol at the rule's tenor, vol points. */
  atmIv: number;
  /** 25-delta risk reversal at the rule's tenor, vol points. */
  rr25: number;
  /** Log price change over the rule's window (a fraction). */
  move: number;
}

/**
 * A base metric's value in the units rules use: vol points, percent for `move`; NaN for an unknown base. The
 * one table both the live alerts and the backtest read, so a rule means the same in both.
 *
 * @example
 * metricValue('iv_rv', { estimate: { ar: 0.3, rv: 0.25 }, dvol: 52, atmIv: 50, rr25: -3, move: 0.01 }); // → 25
 */
export function metricValue(base: string, m: MetricSources): number {
  switch (base) {
    case 'ar_estimate':
      return 100 * m.estimate.ar;
    case 'rv':
      return 100 * m.estimate.rv;
    case 'dvol':
      return m.dvol;
    case 'atm_iv':
      return m.atmIv;
    case 'iv_rv':
      return m.atmIv - 100 * m.estimate.rv;
    case 'rr25':
      return m.rr25;
    case 'move':
      return 100 * m.move;
    default:
      return NaN;
  }
}
