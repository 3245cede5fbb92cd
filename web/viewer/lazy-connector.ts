/**
 * A `Connector` that loads DuckDB-WASM only on its first call: an export paints from precomputed results, and
 * only a reader who changes something a SQL cell depends on pays for the database. The page's root element
 * gets `data-duckdb="loading"`, then `"ready"`, so tests can see when (and whether) it loaded.
 */
import type { Connector } from '../data/connector';

export function lazyConnector(): Connector {
  let real: Promise<Connector> | null = null;
  const get = (): Promise<Connector> =>
    (real ??= (async () => {
      document.documentElement.dataset.duckdb = 'loading';
      const { createDuckDbClient } = await import('../data/duckdb-client');
      const client = createDuckDbClient();
      await client.query('SELECT 1');
      document.documentElement.dataset.duckdb = 'ready';
      return client;
    })());
  return {
    query: async (sql, params) => (await get()).query(sql, params),
    insertArrowIpc: async (name, ipc) => (await get()).insertArrowIpc(name, ipc),
    tables: async () => (await get()).tables(),
  };
}
