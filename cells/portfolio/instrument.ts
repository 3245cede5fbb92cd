/**
 * The instruments a book holds: Deribit's coin-settled (inverse) BTC and ETH options, futures and perpetuals.
 * Options trade in coin (amount in coins, price in coin per coin); futures and perpetuals in USD (amount is USD
 * notional, price USD per coin), so their P&L in coin is amount × (1/entry − 1/exit).
 */
import { parseInstrument } from '../options/instruments';

export const BOOK_CURRENCIES = ['BTC', 'ETH'] as const;
export type BookCurrency = (typeof BOOK_CURRENCIES)[number];

export type BookInstrument =
  | {
      kind: 'option';
      currency: BookCurrency;
      expiryMs: number;
      strike: number;
      optionType: 'call' | 'put';
    }
  | { kind: 'future'; currency: BookCurrency; expiryMs: number }
  | { kind: 'perpetual'; currency: BookCurrency };

/**
 * Parse an instrument a book may hold; throws a RangeError naming the reason (unknown, linear, expired at `nowMs`).
 *
 * @example
 * bookInstrument('BTC-27MAR26-100000-C').strike; // → 100000
 * bookInstrument('ETH-PERPETUAL').kind; // → 'perpetual'
 */
export function bookInstrument(name: string, nowMs = -Infinity): BookInstrument {
  const info = parseInstrument(name);
  if (info.quote !== null || !(BOOK_CURRENCIES as readonly string[]).includes(info.base))
    throw new RangeError(`unsupported instrument (BTC and ETH coin-settled only): ${name}`);
  const currency = info.base as BookCurrency;
  if ((info.kind === 'option' || info.kind === 'future') && info.expiryMs <= nowMs)
    throw new RangeError(`instrument expired: ${name}`);
  switch (info.kind) {
    case 'option':
      return {
        kind: 'option',
        currency,
        expiryMs: info.expiryMs,
        strike: info.strike,
        optionType: info.optionType,
      };
    case 'future':
      return { kind: 'future', currency, expiryMs: info.expiryMs };
    case 'perpetual':
      return { kind: 'perpetual', currency };
    default:
      throw new RangeError(`unsupported instrument: ${name}`);
  }
}

/** Whether the instrument is quoted in USD with inverse (coin) settlement: futures and perpetuals. */
export const isInverseLinear = (i: BookInstrument): boolean => i.kind !== 'option';
