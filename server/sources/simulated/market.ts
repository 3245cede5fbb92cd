/**
 * The simulated exchange's state machine: a `MarketFeed` plus what an exchange adds on top (order books with
 * change ids, a trade log, recorded index and DVOL samples). `tick(t)` advances everything to `t` and reports
 * what changed, for the WebSocket layer to publish. Transport-free: HTTP and WS both read from here.
 * Bounded for a process left running: history is kept for `HISTORY_WINDOW` (see `history-window.ts`), and a
 * book is recomputed on ticks only while someone watches it (a subscription) or asked for it in the last
 * `bookIdleMs` of market time; a later request starts it again with a fresh change id.
 */
import { createRng, type Rng } from '../../../cells/random';
import type { Trade } from '../deribit/records';
import { createBookInterest } from './book-interest';
import { bookLevels, diffLevels, type BookLevels, type Change } from './books';
import type { FutureQuote, MarketFeed, OptionQuote } from './feed';
import {
  createSampleLog,
  HISTORY_WINDOW,
  type HistoryWindow,
  type Sample,
  type SampleLog,
} from './history-window';
import { createTradeLog, generateTrades, pruneTrades, type TradeLog } from './trades';

export type { Sample } from './history-window';

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

export type Quote = { kind: 'option'; q: OptionQuote } | { kind: 'future'; q: FutureQuote };

export interface SimulatedMarket {
  readonly feed: MarketFeed;
  /** What history it keeps. */
  readonly window: HistoryWindow;
  time(): number;
  tick(t: number): TickEvent;
  quote(instrument: string): Quote | null;
  bidAsk(instrument: string): [number, number];
  /** The book now; starts tracking it so ticks report its changes. */
  book(instrument: string): BookState;
  /** The book's levels now without tracking it (a ticker's best bid and ask). */
  peekBook(instrument: string): BookLevels;
  /** Book recomputations on ticks so far (books idle for `bookIdleMs` stop costing any). */
  readonly bookRecomputations: number;
  /** Books being recomputed on ticks. */
  trackedBooks(): number;
  /** Keep a book live while subscribed, however long nobody asks; returns the release. */
  watchBook(instrument: string): () => void;
  /** The trades kept (the last `HISTORY_WINDOW.tradesMs`), ascending. */
  trades(currency: string): readonly Trade[];
  /** Trades before this time were dropped; -Infinity while none were. */
  tradesKeptFrom(currency: string): number;
  /** Recorded index/DVOL history (1 s samples, then minute bars). */
  samples(currency: string): SampleLog;
  onTick(listener: (e: TickEvent) => void): () => void;
}

export interface MarketOptions {
  seed?: number;
  /** Trades per second per currency. */
  tradeRate?: number;
  /** What history to keep (default `HISTORY_WINDOW`). */
  window?: HistoryWindow;
  /** Market time after which an unwatched book nobody asked for stops being recomputed (default 30 s). */
  bookIdleMs?: number;
}

export const BOOK_IDLE_MS = 30_000;

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
  const window = options.window ?? HISTORY_WINDOW;
  const bookIdleMs = options.bookIdleMs ?? BOOK_IDLE_MS;
  const samples = new Map<string, SampleLog>(
    feed.currencies().map((c) => [c, createSampleLog(window)]),
  );
  const books = new Map<string, BookState>();
  const interest = createBookInterest(bookIdleMs);
  let bookRecomputations = 0;
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
      const log = samples.get(c)!;
      const lastT = log.last()?.t;
      if (lastT === undefined || t - lastT >= 1000)
        log.add({ t, index: feed.indexPrice(c), dvol: feed.dvol(c) } satisfies Sample);
      log.prune(t);
      pruneTrades(logs.get(c)!, t - window.tradesMs);
    }
  };
  record(last);

  return {
    feed,
    window,
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
        if (interest.idle(name, t) || !quote(name)) {
          books.delete(name);
          continue;
        }
        bookRecomputations++;
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
      interest.asked(name, last);
      return b;
    },
    get bookRecomputations() {
      return bookRecomputations;
    },
    trackedBooks: () => books.size,
    peekBook(name) {
      const b = books.get(name);
      if (b) return b;
      if (!quote(name)) throw new RangeError(`invalid instrument_name: ${name}`);
      return levelsOf(name, last);
    },
    watchBook: (name) => interest.watch(name, () => last),
    trades: (c) => logs.get(c)?.trades ?? [],
    tradesKeptFrom: (c) => logs.get(c)?.keptFrom ?? -Infinity,
    samples: (c) => samples.get(c) ?? createSampleLog(window),
    onTick(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
