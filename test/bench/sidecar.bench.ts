/**
 * Sidecar latency: slices cut by native DuckDB from a 1M-row hive-partitioned fixture (cold, cached, 304),
 * and Range reads of a Parquet file (in process and over a loopback socket).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startServer, type RunningServer } from '../../server/main';
import { createFixture, signedInApp, type Fixture } from '../server/routes/fixtures';
import type { BenchSuite } from './harness';

const ROWS_PER_CURRENCY = 500_000;
const PER_DAY = 1000;
let fx: Fixture;
let app: ReturnType<typeof signedInApp>;
let server: RunningServer;
let fileUrl = '';
let fileBytes = 0;
let day = 0;

const sliceUrl = (from: number, to: number) => {
  const date = (d: number) => new Date(Date.UTC(2025, 0, 1 + d)).toISOString().slice(0, 10);
  const where = JSON.stringify({ currency: 'BTC', date: { from: date(from), to: date(to) } });
  return `http://localhost/api/datasets/ticks/slice?columns=date,close,volume&where=${encodeURIComponent(where)}`;
};

async function expectStatus(res: Response, status: number): Promise<void> {
  await res.arrayBuffer();
  if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}`);
}

export const suite: BenchSuite = {
  name: 'sidecar',
  async setup() {
    fx = await createFixture({ rows: ROWS_PER_CURRENCY, perDay: PER_DAY });
    app = signedInApp(fx.config);
    server = await startServer({ ...fx.config, port: 0 });
    const path = fx.entry.partitions[0]!.path;
    fileBytes = (await readFile(join(fx.config.datasetsDir, path))).length;
    fileUrl = `datasets/${path}`;
  },
  async teardown() {
    await server.close();
    await fx.cleanup();
  },
  cases: [
    {
      name: 'slice 1M rows → 2k rows, cold (new query each run)',
      items: { count: 2 * ROWS_PER_CURRENCY, unit: 'rows scanned' },
      goal: '< 150 ms',
      run: async () => {
        day += 2;
        await expectStatus(await app.request(sliceUrl(day, day + 1)), 200);
      },
    },
    {
      name: 'slice 1M rows → 100k rows, cold',
      goal: '< 300 ms',
      run: async () => {
        day += 100;
        await expectStatus(await app.request(sliceUrl(day, day + 99)), 200);
      },
    },
    {
      name: 'slice, cached file (same query)',
      goal: '< 10 ms',
      run: async () => expectStatus(await app.request(sliceUrl(0, 1)), 200),
    },
    {
      name: 'slice, If-None-Match → 304',
      goal: '< 5 ms',
      run: async () => {
        const etag = (await app.request(sliceUrl(0, 1), { method: 'HEAD' })).headers.get('ETag')!;
        await expectStatus(
          await app.request(sliceUrl(0, 1), { headers: { 'If-None-Match': etag } }),
          304,
        );
      },
    },
    {
      name: 'static Range 64 KiB, in process',
      runs: 20,
      goal: '< 2 ms',
      run: async () => {
        const start = Math.floor(fileBytes / 3);
        const res = await app.request(`http://localhost/${fileUrl}`, {
          headers: { Range: `bytes=${start}-${start + 65535}` },
        });
        await expectStatus(res, 206);
      },
    },
    {
      name: 'static Range 64 KiB, loopback socket',
      runs: 20,
      goal: '< 5 ms',
      run: async () => {
        const res = await fetch(new URL(fileUrl, server.url), {
          headers: { Range: 'bytes=0-65535', Authorization: `Bearer ${server.token}` },
        });
        await expectStatus(res, 206);
      },
    },
  ],
};
