/**
 * A single-file export: the viewer's inlined build (`web/dist-viewer-single/`) with its script and styles put
 * into the page and the bundle embedded as base64 JSON, so one HTML file opens from `file://` offline.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ExportBundle } from './bundle';

/**
 * @example
 * await writeFile('regime-study.html', await singleFileHtml(bundle, await ensureViewerBuild(true)));
 */
export async function singleFileHtml(bundle: ExportBundle, viewer: string): Promise<string> {
  let page = await readFile(join(viewer, 'index.html'), 'utf8');
  const files: Record<string, string> = {
    'manifest.json': Buffer.from(JSON.stringify(bundle.manifest)).toString('base64'),
  };
  for (const [path, bytes] of bundle.files) files[path] = Buffer.from(bytes).toString('base64');
  const scripts = [
    ...page.matchAll(/<script type="module" crossorigin src="\.\/([^"]+)"><\/script>/g),
  ];
  for (const [tag, src] of scripts) {
    const code = (await readFile(join(viewer, src!), 'utf8')).replaceAll('</script', '<\\/script');
    page = page.replace(tag, () => `<script type="module">${code}</script>`);
  }
  const styles = [...page.matchAll(/<link rel="stylesheet" crossorigin href="\.\/([^"]+)">/g)];
  for (const [tag, href] of styles) {
    const css = await readFile(join(viewer, href!), 'utf8');
    page = page.replace(tag, () => `<style>${css}</style>`);
  }
  const data = `<script type="application/json" id="vollab-bundle">${JSON.stringify(files)}</script>`;
  return page.replace('</head>', () => `${data}\n</head>`);
}
