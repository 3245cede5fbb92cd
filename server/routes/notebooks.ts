/** `/api/notebooks`: list, read, create, save (If-Match), rename, delete (to `.trash/`). */
import { Hono, type Context } from 'hono';
import type { SaveConflictBody } from '../contract/notebooks';
import { httpError, isErrno } from '../http/errors';
import { readJsonObject, stringField } from '../http/json-body';
import { rawPathAfter } from '../http/safe-path';
import { notebookPathFromUrl } from '../notebooks/paths';
import type { NotebookStore } from '../notebooks/store';

const PREFIX = '/api/notebooks/';

/** The notebook path named by the URL (mounted at `/api/notebooks`), minus an optional action suffix. */
function pathOf(c: Context, suffix = ''): string {
  const tail = rawPathAfter(c.req.url, PREFIX);
  if (tail === null || !tail.endsWith(suffix)) throw httpError(404, 'not found');
  return notebookPathFromUrl(tail.slice(0, tail.length - suffix.length));
}

/**
 * A path that runs through a notebook file (`a.md/b.md`: ENOTDIR) or names a folder (`sub.md/`: EISDIR) is
 * the caller's mistake: 404 when reading, 409 when writing, never a 500.
 */
function pathMistakes(path: string, reading: boolean): (error: unknown) => never {
  return (error) => {
    const throughFile = isErrno(error, 'ENOTDIR');
    if (!throughFile && !isErrno(error, 'EISDIR')) throw error;
    const why = throughFile ? 'part of the path is a notebook file' : 'a folder has this name';
    throw httpError(
      reading ? 404 : 409,
      `${reading ? 'no such notebook' : 'cannot write'}: ${path} (${why})`,
    );
  };
}

/**
 * @example
 * app.route('/api/notebooks', notebookRoutes(createNotebookStore(config.notebooksDir)));
 */
export function notebookRoutes(store: NotebookStore): Hono {
  const app = new Hono();

  app.get('/', async (c) => c.json(await store.list()));

  app.post('/', async (c) => {
    const body = await readJsonObject(c);
    const title = stringField(body, 'title').trim();
    if (title === '' || title.length > 200 || /[\r\n]/.test(title)) {
      throw httpError(400, 'invalid title: expected one line of 1 to 200 characters');
    }
    const path = body.path === undefined ? undefined : stringField(body, 'path');
    const doc = await store
      .create({ title, ...(path === undefined ? {} : { path }) })
      .catch(pathMistakes(path ?? title, false));
    return c.json(doc, 201, { ETag: doc.etag, Location: `${PREFIX}${encodeURI(doc.path)}` });
  });

  app.post('/*', async (c) => {
    const from = pathOf(c, '/rename');
    const to = stringField(await readJsonObject(c), 'to');
    const doc = await store.rename(from, to).catch(pathMistakes(to, false));
    return c.json(doc, 200, { ETag: doc.etag });
  });

  app.get('/*', async (c) => {
    const path = pathOf(c);
    const doc = await store.read(path).catch(pathMistakes(path, true));
    return c.json(doc, 200, { ETag: doc.etag, 'Cache-Control': 'no-cache' });
  });

  app.put('/*', async (c) => {
    const path = pathOf(c);
    const text = stringField(await readJsonObject(c), 'text');
    const result = await store
      .save(path, text, c.req.header('If-Match'))
      .catch(pathMistakes(path, false));
    if (result.status === 'conflict') {
      const message = `${path} changed since it was loaded; your version was kept in ${result.conflictCopy}`;
      const body: SaveConflictBody = {
        error: { status: 409, message },
        current: result.current,
        conflictCopy: result.conflictCopy,
      };
      return c.json(body, 409);
    }
    const { status, ...saved } = result;
    return c.json(saved, status === 'created' ? 201 : 200, { ETag: saved.etag });
  });

  app.delete('/*', async (c) => {
    const path = pathOf(c);
    return c.json(await store.remove(path).catch(pathMistakes(path, true)));
  });

  return app;
}
