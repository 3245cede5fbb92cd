import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLiveHub, type LiveSocket, type LiveUpstream } from '../../../server/live/hub';
import type { WsEvent } from '../../../server/sources/deribit/ws-client';

class FakeSocket implements LiveSocket {
  frames: Record<string, unknown>[] = [];
  raw: string[] = [];
  bufferedAmount = 0;
  terminated = false;
  send(text: string) {
    this.raw.push(text);
    this.frames.push(JSON.parse(text));
  }
  terminate() {
    this.terminated = true;
  }
  of(type: string) {
    return this.frames.filter((f) => f.type === type);
  }
}

function fakeUpstream(reject: string[] = []) {
  const listeners = new Set<(e: WsEvent) => void>();
  const log: string[] = [];
  const up: LiveUpstream & { emit(e: WsEvent): void; log: string[] } = {
    log,
    ready: () => Promise.resolve(),
    subscribe: async (c) => {
      log.push(`sub ${c.join(',')}`);
      return c.filter((x) => !reject.includes(x));
    },
    unsubscribe: async (c) => void log.push(`unsub ${c.join(',')}`),
    resubscribe: async (c) => void log.push(`resub ${c.join(',')}`),
    on(l) {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    close: () => void log.push('close'),
    emit: (e) => listeners.forEach((l) => l(e)),
  };
  return up;
}

const flush = () => new Promise((r) => setTimeout(r, 0));
const INDEX = 'deribit_price_index.btc_usd';
const BOOK = 'book.BTC-PERPETUAL.100ms';

afterEach(() => vi.restoreAllMocks());

describe('live hub', () => {
  it('subscribes upstream once for many clients and unsubscribes when the last one leaves', async () => {
    const up = fakeUpstream();
    let connects = 0;
    const hub = createLiveHub({ connect: () => (connects++, up) });
    const sockets = Array.from({ length: 5 }, () => new FakeSocket());
    const clients = sockets.map((s) => hub.attach(s));
    expect(connects).toBe(0);
    for (const c of clients) c.receive(JSON.stringify({ op: 'subscribe', channels: [INDEX] }));
    await flush();
    expect(connects).toBe(1);
    expect(up.log).toEqual([`sub ${INDEX}`]);
    expect(sockets.every((s) => s.of('subscribed').length === 1)).toBe(true);
    clients.slice(0, 4).forEach((c) => c.close());
    expect(up.log).toEqual([`sub ${INDEX}`]);
    clients[4]!.receive(JSON.stringify({ op: 'unsubscribe', channels: [INDEX] }));
    expect(up.log).toEqual([`sub ${INDEX}`, `unsub ${INDEX}`]);
    expect(hub.channels()).toEqual([]);
  });

  it('serializes each upstream message once and writes the same text to every subscriber', async () => {
    const up = fakeUpstream();
    const hub = createLiveHub({ connect: () => up });
    const sockets = Array.from({ length: 50 }, () => new FakeSocket());
    for (const s of sockets)
      hub.attach(s).receive(JSON.stringify({ op: 'subscribe', channels: [INDEX] }));
    await flush();
    const stringify = vi.spyOn(JSON, 'stringify');
    up.emit({ type: 'data', channel: INDEX, data: { price: 97000.5, timestamp: 1 } });
    expect(stringify).toHaveBeenCalledTimes(1);
    const texts = sockets.map((s) => s.raw.at(-1));
    expect(new Set(texts).size).toBe(1);
    expect(JSON.parse(texts[0]!)).toEqual({
      type: 'data',
      channel: INDEX,
      data: { price: 97000.5, timestamp: 1 },
    });
    expect(hub.stats).toMatchObject({ messages: 1, delivered: 50 + 50 });
  });

  it('drops a client whose send buffer is over the bound and keeps serving the others', async () => {
    const up = fakeUpstream();
    const hub = createLiveHub({ connect: () => up, maxBufferedBytes: 1000 });
    const fast = new FakeSocket();
    const slow = new FakeSocket();
    for (const s of [fast, slow])
      hub.attach(s).receive(JSON.stringify({ op: 'subscribe', channels: [INDEX] }));
    await flush();
    slow.bufferedAmount = 1001;
    for (let i = 0; i < 3; i++) up.emit({ type: 'data', channel: INDEX, data: { i } });
    expect(slow.terminated).toBe(true);
    expect(slow.of('data')).toHaveLength(0);
    expect(fast.of('data').map((f) => (f.data as { i: number }).i)).toEqual([0, 1, 2]);
    expect(hub.clients).toBe(1);
    expect(hub.stats.dropped).toBe(1);
  });

  it('answers malformed messages with an error frame and keeps the connection', async () => {
    const hub = createLiveHub({ connect: () => fakeUpstream() });
    const s = new FakeSocket();
    const c = hub.attach(s);
    for (const bad of [
      'not json',
      '[]',
      '{"op":"dance"}',
      '{"op":"subscribe","channels":"x"}',
      '{"op":"subscribe","channels":["user.orders.BTC"]}',
      new ArrayBuffer(3),
    ])
      c.receive(bad);
    expect(s.of('error').map((f) => f.message)).toEqual([
      'invalid JSON',
      'expected an object',
      'invalid op: dance',
      'invalid channels: expected a non-empty array of strings',
      'invalid channel: user.orders.BTC',
      'expected a text frame',
    ]);
    c.receive('{"op":"ping"}');
    expect(s.frames.at(-1)).toEqual({ type: 'pong' });
    expect(s.terminated).toBe(false);
  });

  it('reports channels the exchange refuses and forwards gap markers to their subscribers', async () => {
    const up = fakeUpstream(['ticker.BTC-1JAN20.100ms']);
    const hub = createLiveHub({ connect: () => up });
    const s = new FakeSocket();
    hub
      .attach(s)
      .receive(JSON.stringify({ op: 'subscribe', channels: [INDEX, 'ticker.BTC-1JAN20.100ms'] }));
    await flush();
    expect(s.of('subscribed')[0]!.channels).toEqual([INDEX]);
    expect(s.of('error')[0]).toMatchObject({ channels: ['ticker.BTC-1JAN20.100ms'] });
    up.emit({ type: 'gap', channel: INDEX, reason: 'reconnect', since: 10, until: 20 });
    up.emit({
      type: 'gap',
      channel: 'ticker.BTC-1JAN20.100ms',
      reason: 'reconnect',
      since: 10,
      until: 20,
    });
    expect(s.of('gap')).toEqual([
      { type: 'gap', channel: INDEX, reason: 'reconnect', since: 10, until: 20 },
    ]);
  });

  it('gives a late book subscriber a snapshot of the relayed book, and turns a change_id gap into a marker and a resubscribe', async () => {
    const up = fakeUpstream();
    const hub = createLiveHub({ connect: () => up, now: () => 5 });
    const a = new FakeSocket();
    hub.attach(a).receive(JSON.stringify({ op: 'subscribe', channels: [BOOK] }));
    await flush();
    up.emit({
      type: 'data',
      channel: BOOK,
      data: {
        type: 'snapshot',
        instrument_name: 'BTC-PERPETUAL',
        timestamp: 1,
        change_id: 10,
        bids: [['new', 100, 5]],
        asks: [['new', 101, 7]],
      },
    });
    up.emit({
      type: 'data',
      channel: BOOK,
      data: {
        type: 'change',
        instrument_name: 'BTC-PERPETUAL',
        timestamp: 2,
        prev_change_id: 10,
        change_id: 11,
        bids: [
          ['change', 100, 3],
          ['new', 99.5, 1],
        ],
        asks: [],
      },
    });
    const b = new FakeSocket();
    hub.attach(b).receive(JSON.stringify({ op: 'subscribe', channels: [BOOK] }));
    await flush();
    expect(b.of('data')).toEqual([
      {
        type: 'data',
        channel: BOOK,
        data: {
          type: 'snapshot',
          instrument_name: 'BTC-PERPETUAL',
          timestamp: 2,
          change_id: 11,
          bids: [
            ['new', 100, 3],
            ['new', 99.5, 1],
          ],
          asks: [['new', 101, 7]],
        },
      },
    ]);
    up.emit({
      type: 'data',
      channel: BOOK,
      data: { type: 'change', timestamp: 3, prev_change_id: 12, change_id: 13, bids: [], asks: [] },
    });
    up.emit({
      type: 'data',
      channel: BOOK,
      data: { type: 'change', timestamp: 4, prev_change_id: 13, change_id: 14, bids: [], asks: [] },
    });
    for (const s of [a, b]) {
      expect(s.of('gap')).toEqual([
        { type: 'gap', channel: BOOK, reason: 'change_id', since: 5, until: 5 },
      ]);
      expect(s.frames.at(-1)!.type).toBe('gap');
    }
    expect(up.log).toContain(`resub ${BOOK}`);
  });
});
