import { mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createCatalogReader,
  parseCatalog,
  STATE_CATALOG,
} from '../../../server/datasets/catalog-reader';
import type { DatasetEntry } from '../../../server/contract/catalog';

const entry = (name: string): DatasetEntry => ({
  name,
  title: name,
  description: '',
  source: 'simulated',
  simulated: true,
  path: `source=simulated/kind=${name}`,
  partitionKeys: [],
  partitions: [],
  schema: [],
  rows: 0,
  bytes: 0,
  timeColumn: null,
  timeRange: null,
});

describe('createCatalogReader', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'vollab-catalog-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));
  const write = async (names: string[], mtime: number) => {
    const file = join(dir, 'catalog.json');
    await writeFile(file, JSON.stringify({ version: 1, generatedAt: 'g', datasets: names.map(entry) }));
    await utimes(file, mtime, mtime);
  };

  it('merges the state datasets in by name; a snapshot dataset of the same name wins', async () => {
    await write(['ohlcv_daily', 'fills'], 1_000);
    await mkdir(join(dir, 'source=state'));
    const state = { ...entry('fills'), source: 'state' as const, title: 'state fills' };
    const datasets = [state, { ...entry('alerts'), source: 'state' as const }];
    await writeFile(join(dir, STATE_CATALOG), JSON.stringify({ version: 1, generatedAt: 's', datasets }));
    const read = await createCatalogReader(dir).read();
    expect(read.datasets.map((d) => [d.name, d.source, d.title])).toEqual([
      ['alerts', 'state', 'alerts'],
      ['fills', 'simulated', 'fills'],
      ['ohlcv_daily', 'simulated', 'ohlcv_daily'],
    ]);
  });

  it('returns an empty catalog when catalog.json is missing', async () => {
    expect((await createCatalogReader(dir).read()).datasets).toEqual([]);
  });

  it('caches by mtime and size, and re-reads when either changes', async () => {
    const reader = createCatalogReader(dir);
    await write(['aa'], 1000);
    const first = await reader.read();
    expect(first.datasets.map((d) => d.name)).toEqual(['aa']);
    expect(await reader.read()).toBe(first); // same object: not re-parsed
    await write(['bb'], 1000); // same size and mtime: still cached (the documented limit of an mtime check)
    expect((await reader.read()).datasets[0]!.name).toBe('aa');
    await write(['bb'], 2000);
    expect((await reader.read()).datasets[0]!.name).toBe('bb');
    await write(['bb', 'cc'], 2000);
    expect(await reader.find('cc')).toMatchObject({ name: 'cc' });
    expect(await reader.find('zz')).toBeUndefined();
  });

  it('rejects a malformed catalog with a clear message', () => {
    expect(() => parseCatalog('{')).toThrow('invalid catalog.json: malformed JSON');
    expect(() => parseCatalog('{"version": 2, "datasets": []}')).toThrow('expected {version: 1');
    expect(() => parseCatalog('{"version": 1, "datasets": [{"name": "x"}]}')).toThrow('bad entry "x"');
  });
});
