import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rebuildCatalog } from '../../../server/datasets/catalog-writer';
import { queryRows } from '../../../server/db/duckdb';
import type { DatasetCatalog } from '../../../server/contract/catalog';

describe('rebuildCatalog', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'vollab-catalog-writer-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  const writeDataset = async (kind: string, rows: number) => {
    const path = join(dir, 'source=simulated', `kind=${kind}`);
    await mkdir(path, { recursive: true });
    await queryRows(
      `COPY (SELECT range AS x FROM range(${rows})) TO '${join(path, 'part-0.parquet')}' (FORMAT parquet)`,
    );
  };

  it('runs concurrent rebuilds one after another, the last listing every dataset written before it', async () => {
    await writeDataset('a', 3);
    // Without the queue these share one temporary file: a rename finds it gone, or a catalog is half-written.
    const first = Promise.all([rebuildCatalog(dir), rebuildCatalog(dir), rebuildCatalog(dir)]);
    await writeDataset('b', 5);
    await first;
    const last = await rebuildCatalog(dir);
    expect(last.datasets.map((d) => [d.name, d.rows])).toEqual([
      ['a', 3],
      ['b', 5],
    ]);
    const onDisk = JSON.parse(await readFile(join(dir, 'catalog.json'), 'utf8')) as DatasetCatalog;
    expect(onDisk.datasets.map((d) => d.name)).toEqual(['a', 'b']);
    expect((await readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});
