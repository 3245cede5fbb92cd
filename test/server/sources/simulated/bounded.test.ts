/**
 * The simulated exchange stays bounded when left running: hours of ticks on an injected clock keep only the
 * history window (trades, per-second samples, minute bars), queries across and before the window answer
 * correctly or refuse clearly, and books nobody asked for in 30 s stop being recomputed.
 */
import { describe, expect, it } from 'vitest';
import type {
  FutureQuote,
  MarketFeed,
  OptionQuote,
} from '../../../../server/sources/simulated/feed';
import { PERPETUAL_EXPIRY } from '../../../../server/sources/simulated/feed';
import { HISTORY_WINDOW } from '../../../../server/sources/simulated/history-window';
import { createSimulatedMarket } from '../../../../server/sources/simulated/market';
import { callMethod, RpcFault } from '../../../../server/sources/simulated/methods';

const T0 = Date.UTC(2026, 0, 1);
const HOUR = 3_600_000;

/** A closed-form feed: the index is a slow sine, DVOL a line, one perpetual and one option. */
function scriptedFeed(): MarketFeed {
  let now = T0;
  const index = () => 100_000 * (1 + 0.05 * Math.sin((now - T0) / 600_000));
  const option: OptionQuote = {
    instrument_name: 'BTC-27MAR26-100000-C',
    expiryMs: Date.UTC(2026, 2, 27, 8),
    strike: 100_000,
    optionType: 'call',
    underlying_price: 100_000,
    mark_iv: 50,
    bid_iv: 49,
    ask_iv: 51,
    mark_price: 0.05,
    best_bid_price: 0.049,
    best_ask_price: 0.051,
    delta: 0.5,
    gamma: 0,
    vega: 0,
    theta: 0,
    rho: 0,
    open_interest: 10,
  };
  return {
    time: () => now,
    advance: (ms) => void (now = Math.max(now, ms)),
    currencies: () => ['BTC'],
    indexPrice: index,
    dvol: () => 50 + (now - T0) / HOUR,
    options: () => [option],
    futures: (): FutureQuote[] => [
      {
        instrument_name: 'BTC-PERPETUAL',
        expiryMs: PERPETUAL_EXPIRY,
        perpetual: true,
        mark_price: index(),
        open_interest: 1e8,
      },
    ],
    history: () => null,
  };
}

describe('simulated exchange history window', () => {
  it('keeps 1 h of trades, 2 h of seconds and the rest as minute bars after 6 h of ticks', () => {
    const market = createSimulatedMarket(scriptedFeed(), { seed: 3 });
    const feed = market.feed;
    // An independent record of the index at every tick, to rebuild minute bars by hand.
    const seen: [number, number][] = [[T0, feed.indexPrice('BTC')]];
    let maxTrades = 0;
    for (let t = T0 + 1000; t <= T0 + 6 * HOUR; t += 1000) {
      market.tick(t);
      seen.push([t, feed.indexPrice('BTC')]);
      maxTrades = Math.max(maxTrades, market.trades('BTC').length);
    }
    const now = T0 + 6 * HOUR;
    const trades = market.trades('BTC');
    // ~3 trades/s over at most the window plus the one-minute pruning slack.
    expect(trades[0]!.timestamp).toBeGreaterThanOrEqual(now - HISTORY_WINDOW.tradesMs - 60_000);
    expect(maxTrades).toBeLessThan(3 * 3660 * 1.1);
    expect(market.tradesKeptFrom('BTC')).toBeGreaterThan(now - HISTORY_WINDOW.tradesMs - 60_000);
    const log = market.samples('BTC');
    expect(log.samples.length).toBeLessThanOrEqual(2 * 3600 + 61);
    expect(log.samples[0]!.t).toBe(log.samplesFrom());
    expect(log.minuteBars()).toHaveLength((log.samplesFrom() - T0) / 60_000);

    // 1-minute chart bars over all 6 h equal bars built by hand from the recorded index, whether they come
    // from minute bars (older than 2 h) or from the per-second samples.
    const bars = callMethod(market, 'get_tradingview_chart_data', {
      instrument_name: 'BTC-PERPETUAL',
      resolution: '1',
      start_timestamp: String(T0),
      end_timestamp: String(now - 1),
    }) as { ticks: number[]; open: number[]; high: number[]; low: number[]; close: number[] };
    const expected = new Map<number, number[]>();
    for (const [t, v] of seen) {
      if (t >= now) continue;
      const m = Math.floor(t / 60_000) * 60_000;
      expected.set(m, [...(expected.get(m) ?? []), v]);
    }
    expect(bars.ticks).toEqual([...expected.keys()]);
    const values = [...expected.values()];
    expect(bars.open).toEqual(values.map((v) => v[0]));
    expect(bars.high).toEqual(values.map((v) => Math.max(...v)));
    expect(bars.low).toEqual(values.map((v) => Math.min(...v)));
    expect(bars.close).toEqual(values.map((v) => v[v.length - 1]));
  });

  it('drops minute bars older than their window', () => {
    const window = { tradesMs: 600_000, samplesMs: 600_000, minuteBarsMs: HOUR };
    const market = createSimulatedMarket(scriptedFeed(), { seed: 3, window });
    for (let t = T0 + 1000; t <= T0 + 4 * HOUR; t += 1000) market.tick(t);
    const bars = market.samples('BTC').minuteBars();
    expect(bars.length).toBeLessThanOrEqual(60);
    expect(bars[0]!.t).toBeGreaterThanOrEqual(T0 + 3 * HOUR);
  });

  it('pages trades within the window and refuses a range that starts before it', () => {
    const market = createSimulatedMarket(scriptedFeed(), { seed: 3 });
    for (let t = T0 + 1000; t <= T0 + 2 * HOUR; t += 1000) market.tick(t);
    const now = T0 + 2 * HOUR;
    const start = now - 4 * 60_000; // ~720 trades: one page
    const page = callMethod(market, 'get_last_trades_by_currency_and_time', {
      currency: 'BTC',
      start_timestamp: String(start),
      end_timestamp: String(now),
      count: '1000',
      sorting: 'asc',
    }) as { trades: { trade_id: string }[]; has_more: boolean };
    const truth = market.trades('BTC').filter((t) => t.timestamp >= start);
    expect(page.has_more).toBe(false);
    expect(page.trades.map((t) => t.trade_id)).toEqual(truth.map((t) => t.trade_id));

    const refused = (() => {
      try {
        callMethod(market, 'get_last_trades_by_currency_and_time', {
          currency: 'BTC',
          start_timestamp: String(now - 90 * 60_000),
          end_timestamp: String(now),
        });
      } catch (error) {
        return error;
      }
      return null;
    })();
    expect(refused).toBeInstanceOf(RpcFault);
    const data = (refused as RpcFault).data as { param: string; reason: string };
    expect(data.param).toBe('start_timestamp');
    expect(data.reason).toContain(String(market.tradesKeptFrom('BTC')));
  });
});

