/**
 * The scenario grid: the book fully revalued (Black-76, sticky moneyness: see revalue.ts) at every combination
 * of a spot move, a parallel vol shift and a horizon. Defaults: spot −30%..+30% and vol −20..+20 points in 21
 * steps each, 0, 1 and 7 days ahead.
 */
import { addPnl } from './revalue';
import type { RiskBook } from './risk-book';

export interface ScenarioOptions {
  /** Relative spot moves (0.1 = +10%). */
  spotShocks?: readonly number[];
  /** Vol shifts as fractions (0.05 = +5 vol points). */
  volShifts?: readonly number[];
  /** Days ahead. */
  horizons?: readonly number[];
}

export interface ScenarioGrid {
  spotShocks: number[];
  volShifts: number[];
  horizons: number[];
  /** P&L in USD, indexed [(h · volShifts + v) · spotShocks + s]. */
  pnlUsd: Float64Array;
  pnlCoin: Float64Array;
}

/** `n` evenly spaced values from `lo` to `hi`. */
export const steps = (lo: number, hi: number, n: number): number[] =>
  Array.from({ length: n }, (_, i) => (n === 1 ? lo : lo + ((hi - lo) * i) / (n - 1)));

/**
 * @example
 * const p = { instrument_name: 'BTC-PERPETUAL', instrument: { kind: 'perpetual', currency: 'BTC' }, amount: 10_000, avgPrice: 50_000, realizedPnl: 0, fees: 0, fills: 1 };
 * const book = vol.portfolio.riskBook([vol.portfolio.markPosition(p, { price: 50_000, index: 50_000, timestamp: 0 }, 0)], 'BTC', 0);
 * scenarioGrid(book).pnlUsd[0]; // → -3000: spot −30%, any vol, today
 */
export function scenarioGrid(book: RiskBook, options: ScenarioOptions = {}): ScenarioGrid {
  const spotShocks = [...(options.spotShocks ?? steps(-0.3, 0.3, 21))];
  const volShifts = [...(options.volShifts ?? steps(-0.2, 0.2, 21))];
  const horizons = [...(options.horizons ?? [0, 1, 7])];
  if (spotShocks.some((s) => !(s > -1) || !Number.isFinite(s)))
    throw new RangeError('invalid spotShocks: each must be above −1');
  if (volShifts.some((v) => !Number.isFinite(v))) throw new RangeError('invalid volShifts');
  if (horizons.some((h) => !(h >= 0) || !Number.isFinite(h)))
    throw new RangeError('invalid horizons');
  const n = spotShocks.length * volShifts.length * horizons.length;
  const pnlUsd = new Float64Array(n);
  const pnlCoin = new Float64Array(n);
  const moves = Float64Array.from(spotShocks, (x) => Math.log1p(x));
  const ns = spotShocks.length;
  horizons.forEach((h, hi) =>
    volShifts.forEach((v, vi) => {
      const at = (hi * volShifts.length + vi) * ns;
      addPnl(book, moves, v, h, pnlUsd.subarray(at, at + ns), pnlCoin.subarray(at, at + ns));
    }),
  );
  return { spotShocks, volShifts, horizons, pnlUsd, pnlCoin };
}
