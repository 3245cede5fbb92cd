/**
 * Full revaluation of a risk book under a move of the underlying, a parallel vol shift and time passing.
 * Sticky moneyness: the forward moves with spot and each option keeps the IV of its moneyness, i.e. its IV is the
 * smile's at the new k = ln(K/F') plus the mark's own offset from the smile (so an unmoved market reprices at the
 * mark); vol shifts add to that and are floored at zero. Futures and perpetuals move with spot.
 */
import { blackFast } from './black-fast';
import type { RiskBook } from './risk-book';

const DAYS_PER_YEAR = 365;

export interface Revaluation {
  /** Change of the book's value in USD (coin value × the moved index). */
  pnlUsd: number;
  /** Change of its value in coin. */
  pnlCoin: number;
}

/**
 * The book's P&L when spot moves by `spotShock` (0.1 = +10%), vols by `volShift` (0.05 = +5 points) and `days`
 * pass, against its value now.
 *
 * @example
 * const p = { instrument_name: 'BTC-PERPETUAL', instrument: { kind: 'perpetual', currency: 'BTC' }, amount: 10_000, avgPrice: 50_000, realizedPnl: 0, fees: 0, fills: 1 };
 * const book = vol.portfolio.riskBook([vol.portfolio.markPosition(p, { price: 50_000, index: 50_000, timestamp: 0 }, 0)], 'BTC', 0);
 * revalue(book, 0.1, 0, 0).pnlUsd; // → 1000
 */
export function revalue(
  book: RiskBook,
  spotShock: number,
  volShift: number,
  days: number,
): Revaluation {
  const out = { pnlUsd: 0, pnlCoin: 0 };
  revalueInto(book, spotShock, volShift, days, out);
  return out;
}

/** As `revalue`, into `out` (no allocation: the grid and VaR call it in their inner loop). */
export function revalueInto(
  book: RiskBook,
  spotShock: number,
  volShift: number,
  days: number,
  out: Revaluation,
): void {
  const g = 1 + spotShock;
  const S = book.index;
  const logG = Math.log(g);
  const dt = days / DAYS_PER_YEAR;
  let usd = 0;
  let coin = 0;
  const o = book.options;
  for (let j = 0; j < o.amount.length; j++) {
    const F = o.forward[j]!;
    const K = o.strike[j]!;
    const sign = o.sign[j]!;
    const T = o.years[j]!;
    const smile = o.smile[j];
    let iv = o.iv[j]!;
    if (smile) iv += smile(Math.log(K / F) - logG) - o.smileAtMark[j]!;
    iv = Math.max(iv + volShift, 0);
    const T1 = Math.max(T - dt, 0);
    const before = o.base[j]!;
    const after = blackFast(F * g, K, iv * Math.sqrt(T1), sign);
    const a = o.amount[j]!;
    // Coin value is the USD price over the forward; USD value is that coin at the (moved) index.
    coin += a * (after / (F * g) - before / F);
    usd += a * (after - before) * (S / F);
  }
  const l = book.linear;
  for (let j = 0; j < l.amount.length; j++) {
    const A = l.amount[j]!;
    const E = l.entry[j]!;
    const F = l.mark[j]!;
    const before = A * (1 / E - 1 / F);
    const after = A * (1 / E - 1 / (F * g));
    coin += after - before;
    usd += after * S * g - before * S;
  }
  out.pnlUsd = usd;
  out.pnlCoin = coin;
}
