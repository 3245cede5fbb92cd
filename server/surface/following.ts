/**
 * Following the upstream for the surface service: one WebSocket (opened on first demand) carrying, per currency,
 * the option marks, the index, DVOL and listings, and bid/ask/OI refreshed by REST every `refreshMs` (one
 * `get_book_summary_by_currency` per currency: 1 request per 10 s is far inside Deribit's credits, where
 * per-instrument tickers would need hundreds of subscriptions). A reconnect (the client resubscribes by itself:
 * never twice) is reported as a gap and re-seeds the listing, since instruments may have been listed or expired
 * meanwhile. A currency nobody has wanted for `idleAfterMs` (no `surface.*` subscriber, no index listener, no
 * request) is let go: its schedule stops and its channels are unsubscribed; the socket closes with the last one.
 */
import type { WsEvent } from '../sources/deribit/ws-client';
import type { BookSummary, IndexPrice, Instrument } from '../sources/deribit/records';
import type { LiveUpstream } from '../live/hub';
import { applyUpstreamData, type Desk, type UpstreamKind } from './desk';
import { createFeedMonitor } from './feed-monitor';
import type { SurfaceCurrency } from '../contract/surface';
import { withTimeout } from '../util/with-timeout';

/** What the service needs of Deribit's REST API (a `DeribitHttpClient` fits). */
export interface SurfaceRest {
  getInstruments(p: { currency: string; kind?: string }): Promise<Instrument[]>;
  getBookSummaryByCurrency(p: { currency: string; kind?: string }): Promise<BookSummary[]>;
  getIndexPrice(p: { index_name: string }): Promise<IndexPrice>;
}

export interface FollowingOptions {
  connect: () => LiveUpstream;
  rest: SurfaceRest;
  now: () => number;
  every: (ms: number, fn: () => void) => () => void;
  refreshMs: number;
  staleAfterMs: number;
  idleAfterMs: number;
  connectTimeoutMs: number;
}

export interface Following {
  /** Follow a desk's currency (once; a failure lets the next call try again). */
  start(d: Desk): Promise<void>;
  /** Refresh bid/ask/OI and the index by REST now. */
  refresh(d: Desk): Promise<void>;
  /** Every index price of the desk's currency as it arrives; returns a function that stops listening. */
  onIndex(d: Desk, listener: (price: number, at: number) => void): () => void;
  close(): void;
}

export function createFollowing(desks: readonly Desk[], o: FollowingOptions): Following {
  const byChannel = new Map<string, { desk: Desk; kind: UpstreamKind }>();
  for (const desk of desks)
    for (const [kind, channel] of Object.entries(desk.upstream))
      byChannel.set(channel, { desk, kind: kind as UpstreamKind });
  let upstream: LiveUpstream | null = null;
  let stopListening: (() => void) | null = null;
  let stopSweep: (() => void) | null = null;
  const indexListeners = new Map<SurfaceCurrency, Set<(price: number, at: number) => void>>();

  const onUpstream = (e: WsEvent) => {
    if (e.type === 'open' || e.type === 'close') {
      for (const d of desks) d.feed.connected(e.type === 'open');
      return;
    }
    if (e.type === 'gap') {
      const target = e.channel === null ? null : byChannel.get(e.channel);
      const affected = target ? [target.desk] : desks.filter((d) => d.started);
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
    const at = o.now();
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
    d.feed.refreshed(o.now());
  };
  const refresh = async (d: Desk) => {
    const [summaries, index] = await Promise.all([
      o.rest.getBookSummaryByCurrency({ currency: d.currency, kind: 'option' }),
      o.rest.getIndexPrice({ index_name: `${d.currency.toLowerCase()}_usd` }),
    ]);
    d.chain.applySummaries(summaries, index.index_price);
    d.feed.refreshed(o.now());
  };

  const start = (d: Desk): Promise<void> => {
    d.started ??= (async () => {
      if (!upstream) {
        upstream = o.connect();
        stopListening = upstream.on(onUpstream);
      }
      const up = upstream;
      await withTimeout(up.ready(), o.connectTimeoutMs, 'upstream not connected');
      for (const x of desks) x.feed.connected(true);
      const channels = Object.values(d.upstream);
      d.feed.follow([d.upstream.mark, d.upstream.index, d.upstream.dvol]);
      d.feed.follow([d.upstream.listing], false);
      await up.subscribe(channels);
      await seed(d);
      d.stopRefresh ??= o.every(
        o.refreshMs,
        () => void refresh(d).catch(() => d.feed.refreshFailed()),
      );
      d.followed = true;
      stopSweep ??= o.every(Math.min(o.idleAfterMs, 5000), sweep);
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
    t - d.lastUse >= o.idleAfterMs;
  /** Let go of an idle currency: its refresh stops, its channels are unsubscribed, the last one closes the socket. */
  const release = (d: Desk) => {
    d.stopRefresh?.();
    d.stopRefresh = null;
    d.started = null;
    d.followed = false;
    d.cache = null;
    // Its silences and gaps belonged to the feed it followed; a fresh monitor says "stale" until data flows again.
    d.feed = createFeedMonitor(o.staleAfterMs);
    const up = upstream;
    if (!up) return;
    if (desks.some((x) => x.started)) {
      void up.unsubscribe(Object.values(d.upstream)).catch(() => {});
      return;
    }
    stopListening?.();
    stopSweep?.();
    stopListening = stopSweep = upstream = null;
    up.close();
    for (const x of desks) x.feed.connected(false);
  };
  const sweep = () => {
    const t = o.now();
    for (const d of desks) if (idle(d, t)) release(d);
  };

  return {
    start,
    refresh,
    onIndex(d, listener) {
      let set = indexListeners.get(d.currency);
      if (!set) indexListeners.set(d.currency, (set = new Set()));
      set.add(listener);
      void start(d).catch(() => {});
      return () => {
        set.delete(listener);
        d.lastUse = o.now();
      };
    },
    close() {
      for (const d of desks) {
        d.stopRefresh?.();
        d.stopRefresh = null;
      }
      stopSweep?.();
      stopListening = stopSweep = null;
      upstream?.close();
      upstream = null;
    },
  };
}
