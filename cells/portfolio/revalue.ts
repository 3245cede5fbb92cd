/**
 * Full revaluation of a risk book under moves of the underlying, a parallel vol shift and time passing.
 * Sticky moneyness: the forward moves with spot and each option keeps the IV of its moneyness, i.e. its IV is the
 * smile's at the new k = ln(K/F') plus the mark's own offset from the smile (so an unmoved market reprices at the
 * mark); vol shifts add to that and are floored at zero. Futures and perpetuals move with spot. The loops run
 * position by position over all moves at once (the grid and VaR reprice a book a million times), with the
 * textbook Black-76 of black-fast.ts inlined.
 */
import { normalCdf } from '../math/normal';
import type { RiskBook } from './risk-book';

const DAYS_PER_YEAR = 365;

export interface Revaluation {
  /** Change of the book's value in USD (coin value × the moved index). */
  pnlUsd: number;
  /** Change of its value in coin. */
  pnlCoin: number;
}

/**
 * Add the book's P&L under each log move `moves[d]` of its underlying (vols shifted by `volShift`, a fraction:
 * one shift for every move, or `volShift[d]` with move d, e.g. the same day's IV change; `days` ahead) into
 * `usd[d]` and, when given, `coin[d]`.
 *
 * @example
 * const p = { instrument_name: 'BTC-PERPETUAL', instrument: { kind: 'perpetual', currency: 'BTC' }, amount: 10_000, avgPrice: 50_000, realizedPnl: 0, fees: 0, fills: 1 };
 * const book = vol.portfolio.riskBook([vol.portfolio.markPosition(p, { price: 50_000, index: 50_000, timestamp: 0 }, 0)], 'BTC', 0);
 * const usd = new Float64Array(2);
 * addPnl(book, Float64Array.of(Math.log(1.1), Math.log(0.9)), 0, 0, usd);
 * usd; // → [1000, -1000]
 */
export function addPnl(
  book: RiskBook,
  moves: Float64Array,
  volShift: number | Float64Array,
  days: number,
  usd: Float64Array,
  coin?: Float64Array,
): void {
  const n = moves.length;
  const shifts = typeof volShift === 'number' ? null : volShift;
  if (shifts && shifts.length !== n) throw new RangeError('one vol shift per move');
  const parallel = shifts ? 0 : (volShift as number);
  const S = book.index;
  const dt = days / DAYS_PER_YEAR;
  const o = book.options;
  const growth = new Float64Array(n);
  for (let d = 0; d < n; d++) growth[d] = Math.exp(moves[d]!);
  for (let j = 0; j < o.amount.length; j++) {
    const F = o.forward[j]!;
    const K = o.strike[j]!;
    const call = o.sign[j]! > 0;
    const k0 = Math.log(K / F);
    const sqrtT1 = Math.sqrt(Math.max(o.years[j]! - dt, 0));
    const smile = o.smile[j];
    const ivAtMark = o.iv[j]! + parallel - (smile ? o.smileAtMark[j]! : 0);
    const base = o.base[j]!;
    const a = o.amount[j]!;
    const toUsd = (a * S) / F;
    for (let d = 0; d < n; d++) {
      const x = moves[d]!;
      const Fg = F * growth[d]!;
      const iv = (smile ? ivAtMark + smile(k0 - x) : ivAtMark) + (shifts === null ? 0 : shifts[d]!);
      const sd = iv > 0 ? iv * sqrtT1 : 0;
      let price: number;
      if (sd > 0) {
        const d1 = (x - k0) / sd + 0.5 * sd;
        price = call
          ? Fg * normalCdf(d1) - K * normalCdf(d1 - sd)
          : K * normalCdf(sd - d1) - Fg * normalCdf(-d1);
      } else price = Math.max(call ? Fg - K : K - Fg, 0);
      // USD value is the coin value (price / F') at the moved index S·F'/F.
      usd[d]! += toUsd * (price - base);
      if (coin) coin[d]! += a * (price / Fg - base / F);
    }
  }
  const l = book.linear;
  for (let j = 0; j < l.amount.length; j++) {
    const A = l.amount[j]!;
    const E = l.entry[j]!;
    const F = l.mark[j]!;
    const before = A * (1 / E - 1 / F);
    for (let d = 0; d < n; d++) {
      const g = growth[d]!;
      const after = A * (1 / E - 1 / (F * g));
      usd[d]! += after * S * g - before * S;
      if (coin) coin[d]! += after - before;
    }
  }
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
  if (!(spotShock > -1)) throw new RangeError(`invalid spotShock: ${spotShock}`);
  const usd = new Float64Array(1);
  const coin = new Float64Array(1);
  addPnl(book, Float64Array.of(Math.log1p(spotShock)), volShift, days, usd, coin);
  return { pnlUsd: usd[0]!, pnlCoin: coin[0]! };
}
