/**
 * The live surface service: one upstream WebSocket (opened on first demand) following, per currency, the
 * option marks, the index, DVOL and listings; bid/ask/OI refreshed by REST every `refreshMs` (one
 * `get_book_summary_by_currency` per currency: 1 request per 10 s is far inside Deribit's credits, where
 * per-instrument tickers would need hundreds of subscriptions). Surfaces are computed at most every
 * `cadenceMs` (2 Hz) and only on demand: while a `surface.*` channel has subscribers (pushed to the `/api/live`
 * hub) or when a request is served. A reconnect (the client resubscribes by itself: never twice) is reported as
 * a gap and re-seeds the listing, since instruments may have been listed or expired meanwhile. A currency
 * nobody has wanted for `idleAfterMs` (no `surface.*` subscriber, no index listener, no request) is let go: its
 * schedules stop and its upstream channels are unsubscribed (the socket closes with the last one); the next
 * demand follows it again from a fresh seed.
 */
import type { WsEvent } from '../sources/deribit/ws-client';
import type { BookSummary, IndexPrice, Instrument } from '../sources/deribit/records';
import type { LiveLocalChannels, LiveUpstream } from '../live/hub';
import type { ChainSnapshot } from './chain-state';
import { compactSurface } from './compact';
import { computeSurface } from './compute';
import { applyUpstreamData, createDesk, type Desk, type UpstreamKind } from './desk';
import { createFeedMonitor } from './feed-monitor';
import { freezeRows, type FreezeWriter } from './freeze';
import type { FreezeResult, SurfaceCurrency, SurfaceState } from '../contract/surface';
import { withTimeout } from '../util/with-timeout';

export const SURFACE_CURRENCIES: readonly SurfaceCurrency[] = ['BTC', 'ETH'];

/** What the service needs of Deribit's REST API (a `DeribitHttpClient` fits). */
export interface SurfaceRest {
  getInstruments(p: { currency: string; kind?: string }): Promise<Instrument[]>;
  getBookSummaryByCurrency(p: { currency: string; kind?: string }): Promise<BookSummary[]>;
  getIndexPrice(p: { index_name: string }): Promise<IndexPrice>;
}

export interface SurfaceServiceOptions {
  connect: () => LiveUpstream;
  rest: SurfaceRest;
  /** Writes frozen rows (see `freeze.ts`); freezing answers 503 without it. */
  freeze?: FreezeWriter;
  /** Wall clock, for silences and the cadence. */
  now?: () => number;
  /** Run `fn` every `ms`; returns a cancel function (default setInterval). */
  every?: (ms: number, fn: () => void) => () => void;
  cadenceMs?: number;
  refreshMs?: number;
  staleAfterMs?: number;
  connectTimeoutMs?: number;
  /** How long a currency stays followed after its last use (default 30 s). */
  idleAfterMs?: number;
  /** Start each cycle's fits from the previous cycle's (default true; false: every cycle fits cold). */
  warmStart?: boolean;
}

/** What the service is doing, for tests and health: fits computed so far and the currencies followed now. */
export interface SurfaceServiceStats {
  fits: Record<SurfaceCurrency, number>;
  following: SurfaceCurrency[];
}

export interface SurfaceService {
  /** The full state now (starts following the currency on first use). */
  latest(currency: SurfaceCurrency): Promise<SurfaceState>;
  freeze(currency: SurfaceCurrency): Promise<FreezeResult>;
  /** The followed chain itself (marks, IVs, forwards of every listed option), e.g. to mark a portfolio. */
  chain(currency: SurfaceCurrency): Promise<ChainSnapshot>;
  /** Refresh bid/ask/OI by REST now (the schedule does this every `refreshMs`). */
  refresh(currency: SurfaceCurrency): Promise<void>;
  /** `surface.BTC` / `surface.ETH` for the hub. */
  readonly channels: LiveLocalChannels;
  /**
   * Every index price of `currency` as it arrives (`at`: wall clock), from the service's own upstream socket:
   * starts following the currency (retried by `latest`). Returns a function that stops listening.
   */
  onIndex(currency: SurfaceCurrency, listener: (price: number, at: number) => void): () => void;
  stats(): SurfaceServiceStats;
  close(): void;
}

const defaultEvery = (ms: number, fn: () => void) => {
  const timer = setInterval(fn, ms);
  return () => clearInterval(timer);
};

/**
 * @example
 * const surfaces = createSurfaceService({connect: () => createDeribitWsClient({url}), rest: deribit});
 * const hub = createLiveHub({connect, local: surfaces.channels});
 * (await surfaces.latest('BTC')).expiries[0].svi;
 */
