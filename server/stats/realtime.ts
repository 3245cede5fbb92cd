/**
 * The realtime statistics (`GET /api/stats/realtime`) as a pure function of two samples of the live hub's
 * counters and the volatility filter's latest estimates. Rates are over the time between the two samples; with
 * no earlier sample, over each channel's lifetime (first message to now). A channel's feed age is the time since
 * its last message.
 */
import type { VolatilityEstimateWire } from '../contract/alerts';

/** The hub's counters at one instant. */
export interface HubSample {
  at: number;
  clients: number;
  messages: number;
  trades: number;
  byChannel: ReadonlyMap<string, { messages: number; firstAt: number; lastAt: number }>;
}

export type FilterState = 'warming_up' | 'stale' | 'ok';

export interface RealtimeStats {
  as_of: number;
  clients: number | null;
  messages: number | null;
  trades_processed: number | null;
  channels: { channel: string; messages: number; per_second: number; feed_age_ms: number }[];
  filter: {
    rules: number;
    currencies: { currency: string; state: FilterState; note: string | null }[];
  } | null;
}

/** Warming up until the first AR fit (or the first tick), stale while the index feed is silent, else ok. */
export function filterState(e: VolatilityEstimateWire | null): FilterState {
  if (!e) return 'warming_up';
  if (e.stale) return 'stale';
  return e.ar_estimate === null ? 'warming_up' : 'ok';
}

const round = (v: number, digits: number) => Math.round(v * 10 ** digits) / 10 ** digits;

/**
 * @example
 * realtimeStats({ current, previous: null, filter: null }).channels[0].per_second; // lifetime rate
 */
export function realtimeStats(o: {
  current: HubSample | null;
  previous: HubSample | null;
  filter: { rules: number; estimates: [string, VolatilityEstimateWire | null][] } | null;
  now: number;
}): RealtimeStats {
  const { current, previous } = o;
  const channels = current
    ? [...current.byChannel].map(([channel, c]) => {
        const before = previous?.byChannel.get(channel);
        const span = previous && before ? current.at - previous.at : current.at - c.firstAt;
        const count = previous && before ? c.messages - before.messages : c.messages;
        return {
          channel,
          messages: c.messages,
          per_second: span > 0 ? round((1000 * count) / span, 3) : 0,
          feed_age_ms: Math.max(0, current.at - c.lastAt),
        };
      })
    : [];
  channels.sort((a, b) => a.channel.localeCompare(b.channel));
  return {
    as_of: o.now,
    clients: current?.clients ?? null,
    messages: current?.messages ?? null,
    trades_processed: current?.trades ?? null,
    channels,
    filter: o.filter
      ? {
          rules: o.filter.rules,
          currencies: o.filter.estimates.map(([currency, e]) => ({
            currency,
            state: filterState(e),
            note: e?.note ?? null,
          })),
        }
      : null,
  };
}
