/**
 * The book's value history: sampled on an injected timer into the real state database, served at
 * `GET /api/portfolio/history` with returns and drawdown; a long BTC perpetual whose P&L is worked by hand.
 */
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../../server/app';
import type { PortfolioHistoryWire } from '../../../server/contract';
import type { MarkSource } from '../../../server/portfolio/marks';
import { createPortfolioService, type PortfolioService } from '../../../server/portfolio/service';
import { openFillStore } from '../../../server/portfolio/store';
import { startValueRecorder, type ValueRecorder } from '../../../server/portfolio/value-recorder';
import { openStateDb, type StateDb } from '../../../server/state/db';
import { createFixture, jsonApi, type Fixture } from '../routes/fixtures';
import { NOW, fakeMarks, fakeReturns } from './fake-market';

let fx: Fixture;
let db: StateDb;
let t = NOW;
let index = 100_000;
let tick: () => void = () => {};
let portfolio: PortfolioService;
let recorder: ValueRecorder;

/** The fake market with the BTC index (and so the perpetual's mark) at `index`. */
const marks: MarkSource = {
  market: async (c) => {
    const m = await fakeMarks().market(c);
    return {
      ...m,
      index,
      mark: (name, kind, expiry) =>
        kind === 'perpetual'
          ? { price: index, index, timestamp: t - 1000, source: 'index' }
          : m.mark(name, kind, expiry),
    };
  },
};

async function open() {
  db = await openStateDb(join(fx.root, 'state', 'vollab.duckdb'));
  const service = createPortfolioService({
    store: () => openFillStore(db, () => t),
    marks,
    returns: async () => fakeReturns(),
    now: () => t,
  });
  recorder = startValueRecorder({
    state: db,
    portfolio: service,
    every: (ms, fn) => {
      expect(ms).toBe(60_000);
      tick = fn;
      return () => (tick = () => {});
    },
  });
  portfolio = { ...service, history: recorder };
}

beforeEach(async () => {
  fx = await createFixture({ rows: 3 });
  t = NOW;
  index = 100_000;
  await open();
});
afterEach(async () => {
  recorder.close();
  await db.close();
  await fx.cleanup();
});

const api = () => {
  const app = createApp(fx.config, { portfolio });
  const token = `Bearer ${fx.config.token}`;
  return jsonApi(
    () => ({
      request: (url: string, init: RequestInit) =>
        app.request(url, {
          ...init,
          headers: { ...(init.headers as Record<string, string>), Authorization: token },
        }),
    }),
    '/api/portfolio',
  );
};

const rowCount = async () =>
  Number((await db.read('SELECT count(*) AS n FROM portfolio_history'))[0]!.n);

/** Fire the minute timer and wait (with a deadline) until the point is stored. */
async function minute(expected: number) {
  tick();
  const deadline = Date.now() + 5000;
  while ((await rowCount()) < expected) {
    if (Date.now() > deadline) throw new Error(`no point ${expected} stored`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

describe('portfolio value history', () => {
  it('records nothing for an empty book', async () => {
    expect(await recorder.sample()).toBe(false);
    expect(await rowCount()).toBe(0);
  });

  it('records a point a minute and serves returns and drawdown', async () => {
    const call = api();
    const buy = {
      instrument_name: 'BTC-PERPETUAL',
      direction: 'buy',
      amount: 10_000,
      price: 100_000,
    };
    expect((await call('/trades', { method: 'POST', body: { ...buy, timestamp: t } })).status).toBe(
      201,
    );
    // An option too, so the book has a value to take returns on (a perpetual alone is worth its P&L).
    const call100k = {
      instrument_name: 'BTC-27MAR26-100000-C',
      direction: 'buy',
      amount: 1,
      price: 0.05,
    };
    expect(
      (await call('/trades', { method: 'POST', body: { ...call100k, timestamp: t } })).status,
    ).toBe(201);
    const summaries: { value: number; pnl: number }[] = [];
    for (const [i, price] of [100_000, 110_000, 90_000].entries()) {
      index = price;
      t = NOW + i * 60_000;
      const s = await portfolio.summary();
      summaries.push({ value: s.value_usd, pnl: s.realized_pnl_usd + s.unrealized_pnl_usd });
      await minute(i + 1);
    }
    const res = await call(`/history?since=${NOW}&until=${NOW + 120_000}`);
    expect(res.status).toBe(200);
    const h = (await res.json()) as PortfolioHistoryWire;
    expect(h.points.map((p) => p.t)).toEqual([NOW, NOW + 60_000, NOW + 120_000]);
    expect(h.points.map((p) => p.value_usd)).toEqual(summaries.map((s) => s.value));
    expect(h.points.map((p) => p.pnl_usd)).toEqual(summaries.map((s) => s.pnl));
    // The perpetual's part of the P&L, by hand: 10,000 USD long from 100,000 is worth 10,000 × (1/100,000 −
    // 1/110,000) BTC × 110,000 = +1,000 USD at 110,000 and 10,000 × (1/100,000 − 1/90,000) × 90,000 = −1,000
    // at 90,000; the option's part is fixed: its fake mark is 0.07 BTC on an index of 100,000, so (0.07 − 0.05) × 100,000.
    const [p0, p1, p2] = h.points.map((p) => p.pnl_usd) as [number, number, number];
    expect(p0).toBeCloseTo(0.02 * 100_000, 6);
    expect(p1).toBeCloseTo(1000 + 0.02 * 100_000, 6);
    expect(p2).toBeCloseTo(-1000 + 0.02 * 100_000, 6);
    expect(h.points[0]!.return).toBeNull();
    expect(h.points[1]!.return).toBeCloseTo((p1 - p0) / Math.abs(summaries[0]!.value), 12);
    expect(h.points[2]!.return).toBeCloseTo((p2 - p1) / Math.abs(summaries[1]!.value), 12);
    expect(h.points.map((p) => p.drawdown_usd)).toEqual([0, 0, p1 - p2]);
    expect(h.max_drawdown_usd).toBe(p1 - p2);
    expect(h.max_drawdown_at).toBe(NOW + 120_000);
    // The range filters, and survives a restart (the points are in the state database).
    recorder.close();
    await db.close();
    await open();
    const later = (await (
      await api()(`/history?since=${NOW + 60_000}&until=${NOW + 60_000}`)
    ).json()) as PortfolioHistoryWire;
    expect(later.points.map((p) => p.t)).toEqual([NOW + 60_000]);
  });

  it('refuses a bad range with a 400', async () => {
    const call = api();
    expect((await call('/history?since=abc')).status).toBe(400);
    expect((await call(`/history?since=${NOW}&until=${NOW - 1}`)).status).toBe(400);
  });
});
