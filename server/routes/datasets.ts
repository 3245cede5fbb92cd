/** `/api/datasets`: the catalog, one entry, and Parquet slices cut on the server. */
import { Hono, type Context } from 'hono';
import type { CatalogReader } from '../datasets/catalog-reader';
import { partitionFiles, prunePartitions, sliceKey, writeSlice } from '../datasets/slice';
import { createSliceLimiter, retryAfterWhenBusy, type SliceLimiter } from '../datasets/slice-limit';
import { httpError } from '../http/errors';
import { etagMatches } from '../http/etag';
import type { FileCache } from '../http/file-cache';
import { sendFileHandle } from '../http/send-file';
import { readJsonObject } from '../http/json-body';
import type { SliceQuery } from '../datasets/slice';
import type { DatasetEntry } from '../contract';
import { parseSliceBody, parseSliceQuery } from './slice-query';

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

  /** Cut (or find cached) the slice `parse` describes and send it as Parquet, with its ETag. */
  const slice = async (c: Context, parse: (entry: DatasetEntry) => Promise<SliceQuery>) => {
    const name = c.req.param('name')!;
    const entry = await catalog.find(name);
    if (!entry) throw httpError(404, `unknown dataset: ${name}`);
    if (entry.partitions.length === 0) throw httpError(404, `dataset ${name} has no data files`);
    const query = await parse(entry);
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
    const handle = await sliceCache
      .get(key, (tmp) =>
        sliceLimiter.run(() => writeSlice(tmp, entry, files, query).then(() => undefined)),
      )
      .catch(retryAfterWhenBusy(c));
    return sendFileHandle(c, handle, {
      etag,
      cacheControl,
      contentType: 'application/vnd.apache.parquet',
    });
  };

  app.get('/:name/slice', (c) => slice(c, async (entry) => parseSliceQuery(entry, c.req.query())));
  // The same slice with its spec in a JSON body: a long `where` list does not fit in a URL.
  app.post('/:name/slice', (c) =>
    slice(c, async (entry) => parseSliceBody(entry, await readJsonObject(c))),
  );

  return app;
}
