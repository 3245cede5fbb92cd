import { describe, expect, it } from 'vitest';
import { black76Price } from '../../../cells/options';
import { createChainState } from '../../../server/surface/chain-state';
import { computeSurface } from '../../../server/surface/compute';
import { createFeedMonitor } from '../../../server/surface/feed-monitor';
import { instrument, smileIv, summary, SURFACE, syntheticChain, T0 } from './chain-fixture';

const feed = createFeedMonitor(5000).status(0);
const E1 = Date.UTC(2026, 0, 2, 8);
const YEAR_MS = 365 * 86_400_000;

describe('chain state', () => {
  it('implies bid and ask IVs from the refreshed coin prices on the forward', () => {
    const T = (E1 - T0) / YEAR_MS;
    const F = 100_000;
    const bid = black76Price(F, 110_000, T, 0.45, 'call') / F;
    const ask = black76Price(F, 110_000, T, 0.55, 'call') / F;
    const chain = createChainState('BTC');
    const name = 'BTC-2JAN26-110000-C';
    chain.seed(
      [instrument(name, E1, 110_000, 'call', T0)],
      [summary(name, T0, (bid + ask) / 2, bid, ask, 0.5, F)],
      F,
    );
    const row = chain.snapshot().options[0]!;
    expect(row.bid_iv).toBeCloseTo(45, 8);
    expect(row.ask_iv).toBeCloseTo(55, 8);
    expect(row.book_flag).toBeNull();
  });

  it('counts zero bids, crossed books and missing IVs, and shows an expiry under 5 quotes without a fit', () => {
    const F = 100_000;
    const chain = createChainState('BTC');
    const strikes = [90_000, 100_000, 110_000, 120_000];
    const names = strikes.map((K) => `BTC-2JAN26-${K}-C`);
    chain.seed(
      strikes.map((K, i) => instrument(names[i]!, E1, K, 'call', T0)),
      [
        summary(names[0]!, T0, 0.1, 0, 0.11, 0.5, F), // zero bid
        summary(names[1]!, T0, 0.02, 0.03, 0.02, 0.5, F), // crossed
        summary(names[2]!, T0, 0.005, 0.004, 0.006, null, F), // no IV
        summary(names[3]!, T0, 0.001, 0.0009, 0.0011, 0.6, F),
      ],
      F,
    );
    const s = computeSurface(chain.snapshot(), { stale: false, feed });
    const e = s.expiries[0]!;
    expect(e.counts).toEqual({ quotes: 3, no_iv: 1, zero_bid: 1, crossed: 1 });
    expect(e.fit).toBeNull();
    expect(e.svi).toBeNull();
    expect(e.fit_reason).toBe('3 quotes with an IV (at least 5 needed)');
    expect(e.points.map((p) => p.strike)).toEqual(strikes);
    expect(e.points[0]!.bid_iv).toBeNull();
    expect(e.points[0]!.ask_iv).not.toBeNull();
    expect(e.points[1]!.bid_iv).toBeNull();
    expect(e.points[1]!.ask_iv).toBeNull();
    expect(e.points[2]!.mark_iv).toBeNull();
    expect(s.counts).toEqual(e.counts);
  });

  it('follows marks by timestamp, listings by instrument.state, and rolls expiries off', () => {
    const c = syntheticChain({ days: [1, 7] });
    const chain = createChainState('BTC');
    chain.seed(c.instruments, c.summaries, c.index);
    const name = c.marks[0]!.instrument_name;
    expect(
      chain.applyMarkprice([
        { instrument_name: name, mark_price: 0.1, iv: 0.7, timestamp: T0 + 1000 },
      ]),
    ).toBe(true);
    expect(
      chain.applyMarkprice([
        { instrument_name: name, mark_price: 0.1, iv: 0.9, timestamp: T0 + 500 },
      ]),
    ).toBe(true);
    const row = () => chain.snapshot().options.find((o) => o.instrument_name === name)!;
    expect(row().mark_iv).toBeCloseTo(70, 12);
    expect(chain.asOf).toBe(T0 + 1000);
    expect(chain.applyMarkprice({ not: 'a list' })).toBe(false);
    expect(chain.applyMarkprice([{ iv: 0.5 }])).toBe(false);
    expect(chain.applyInstrumentState({ state: 'terminated', instrument_name: name })).toBe(true);
    expect(chain.snapshot().options.some((o) => o.instrument_name === name)).toBe(false);
    expect(
      chain.applyInstrumentState({ state: 'created', instrument_name: 'BTC-9JAN26-150000-C' }),
    ).toBe(true);
    expect(chain.snapshot().options.some((o) => o.instrument_name === 'BTC-9JAN26-150000-C')).toBe(
      true,
    );
    expect(chain.applyInstrumentState({ nonsense: 1 })).toBe(false);
    const n = chain.snapshot().options.length;
    const removed = chain.rollOff(E1);
    expect(removed).toBe(c.instruments.filter((i) => i.expiration_timestamp === E1).length - 1);
    expect(chain.snapshot().options).toHaveLength(n - removed);
    expect(chain.snapshot().options.every((o) => o.expiryMs > E1)).toBe(true);
  });

  it('recovers the known smile on a full chain: fits inside bid/ask, ATM and forward as built', () => {
    const c = syntheticChain();
    const chain = createChainState('BTC');
    chain.seed(c.instruments, c.summaries, c.index);
    chain.applyMarkprice(c.marks);
    const s = computeSurface(chain.snapshot(), { stale: false, feed });
    expect(s.expiries).toHaveLength(12);
    expect(s.counts.quotes).toBeGreaterThan(300);
    for (const e of s.expiries) {
      expect(e.forward).toBeCloseTo(100_500, 6);
      // Each slice is SVI: the fit recovers it to far under the ±1 point quotes.
      expect(e.fit!.rmse_iv).toBeLessThan(0.05);
      expect(e.fit!.inside_bid_ask).toBe(1);
      expect(e.metrics!.atm_iv).toBeCloseTo(100 * smileIv(0, e.T), 1);
      // Negative skew: puts over calls.
      expect(e.metrics!.rr25).toBeLessThan(0);
      // ATM straddle ≈ 0.8·σ√T·F.
      expect(e.metrics!.expected_move_usd / (0.8 * 0.5 * Math.sqrt(e.T) * 100_500)).toBeCloseTo(
        1,
        1,
      );
    }
    expect(s.arbitrage.calendar).toHaveLength(11);
    expect(s.ssvi!.expiries).toHaveLength(12);
    // The SSVI fit (on a subsample of strikes) recovers the surface the chain was built on.
    expect(s.ssvi!.rho).toBeCloseTo(SURFACE.rho, 4);
    expect(s.ssvi!.eta).toBeCloseTo(SURFACE.eta, 4);
    expect(s.ssvi!.gamma).toBeCloseTo(SURFACE.gamma, 4);
    expect(s.arbitrage.ok).toBe(true);
    expect(s.gex_total.total).toBeCloseTo(
      s.expiries.reduce((sum, e) => sum + e.gex.total, 0),
      6,
    );
  });
});
