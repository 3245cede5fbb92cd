/**
 * `/s/<id>/…`: a share link, opened without the token. It reaches only its own snapshot: the viewer's build,
 * and the files its manifest lists. An unknown, revoked or malformed id is a 404 page, as is any other path.
 */
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Hono, type Context } from 'hono';
import { rawPathAfter, resolveFileInside, safeSegments } from '../http/safe-path';
import { sendFile } from '../http/send-file';
import type { ShareStore } from '../share/store';

const NOT_FOUND_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Vol Lab: no such share</title></head>
<body><h1>This share link does not exist</h1>
<p>It may have been revoked, or the address is incomplete.</p></body></html>
`;

/**
 * @example
 * app.route('/s', sharePageRoutes(shares, 'web/dist-viewer'));
 */
export function sharePageRoutes(shares: ShareStore, viewerDir: string): Hono {
  const app = new Hono();
  const notFound = (c: Context) => c.html(NOT_FOUND_PAGE, 404, { 'Cache-Control': 'no-store' });

  app.get('/:id', async (c) => {
    const id = c.req.param('id');
    if (!(await shares.manifest(id))) return notFound(c);
    return c.redirect(`/s/${id}/${new URL(c.req.url).search}`, 302);
  });
  app.get('/:id/*', async (c) => {
    const id = c.req.param('id');
    const manifest = await shares.manifest(id);
    if (!manifest) return notFound(c);
    const tail = rawPathAfter(c.req.url, `/s/${id}/`) ?? '';
    if (tail === '' || tail === 'index.html') {
      const index = join(viewerDir, 'index.html');
      if (!(await stat(index).catch(() => null))) return notFound(c);
      return sendFile(c, index, {
        cacheControl: 'no-store',
        contentType: 'text/html; charset=utf-8',
      });
    }
    if (tail === 'manifest.json') return c.json(manifest, 200, { 'Cache-Control': 'no-store' });
    if (tail.startsWith('assets/')) {
      const path = await resolveFileInside(viewerDir, safeSegments(tail));
      return path ? sendFile(c, path, { cacheControl: 'no-cache' }) : notFound(c);
    }
    const blob = await shares.file(id, decodeURIComponent(tail));
    if (!blob) return notFound(c);
    return sendFile(c, blob, { cacheControl: 'no-store' });
  });
  app.all('*', notFound);
  return app;
}
