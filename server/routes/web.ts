/**
 * The workbench: `web/dist` assets, and its `index.html` for `/`, the library reference `/docs`, the live desk
 * `/live`, the portfolio `/portfolio` and every
 * notebook URL (`/notebooks/<path without .md>`), so a notebook has a stable address. Without a build, a 503 page says
 * how to make one.
 */
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Hono, type Context } from 'hono';
import { httpError } from '../http/errors';
import { rawPathAfter, resolveFileInside, safeSegments } from '../http/safe-path';
import { sendFile } from '../http/send-file';

const NO_BUILD_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Vol Lab: no build</title></head>
<body><h1>The workbench has not been built</h1>
<p>Run <code>npm run build</code> (or <code>npm start</code>, which builds it), then reload.</p></body></html>
`;

/**
 * @example
 * app.route('/', webRoutes(config.webDistDir));
 */
export function webRoutes(webDistDir: string): Hono {
  const app = new Hono();

  const index = async (c: Context) => {
    const path = join(webDistDir, 'index.html');
    const exists = await stat(path).then(
      (info) => info.isFile(),
      () => false,
    );
    if (!exists) return c.html(NO_BUILD_PAGE, 503, { 'Cache-Control': 'no-store' });
    return sendFile(c, path, { cacheControl: 'no-cache', contentType: 'text/html; charset=utf-8' });
  };

  app.get('/', index);
  app.get('/index.html', index);
  app.get('/docs', index);
  app.get('/live', index);
  app.get('/portfolio', index);
  app.get('/notebooks/*', index);

  app.get('/*', async (c) => {
    const tail = rawPathAfter(c.req.url, '/') ?? '';
    if (tail === 'api' || tail.startsWith('api/')) throw httpError(404, `not found: ${c.req.path}`);
    const path = await resolveFileInside(webDistDir, safeSegments(tail));
    if (!path) throw httpError(404, `not found: ${c.req.path}`);
    // Vite puts content-hashed files under assets/: they never change, so cache them for a year.
    const hashed = tail.startsWith('assets/');
    return sendFile(c, path, {
      cacheControl: hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
    });
  });

  return app;
}
