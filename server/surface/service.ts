/**
 * The live surface service: per currency, the chain followed from the upstream (following.ts: one WebSocket
 * opened on first demand, REST refreshes, let go when idle), and surfaces computed from it at most every
 * `cadenceMs` (2 Hz) and only on demand: while a `surface.*` channel has subscribers (pushed to the `/api/live`
 * hub) or when a request is served.
 */
import type { LiveLocalChannels, LiveUpstream } from '../live/hub';
import type { ChainSnapshot } from './chain-state';
import { compactSurface } from './compact';
import { computeSurface } from './compute';
import { createDesk, type Desk } from './desk';
import { createFollowing, type SurfaceRest } from './following';
import { freezeRows, type FreezeWriter } from './freeze';
import type { FreezeResult, SurfaceCurrency, SurfaceState } from '../contract/surface';

export type { SurfaceRest } from './following';

export const SURFACE_CURRENCIES: readonly SurfaceCurrency[] = ['BTC', 'ETH'];

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
  for (const currency of SURFACE_CURRENCIES)
    desks.set(currency, createDesk(currency, staleAfterMs));
  const following = createFollowing([...desks.values()], {
    connect: o.connect,
    rest: o.rest,
    now,
    every,
    refreshMs,
    staleAfterMs,
    idleAfterMs,
    connectTimeoutMs: o.connectTimeoutMs ?? 10_000,
  });
  const start = following.start;

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
      await following.refresh(d).catch((error: unknown) => {
        d.feed.refreshFailed();
        throw error;
      });
    },
    onIndex(currency, listener) {
      return following.onIndex(desk(currency), listener);
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
        d.stopCycle = d.emit = null;
      }
      following.close();
    },
  };
}
