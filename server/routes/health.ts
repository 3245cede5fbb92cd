/** `GET /api/health`. */
import { Hono } from 'hono';
import type { CatalogReader } from '../datasets/catalog-reader';

/**
 * @example
 * app.route('/api/health', healthRoutes({ version: '0.1.0', source: 'simulated', catalog }));
 * // GET /api/health → {ok: true, version: '0.1.0', source: 'simulated', datasets: 4}
 */
export function healthRoutes(deps: {
  version: string;
  source: string;
  catalog: CatalogReader;
}): Hono {
  const app = new Hono();
  app.get('/', async (c) => {
    const catalog = await deps.catalog.read();
    return c.json({
      ok: true,
      version: deps.version,
      source: deps.source,
      datasets: catalog.datasets.length,
    });
  });
  return app;
}
