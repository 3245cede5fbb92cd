/**
 * One surface cycle: the chain snapshot grouped by expiry (`expiry-slice.ts`), then across expiries the ATM term
 * structure, an SSVI surface fitted to every expiry with a fit, the static-arbitrage report on the SVI fits, and
 * the totals (GEX, quote counts). Pure: the same snapshot (and the same previous surface) always gives the same
 * surface, which is what lets the integration test recompute the served surface from the exchange's own state.
 * A previous surface warm-starts the fits (each expiry's SVI from its last fit, SSVI from the last SSVI): the
 * same optima within the fits' tolerances, in fewer evaluations.
 */
import { butterflyArbitrage, calendarArbitrage } from '../../cells/surface/arbitrage';
import { zeroCrossing } from '../../cells/surface/gex';
import { atmTermStructure } from '../../cells/surface/metrics';
import { fitSsvi } from '../../cells/surface/ssvi';
import type { ChainSnapshot, OptionRow } from './chain-state';
import { emptyCounts, expirySlice, GEX_GRID } from './expiry-slice';
import type {
  ArbitrageWire,
  FeedStatus,
  GexWire,
  SsviWire,
  SurfaceState,
} from '../contract/surface';

export const TERM_DAYS = [7, 30, 60, 90, 180, 365];

/**
 * @example
 * const surface = computeSurface(chain.snapshot(), {stale: false, feed});
 * const next = computeSurface(chain.snapshot(), {stale: false, feed}, surface); // warm-started fits
 */
export function computeSurface(
  snap: ChainSnapshot,
  status: { stale: boolean; feed: FeedStatus },
  previous: SurfaceState | null = null,
): SurfaceState {
  const groups = new Map<number, OptionRow[]>();
  for (const r of snap.options) {
    if (r.expiryMs <= snap.asOf) continue;
    const g = groups.get(r.expiryMs);
    if (g) g.push(r);
    else groups.set(r.expiryMs, [r]);
  }
  const ctx = { asOf: snap.asOf, index: snap.index, refreshIndex: snap.refreshIndex };
  const warm = new Map(previous?.expiries.map((e) => [e.expiry_ms, e.svi]));
  const slices = [...groups.keys()]
    .sort((a, b) => a - b)
    .map((e) => expirySlice(e, groups.get(e)!, ctx, warm.get(e) ?? null));
  const fitted = slices.filter((s) => s.fitted !== null);

  const counts = emptyCounts();
  const gexByStrike = new Map<number, { strike: number; call: number; put: number; net: number }>();
  for (const s of slices) {
    counts.quotes += s.counts.quotes;
    counts.no_iv += s.counts.no_iv;
    counts.zero_bid += s.counts.zero_bid;
    counts.crossed += s.counts.crossed;
    for (const g of s.gex.by_strike) {
      const row = gexByStrike.get(g.strike) ?? { strike: g.strike, call: 0, put: 0, net: 0 };
      row.call += g.call;
      row.put += g.put;
      row.net += g.net;
      gexByStrike.set(g.strike, row);
    }
  }
  const byStrike = [...gexByStrike.values()].sort((a, b) => a.strike - b.strike);
  const gexTotal: GexWire = {
    by_strike: byStrike,
    total: byStrike.reduce((sum, r) => sum + r.net, 0),
    zero_gamma: snap.index !== null && snap.index > 0 ? totalZeroGamma(slices, snap.index) : null,
  };

  const term =
    fitted.length > 0
      ? atmTermStructure(
          fitted.map((s) => ({ T: s.T, params: s.fitted! })),
          TERM_DAYS,
        )
      : null;

  return {
    currency: snap.currency as SurfaceState['currency'],
    asOf: snap.asOf,
    stale: status.stale,
    index_price: snap.index,
    dvol: snap.dvol,
    expiries: slices.map(({ fitted: _fitted, gexProfile: _profile, ...wire }) => wire),
    term_structure: term
      ? { days: [...term.days], atm_iv: [...term.atmVol].map((v) => 100 * v) }
      : { days: [], atm_iv: [] },
    ssvi: ssviOf(fitted, previous?.ssvi ?? null),
    arbitrage: arbitrageOf(fitted),
    gex_total: gexTotal,
    counts,
    feed: status.feed,
  };
}

type Fitted = ReturnType<typeof expirySlice>;

/** The per-expiry GEX profiles (same spot grid) added up: the zero-gamma level of the whole book. */
function totalZeroGamma(slices: readonly Fitted[], spot: number): number | null {
  const total = new Float64Array(GEX_GRID.n);
  let any = false;
  for (const s of slices)
    if (s.gexProfile) {
      any = true;
      for (let i = 0; i < total.length; i++) total[i]! += s.gexProfile[i]!;
    }
  return any ? zeroCrossing(total, spot, GEX_GRID) : null;
}

/** At most this many strikes per expiry go into the SSVI fit (3 parameters over the whole surface). */
export const SSVI_POINTS_PER_EXPIRY = 12;

function ssviOf(fitted: readonly Fitted[], start: SsviWire | null): SsviWire | null {
  if (fitted.length === 0) return null;
  const inputs = fitted.map((s) => {
    const q = evenly(
      s.points.filter((p) => p.mark_iv !== null),
      SSVI_POINTS_PER_EXPIRY,
    );
    return { T: s.T, k: q.map((p) => p.k), iv: q.map((p) => p.mark_iv! / 100) };
  });
  try {
    const fit = fitSsvi(inputs, start ? { start } : {});
    return {
      rho: fit.rho,
      eta: fit.eta,
      gamma: fit.gamma,
      rmse_iv: fit.rmseVolPoints,
      expiries: fitted.map((s) => s.expiry),
      theta: [...fit.theta],
    };
  } catch {
    return null;
  }
}

function arbitrageOf(fitted: readonly Fitted[]): ArbitrageWire {
  const butterfly = fitted.map((s) => ({
    expiry: s.expiry,
    violations: butterflyArbitrage(s.fitted!, s.T, { n: 61 }).violations.length,
  }));
  const calendar = [];
  for (let i = 1; i < fitted.length; i++) {
    const a = fitted[i - 1]!;
    const b = fitted[i]!;
    const r = calendarArbitrage(
      [
        { T: a.T, params: a.fitted! },
        { T: b.T, params: b.fitted! },
      ],
      { n: 61 },
    );
    calendar.push({ from: a.expiry, to: b.expiry, violations: r.violations.length });
  }
  const ok =
    butterfly.every((b) => b.violations === 0) && calendar.every((c) => c.violations === 0);
  return { butterfly, calendar, ok };
}

/**
 * Up to `n` points spread evenly over the strikes, ends included, always with the two strikes that bracket the
 * forward (SSVI takes each expiry's θ from them).
 */
function evenly<T extends { k: number }>(xs: readonly T[], n: number): T[] {
  if (xs.length <= n) return [...xs];
  const picked = new Set<number>();
  for (let i = 0; i < n - 2; i++) picked.add(Math.round((i * (xs.length - 1)) / (n - 3)));
  const above = xs.findIndex((p) => p.k >= 0);
  if (above > 0) picked.add(above - 1);
  if (above >= 0) picked.add(above);
  return [...picked].sort((a, b) => a - b).map((i) => xs[i]!);
}
