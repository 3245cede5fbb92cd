/**
 * The page's single DuckDB-WASM client and dataset store, shared by every notebook opened in this tab so that
 * loaded tables stay warm across in-place navigation.
 */
import { DatasetStore } from '../data/datasets';
import { createDuckDbClient, type DuckDbClient } from '../data/duckdb-client';

let services: { db: DuckDbClient; store: DatasetStore } | null = null;

export function getServices(): { db: DuckDbClient; store: DatasetStore } {
  if (!services) {
    const db = createDuckDbClient();
    services = { db, store: new DatasetStore(db) };
  }
  return services;
}

/** Start instantiating DuckDB-WASM (the largest cold-start cost) before any cell asks for it. */
export function warmUp(): void {
  const start = performance.now();
  void getServices()
    .db.query('SELECT 1')
    .then(() => performance.measure('vollab:duckdb ready', { start }))
    .catch(() => undefined);
}
