/**
 * One expiry of the live chain as the desk shows it: strikes merged to their out-of-the-money option (put below
 * the forward, call at or above; the other side's mark IV when that one has none), the SVI fit when at least 5
 * strikes carry a mark IV, its metrics (ATM IV, 25Δ/10Δ RR and BF, the ATM straddle as expected move, RMSE and
 * share inside bid/ask), open interest by strike, max pain, and dealer gamma exposure.
 */
import { black76Price, formatExpiryCode } from '../../cells/options';
import { gammaExposure, type GexOption } from '../../cells/surface/gex';
import { maxPain } from '../../cells/surface/max-pain';
import { riskReversalButterfly } from '../../cells/surface/metrics';
import { sviImpliedVol, type SviParams } from '../../cells/surface/svi';
import { fitSvi, type SviFit } from '../../cells/surface/svi-fit';
import type { OptionRow } from './chain-state';
import type { GexWire, QuoteCounts, SurfaceExpiry, SurfacePoint } from '../contract/surface';

const YEAR_MS = 365 * 86_400_000;
export const MIN_QUOTES = 5;
/** Spot scan for zero-gamma levels: ±30% in 1% steps. */
export const GEX_GRID = { from: 0.7, to: 1.3, n: 61 };

export interface SliceContext {
  asOf: number;
  /** Index now and at the REST refresh the forwards came from. */
  index: number | null;
  refreshIndex: number | null;
}

/** The expiry's forward: the refresh's `underlying_price` (median over its options) moved with the index. */
export function expiryForward(rows: readonly OptionRow[], ctx: SliceContext): number | null {
  const fs = rows
    .map((r) => r.underlying_price)
    .filter((f): f is number => f !== null && f > 0)
    .sort((a, b) => a - b);
  const base = fs.length > 0 ? fs[fs.length >> 1]! : ctx.index;
  if (base === null || !(base > 0)) return null;
  const move =
    fs.length > 0 && ctx.index !== null && ctx.refreshIndex !== null && ctx.refreshIndex > 0
      ? ctx.index / ctx.refreshIndex
      : 1;
  return base * move;
}

export function emptyCounts(): QuoteCounts {
  return { quotes: 0, no_iv: 0, zero_bid: 0, crossed: 0 };
}

