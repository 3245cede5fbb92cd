/**
 * The browser's one connector in front of DuckDB-WASM (in its own worker). Loaded once through a cached
 * promise, with extension autoloading off: the Parquet extension would be fetched from DuckDB's CDN, which
 * hangs or fails offline, so Parquet is decoded by parquet-wasm and handed over as Arrow IPC instead.
 */
import * as duckdb from '@duckdb/duckdb-wasm';
import ehWorkerUrl from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import mvpWorkerUrl from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';
import ehWasmUrl from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import mvpWasmUrl from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import type { Connector } from './connector';
import { createWasmConnector, WASM_QUERY_CONFIG, type WasmConnection } from './wasm-connector';

const bundles: duckdb.DuckDBBundles = {
  mvp: { mainModule: mvpWasmUrl, mainWorker: mvpWorkerUrl },
  eh: { mainModule: ehWasmUrl, mainWorker: ehWorkerUrl },
};

/** The browser's `Connector`. */
export type DuckDbClient = Connector;

export function createDuckDbClient(): DuckDbClient {
  return createWasmConnector(openSession);
}

async function openSession(): Promise<WasmConnection> {
  const start = performance.now();
  const bundle = await duckdb.selectBundle(bundles);
  const worker = new Worker(bundle.mainWorker!, { type: 'classic' });
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  await db.instantiate(bundle.mainModule, bundle.pthreadWorker);
  performance.measure('vollab:duckdb instantiate', { start });
  await db.open({ query: WASM_QUERY_CONFIG });
  const conn = await db.connect();
  await conn.query('SET autoinstall_known_extensions = false');
  await conn.query('SET autoload_known_extensions = false');
  return conn as unknown as WasmConnection;
}
