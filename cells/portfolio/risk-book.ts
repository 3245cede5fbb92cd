/**
 * One currency's book laid out for revaluation: options as columns (amount, strike, forward, years, IV at the
 * mark, call/put) with the expiry's smile, inverse futures and perpetuals as (amount, entry, mark). Built once per
 * marking; scenarios and VaR then reprice it many times.
 */
import type { BookCurrency } from './instrument';
import type { MarkedPosition } from './mark';
import { MS_PER_YEAR } from '../time';
import { blackFast } from './black-fast';

/** Implied vol (a fraction) as a function of log-moneyness k = ln(K/F) for one expiry. */
export type Smile = (k: number) => number;

export interface RiskBook {
  currency: BookCurrency;
  /** USD per coin now. */
  index: number;
  options: {
    amount: Float64Array;
    strike: Float64Array;
    forward: Float64Array;
    years: Float64Array;
    iv: Float64Array;
    /** +1 call, −1 put. */
    sign: Int8Array;
    /** Black-76 USD price now (at the mark IV), the base every revaluation compares against. */
    base: Float64Array;
    /** The smile's IV at today's moneyness (0 without a smile). */
    smileAtMark: Float64Array;
    /** The expiry's smile, or null: flat at the mark IV (sticky moneyness then keeps the IV as it is). */
    smile: (Smile | null)[];
  };
  linear: { amount: Float64Array; entry: Float64Array; mark: Float64Array };
}

/**
 * The revaluation layout of `currency`'s open positions; options without a usable forward or IV are refused,
 * since a risk figure that silently left them out would understate the book.
 *
 * @example
 * const p = { instrument_name: 'BTC-PERPETUAL', instrument: { kind: 'perpetual', currency: 'BTC' }, amount: 10_000, avgPrice: 50_000, realizedPnl: 0, fees: 0, fills: 1 };
 * const marked = vol.portfolio.markPosition(p, { price: 40_000, index: 40_000, timestamp: 0 }, 0);
 * riskBook([marked], 'BTC', 0).linear.amount[0]; // → 10000
 */
export function riskBook(
  marked: readonly MarkedPosition[],
  currency: BookCurrency,
  nowMs: number,
  smiles: ReadonlyMap<number, Smile> = new Map(),
): RiskBook {
  const open = marked.filter(
    (m) => m.position.instrument.currency === currency && m.position.amount !== 0,
  );
  const opts = open.filter((m) => m.position.instrument.kind === 'option');
  const lin = open.filter((m) => m.position.instrument.kind !== 'option');
  const index = open[0]?.mark.index ?? NaN;
  const book: RiskBook = {
    currency,
    index,
    options: {
      amount: new Float64Array(opts.length),
      strike: new Float64Array(opts.length),
      forward: new Float64Array(opts.length),
      years: new Float64Array(opts.length),
      iv: new Float64Array(opts.length),
      sign: new Int8Array(opts.length),
      base: new Float64Array(opts.length),
      smileAtMark: new Float64Array(opts.length),
      smile: [],
    },
    linear: {
      amount: Float64Array.from(lin, (m) => m.position.amount),
      entry: Float64Array.from(lin, (m) => m.position.avgPrice),
      mark: Float64Array.from(lin, (m) => m.mark.price),
    },
  };
  opts.forEach((m, j) => {
    const i = m.position.instrument;
    if (i.kind !== 'option') return;
    const F = m.mark.underlying ?? NaN;
    const iv = (m.mark.iv ?? NaN) / 100;
    if (!(F > 0) || !(iv > 0))
      throw new RangeError(`no forward or IV to revalue ${m.position.instrument_name}`);
    const o = book.options;
    o.amount[j] = m.position.amount;
    o.strike[j] = i.strike;
    o.forward[j] = F;
    o.years[j] = Math.max(i.expiryMs - nowMs, 0) / MS_PER_YEAR;
    o.iv[j] = iv;
    o.sign[j] = i.optionType === 'call' ? 1 : -1;
    o.base[j] = blackFast(F, i.strike, iv * Math.sqrt(o.years[j]!), o.sign[j]!);
    const smile = smiles.get(i.expiryMs) ?? null;
    o.smileAtMark[j] = smile ? smile(Math.log(i.strike / F)) : 0;
    o.smile.push(smile);
  });
  return book;
}
