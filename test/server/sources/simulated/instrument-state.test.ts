/** The simulated `instrument.state.*` channel on a scripted feed: Deribit's payload, one notification each. */
import { describe, expect, it } from 'vitest';
import {
  channelData,
  notifications,
  parseChannel,
} from '../../../../server/sources/simulated/channels';
import type { MarketFeed, OptionQuote } from '../../../../server/sources/simulated/feed';
import { createSimulatedMarket } from '../../../../server/sources/simulated/market';

const T0 = Date.UTC(2026, 0, 1, 7, 59, 59, 900);

function option(name: string, expiryMs: number): OptionQuote {
  return {
    instrument_name: name,
    expiryMs,
    strike: 100_000,
    optionType: 'call',
    underlying_price: 100_000,
    mark_iv: 50,
    bid_iv: 49,
    ask_iv: 51,
    mark_price: 0.01,
    best_bid_price: 0.009,
    best_ask_price: 0.011,
    delta: 0.5,
    gamma: 0,
    vega: 0,
    theta: 0,
    rho: 0,
    open_interest: 1,
  };
}

/** A feed listing BTC-1JAN26-100000-C until its expiry at 08:00, and BTC-9JAN26-100000-C from then on. */
function scriptedFeed(): MarketFeed {
  let t = T0;
  const expiry = Date.UTC(2026, 0, 1, 8);
  return {
    time: () => t,
    advance: (ms) => void (t = Math.max(t, ms)),
    currencies: () => ['BTC'],
    indexPrice: () => 100_000,
    dvol: () => 50,
    options: () =>
      t < expiry
        ? [option('BTC-1JAN26-100000-C', expiry)]
        : [option('BTC-9JAN26-100000-C', Date.UTC(2026, 0, 9, 8))],
    futures: () => [],
    history: () => null,
  };
}

describe('simulated instrument.state channel', () => {
  it('reports an expiry as terminated and a listing as created, one notification per instrument', () => {
    const market = createSimulatedMarket(scriptedFeed());
    const channel = 'instrument.state.option.BTC';
    const spec = parseChannel(channel, ['BTC'])!;
    expect(spec).toEqual({ type: 'instrument_state', kind: 'option', currency: 'BTC' });
    expect(parseChannel('instrument.state.option.XRP', ['BTC'])).toBeNull();
    expect(parseChannel('instrument.state.any.any', ['BTC'])).toEqual({
      type: 'instrument_state',
      kind: 'any',
      currency: null,
    });
    // The first serve only records the listing.
    expect(channelData(market, spec, market.tick(T0 + 50))).toBeUndefined();
    const e = market.tick(Date.UTC(2026, 0, 1, 8));
    const data = channelData(market, spec, e);
    expect(data).toEqual([
      { timestamp: e.t, state: 'terminated', instrument_name: 'BTC-1JAN26-100000-C' },
      { timestamp: e.t, state: 'created', instrument_name: 'BTC-9JAN26-100000-C' },
    ]);
    expect(notifications(channel, spec, data).map((t) => JSON.parse(t))).toEqual([
      {
        jsonrpc: '2.0',
        method: 'subscription',
        params: { channel, data: (data as unknown[])[0] },
      },
      {
        jsonrpc: '2.0',
        method: 'subscription',
        params: { channel, data: (data as unknown[])[1] },
      },
    ]);
    expect(channelData(market, spec, market.tick(e.t + 100))).toBeUndefined();
  });
});
