/**
 * Positions from fills, one instrument at a time, in Deribit's units. Adding to a position averages the entry:
 * arithmetically for options (coin prices), harmonically for inverse futures (the USD notional over the coins
 * it bought, so that P&L = amount × (1/avg − 1/exit) holds for the whole position). Reducing realizes P&L on the
 * closed part at the average; a fill through zero closes and opens the rest at the fill price. Fees (coin) are
 * kept apart and taken off realized P&L.
 */
import { bookInstrument, type BookInstrument } from './instrument';

export interface Fill {
  instrument_name: string;
  direction: 'buy' | 'sell';
  /** Options: coins; futures and perpetuals: USD notional. Positive. */
  amount: number;
  /** Options: coin per coin; futures and perpetuals: USD per coin. Positive. */
  price: number;
  /** Coin, paid (positive) or rebated (negative). */
  fee?: number;
  timestamp: number;
}

export interface Position {
  instrument_name: string;
  instrument: BookInstrument;
  /** Signed: long positive. Options in coins, futures in USD. */
  amount: number;
  /** Average entry price (0 when flat). */
  avgPrice: number;
  /** Realized P&L in coin, fees included. */
  realizedPnl: number;
  /** Fees paid, coin. */
  fees: number;
  fills: number;
}

/** A flat position in `name`. */
export function emptyPosition(name: string, instrument = bookInstrument(name)): Position {
  return {
    instrument_name: name,
    instrument,
    amount: 0,
    avgPrice: 0,
    realizedPnl: 0,
    fees: 0,
    fills: 0,
  };
}

/** P&L in coin of `amount` (signed) entered at `entry` and closed at `exit`. */
export function closePnl(i: BookInstrument, amount: number, entry: number, exit: number): number {
  return i.kind === 'option' ? amount * (exit - entry) : amount * (1 / entry - 1 / exit);
}

/** The average entry after adding `add` (same sign as `held`) at `price`. */
function averageEntry(i: BookInstrument, held: number, avg: number, add: number, price: number) {
  const a = Math.abs(held);
  const b = Math.abs(add);
  if (i.kind === 'option') return (a * avg + b * price) / (a + b);
  return (a + b) / (a === 0 ? b / price : a / avg + b / price);
}

/**
 * The position after one fill (a new object).
 *
 * @example
 * let p = emptyPosition('BTC-PERPETUAL');
 * p = applyFill(p, { instrument_name: 'BTC-PERPETUAL', direction: 'buy', amount: 10_000, price: 50_000, timestamp: 0 });
 * p = applyFill(p, { instrument_name: 'BTC-PERPETUAL', direction: 'sell', amount: 10_000, price: 40_000, timestamp: 1 });
 * p.realizedPnl; // → -0.05: 10,000 × (1/50,000 − 1/40,000) BTC
 */
export function applyFill(p: Position, f: Fill): Position {
  if (!(f.amount > 0) || !(f.price > 0) || !Number.isFinite(f.amount) || !Number.isFinite(f.price))
    throw new RangeError(`invalid fill: amount ${f.amount}, price ${f.price}`);
  const fee = f.fee ?? 0;
  const signed = f.direction === 'buy' ? f.amount : -f.amount;
  const next = { ...p, fees: p.fees + fee, realizedPnl: p.realizedPnl - fee, fills: p.fills + 1 };
  if (p.amount === 0 || Math.sign(p.amount) === Math.sign(signed)) {
    next.avgPrice = averageEntry(p.instrument, p.amount, p.avgPrice, signed, f.price);
    next.amount = p.amount + signed;
    return next;
  }
  const closed = Math.abs(signed) >= Math.abs(p.amount) ? p.amount : -signed;
  next.realizedPnl += closePnl(p.instrument, closed, p.avgPrice, f.price);
  const rest = p.amount + signed;
  // A rest within rounding of zero is flat; the opposite side opens at the fill price.
  const flat = Math.abs(rest) <= 1e-12 * Math.abs(signed);
  next.amount = flat ? 0 : rest;
  next.avgPrice = flat ? 0 : Math.sign(rest) === Math.sign(p.amount) ? p.avgPrice : f.price;
  return next;
}

/**
 * Every instrument's position from fills in time order (ties keep input order); flat ones are kept, for their
 * realized P&L.
 *
 * @example
 * const fills = [
 *   { instrument_name: 'BTC-27MAR26-100000-C', direction: 'buy', amount: 2, price: 0.05, timestamp: 0 },
 *   { instrument_name: 'BTC-27MAR26-100000-C', direction: 'sell', amount: 1, price: 0.07, timestamp: 1 },
 * ];
 * positionsFromFills(fills)[0].realizedPnl; // → 0.02
 */
export function positionsFromFills(fills: readonly Fill[]): Position[] {
  const ordered = fills
    .map((f, i) => ({ f, i }))
    .sort((a, b) => a.f.timestamp - b.f.timestamp || a.i - b.i);
  const book = new Map<string, Position>();
  for (const { f } of ordered) {
    const p = book.get(f.instrument_name) ?? emptyPosition(f.instrument_name);
    book.set(f.instrument_name, applyFill(p, f));
  }
  return [...book.values()];
}
