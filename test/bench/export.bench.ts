/**
 * `npm run export` of the regime study: time and size of the folder and of the single file, and the folder's
 * first paint in headless Debian chromium from a plain static server (no sidecar) — from navigation to every
 * cell settled, read off the page's own clock.
 */
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildBundle } from '../../server/export/bundle';
import { singleFileHtml } from '../../server/export/single-file';
import { ensureViewerBuild } from '../../server/export/viewer-build';
import { writeExportFolder } from '../../server/export/write-folder';
import { launchChromium } from '../e2e/support/browser';
import { serveFolder } from '../e2e/support/static-server';
import type { BenchSuite } from './harness';

const root = resolve(import.meta.dirname, '../..');
const notebookPath = join(root, 'notebooks/regime-study.md');
const datasetsDir = join(root, 'datasets');
let dir: string;
let folderViewer: string;
let singleViewer: string;
let browser: Awaited<ReturnType<typeof launchChromium>>;
let server: Awaited<ReturnType<typeof serveFolder>>;

async function folderBytes(path: string): Promise<number> {
  const entries = await readdir(path, { withFileTypes: true, recursive: true });
  const sizes = await Promise.all(
    entries
      .filter((e) => e.isFile())
      .map(async (e) => (await stat(join(e.parentPath, e.name))).size),
  );
  return sizes.reduce((a, b) => a + b, 0);
}

const exportFolder = async (out: string) => {
  const bundle = await buildBundle(await readFile(notebookPath, 'utf8'), { datasetsDir });
  await writeExportFolder(bundle, out, { viewer: folderViewer, force: true });
};

const exportSingleFile = async (out: string) => {
  const bundle = await buildBundle(await readFile(notebookPath, 'utf8'), { datasetsDir });
  await writeFile(out, await singleFileHtml(bundle, singleViewer));
};

export const suite: BenchSuite = {
  name: 'export (regime study)',
  async setup() {
    dir = await mkdtemp(join(tmpdir(), 'vollab-export-bench-'));
    folderViewer = await ensureViewerBuild(false, { root });
    singleViewer = await ensureViewerBuild(true, { root });
    await exportFolder(join(dir, 'served'));
    server = await serveFolder(join(dir, 'served'));
    browser = await launchChromium();
  },
  async teardown() {
    await browser?.close();
    await server?.close();
    await rm(dir, { recursive: true, force: true });
  },
  cases: [
    { name: 'export to a folder', runs: 3, run: () => exportFolder(join(dir, 'folder')) },
    {
      name: 'folder size (viewer + data + manifest)',
      runs: 1,
      run: async () => ({ value: (await folderBytes(join(dir, 'folder'))) / 1e6, unit: 'MB' }),
    },
    {
      name: 'folder without the viewer (data, notebook, manifest)',
      runs: 1,
      run: async () => {
        const bytes = (await folderBytes(join(dir, 'folder'))) - (await folderBytes(folderViewer));
        return { value: bytes / 1e6, unit: 'MB' };
      },
    },
    {
      name: 'export to a single file',
      runs: 3,
      run: () => exportSingleFile(join(dir, 'single.html')),
    },
    {
      name: 'single file size',
      runs: 1,
      run: async () => ({ value: (await stat(join(dir, 'single.html'))).size / 1e6, unit: 'MB' }),
    },
    {
      name: 'folder first paint: navigation → every cell settled',
      goal: '< 1 s',
      runs: 7,
      run: async () => {
        const page = await browser.context.newPage();
        try {
          await page.goto(`${server.url}/`);
          // performance.now() counts from the navigation's start; polled each frame.
          const settledAt = await page.waitForFunction(
            () => {
              const cells = document.querySelectorAll('vol-viewer [data-cell-id]');
              const settled =
                cells.length > 0 &&
                [...cells].every((c) =>
                  ['ok', 'error'].includes(c.getAttribute('data-status') ?? ''),
                );
              return settled ? performance.now() : false;
            },
            null,
            { polling: 'raf', timeout: 60_000 },
          );
          return { value: (await settledAt.jsonValue()) as number, unit: 'ms' };
        } finally {
          await page.close();
        }
      },
    },
  ],
};
