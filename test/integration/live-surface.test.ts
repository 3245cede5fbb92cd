/**
 * The live surface end to end: the real Deribit WebSocket and REST clients following the simulated exchange on
 * loopback (fake exchange clock, ticked from the test), the surface service on top. Checks the served surface
 * against a recomputation from the exchange's own state at the same instant, an expiry rolling off at 08:00
 * UTC, recovery from dropped sockets without a second subscription, and `stale` while the exchange is paused.
 */
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { queryRows } from '../../server/db/duckdb';
import { startServer, type RunningServer } from '../../server/main';
import { createDeribitHttpClient } from '../../server/sources/deribit/http-client';
import { parseBookSummary, parseInstrumentRecord } from '../../server/sources/deribit/parse';
import { createDeribitWsClient, type WsEvent } from '../../server/sources/deribit/ws-client';
import { callMethod } from '../../server/sources/simulated/methods';
import type { LiveUpstream } from '../../server/live/hub';
import { createChainState } from '../../server/surface/chain-state';
import { computeSurface } from '../../server/surface/compute';
import { createSurfaceService, type SurfaceService } from '../../server/surface/service';
import type { CompactSurface, FreezeResult, SurfaceState } from '../../server/contract/surface';
import { createFixture, type Fixture } from '../server/routes/fixtures';
import {
  HISTORY_END,
  startTestExchange,
  until,
  type TestExchange,
} from '../server/sources/exchange-fixture';

interface Recorded {
  subscribed: string[];
  messages: Map<string, number>;
}

/** The real WS client, recording every subscribe call and every message per channel. */
function recordingUpstream(url: string, rec: Recorded): LiveUpstream {
  const ws = createDeribitWsClient({
    url,
    heartbeatSeconds: 0,
    backoff: { baseMs: 20, maxMs: 100 },
  });
  ws.on((e: WsEvent) => {
    if (e.type === 'data') rec.messages.set(e.channel, (rec.messages.get(e.channel) ?? 0) + 1);
  });
  return {
    subscribe: (channels) => {
      rec.subscribed.push(...channels);
      return ws.subscribe(channels);
    },
    unsubscribe: (c) => ws.unsubscribe(c),
    resubscribe: (c) => ws.resubscribe(c),
    ready: () => ws.ready(),
    on: (l) => ws.on(l),
    close: () => ws.close(),
  };
}

/** Tick the exchange by 100 ms of its clock every 10 ms of ours until stopped. */
function ticking(ex: TestExchange): () => void {
  const timer = setInterval(() => ex.run(100), 10);
  return () => clearInterval(timer);
}

/** Recompute the surface from the exchange's own state, as a fresh chain fed what the exchange publishes. */
function recompute(ex: TestExchange, served: SurfaceState): SurfaceState {
  const m = ex.market;
  const chain = createChainState('BTC');
  const list = callMethod(m, 'get_instruments', { currency: 'BTC', kind: 'option' }) as unknown[];
  const sums = callMethod(m, 'get_book_summary_by_currency', {
    currency: 'BTC',
    kind: 'option',
  }) as unknown[];
  chain.seed(list.map(parseInstrumentRecord), sums.map(parseBookSummary), m.feed.indexPrice('BTC'));
  chain.applyMarkprice(
    m.feed.options('BTC').map((o) => ({
      instrument_name: o.instrument_name,
      mark_price: o.mark_price,
      iv: o.mark_iv / 100,
      timestamp: m.time(),
    })),
  );
  chain.applyDvol({ volatility: m.feed.dvol('BTC') });
  return computeSurface(chain.snapshot(), { stale: served.stale, feed: served.feed });
}

