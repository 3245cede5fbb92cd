/**
 * The surface service on a fake upstream (records subscriptions, emits what the test says), a fake REST API
 * serving a synthetic chain, a hand-set clock and hand-run timers.
 */
import { describe, expect, it } from 'vitest';
import type { LiveUpstream } from '../../../server/live/hub';
import type { WsEvent } from '../../../server/sources/deribit/ws-client';
import { createSurfaceService, type SurfaceRest } from '../../../server/surface/service';
import type { CompactSurface } from '../../../server/contract/surface';
import { syntheticChain, T0 } from './chain-fixture';

const MARK = 'markprice.options.btc_usd';
const INDEX = 'deribit_price_index.btc_usd';
const DVOL = 'deribit_volatility_index.btc_usd';

function setup(failRefresh = () => false) {
  const chain = syntheticChain();
  const listeners = new Set<(e: WsEvent) => void>();
  const log: string[] = [];
  let connects = 0;
  const upstream: LiveUpstream = {
    ready: () => Promise.resolve(),
    subscribe: async (c) => (log.push(`sub ${c.join(',')}`), [...c]),
    unsubscribe: async (c) => void log.push(`unsub ${c.join(',')}`),
    resubscribe: async (c) => void log.push(`resub ${c.join(',')}`),
    on: (l) => (listeners.add(l), () => listeners.delete(l)),
    close: () => void log.push('close'),
  };
  const restCalls: string[] = [];
  const rest: SurfaceRest = {
    getInstruments: async (p) => (restCalls.push(`instruments ${p.currency}`), chain.instruments),
    getBookSummaryByCurrency: async (p) => {
      restCalls.push(`summary ${p.currency}`);
      if (failRefresh()) throw new Error('too_many_requests (10028)');
      return chain.summaries;
    },
    getIndexPrice: async () => ({
      index_price: chain.index,
      estimated_delivery_price: chain.index,
    }),
  };
  const clock = { t: 1_000_000 };
  const timers: { ms: number; fn: () => void; live: boolean }[] = [];
  const service = createSurfaceService({
    connect: () => (connects++, upstream),
    rest,
    now: () => clock.t,
    every: (ms, fn) => {
      const timer = { ms, fn, live: true };
      timers.push(timer);
      return () => void (timer.live = false);
    },
  });
  const emit = (e: WsEvent) => listeners.forEach((l) => l(e));
  const data = (channel: string, d: unknown) => emit({ type: 'data', channel, data: d });
  /** Advance the clock by `ms` and run each live timer of that period once. */
  const run = (ms: number, period = 500) => {
    clock.t += ms;
    for (const t of timers.filter((x) => x.live && x.ms === period)) t.fn();
  };
  const feedAll = (t = T0) => {
    data(
      MARK,
      chain.marks.map((m) => ({ ...m, timestamp: t })),
    );
    data(INDEX, { timestamp: t, price: chain.index, index_name: 'btc_usd' });
    data(DVOL, { timestamp: t, volatility: 52, index_name: 'btc_usd' });
  };
  return {
    service,
    log,
    restCalls,
    clock,
    timers,
    emit,
    data,
    run,
    feedAll,
    connects: () => connects,
  };
}

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('surface service', () => {
  it('connects on first demand, subscribes the four channels once, and seeds by REST', async () => {
    const s = setup();
    expect(s.connects()).toBe(0);
    const state = await s.service.latest('BTC');
    expect(s.connects()).toBe(1);
    expect(s.log).toEqual([`sub ${MARK},${INDEX},${DVOL},instrument.state.option.BTC`]);
    expect(s.restCalls.sort()).toEqual(['instruments BTC', 'summary BTC']);
    expect(state.expiries).toHaveLength(12);
    await s.service.latest('BTC');
    expect(s.log).toHaveLength(1);
    expect(s.timers.filter((t) => t.ms === 10_000 && t.live)).toHaveLength(1);
  });

  it('is stale until every watched channel speaks, and again after 5 s of silence', async () => {
    const s = setup();
    expect((await s.service.latest('BTC')).stale).toBe(true);
    s.feedAll();
    s.clock.t += 500;
    const fresh = await s.service.latest('BTC');
    expect(fresh.stale).toBe(false);
    expect(fresh.dvol).toBe(52);
    expect(fresh.feed.channels[MARK]).toEqual({ last_ms: s.clock.t - 500, silent_ms: 500 });
    s.clock.t += 5000;
    expect((await s.service.latest('BTC')).stale).toBe(true);
    s.feedAll();
    s.clock.t += 600;
    expect((await s.service.latest('BTC')).stale).toBe(false);
    s.emit({ type: 'close', code: 1006 });
    s.clock.t += 600;
    const down = await s.service.latest('BTC');
    expect(down.stale).toBe(true);
    expect(down.feed.connected).toBe(false);
  });

  it('pushes compact surfaces at most once per 500 ms tick, only on change, and stops when unsubscribed', async () => {
    const s = setup();
    const got: WsEvent[] = [];
    s.service.channels.subscribe('surface.BTC', (e) => got.push(e));
    await flush();
    await flush();
    expect(got).toHaveLength(1);
    s.feedAll();
    s.run(500);
    expect(got).toHaveLength(2);
    s.run(500);
    expect(got).toHaveLength(2);
    s.feedAll(T0 + 1000);
    s.feedAll(T0 + 2000);
    s.run(500);
    expect(got).toHaveLength(3);
    const last = got[2]!;
    expect(last.type === 'data' && last.channel).toBe('surface.BTC');
    const data = (last as { data: CompactSurface }).data;
    expect(data.asOf).toBe(T0 + 2000);
    expect(data.expiries).toHaveLength(12);
    expect(JSON.stringify({ type: 'data', channel: 'surface.BTC', data }).length).toBeLessThan(
      50_000,
    );
    s.service.channels.unsubscribe('surface.BTC');
    s.feedAll(T0 + 3000);
    s.run(500);
    expect(got).toHaveLength(3);
  });

  it('reports a reconnect as a gap on the surface channel and re-seeds, without subscribing again', async () => {
    const s = setup();
    const got: WsEvent[] = [];
    s.service.channels.subscribe('surface.BTC', (e) => got.push(e));
    await flush();
    await flush();
    s.restCalls.length = 0;
    for (const channel of [MARK, INDEX, DVOL])
      s.emit({ type: 'gap', channel, reason: 'reconnect', since: 10, until: 20 });
    await flush();
    expect(got.filter((e) => e.type === 'gap')).toEqual([
      { type: 'gap', channel: 'surface.BTC', reason: 'reconnect', since: 10, until: 20 },
    ]);
    expect(s.restCalls.sort()).toEqual(['instruments BTC', 'summary BTC']);
    expect(s.log).toHaveLength(1);
    s.clock.t += 600;
    const state = await s.service.latest('BTC');
    expect(state.feed.reconnects).toBe(1);
    expect(state.feed.gaps).toHaveLength(3);
  });

  it('records a malformed payload as a gap and keeps the rest', async () => {
    const s = setup();
    await s.service.latest('BTC');
    s.data(MARK, 'garbage');
    s.data(INDEX, { price: 'x' });
    s.clock.t += 600;
    const state = await s.service.latest('BTC');
    expect(state.feed.gaps.map((g) => [g.channel, g.reason])).toEqual([
      [MARK, 'malformed'],
      [INDEX, 'malformed'],
    ]);
    expect(state.expiries).toHaveLength(12);
  });

  it('refreshes bid/ask/OI every 10 s and counts a failed refresh, keeping the last quotes', async () => {
    let fail = false;
    const s = setup(() => fail);
    await s.service.latest('BTC');
    s.restCalls.length = 0;
    s.run(10_000, 10_000);
    await flush();
    expect(s.restCalls).toEqual(['summary BTC']);
    fail = true;
    s.run(10_000, 10_000);
    await flush();
    s.clock.t += 600;
    const state = await s.service.latest('BTC');
    expect(state.feed.refresh_errors).toBe(1);
    expect(state.feed.refreshed_ms).toBe(s.clock.t - 10_600);
    expect(state.expiries).toHaveLength(12);
    expect(state.expiries[3]!.points[10]!.bid_iv).not.toBeNull();
  });

  it('lets a currency go 30 s after its last use and follows it again on the next demand', async () => {
    const s = setup();
    const live = () => s.timers.filter((t) => t.live).map((t) => t.ms);
    await s.service.latest('BTC');
    expect(s.service.stats().following).toEqual(['BTC']);
    const fits = s.service.stats().fits.BTC;
    expect(fits).toBe(1);
    s.run(29_999, 5000);
    expect(s.service.stats().following).toEqual(['BTC']);
    s.run(1, 5000);
    // The only followed currency: the socket closes, every schedule stops.
    expect(s.service.stats().following).toEqual([]);
    expect(s.log.at(-1)).toBe('close');
    expect(live()).toEqual([]);
    s.clock.t += 600;
    const again = await s.service.latest('BTC');
    expect(s.connects()).toBe(2);
    expect(s.log.at(-1)).toBe(`sub ${MARK},${INDEX},${DVOL},instrument.state.option.BTC`);
    expect(again.stale).toBe(true);
    expect(s.service.stats().fits.BTC).toBe(2);
    expect(live().sort((a, b) => a - b)).toEqual([5000, 10_000]);
  });

  it('keeps a currency while a channel subscriber or an index listener remains, then gives the grace', async () => {
    const s = setup();
    s.service.channels.subscribe('surface.BTC', () => {});
    const stopIndex = s.service.onIndex('ETH', () => {});
    await flush();
    await flush();
    expect(s.service.stats().following).toEqual(['BTC', 'ETH']);
    s.run(120_000, 5000);
    expect(s.service.stats().following).toEqual(['BTC', 'ETH']);
    s.service.channels.unsubscribe('surface.BTC');
    const fits = s.service.stats().fits.BTC;
    s.run(29_000, 5000);
    s.run(29_000, 500);
    expect(s.service.stats().fits.BTC).toBe(fits);
    s.run(1000, 5000);
    // ETH still followed: BTC's channels are unsubscribed, the socket stays.
    expect(s.service.stats().following).toEqual(['ETH']);
    expect(s.log.at(-1)).toBe(`unsub ${MARK},${INDEX},${DVOL},instrument.state.option.BTC`);
    stopIndex();
    s.run(29_000, 5000);
    expect(s.service.stats().following).toEqual(['ETH']);
    s.run(1000, 5000);
    expect(s.service.stats().following).toEqual([]);
    expect(s.log.at(-1)).toBe('close');
    expect(s.connects()).toBe(1);
  });

  it('rejects an unknown currency', async () => {
    const s = setup();
    await expect(s.service.latest('XRP' as 'BTC')).rejects.toThrow(/invalid currency/);
  });
});
