/**
 * `npm run snapshot -- --source live|simulated --currency BTC,ETH --what chain,trades,ohlcv,dvol,polymarket
 * [--since 2024-01-01] [--data ./datasets]`: fetch, merge into hive-partitioned Parquet, update the catalog.
 * `simulated` starts the built-in exchange (continuing from the bundled data) for the run.
 */
import { parseArgs } from 'node:util';
import { LIVE_URLS, loadConfig } from '../config';
import { parseKinds } from '../snapshots/kinds';
import { runSnapshot } from '../snapshots/run';
import { createDeribitHttpClient } from '../sources/deribit/http-client';
import { createPolymarketClient } from '../sources/polymarket/client';
import { startLocalExchange } from '../sources/simulated/start';
import { runMain } from './run';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      source: { type: 'string', default: 'simulated' },
      currency: { type: 'string', default: 'BTC,ETH' },
      what: { type: 'string', default: 'chain,trades,ohlcv,dvol' },
      since: { type: 'string' },
      data: { type: 'string' },
    },
  });
  const source = values.source;
  if (source !== 'live' && source !== 'simulated')
    throw new Error(`invalid --source: ${source} (expected live, simulated)`);
  const currencies = values.currency.split(',').map((c) => c.trim().toUpperCase());
  for (const c of currencies)
    if (!/^[A-Z]{2,6}$/.test(c)) throw new Error(`invalid --currency: ${c}`);
  const kinds = parseKinds(values.what);
  let since: number | undefined;
  if (values.since !== undefined) {
    since = Date.parse(values.since);
    if (!Number.isFinite(since)) throw new Error(`invalid --since: ${values.since}`);
  }
  // `--source` decides, not VOLLAB_SOURCE; the upstream URLs only apply to a live run (loadConfig's rule).
  const {
    DERIBIT_URL: _deribit,
    POLYMARKET_GAMMA_URL: _gamma,
    POLYMARKET_CLOB_URL: _clob,
    ...simulatedEnv
  } = process.env;
  const config = loadConfig({
    ...(source === 'live' ? process.env : simulatedEnv),
    VOLLAB_SOURCE: source,
    ...(values.data ? { VOLLAB_DATA_DIR: values.data } : {}),
  });
  const exchange =
    source === 'simulated' ? await startLocalExchange({ datasetsDir: config.datasetsDir }) : null;
  try {
    if (exchange && kinds.includes('trades')) await new Promise((r) => setTimeout(r, 2000)); // let trades happen
    const deribitUrl = exchange?.deribitUrl ?? config.deribitUrl ?? LIVE_URLS.deribit;
    const results = await runSnapshot({
      datasetsDir: config.datasetsDir,
      source,
      deribit: createDeribitHttpClient({ baseUrl: deribitUrl }),
      polymarket: createPolymarketClient({
        gammaUrl:
          exchange?.polymarketGammaUrl ?? config.polymarketGammaUrl ?? LIVE_URLS.polymarketGamma,
        clobUrl:
          exchange?.polymarketClobUrl ?? config.polymarketClobUrl ?? LIVE_URLS.polymarketClob,
      }),
      currencies,
      kinds,
      ...(since === undefined ? {} : { since }),
      log: (m) => console.log(m),
    });
    const added = results.reduce((n, r) => n + r.added, 0);
    console.log(`snapshot done: ${added} new rows in ${config.datasetsDir} (catalog updated)`);
  } finally {
    await exchange?.close();
  }
}

runMain(main);
