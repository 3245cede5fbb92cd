/**
 * The live desk in Debian chromium against a sidecar running the simulated exchange: the full-screen panel's
 * surface advances (its `data-as-of` grows), a banner says so while the exchange is paused (paused from the
 * test, on the exchange handle: the sidecar has no route for it), the panel docks beside a notebook, and a
 * `live.surface("BTC")` cell updates repeatedly and unsubscribes when deleted (read off the page's own
 * WebSocket frames).
 */
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './support/browser';
import { collectPageErrors, waitForSettled } from './support/page';
import { ensureDatasets, startWorkbench, type Workbench } from './support/workbench';

const BUNDLED_DATASETS =
  process.env.VOLLAB_DATA_DIR ?? resolve(import.meta.dirname, '../../datasets');

const LIVE_NOTEBOOK = `---
title: Live cell
---

\`\`\`js
const s = live.surface("BTC")
\`\`\`

\`\`\`js
html\`<span data-live-stamp=\${s.asOf}>\${s.expiries.length} expiries</span>\`
\`\`\`
`;

/** Every op the page sent on /api/live, in order. */
function recordLiveOps(page: Page): { op: string; channels: string[] }[] {
  const ops: { op: string; channels: string[] }[] = [];
  page.on('websocket', (ws) => {
    if (!ws.url().endsWith('/api/live')) return;
    ws.on('framesent', ({ payload }) => {
      if (typeof payload === 'string') ops.push(JSON.parse(payload) as (typeof ops)[number]);
    });
  });
  return ops;
}

/** Poll `read` until it returns a value other than each of `seen`, `n` times; returns the values seen. */
async function distinctValues(read: () => Promise<string | null>, n: number): Promise<string[]> {
  const seen: string[] = [];
  const deadline = Date.now() + 30_000;
  while (seen.length < n) {
    if (Date.now() > deadline) throw new Error(`saw only ${JSON.stringify(seen)}`);
    const v = await read();
    if (v && !seen.includes(v)) seen.push(v);
    await new Promise((r) => setTimeout(r, 50));
  }
  return seen;
}

