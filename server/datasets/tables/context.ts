/** What every bundled-table writer gets: the output root, the simulated history and the seed. */
import { COINS } from '../../simulator/coins';
import type { SimulatedHistory } from '../../simulator/history';

export interface TableContext {
  /** Datasets root being written (a temporary directory until the generation succeeds). */
  root: string;
  history: SimulatedHistory;
  seed: number;
  /** First day (ms, 00:00 UTC) of the hourly tables and the option chain. */
  recentStart: number;
}

/** `['BTC','ETH',…]` as a DuckDB list literal, to map a coin index column to its symbol in SQL. */
export const SYMBOL_LIST = `[${COINS.map((c) => `'${c.symbol}'`).join(', ')}]`;

/** SQL for a TIMESTAMP from a column of epoch milliseconds. */
export function tsFromMs(column: string): string {
  return `make_timestamp(CAST(${column} AS BIGINT) * 1000)`;
}

/** Hive directory of a bundled dataset below the root. */
export function datasetPath(name: string): string {
  return `source=simulated/kind=${name}`;
}

export { MS_PER_DAY as DAY_MS, MS_PER_HOUR as HOUR_MS } from '../../../cells/time';
