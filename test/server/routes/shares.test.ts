import { createHash } from 'node:crypto';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hono } from 'hono';
import { createApp } from '../../../server/app';
import type { ExportManifest } from '../../../server/contract';
import {
  createFixture,
  fixtureRows,
  jsonApi,
  readParquetBody,
  signedInApp,
  type Fixture,
} from './fixtures';

const NOTEBOOK = `---
title: Ticks by currency
datasets: [{name: ticks, where: {currency: BTC}}]
---
# Ticks
\`\`\`sql id=counts
SELECT currency, count(*)::INT AS n FROM ticks GROUP BY 1 ORDER BY 1
\`\`\`
`;

describe('/api/shares and /s/<id>', () => {
  let fx: Fixture;
  let app: Hono;
  let anonymous: Hono;
  const api = jsonApi(() => app, '/api/shares');
  const open = (path: string) => anonymous.request(`http://localhost${path}`);

  beforeAll(async () => {
    fx = await createFixture();
    app = signedInApp(fx.config);
    anonymous = createApp(fx.config);
    await writeFile(join(fx.config.notebooksDir, 'ticks.md'), NOTEBOOK);
    await mkdir(join(fx.root, 'web/dist-viewer/assets'), { recursive: true });
    await writeFile(
      join(fx.root, 'web/dist-viewer/index.html'),
      '<!doctype html><title>viewer</title>',
    );
    await writeFile(join(fx.root, 'web/dist-viewer/assets/viewer-1.js'), 'console.log(1)');
  });
  afterAll(() => fx.cleanup());

  async function share(inputs?: Record<string, unknown>): Promise<{ id: string; url: string }> {
    const res = await api('', { method: 'POST', body: { path: 'ticks.md', inputs } });
    expect(res.status).toBe(201);
    return (await res.json()) as { id: string; url: string };
  }

  it('pins the notebook and exactly its slice, opened without the token', async () => {
    const { id, url } = await share();
    expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(url).toBe(`/s/${id}`);
    const manifest = (await (await open(`/s/${id}/manifest.json`)).json()) as ExportManifest;
    const btcRows = fixtureRows(90).filter((r) => r.currency === 'BTC').length;
    expect(manifest.slices).toMatchObject([
      { dataset: 'ticks', rows: btcRows, simulated: fx.entry.simulated },
    ]);
    const slice = await open(`/s/${id}/${manifest.slices[0]!.file}`);
    expect(slice.status).toBe(200);
    const bytes = new Uint8Array(await slice.clone().arrayBuffer());
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(manifest.slices[0]!.sha256);
    expect((await readParquetBody(fx.root, slice)).length).toBe(btcRows);
    expect((await open(`/s/${id}/`)).status).toBe(200);
    expect((await open(`/s/${id}/assets/viewer-1.js`)).status).toBe(200);
    expect((await open(`/s/${id}`)).status).toBe(302);
  });

  it('keeps the old text after the notebook is edited', async () => {
    const { id } = await share();
    await writeFile(
      join(fx.config.notebooksDir, 'ticks.md'),
      NOTEBOOK.replace('# Ticks', '# Edited'),
    );
    expect(await (await open(`/s/${id}/notebook.md`)).text()).toContain('# Ticks');
    await writeFile(join(fx.config.notebooksDir, 'ticks.md'), NOTEBOOK);
  });

  it('stores a slice once however many shares use it', async () => {
    await share();
    await share({});
    const blobs = await readdir(join(fx.root, 'shares/blobs'));
    const parquet = blobs.filter((b) => b.endsWith('.parquet'));
    expect(parquet.length).toBe(1);
    expect(blobs.length).toBe(new Set(blobs).size);
  });

  it('reaches nothing but its own snapshot without the token', async () => {
    const { id } = await share();
    expect((await open('/api/notebooks')).status).toBe(401);
    expect((await open('/api/shares')).status).toBe(401);
    expect((await open(`/s/${id}/datasets/catalog.json`)).status).toBe(404);
    expect((await open(`/s/${id}/../../api/notebooks`)).status).not.toBe(200);
    expect((await open(`/s/${id}/data/${'0'.repeat(64)}.parquet`)).status).toBe(404);
  });

  it('404s a tampered id, and a revoked one', async () => {
    const { id } = await share();
    const tampered = `${id.slice(0, -1)}${id.endsWith('A') ? 'B' : 'A'}`;
    expect((await open(`/s/${tampered}/manifest.json`)).status).toBe(404);
    expect((await open(`/s/${tampered}/`)).status).toBe(404);
    expect((await open('/s/..%2F..%2Fetc/manifest.json')).status).toBe(404);
    const listed = (await (await api('')).json()) as { shares: { id: string }[] };
    expect(listed.shares.map((s) => s.id)).toContain(id);
    expect((await api(`/${id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await open(`/s/${id}/`)).status).toBe(404);
    expect((await open(`/s/${id}/manifest.json`)).status).toBe(404);
    expect((await api(`/${id}`, { method: 'DELETE' })).status).toBe(404);
  });

  it('refuses a notebook that reads a missing dataset, by name', async () => {
    await writeFile(
      join(fx.config.notebooksDir, 'gone.md'),
      '---\ndatasets: [vanished]\n---\n```sql\nSELECT 1 FROM vanished\n```\n',
    );
    const res = await api('', { method: 'POST', body: { path: 'gone.md' } });
    expect(res.status).toBe(422);
    expect(JSON.stringify(await res.json())).toContain('vanished');
    expect((await api('', { method: 'POST', body: { path: 'nope.md' } })).status).toBe(404);
  });
});
