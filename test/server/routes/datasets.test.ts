import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../server/app';
import {
  createFixture,
  signedInApp,
  fixtureRows,
  readParquetBody,
  type Fixture,
  type FixtureRow,
} from './fixtures';

describe('/api/datasets', () => {
  let fx: Fixture;
  let app: ReturnType<typeof createApp>;
  const all = fixtureRows(90);
  const slice = (query: Record<string, unknown>, headers?: Record<string, string>) => {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(query))
      params.set(k, typeof v === 'string' ? v : JSON.stringify(v));
    return app.request(`http://localhost/api/datasets/ticks/slice?${params}`, { headers });
  };
  const pick = (rows: FixtureRow[], columns: (keyof FixtureRow)[]) =>
    rows.map((r) => Object.fromEntries(columns.map((c) => [c, r[c]])));

  beforeAll(async () => {
    fx = await createFixture();
    app = signedInApp(fx.config);
  });
  afterAll(() => fx.cleanup());

  it('lists the catalog and one entry, 404 for an unknown one', async () => {
    const catalog = await (await app.request('http://localhost/api/datasets')).json();
    expect(catalog.datasets.map((d: { name: string }) => d.name)).toEqual(['ticks']);
    const one = await app.request('http://localhost/api/datasets/ticks');
    expect(await one.json()).toEqual(fx.entry);
    expect((await app.request('http://localhost/api/datasets/nope')).status).toBe(404);
    expect((await app.request('http://localhost/api/datasets/nope/slice')).status).toBe(404);
  });

  it('reports health with the dataset count', async () => {
    const res = await app.request('http://localhost/api/health');
    expect(await res.json()).toEqual({
      ok: true,
      version: fx.config.version,
      source: 'simulated',
      datasets: 1,
    });
  });

  it('re-reads catalog.json when it changes', async () => {
    const changed = {
      version: 1,
      generatedAt: 'x',
      datasets: [fx.entry, { ...fx.entry, name: 'ticks2' }],
    };
    await writeFile(join(fx.config.datasetsDir, 'catalog.json'), JSON.stringify(changed));
    const health = await (await app.request('http://localhost/api/health')).json();
    expect(health.datasets).toBe(2);
    await writeFile(
      join(fx.config.datasetsDir, 'catalog.json'),
      JSON.stringify({ ...changed, datasets: [fx.entry] }),
    );
  });

  it('returns a Parquet slice whose rows equal the JS filter of the fixture', async () => {
    const where = {
      currency: 'ETH',
      symbol: ['ETH-PERP'],
      date: { from: '2025-01-10', to: '2025-02-15' },
    };
    const res = await slice({ columns: 'date,symbol,close', where, order: '-close' });
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe('application/vnd.apache.parquet');
    const expected = all
      .filter(
        (r) =>
          r.currency === 'ETH' &&
          r.symbol === 'ETH-PERP' &&
          r.date >= '2025-01-10' &&
          r.date <= '2025-02-15',
      )
      .sort((a, b) => b.close - a.close);
    expect(expected.length).toBe(13); // i = 9, 12, …, 45
    expect(await readParquetBody(fx.root, res)).toEqual(
      pick(expected, ['date', 'symbol', 'close']),
    );
  });

  it('applies numeric ranges, open-ended ranges and limit', async () => {
    const res = await slice({
      where: { close: { from: 140 }, volume: { to: 900 } },
      order: 'currency,date',
      limit: '5',
    });
    const expected = all.filter((r) => r.close >= 140 && r.volume <= 900).slice(0, 5);
    expect(await readParquetBody(fx.root, res)).toEqual(expected);
  });

  it('answers a repeated slice with 304 on If-None-Match, and a changed query with a new ETag', async () => {
    const first = await slice({ where: { currency: 'BTC' }, limit: '3' });
    const etag = first.headers.get('ETag')!;
    expect(etag).toMatch(/^"[0-9a-f]{32}"$/);
    const again = await slice(
      { where: { currency: 'BTC' }, limit: '3' },
      { 'If-None-Match': etag },
    );
    expect(again.status).toBe(304);
    const other = await slice({ where: { currency: 'BTC' }, limit: '4' });
    expect(other.headers.get('ETag')).not.toBe(etag);
    const files = await readdir(join(fx.config.cacheDir, 'slices'));
    expect(files.filter((f) => f.endsWith('.parquet')).length).toBeGreaterThanOrEqual(2);
  });

  it('reads only the partitions whose hive values match (a broken ETH file does not matter for BTC)', async () => {
    const local = await createFixture({ rows: 10 });
    try {
      await writeFile(
        join(local.config.datasetsDir, local.entry.partitions[1]!.path),
        'not parquet',
      );
      const localApp = signedInApp(local.config);
      const params = new URLSearchParams({
        where: JSON.stringify({ currency: 'BTC' }),
        columns: 'close',
      });
      const ok = await localApp.request(`http://localhost/api/datasets/ticks/slice?${params}`);
      expect(ok.status).toBe(200);
      expect((await readParquetBody(local.root, ok)).length).toBe(10);
      const broken = await localApp.request(
        'http://localhost/api/datasets/ticks/slice?columns=close',
      );
      expect(broken.status).toBe(400);
      expect((await broken.json()).error.sql).toContain('read_parquet');
    } finally {
      await local.cleanup();
    }
  });

  it('treats SQL in where values as plain data (no match), and rejects SQL in column names', async () => {
    const injected = await slice({ where: { symbol: "BTC-PERP' OR '1'='1" } });
    expect(injected.status).toBe(200);
    expect(await readParquetBody(fx.root, injected)).toEqual([]);
    const dropped = await slice({ where: { currency: "BTC'; DROP TABLE x; --" } });
    expect(await readParquetBody(fx.root, dropped)).toEqual([]);
    for (const query of [
      { where: { 'close" OR 1=1 --': 1 } },
      { columns: 'close,(SELECT 1)' },
      { order: 'close; DROP TABLE x' },
    ]) {
      const res = await slice(query);
      expect(res.status).toBe(400);
      expect((await res.json()).error.message).toMatch(/^unknown column/);
    }
  });

  it('gives clear 400s for malformed where, limits and values', async () => {
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ where: '{"currency": ' }, /malformed JSON/],
      [{ where: '[1]' }, /expected a JSON object/],
      [{ where: { close: { from: 1, between: 2 } } }, /invalid where\.close/],
      [{ where: { close: null } }, /invalid where\.close/],
      [{ limit: '-1' }, /invalid limit/],
      [{ limit: '5000001' }, /invalid limit/],
      [{ columns: 'close,close' }, /duplicates/],
    ];
    for (const [query, message] of cases) {
      const res = await slice(query);
      expect(res.status, JSON.stringify(query)).toBe(400);
      expect((await res.json()).error.message).toMatch(message);
    }
    const badValue = await slice({ where: { date: 'not a date' } });
    expect(badValue.status).toBe(400);
    expect((await badValue.json()).error.sql).toMatch(/CAST\(\? AS DATE\)/);
  });

  it('takes the slice spec in a POST body, so the documented 10,000-value where list is reachable', async () => {
    const post = (body: unknown) =>
      app.request('http://localhost/api/datasets/ticks/slice', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
    // 10,000 volumes, every other multiple of 10: the rows with an even index.
    const volumes = Array.from({ length: 10_000 }, (_, k) => k * 20);
    const res = await post({
      columns: ['volume', 'currency'],
      where: { volume: volumes },
      order: ['currency', 'volume'],
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe('application/vnd.apache.parquet');
    const expected = pick(
      all.filter((r) => r.volume % 20 === 0),
      ['volume', 'currency'],
    ).sort(
      (a, b) =>
        String(a.currency).localeCompare(String(b.currency)) || Number(a.volume) - Number(b.volume),
    );
    expect(await readParquetBody(fx.root, res)).toEqual(expected);
    // The same spec as a GET gives the same bytes' ETag: one cache for both.
    const small = { columns: ['close'], where: { currency: 'ETH' }, limit: 2 };
    const viaPost = await post(small);
    const viaGet = await slice({ columns: 'close', where: { currency: 'ETH' }, limit: '2' });
    expect(viaPost.headers.get('ETag')).toBe(viaGet.headers.get('ETag'));
    // Past the cap, and malformed specs, are 400s with a message.
    const over = await post({ where: { volume: [...volumes, 1] } });
    expect(over.status).toBe(400);
    expect((await over.json()).error.message).toBe(
      'invalid where.volume: expected up to 10000 strings, numbers or booleans',
    );
    for (const [body, message] of [
      [{ columns: 'close' }, 'invalid columns: expected an array of column names'],
      [{ where: [1] }, 'invalid where: expected a JSON object'],
      [{ limit: '5' }, 'invalid limit: expected a number'],
      [{ sql: 'DROP' }, 'unknown slice field: sql'],
    ] as const) {
      const bad = await post(body);
      expect(bad.status, JSON.stringify(body)).toBe(400);
      expect((await bad.json()).error.message).toBe(message);
    }
  });
});
