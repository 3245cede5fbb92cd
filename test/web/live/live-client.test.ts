import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LiveClient, type LiveStatus, type SocketLike } from '../../../web/live/live-client';
import { channelGenerator, liveBuiltin } from '../../../web/live/live-generator';

/** A socket the test drives: it records what the client sent and opens, drops or delivers on demand. */
class FakeSocket implements SocketLike {
  readyState = 0;
  sent: { op: string; channels: string[] }[] = [];
  onopen: (() => void) | null = null;
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onclose: (() => void) | null = null;
  onerror: (() => void) | null = null;
  send(text: string): void {
    if (this.readyState !== 1) throw new Error('send on a socket that is not open');
    this.sent.push(JSON.parse(text) as { op: string; channels: string[] });
  }
  close(): void {
    if (this.readyState === 3) return;
    this.readyState = 3;
    this.onclose?.();
  }
  open(): void {
    this.readyState = 1;
    this.onopen?.();
  }
  deliver(channel: string, data: unknown): void {
    this.onmessage?.({ data: JSON.stringify({ type: 'data', channel, data }) });
  }
}

function harness() {
  const sockets: FakeSocket[] = [];
  const client = new LiveClient({
    createSocket: () => {
      const socket = new FakeSocket();
      sockets.push(socket);
      return socket;
    },
    backoffMs: 100,
    maxBackoffMs: 400,
  });
  return { client, sockets };
}

/** Every channel a socket has net-subscribed, counting each subscribe op (so a double would show as 2). */
function subscribeCounts(socket: FakeSocket): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const { op, channels } of socket.sent)
    for (const c of channels) counts[c] = (counts[c] ?? 0) + (op === 'subscribe' ? 1 : -1);
  return counts;
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('LiveClient', () => {
  it('subscribes a channel once however many listen, and unsubscribes when the last leaves', () => {
    const { client, sockets } = harness();
    const stopA = client.subscribe('surface.BTC', () => undefined);
    const stopB = client.subscribe('surface.BTC', () => undefined);
    expect(sockets).toHaveLength(1);
    sockets[0]!.open();
    expect(sockets[0]!.sent).toEqual([{ op: 'subscribe', channels: ['surface.BTC'] }]);
    const stopC = client.subscribe('surface.BTC', () => undefined);
    stopA();
    stopB();
    expect(sockets[0]!.sent).toHaveLength(1);
    stopC();
    expect(sockets[0]!.sent.at(-1)).toEqual({ op: 'unsubscribe', channels: ['surface.BTC'] });
    stopC(); // a second call changes nothing
    expect(sockets[0]!.sent).toHaveLength(2);
  });

  it('reconnects with doubling backoff after a drop and resubscribes each channel exactly once', () => {
    const { client, sockets } = harness();
    const statuses: LiveStatus[] = [];
    client.onStatus((s) => statuses.push(s));
    client.subscribe('surface.BTC', () => undefined);
    client.subscribe('deribit_price_index.btc_usd', () => undefined);
    sockets[0]!.open();
    sockets[0]!.close();
    expect(statuses.at(-1)).toMatchObject({ connected: false });
    expect(statuses.at(-1)!.downSince).not.toBeNull();
    vi.advanceTimersByTime(99);
    expect(sockets).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(sockets).toHaveLength(2);
    sockets[1]!.close(); // a failed attempt: the next waits twice as long
    vi.advanceTimersByTime(199);
    expect(sockets).toHaveLength(2);
    vi.advanceTimersByTime(1);
    expect(sockets).toHaveLength(3);
    client.subscribe('surface.BTC', () => undefined); // while connecting: no extra op
    sockets[2]!.open();
    expect(subscribeCounts(sockets[2]!)).toEqual({
      'surface.BTC': 1,
      'deribit_price_index.btc_usd': 1,
    });
    expect(statuses.at(-1)).toEqual({ connected: true, downSince: null });
  });

  it('delivers data to the channel listeners and the last value to a late listener', () => {
    const { client, sockets } = harness();
    const seen: unknown[] = [];
    client.subscribe('surface.ETH', (d) => seen.push(d));
    sockets[0]!.open();
    sockets[0]!.deliver('surface.ETH', { asOf: 1 });
    sockets[0]!.deliver('surface.BTC', { asOf: 2 }); // not subscribed: ignored
    sockets[0]!.onmessage?.({ data: '{not json' });
    const late: unknown[] = [];
    client.subscribe('surface.ETH', (d) => late.push(d));
    expect(seen).toEqual([{ asOf: 1 }]);
    expect(late).toEqual([{ asOf: 1 }]);
  });
});

describe('channelGenerator', () => {
  it('coalesces to the newest value at most once per interval', async () => {
    const { client, sockets } = harness();
    const gen = channelGenerator<{ n: number }>(client, 'surface.BTC', 250);
    sockets[0]!.open();
    const first = gen.next().value!;
    sockets[0]!.deliver('surface.BTC', { n: 1 });
    expect(await first).toEqual({ n: 1 });
    const second = gen.next().value!;
    let settled = false;
    void second.then(() => (settled = true));
    for (let n = 2; n <= 5; n++) sockets[0]!.deliver('surface.BTC', { n });
    await vi.advanceTimersByTimeAsync(249);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await second).toEqual({ n: 5 });
  });

  it('unsubscribes on return() when no one else listens', () => {
    const { client, sockets } = harness();
    const live = liveBuiltin(client);
    const a = live.surface('btc');
    const b = live.surface('BTC');
    sockets[0]!.open();
    a.next();
    expect(a.return().done).toBe(true);
    expect(a.next().done).toBe(true);
    expect(sockets[0]!.sent).toEqual([{ op: 'subscribe', channels: ['surface.BTC'] }]);
    b.return();
    expect(sockets[0]!.sent.at(-1)).toEqual({ op: 'unsubscribe', channels: ['surface.BTC'] });
    expect(client.channels()).toEqual([]);
  });

  it('rejects when the hub refuses the channel, and refuses a bad currency at once', async () => {
    const { client, sockets } = harness();
    const gen = channelGenerator(client, 'ticker.NOPE.100ms');
    sockets[0]!.open();
    const value = gen.next().value!;
    sockets[0]!.onmessage?.({
      data: JSON.stringify({
        type: 'error',
        message: 'subscription failed',
        channels: ['ticker.NOPE.100ms'],
      }),
    });
    await expect(value).rejects.toThrow('subscription failed');
    expect(() => liveBuiltin(client).surface('DOGE')).toThrow(/BTC.*ETH/);
  });
});
