/**
 * A rule's metric now, in the units rules use: volatilities in vol points (55 = 55%), `move` in percent. The
 * filter gives `ar_estimate`, `rv` and `move`; the live surface gives `dvol`, `atm_iv` at a tenor (the
 * constant-maturity term structure, linear in days between its points) and `rr25` (the expiry nearest the
 * tenor). A missing or stale surface gives NaN, which a rule ignores.
 */
import {
  metricValue,
  volFilter,
  type AlertRule,
  type VolEstimate,
  type VolFilterState,
} from '../../cells/filter';
import type { SurfaceState } from '../contract';

/**
 * @example
 * atmIvAt({ term_structure: { days: [7, 30], atm_iv: [40, 50] } } as SurfaceState, 18.5); // 45
 */
export function atmIvAt(s: SurfaceState | null, days: number): number {
  const ts = s?.term_structure;
  if (!ts || ts.days.length === 0) return NaN;
  const { days: d, atm_iv: v } = ts;
  if (days <= d[0]!) return v[0]!;
  for (let i = 1; i < d.length; i++)
    if (days <= d[i]!)
      return v[i - 1]! + ((v[i]! - v[i - 1]!) * (days - d[i - 1]!)) / (d[i]! - d[i - 1]!);
  return v[v.length - 1]!;
}

/** The 25-delta risk reversal of the fitted expiry nearest `days`. */
export function rr25At(s: SurfaceState | null, days: number): number {
  let best = NaN;
  let gap = Infinity;
  for (const e of s?.expiries ?? []) {
    if (!e.metrics) continue;
    const g = Math.abs(e.T * 365 - days);
    if (g < gap) [gap, best] = [g, e.metrics.rr25];
  }
  return best;
}

/**
 * @example
 * liveMetric(rule, 'rv', filter, volFilter.value(filter, now), surface, 60); // 100 × the filter's RV
 */
export function liveMetric(
  rule: AlertRule,
  base: string,
  f: VolFilterState,
  e: VolEstimate,
  s: SurfaceState | null,
  gridS: number,
): number {
  const tenor = rule.tenor_days ?? 30;
  return metricValue(base, {
    estimate: e,
    dvol: s?.dvol ?? NaN,
    atmIv: atmIvAt(s, tenor),
    rr25: rr25At(s, tenor),
    move: volFilter.move(f, Math.round((rule.window ?? 3600) / gridS)),
  });
}
