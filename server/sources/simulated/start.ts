/**
 * The simulated exchange as the sidecar runs it: the bundled data's final market state
 * (`datasets/source=simulated/final-state.json`), caught up to the wall clock, then ticking in real time, with
 * the simulated Gamma/CLOB mounted beside Deribit's API. Without bundled data it starts from a calm market at
 * the coins' last price anchors.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { COINS } from '../../simulator/coins';
import { createMarketState, type MarketState } from '../../simulator/state';
import { catchUp } from './catch-up';
import { startSimulatedExchange, type SimulatedExchange } from './exchange';
import { createSimulatedMarket } from './market';
import { simulatedPolymarket } from './polymarket';
import { createSimulatorFeed } from './simulator-feed';
import { MS_PER_HOUR, SECONDS_PER_HOUR } from '../../../cells/time';

export interface LocalExchangeOptions {
  datasetsDir: string;
  seed?: number;
  /** Market step period on the wall clock (default 100 ms, the `100ms` channels' rate). */
  tickMs?: number;
  now?: () => number;
  port?: number;
}

export interface LocalExchange extends SimulatedExchange {
  /** Base URLs for the clients: `DERIBIT_URL`, `POLYMARKET_GAMMA_URL`, `POLYMARKET_CLOB_URL`. */
  deribitUrl: string;
  polymarketGammaUrl: string;
  polymarketClobUrl: string;
}

/**
 * @example
 * const ex = await startLocalExchange({datasetsDir: './datasets'});
 * const deribit = createDeribitHttpClient({baseUrl: ex.deribitUrl});
 */
export async function startLocalExchange(o: LocalExchangeOptions): Promise<LocalExchange> {
  const now = o.now ?? Date.now;
  const seed = o.seed ?? 42;
  const currencies = ['BTC', 'ETH'];
  const initial = (await readFinalState(o.datasetsDir)) ?? calmStateAt(now());
  const { state, hourly } = catchUp(initial, seed, now(), currencies);
  const hasHistory = hourly[currencies[0]!]!.t.length > 0;
  const feed = createSimulatorFeed({
    state,
    seed,
    currencies,
    ...(hasHistory ? { hourly } : {}),
  });
  feed.advance(now());
  const market = createSimulatedMarket(feed, { seed: seed + 1 });
  const ex = await startSimulatedExchange({
    market,
    now,
    tickMs: o.tickMs ?? 100,
    extra: simulatedPolymarket(market),
    ...(o.port === undefined ? {} : { port: o.port }),
  });
  return Object.assign(ex, {
    deribitUrl: ex.url,
    polymarketGammaUrl: `${ex.url}/polymarket/gamma`,
    polymarketClobUrl: `${ex.url}/polymarket/clob`,
  });
}

/** The generator's final state, or null when the bundled data is absent. */
export async function readFinalState(datasetsDir: string): Promise<MarketState | null> {
  let text: string;
  try {
    text = await readFile(join(datasetsDir, 'source=simulated', 'final-state.json'), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  const state = JSON.parse(text) as MarketState;
  if (!Number.isFinite(state.t) || state.logPrices?.length !== COINS.length)
    throw new Error(`invalid final-state.json in ${datasetsDir}`);
  return state;
}

function calmStateAt(ms: number): MarketState {
  const t = Math.floor(ms / MS_PER_HOUR) * SECONDS_PER_HOUR;
  return createMarketState(
    t,
    COINS.map((c) => Math.log(c.anchors[c.anchors.length - 1]![1])),
  );
}
