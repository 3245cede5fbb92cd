/**
 * What the surface knows about its feed: the wall-clock time of the last message on each upstream channel,
 * whether the socket is up, the reconnect and malformed-frame gaps (the newest 20), REST refreshes and their
 * failures. `stale(now)` is true while the socket is down or any channel has been silent longer than the limit.
 */
import type { FeedGap, FeedStatus } from '../contract/surface';

const MAX_GAPS = 20;

export interface FeedMonitor {
  /** Channels whose silence makes the feed stale (listing channels are quiet for hours: record, don't watch). */
  follow(channels: readonly string[], watch?: boolean): void;
  message(channel: string, at: number): void;
  connected(up: boolean): void;
  gap(g: FeedGap): void;
  refreshed(at: number): void;
  refreshFailed(): void;
  stale(now: number): boolean;
  /** Bumped when connection, gaps or refreshes change (not on every message). */
  readonly revision: number;
  status(now: number): FeedStatus;
}

/** @example const feed = createFeedMonitor(5000); feed.follow(['deribit_price_index.btc_usd']); */
export function createFeedMonitor(staleAfterMs: number): FeedMonitor {
  const last = new Map<string, number | null>();
  const watched = new Set<string>();
  const gaps: FeedGap[] = [];
  let up = false;
  let reconnects = 0;
  let refreshedAt: number | null = null;
  let refreshErrors = 0;
  let revision = 0;
  return {
    get revision() {
      return revision;
    },
    follow(channels, watch = true) {
      for (const c of channels) {
        if (!last.has(c)) last.set(c, null);
        if (watch) watched.add(c);
      }
    },
    message(channel, at) {
      if (last.has(channel)) last.set(channel, at);
    },
    connected(next) {
      if (up !== next) revision++;
      up = next;
    },
    gap(g) {
      if (
        g.reason === 'reconnect' &&
        !gaps.some((x) => x.since === g.since && x.reason === g.reason)
      )
        reconnects++;
      gaps.push(g);
      revision++;
      if (gaps.length > MAX_GAPS) gaps.splice(0, gaps.length - MAX_GAPS);
    },
    refreshed(at) {
      refreshedAt = at;
      revision++;
    },
    refreshFailed() {
      refreshErrors++;
      revision++;
    },
    stale(now) {
      if (!up || watched.size === 0) return true;
      for (const c of watched) {
        const t = last.get(c) ?? null;
        if (t === null || now - t > staleAfterMs) return true;
      }
      return false;
    },
    status(now) {
      const channels: FeedStatus['channels'] = {};
      for (const [c, t] of last)
        channels[c] = { last_ms: t, silent_ms: t === null ? null : now - t };
      return {
        connected: up,
        channels,
        gaps: [...gaps],
        reconnects,
        refreshed_ms: refreshedAt,
        refresh_errors: refreshErrors,
      };
    },
  };
}