describe('live surface on the simulated exchange', () => {
  let ex: TestExchange;
  let surfaces: SurfaceService;
  let stop = () => {};
  const rec: Recorded = { subscribed: [], messages: new Map() };

  beforeAll(async () => {
    ex = await startTestExchange();
    surfaces = createSurfaceService({
      connect: () => recordingUpstream(ex.wsUrl, rec),
      rest: createDeribitHttpClient({ baseUrl: ex.url, limiter: null }),
      cadenceMs: 50,
      staleAfterMs: 400,
      refreshMs: 60_000,
      // Cold fits every cycle, so the served surface is a function of the exchange state alone (warm starts
      // reach the same optima only to the fits' tolerances: test/server/surface/warm-start.test.ts).
      warmStart: false,
    });
  });
  afterEach(() => stop());
  afterAll(async () => {
    surfaces?.close();
    await ex?.close();
  });

  it('serves what a recomputation from the exchange state gives at the same instant', async () => {
    stop = ticking(ex);
    const first = await surfaces.latest('BTC');
    expect(first.expiries.length).toBeGreaterThan(5);
    await until(() => (rec.messages.get('markprice.options.btc_usd') ?? 0) > 5);
    stop();
    const t = ex.clock.t;
    await surfaces.refresh('BTC');
    let served = await surfaces.latest('BTC');
    await until(() => {
      void surfaces.latest('BTC').then((s) => (served = s));
      return served.asOf === t && served.feed.refreshed_ms !== first.feed.refreshed_ms;
    });
    expect(served.asOf).toBe(t);
    const expected = recompute(ex, served);
    expect(served).toEqual(expected);
    // The surface has substance: fits on most expiries, finite metrics, points in percent.
    const fitted = served.expiries.filter((e) => e.svi !== null);
    expect(fitted.length).toBeGreaterThanOrEqual(served.expiries.length - 1);
    for (const e of fitted) {
      expect(e.metrics!.atm_iv).toBeGreaterThan(10);
      expect(e.metrics!.atm_iv).toBeLessThan(300);
      expect(e.fit!.rmse_iv).toBeLessThan(2);
    }
    expect(served.ssvi).not.toBeNull();
    expect(served.term_structure.atm_iv.length).toBeGreaterThan(0);
  });

  it('recovers from dropped sockets with one subscription per channel and no doubled messages', async () => {
    stop = ticking(ex);
    await surfaces.latest('BTC');
    const before = (await surfaces.latest('BTC')).feed.reconnects;
    ex.dropSockets();
    let s = await surfaces.latest('BTC');
    await until(() => {
      void surfaces.latest('BTC').then((x) => (s = x));
      return s.feed.reconnects > before && !s.stale;
    }, 5000);
    expect(ex.sessions()).toBe(1);
    const channels = [
      'markprice.options.btc_usd',
      'deribit_price_index.btc_usd',
      'deribit_volatility_index.btc_usd',
      'instrument.state.option.BTC',
    ];
    // The service asked once; the client resubscribed by itself after the drop.
    expect(rec.subscribed.sort()).toEqual([...channels].sort());
    expect(s.feed.gaps.some((g) => g.reason === 'reconnect' && g.until >= g.since)).toBe(true);
    stop();
    await new Promise((r) => setTimeout(r, 50));
    const n0 = rec.messages.get('markprice.options.btc_usd')!;
    for (let i = 0; i < 10; i++) {
      ex.run(100);
      await new Promise((r) => setTimeout(r, 5));
    }
    await until(() => rec.messages.get('markprice.options.btc_usd')! >= n0 + 10);
    await new Promise((r) => setTimeout(r, 50));
    expect(rec.messages.get('markprice.options.btc_usd')! - n0).toBe(10);
  });

  it('rides out 429s on the REST refresh (retried) and counts a refresh that fails for good', async () => {
    ex.faults.rateLimit(2);
    await surfaces.refresh('BTC');
    expect(ex.faults.take('rateLimit')).toBe(false);
    ex.faults.rateLimit(50);
    await expect(surfaces.refresh('BTC')).rejects.toThrow(/too_many_requests/);
    ex.faults.reset();
    let s = await surfaces.latest('BTC');
    await until(() => {
      void surfaces.latest('BTC').then((x) => (s = x));
      return s.feed.refresh_errors === 1;
    });
    expect(s.expiries.length).toBeGreaterThan(5);
  });

  it('turns stale when the exchange pauses and fresh again when it resumes', async () => {
    stop = ticking(ex);
    let s = await surfaces.latest('BTC');
    await until(() => {
      void surfaces.latest('BTC').then((x) => (s = x));
      return !s.stale;
    });
    stop();
    await until(() => {
      void surfaces.latest('BTC').then((x) => (s = x));
      return s.stale;
    });
    const silent = s.feed.channels['markprice.options.btc_usd']!.silent_ms!;
    expect(silent).toBeGreaterThan(400);
    stop = ticking(ex);
    await until(() => {
      void surfaces.latest('BTC').then((x) => (s = x));
      return !s.stale;
    });
    expect(s.feed.channels['markprice.options.btc_usd']!.silent_ms!).toBeLessThan(400);
  });
});

