/**
 * `/api/live` end to end: real `ws` browser-side clients on the sidecar (startServer on loopback), the sidecar's
 * hub on one upstream connection to the simulated exchange (fake clock, ticked by hand). Checks fan-out with
 * one upstream session, no lost or duplicated trades against the exchange's log, gap markers after dropped
 * upstream sockets, books equal to the exchange's after a change_id gap, and error frames for bad input.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startServer, type RunningServer } from '../../server/main';
import {
  applyBookMessage,
  bookLevels,
  type LocalBook,
} from '../../server/sources/deribit/order-book';
import { createFixture, type Fixture } from '../server/routes/fixtures';
import {
  runTicks,
  startTestExchange,
  until,
  type TestExchange,
} from '../server/sources/exchange-fixture';

let fx: Fixture;
let ex: TestExchange;
let server: RunningServer;

interface Client {
  ws: WebSocket;
  frames: Record<string, unknown>[];
  send(body: unknown): void;
}

async function connect(): Promise<Client> {
  const ws = new WebSocket(`${server.url.replace('http', 'ws')}api/live`, {
    headers: { Authorization: `Bearer ${server.token}` },
  });
  const frames: Record<string, unknown>[] = [];
  ws.on('message', (raw) => frames.push(JSON.parse(String(raw))));
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
  return {
    ws,
    frames,
    send: (body) => ws.send(typeof body === 'string' ? body : JSON.stringify(body)),
  };
}
const ticks = (n: number) => runTicks(ex, n, 3);
const of = (c: Client, type: string, channel?: string) =>
  c.frames.filter((f) => f.type === type && (channel === undefined || f.channel === channel));

beforeAll(async () => {
  fx = await createFixture({ rows: 5 });
  ex = await startTestExchange({ tradeRate: 30 });
  server = await startServer({
    ...fx.config,
    port: 0,
    simulatedExchange: false,
    deribitUrl: ex.url,
  });
});
afterAll(async () => {
  await server?.close();
  await ex?.close();
  await fx?.cleanup();
});

describe('/api/live on the simulated exchange', () => {
  it('fans one upstream subscription out to every client, losing and duplicating no trade', async () => {
    const clients = await Promise.all([connect(), connect(), connect()]);
    const channels = ['trades.any.BTC.100ms', 'deribit_price_index.btc_usd'];
    for (const c of clients) c.send({ op: 'subscribe', channels });
    await until(() => clients.every((c) => of(c, 'subscribed').length === 1));
    expect(ex.sessions()).toBe(1);
    const from = ex.clock.t;
    await ticks(30);
    const to = ex.clock.t;
    await until(() =>
      clients.every((c) => of(c, 'data', 'deribit_price_index.btc_usd').length === 30),
    );
    const expected = ex.market
      .trades('BTC')
      .filter((t) => t.timestamp > from && t.timestamp <= to)
      .map((t) => t.trade_id);
    expect(expected.length).toBeGreaterThan(20);
    await until(() =>
      clients.every(
        (c) =>
          of(c, 'data', 'trades.any.BTC.100ms').flatMap((f) => f.data as unknown[]).length >=
          expected.length,
      ),
    );
    for (const c of clients) {
      const ids = of(c, 'data', 'trades.any.BTC.100ms').flatMap((f) =>
        (f.data as { trade_id: string }[]).map((t) => t.trade_id),
      );
      expect(ids).toEqual(expected);
      const prices = of(c, 'data', 'deribit_price_index.btc_usd').map(
        (f) => (f.data as { price: number }).price,
      );
      expect(prices.at(-1)).toBe(ex.market.feed.indexPrice('BTC'));
    }
    for (const c of clients) c.ws.close();
  });

  it('forwards gap markers after the upstream socket drops, then resumes', async () => {
    const c = await connect();
    c.send({ op: 'subscribe', channels: ['deribit_volatility_index.btc_usd'] });
    await until(() => of(c, 'subscribed').length === 1);
    ex.dropSockets();
    await until(() => of(c, 'gap', 'deribit_volatility_index.btc_usd').length === 1, 5000);
    expect(of(c, 'gap')[0]).toMatchObject({ reason: 'reconnect' });
    await until(() => ex.sessions() === 1);
    await ticks(3);
    // The ticks are delivered through two sockets (exchange → hub → client) with no fixed latency, so wait
    // for the client to catch up with the exchange's latest value rather than reading it at one instant.
    const lastDvol = () =>
      (
        of(c, 'data', 'deribit_volatility_index.btc_usd').at(-1)?.data as
          { volatility: number } | undefined
      )?.volatility;
    await until(() => lastDvol() === ex.market.feed.dvol('BTC'));
    expect(lastDvol()).toBe(ex.market.feed.dvol('BTC'));
    c.ws.close();
  });

  it("keeps each client's book equal to the exchange's, across a late join and skipped change_ids", async () => {
    const name = 'BTC-PERPETUAL';
    const channel = `book.${name}.100ms`;
    const books = new Map<Client, LocalBook | null>();
    const apply = (c: Client) => {
      let book: LocalBook | null = null;
      for (const f of c.frames) {
        if (f.type === 'gap' && f.channel === channel) book = null;
        if (f.type !== 'data' || f.channel !== channel) continue;
        const r = applyBookMessage(book, f.data);
        book = r.ok ? r.book : null;
      }
      books.set(c, book);
      return book;
    };
    const a = await connect();
    a.send({ op: 'subscribe', channels: [channel] });
    await until(() => of(a, 'data', channel).length >= 1);
    await ticks(5);
    const b = await connect();
    b.send({ op: 'subscribe', channels: [channel] });
    await until(() => of(b, 'data', channel).length >= 1);
    ex.faults.skipChangeIds(2);
    await ticks(10);
    await until(() => of(a, 'gap', channel).length === 1 && of(b, 'gap', channel).length === 1);
    await ticks(5);
    const truth = ex.market.book(name);
    for (const c of [a, b]) {
      await until(() => apply(c)?.change_id === truth.change_id);
      const levels = bookLevels(books.get(c)!);
      expect(levels.bids).toEqual(truth.bids);
      expect(levels.asks).toEqual(truth.asks);
      c.ws.close();
    }
  });

  it('answers malformed messages with error frames and stays open; a plain GET gets 426', async () => {
    const c = await connect();
    c.send('{"op":');
    c.send({ op: 'subscribe', channels: ['private.orders'] });
    c.send({ op: 'ping' });
    await until(() => c.frames.length === 3);
    expect(c.frames).toEqual([
      { type: 'error', message: 'invalid JSON' },
      { type: 'error', message: 'invalid channel: private.orders' },
      { type: 'pong' },
    ]);
    expect(c.ws.readyState).toBe(WebSocket.OPEN);
    c.ws.close();
    const res = await fetch(new URL('api/live', server.url), {
      headers: { Authorization: `Bearer ${server.token}` },
    });
    expect(res.status).toBe(426);
  });
});
