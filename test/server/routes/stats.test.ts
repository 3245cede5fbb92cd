/** `GET /api/stats/realtime` over a real live hub (a local channel) and a real alert service. */
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAlertService } from '../../../server/alerts/service';
import { createAlertStore } from '../../../server/alerts/store';
import { createLiveHub, type LiveLocalChannels } from '../../../server/live/hub';
import type { WsEvent } from '../../../server/sources/deribit/ws-client';
import { openStateDb, type StateDb } from '../../../server/state/db';
import type { RealtimeStats } from '../../../server/stats/realtime';
import { createApp } from '../../../server/app';
import { createFixture, signedInApp, type Fixture } from './fixtures';

let fx: Fixture;
let db: StateDb;
beforeEach(async () => {
  fx = await createFixture({ rows: 3 });
  db = await openStateDb(join(fx.root, 'state', 'vollab.duckdb'));
});
afterEach(async () => {
  await db.close();
  await fx.cleanup();
});

const socket = () => ({ send: () => {}, bufferedAmount: 0, terminate: () => {} });
const flush = () => new Promise((r) => setTimeout(r, 0));

describe('/api/stats/realtime', () => {
  it('reports messages per second, feed age, trades, clients and the filter state', async () => {
    let t = 1000;
    const emitters = new Map<string, (e: WsEvent) => void>();
    const local: LiveLocalChannels = {
      has: (c) => c.startsWith('trades.'),
      subscribe: (c, emit) => void emitters.set(c, emit),
      unsubscribe: (c) => void emitters.delete(c),
    };
    const live = createLiveHub({
      connect: () => {
        throw new Error('no upstream');
      },
      local,
      now: () => t,
    });
    const alerts = await createAlertService({
      store: await createAlertStore(db),
      now: () => t,
      every: () => () => {},
    });
    await alerts.rules.create({
      name: 'dvol high',
      currency: 'BTC',
      metric: 'dvol',
      op: '>',
      threshold: 80,
    });
    const app = signedInApp(fx.config, { live, alerts });
    live.attach(socket()).receive('{"op":"subscribe","channels":["trades.future.BTC.100ms"]}');
    live.attach(socket());
    await flush();
    const emit = emitters.get('trades.future.BTC.100ms')!;
    const trade = { price: 1, amount: 1 };
    emit({ type: 'data', channel: 'trades.future.BTC.100ms', data: [trade, trade] });
    t = 3000;
    emit({ type: 'data', channel: 'trades.future.BTC.100ms', data: [trade] });
    t = 5000;
    const first = (await (
      await app.request('http://localhost/api/stats/realtime')
    ).json()) as RealtimeStats;
    // 2 messages from 1000 to 5000: 0.5/s; the last at 3000, 2 s old; 3 trades; 2 clients.
    expect(first).toEqual({
      as_of: 5000,
      clients: 2,
      messages: 2,
      trades_processed: 3,
      channels: [
        { channel: 'trades.future.BTC.100ms', messages: 2, per_second: 0.5, feed_age_ms: 2000 },
      ],
      filter: {
        rules: 1,
        currencies: [
          { currency: 'BTC', state: 'warming_up', note: null },
          { currency: 'ETH', state: 'warming_up', note: null },
        ],
      },
    });
    for (let i = 0; i < 4; i++)
      emit({ type: 'data', channel: 'trades.future.BTC.100ms', data: [] });
    t = 7000;
    const second = (await (
      await app.request('http://localhost/api/stats/realtime')
    ).json()) as RealtimeStats;
    // 4 more messages in the 2 s since the first answer.
    expect(second.channels[0]).toMatchObject({ messages: 6, per_second: 2 });
    alerts.close();
    live.close();
  });

  it('needs the token like every route', async () => {
    const res = await createApp(fx.config).request('http://localhost/api/stats/realtime');
    expect(res.status).toBe(401);
  });
});