describe('following on demand', () => {
  it('stops the cadence and lets the upstream go once nobody listens, and follows again on demand', async () => {
    const ex = await startTestExchange();
    const rec: Recorded = { subscribed: [], messages: new Map() };
    // Every schedule the service runs (cadence, REST refresh, idle sweep), live ones only.
    const timers = new Set<ReturnType<typeof setInterval>>();
    const surfaces = createSurfaceService({
      connect: () => recordingUpstream(ex.wsUrl, rec),
      rest: createDeribitHttpClient({ baseUrl: ex.url, limiter: null }),
      cadenceMs: 50,
      staleAfterMs: 400,
      refreshMs: 60_000,
      idleAfterMs: 300,
      every: (ms, fn) => {
        const timer = setInterval(fn, ms);
        timers.add(timer);
        return () => {
          clearInterval(timer);
          timers.delete(timer);
        };
      },
    });
    const stop = ticking(ex);
    const pushed: number[] = [];
    const listener = (e: WsEvent) => {
      if (e.type === 'data') pushed.push((e.data as CompactSurface).asOf);
    };
    try {
      surfaces.channels.subscribe('surface.BTC', listener);
      await until(() => surfaces.stats().following.includes('BTC'), 5000);
      const n0 = pushed.length;
      await until(() => pushed.length >= n0 + 3, 5000);
      expect(surfaces.stats().following).toEqual(['BTC']);
      surfaces.channels.unsubscribe('surface.BTC');
      await until(() => surfaces.stats().following.length === 0, 5000);
      // Nothing left to fire: no cadence, no refresh, no sweep; the exchange sees no session.
      expect(timers.size).toBe(0);
      await until(() => ex.sessions() === 0);
      const fitsWhileIdle = surfaces.stats().fits.BTC;
      const pushedWhileIdle = pushed.length;
      // A request follows the currency again from a fresh seed, stale until the marks flow.
      let s = await surfaces.latest('BTC');
      expect(surfaces.stats().following).toEqual(['BTC']);
      expect(surfaces.stats().fits.BTC).toBe(fitsWhileIdle + 1);
      expect(pushed.length).toBe(pushedWhileIdle);
      await until(() => {
        void surfaces.latest('BTC').then((x) => (s = x));
        return !s.stale;
      }, 5000);
      // A subscriber starts the cadence again.
      surfaces.channels.subscribe('surface.BTC', listener);
      await until(() => pushed.length >= pushedWhileIdle + 3, 5000);
      expect(rec.subscribed.filter((c) => c === 'markprice.options.btc_usd')).toHaveLength(2);
      expect(ex.sessions()).toBe(1);
    } finally {
      stop();
      surfaces.close();
      await ex.close();
    }
  });
});

describe('an expiry at 08:00 UTC', () => {
  it('leaves the surface cleanly when the exchange clock passes it', async () => {
    const ex = await startTestExchange();
    const expiry = HISTORY_END + 8 * 3_600_000;
    ex.clock.t = expiry - 3000;
    ex.tick(ex.clock.t);
    const rec: Recorded = { subscribed: [], messages: new Map() };
    const surfaces = createSurfaceService({
      connect: () => recordingUpstream(ex.wsUrl, rec),
      rest: createDeribitHttpClient({ baseUrl: ex.url, limiter: null }),
      cadenceMs: 20,
      refreshMs: 60_000,
    });
    try {
      let s = await surfaces.latest('BTC');
      expect(s.expiries[0]!.expiry_ms).toBe(expiry);
      expect(s.expiries[0]!.expiry).toBe('1JAN26');
      for (let i = 0; i < 40; i++) {
        ex.run(100);
        await new Promise((r) => setTimeout(r, 5));
      }
      expect(ex.clock.t).toBeGreaterThan(expiry);
      await until(() => {
        void surfaces.latest('BTC').then((x) => (s = x));
        return s.asOf === ex.clock.t;
      });
      expect(s.expiries.every((e) => e.expiry_ms > s.asOf)).toBe(true);
      expect(s.expiries.some((e) => e.expiry === '1JAN26')).toBe(false);
      expect(s.expiries[0]!.T).toBeGreaterThan(0);
      expect(s.expiries[0]!.svi).not.toBeNull();
      // The exchange told us, too: its listing channel carried the terminations.
      expect(rec.messages.get('instrument.state.option.BTC')).toBeGreaterThan(0);
    } finally {
      surfaces.close();
      await ex.close();
    }
  });
});

