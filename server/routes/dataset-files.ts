/** `GET|HEAD /datasets/**`: the Parquet files themselves, with Range requests for DuckDB-WASM. */
import { Hono } from 'hono';
import { httpError } from '../http/errors';
import { rawPathAfter, resolveFileInside, safeSegments } from '../http/safe-path';
import { sendFile } from '../http/send-file';

/**
 * Serve files below `datasetsDir` only; the mount point must be `/datasets`.
 *
 * @example
 * app.route('/datasets', datasetFileRoutes(config.datasetsDir));
 */
export function datasetFileRoutes(datasetsDir: string): Hono {
  const app = new Hono();
  app.get('/*', async (c) => {
    const tail = rawPathAfter(c.req.url, '/datasets/');
    if (tail === null) throw httpError(404, 'not found');
    const path = await resolveFileInside(datasetsDir, safeSegments(tail));
    if (!path) throw httpError(404, `no such dataset file: ${decodeURIComponent(tail)}`);
    // Snapshots are replaced, not edited in place: revalidate with the ETag on every use.
    return sendFile(c, path, { cacheControl: 'public, max-age=0, must-revalidate' });
  });
  return app;
}
