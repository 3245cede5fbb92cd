/**
 * The first-start demo book: seeded from the listed chain into an empty book on its first open, labelled
 * `demo:`, removed by `DELETE /api/portfolio/demo`, and never re-added (the state database remembers).
 */
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../../server/app';
import type { FillWire } from '../../../server/contract/portfolio';
import { demoTrades, removeDemoBook, seedDemoBook } from '../../../server/portfolio/demo';
import { createPortfolioService } from '../../../server/portfolio/service';
import { openFillStore, type FillStore } from '../../../server/portfolio/store';
import { openStateDb, type StateDb } from '../../../server/state/db';
import { createFixture, jsonApi, type Fixture } from '../routes/fixtures';
import { NOW, fakeMarks, fakeReturns } from './fake-market';

let fx: Fixture;
let db: StateDb;
let store: FillStore;
const path = () => join(fx.root, 'state', 'vollab.duckdb');

/** Open the state database and the book as the sidecar does on a start. */
async function start(): Promise<string> {
  db = await openStateDb(path());
  store = await openFillStore(db, () => NOW);
  return seedDemoBook({ state: db, store, marks: fakeMarks(), now: NOW });
}
const restart = async () => {
  await db.close();
  return start();
};

beforeEach(async () => {
  fx = await createFixture({ rows: 3 });
});
afterEach(async () => {
  await db.close();
  await fx.cleanup();
});

describe('demo book', () => {
  it('picks the call nearest the money and the future on the expiry nearest 30 days, at their marks', async () => {
    // The fake BTC chain lists two March calls (100,000 and 110,000) and no puts, with the index at 100,000;
    // the March future is marked at its 100,500 forward. ETH has no market.
    const btc = await fakeMarks().market('BTC');
    expect(demoTrades(btc, NOW)).toEqual([
      {
        client_id: 'demo:BTC-27MAR26-100000-C',
        instrument_name: 'BTC-27MAR26-100000-C',
        direction: 'buy',
        amount: 1,
        price: 0.07,
        fee: 0,
        timestamp: NOW,
      },
      {
        client_id: 'demo:BTC-27MAR26',
        instrument_name: 'BTC-27MAR26',
        direction: 'buy',
        amount: 10_000,
        price: 100_500,
        fee: 0,
        timestamp: NOW,
      },
    ]);
    expect(demoTrades({ ...btc, index: null }, NOW)).toEqual([]);
    db = await openStateDb(path());
  });

  it('is seeded once into an empty book, removed in one call, and never re-added', async () => {
    expect(await start()).toBe('seeded');
    expect(store.list().map((f) => f.client_id)).toEqual([
      'demo:BTC-27MAR26-100000-C',
      'demo:BTC-27MAR26',
    ]);
    expect(await restart()).toBe('done before');
    expect(store.list()).toHaveLength(2);

    // A fill of the user's own stays when the demo goes.
    await store.add({
      client_id: 'mine',
      instrument_name: 'BTC-27MAR26-110000-C',
      direction: 'buy',
      amount: 1,
      price: 0.04,
      fee: 0,
      timestamp: NOW,
    });
    const portfolio = createPortfolioService({
      store,
      marks: fakeMarks(),
      returns: async () => fakeReturns(),
      now: () => NOW,
    });
    const app = createApp(fx.config, {
      portfolio: { ...portfolio, demo: { remove: () => removeDemoBook({ state: db, store }) } },
    });
    const token = `Bearer ${fx.config.token}`;
    const api = jsonApi(
      () => ({
        request: (url: string, init: RequestInit) =>
          app.request(url, {
            ...init,
            headers: { ...(init.headers as Record<string, string>), Authorization: token },
          }),
      }),
      '/api/portfolio',
    );
    const res = await api('/demo', { method: 'DELETE' });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ removed: 2 });
    const { fills } = (await (await api('/trades')).json()) as { fills: FillWire[] };
    expect(fills.map((f) => f.client_id)).toEqual(['mine']);

    // Even with the book emptied again, a restart does not bring the demo back.
    await store.remove(fills[0]!.id);
    expect(await restart()).toBe('done before');
    expect(store.list()).toEqual([]);
  });

  it('is never seeded into a book that already had fills on its first open', async () => {
    db = await openStateDb(path());
    store = await openFillStore(db, () => NOW);
    const [added] = await store.addMany([
      {
        client_id: null,
        instrument_name: 'BTC-PERPETUAL',
        direction: 'buy',
        amount: 100,
        price: 100_000,
        fee: 0,
        timestamp: NOW,
      },
    ]);
    expect(await seedDemoBook({ state: db, store, marks: fakeMarks(), now: NOW })).toBe('skipped');
    await store.remove(added!.fill.id);
    expect(await restart()).toBe('done before');
    expect(store.list()).toEqual([]);
  });

  it('waits for a market: with none, nothing is seeded or remembered, and the next start seeds', async () => {
    db = await openStateDb(path());
    store = await openFillStore(db, () => NOW);
    const none = { market: () => Promise.reject(new Error('offline')) };
    expect(await seedDemoBook({ state: db, store, marks: none, now: NOW })).toBe('no market');
    expect(await restart()).toBe('seeded');
  });
});
