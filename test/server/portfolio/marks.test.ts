import { describe, expect, it } from 'vitest';
import { bookMarket } from '../../../server/portfolio/marks';
import type { ChainSnapshot, OptionRow } from '../../../server/surface/chain-state';
import type { SurfaceExpiry, SurfaceState } from '../../../server/contract';

const MAR = Date.UTC(2026, 2, 27, 8);
const JUN = Date.UTC(2026, 5, 26, 8);
const row = (over: Partial<OptionRow>): OptionRow =>
  ({
    instrument_name: 'BTC-27MAR26-100000-C',
    expiryMs: MAR,
    strike: 100_000,
    type: 'call',
    mark_iv: 55,
    mark_price: 0.07,
    mark_t: 1_000,
    underlying_price: 100_300,
    ...over,
  }) as OptionRow;
const chain: ChainSnapshot = {
  currency: 'BTC',
  asOf: 2_000,
  index: 100_000,
  refreshIndex: 99_900,
  dvol: 50,
  options: [
    row({}),
    row({
      instrument_name: 'BTC-26JUN26-90000-P',
      expiryMs: JUN,
      strike: 90_000,
      type: 'put',
      mark_iv: null,
    }),
  ],
};
const svi = { a: 0.02, b: 0.1, rho: -0.3, m: 0, sigma: 0.1 };
const surface = {
  currency: 'BTC',
  index_price: 100_000,
  expiries: [{ expiry_ms: MAR, T: 0.1, forward: 100_400, svi } as SurfaceExpiry],
} as SurfaceState;

describe('marks from the live chain', () => {
  const market = bookMarket(chain, surface);

  it('an option: its own mark and IV on its expiry’s forward, stamped with the mark’s time', () => {
    expect(market.mark('BTC-27MAR26-100000-C', 'option', MAR)).toEqual({
      price: 0.07,
      index: 100_000,
      underlying: 100_400,
      iv: 55,
      timestamp: 1_000,
      source: 'option_mark',
    });
    expect(market.mark('BTC-26JUN26-90000-P', 'option', JUN)).toBeNull(); // no IV: unmarked
    expect(market.mark('BTC-27MAR26-120000-C', 'option', MAR)).toBeNull(); // not in the chain
  });

  it('futures on their expiry’s forward, else the index; perpetuals on the index', () => {
    expect(market.mark('BTC-27MAR26', 'future', MAR)).toMatchObject({
      price: 100_400,
      source: 'expiry_forward',
    });
    expect(market.mark('BTC-25SEP26', 'future', Date.UTC(2026, 8, 25, 8))).toMatchObject({
      price: 100_000,
      source: 'index',
    });
    expect(market.mark('BTC-PERPETUAL', 'perpetual', null)).toMatchObject({
      price: 100_000,
      timestamp: 2_000,
    });
  });

  it('the smile is the SVI fit as implied vol of log-moneyness', () => {
    const k = 0.2;
    const w = svi.a + svi.b * (svi.rho * (k - svi.m) + Math.hypot(k - svi.m, svi.sigma));
    expect(market.smiles.get(MAR)!(k)).toBeCloseTo(Math.sqrt(w / 0.1), 14);
    expect(market.smiles.has(JUN)).toBe(false);
    expect([...market.listed].sort()).toEqual(['BTC-26JUN26-90000-P', 'BTC-27MAR26-100000-C']);
  });
});
