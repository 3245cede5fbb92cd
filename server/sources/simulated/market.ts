/**
 * The simulated exchange's state machine: a `MarketFeed` plus what an exchange adds on top (order books with
 * change ids, a trade log, recorded index and DVOL samples). `tick(t)` advances everything to `t` and reports
 * what changed, for the WebSocket layer to publish. Transport-free: HTTP and WS both read from here.
 */
import { createRng, type Rng } from '../../../cells/random';
import type { Trade } from '../deribit/records';
import { bookLevels, diffLevels, type BookLevels, type Change } from './books';
import type { FutureQuote, MarketFeed, OptionQuote } from './feed';
import { createTradeLog, generateTrades, type TradeLog } from './trades';

export interface BookState extends BookLevels {
  instrument_name: string;
  change_id: number;
  timestamp: number;
}

export interface BookChange {
  instrument_name: string;
  timestamp: number;
  prev_change_id: number;
  change_id: number;
  bids: Change[];
  asks: Change[];
}

export interface TickEvent {
  t: number;
  trades: Trade[];
  books: BookChange[];
}

export interface Sample {
  t: number;
  index: number;
  dvol: number;
}

export type Quote = { kind: 'option'; q: OptionQuote } | { kind: 'future'; q: FutureQuote };

export interface SimulatedMarket {
  readonly feed: MarketFeed;
  time(): number;
  tick(t: number): TickEvent;
  quote(instrument: string): Quote | null;
  bidAsk(instrument: string): [number, number];
  /** The book now; starts tracking it so ticks report its changes. */
  book(instrument: string): BookState;
  trades(currency: string): readonly Trade[];
  samples(currency: string): readonly Sample[];
  onTick(listener: (e: TickEvent) => void): () => void;
}

export interface MarketOptions {
  seed?: number;
  /** Trades per second per currency. */
  tradeRate?: number;
}

export function tickSize(instrument: string, kind: 'option' | 'future'): number {
  if (kind === 'option') return 0.0001;
  return instrument.startsWith('BTC') ? 0.5 : 0.05;
}

/**
 * @example
 * const market = createSimulatedMarket(createSimulatorFeed({state, seed: 42}));
 * market.tick(Date.now());
 */
export function createSimulatedMarket(
  feed: MarketFeed,
  options: MarketOptions = {},
): SimulatedMarket {
  const rng: Rng = createRng(options.seed ?? 1);
  // Trade ids start at the feed's ms clock, so an exchange restarted later never reuses an id (≪ 1 trade/ms).
  const firstId = Math.max(1, Math.floor(feed.time()));
  const logs = new Map<string, TradeLog>(
    feed.currencies().map((c) => [c, createTradeLog(firstId)]),
  );
  const samples = new Map<string, Sample[]>(feed.currencies().map((c) => [c, []]));
  const books = new Map<string, BookState>();
  const listeners = new Set<(e: TickEvent) => void>();
  let last = feed.time();

  const indexes = new WeakMap<readonly OptionQuote[], Map<string, OptionQuote>>();
  const quote = (name: string): Quote | null => {
    const currency = name.split(/[-_]/)[0]!;
    if (!logs.has(currency)) return null;
    if (!/-[CP]$/.test(name)) {
      const f = feed.futures(currency).find((x) => x.instrument_name === name);
      return f ? { kind: 'future', q: f } : null;
    }
    const list = feed.options(currency);
    let index = indexes.get(list);
    if (!index) indexes.set(list, (index = new Map(list.map((o) => [o.instrument_name, o]))));
    const o = index.get(name);
    return o ? { kind: 'option', q: o } : null;
  };
  const bidAsk = (name: string): [number, number] => {
    const q = quote(name);
    if (!q) throw new RangeError(`invalid instrument_name: ${name}`);
    if (q.kind === 'option') return [q.q.best_bid_price, q.q.best_ask_price];
    const half = Math.max(0.5, q.q.mark_price * 5e-5);
    return [q.q.mark_price - half, q.q.mark_price + half];
  };
  const levelsOf = (name: string, t: number): BookLevels => {
    const q = quote(name)!;
    const [bid, ask] = bidAsk(name);
    const lot = q.kind === 'option' ? 0.1 : 10;
    return bookLevels(name, bid, ask, tickSize(name, q.kind), lot, t);
  };
  const record = (t: number) => {
    for (const c of feed.currencies()) {
      const s = samples.get(c)!;
      if (s.length === 0 || t - s[s.length - 1]!.t >= 1000)
        s.push({ t, index: feed.indexPrice(c), dvol: feed.dvol(c) });
    }
  };
  record(last);

  return {
    feed,
    time: () => last,
    tick(t) {
      if (!(t > last)) return { t: last, trades: [], books: [] };
      const dt = t - last;
      feed.advance(t);
      last = t;
      const trades: Trade[] = [];
      for (const c of feed.currencies()) {
        const q = { index: feed.indexPrice(c), futures: feed.futures(c), options: feed.options(c) };
        trades.push(...generateTrades(logs.get(c)!, q, t, dt, rng, c, options.tradeRate));
      }
      const changes: BookChange[] = [];
      for (const [name, b] of books) {
        if (!quote(name)) {
          books.delete(name);
          continue;
        }
        const next = levelsOf(name, t);
        const bids = diffLevels(b.bids, next.bids);
        const asks = diffLevels(b.asks, next.asks);
        if (bids.length + asks.length === 0) continue;
        const prev = b.change_id;
        Object.assign(b, next, { change_id: prev + 1, timestamp: t });
        changes.push({
          instrument_name: name,
          timestamp: t,
          prev_change_id: prev,
          change_id: prev + 1,
          bids,
          asks,
        });
      }
      record(t);
      const event = { t, trades, books: changes };
      for (const listener of listeners) listener(event);
      return event;
    },
    quote,
    bidAsk,
    book(name) {
      let b = books.get(name);
      if (!b) {
        if (!quote(name)) throw new RangeError(`invalid instrument_name: ${name}`);
        b = {
          instrument_name: name,
          change_id: 1 + Math.floor(rng.next() * 1e6),
          timestamp: last,
          ...levelsOf(name, last),
        };
        books.set(name, b);
      }
      return b;
    },
    trades: (c) => logs.get(c)?.trades ?? [],
    samples: (c) => samples.get(c) ?? [],
    onTick(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
