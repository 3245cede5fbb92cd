/**
 * What a headless run reads as live data when no sidecar is there to follow: the simulated exchange's own
 * market, continued from the bundled data's final state (`final-state.json`) at that state's own time, so the
 * same datasets give the same surface on every run. The surface is the one the desk computes, from the chain
 * the exchange would serve (listing, book summaries, marks, DVOL), built in process: no socket, no port.
 */
import type { CompactSurface, SurfaceCurrency } from '../contract/surface';
import { parseBookSummary, parseInstrumentRecord } from '../sources/deribit/parse';
import { channelData, parseChannel } from '../sources/simulated/channels';
import {
  createSimulatedMarket,
  type SimulatedMarket,
  type TickEvent,
} from '../sources/simulated/market';
import { callMethod } from '../sources/simulated/methods';
import { createSimulatorFeed } from '../sources/simulated/simulator-feed';
import { readFinalState } from '../sources/simulated/start';
import { createChainState } from '../surface/chain-state';
import { compactSurface } from '../surface/compact';
import { computeSurface } from '../surface/compute';
import { createFeedMonitor } from '../surface/feed-monitor';

/** One value of a live surface or channel, now. */
export interface HeadlessLiveSource {
  surface(currency: SurfaceCurrency): Promise<CompactSurface>;
  channel(name: string): Promise<unknown>;
}

const CURRENCIES = ['BTC', 'ETH'];
/** The sidecar's simulated exchange seeds (`startLocalExchange`). */
const SEED = 42;

/**
 * @example
 * const live = simulatedLiveSource('./datasets');
 * (await live.surface('BTC')).expiries.length; // 12
 */
export function simulatedLiveSource(datasetsDir: string): HeadlessLiveSource {
  let market: Promise<{ m: SimulatedMarket; tick: TickEvent }> | null = null;
  const open = () => (market ??= openMarket(datasetsDir));
  return {
    async surface(currency) {
      const { m } = await open();
      return compactSurface(surfaceOf(m, currency));
    },
    async channel(name) {
      const { m, tick } = await open();
      const spec = parseChannel(name, CURRENCIES);
      const data = spec ? channelData(m, spec, tick) : undefined;
      if (data === undefined)
        throw new Error(`live.channel: the simulated exchange publishes nothing on ${name}`);
      return data;
    },
  };
}

async function openMarket(datasetsDir: string) {
  const state = await readFinalState(datasetsDir);
  if (!state)
    throw new Error('live: no bundled market state (datasets/source=simulated/final-state.json)');
  const feed = createSimulatorFeed({ state, seed: SEED, currencies: CURRENCIES });
  const t = state.t * 1000;
  feed.advance(t);
  const m = createSimulatedMarket(feed, { seed: SEED + 1 });
  return { m, tick: m.tick(t) };
}

/** The chain as the desk would follow it from this market, and its surface. */
function surfaceOf(m: SimulatedMarket, currency: SurfaceCurrency) {
  const chain = createChainState(currency);
  const query = { currency, kind: 'option' };
  const listed = callMethod(m, 'get_instruments', query) as unknown[];
  const summaries = callMethod(m, 'get_book_summary_by_currency', query) as unknown[];
  chain.seed(
    listed.map(parseInstrumentRecord),
    summaries.map(parseBookSummary),
    m.feed.indexPrice(currency),
  );
  const t = m.time();
  const index = `${currency.toLowerCase()}_usd`;
  chain.applyMarkprice(
    m.feed.options(currency).map((o) => ({
      instrument_name: o.instrument_name,
      mark_price: o.mark_price,
      iv: o.mark_iv / 100,
      timestamp: t,
    })),
  );
  chain.applyIndex({ timestamp: t, price: m.feed.indexPrice(currency), index_name: index });
  chain.applyDvol({ timestamp: t, volatility: m.feed.dvol(currency) });
  // Every channel heard at t: the state is as fresh as the market it was read from.
  const channels = [
    `markprice.options.${index}`,
    `deribit_price_index.${index}`,
    `deribit_volatility_index.${index}`,
  ];
  const feed = createFeedMonitor(Infinity);
  feed.follow(channels);
  feed.connected(true);
  for (const c of channels) feed.message(c, t);
  return computeSurface(chain.snapshot(), { stale: false, feed: feed.status(t) });
}
