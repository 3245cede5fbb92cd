/**
 * The `volatility_estimate` event of one currency at one tick: the filter's estimate (in vol points) beside the
 * live surface's DVOL, 30-day ATM IV and 25Δ risk reversal, and a note saying why rules are paused (a stale or
 * missing index) or how far the AR is from its first fit.
 */
import type { VolEstimate, VolFilterState } from '../../cells/filter';
import type { VolatilityEstimateWire } from '../contract/alerts';
import type { SurfaceState } from '../contract';
import { atmIvAt, rr25At } from './metrics';

const finite = (v: number): number | null => (Number.isFinite(v) ? v : null);

/**
 * @example
 * publish('volatility_estimate', estimateEvent('BTC', now, volFilter.value(f, now), f, surface));
 */
export function estimateEvent(
  currency: string,
  t: number,
  e: VolEstimate,
  f: VolFilterState,
  s: SurfaceState | null,
): VolatilityEstimateWire {
  return {
    currency,
    t,
    price: finite(e.price),
    samples: e.samples,
    rv: finite(100 * e.rv),
    ar_estimate: finite(100 * e.ar),
    ar_lower: finite(100 * e.arLower),
    ar_upper: finite(100 * e.arUpper),
    ewma: finite(100 * e.ewma),
    dvol: s?.dvol ?? null,
    atm_iv_30d: finite(atmIvAt(s, 30)),
    rr25_30d: finite(rr25At(s, 30)),
    stale: e.stale,
    age_ms: finite(e.ageMs),
    note: e.stale
      ? Number.isFinite(e.ageMs)
        ? `stale: no index price for ${Math.round(e.ageMs / 1000)} s; rules paused`
        : 'no index price yet; rules paused'
      : f.fit
        ? null
        : `warming up: ${f.logRvCount} of ${f.arMinSamples} log-RV samples before the first AR fit`,
  };
}
