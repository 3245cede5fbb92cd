import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../server/app';
import { createFixture, signedInApp, type Fixture } from './fixtures';

describe('workbench pages and assets', () => {
  let fx: Fixture;
  let app: ReturnType<typeof createApp>;
  const get = (path: string) => app.request(`http://localhost${path}`);

  beforeAll(async () => {
    fx = await createFixture();
    app = signedInApp(fx.config);
  });
  afterAll(() => fx.cleanup());

  it('serves index.html for /, /docs, /portfolio and every notebook URL, with the CSP and security headers', async () => {
    for (const path of [
      '/',
      '/docs',
      '/portfolio',
      '/notebooks/intro',
      '/notebooks/studies/btc-regimes',
    ]) {
      const res = await get(path);
      expect(res.status, path).toBe(200);
      expect(await res.text()).toBe('<!doctype html><title>Vol Lab</title>');
      expect(res.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
      const csp = res.headers.get('Content-Security-Policy')!.split('; ');
      expect(csp).toEqual([
        "default-src 'self'",
        "script-src 'self' 'wasm-unsafe-eval' 'unsafe-eval'",
        "worker-src 'self' blob:",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob:",
        "connect-src 'self' ws://localhost wss://localhost",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
      ]);
      expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff');
      expect(res.headers.get('Referrer-Policy')).toBe('no-referrer');
      expect(res.headers.get('X-Frame-Options')).toBe('DENY');
      expect(res.headers.get('Cache-Control')).toBe('private, no-cache');
    }
    const served = await app.request('http://127.0.0.1:8787/', {
      headers: { Host: '127.0.0.1:8787' },
    });
    expect(served.headers.get('Content-Security-Policy')).toContain(
      "connect-src 'self' ws://127.0.0.1:8787 wss://127.0.0.1:8787;",
    );
  });

  it('serves hashed assets with a long cache and .wasm as application/wasm', async () => {
    const js = await get('/assets/main-abc123.js');
    expect(js.status).toBe(200);
    expect(js.headers.get('Cache-Control')).toBe('private, max-age=31536000, immutable');
    expect(js.headers.get('Content-Security-Policy')).toBeNull();
    const wasm = await get('/assets/duckdb-def456.wasm');
    expect(wasm.headers.get('Content-Type')).toBe('application/wasm');
    expect(new Uint8Array(await wasm.arrayBuffer())).toEqual(new Uint8Array([0, 97, 115, 109]));
    expect((await get('/assets/missing.js')).status).toBe(404);
    expect((await get('/api/nope')).status).toBe(404);
    expect((await get('/%2e%2e%2fdatasets/catalog.json')).status).toBe(403);
  });

  it('shows a 503 page saying to build when web/dist is missing', async () => {
    const bare = signedInApp({ ...fx.config, webDistDir: join(fx.root, 'no-dist') });
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
    const app = signedInApp(fx.config);
    const where = encodeURIComponent(JSON.stringify({ volume: 'abc' }));
    const bad = await app.request(`http://localhost/api/datasets/ticks/slice?where=${where}`);
    expect(bad.status).toBe(400);
    const body = await bad.json();
    expect(body.error.status).toBe(400);
    expect(body.error.sql).toContain('"volume" = CAST(? AS INTEGER)');
    // The SQL reads the partitions by path: relative to a label, never the server's absolute paths.
    expect(body.error.sql).toContain(
      "'<datasets>/source=simulated/kind=ticks/currency=BTC/part-0.parquet'",
    );
    expect(JSON.stringify(body)).not.toContain(fx.root);
    expect(JSON.stringify(body)).not.toContain(tmpdir());
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
