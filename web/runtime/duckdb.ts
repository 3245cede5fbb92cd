/**
 * The page's one DuckDB-WASM client. Kept apart from the dataset store so that starting DuckDB (the longest step
 * of opening a notebook) needs nothing else evaluated first.
 */
import { createDuckDbClient, type DuckDbClient } from '../data/duckdb-client';

let client: DuckDbClient | null = null;
let ready: Promise<void> | null = null;

export function getDuckDb(): DuckDbClient {
  client ??= createDuckDbClient();
  return client;
}

/** Start instantiating DuckDB-WASM before any cell asks for it. */
export function warmUp(): void {
  void duckDbReady().catch(() => undefined);
}

/** Settles when DuckDB-WASM has started (and answered a first query), or failed to. */
export function duckDbReady(): Promise<void> {
  const start = performance.now();
  ready ??= getDuckDb()
    .query('SELECT 1')
    .then(() => void performance.measure('vollab:duckdb ready', { start }));
  return ready;
}