describe('the sidecar serving the surface', () => {
  let fx: Fixture;
  let ex: TestExchange;
  let server: RunningServer;
  /** The sidecar wants its token on every route but health. */
  const signedIn = () => ({ headers: { Authorization: `Bearer ${server.token}` } });
  let stop = () => {};

  beforeAll(async () => {
    fx = await createFixture({ rows: 5 });
    ex = await startTestExchange();
    server = await startServer({
      ...fx.config,
      port: 0,
      simulatedExchange: false,
      deribitUrl: ex.url,
    });
    stop = ticking(ex);
  });
  afterAll(async () => {
    stop();
    await server?.close();
    await ex?.close();
    await fx?.cleanup();
  });

  it('answers GET latest with the full state, IVs in percent', async () => {
    const res = await fetch(
      new URL('api/volatility/surface/latest?currency=BTC', server.url),
      signedIn(),
    );
    expect(res.status).toBe(200);
    const s = (await res.json()) as SurfaceState;
    expect(s.currency).toBe('BTC');
    expect(s.asOf).toBeGreaterThan(HISTORY_END);
    const e = s.expiries.find((x) => x.svi !== null)!;
    expect(Object.keys(e.svi!).sort()).toEqual(['a', 'b', 'm', 'rho', 'sigma']);
    const atm = e.points.reduce((a, b) => (Math.abs(b.k) < Math.abs(a.k) ? b : a));
    expect(atm.mark_iv).toBeGreaterThan(10);
    expect(atm.bid_iv!).toBeLessThan(atm.mark_iv!);
    expect(atm.ask_iv!).toBeGreaterThan(atm.mark_iv!);
    expect(Math.abs(atm.fit_iv! - atm.mark_iv!)).toBeLessThan(2);
    expect(atm.age_ms).toBeGreaterThanOrEqual(0);
    expect(
      (await fetch(new URL('api/volatility/surface/latest?currency=DOGE', server.url), signedIn()))
        .status,
    ).toBe(400);
  });

  it('pushes surface.BTC on /api/live under 50 KB a message, asOf advancing', async () => {
    const ws = new WebSocket(`${server.url.replace('http', 'ws')}api/live`, signedIn());
    const frames: { type: string; channel?: string; data?: CompactSurface; size: number }[] = [];
    ws.on('message', (raw) =>
      frames.push({ ...JSON.parse(String(raw)), size: String(raw).length }),
    );
    await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
    ws.send(JSON.stringify({ op: 'subscribe', channels: ['surface.BTC'] }));
    const data = () => frames.filter((f) => f.type === 'data' && f.channel === 'surface.BTC');
    await until(() => new Set(data().map((f) => f.data!.asOf)).size >= 3, 8000);
    ws.close();
    for (const f of data()) expect(f.size).toBeLessThan(50_000);
    const asOfs = data().map((f) => f.data!.asOf);
    expect([...asOfs].sort((a, b) => a - b)).toEqual(asOfs);
    expect(data()[0]!.data!.expiries.length).toBeGreaterThan(5);
    expect(data()[0]!.data!.expiries[0]!.strikes.length).toBe(
      data()[0]!.data!.expiries[0]!.mark_iv.length,
    );
  });

  it('freezes the chain it shows into chain_snapshots, every row at asOf', async () => {
    const res = await fetch(new URL('api/volatility/surface/freeze?currency=BTC', server.url), {
      method: 'POST',
      // Bodiless, but every POST to the API declares JSON (a cross-site form cannot).
      headers: { ...signedIn().headers, 'Content-Type': 'application/json' },
    });
    expect(res.status).toBe(201);
    const r = (await res.json()) as FreezeResult;
    // Every strike shown is listed as a call and a put on the simulated exchange.
    const pointsShown = r.surface.expiries.reduce((n, e) => n + e.points.length, 0);
    expect(r.rows).toBe(2 * pointsShown);
    expect(r.dataset).toBe('chain_snapshots');
    expect(r.partitions).toEqual([
      `source=simulated/kind=chain_snapshots/currency=BTC/date=${new Date(r.asOf).toISOString().slice(0, 10)}`,
    ]);
    const rows = await queryRows(
      `SELECT count(*)::INTEGER AS n, min(epoch_ms("timestamp"))::BIGINT AS lo, max(epoch_ms("timestamp"))::BIGINT AS hi,
        count(DISTINCT instrument_name)::INTEGER AS names
       FROM read_parquet(?)`,
      [join(fx.config.datasetsDir, r.partitions[0]!, 'part-0.parquet')],
    );
    expect(rows[0]).toEqual({ n: r.rows, lo: BigInt(r.asOf), hi: BigInt(r.asOf), names: r.rows });
    // What the desk showed at the first expiry is in the file, strike for strike.
    const e = r.surface.expiries[0]!;
    const strikes = await queryRows(
      `SELECT DISTINCT strike FROM read_parquet(?) WHERE epoch_ms(expiry) = ? ORDER BY strike`,
      [join(fx.config.datasetsDir, r.partitions[0]!, 'part-0.parquet'), e.expiry_ms],
    );
    expect(strikes.map((x) => x.strike)).toEqual(e.points.map((p) => p.strike));
    // The catalog lists the frozen chain at once: a notebook's next look at the datasets finds it.
    const catalog = (await (
      await fetch(new URL('api/datasets', server.url), signedIn())
    ).json()) as { datasets: { name: string; rows: number }[] };
    expect(catalog.datasets.find((d) => d.name === 'chain_snapshots')?.rows).toBe(r.rows);
  });
});
