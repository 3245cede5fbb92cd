/**
 * `npm run export -- <notebook.md> --pdf`: the notebook's slides printed to PDF by Debian chromium. A private
 * sidecar on loopback serves the built workbench and a temporary copy of the notebook (so a running sidecar's
 * folder lock is never in the way); chromium opens it in presentation print mode (`?present&print`, every
 * slide shown, each from the top of a 16:9 page), waits for every cell to settle, has the deck scale any slide
 * taller than a page down to fit it (one slide per page), and prints.
 */
import { execFile } from 'node:child_process';
import { copyFile, mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { chromium } from 'playwright-core';
import { loadConfig } from '../config';
import { startServer } from '../main';

const run = promisify(execFile);

export interface PdfResult {
  slides: number;
  /** Cells that settled in error, by their `data-error` text. */
  errors: string[];
  bytes: number;
}

/** The workbench build (`web/dist`), built on first need. */
async function ensureWorkbenchBuild(root: string): Promise<string> {
  const dir = resolve(root, 'web/dist');
  const built = await stat(join(dir, 'index.html')).then(
    () => true,
    () => false,
  );
  if (!built) await run(join(root, 'node_modules/.bin/vite'), ['build'], { cwd: root });
  return dir;
}

/**
 * @example
 * const { slides } = await printSlidesToPdf('notebooks/regime-study.md', 'exports/regime-study.pdf');
 */
export async function printSlidesToPdf(
  notebookFile: string,
  out: string,
  options: { datasetsDir?: string; root?: string; chromiumPath?: string; timeoutMs?: number } = {},
): Promise<PdfResult> {
  const root = options.root ?? process.cwd();
  const webDistDir = await ensureWorkbenchBuild(root);
  const notebooksDir = await mkdtemp(join(tmpdir(), 'vollab-pdf-'));
  const name = basename(notebookFile);
  await copyFile(notebookFile, join(notebooksDir, name));
  const config = loadConfig({
    ...process.env,
    PORT: '0',
    HOST: '127.0.0.1',
    VOLLAB_NOTEBOOKS_DIR: notebooksDir,
    ...(options.datasetsDir ? { VOLLAB_DATA_DIR: options.datasetsDir } : {}),
  });
  const server = await startServer({ ...config, webDistDir, simulatedExchange: false });
  const browser = await chromium.launch({
    executablePath: options.chromiumPath ?? process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    const path = encodeURIComponent(name.replace(/\.md$/, ''));
    await page.goto(
      `${server.url.replace(/\/$/, '')}/notebooks/${path}?present&print&token=${server.token}`,
    );
    await page.waitForFunction(
      () => {
        const cells = document.querySelectorAll('vol-notebook-page [data-cell-id]');
        const settled = [...cells].every((c) =>
          ['ok', 'error'].includes(c.getAttribute('data-status') ?? ''),
        );
        return cells.length > 0 && settled && !!document.querySelector('main[data-present]');
      },
      null,
      { timeout: options.timeoutMs ?? 120_000, polling: 50 },
    );
    const { slides, errors } = await page.evaluate(() => ({
      slides: document.querySelectorAll('vol-notebook-page [data-slide-first]').length,
      errors: [...document.querySelectorAll('vol-notebook-page [data-error]')].map(
        (c) => c.getAttribute('data-error') ?? '',
      ),
    }));
    // Lay out for print, then let the deck scale each slide that is taller than a page to fit it.
    await page.emulateMedia({ media: 'print' });
    await page.evaluate(() => dispatchEvent(new Event('beforeprint')));
    const pdf = await page.pdf({
      path: resolve(out),
      width: '1280px',
      height: '720px',
      printBackground: true,
    });
    return { slides, errors, bytes: pdf.byteLength };
  } finally {
    await browser.close();
    await server.close();
    await rm(notebooksDir, { recursive: true, force: true });
  }
}
