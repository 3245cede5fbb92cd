/**
 * The `surface.*` channel's message: fits and points as parallel arrays rounded to what a chart can show
 * (IVs to 0.01 vol point, strikes as listed), so a full chain stays far under 50 KB.
 */
import type { CompactSurface, SurfaceState } from '../contract/surface';

const r2 = (v: number | null): number | null => (v === null ? null : Math.round(v * 100) / 100);
const r6 = (v: number): number => Number(v.toPrecision(6));

/** @example hub push: {type: 'data', channel: 'surface.BTC', data: compactSurface(state)} */
export function compactSurface(s: SurfaceState): CompactSurface {
  return {
    currency: s.currency,
    asOf: s.asOf,
    stale: s.stale,
    index_price: s.index_price,
    dvol: s.dvol,
    term_structure: {
      days: s.term_structure.days,
      atm_iv: s.term_structure.atm_iv.map((v) => r2(v)!),
    },
    zero_gamma: s.gex_total.zero_gamma === null ? null : Math.round(s.gex_total.zero_gamma),
    expiries: s.expiries.map((e) => ({
      expiry: e.expiry,
      expiry_ms: e.expiry_ms,
      T: r6(e.T),
      forward: r6(e.forward),
      svi: e.svi && {
        a: r6(e.svi.a),
        b: r6(e.svi.b),
        rho: r6(e.svi.rho),
        m: r6(e.svi.m),
        sigma: r6(e.svi.sigma),
      },
      fit_reason: e.fit_reason,
      atm_iv: r2(e.metrics?.atm_iv ?? null),
      rr25: r2(e.metrics?.rr25 ?? null),
      bf25: r2(e.metrics?.bf25 ?? null),
      rmse_iv: r2(e.fit?.rmse_iv ?? null),
      strikes: e.points.map((p) => p.strike),
      mark_iv: e.points.map((p) => r2(p.mark_iv)),
      bid_iv: e.points.map((p) => r2(p.bid_iv)),
      ask_iv: e.points.map((p) => r2(p.ask_iv)),
      age_ms: e.points.map((p) => p.age_ms),
    })),
  };
}