describe('the live desk', () => {
  let workbench: Workbench;
  let browser: Awaited<ReturnType<typeof launchChromium>>;

  let datasetsDir = '';

  beforeAll(async () => {
    // A private copy of the bundled datasets: freezing writes chain_snapshots and rebuilds the catalog.
    await ensureDatasets();
    datasetsDir = await mkdtemp(join(tmpdir(), 'vollab-datasets-'));
    await cp(BUNDLED_DATASETS, datasetsDir, { recursive: true });
    workbench = await startWorkbench({
      simulatedExchange: true,
      env: { VOLLAB_DATA_DIR: datasetsDir },
    });
    browser = await launchChromium();
    await workbench.signIn(browser.context);
    await writeFile(join(workbench.notebooksDir, 'live-cell.md'), LIVE_NOTEBOOK);
  });
  afterAll(async () => {
    await browser?.close();
    await workbench?.close();
    if (datasetsDir) await rm(datasetsDir, { recursive: true, force: true });
  });

  it('shows at /live a surface whose data-as-of advances, every view marked', async () => {
    const page = await browser.context.newPage();
    const errors = collectPageErrors(page);
    const scripts: string[] = [];
    page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(r.url());
    });
    await page.goto(`${workbench.url}/live`);
    const asOf = () =>
      page.getAttribute('[data-live-view="smile"]', 'data-as-of', { timeout: 30_000 });
    const values = (await distinctValues(asOf, 3)).map(Number);
    expect(values[1]!).toBeGreaterThan(values[0]!);
    expect(values[2]!).toBeGreaterThan(values[1]!);
    for (const view of ['smile', 'term', 'skew', 'heatmap', 'tickers'])
      expect(await page.locator(`[data-live-view="${view}"]`).getAttribute('data-as-of')).toMatch(
        /^\d+$/,
      );
    await page.waitForSelector('[data-live-view="smile"] svg');
    await page.waitForSelector('[data-live-view="heatmap"] svg');
    expect(await page.locator('[data-live-banner]').count()).toBe(0);
    // three.js is fetched only when the 3D view is asked for.
    expect(scripts.filter((u) => /surface-3d/.test(u))).toEqual([]);
    await page.click('[data-show-3d]');
    await page.waitForSelector('[data-live-view="surface-3d"] canvas', { timeout: 30_000 });
    expect(scripts.filter((u) => /surface-3d/.test(u))).toHaveLength(1);
    await page.click('button[data-tab="polymarket"]');
    await page.waitForSelector('vol-polymarket-table tr[data-matched="true"]', { timeout: 30_000 });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows the feed-down banner while the exchange is paused and clears it when it resumes', async () => {
    const page = await browser.context.newPage();
    const errors = collectPageErrors(page);
    await page.goto(`${workbench.url}/live`);
    await page.waitForSelector('[data-live-view="smile"][data-as-of]:not([data-as-of=""])', {
      timeout: 30_000,
    });
    expect(await page.locator('[data-live-banner]').count()).toBe(0);
    const exchange = workbench.exchange!;
    exchange.pause();
    try {
      // Silent for longer than the surface's 5 s limit: the surface goes stale and the panel says so.
      await page.waitForSelector('[data-live-banner="stale"]', { timeout: 30_000 });
      expect(await page.locator('[data-live-banner]').getAttribute('role')).toBe('alert');
    } finally {
      exchange.resume();
    }
    await page.waitForSelector('[data-live-banner]', { state: 'detached', timeout: 30_000 });
    const before = Number(await page.getAttribute('[data-live-view="smile"]', 'data-as-of'));
    await page.waitForFunction(
      (t) =>
        Number(document.querySelector('[data-live-view="smile"]')?.getAttribute('data-as-of')) > t,
      before,
      { timeout: 30_000 },
    );
    expect(errors).toEqual([]);
    await page.close();
  });

  it('docks the panel beside a notebook and remembers it', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${workbench.url}/notebooks/getting-started`);
    await page.click('[data-live-toggle]');
    await page.waitForSelector(
      'vol-live-dock [data-live-view="smile"][data-as-of]:not([data-as-of=""])',
      {
        timeout: 30_000,
      },
    );
    await page.reload();
    await page.waitForSelector('vol-live-dock vol-live-panel', { timeout: 30_000 });
    await page.click('[data-live-toggle]');
    expect(await page.locator('vol-live-dock').count()).toBe(0);
    await page.close();
  });

  it('runs the bundled Live BTC surface notebook: the rolling chart builds up, Freeze round-trips through SQL', async () => {
    const page = await browser.context.newPage();
    const errors = collectPageErrors(page);
    await page.goto(`${workbench.url}/notebooks/live-btc-surface`);
    const states = await waitForSettled(page);
    expect(states.filter((s) => s.status === 'error')).toEqual([]);
    // The rolling chart gains a point per surface.
    const caption = page.locator('vol-notebook-page figcaption', { hasText: 'surfaces since' });
    const counts = await distinctValues(() => caption.innerText({ timeout: 30_000 }), 3);
    expect(counts.map((c) => parseInt(c, 10))).toEqual(
      [...counts].map((c) => parseInt(c, 10)).sort((a, b) => a - b),
    );
    await page.locator('vol-notebook-page button', { hasText: 'Freeze the BTC desk' }).click();
    const result = page.locator('vol-notebook-page [data-frozen-rows]');
    await result.waitFor({ timeout: 30_000 });
    const written = await result.getAttribute('data-frozen-rows');
    // SQL over chain_snapshots at the frozen instant reads back every row the freeze wrote.
    expect(await result.getAttribute('data-read-back')).toBe(written);
    expect(Number(written)).toBeGreaterThan(100);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('updates a live.surface cell repeatedly and unsubscribes when the cell is deleted', async () => {
    const page = await browser.context.newPage();
    const ops = recordLiveOps(page);
    await page.goto(`${workbench.url}/notebooks/live-cell`);
    const stamp = () =>
      page.getAttribute('[data-live-stamp]', 'data-live-stamp', { timeout: 30_000 });
    await distinctValues(stamp, 3);
    const subscribes = ops.filter(
      (o) => o.op === 'subscribe' && o.channels.includes('surface.BTC'),
    );
    expect(subscribes).toHaveLength(1);
    await page.locator('section.cell.js').first().locator('button[title="Delete cell"]').click();
    const deadline = Date.now() + 10_000;
    while (!ops.some((o) => o.op === 'unsubscribe' && o.channels.includes('surface.BTC'))) {
      if (Date.now() > deadline) throw new Error(`no unsubscribe: ${JSON.stringify(ops)}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    // The cell that read `s` now reads an undefined name: it is in error, no longer fed.
    await page.waitForSelector('section.cell.js[data-status="error"]', { timeout: 10_000 });
    expect(await page.locator('section.cell.js').count()).toBe(1);
    await page.close();
  });
});
