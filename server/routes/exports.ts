/**
 * `POST /api/exports {path, inputs?}` (token required): the Export button's download. Answers the notebook as a
 * single-file export (`npm run export -- … --single-file`): one HTML file, data inside, that opens offline. The
 * inlined viewer build (`web/dist-viewer-single/`) is made on first need, once, however many ask at a time.
 */
import { Hono } from 'hono';
import { basename, resolve } from 'node:path';
import { buildBundle } from '../export/bundle';
import { MissingDatasetError } from '../export/missing-datasets';
import { singleFileHtml } from '../export/single-file';
import { ensureViewerBuild } from '../export/viewer-build';
import { httpError } from '../http/errors';
import { notebookWithInputs, readJsonObject } from '../http/json-body';
import type { NotebookStore } from '../notebooks/store';

/**
 * @example
 * app.route('/api/exports', exportRoutes(notebooks, { datasetsDir, webDistDir }));
 */
export function exportRoutes(
  notebooks: NotebookStore,
  options: { datasetsDir: string; webDistDir: string },
): Hono {
  const app = new Hono();
  // The viewer lives beside the workbench build: `<root>/web/dist` → `<root>`.
  const root = resolve(options.webDistDir, '..', '..');
  let viewer: Promise<string> | null = null;
  app.post('/', async (c) => {
    const { path, inputs } = notebookWithInputs(await readJsonObject(c));
    const { text } = await notebooks.read(path);
    const name = basename(path, '.md');
    let bundle;
    try {
      bundle = await buildBundle(text, {
        datasetsDir: options.datasetsDir,
        inputs,
        name,
      });
    } catch (error) {
      if (error instanceof MissingDatasetError) throw httpError(422, error.message);
      throw error;
    }
    viewer ??= ensureViewerBuild(true, { root }).catch((error: unknown) => {
      viewer = null;
      throw error;
    });
    const html = await singleFileHtml(bundle, await viewer);
    const failed = bundle.manifest.cells.filter((cell) => cell.status !== 'ok').length;
    return c.body(html, 200, {
      'content-type': 'text/html; charset=utf-8',
      'content-disposition': `attachment; filename="${name.replace(/[^\w.-]/g, '_')}.html"`,
      // The file shows cells exported in error; the header lets the button say so too.
      'x-vollab-cells-in-error': String(failed),
    });
  });
  return app;
}