describe('simulated order books', () => {
  it('stop being recomputed 30 s after the last request and restart on the next', () => {
    const market = createSimulatedMarket(scriptedFeed(), { seed: 3 });
    let t = T0;
    const run = (seconds: number) => {
      for (let i = 0; i < seconds; i++) market.tick((t += 1000));
    };
    market.book('BTC-PERPETUAL');
    market.book('BTC-27MAR26-100000-C');
    run(30);
    expect(market.bookRecomputations).toBe(60);
    market.book('BTC-PERPETUAL'); // asked again: the option's book goes idle first
    run(10);
    expect(market.trackedBooks()).toBe(1);
    const before = market.bookRecomputations;
    run(60);
    expect(market.trackedBooks()).toBe(0);
    const idle = market.bookRecomputations;
    expect(idle - before).toBe(20); // the perpetual's 20 remaining seconds, then nothing
    run(600);
    expect(market.bookRecomputations).toBe(idle);
    market.book('BTC-PERPETUAL');
    run(5);
    expect(market.bookRecomputations).toBe(idle + 5);
  });

  it('are not started by tickers or book summaries, only by get_order_book', () => {
    const market = createSimulatedMarket(scriptedFeed(), { seed: 3 });
    market.tick(T0 + 1000);
    const summary = callMethod(market, 'get_book_summary_by_currency', { currency: 'BTC' }) as {
      bid_price: number;
    }[];
    const ticker = callMethod(market, 'ticker', { instrument_name: 'BTC-PERPETUAL' }) as {
      best_bid_price: number;
      best_ask_price: number;
    };
    expect(summary).toHaveLength(2);
    expect(market.trackedBooks()).toBe(0);
    const book = callMethod(market, 'get_order_book', { instrument_name: 'BTC-PERPETUAL' }) as {
      bids: [number, number][];
      asks: [number, number][];
    };
    expect(market.trackedBooks()).toBe(1);
    // The ticker's top of book is the book's, tracked or not.
    expect([ticker.best_bid_price, ticker.best_ask_price]).toEqual([
      book.bids[0]![0],
      book.asks[0]![0],
    ]);
  });

  it('keep a subscribed (watched) book live until it is released', () => {
    const market = createSimulatedMarket(scriptedFeed(), { seed: 3 });
    let t = T0;
    const run = (seconds: number) => {
      for (let i = 0; i < seconds; i++) market.tick((t += 1000));
    };
    market.book('BTC-PERPETUAL');
    const release = market.watchBook('BTC-PERPETUAL');
    run(300);
    expect(market.bookRecomputations).toBe(300);
    release();
    run(100);
    expect(market.bookRecomputations).toBe(330);
    expect(market.trackedBooks()).toBe(0);
  });
});
