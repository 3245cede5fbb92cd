/** `/api/datasets`: the catalog, one entry, and Parquet slices cut on the server. */
import { Hono } from 'hono';
import type { CatalogReader } from '../datasets/catalog-reader';
import { partitionFiles, prunePartitions, sliceKey, writeSlice } from '../datasets/slice';
import { createSliceLimiter, retryAfterWhenBusy, type SliceLimiter } from '../datasets/slice-limit';
import { httpError } from '../http/errors';
import { etagMatches } from '../http/etag';
import type { FileCache } from '../http/file-cache';
import { sendFile } from '../http/send-file';
import { parseSliceQuery } from './slice-query';

export interface DatasetRouteDeps {
  datasetsDir: string;
  catalog: CatalogReader;
  sliceCache: FileCache;
  /** Bounds concurrent slice computations (cache hits skip it); default `createSliceLimiter()`. */
  sliceLimiter?: SliceLimiter;
}

/**
 * @example
 * app.route('/api/datasets', datasetRoutes({ datasetsDir, catalog, sliceCache }));
 */
export function datasetRoutes({
  datasetsDir,
  catalog,
  sliceCache,
  sliceLimiter = createSliceLimiter(),
}: DatasetRouteDeps): Hono {
  const app = new Hono();

  app.get('/', async (c) => c.json(await catalog.read()));

  app.get('/:name', async (c) => {
    const name = c.req.param('name');
    const entry = await catalog.find(name);
    if (!entry) throw httpError(404, `unknown dataset: ${name}`);
    return c.json(entry);
  });

  app.get('/:name/slice', async (c) => {
    const name = c.req.param('name');
    const entry = await catalog.find(name);
    if (!entry) throw httpError(404, `unknown dataset: ${name}`);
    if (entry.partitions.length === 0) throw httpError(404, `dataset ${name} has no data files`);
    const query = parseSliceQuery(entry, c.req.query());
    const pruned = prunePartitions(entry, query.where);
    // With nothing left after pruning, read everything and let the WHERE return no rows, so the empty
    // file still has the dataset's columns.
    const files = partitionFiles(datasetsDir, pruned.length > 0 ? pruned : entry.partitions);
    const key = await sliceKey(files, query);
    const etag = `"${key}"`;
    const cacheControl = 'private, no-cache';
    if (etagMatches(c.req.header('If-None-Match'), etag)) {
      return c.body(null, 304, { ETag: etag, 'Cache-Control': cacheControl });
    }
    const path = await sliceCache
      .get(key, (tmp) =>
        sliceLimiter.run(() => writeSlice(tmp, entry, files, query).then(() => undefined)),
      )
      .catch(retryAfterWhenBusy(c));
    return sendFile(c, path, {
      etag,
      cacheControl,
      contentType: 'application/vnd.apache.parquet',
    });
  });

  return app;
}
