import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../server/app';
import { CONTENT_SECURITY_POLICY } from '../../../server/http/security-headers';
import { createFixture, type Fixture } from './fixtures';

describe('workbench pages and assets', () => {
  let fx: Fixture;
  let app: ReturnType<typeof createApp>;
  const get = (path: string) => app.request(`http://localhost${path}`);

  beforeAll(async () => {
    fx = await createFixture();
    app = createApp(fx.config);
  });
  afterAll(() => fx.cleanup());

  it('serves index.html for /, /docs and every notebook URL, with the CSP and security headers', async () => {
    for (const path of ['/', '/docs', '/notebooks/intro', '/notebooks/studies/btc-regimes']) {
      const res = await get(path);
      expect(res.status, path).toBe(200);
      expect(await res.text()).toBe('<!doctype html><title>Vol Lab</title>');
      expect(res.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
      expect(res.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff');
      expect(res.headers.get('Referrer-Policy')).toBe('no-referrer');
      expect(res.headers.get('Cache-Control')).toBe('no-cache');
    }
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self' 'wasm-unsafe-eval' 'unsafe-eval'");
  });

  it('serves hashed assets with a long cache and .wasm as application/wasm', async () => {
    const js = await get('/assets/main-abc123.js');
    expect(js.status).toBe(200);
    expect(js.headers.get('Cache-Control')).toBe('public, max-age=31536000, immutable');
    expect(js.headers.get('Content-Security-Policy')).toBeNull();
    const wasm = await get('/assets/duckdb-def456.wasm');
    expect(wasm.headers.get('Content-Type')).toBe('application/wasm');
    expect(new Uint8Array(await wasm.arrayBuffer())).toEqual(new Uint8Array([0, 97, 115, 109]));
    expect((await get('/assets/missing.js')).status).toBe(404);
    expect((await get('/api/nope')).status).toBe(404);
    expect((await get('/%2e%2e%2fdatasets/catalog.json')).status).toBe(403);
  });

  it('shows a 503 page saying to build when web/dist is missing', async () => {
    const bare = createApp({ ...fx.config, webDistDir: join(fx.root, 'no-dist') });
    for (const path of ['/', '/notebooks/intro']) {
      const res = await bare.request(`http://localhost${path}`);
      expect(res.status).toBe(503);
      expect(await res.text()).toContain('npm run build');
    }
  });
});

describe('errors', () => {
  let fx: Fixture;
  beforeAll(async () => {
    fx = await createFixture({ rows: 3 });
  });
  afterAll(() => fx.cleanup());

  it('maps a QueryError to 400 with its SQL and an unknown error to a bare 500', async () => {
    const app = createApp(fx.config);
    const where = encodeURIComponent(JSON.stringify({ volume: 'abc' }));
    const bad = await app.request(`http://localhost/api/datasets/ticks/slice?where=${where}`);
    expect(bad.status).toBe(400);
    const body = await bad.json();
    expect(body.error.status).toBe(400);
    expect(body.error.sql).toContain('"volume" = CAST(? AS INTEGER)');
    await rm(join(fx.config.datasetsDir, 'catalog.json'));
    const { mkdir } = await import('node:fs/promises');
    await mkdir(join(fx.config.datasetsDir, 'catalog.json')); // reading it now fails with EISDIR
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (e: unknown) => errors.push(e);
    try {
      const res = await app.request('http://localhost/api/datasets');
      expect(res.status).toBe(500);
      expect(await res.json()).toEqual({
        error: { status: 500, message: 'internal server error' },
      });
      expect(errors.length).toBe(1);
    } finally {
      console.error = original;
    }
  });
});

describe('token auth', () => {
  let fx: Fixture;
  let app: ReturnType<typeof createApp>;
  const token = 'correct-horse-battery-staple';
  beforeAll(async () => {
    fx = await createFixture({ rows: 3, env: { HOST: '0.0.0.0', VOLLAB_TOKEN: token } });
    app = createApp(fx.config);
  });
  afterAll(() => fx.cleanup());

  it('requires the token on /api and /datasets, by bearer header or by the cookie from /?token=', async () => {
    const paths = ['/api/health', '/datasets/catalog.json'];
    for (const path of paths) {
      expect((await app.request(`http://localhost${path}`)).status, path).toBe(401);
      const wrong = await app.request(`http://localhost${path}`, {
        headers: { Authorization: 'Bearer nope' },
      });
      expect(wrong.status).toBe(401);
      const right = await app.request(`http://localhost${path}`, {
        headers: { Authorization: `Bearer ${token}` },
      });
      expect(right.status, path).toBe(200);
    }
    expect((await app.request('http://localhost/?token=wrong')).status).toBe(401);
    const visit = await app.request(`http://localhost/notebooks/x?token=${token}&a=1`);
    expect(visit.status).toBe(302);
    expect(visit.headers.get('Location')).toBe('/notebooks/x?a=1');
    const cookie = visit.headers.get('Set-Cookie')!;
    expect(cookie).toMatch(/^vollab_token=.+; Path=\/; HttpOnly; SameSite=Strict$/);
    const withCookie = await app.request('http://localhost/api/health', {
      headers: { Cookie: cookie.split(';')[0]! },
    });
    expect(withCookie.status).toBe(200);
    expect((await app.request('http://localhost/')).status).toBe(200); // the page itself is public
  });
});
