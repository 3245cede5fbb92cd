/**
 * A first visit of every bundled notebook, as a user gets it right after `npm start`: a freshly started sidecar
 * (its own empty slice cache, nothing warm in its DuckDB), a fresh browser context (empty HTTP cache, no result
 * cache), timed from navigation until every cell has settled, in headless Debian chromium.
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { launchChromium } from '../e2e/support/browser';
import { waitForSettled } from '../e2e/support/page';
import { startWorkbench } from '../e2e/support/workbench';
import type { BenchCase, BenchSuite } from './harness';

const notebooksDir = resolve(import.meta.dirname, '../../notebooks');
const notebooks = (await readdir(notebooksDir))
  .filter((f) => f.endsWith('.md'))
  .map((f) => f.slice(0, -3))
  .sort();

let browser: { context: BrowserContext; close: () => Promise<void> };

/** `wasmOnly`: the sidecar's SQL route refused in the page, so DuckDB-WASM answers every cell (no hand-over). */
async function firstVisit(notebook: string, wasmOnly = false): Promise<number> {
  const cacheDir = await mkdtemp(join(tmpdir(), 'vollab-first-visit-cache-'));
  // As `npm start` runs: the simulated exchange on, so the live notebook has a feed.
  const workbench = await startWorkbench({
    simulatedExchange: true,
    env: { VOLLAB_CACHE_DIR: cacheDir },
  });
  const context = await browser.context.browser()!.newContext();
  try {
    await workbench.signIn(context);
    const page = await context.newPage();
    if (wasmOnly) await page.route('**/api/sql/query', (route) => route.abort('connectionrefused'));
    const start = performance.now();
    await page.goto(`${workbench.url}/notebooks/${notebook}`);
    await waitForSettled(page);
    return performance.now() - start;
  } finally {
    await context.close();
    await workbench.close();
    await rm(cacheDir, { recursive: true, force: true });
  }
}

// Each notebook with and without the hand-over, side by side, so both see the same machine load.
const cases: BenchCase[] = notebooks.flatMap((notebook) => [
  {
    name: `first visit "${notebook}" (fresh sidecar, empty cache)`,
    goal: '< 1500 ms',
    runs: 3,
    run: async () => ({ value: await firstVisit(notebook), unit: 'ms' }),
  },
  {
    name: `  the same, DuckDB-WASM only (no hand-over)`,
    runs: 3,
    run: async () => ({ value: await firstVisit(notebook, true), unit: 'ms' }),
  },
]);

export const suite: BenchSuite = {
  name: 'workbench first visit (headless chromium)',
  async setup() {
    browser = await launchChromium();
  },
  async teardown() {
    await browser.close();
  },
  cases,
};
