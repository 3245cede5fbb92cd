/**
 * Slice computations are bounded: at most K run at once (counted independently, around `writeSlice`), a
 * bounded number wait, the rest get 503 with `Retry-After`; cache hits never wait. And DuckDB runs with a
 * memory cap and a thread count.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createCatalogReader } from '../../../server/datasets/catalog-reader';
import { createSliceLimiter, SliceBusyError } from '../../../server/datasets/slice-limit';
import { DUCKDB_MEMORY_LIMIT, DUCKDB_THREADS, queryRows } from '../../../server/db/duckdb';
import { handleError } from '../../../server/http/errors';
import { createFileCache } from '../../../server/http/file-cache';
import { datasetRoutes } from '../../../server/routes/datasets';
import { createFixture, type Fixture } from '../routes/fixtures';

const writes = vi.hoisted(() => ({ running: 0, peak: 0, total: 0 }));
vi.mock('../../../server/datasets/slice', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../server/datasets/slice')>();
  return {
    ...real,
    writeSlice: async (...args: Parameters<typeof real.writeSlice>) => {
      writes.running++;
      writes.total++;
      writes.peak = Math.max(writes.peak, writes.running);
      try {
        return await real.writeSlice(...args);
      } finally {
        writes.running--;
      }
    },
  };
});

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

async function until(condition: () => boolean, what: string) {
  const deadline = Date.now() + 10_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

describe('createSliceLimiter', () => {
  it('runs K at once, queues Q, refuses the rest and hands slots on in order', async () => {
    const limiter = createSliceLimiter({ concurrency: 2, queue: 1, retryAfterSeconds: 3 });
    const gates = [deferred(), deferred(), deferred()];
    const order: number[] = [];
    const runs = gates.map((g, i) =>
      limiter.run(async () => {
        order.push(i);
        await g.promise;
        return i;
      }),
    );
    const refused = await limiter.run(async () => 'never').catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(SliceBusyError);
    expect((refused as SliceBusyError).retryAfterSeconds).toBe(3);
    await until(() => order.length === 2, 'two running');
    expect([limiter.active, limiter.queued]).toEqual([2, 1]);
    gates[0]!.resolve();
    await until(() => order.length === 3, 'the queued one to start');
    expect(order).toEqual([0, 1, 2]);
    gates[1]!.resolve();
    gates[2]!.resolve();
    expect(await Promise.all(runs)).toEqual([0, 1, 2]);
    expect([limiter.active, limiter.queued, limiter.peak]).toEqual([0, 0, 2]);
  });

  it('frees the slot when the work fails', async () => {
    const limiter = createSliceLimiter({ concurrency: 1, queue: 0 });
    await expect(limiter.run(() => Promise.reject(new Error('bad sql')))).rejects.toThrow('bad sql');
    expect(await limiter.run(async () => 'ok')).toBe('ok');
  });
});

describe('the slice route under concurrent load', () => {
  let fx: Fixture;
  beforeAll(async () => {
    fx = await createFixture({ rows: 400 });
  });
  afterAll(() => fx.cleanup());

  const appWith = (sliceLimiter: ReturnType<typeof createSliceLimiter>, cacheName: string) => {
    const app = new Hono();
    app.onError(handleError);
    const sliceCache = createFileCache(join(fx.root, cacheName), 1e9, '.parquet');
    const catalog = createCatalogReader(fx.config.datasetsDir);
    app.route(
      '/api/datasets',
      datasetRoutes({ datasetsDir: fx.config.datasetsDir, catalog, sliceCache, sliceLimiter }),
    );
    return async (limit: number) =>
      app.request(`http://localhost/api/datasets/ticks/slice?limit=${limit}`);
  };

  it('computes at most K slices at once for N concurrent distinct requests', async () => {
    const limiter = createSliceLimiter({ concurrency: 2, queue: 20 });
    const slice = appWith(limiter, 'cache-a');
    writes.peak = 0;
    writes.total = 0;
    const responses = await Promise.all(Array.from({ length: 12 }, (_, i) => slice(i + 1)));
    expect(responses.map((r) => r.status)).toEqual(Array(12).fill(200));
    expect(writes.total).toBe(12);
    expect(writes.peak).toBeLessThanOrEqual(2);
    expect(limiter.peak).toBe(writes.peak);
  });

  it('refuses beyond the queue with 503 and Retry-After, serves cache hits, then recovers', async () => {
    const limiter = createSliceLimiter({ concurrency: 2, queue: 3, retryAfterSeconds: 7 });
    const slice = appWith(limiter, 'cache-b');
    expect((await slice(100)).status).toBe(200); // cached from now on
    // Occupy both slots, as two long computations would.
    const gates = [deferred(), deferred()];
    const held = gates.map((g) => limiter.run(() => g.promise));
    const pending = Array.from({ length: 6 }, (_, i) => slice(i + 1));
    const settled: Response[] = [];
    for (const p of pending) void p.then((r) => settled.push(r));
    await until(() => limiter.queued === 3 && settled.length === 3, '3 queued and 3 refused');
    for (const res of settled) {
      expect(res.status).toBe(503);
      expect(res.headers.get('retry-after')).toBe('7');
      expect((await res.json()).error).toMatchObject({ status: 503, retryAfter: 7 });
    }
    expect((await slice(100)).status).toBe(200); // a hit needs no slot
    for (const g of gates) g.resolve();
    await Promise.all(held);
    const statuses = (await Promise.all(pending)).map((r) => r.status).sort();
    expect(statuses).toEqual([200, 200, 200, 503, 503, 503]);
    expect(limiter.peak).toBe(2);
  });
});

describe('native DuckDB bounds', () => {
  it('runs with a memory limit, a fixed number of threads and spills to the temp folder', async () => {
    const [row] = await queryRows(
      "SELECT current_setting('memory_limit') AS memory, current_setting('threads') AS threads",
    );
    expect(DUCKDB_MEMORY_LIMIT).toBe('1GB');
    // DuckDB reports the limit in its own units (1GB → "953.6 MiB").
    expect(row!.memory).toBe('953.6 MiB');
    expect(Number(row!.threads)).toBe(DUCKDB_THREADS);
    const [temp] = await queryRows("SELECT current_setting('temp_directory') AS dir");
    expect(temp!.dir).toBe(join(tmpdir(), `vollab-duckdb-${process.pid}`));
  });
});
