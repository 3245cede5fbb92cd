/** The hub's in-process channels (`surface.*`): served by a local source, never subscribed upstream. */
import { describe, expect, it } from 'vitest';
import { createLiveHub, type LiveLocalChannels, type LiveSocket } from '../../../server/live/hub';
import type { WsEvent } from '../../../server/sources/deribit/ws-client';

class FakeSocket implements LiveSocket {
  frames: Record<string, unknown>[] = [];
  bufferedAmount = 0;
  send(text: string) {
    this.frames.push(JSON.parse(text));
  }
  terminate() {}
}

function fakeLocal() {
  const log: string[] = [];
  const emitters = new Map<string, (e: WsEvent) => void>();
  const local: LiveLocalChannels = {
    has: (c) => c.startsWith('surface.'),
    subscribe(c, emit) {
      log.push(`sub ${c}`);
      emitters.set(c, emit);
    },
    unsubscribe(c) {
      log.push(`unsub ${c}`);
      emitters.delete(c);
    },
  };
  return { local, log, emitters };
}

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('live hub local channels', () => {
  it('subscribes the local source once, fans its data and gaps out, and never connects upstream', async () => {
    const { local, log, emitters } = fakeLocal();
    let connects = 0;
    const hub = createLiveHub({
      connect: () => {
        connects++;
        throw new Error('no upstream in this test');
      },
      local,
    });
    const a = new FakeSocket();
    const b = new FakeSocket();
    const ca = hub.attach(a);
    const cb = hub.attach(b);
    ca.receive('{"op":"subscribe","channels":["surface.BTC"]}');
    cb.receive('{"op":"subscribe","channels":["surface.BTC"]}');
    await flush();
    expect(connects).toBe(0);
    expect(log).toEqual(['sub surface.BTC']);
    expect(a.frames).toEqual([{ type: 'subscribed', channels: ['surface.BTC'] }]);
    emitters.get('surface.BTC')!({ type: 'data', channel: 'surface.BTC', data: { asOf: 1 } });
    emitters.get('surface.BTC')!({
      type: 'gap',
      channel: 'surface.BTC',
      reason: 'reconnect',
      since: 1,
      until: 2,
    });
    for (const s of [a, b])
      expect(s.frames.slice(1)).toEqual([
        { type: 'data', channel: 'surface.BTC', data: { asOf: 1 } },
        { type: 'gap', channel: 'surface.BTC', reason: 'reconnect', since: 1, until: 2 },
      ]);
    expect(hub.stats.messages).toBe(1);
    ca.close();
    expect(log).toEqual(['sub surface.BTC']);
    cb.receive('{"op":"unsubscribe","channels":["surface.BTC"]}');
    expect(log).toEqual(['sub surface.BTC', 'unsub surface.BTC']);
    expect(hub.channels()).toEqual([]);
  });

  it('rejects a surface channel of an unknown currency as an invalid channel', async () => {
    const { local } = fakeLocal();
    const hub = createLiveHub({
      connect: () => {
        throw new Error('unused');
      },
      local,
    });
    const s = new FakeSocket();
    hub.attach(s).receive('{"op":"subscribe","channels":["surface.XRP"]}');
    await flush();
    expect(s.frames).toEqual([{ type: 'error', message: 'invalid channel: surface.XRP' }]);
  });
});
