/**
 * The live surface end to end: the real Deribit WebSocket and REST clients following the simulated exchange on
 * loopback (fake exchange clock, ticked from the test), the surface service on top. Checks the served surface
 * against a recomputation from the exchange's own state at the same instant, an expiry rolling off at 08:00
 * UTC, recovery from dropped sockets without a second subscription, and `stale` while the exchange is paused.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createDeribitHttpClient } from '../../server/sources/deribit/http-client';
import { parseBookSummary, parseInstrumentRecord } from '../../server/sources/deribit/parse';
import { createDeribitWsClient, type WsEvent } from '../../server/sources/deribit/ws-client';
import { callMethod } from '../../server/sources/simulated/methods';
import type { LiveUpstream } from '../../server/live/hub';
import { createChainState } from '../../server/surface/chain-state';
import { computeSurface } from '../../server/surface/compute';
import { createSurfaceService, type SurfaceService } from '../../server/surface/service';
import type { SurfaceState } from '../../server/surface/types';
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
