/**
 * `DatasetStore.refresh()`: the catalog is read again, a dataset written since is found, and a loaded table
 * loads again only when its dataset changed (a fake source counting loads, a fake connector).
 */
import { tableFromArrays } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import type { DatasetCatalog, DatasetEntry } from '../../../server/contract';
import type { Connector } from '../../../web/data/connector';
import type { DatasetSource } from '../../../web/data/dataset-source';
import { DatasetStore } from '../../../web/data/datasets';

const entry = (name: string, rows: number) =>
  ({ name, rows, bytes: rows * 10, partitionKeys: [], partitions: [] }) as unknown as DatasetEntry;

function setup() {
  let catalog: DatasetCatalog = {
    version: 1,
    generatedAt: 't0',
    datasets: [entry('ohlcv_daily', 5)],
  } as unknown as DatasetCatalog;
  const loads: string[] = [];
  let catalogReads = 0;
  const source: DatasetSource = {
    catalog: async () => (catalogReads++, catalog),
    loadTable: async (table) => void loads.push(table),
    loadArrow: async () => tableFromArrays({}),
  };
  const db: Connector = {
    query: async () => tableFromArrays({ n: [1] }),
    insertArrowIpc: async () => {},
    tables: async () => [],
  };
  const store = new DatasetStore(db, source);
  const write = (datasets: DatasetEntry[]) => {
    catalog = { ...catalog, generatedAt: `t${catalogReads}`, datasets };
  };
  return { store, loads, write, reads: () => catalogReads };
}

describe('DatasetStore.refresh', () => {
  it('finds a dataset written since the catalog was read, and reloads only changed tables', async () => {
    const { store, loads, write, reads } = setup();
    await store.query('SELECT 1', [], ['ohlcv_daily', 'chain_snapshots']);
    expect(loads).toEqual(['ohlcv_daily']);
    expect(await store.entry('chain_snapshots')).toBeUndefined();
    // A freeze writes chain_snapshots: the cached catalog does not know it until refreshed.
    write([entry('ohlcv_daily', 5), entry('chain_snapshots', 100)]);
    expect(await store.entry('chain_snapshots')).toBeUndefined();
    await store.refresh();
    expect(reads()).toBe(2);
    expect((await store.entry('chain_snapshots'))?.rows).toBe(100);
    await store.query('SELECT 1', [], ['ohlcv_daily', 'chain_snapshots']);
    expect(loads).toEqual(['ohlcv_daily', 'chain_snapshots']);
    // A second freeze grows chain_snapshots: only it loads again.
    write([entry('ohlcv_daily', 5), entry('chain_snapshots', 200)]);
    await store.refresh();
    await store.query('SELECT 1', [], ['ohlcv_daily', 'chain_snapshots']);
    expect(loads).toEqual(['ohlcv_daily', 'chain_snapshots', 'chain_snapshots']);
  });
});
