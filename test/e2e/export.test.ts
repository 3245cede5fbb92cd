import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Table } from 'apache-arrow';
import { buildBundle } from '../../server/export/bundle';
import { singleFileHtml } from '../../server/export/single-file';
import { ensureViewerBuild } from '../../server/export/viewer-build';
import { writeExportFolder } from '../../server/export/write-folder';
import { runNotebook } from '../../server/notebook-runner/run';
import { launchChromium } from './support/browser';
import { collectPageErrors, waitForSettled } from './support/page';
import { serveFolder } from './support/static-server';
import { tablesByCell, viewerSettled } from './support/viewer';
import { startWorkbench } from './support/workbench';

const root = resolve(import.meta.dirname, '../..');
const regimeText = () => readFile(join(root, 'notebooks/regime-study.md'), 'utf8');

/** A notebook whose SQL reads an input: changing it must rerun the query in the reader's DuckDB. */
const SYMBOL_NOTEBOOK = `---
title: Closes by symbol
datasets: [ohlcv_daily]
---
# Closes by symbol
\`\`\`js
const symbol = view(Inputs.select(["BTC", "ETH"], {label: "Symbol", value: "BTC"}))
\`\`\`
\`\`\`sql id=closes
SELECT symbol, count(*)::INT AS days, round(avg(close), 2) AS mean_close FROM ohlcv_daily WHERE symbol = \${symbol} GROUP BY symbol
\`\`\`
`;

