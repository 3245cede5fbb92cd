import { mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../server/app';
import { createFixture, signedInApp, type Fixture } from './fixtures';

describe('GET|HEAD /datasets/**', () => {
  let fx: Fixture;
  let app: ReturnType<typeof createApp>;
  let bytes: Buffer;
  let url: string;
  const get = (path: string, headers?: Record<string, string>) =>
    app.request(`http://localhost${path}`, { headers });

  beforeAll(async () => {
    fx = await createFixture();
    app = signedInApp(fx.config);
    const path = fx.entry.partitions[0]!.path;
    bytes = await readFile(join(fx.config.datasetsDir, path));
    url = `/datasets/${path.replaceAll('=', '%3D')}`;
    await writeFile(join(fx.root, 'secret.txt'), 'top secret');
    await mkdir(join(fx.config.datasetsDir, '.hidden'));
    await writeFile(join(fx.config.datasetsDir, '.hidden/x.parquet'), 'hidden');
    await symlink(join(fx.root, 'secret.txt'), join(fx.config.datasetsDir, 'escape.parquet'));
    await symlink(fx.root, join(fx.config.datasetsDir, 'up'));
    await symlink(
      join(fx.config.datasetsDir, 'catalog.json'),
      join(fx.config.datasetsDir, 'alias.json'),
    );
  });
  afterAll(() => fx.cleanup());

  it('serves the whole file with Accept-Ranges, a strong ETag and Cache-Control', async () => {
    const res = await get(url);
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer()).equals(bytes)).toBe(true);
    expect(res.headers.get('Accept-Ranges')).toBe('bytes');
    expect(res.headers.get('ETag')).toMatch(/^"[\w-]{27}"$/);
    expect(res.headers.get('Content-Length')).toBe(String(bytes.length));
    expect(res.headers.get('Cache-Control')).toContain('must-revalidate');
  });

  it('answers a single Range with 206 and exactly those bytes', async () => {
    for (const [range, start, end] of [
      ['bytes=0-3', 0, 3],
      ['bytes=10-99', 10, 99],
      [`bytes=-8`, bytes.length - 8, bytes.length - 1],
      [`bytes=${bytes.length - 5}-`, bytes.length - 5, bytes.length - 1],
      [`bytes=100-${bytes.length + 1000}`, 100, bytes.length - 1],
    ] as const) {
      const res = await get(url, { Range: range });
      expect(res.status, range).toBe(206);
      expect(res.headers.get('Content-Range')).toBe(`bytes ${start}-${end}/${bytes.length}`);
      const body = Buffer.from(await res.arrayBuffer());
      expect(body.equals(bytes.subarray(start, end + 1)), range).toBe(true);
    }
    expect((await get(url, { Range: 'bytes=0-3' })).headers.get('Content-Length')).toBe('4');
  });

  it('answers an unsatisfiable Range with 416 and the size', async () => {
    const res = await get(url, { Range: `bytes=${bytes.length}-` });
    expect(res.status).toBe(416);
    expect(res.headers.get('Content-Range')).toBe(`bytes */${bytes.length}`);
  });

  it('answers If-None-Match with 304, and HEAD with headers only', async () => {
    const etag = (await get(url)).headers.get('ETag')!;
    expect((await get(url, { 'If-None-Match': etag })).status).toBe(304);
    const head = await app.request(`http://localhost${url}`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('Content-Length')).toBe(String(bytes.length));
    expect((await head.arrayBuffer()).byteLength).toBe(0);
  });

  it('serves catalog.json and 404s a missing file', async () => {
    expect((await get('/datasets/catalog.json')).status).toBe(200);
    expect((await get('/datasets/alias.json')).status).toBe(200); // a symlink that stays inside
    expect((await get('/datasets/nope.parquet')).status).toBe(404);
  });

  it('refuses encoded traversal, hidden files and symlinks out of the root', async () => {
    const cases: [string, number][] = [
      ['/datasets/..%2fsecret.txt', 403],
      ['/datasets/%2e%2e%2fsecret.txt', 403],
      ['/datasets/%252e%252e/secret.txt', 403],
      ['/datasets/..%5csecret.txt', 403],
      ['/datasets/%2fetc%2fpasswd', 403],
      ['/datasets/C%3a%5cwindows', 403],
      ['/datasets/.hidden/x.parquet', 403],
      ['/datasets/escape.parquet', 403],
      ['/datasets/up/secret.txt', 403],
      ['/datasets/a%00.parquet', 400],
      ['/datasets/%E0%A4%A.parquet', 400],
      ['/datasets//etc/passwd', 400],
    ];
    for (const [path, status] of cases) {
      const res = await get(path);
      expect(res.status, path).toBe(status);
      expect(await res.text()).not.toContain('top secret');
    }
  });

  it('never reaches outside through dot segments that URL parsing normalizes', async () => {
    for (const path of [
      '/datasets/../secret.txt',
      '/datasets/%2e%2e/secret.txt',
      '/datasets/.%2e/.%2e/secret.txt',
    ]) {
      const res = await get(path);
      expect(res.status, path).not.toBe(200);
      expect(await res.text()).not.toContain('top secret');
    }
  });
});
