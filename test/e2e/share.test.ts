import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateBundledDatasets } from '../../server/datasets/generate';
import { ensureViewerBuild } from '../../server/export/viewer-build';
import { waitForSettled } from './support/page';
import { tablesByCell, viewerSettled } from './support/viewer';
import { useWorkbench } from './support/session';

const root = resolve(import.meta.dirname, '../..');

/** The regime study's `days` table: its header names both the prices and the regime labels. */
const pricesTable = (tables: Record<string, string[]>) =>
  Object.values(tables)
    .flat()
    .find((t) => /\bclose\b/.test(t) && /\blabel\b/.test(t));

describe('share links in Debian chromium', () => {
  // A private copy of the datasets: the test regenerates them with another seed.
  let datasetsDir = '';
  const workbench = useWorkbench(async () => {
    datasetsDir = await mkdtemp(join(tmpdir(), 'vollab-share-data-'));
    await cp(join(root, 'datasets'), datasetsDir, { recursive: true });
    return { env: { VOLLAB_DATA_DIR: datasetsDir } };
  });
  afterAll(() => rm(datasetsDir, { recursive: true, force: true }));
  beforeAll(() => ensureViewerBuild(false, { root, rebuild: true }), 300_000);

  it('opens without the token, keeps the old text and data after an edit and a regeneration, and 404s once revoked', async () => {
    const api = (path: string, init: RequestInit = {}) =>
      fetch(`${workbench.url}${path}`, {
        ...init,
        headers: { Authorization: `Bearer ${workbench.token}`, 'Content-Type': 'application/json' },
      });
    // The raw prices table (`days`) does not depend on the inputs: live and shared must show the same rows.
    const livePrices = async () => {
      const page = await workbench.context.newPage();
      await page.goto(`${workbench.url}/notebooks/regime-study`);
      await waitForSettled(page);
      const table = pricesTable(await tablesByCell(page, 'vol-notebook-page'));
      await page.close();
      return table;
    };
    const liveBefore = await livePrices();
    expect(liveBefore).toMatch(/\d{4}-\d\d-\d\d/);
    const res = await api('/api/shares', {
      method: 'POST',
      body: JSON.stringify({ path: 'regime-study.md', inputs: { states: 2 } }),
    });
    expect(res.status).toBe(201);
    const { id, url } = (await res.json()) as { id: string; url: string };
    const file = join(workbench.notebooksDir, 'regime-study.md');
    const original = await readFile(file, 'utf8');
    await writeFile(
      file,
      original.replace('# Regime study: hidden Markov models on BTC', '# Edited title'),
    );
    await generateBundledDatasets({ datasetsDir, seed: 7 });
    // The live notebook now reads the regenerated prices…
    const liveAfter = await livePrices();
    expect(liveAfter).toMatch(/\d{4}-\d\d-\d\d/);
    expect(liveAfter).not.toEqual(liveBefore);

    // No token cookie at all: the link alone must open it.
    await workbench.context.clearCookies();
    const page = await workbench.context.newPage();
    await page.goto(`${workbench.url}${url}`);
    const states = await viewerSettled(page);
    expect(states.filter((s) => s.status !== 'ok')).toEqual([]);
    const heading = await page.locator('vol-viewer h1').first().innerText();
    expect(heading).toContain('hidden Markov models');
    // The share's input value (2 states) is what the page opened with.
    expect(await page.locator('vol-viewer input[type=number]').first().inputValue()).toBe('2');
    // …while the share still shows the prices it was created with.
    expect(pricesTable(await tablesByCell(page, 'vol-viewer'))).toBe(liveBefore);

    expect((await api(`/api/shares/${id}`, { method: 'DELETE' })).status).toBe(204);
    const gone = await page.goto(`${workbench.url}${url}`);
    expect(gone?.status()).toBe(404);
    await page.close();
    await writeFile(file, original);
  });
});