describe('static exports in Debian chromium, with no sidecar', () => {
  let browser: Awaited<ReturnType<typeof launchChromium>>;
  let liveTables: Record<string, string[]>;
  let dir: string;

  beforeAll(async () => {
    // The live notebook's tables first; then the sidecar is stopped for good.
    const workbench = await startWorkbench();
    browser = await launchChromium();
    await workbench.signIn(browser.context);
    const page = await browser.context.newPage();
    await page.goto(`${workbench.url}/notebooks/regime-study`);
    await waitForSettled(page);
    liveTables = await tablesByCell(page, 'vol-notebook-page');
    await page.close();
    await workbench.close();
    dir = await mkdtemp(join(tmpdir(), 'vollab-export-e2e-'));
    await ensureViewerBuild(false, { root, rebuild: true });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("shows every cell ok, with the live notebook's tables, painted without DuckDB", async () => {
    const bundle = await buildBundle(await regimeText(), { datasetsDir: join(root, 'datasets') });
    const out = join(dir, 'regime');
    await writeExportFolder(bundle, out, { viewer: join(root, 'web/dist-viewer') });
    const server = await serveFolder(out);
    try {
      const page = await browser.context.newPage();
      const errors = collectPageErrors(page);
      await page.goto(`${server.url}/`);
      const states = await viewerSettled(page);
      expect(states.length).toBeGreaterThan(10);
      expect(states.filter((s) => s.status !== 'ok')).toEqual([]);
      expect(Object.keys(liveTables).length).toBeGreaterThan(0);
      expect(await tablesByCell(page, 'vol-viewer')).toEqual(liveTables);
      // First paint came from the precomputed results: DuckDB-WASM was never loaded.
      expect(await page.evaluate(() => document.documentElement.dataset.duckdb)).toBeUndefined();
      expect(await page.locator('vol-viewer [data-simulated]').count()).toBe(1);
      expect(errors).toEqual([]);
      await page.close();
    } finally {
      await server.close();
    }
  });

  it('paints the outputs precomputed at export time, then reruns only the dependents of a changed input', async () => {
    const datasetsDir = join(root, 'datasets');
    const bundle = await buildBundle(await regimeText(), { datasetsDir });
    const refit = (
      await runNotebook(join(root, 'notebooks/regime-study.md'), {
        datasetsDir,
        inputs: { states: 4 },
      })
    ).values.fit as { iterations: number; logLikelihood: number };
    const out = join(dir, 'precomputed');
    await writeExportFolder(bundle, out, { viewer: join(root, 'web/dist-viewer') });
    const server = await serveFolder(out);
    try {
      const page = await browser.context.newPage();
      const requests: string[] = [];
      page.on('request', (request) => requests.push(new URL(request.url()).pathname));
      await page.goto(`${server.url}/`);
      const states = await viewerSettled(page);
      expect(states.filter((s) => s.status !== 'ok')).toEqual([]);
      // Everything on screen came from the export's outputs: no database, no data, no query result fetched.
      expect(requests.filter((p) => /duckdb|\.wasm$|^\/data\/|^\/results\//.test(p))).toEqual([]);
      expect(requests).toContain(`/${bundle.manifest.outputs}`);
      expect(await page.evaluate(() => document.documentElement.dataset.duckdb)).toBeUndefined();
      const chart = page.locator('vol-viewer [data-chart="hmm-states"]');
      expect(await chart.locator('h2').innerText()).toContain('3 states');
      // The BIC chart depends on the observations only: it must stay the precomputed element.
      await page.evaluate(() => {
        const bic = [...document.querySelectorAll('vol-viewer figure')].find((f) =>
          f.textContent?.includes('Information criteria'),
        ) as HTMLElement;
        bic.dataset.precomputedMark = 'kept';
      });
      await page.locator('vol-viewer input[type=number]').first().fill('4');
      await page.waitForFunction(
        () =>
          document
            .querySelector('vol-viewer [data-chart="hmm-states"] h2')
            ?.textContent?.includes('4 states'),
        null,
        { timeout: 60_000, polling: 50 },
      );
      await page.waitForFunction(
        (n) => document.querySelector('vol-viewer')?.textContent?.includes(`ran ${n} iterations`),
        refit.iterations,
        { timeout: 60_000, polling: 50 },
      );
      expect(await page.locator('vol-viewer').innerText()).toContain(
        `log-likelihood ${refit.logLikelihood.toFixed(1)}`,
      );
      expect(await page.locator('vol-viewer [data-precomputed-mark="kept"]').count()).toBe(1);
      // The query's parameters did not change: still no database.
      expect(await page.evaluate(() => document.documentElement.dataset.duckdb)).toBeUndefined();
      await page.close();
    } finally {
      await server.close();
    }
  });

  it('reruns a SQL cell in DuckDB-WASM over the pinned slice when its input changes', async () => {
    const datasetsDir = join(root, 'datasets');
    const bundle = await buildBundle(SYMBOL_NOTEBOOK, { datasetsDir });
    const reference = (
      await runNotebook({ text: SYMBOL_NOTEBOOK }, { datasetsDir, inputs: { symbol: 'ETH' } })
    ).values.closes as Table;
    const eth = reference.toArray()[0] as { days: number; mean_close: number };
    const out = join(dir, 'symbol');
    await writeExportFolder(bundle, out, { viewer: join(root, 'web/dist-viewer') });
    const server = await serveFolder(out);
    try {
      const page = await browser.context.newPage();
      await page.goto(`${server.url}/`);
      await viewerSettled(page);
      const sqlCell = bundle.manifest.cells.find((c) => c.kind === 'sql')!.id;
      const cellText = () =>
        page.locator(`vol-viewer [data-cell-id="${sqlCell}"] table`).innerText();
      expect(await cellText()).toContain('BTC');
      await page.locator('vol-viewer select').selectOption('ETH');
      await page.waitForFunction(
        (id) =>
          document
            .querySelector(`vol-viewer [data-cell-id="${id}"] table`)
            ?.textContent?.includes('ETH'),
        sqlCell,
        { timeout: 60_000, polling: 50 },
      );
      expect(await page.evaluate(() => document.documentElement.dataset.duckdb)).toBe('ready');
      const text = await cellText();
      expect(text).toContain(eth.days.toLocaleString('en-US'));
      expect(text).toContain(eth.mean_close.toLocaleString('en-US'));
      await page.close();
    } finally {
      await server.close();
    }
  });

  it('opens the single-file export from file:// with every cell ok', async () => {
    const bundle = await buildBundle(await regimeText(), { datasetsDir: join(root, 'datasets') });
    const viewer = await ensureViewerBuild(true, { root, rebuild: true });
    const file = join(dir, 'regime-study.html');
    await writeFile(file, await singleFileHtml(bundle, viewer));
    const page = await browser.context.newPage();
    const errors = collectPageErrors(page);
    await page.goto(`file://${file}`);
    const states = await viewerSettled(page);
    expect(states.filter((s) => s.status !== 'ok')).toEqual([]);
    expect(await tablesByCell(page, 'vol-viewer')).toEqual(liveTables);
    expect(errors).toEqual([]);
    await page.close();
  });
});
