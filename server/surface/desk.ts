/**
 * One currency's desk inside the surface service: its chain, its feed monitor, the four upstream channels it
 * follows, and the state of its schedules and cache. `applyUpstreamData` routes one upstream message to the
 * chain and records its arrival (or a malformed payload) on the feed monitor.
 */
import type { WsEvent } from '../sources/deribit/ws-client';
import { createChainState, type ChainState } from './chain-state';
import { createFeedMonitor, type FeedMonitor } from './feed-monitor';
import type { SurfaceCurrency, SurfaceState } from '../contract/surface';

export type UpstreamKind = 'mark' | 'index' | 'dvol' | 'listing';

export interface Desk {
  currency: SurfaceCurrency;
  chain: ChainState;
  feed: FeedMonitor;
  upstream: Record<UpstreamKind, string>;
  /** Following starts on first demand (in flight or done); `followed` once it is done. */
  started: Promise<void> | null;
  followed: boolean;
  /** Wall clock of the last request, subscription change or index-listener change (for letting go when idle). */
  lastUse: number;
  /** Surfaces computed since the service started. */
  fits: number;
  emit: ((e: WsEvent) => void) | null;
  cache: { version: number; feed: number; stale: boolean; at: number; state: SurfaceState } | null;
  /** The refresh schedule (while followed) and the channel cadence (while subscribed). */
  stopRefresh: (() => void) | null;
  stopCycle: (() => void) | null;
}

/** @example createDesk('BTC', 5000).upstream.mark; // 'markprice.options.btc_usd' */
export function createDesk(currency: SurfaceCurrency, staleAfterMs: number): Desk {
  const index = `${currency.toLowerCase()}_usd`;
  return {
    currency,
    chain: createChainState(currency),
    feed: createFeedMonitor(staleAfterMs),
    upstream: {
      mark: `markprice.options.${index}`,
      index: `deribit_price_index.${index}`,
      dvol: `deribit_volatility_index.${index}`,
      listing: `instrument.state.option.${currency}`,
    },
    started: null,
    followed: false,
    lastUse: 0,
    fits: 0,
    emit: null,
    cache: null,
    stopRefresh: null,
    stopCycle: null,
  };
}

/** Apply one upstream message of `kind` received at wall-clock `at`. */
export function applyUpstreamData(
  desk: Desk,
  kind: UpstreamKind,
  channel: string,
  data: unknown,
  at: number,
): void {
  desk.feed.message(channel, at);
  const ok =
    kind === 'mark'
      ? desk.chain.applyMarkprice(data)
      : kind === 'index'
        ? desk.chain.applyIndex(data)
        : kind === 'dvol'
          ? desk.chain.applyDvol(data)
          : desk.chain.applyInstrumentState(data);
  if (!ok) desk.feed.gap({ channel, reason: 'malformed', since: at, until: at });
}
