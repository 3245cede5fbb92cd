/**
 * The page's one DuckDB-WASM client. Kept apart from the dataset store so that starting DuckDB needs nothing
 * else evaluated first. When it starts is boot.ts's choice (or the first query that needs it).
 */
import { createDuckDbClient, type DuckDbClient } from '../data/duckdb-client';

let client: DuckDbClient | null = null;
let started: Promise<void> | null = null;
let settle: { resolve: () => void; reject: (error: unknown) => void } | null = null;
const ready = new Promise<void>((resolve, reject) => (settle = { resolve, reject }));
// Its failure is reported by the queries that need DuckDB-WASM, not as an unhandled rejection here.
ready.catch(() => undefined);

export function getDuckDb(): DuckDbClient {
  client ??= createDuckDbClient();
  return client;
}

/** Start DuckDB-WASM (once) by asking it a first query. */
export function warmUp(): void {
  const start = performance.now();
  started ??= getDuckDb()
    .query('SELECT 1')
    .then(() => void performance.measure('vollab:duckdb ready', { start }))
    .then(settle!.resolve, settle!.reject);
}

/** Settles when DuckDB-WASM has started after `warmUp` (and answered a first query), or failed to. */
export function duckDbReady(): Promise<void> {
  return ready;
}
