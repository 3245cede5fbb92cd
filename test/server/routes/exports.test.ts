import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../server/app';
import type { ExportManifest } from '../../../server/contract';
import { createFixture, fixtureRows, jsonApi, signedInApp, type Fixture } from './fixtures';

const NOTEBOOK = `---
title: Ticks by currency
datasets: [{name: ticks, where: {currency: BTC}}]
---
# Ticks
\`\`\`js
const n = view(Inputs.range([1, 9], {step: 1, value: 3}))
\`\`\`
\`\`\`sql id=counts
SELECT currency, count(*)::INT AS n FROM ticks GROUP BY 1 ORDER BY 1
\`\`\`
`;

describe('POST /api/exports', () => {
  let fx: Fixture;
  let app: Hono;
  const api = jsonApi(() => app, '/api/exports');

  beforeAll(async () => {
    fx = await createFixture();
    app = signedInApp(fx.config);
    await writeFile(join(fx.config.notebooksDir, 'ticks.md'), NOTEBOOK);
    await writeFile(
      join(fx.config.notebooksDir, 'missing.md'),
      '---\ndatasets: [no_such_data]\n---\n```sql\nSELECT 1 FROM no_such_data\n```\n',
    );
    // A stand-in for the inlined viewer build, so no build runs in a unit test.
    const viewer = join(fx.root, 'web/dist-viewer-single');
    await mkdir(join(viewer, 'assets'), { recursive: true });
    await writeFile(
      join(viewer, 'index.html'),
      '<!doctype html><head><script type="module" crossorigin src="./assets/v.js"></script></head>',
    );
    await writeFile(join(viewer, 'assets/v.js'), 'console.log("viewer")');
  });
  afterAll(() => fx.cleanup());

  it('answers one HTML file holding the viewer, the pinned inputs and exactly the slice read', async () => {
    const res = await api('', { method: 'POST', body: { path: 'ticks.md', inputs: { n: 7 } } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="ticks.html"');
    expect(res.headers.get('x-vollab-cells-in-error')).toBe('0');
    const html = await res.text();
    expect(html).toContain('<script type="module">console.log("viewer")</script>');
    const data = /<script type="application\/json" id="vollab-bundle">(.*?)<\/script>/s.exec(html);
    const files = JSON.parse(data![1]!) as Record<string, string>;
    const manifest = JSON.parse(
      Buffer.from(files['manifest.json']!, 'base64').toString(),
    ) as ExportManifest;
    expect(manifest.title).toBe('Ticks by currency');
    expect(manifest.inputs).toEqual({ n: 7 });
    const btcRows = fixtureRows(90).filter((r) => r.currency === 'BTC').length;
    expect(manifest.slices.map((s) => [s.dataset, s.rows])).toEqual([['ticks', btcRows]]);
  });

  it('refuses bad input with a clear 4xx, and everyone without the token', async () => {
    const bad = await api('', { method: 'POST', body: { path: 'ticks.md', inputs: [1] } });
    expect(bad.status).toBe(400);
    expect((await api('', { method: 'POST', body: { path: 'nope.md' } })).status).toBe(404);
    const missing = await api('', { method: 'POST', body: { path: 'missing.md' } });
    expect(missing.status).toBe(422);
    expect(await missing.text()).toContain('no_such_data');
    const anonymous = await createApp(fx.config).request('http://localhost/api/exports', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ path: 'ticks.md' }),
    });
    expect(anonymous.status).toBe(401);
  });
});
