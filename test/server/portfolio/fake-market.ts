/**
 * A fixed market for portfolio tests: BTC at 100,000 with two March 2026 calls marked (the 100,000 call at
 * 0.07 BTC, 55% on a 100,500 forward, 2 s old; the 110,000 call at 0.04, 52%), the March future on that forward,
 * and a flat 50% smile. ETH has no market.
 */
import type { BookMarket, MarkSource } from '../../../server/portfolio/marks';
import type { DailyReturns } from '../../../server/portfolio/history';
import { createRng } from '../../../cells/random';

export const NOW = Date.UTC(2026, 1, 25, 8);
export const MAR = Date.UTC(2026, 2, 27, 8);

export function fakeMarks(options: { failBtc?: boolean } = {}): MarkSource {
  const btc: BookMarket = {
    currency: 'BTC',
    index: 100_000,
    asOf: NOW - 1000,
    smiles: new Map([[MAR, () => 0.5]]),
    listed: new Set(['BTC-27MAR26-100000-C', 'BTC-27MAR26-110000-C']),
    expiries: [MAR],
    mark(name, kind, expiryMs) {
      if (kind === 'perpetual')
        return { price: 100_000, index: 100_000, timestamp: NOW - 1000, source: 'index' };
      if (kind === 'future' && expiryMs === MAR)
        return { price: 100_500, index: 100_000, timestamp: NOW - 1000, source: 'expiry_forward' };
      const option = {
        'BTC-27MAR26-100000-C': { price: 0.07, iv: 55 },
        'BTC-27MAR26-110000-C': { price: 0.04, iv: 52 },
      }[name];
      if (!option) return null;
      return {
        ...option,
        index: 100_000,
        underlying: 100_500,
        timestamp: NOW - 2000,
        source: 'option_mark',
      };
    },
  };
  return {
    market: async (currency) => {
      if (currency !== 'BTC' || options.failBtc) throw new Error(`no ${currency} market`);
      return btc;
    },
  };
}

/** 500 seeded daily returns (3% daily vol for BTC, 4% for ETH), and IV changes (about 2 vol points a day). */
export function fakeReturns(): DailyReturns {
  const rng = createRng(3);
  const days = Array.from({ length: 500 }, (_, i) =>
    new Date(Date.UTC(2024, 0, 2 + i)).toISOString().slice(0, 10),
  );
  return {
    days,
    byCurrency: {
      BTC: Float64Array.from(days, () => 0.03 * rng.normal()),
      ETH: Float64Array.from(days, () => 0.04 * rng.normal()),
    },
    volChanges: {
      BTC: Float64Array.from(days, () => 0.02 * rng.normal()),
      ETH: Float64Array.from(days, () => 0.02 * rng.normal()),
    },
  };
}
