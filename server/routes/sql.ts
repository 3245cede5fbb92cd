/**
 * `/api/sql`: a notebook's read-only SQL cell answered by the sidecar's sandboxed DuckDB as Arrow IPC, while
 * the browser's DuckDB-WASM is still starting (`web/data/handover-connector.ts`).
 */
import { Hono } from 'hono';
import type { CatalogReader } from '../datasets/catalog-reader';
import { readJsonObject } from '../http/json-body';
import { runArrowQuery, type ArrowQueryLimits } from '../sql-sandbox/arrow-query';
import { parseArrowQuery } from '../sql-sandbox/arrow-request';
import type { SqlSandbox } from '../sql-sandbox/sandbox';

export interface SqlRouteDeps {
  sandbox: SqlSandbox;
  catalog: CatalogReader;
  datasetsDir: string;
  limits?: ArrowQueryLimits;
}

/**
 * @example
 * app.route('/api/sql', sqlRoutes({ sandbox, catalog, datasetsDir }));
 */
export function sqlRoutes({ sandbox, catalog, datasetsDir, limits }: SqlRouteDeps): Hono {
  const app = new Hono();
  app.post('/query', async (c) => {
    const query = parseArrowQuery(await readJsonObject(c));
    const ipc = await runArrowQuery(sandbox, catalog, datasetsDir, query, limits);
    return c.body(ipc as Uint8Array<ArrayBuffer>, 200, {
      'Content-Type': 'application/vnd.apache.arrow.stream',
      'Cache-Control': 'no-store',
    });
  });
  return app;
}
