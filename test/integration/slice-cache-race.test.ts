/**
 * The slice cache under eviction pressure: a cache far smaller than one slice, and distinct slices requested
 * concurrently over real HTTP, so every production evicts files that other requests are about to send (or are
 * sending). Every response must be a 200 with the complete slice: the same bytes as a fresh computation.
 */
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { partitionFiles, writeSlice } from '../../server/datasets/slice';
import { startServer, type RunningServer } from '../../server/main';
import { parseSliceQuery } from '../../server/routes/slice-query';
import { createFixture, type Fixture } from '../server/routes/fixtures';

const LIMITS = [40_000, 50_000, 60_000, 70_000, 80_000, 90_000];
const ROUNDS = 10;

describe('slice cache eviction during concurrent requests', () => {
  let fx: Fixture;
  let server: RunningServer;
  const expected = new Map<number, Buffer>();

  beforeAll(async () => {
    fx = await createFixture({ rows: 100_000, env: { VOLLAB_SLICE_CACHE_BYTES: '100000' } });
    server = await startServer({ ...fx.config, port: 0, simulatedExchange: false });
    const files = partitionFiles(fx.config.datasetsDir, fx.entry.partitions);
    for (const limit of LIMITS) {
      const query = parseSliceQuery(fx.entry, { order: 'currency,volume', limit: String(limit) });
      const path = join(fx.root, `expected-${limit}.parquet`);
      await writeSlice(path, fx.entry, files, query);
      expected.set(limit, await readFile(path));
      await rm(path);
    }
  });
  afterAll(async () => {
    await server?.close();
    await fx?.cleanup();
  });

  it('answers every request with the whole slice while evicting', async () => {
    // Each slice is far bigger than the cache, so each production evicts every file not being opened.
    expect(Math.min(...[...expected.values()].map((b) => b.length))).toBeGreaterThan(100_000);
    const outcomes: string[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const responses = await Promise.all(
        LIMITS.map(async (limit) => {
          const url = new URL(
            `api/datasets/ticks/slice?order=currency,volume&limit=${limit}`,
            server.url,
          );
          const res = await fetch(url, { headers: { Authorization: `Bearer ${server.token}` } });
          const body = Buffer.from(await res.arrayBuffer());
          const whole = res.status === 200 && body.equals(expected.get(limit)!);
          return whole ? 'ok' : `limit ${limit}: ${res.status}, ${body.length} bytes`;
        }),
      );
      outcomes.push(...responses);
    }
    expect(outcomes.filter((o) => o !== 'ok')).toEqual([]);
    expect(outcomes).toHaveLength(LIMITS.length * ROUNDS);
  });
});
