/**
 * The real Deribit WebSocket client against the simulated exchange on loopback: subscriptions, heartbeats,
 * reconnect + resubscribe with gap markers after dropped sockets, order-book rebuild after skipped change_ids
 * (the book must equal the exchange's), malformed frames, and a trade stream that, with HTTP backfill over
 * each gap, loses and duplicates nothing.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { trackBooks } from '../../server/sources/deribit/book-tracker';
import { createDeribitHttpClient } from '../../server/sources/deribit/http-client';
import { bookLevels } from '../../server/sources/deribit/order-book';
import { tradesByTime } from '../../server/sources/deribit/paging';
import type { Trade } from '../../server/sources/deribit/records';
import {
  createDeribitWsClient,
  type DeribitWsClient,
  type WsEvent,
} from '../../server/sources/deribit/ws-client';
import {
  runTicks,
  startTestExchange,
  until,
  type TestExchange,
} from '../server/sources/exchange-fixture';

let ex: TestExchange;
let ws: DeribitWsClient;
let events: WsEvent[];

const ticks = (n: number) => runTicks(ex, n, 2);

beforeEach(async () => {
  ex = await startTestExchange({ tradeRate: 30 });
  ws = createDeribitWsClient({
    url: ex.wsUrl,
    backoff: { baseMs: 5, maxMs: 20 },
    random: () => 0.5,
    now: () => ex.clock.t,
  });
  events = [];
  ws.on((e) => events.push(e));
  await ws.ready();
});
afterEach(async () => {
  ws.close();
  await ex.close();
});

describe('Deribit WebSocket client on the simulated exchange', () => {
  it('receives ticker, index, DVOL and mark-price notifications in Deribit units', async () => {
    const ok = await ws.subscribe([
      'ticker.BTC-PERPETUAL.100ms',
      'deribit_price_index.btc_usd',
      'deribit_volatility_index.btc_usd',
      'markprice.options.btc_usd',
      'ticker.NOPE-1.100ms',
    ]);
    expect(ok).toHaveLength(4);
    await ticks(2);
    await until(
      () =>
        new Set(
          events.filter((e) => e.type === 'data').map((e) => (e as { channel: string }).channel),
        ).size === 4,
    );
    const data = (c: string) =>
      (
        events.find((e) => e.type === 'data' && e.channel === c) as {
          data: Record<string, unknown>;
        }
      ).data;
    expect(data('deribit_price_index.btc_usd').price).toBeGreaterThan(1000);
    expect(data('deribit_volatility_index.btc_usd').volatility).toBeGreaterThan(10);
    const marks = data('markprice.options.btc_usd') as unknown as { iv: number }[];
    expect(marks[0]!.iv).toBeLessThan(5); // a fraction, unlike mark_iv
  });

  it('answers every heartbeat test_request, so the exchange keeps the socket open', async () => {
    await ws.call('public/set_heartbeat', { interval: 0.03 });
    await new Promise((r) => setTimeout(r, 200));
    expect(ws.reconnects).toBe(0);
    expect(ex.sessions()).toBe(1);
  });

  it('reconnects after dropped sockets, resubscribes and marks the gap', async () => {
    await ws.subscribe(['deribit_price_index.eth_usd']);
    ex.dropSockets();
    await until(() => events.some((e) => e.type === 'open' && e.reconnect));
    const gap = events.find((e) => e.type === 'gap');
    expect(gap).toMatchObject({ channel: 'deribit_price_index.eth_usd', reason: 'reconnect' });
    const before = events.length;
    await ticks(1);
    await until(() => events.slice(before).some((e) => e.type === 'data'));
    expect(ws.reconnects).toBe(1);
  });

  it('rebuilds the order book after skipped change_ids and matches the exchange', async () => {
    const books = trackBooks(ws, ['BTC-PERPETUAL'], (e) => events.push(e));
    await until(() => books.book('BTC-PERPETUAL') !== null);
    ex.faults.skipChangeIds(2);
    await ticks(60);
    await until(() => books.resyncs >= 1 && books.book('BTC-PERPETUAL') !== null);
    await new Promise((r) => setTimeout(r, 30));
    const local = bookLevels(books.book('BTC-PERPETUAL')!);
    const remote = ex.market.book('BTC-PERPETUAL');
    expect(books.book('BTC-PERPETUAL')!.change_id).toBe(remote.change_id);
    expect(local).toEqual({ bids: remote.bids, asks: remote.asks });
    expect(events.some((e) => e.type === 'gap' && e.reason === 'change_id')).toBe(true);
  });

  it('marks a malformed frame as a gap without dropping the connection', async () => {
    await ws.subscribe(['deribit_price_index.btc_usd']);
    ex.faults.malformed(1);
    await ticks(2);
    await until(() => events.some((e) => e.type === 'gap' && e.reason === 'malformed'));
    expect(ws.reconnects).toBe(0);
  });

  it('loses and duplicates no trade across dropped sockets when gaps are backfilled over HTTP', async () => {
    const http = createDeribitHttpClient({ baseUrl: ex.url, limiter: null });
    const got = new Map<string, Trade>();
    const gaps: { since: number; until: number }[] = [];
    ws.on((e) => {
      if (e.type === 'data' && e.channel === 'trades.any.BTC.100ms')
        for (const t of e.data as Trade[]) got.set(t.trade_id, t);
      if (e.type === 'gap' && e.channel === 'trades.any.BTC.100ms') gaps.push(e);
    });
    await ws.subscribe(['trades.any.BTC.100ms']);
    const start = ex.clock.t + 1;
    let delivered = 0;
    ws.on((e) => void (e.type === 'data' && delivered++));
    for (let round = 0; round < 3; round++) {
      await ticks(10);
      ex.dropSockets();
      await ticks(5); // ticks while disconnected
      await until(
        () => events.filter((e) => e.type === 'open' && e.reconnect).length === round + 1,
      );
    }
    await ticks(10);
    await new Promise((r) => setTimeout(r, 30));
    const end = ex.clock.t;
    expect(gaps).toHaveLength(3);
    for (const g of gaps)
      for (const t of await tradesByTime(http, { currency: 'BTC', start: g.since, end: g.until }))
        got.set(t.trade_id, t);
    const truth = ex.market.trades('BTC').filter((t) => t.timestamp >= start && t.timestamp <= end);
    expect(delivered).toBeGreaterThan(0);
    expect(truth.length).toBeGreaterThan(50);
    expect(
      [...got.values()]
        .filter((t) => t.timestamp >= start)
        .map((t) => t.trade_id)
        .sort(),
    ).toEqual(truth.map((t) => t.trade_id).sort());
  });
});