export function createSurfaceService(o: SurfaceServiceOptions): SurfaceService {
  const now = o.now ?? Date.now;
  const every = o.every ?? defaultEvery;
  const cadenceMs = o.cadenceMs ?? 500;
  const refreshMs = o.refreshMs ?? 10_000;
  const staleAfterMs = o.staleAfterMs ?? 5000;
  const idleAfterMs = o.idleAfterMs ?? 30_000;
  const desks = new Map<SurfaceCurrency, Desk>();
  const byChannel = new Map<string, { desk: Desk; kind: UpstreamKind }>();
  for (const currency of SURFACE_CURRENCIES) {
    const desk = createDesk(currency, staleAfterMs);
    desks.set(currency, desk);
    for (const [kind, channel] of Object.entries(desk.upstream))
      byChannel.set(channel, { desk, kind: kind as UpstreamKind });
  }
  let upstream: LiveUpstream | null = null;
  let stopListening: (() => void) | null = null;
  let stopSweep: (() => void) | null = null;
  const indexListeners = new Map<SurfaceCurrency, Set<(price: number, at: number) => void>>();

  const onUpstream = (e: WsEvent) => {
    if (e.type === 'open' || e.type === 'close') {
      for (const d of desks.values()) d.feed.connected(e.type === 'open');
      return;
    }
    if (e.type === 'gap') {
      const target = e.channel === null ? null : byChannel.get(e.channel);
      const affected = target ? [target.desk] : [...desks.values()].filter((d) => d.started);
      for (const d of affected) {
        d.feed.gap({ channel: e.channel, reason: e.reason, since: e.since, until: e.until });
        if (e.reason === 'reconnect' && target?.kind === 'mark') {
          d.emit?.({ ...e, channel: `surface.${d.currency}` });
          void seed(d).catch(() => d.feed.refreshFailed());
        }
      }
      return;
    }
    const target = byChannel.get(e.channel);
    if (!target) return;
    const at = now();
    applyUpstreamData(target.desk, target.kind, e.channel, e.data, at);
    const listeners =
      target.kind === 'index' ? indexListeners.get(target.desk.currency) : undefined;
    if (listeners?.size) {
      const price = (e.data as { price?: unknown } | null)?.price;
      if (typeof price === 'number' && price > 0) for (const l of listeners) l(price, at);
    }
  };

  const seed = async (d: Desk) => {
    const [instruments, summaries, index] = await Promise.all([
      o.rest.getInstruments({ currency: d.currency, kind: 'option' }),
      o.rest.getBookSummaryByCurrency({ currency: d.currency, kind: 'option' }),
      o.rest.getIndexPrice({ index_name: `${d.currency.toLowerCase()}_usd` }),
    ]);
    d.chain.seed(instruments, summaries, index.index_price);
    d.feed.refreshed(now());
  };
  const refresh = async (d: Desk) => {
    const [summaries, index] = await Promise.all([
      o.rest.getBookSummaryByCurrency({ currency: d.currency, kind: 'option' }),
      o.rest.getIndexPrice({ index_name: `${d.currency.toLowerCase()}_usd` }),
    ]);
    d.chain.applySummaries(summaries, index.index_price);
    d.feed.refreshed(now());
  };

  const start = (d: Desk): Promise<void> => {
    d.started ??= (async () => {
      if (!upstream) {
        upstream = o.connect();
        stopListening = upstream.on(onUpstream);
      }
      const up = upstream;
      await withTimeout(up.ready(), o.connectTimeoutMs ?? 10_000, 'upstream not connected');
      for (const x of desks.values()) x.feed.connected(true);
      const channels = Object.values(d.upstream);
      d.feed.follow([d.upstream.mark, d.upstream.index, d.upstream.dvol]);
      d.feed.follow([d.upstream.listing], false);
      await up.subscribe(channels);
      await seed(d);
      d.stopRefresh ??= every(refreshMs, () => void refresh(d).catch(() => d.feed.refreshFailed()));
      d.followed = true;
      stopSweep ??= every(Math.min(idleAfterMs, 5000), sweep);
    })().catch((error: unknown) => {
      d.started = null;
      throw error;
    });
    return d.started;
  };

  const idle = (d: Desk, t: number) =>
    d.followed &&
    d.emit === null &&
    !indexListeners.get(d.currency)?.size &&
    t - d.lastUse >= idleAfterMs;
  /** Let go of an idle currency: its refresh stops, its channels are unsubscribed, the last one closes the socket. */
  const release = (d: Desk) => {
    d.stopRefresh?.();
    d.stopRefresh = null;
    d.started = null;
    d.followed = false;
    d.cache = null;
    // Its silences and gaps belonged to the feed it followed; a fresh monitor says "stale" until data flows again.
    d.feed = createFeedMonitor(staleAfterMs);
    const up = upstream;
    if (!up) return;
    if ([...desks.values()].some((x) => x.started)) {
      void up.unsubscribe(Object.values(d.upstream)).catch(() => {});
      return;
    }
    stopListening?.();
    stopSweep?.();
    stopListening = stopSweep = upstream = null;
    up.close();
    for (const x of desks.values()) x.feed.connected(false);
  };
  const sweep = () => {
    const t = now();
    for (const d of desks.values()) if (idle(d, t)) release(d);
  };

  /** The surface now, computed again only when the chain or staleness changed, at most every cadenceMs. */
  const compute = (d: Desk, force = false): SurfaceState => {
    const t = now();
    d.chain.rollOff(d.chain.asOf);
    const stale = d.feed.stale(t);
    const c = d.cache;
    const unchanged =
      c !== null &&
      c.version === d.chain.version &&
      c.feed === d.feed.revision &&
      c.stale === stale;
    if (c && !force && (unchanged || t - c.at < cadenceMs)) return c.state;
    const state = computeSurface(
      d.chain.snapshot(),
      { stale, feed: d.feed.status(t) },
      o.warmStart === false ? null : (c?.state ?? null),
    );
    d.fits++;
    d.cache = { version: d.chain.version, feed: d.feed.revision, stale, at: t, state };
    return state;
  };

  const desk = (currency: SurfaceCurrency): Desk => {
    const d = desks.get(currency);
    if (!d) throw new RangeError(`invalid currency: ${String(currency)}`);
    d.lastUse = now();
    return d;
  };

  return {
    async latest(currency) {
      const d = desk(currency);
      await start(d);
      return compute(d);
    },
    async freeze(currency) {
      if (!o.freeze) throw new Error('freezing is not configured');
      const d = desk(currency);
      await start(d);
      const surface = compute(d, true);
      const rows = freezeRows(d.chain.snapshot(), surface.asOf);
      const written = await o.freeze(rows);
      return { currency, asOf: surface.asOf, rows: rows.length, ...written, surface };
    },
    async chain(currency) {
      const d = desk(currency);
      await start(d);
      d.chain.rollOff(d.chain.asOf);
      return d.chain.snapshot();
    },
    async refresh(currency) {
      const d = desk(currency);
      await start(d);
      await refresh(d).catch((error: unknown) => {
        d.feed.refreshFailed();
        throw error;
      });
    },
    onIndex(currency, listener) {
      const d = desk(currency);
      let set = indexListeners.get(currency);
      if (!set) indexListeners.set(currency, (set = new Set()));
      set.add(listener);
      void start(d).catch(() => {});
      return () => {
        set.delete(listener);
        d.lastUse = now();
      };
    },
    channels: {
      has: (channel) => SURFACE_CURRENCIES.some((c) => channel === `surface.${c}`),
      subscribe(channel, emit) {
        const d = desk(channel.slice('surface.'.length) as SurfaceCurrency);
        d.stopCycle?.();
        d.emit = emit;
        let last: { version: number; stale: boolean } | null = null;
        const cycle = () => {
          if (d.emit !== emit) return;
          if (!d.followed) return void start(d).catch(() => {});
          const state = compute(d);
          const version = d.cache!.version;
          if (last && last.version === version && last.stale === state.stale) return;
          last = { version, stale: state.stale };
          emit({ type: 'data', channel, data: compactSurface(state) });
        };
        start(d).then(cycle, () => {});
        d.stopCycle = every(cadenceMs, cycle);
      },
      unsubscribe(channel) {
        const d = desk(channel.slice('surface.'.length) as SurfaceCurrency);
        d.emit = null;
        d.stopCycle?.();
        d.stopCycle = null;
      },
    },
    stats: () => ({
      fits: { BTC: desks.get('BTC')!.fits, ETH: desks.get('ETH')!.fits },
      following: SURFACE_CURRENCIES.filter((c) => desks.get(c)!.followed),
    }),
    close() {
      for (const d of desks.values()) {
        d.stopCycle?.();
        d.stopRefresh?.();
        d.stopCycle = d.stopRefresh = d.emit = null;
      }
      stopSweep?.();
      stopListening = stopSweep = null;
      upstream?.close();
      upstream = null;
    },
  };
}
