import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureViewerBuild } from '../../server/export/viewer-build';
import { viewerSettled } from './support/viewer';
import { useWorkbench } from './support/session';

const root = resolve(import.meta.dirname, '../..');

describe('share links in Debian chromium', () => {
  const workbench = useWorkbench();
  beforeAll(() => ensureViewerBuild(false, { root, rebuild: true }), 300_000);

  it('opens without the token, keeps the old text after an edit, and 404s once revoked', async () => {
    const api = (path: string, init: RequestInit = {}) =>
      fetch(`${workbench.url}${path}`, {
        ...init,
        headers: { Authorization: `Bearer ${workbench.token}`, 'Content-Type': 'application/json' },
      });
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

    expect((await api(`/api/shares/${id}`, { method: 'DELETE' })).status).toBe(204);
    const gone = await page.goto(`${workbench.url}${url}`);
    expect(gone?.status()).toBe(404);
    await page.close();
    await writeFile(file, original);
  });
});
