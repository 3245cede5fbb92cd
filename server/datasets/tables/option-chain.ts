/**
 * `option_chain`: a Deribit-shaped chain for BTC and ETH every day at 08:00 UTC over the recent window,
 * partitioned by currency and month. Numbers come from `appendChainSnapshot`; the instrument name, the
 * timestamps and the strings are derived in SQL on the way to Parquet (cheaper than passing strings).
 */
import { join } from 'node:path';
import { createRng } from '../../../cells/random';
import {
  appendChainSnapshot,
  CHAIN_NUMERIC_COLUMNS,
  createChainColumns,
  type ChainColumns,
} from '../../simulator/chain';
import { COINS } from '../../simulator/coins';
import { volSnapshotAt } from '../../simulator/snapshot';
import { writeParquet } from '../parquet-writer';
import { datasetPath, DAY_MS, HOUR_MS, SYMBOL_LIST, tsFromMs, type TableContext } from './context';

const CHAIN_COINS = [0, 1];

/** The chain rows of coin `coin` for all snapshot days (08:00 UTC from `recentStart` to the end). */
export function buildChain(ctx: TableContext, coin: number): ChainColumns {
  const { history } = ctx;
  const startMs = history.start * 1000;
  const firstDay = Math.round((ctx.recentStart - startMs) / DAY_MS);
  const days = Math.floor(history.hours / 24);
  const out = createChainColumns(1 << 19);
  const rng = createRng(ctx.seed * 31 + 7000 + coin);
  const r = history.logReturns[coin]!;
  let logPrice = history.startLogPrices[coin]!;
  let k = 0;
  for (let d = firstDay; d < days; d++) {
    const hour = d * 24 + 7; // the state at the end of hour 07:00–08:00
    for (; k <= hour; k++) logPrice += r[k]!;
    const t = startMs + (hour + 1) * HOUR_MS;
    appendChainSnapshot(out, { t, coin, indexPrice: Math.exp(logPrice), snap: volSnapshotAt(history, hour, coin) }, rng);
  }
  return out;
}

const STRIKE_TEXT = `CASE WHEN strike = round(strike) THEN CAST(CAST(strike AS BIGINT) AS VARCHAR) ELSE replace(CAST(strike AS VARCHAR), '.', 'd') END`;

export const OPTION_CHAIN_SELECT = [
  `${tsFromMs('timestamp_ms')} AS "timestamp"`,
  `CAST(${tsFromMs('timestamp_ms')} AS DATE) AS date`,
  `${SYMBOL_LIST}[CAST(coin AS INTEGER) + 1] || '-' || upper(strftime(${tsFromMs('expiry_ms')}, '%-d%b%y')) || '-' || ${STRIKE_TEXT} || CASE WHEN is_call = 1 THEN '-C' ELSE '-P' END AS instrument_name`,
  `${SYMBOL_LIST}[CAST(coin AS INTEGER) + 1] AS currency`,
  `${tsFromMs('expiry_ms')} AS expiry`,
  'strike',
  `CASE WHEN is_call = 1 THEN 'call' ELSE 'put' END AS option_type`,
  ...CHAIN_NUMERIC_COLUMNS.slice(4),
  `strftime(${tsFromMs('timestamp_ms')}, '%Y-%m') AS month`,
].join(', ');

/**
 * Build each currency's chain and hand it to DuckDB; returns once all writes finished. The next currency is
 * built in JS while DuckDB compresses the previous one on its own threads.
 */
export async function writeOptionChain(ctx: TableContext): Promise<void> {
  const writes: Promise<void>[] = [];
  for (const coin of CHAIN_COINS) {
    const chain = buildChain(ctx, coin);
    const columns: Record<string, Float64Array> = { coin: new Float64Array(chain.length).fill(coin) };
    for (const name of CHAIN_NUMERIC_COLUMNS) columns[name] = chain.columns[name].subarray(0, chain.length);
    writes.push(
      writeParquet({
        columns,
        select: OPTION_CHAIN_SELECT,
        target: join(ctx.root, datasetPath('option_chain'), `currency=${COINS[coin]!.symbol}`),
        partitionBy: ['month'],
      }),
    );
  }
  await Promise.all(writes);
}
