import { readdir, readFile, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../server/app';
import { contentEtag } from '../../../server/http/etag';
import { createFixture, signedInApp, jsonApi, type Fixture } from './fixtures';

const ar = { kind: 'ar', p: 1, coefficients: [0.1, 0.5], sigma2: 2, tail: [3] };
const artifacts = {
  modelTopology: { class_name: 'Sequential', config: { layers: [] } },
  weightSpecs: [{ name: 'dense/kernel', shape: [1, 1], dtype: 'float32' }],
  weightData: Buffer.from(new Float32Array([1.5]).buffer).toString('base64'),
};

describe('/api/models', () => {
  let fx: Fixture;
  let app: ReturnType<typeof createApp>;
  let dir: string;
  const api = jsonApi(() => app, '/api/models');

  beforeAll(async () => {
    fx = await createFixture({ env: { VOLLAB_MAX_BODY_BYTES: '20000' } });
    app = signedInApp(fx.config);
    // The default folder is `models/` beside the cache folder (`.vollab/models` in a checkout).
    dir = join(fx.root, 'models');
  });
  afterAll(() => fx.cleanup());

  it('lists nothing before the folder exists', async () => {
    const res = await api('');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual([]);
  });

  it('creates (201), reads back with an ETag, then replaces (200)', async () => {
    const put = await api('/btc-ar.v1', { method: 'PUT', body: ar });
    expect(put.status).toBe(201);
    const text = JSON.stringify(ar);
    expect(put.headers.get('ETag')).toBe(contentEtag(text));
    expect(await put.json()).toMatchObject({ name: 'btc-ar.v1', kind: 'ar', bytes: text.length });
    expect(await readFile(join(dir, 'btc-ar.v1.json'), 'utf8')).toBe(text);

    const get = await api('/btc-ar.v1');
    expect(get.status).toBe(200);
    expect(get.headers.get('ETag')).toBe(contentEtag(text));
    expect(await get.json()).toEqual(ar);
    const again = await api('/btc-ar.v1', { headers: { 'If-None-Match': contentEtag(text) } });
    expect(again.status).toBe(304);

    const replaced = await api('/btc-ar.v1', { method: 'PUT', body: { ...ar, sigma2: 3 } });
    expect(replaced.status).toBe(200);
    expect((await (await api('/btc-ar.v1')).json()).sigma2).toBe(3);
  });

  it('stores tfjs artifacts and neural JSON, and lists every model with its kind', async () => {
    expect((await api('/net', { method: 'PUT', body: artifacts })).status).toBe(201);
    const neural = {
      kind: 'neural',
      network: 'lstm',
      lookback: 5,
      mean: 0,
      std: 1,
      model: artifacts,
    };
    expect((await api('/lstm', { method: 'PUT', body: neural })).status).toBe(201);
    const list = (await (await api('')).json()) as { name: string; kind: string; etag: string }[];
    expect(list.map((m) => [m.name, m.kind])).toEqual([
      ['btc-ar.v1', 'ar'],
      ['lstm', 'neural'],
      ['net', 'tfjs'],
    ]);
    expect(list[2]!.etag).toBe(contentEtag(JSON.stringify(artifacts)));
  });

  it('honours If-Match and If-None-Match: * on writes and deletes (412)', async () => {
    expect(
      (await api('/net', { method: 'PUT', body: ar, headers: { 'If-Match': '"stale"' } })).status,
    ).toBe(412);
    expect(
      (await api('/net', { method: 'PUT', body: ar, headers: { 'If-None-Match': '*' } })).status,
    ).toBe(412);
    const etag = contentEtag(JSON.stringify(artifacts));
    expect(
      (await api('/net', { method: 'PUT', body: ar, headers: { 'If-Match': etag } })).status,
    ).toBe(200);
    expect((await api('/net', { method: 'DELETE', headers: { 'If-Match': etag } })).status).toBe(
      412,
    );
  });

  it('deletes a model (then 404s it)', async () => {
    const del = await api('/net', { method: 'DELETE' });
    expect(del.status).toBe(200);
    expect(await del.json()).toEqual({ deleted: 'net' });
    expect((await api('/net')).status).toBe(404);
    expect((await api('/net', { method: 'DELETE' })).status).toBe(404);
    expect(await readdir(dir)).not.toContain('net.json');
  });

  it('refuses traversal and hidden names (403) and malformed names (400)', async () => {
    await writeFile(join(fx.root, 'secret.json'), JSON.stringify(ar));
    for (const path of [
      '/..%2fsecret',
      '/%2e%2e%2fsecret',
      '/..%5csecret',
      '/.hidden',
      '/a%2fb',
      '/a/b',
    ]) {
      expect((await api(path)).status, path).toBe(403);
      expect((await api(path, { method: 'PUT', body: ar })).status, path).toBe(403);
    }
    expect((await api('/..')).status).toBe(404); // normalized away by the URL parser: /api/models/.. → /api
    for (const path of [
      '/bad%20name',
      '/%E0%A4%A',
      `/${'x'.repeat(101)}`,
      '/a%00b',
      '/-dash-first',
    ]) {
      expect((await api(path)).status, path).toBe(400);
    }
  });

  it('refuses bodies that are not models (400) or too large (413)', async () => {
    expect((await api('/x', { method: 'PUT', body: '{"kind":' })).status).toBe(400);
    expect((await api('/x', { method: 'PUT', body: [1, 2] })).status).toBe(400);
    expect((await api('/x', { method: 'PUT', body: { p: 1 } })).status).toBe(400);
    expect(
      (await api('/x', { method: 'PUT', body: { ...artifacts, weightData: 'no!' } })).status,
    ).toBe(400);
    const big = { kind: 'ar', tail: Array.from({ length: 5000 }, () => 1.2345) };
    expect((await api('/x', { method: 'PUT', body: big })).status).toBe(413);
    expect((await api('/x')).status).toBe(404);
  });

  it('writes atomically: concurrent saves leave one whole version and no temp files', async () => {
    const versions = Array.from({ length: 12 }, (_, i) => ({
      kind: 'har',
      coefficients: Array.from({ length: 300 }, (_, j) => i + j / 1000),
    }));
    const statuses = await Promise.all(
      versions.map(async (body) => (await api('/race', { method: 'PUT', body })).status),
    );
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 200)).toHaveLength(11);
    const stored = await readFile(join(dir, 'race.json'), 'utf8');
    expect(versions.map((v) => JSON.stringify(v))).toContain(stored);
    expect((await readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('skips hand-edited files that are not models and leftover temp files when listing', async () => {
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'broken.json'), '{not json');
    await writeFile(join(dir, '.race.json.abc.tmp'), '{}');
    const names = ((await (await api('')).json()) as { name: string }[]).map((m) => m.name);
    expect(names).toEqual(['btc-ar.v1', 'lstm', 'race']);
  });
});
