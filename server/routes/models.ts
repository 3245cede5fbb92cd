/** `/api/models`: list, and GET / PUT / DELETE one fitted model by name (JSON, with ETags). */
import { Hono, type Context } from 'hono';
import { etagMatches } from '../http/etag';
import { httpError } from '../http/errors';
import { limitBody, readUtf8 } from '../http/json-body';
import { rawPathAfter } from '../http/safe-path';
import { modelNameFromUrl } from '../models/names';
import { createModelStore, type ModelStore } from '../models/store';

const PREFIX = '/api/models/';

function nameOf(c: Context): string {
  const tail = rawPathAfter(c.req.url, PREFIX);
  if (tail === null || tail === '') throw httpError(404, 'not found');
  return modelNameFromUrl(tail);
}

/**
 * @example
 * app.route('/api/models', modelRoutes(createModelStore(config.modelsDir)));
 */
export function modelRoutes(store: ModelStore, options: { maxBytes?: number } = {}): Hono {
  const app = new Hono();
  if (options.maxBytes !== undefined) app.use('*', limitBody(options.maxBytes));

  app.get('/', async (c) => c.json(await store.list(), 200, { 'Cache-Control': 'no-cache' }));

  app.get('/*', async (c) => {
    const doc = await store.read(nameOf(c));
    const headers = { ETag: doc.etag, 'Cache-Control': 'no-cache' };
    if (etagMatches(c.req.header('If-None-Match'), doc.etag)) return c.body(null, 304, headers);
    return c.body(doc.text, 200, { ...headers, 'Content-Type': 'application/json' });
  });

  app.put('/*', async (c) => {
    const name = nameOf(c);
    const ifMatch = c.req.header('If-Match');
    const ifNoneMatch = c.req.header('If-None-Match');
    const saved = await store.write(name, await readUtf8(c), {
      ...(ifMatch === undefined ? {} : { ifMatch }),
      ...(ifNoneMatch === undefined ? {} : { ifNoneMatch }),
    });
    const { created, ...summary } = saved;
    return c.json(summary, created ? 201 : 200, { ETag: summary.etag });
  });

  app.delete('/*', async (c) => {
    const name = nameOf(c);
    await store.remove(name, c.req.header('If-Match'));
    return c.json({ deleted: name });
  });

  return app;
}

/**
 * The routes over the store the configuration names (`modelsDir`), with the body limit of the app.
 *
 * @example
 * app.route('/api/models', modelRoutesFor(config));
 */
export function modelRoutesFor(config: { maxBodyBytes: number; modelsDir: string }): Hono {
  const maxBytes = config.maxBodyBytes;
  return modelRoutes(createModelStore(config.modelsDir, { maxBytes }), { maxBytes });
}
