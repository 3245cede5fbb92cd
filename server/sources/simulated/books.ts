/**
 * Simulated order books: five levels a side around the quote, one tick apart, with amounts that are a pure
 * hash of (instrument, side, level, 5-second bucket), so a book is a function of the quote and the time.
 * `diffLevels` turns the old and new levels into Deribit's `[action, price, amount]` changes.
 */
export type Level = [price: number, amount: number];
export type Change = ['new' | 'change' | 'delete', number, number];

export interface BookLevels {
  bids: Level[];
  asks: Level[];
}

export const BOOK_DEPTH = 5;

/** FNV-1a of a string and numbers → [0, 1). */
export function hashUnit(text: string, ...values: number[]): number {
  let h = 0x811c9dc5;
  const s = `${text}|${values.join('|')}`;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 12;
  return (h >>> 0) / 2 ** 32;
}

export function roundToTick(price: number, tick: number, mode: 'down' | 'up'): number {
  const n = mode === 'down' ? Math.floor(price / tick + 1e-9) : Math.ceil(price / tick - 1e-9);
  return Number((n * tick).toFixed(8));
}

/**
 * Levels for a bid/ask quote at time `t` (ms).
 *
 * @example
 * bookLevels('BTC-PERPETUAL', 99_990, 100_010, 0.5, 10, t);
 */
export function bookLevels(
  name: string,
  bid: number,
  ask: number,
  tick: number,
  lot: number,
  t: number,
): BookLevels {
  const bucket = Math.floor(t / 5000);
  let b = roundToTick(bid, tick, 'down');
  let a = roundToTick(ask, tick, 'up');
  if (a <= b) a = Number((b + tick).toFixed(8));
  const amount = (side: number, level: number) =>
    lot * (1 + Math.floor(20 * hashUnit(name, side, level, bucket)));
  const bids: Level[] = [];
  const asks: Level[] = [];
  for (let i = 0; i < BOOK_DEPTH; i++) {
    if (b > 0) bids.push([b, amount(0, i)]);
    asks.push([a, amount(1, i)]);
    b = Number((b - tick).toFixed(8));
    a = Number((a + tick).toFixed(8));
  }
  return { bids, asks };
}

/** Changes that turn `before` into `after` (one side). */
export function diffLevels(before: readonly Level[], after: readonly Level[]): Change[] {
  const old = new Map(before.map(([p, q]) => [p, q]));
  const next = new Map(after.map(([p, q]) => [p, q]));
  const out: Change[] = [];
  for (const [p] of old) if (!next.has(p)) out.push(['delete', p, 0]);
  for (const [p, q] of next) {
    const was = old.get(p);
    if (was === undefined) out.push(['new', p, q]);
    else if (was !== q) out.push(['change', p, q]);
  }
  return out;
}