/** Build one expiry (rows all of that expiry); `start`, the expiry's previous fit, warm-starts its SVI fit. */
export function expirySlice(
  expiryMs: number,
  rows: readonly OptionRow[],
  ctx: SliceContext,
  start: SviParams | null = null,
): SurfaceExpiry & { fitted: SviFit | null; gexProfile: Float64Array | null } {
  const T = (expiryMs - ctx.asOf) / YEAR_MS;
  const F = expiryForward(rows, ctx) ?? NaN;
  const counts = emptyCounts();
  const byStrike = new Map<number, { call?: OptionRow; put?: OptionRow }>();
  for (const r of rows) {
    if (r.mark_iv === null) counts.no_iv++;
    if (r.book_flag === 'zero_bid') counts.zero_bid++;
    if (r.book_flag === 'crossed') counts.crossed++;
    const pair = byStrike.get(r.strike) ?? {};
    pair[r.type] = r;
    byStrike.set(r.strike, pair);
  }
  const points: SurfacePoint[] = [];
  for (const strike of [...byStrike.keys()].sort((a, b) => a - b)) {
    const pair = byStrike.get(strike)!;
    const otm = strike < F ? (pair.put ?? pair.call)! : (pair.call ?? pair.put)!;
    const other = otm === pair.call ? pair.put : pair.call;
    const markFrom = otm.mark_iv !== null ? otm : other?.mark_iv != null ? other : otm;
    points.push({
      strike,
      k: Math.log(strike / F),
      instrument_name: otm.instrument_name,
      mark_iv: markFrom.mark_iv,
      bid_iv: otm.bid_iv,
      ask_iv: otm.ask_iv,
      fit_iv: null,
      age_ms: Math.max(0, ctx.asOf - markFrom.mark_t),
      book_age_ms: Math.max(0, ctx.asOf - otm.book_t),
      call_oi: pair.call?.open_interest ?? 0,
      put_oi: pair.put?.open_interest ?? 0,
      volume: (pair.call?.volume ?? 0) + (pair.put?.volume ?? 0),
    });
  }
  const quoted = points.filter((p) => p.mark_iv !== null && Number.isFinite(p.k));
  counts.quotes = quoted.length;
  let fitted: SviFit | null = null;
  let reason: string | null = null;
  if (!(T > 0)) reason = 'expired';
  else if (!(F > 0)) reason = 'no forward';
  else if (quoted.length < MIN_QUOTES)
    reason = `${quoted.length} quotes with an IV (at least ${MIN_QUOTES} needed)`;
  else {
    const nan = (v: number | null) => (v === null ? NaN : v / 100);
    try {
      fitted = fitSvi(
        {
          k: quoted.map((p) => p.k),
          iv: quoted.map((p) => p.mark_iv! / 100),
          bidIv: quoted.map((p) => nan(p.bid_iv)),
          askIv: quoted.map((p) => nan(p.ask_iv)),
          T,
        },
        start ? { start } : {},
      );
    } catch (error) {
      reason = `fit failed: ${error instanceof Error ? error.message : String(error)}`;
    }
  }
  if (fitted) for (const p of points) p.fit_iv = 100 * sviImpliedVol(fitted, p.k, T);

  const gexOptions: GexOption[] = [];
  for (const r of rows) {
    const iv = r.mark_iv ?? (fitted ? 100 * sviImpliedVol(fitted, Math.log(r.strike / F), T) : NaN);
    if (iv > 0 && r.open_interest > 0)
      gexOptions.push({
        strike: r.strike,
        T,
        iv: iv / 100,
        forward: F,
        type: r.type,
        openInterest: r.open_interest,
      });
  }
  const spot = ctx.index ?? F;
  const gex = spot > 0 && T > 0 ? gammaExposure(gexOptions, spot, GEX_GRID) : null;
  const oi = { call: 0, put: 0 };
  for (const r of rows) oi[r.type] += r.open_interest;

  return {
    expiry: formatExpiryCode(expiryMs),
    expiry_ms: expiryMs,
    T,
    forward: F,
    svi: fitted
      ? { a: fitted.a, b: fitted.b, rho: fitted.rho, m: fitted.m, sigma: fitted.sigma }
      : null,
    fit: fitted
      ? {
          rmse_iv: fitted.rmseVolPoints,
          inside_bid_ask: Number.isFinite(fitted.insideBidAsk) ? fitted.insideBidAsk : null,
          n: fitted.n,
        }
      : null,
    fit_reason: reason,
    metrics: fitted ? metricsOf(fitted, T, F) : null,
    counts,
    open_interest: oi,
    max_pain: maxPain(
      rows.map((r) => ({ strike: r.strike, type: r.type, openInterest: r.open_interest })),
    ).strike,
    gex: gex ? gexWire(gex) : { by_strike: [], total: 0, zero_gamma: null },
    points,
    fitted,
    gexProfile: gex?.profile ?? null,
  };
}

function gexWire(g: ReturnType<typeof gammaExposure>): GexWire {
  return { by_strike: g.byStrike, total: g.total, zero_gamma: g.zeroGamma };
}

function metricsOf(fit: SviFit, T: number, F: number) {
  const rr25 = riskReversalButterfly(fit, T, 0.25);
  const rr10 = riskReversalButterfly(fit, T, 0.1);
  const atm = sviImpliedVol(fit, 0, T);
  const straddle = black76Price(F, F, T, atm, 'call') + black76Price(F, F, T, atm, 'put');
  return {
    atm_iv: 100 * atm,
    rr25: 100 * rr25.rr,
    bf25: 100 * rr25.bf,
    rr10: 100 * rr10.rr,
    bf10: 100 * rr10.bf,
    expected_move_usd: straddle,
    expected_move_pct: (100 * straddle) / F,
  };
}
