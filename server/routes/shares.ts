/**
 * `/api/shares` (token required): `POST {path, inputs?}` pins a snapshot and returns `{id, url}`, `GET` lists,
 * `DELETE /<id>` revokes (the link then 404s).
 */
import { Hono } from 'hono';
import { MissingDatasetError } from '../export/missing-datasets';
import { httpError } from '../http/errors';
import { notebookWithInputs, readJsonObject } from '../http/json-body';
import type { NotebookStore } from '../notebooks/store';
import type { ShareStore } from '../share/store';

/**
 * @example
 * app.route('/api/shares', shareRoutes(shares, notebooks));
 */
export function shareRoutes(shares: ShareStore, notebooks: NotebookStore): Hono {
  const app = new Hono();
  app.get('/', async (c) => c.json({ shares: await shares.list() }));
  app.post('/', async (c) => {
    const { path, inputs } = notebookWithInputs(await readJsonObject(c));
    const { text } = await notebooks.read(path);
    try {
      const share = await shares.create({ path, text, inputs });
      return c.json({ id: share.id, url: share.url }, 201);
    } catch (error) {
      if (error instanceof MissingDatasetError) throw httpError(422, error.message);
      if (error instanceof RangeError) throw httpError(400, error.message);
      throw error;
    }
  });
  app.delete('/:id', async (c) => {
    if (!(await shares.revoke(c.req.param('id')))) throw httpError(404, 'no such share');
    return c.body(null, 204);
  });
  return app;
}
