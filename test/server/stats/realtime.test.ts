/** The realtime statistics aggregator, against hand-worked samples. */
import { describe, expect, it } from 'vitest';
import type { VolatilityEstimateWire } from '../../../server/contract/alerts';
import { filterState, realtimeStats, type HubSample } from '../../../server/stats/realtime';

const estimate = (over: Partial<VolatilityEstimateWire>): VolatilityEstimateWire => ({
  currency: 'BTC',
  t: 0,
  price: 100_000,
  samples: 100,
  rv: 50,
  ar_estimate: 48,
  ar_lower: 40,
  ar_upper: 56,
  ewma: 49,
  dvol: null,
  atm_iv_30d: null,
  rr25_30d: null,
  stale: false,
  age_ms: 500,
  note: null,
  ...over,
});

const sample = (at: number, byChannel: [string, number, number, number][]): HubSample => ({
  at,
  clients: 3,
  messages: byChannel.reduce((s, c) => s + c[1], 0),
  trades: 7,
  byChannel: new Map(
    byChannel.map(([k, messages, firstAt, lastAt]) => [k, { messages, firstAt, lastAt }]),
  ),
});

describe('realtimeStats', () => {
  it('rates a channel over its lifetime when there is no earlier sample', () => {
    // 50 messages from t=1000 to t=11000: 5 per second; last at 10500, so 500 ms old.
    const s = realtimeStats({
      current: sample(11_000, [['ticker.BTC-PERPETUAL', 50, 1000, 10_500]]),
      previous: null,
      filter: null,
      now: 11_000,
    });
    expect(s.channels).toEqual([
      { channel: 'ticker.BTC-PERPETUAL', messages: 50, per_second: 5, feed_age_ms: 500 },
    ]);
    expect(s).toMatchObject({ clients: 3, messages: 50, trades_processed: 7, filter: null });
  });

  it('rates over the time since the previous sample, and a channel new since then over its lifetime', () => {
    // ticker: 50 → 80 in 4 s = 7.5/s; trades: first seen at 13000, 6 messages by 15000 = 3/s.
    const previous = sample(11_000, [['ticker', 50, 1000, 10_500]]);
    const current = sample(15_000, [
      ['trades', 6, 13_000, 14_000],
      ['ticker', 80, 1000, 15_000],
    ]);
    const s = realtimeStats({ current, previous, filter: null, now: 15_000 });
    expect(s.channels).toEqual([
      { channel: 'ticker', messages: 80, per_second: 7.5, feed_age_ms: 0 },
      { channel: 'trades', messages: 6, per_second: 3, feed_age_ms: 1000 },
    ]);
  });

  it('reports no hub as nulls and the filter per currency with its rule count', () => {
    const s = realtimeStats({
      current: null,
      previous: null,
      filter: {
        rules: 2,
        estimates: [
          ['BTC', estimate({})],
          ['ETH', estimate({ stale: true, note: 'stale: no index price for 20 s; rules paused' })],
        ],
      },
      now: 5,
    });
    expect(s).toEqual({
      as_of: 5,
      clients: null,
      messages: null,
      trades_processed: null,
      channels: [],
      filter: {
        rules: 2,
        currencies: [
          { currency: 'BTC', state: 'ok', note: null },
          { currency: 'ETH', state: 'stale', note: 'stale: no index price for 20 s; rules paused' },
        ],
      },
    });
  });

  it('calls the filter warming up before its first tick and before its first AR fit', () => {
    expect(filterState(null)).toBe('warming_up');
    expect(filterState(estimate({ ar_estimate: null }))).toBe('warming_up');
    expect(filterState(estimate({ ar_estimate: null, stale: true }))).toBe('stale');
    expect(filterState(estimate({}))).toBe('ok');
  });
});
