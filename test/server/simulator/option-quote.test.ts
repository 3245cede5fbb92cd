/**
 * One simulated option quote: the live feed's quote for a market state equals the bundled chain generator's
 * for the same state and the same basis noise (the feed's noise for that seed and second), in the stressed
 * regime where the spread multiplier shows. Generator rows are built by `appendChainSnapshot` itself, fed a
 * scripted rng whose draws are the feed's basis noise (and 0 for the open-interest noise).
 */
import { describe, expect, it } from 'vitest';
import { createRng, type Rng } from '../../../cells/random';
import { appendChainSnapshot, createChainColumns } from '../../../server/simulator/chain';
import { COINS } from '../../../server/simulator/coins';
import { listExpiries } from '../../../server/simulator/expiries';
import { liveBasisNoise, optionForward } from '../../../server/simulator/option-quote';
import { volSnapshotOf } from '../../../server/simulator/snapshot';
import { createMarketState, type MarketState } from '../../../server/simulator/state';
import type { OptionQuote } from '../../../server/sources/simulated/feed';
import { createSimulatorFeed } from '../../../server/sources/simulated/simulator-feed';

const T0 = Date.UTC(2026, 1, 3, 14);
const SEED = 42;

function stateIn(regime: 0 | 2): MarketState {
  const s = createMarketState(
    T0 / 1000,
    COINS.map((c) => Math.log(c.anchors[c.anchors.length - 1]![1])),
  );
  return { ...s, regime };
}

/** An rng whose `normal()` returns `draws` in order. */
function scripted(draws: number[]): Rng {
  let i = 0;
  const rng = createRng(1);
  return {
    ...rng,
    normal: () => {
      if (i >= draws.length) throw new Error('more draws than scripted');
      return draws[i++]!;
    },
  };
}

function compare(regime: 0 | 2) {
  const state = stateIn(regime);
  const feedOptions = createSimulatorFeed({ state, seed: SEED, currencies: ['BTC'] }).options(
    'BTC',
  );
  const expiries = listExpiries(T0);
  const noise = liveBasisNoise(SEED, 0, T0, expiries.length);
  const draws = expiries.flatMap((e, i) => {
    const strikes = feedOptions.filter((o) => o.expiryMs === e).length / 2;
    return [noise[i]!, ...Array<number>(4 * strikes).fill(0)];
  });
  const cols = createChainColumns(16);
  const indexPrice = Math.exp(state.logPrices[0]!);
  appendChainSnapshot(
    cols,
    { t: T0, coin: 0, indexPrice, snap: volSnapshotOf(state, 0) },
    scripted(draws),
  );
  const byKey = new Map<string, OptionQuote>(
    feedOptions.map((o) => [`${o.expiryMs}|${o.strike}|${o.optionType}`, o]),
  );
  return { cols, byKey, feedOptions, noise, expiries, indexPrice };
}

describe('the simulated option quote', () => {
  for (const regime of [0, 2] as const)
    it(`is the same in the live feed and the bundled generator (regime ${regime})`, () => {
      const { cols, byKey, feedOptions } = compare(regime);
      const c = cols.columns;
      expect(cols.length).toBe(feedOptions.length);
      for (let i = 0; i < cols.length; i++) {
        const type = c.is_call[i] === 1 ? 'call' : 'put';
        const o = byKey.get(`${c.expiry_ms[i]}|${c.strike[i]}|${type}`)!;
        expect(o, `row ${i}`).toBeDefined();
        expect([
          o.underlying_price,
          o.mark_iv,
          o.bid_iv,
          o.ask_iv,
          o.mark_price,
          o.best_bid_price,
          o.best_ask_price,
          o.delta,
          o.gamma,
          o.vega,
          o.theta,
          o.rho,
          o.open_interest,
        ]).toEqual([
          c.underlying_price[i],
          c.mark_iv[i],
          c.bid_iv[i],
          c.ask_iv[i],
          c.mark_price[i],
          c.best_bid_price[i],
          c.best_ask_price[i],
          c.delta[i],
          c.gamma[i],
          c.vega[i],
          c.theta[i],
          c.rho[i],
          c.open_interest[i],
        ]);
      }
    });

  it('applies the basis noise to the forward and to the listed futures', () => {
    const { feedOptions, noise, expiries, indexPrice } = compare(2);
    const feed = createSimulatorFeed({ state: stateIn(2), seed: SEED, currencies: ['BTC'] });
    const futures = feed.futures('BTC');
    expiries.forEach((expiry, i) => {
      const years = (expiry - T0) / (365 * 86_400_000);
      const F = feedOptions.find((o) => o.expiryMs === expiry)!.underlying_price;
      expect(F).toBe(optionForward(indexPrice, 2, years, noise[i]!));
      expect(F).not.toBe(optionForward(indexPrice, 2, years, 0));
      const future = futures.find((f) => f.expiryMs === expiry);
      if (future) expect(future.mark_price).toBeCloseTo(F, 6);
    });
  });

  it('widens the spread by 1.8 in the stressed regime', () => {
    const atmSpread = (regime: 0 | 2) => {
      const { feedOptions } = compare(regime);
      const o = feedOptions.reduce((best, x) =>
        Math.abs(Math.log(x.strike / x.underlying_price)) <
        Math.abs(Math.log(best.strike / best.underlying_price))
          ? x
          : best,
      );
      return { spread: o.ask_iv - o.bid_iv, key: `${o.expiryMs}|${o.strike}` };
    };
    const calm = atmSpread(0);
    const stressed = atmSpread(2);
    // Near the money the half spread is 0.55 vol points times the regime's multiplier (plus the z term).
    expect(stressed.spread / calm.spread).toBeGreaterThan(1.6);
    expect(stressed.spread / calm.spread).toBeLessThan(2);
  });
});
